#pragma once
// Counts that summarise a database: rows per entity, contributions per channel and per
// neighbourhood. Used by `concerto-cli stats` and the dashboard.

#include "db/database.h"

#include <string>
#include <utility>
#include <vector>

namespace concerto {

struct Stats {
    using Counts = std::vector<std::pair<std::string, long long>>;
    Counts perEntity;        ///< table name -> rows, in schema order; tables the role may not read are left out
    Counts perChannel;       ///< channel name -> contributions, by channel position
    Counts perNeighbourhood; ///< neighbourhood name (or "Non renseigné") -> contributions
    Counts perState;         ///< state code -> contributions
    Counts perCoder;         ///< coder -> contributions they tagged, most active first
    long long tagged = 0;    ///< contributions with at least one tag
    long long contributions = 0; ///< all contributions in scope
};

/// Collects the counts, for one consultation (its id) or for all when empty.
Stats CollectStats(Database& db, const std::string& consultationId = {});

} // namespace concerto
