#pragma once
// A consistent copy of an embedded (SQLite) database taken while it is open and in use, with
// SQLite's online backup API: the copy is the database as of one instant, whatever other
// connections write meanwhile.

#include <string>

namespace concerto {

class Database;

/// Copies the SQLite database of `db` to the file `destinationPath` (replaced if it exists; never
/// the database's own file). The copy is a self-contained file, not in WAL mode, that Concerto
/// opens like any other. Throws ValidationError for a PostgreSQL database or a destination that
/// is the database itself, DatabaseError when the copy cannot be written; a failed copy leaves
/// no file and an existing destination untouched.
void BackupSqlite(Database& db, const std::string& destinationPath);

} // namespace concerto
