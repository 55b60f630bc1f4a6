#include "db/stats.h"

#include "db/repository.h"

#include <set>

namespace concerto {

namespace {
// Tables in schema order, and whether they belong to one consultation directly, through a
// contribution, or not at all (shared reference data).
struct Counted {
    const char* table;
    const char* scope; // SQL condition on alias c with :consultation, or nullptr for shared tables
};
const Counted kTables[] = {
    {"consultation", "c.id = :consultation"},
    {"theme", "c.consultation_id = :consultation"},
    {"commitment", "c.consultation_id = :consultation"},
    {"commitment_status_change",
     "c.commitment_id IN (SELECT id FROM commitment WHERE consultation_id = :consultation)"},
    {"neighbourhood", nullptr},
    {"channel", nullptr},
    {"card", "c.consultation_id = :consultation"},
    {"meeting", "c.consultation_id = :consultation"},
    {"contribution", "c.consultation_id = :consultation"},
    {"contact_details",
     "c.contribution_id IN (SELECT id FROM contribution WHERE consultation_id = :consultation)"},
    {"tag", "c.contribution_id IN (SELECT id FROM contribution WHERE consultation_id = :consultation)"},
    {"label", "c.consultation_id = :consultation"},
    {"contribution_label",
     "c.contribution_id IN (SELECT id FROM contribution WHERE consultation_id = :consultation)"},
    {"topic", "c.consultation_id = :consultation"},
    {"topic_link", "c.topic_id IN (SELECT id FROM topic WHERE consultation_id = :consultation)"},
    {"reorientation", "c.consultation_id = :consultation"},
    {"reorientation_link",
     "c.reorientation_id IN (SELECT id FROM reorientation WHERE consultation_id = :consultation)"},
    {"reorientation_note",
     "c.reorientation_id IN (SELECT id FROM reorientation WHERE consultation_id = :consultation)"},
    {"report_definition", nullptr},
};

Stats::Counts Grouped(Database& db, const std::string& sql, const Params& params)
{
    Stats::Counts counts;
    QueryRows(db, sql, params, [&](const soci::row& row) { counts.emplace_back(Cell::Text(row, 0), Cell::Integer(row, 1)); });
    return counts;
}
/// The tables of kTables the connected role may not read (on a shared server; SQLite has no roles).
std::set<std::string> Unreadable(Database& db)
{
    std::set<std::string> tables;
    if (db.GetBackend() != Backend::Postgresql)
        return tables;
    std::string names;
    for (const auto& counted : kTables)
        names += (names.empty() ? "" : ",") + std::string(counted.table);
    QueryRows(db,
              "SELECT t.name FROM unnest(string_to_array(CAST(:names AS text), ',')) AS t(name) "
              "WHERE NOT has_table_privilege(t.name, 'SELECT')",
              {{"names", names}}, [&](const soci::row& row) { tables.insert(Cell::Text(row, 0)); });
    return tables;
}
} // namespace

Stats CollectStats(Database& db, const std::string& consultationId)
{
    Stats stats;
    const bool scoped = !consultationId.empty();
    const Params params = scoped ? Params{{"consultation", consultationId}} : Params{};
    const std::set<std::string> unreadable = Unreadable(db);
    for (const auto& counted : kTables) {
        if (unreadable.count(counted.table))
            continue; // a role that may not read it (contact details for readers) gets no count, not an error
        std::string sql = std::string("SELECT COUNT(*) FROM ") + counted.table + " c";
        if (scoped && counted.scope)
            sql += std::string(" WHERE ") + counted.scope;
        const Params used = scoped && counted.scope ? params : Params{};
        long long count = 0;
        QueryRows(db, sql, used, [&](const soci::row& row) { count = Cell::Integer(row, 0); });
        stats.perEntity.emplace_back(counted.table, count);
    }
    const std::string where = scoped ? " AND c.consultation_id = :consultation" : "";
    stats.perChannel = Grouped(db,
                               "SELECT h.name, COUNT(c.id) FROM channel h LEFT JOIN contribution c ON c.channel_id = h.id" +
                                   where + " GROUP BY h.id, h.name, h.position ORDER BY h.position, h.name",
                               params);
    stats.perNeighbourhood = Grouped(
        db,
        "SELECT n.name, COUNT(c.id) FROM neighbourhood n LEFT JOIN contribution c ON c.neighbourhood_id = n.id" +
            where + " GROUP BY n.id, n.name, n.position ORDER BY n.position, n.name",
        params);
    long long unassigned = 0;
    QueryRows(db,
              "SELECT COUNT(*) FROM contribution c WHERE c.neighbourhood_id IS NULL" + where, params,
              [&](const soci::row& row) { unassigned = Cell::Integer(row, 0); });
    if (unassigned > 0)
        stats.perNeighbourhood.emplace_back("(aucun)", unassigned);
    stats.perState = Grouped(db,
                             "SELECT c.state, COUNT(*) FROM contribution c" +
                                 std::string(scoped ? " WHERE c.consultation_id = :consultation" : "") +
                                 " GROUP BY c.state ORDER BY c.state",
                             params);
    const std::string scope = scoped ? " WHERE c.consultation_id = :consultation" : "";
    QueryRows(db,
              "SELECT COUNT(*), COUNT(CASE WHEN EXISTS (SELECT 1 FROM tag t WHERE t.contribution_id = c.id) THEN 1 END) "
              "FROM contribution c" + scope,
              params, [&](const soci::row& row) {
                  stats.contributions = Cell::Integer(row, 0);
                  stats.tagged = Cell::Integer(row, 1);
              });
    stats.perCoder = Grouped(db,
                             "SELECT t.coder, COUNT(DISTINCT t.contribution_id) FROM tag t JOIN contribution c ON "
                             "c.id = t.contribution_id" + scope +
                                 " GROUP BY t.coder ORDER BY COUNT(DISTINCT t.contribution_id) DESC, t.coder",
                             params);
    return stats;
}

} // namespace concerto
