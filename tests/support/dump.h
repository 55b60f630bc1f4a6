#pragma once
// A canonical text dump of every Concerto table, to compare databases row for row:
// rows ordered by id, cells normalised so that the same data prints the same on
// SQLite and PostgreSQL (booleans as 0/1, instants in UTC, dates without a time).

#include "db/database.h"

#include <string>
#include <vector>

namespace concerto::test {

/// The business tables, in schema order.
const std::vector<std::string>& BusinessTables();
/// The dump of one table (header line with the column names, then one line per row).
std::string DumpTable(Database& db, const std::string& table);
/// The dump of every business table.
std::string DumpDatabase(Database& db);

} // namespace concerto::test
