#pragma once
// What the server set-up files share (db/server_admin.cpp, db/server_users.cpp): plain libpq
// calls on a Database's connection, whose errors keep their SQLSTATE, and the role names.
// Internal to concerto_db.

#include <string>
#include <vector>

namespace concerto {

class Database;

namespace server {

/// The three group roles, from the most to the least powerful.
inline constexpr const char* kGroupRoles[] = {"concerto_admin", "concerto_editor", "concerto_reader"};

/// Throws ValidationError saying that `what` exists only on a shared PostgreSQL server.
void RequirePostgres(Database& db, const std::string& what);

/// Runs `sql` (one statement or, without parameters, several) on db's connection and returns
/// its rows as text cells (NULL as ""). Errors become Concerto errors: SQLSTATE class CN (raised
/// by Concerto's own server functions, message in French) a ValidationError, CN404 a
/// NotFoundError, 42501 the permission DatabaseError, 42883 (no such function) the advice to
/// run `server init`, anything else a DatabaseError with the server's text as detail.
std::vector<std::vector<std::string>> Query(Database& db, const std::string& sql,
                                            const std::vector<std::string>& params = {});
inline void Exec(Database& db, const std::string& sql) { Query(db, sql); }

/// The SQL that (re)creates the user-management functions in schema `schema` (quoted).
std::string UserFunctionsSql(const std::string& schema);
/// Their signatures, for the grants.
extern const std::vector<std::string> kUserFunctions;

} // namespace server
} // namespace concerto
