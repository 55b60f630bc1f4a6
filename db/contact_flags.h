#pragma once
// Keeping contribution.mentions_contact in step with the texts where SQL writes them in bulk
// (the migration that adds the flag, imports): the detector is C++ (core/personal_data.h), so
// the texts are read back, the flags compared and only the rows whose flag changes rewritten.

#include <string>

namespace concerto {

class Database;
class Bindings;

/// Recomputes mentions_contact for the contributions `c` selected by `fromWhere` (SQL after
/// SELECT …: "FROM contribution c JOIN … WHERE …", values in `params`). Reads only the rows that
/// could hold contact data (flagged now, or with an '@' or two adjacent digits), writes only the
/// flags that change, never the version. Joins the caller's transaction. Returns the rows changed.
long long RefreshContactFlags(Database& db, const std::string& fromWhere, Bindings& params);

} // namespace concerto
