#pragma once
// What the user of a connection may do. On a shared server PostgreSQL itself enforces it
// (grants, row-level security): this only tells the interface what to offer, so that a reader
// is not shown buttons the server would refuse and personal data is not even asked for.

#include <string>

namespace concerto {

class Database;

/// The three Concerto role groups, from the least to the most powerful.
enum class AccessLevel { Reader, Editor, Admin };

/// The rights of one connection.
struct Access {
    AccessLevel level = AccessLevel::Admin;
    /// True on SQLite and on a server without Concerto roles: the database's own permissions
    /// (the file's, the login's) are the only ones, and Concerto restricts nothing.
    bool unmanaged = true;

    bool CanEdit() const { return level != AccessLevel::Reader; }
    bool CanAdminister() const { return level == AccessLevel::Admin; }
    /// Contributors' names, e-mail addresses and phone numbers.
    bool CanSeePersonalData() const { return level != AccessLevel::Reader; }
};

/// The group roles' names on the server: "concerto_admin", "concerto_editor", "concerto_reader".
const char* GroupRoleName(AccessLevel level);
/// The level for a group name, a short name ("admin", "editor", "reader") or a French one
/// ("administrateur", "éditeur", "lecteur"). Throws ValidationError naming the accepted words.
AccessLevel ParseAccessLevel(const std::string& text);
/// The level in French for messages and lists: « administrateur », « éditeur », « lecteur ».
const char* FrenchName(AccessLevel level);

/// The rights of `db`'s session user: Admin and unmanaged on SQLite; on PostgreSQL, a superuser
/// is Admin; a member of a Concerto group has that group's level (the most powerful when
/// several); on a server where `concerto server init` never ran (no concerto_reader role) the
/// login is Admin and unmanaged; otherwise (a login in no group) Reader. Throws DatabaseError.
Access AccessOf(Database& db);

} // namespace concerto
