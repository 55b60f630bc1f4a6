#include "db/contact_flags.h"

#include "core/personal_data.h"
#include "db/database.h"
#include "db/repository.h"

#include <vector>

namespace concerto {

namespace {

// Ids per UPDATE: few statements for many rows, well under SQLite's parameter limit.
constexpr std::size_t kBatch = 400;

void WriteFlags(Database& db, const std::vector<std::string>& ids, bool flag)
{
    for (std::size_t first = 0; first < ids.size(); first += kBatch) {
        Bindings params;
        std::string list;
        for (std::size_t i = first; i < ids.size() && i < first + kBatch; ++i) {
            const std::string name = "f" + std::to_string(i - first);
            list += (list.empty() ? ":" : ", :") + name;
            params.Text(name, ids[i]);
        }
        Execute(db,
                std::string("UPDATE contribution SET mentions_contact = ") + (flag ? "TRUE" : "FALSE") +
                    " WHERE id IN (" + list + ")",
                params);
    }
}

} // namespace

long long RefreshContactFlags(Database& db, const std::string& fromWhere, Bindings& params)
{
    // A phone number always has two adjacent digits ("06", "+33") and an address an '@': the
    // other texts cannot change flag, and most citizens' texts are among them.
    const bool pg = db.GetBackend() == Backend::Postgresql;
    const std::string texts = "(c.title || ' ' || c.body || ' ' || c.notes)";
    const std::string candidate = pg ? texts + " ~ '[0-9][0-9]|@'"
                                     : "(" + texts + " GLOB '*[0-9][0-9]*' OR " + texts + " LIKE '%@%')";
    std::vector<std::string> raise, lower;
    QueryRows(db,
              "SELECT CAST(c.id AS text), c.mentions_contact, c.title, c.body, c.notes " + fromWhere +
                  " AND (c.mentions_contact OR " + candidate + ")",
              params, [&](const soci::row& row) {
                  const bool stored = Cell::Integer(row, 1) != 0;
                  const bool found = MentionsContact(Cell::Text(row, 2)) || MentionsContact(Cell::Text(row, 3)) ||
                                     MentionsContact(Cell::Text(row, 4));
                  if (found != stored)
                      (found ? raise : lower).push_back(Cell::Text(row, 0));
              });
    WriteFlags(db, raise, true);
    WriteFlags(db, lower, false);
    return static_cast<long long>(raise.size() + lower.size());
}

} // namespace concerto
