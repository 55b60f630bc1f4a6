#include "db/insight_evidence.h"

#include "db/evidence_row.h"
#include "db/repository.h"

#include <algorithm>
#include <unordered_map>

namespace concerto {

namespace {

// Enough ids per statement to keep the round trips few, few enough for any backend's limits.
constexpr std::size_t kBatch = 250;

const char* const kSelect =
    "SELECT c.id, c.seq, c.received_at, ch.name, n.name, c.title, c.body, "
    "CASE WHEN c.is_quote THEN 1 ELSE 0 END FROM contribution c "
    "LEFT JOIN channel ch ON ch.id = c.channel_id LEFT JOIN neighbourhood n ON n.id = c.neighbourhood_id "
    "WHERE c.id IN (";

} // namespace

std::vector<EvidenceContribution> LoadEvidenceContributions(Database& db, const std::vector<std::string>& contributionIds)
{
    std::vector<std::string> ids;
    for (const std::string& id : contributionIds)
        if (IsUuid(id))
            ids.push_back(id);
    std::unordered_map<std::string, EvidenceContribution> found;
    db.Guarded([&] {
        for (std::size_t first = 0; first < ids.size(); first += kBatch) {
            const std::size_t count = std::min(kBatch, ids.size() - first);
            Bindings params;
            std::string list;
            for (std::size_t i = 0; i < count; ++i) {
                const std::string name = "id" + std::to_string(i);
                list += (i ? ", :" : ":") + name;
                params.Text(name, ids[first + i]);
            }
            QueryRows(db, kSelect + list + ")", params, [&](const soci::row& row) {
                auto item = ReadEvidenceLine<EvidenceContribution>(row, 0, &EvidenceContribution::body);
                found.emplace(item.contributionId, std::move(item));
            });
        }
    });
    std::vector<EvidenceContribution> ordered;
    ordered.reserve(found.size());
    for (const std::string& id : ids)
        if (auto it = found.find(id); it != found.end())
            ordered.push_back(it->second);
    return ordered;
}

} // namespace concerto
