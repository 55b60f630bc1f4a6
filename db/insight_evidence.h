#pragma once
// The contributions behind an insight flag, as its evidence list shows them: entry number,
// date, channel, neighbourhood, title and full text. The flags carry contribution ids only
// (db/synthesis.h); this reads the rows for the ones a person opens, in a few statements.

#include "core/model.h"
#include "db/database.h"

#include <string>
#include <vector>

namespace concerto {

/// One evidence contribution with the names it refers to and its whole text.
struct EvidenceContribution {
    std::string contributionId;
    long long seq = 0; ///< entry number
    Timestamp receivedAt;
    std::string channel, neighbourhood, title, body; ///< names empty when none
    bool isQuote = false;
};

/// The contributions `contributionIds`, in that order; ids that match no contribution (or
/// are not UUIDs) are skipped. Reads them by batches of a few hundred ids.
std::vector<EvidenceContribution> LoadEvidenceContributions(Database& db, const std::vector<std::string>& contributionIds);

} // namespace concerto
