#pragma once
// Setting up a shared PostgreSQL server for Concerto, and its user accounts. Every rule lives in
// the database itself (anyone with a login could use psql instead of Concerto):
// - the schema belongs to concerto_owner, a NOLOGIN role; no login ever owns a table;
// - three NOLOGIN group roles carry the grants: concerto_reader (reads everything but personal
//   data, writes nothing), concerto_editor (also personal data; writes contributions, tags,
//   labels, meetings, topics, reorientation points, double coding), concerto_admin (everything
//   but ownership: reference data, report definitions, settings, users, audit purge);
// - row-level security, enabled and forced, where it applies; the audit trail cannot be
//   changed by any application role;
// - SECURITY DEFINER functions (user management, audit purge) pin their search_path and are
//   executable by concerto_admin only, never by PUBLIC.
// Personal LOGIN roles with SCRAM passwords are members of exactly one group.

#include "db/access.h"

#include <string>
#include <vector>

namespace concerto {

class Database;

/// The NOLOGIN role that owns the schema.
inline constexpr const char* kOwnerRole = "concerto_owner";

/// What InitServer did, for the CLI to print.
struct ServerInitReport {
    std::vector<std::string> rolesCreated; ///< roles that did not exist before
    int migrationsApplied = 0;             ///< schema migrations run by this call
    int schemaVersion = 0;                 ///< the schema version afterwards
};

/// Creates or updates on `db` (a privileged connection: superuser, or CREATEROLE and member of
/// concerto_owner) the owner and group roles, the schema (migrations run as concerto_owner),
/// ownership, grants, row-level security, the audit machinery and the user-management
/// functions. Idempotent: a second run changes nothing; after a Concerto upgrade it applies the
/// new migrations and extends the grants to new tables. Throws ValidationError on SQLite,
/// DatabaseError naming the missing privilege when the connection may not do it.
ServerInitReport InitServer(Database& db);

/// A personal login of the server.
struct UserAccount {
    std::string login;
    AccessLevel level = AccessLevel::Reader;
    bool canLogin = true;
};

/// The logins that are members of a Concerto group, sorted by name. Needs concerto_admin.
std::vector<UserAccount> ListUsers(Database& db);
/// Creates LOGIN role `login` with `password` (sent as a SCRAM-SHA-256 verifier, never in
/// clear) in the group of `level`. ValidationError when the name is invalid or taken, or the
/// password shorter than 8 characters; DatabaseError (permission) when the caller is no admin.
void AddUser(Database& db, const std::string& login, const std::string& password, AccessLevel level);
/// Drops a Concerto login (never a group, the owner or a superuser). NotFoundError when none.
void RemoveUser(Database& db, const std::string& login);
/// Moves a Concerto login to the group of `level` (out of the others).
void SetUserRole(Database& db, const std::string& login, AccessLevel level);
/// Sets a Concerto login's password (as a SCRAM verifier).
void SetUserPassword(Database& db, const std::string& login, const std::string& password);

} // namespace concerto
