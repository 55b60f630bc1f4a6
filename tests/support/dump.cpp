#include "support/dump.h"

#include "db/repository.h"

#include <soci/soci.h>

namespace concerto::test {

const std::vector<std::string>& BusinessTables()
{
    static const std::vector<std::string> tables = {
        "consultation", "theme", "commitment", "commitment_status_change", "neighbourhood", "channel", "card",
        "meeting", "contribution", "contact_details", "tag", "label", "contribution_label", "topic", "topic_link",
        "reorientation", "reorientation_link", "reorientation_note", "report_definition", "app_setting"};
    return tables;
}

namespace {
std::string Normalise(const soci::row& row, std::size_t i)
{
    if (Cell::IsNull(row, i))
        return "NULL";
    std::string text = Cell::Text(row, i);
    if (text == "t" || text == "true")
        return "1";
    if (text == "f" || text == "false")
        return "0";
    const std::string midnight = " 00:00:00";
    if (text.size() == 19 && text.compare(10, 9, midnight) == 0)
        text.erase(10);
    return text;
}
} // namespace

std::string DumpTable(Database& db, const std::string& table)
{
    std::string out = "== " + table + "\n";
    bool header = true;
    // The table name comes from BusinessTables(), never from input.
    QueryRows(db, "SELECT * FROM " + table + " ORDER BY id", {}, [&](const soci::row& row) {
        std::string line;
        std::string names;
        for (std::size_t i = 0; i < row.size(); ++i) {
            const std::string name = row.get_properties(i).get_name();
            if (name == "search" || name == "seq") // PostgreSQL's tsvector and the local entry order
                continue;
            names += name + "|";
            line += Normalise(row, i) + "|";
        }
        if (header)
            out += names + "\n";
        header = false;
        out += line + "\n";
    });
    return out;
}

std::string DumpDatabase(Database& db)
{
    std::string out;
    for (const auto& table : BusinessTables())
        out += DumpTable(db, table);
    return out;
}

} // namespace concerto::test
