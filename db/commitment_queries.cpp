#include "db/commitment_queries.h"

#include "db/repository.h"

namespace concerto {

CommitmentCounts& CommitmentCounts::operator+=(const CommitmentCounts& other)
{
    for (std::size_t i = 0; i < kStanceCount; ++i)
        byStance[i] += other.byStance[i];
    total += other.total;
    return *this;
}

std::map<std::string, CommitmentCounts> CountLinkedContributions(Database& db, const std::string& consultationId)
{
    // Two groupings in one statement: per commitment × stance, then per commitment with the
    // stance left empty for the total. DISTINCT because two coders may tag the same
    // contribution with the same commitment (double coding). CAST keeps the uuid column
    // readable as text on PostgreSQL. An excluded contribution keeps its tags (excluding is
    // undone by a click) but no longer counts.
    const std::string sql = "SELECT CAST(t.commitment_id AS text), t.stance, COUNT(DISTINCT t.contribution_id) "
                            "FROM tag t JOIN commitment m ON m.id = t.commitment_id "
                            "JOIN contribution k ON k.id = t.contribution_id AND k.state <> 'excluded' "
                            "WHERE m.consultation_id = :consultation GROUP BY t.commitment_id, t.stance "
                            "UNION ALL "
                            "SELECT CAST(t.commitment_id AS text), '', COUNT(DISTINCT t.contribution_id) "
                            "FROM tag t JOIN commitment m ON m.id = t.commitment_id "
                            "JOIN contribution k ON k.id = t.contribution_id AND k.state <> 'excluded' "
                            "WHERE m.consultation_id = :consultation2 GROUP BY t.commitment_id";
    std::map<std::string, CommitmentCounts> counts;
    QueryRows(db, sql, {{"consultation", consultationId}, {"consultation2", consultationId}},
              [&](const soci::row& row) {
                  CommitmentCounts& entry = counts[Cell::Text(row, 0)];
                  const std::string code = Cell::Text(row, 1);
                  const long long count = Cell::Integer(row, 2);
                  Stance stance = Stance::Observation;
                  if (code.empty())
                      entry.total = count;
                  else if (FromCode(code, stance))
                      entry.byStance[static_cast<std::size_t>(stance)] = count;
              });
    return counts;
}

} // namespace concerto
