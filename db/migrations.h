#pragma once
// The schema migrations, embedded in the program from db/migrations/<dialect>/NNN_name.sql
// at build time so that an installed Concerto needs no SQL files beside it.

#include "db/dialect.h"

#include <vector>

namespace concerto {

const std::vector<Migration>& SqliteMigrations();
const std::vector<Migration>& PostgresMigrations();

class Database;
/// Work in C++ that follows migration `version` on `db`, inside the migration's transaction
/// (so: plain statements on db.Session(), never db.InTransaction): e.g. filling a new column
/// from text only C++ can analyse. Called by Database::Migrate after each script.
void AfterMigration(Database& db, int version);

} // namespace concerto
