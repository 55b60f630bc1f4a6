#pragma once
// What every view of one contribution shows above its text: the contribution itself, its entry
// number and the names of its channel, meeting, neighbourhood and card. The contributions
// list's detail pane and the coding view read it with the same query.

#include "db/repositories.h"

#include <string>

namespace concerto {

/// A contribution with its entry number and the names of what it refers to.
struct ContributionHeading {
    Contribution contribution;
    long long seq = 0;
    std::string channel, meeting, neighbourhood, card; ///< names; empty when none
};

/// Reads into `heading` the contribution matching `where` (a condition on alias c, its values
/// bound in `params`); false, and `heading` untouched, when none matches.
bool ReadContributionHeading(Database& db, const std::string& where, Bindings& params, ContributionHeading& heading);

} // namespace concerto
