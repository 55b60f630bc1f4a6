#pragma once
// The schema migrations, embedded in the program from db/migrations/<dialect>/NNN_name.sql
// at build time so that an installed Concerto needs no SQL files beside it.

#include "db/dialect.h"

#include <vector>

namespace concerto {

const std::vector<Migration>& SqliteMigrations();
const std::vector<Migration>& PostgresMigrations();

} // namespace concerto
