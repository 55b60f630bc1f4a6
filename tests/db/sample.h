#pragma once
// A small, fully linked consultation built through the repositories, for repository tests.

#include "db/repositories.h"

namespace concerto::test {

struct Sample {
    Consultation consultation;
    Theme theme;
    Commitment commitment;
    Neighbourhood neighbourhood;
    Channel channel;
    Card card;
    Meeting meeting;

    explicit Sample(Database& db);
    /// A new contribution of this sample with the given body, received on `day` at noon.
    Contribution AddContribution(Database& db, const std::string& body, const Date& day = {2023, 10, 2});
};

} // namespace concerto::test
