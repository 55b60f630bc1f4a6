#include "db/access.h"

#include "core/errors.h"
#include "db/connection_profile.h"
#include "db/database.h"

#include <soci/soci.h>

#include <cctype>

namespace concerto {

const char* GroupRoleName(AccessLevel level)
{
    switch (level) {
    case AccessLevel::Reader:
        return "concerto_reader";
    case AccessLevel::Editor:
        return "concerto_editor";
    case AccessLevel::Admin:
        break;
    }
    return "concerto_admin";
}

AccessLevel ParseAccessLevel(const std::string& text)
{
    // Lower-cased by hand: ASCII letters, and the accented capital of « Éditeur » (UTF-8 C3 89).
    std::string word;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == 0xC3 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x89) {
            word += "é";
            ++i;
        } else if (!std::isspace(c)) {
            word += static_cast<char>(std::tolower(c));
        }
    }
    if (word == "concerto_admin" || word == "admin" || word == "administrateur" || word == "administrator")
        return AccessLevel::Admin;
    if (word == "concerto_editor" || word == "editor" || word == "éditeur" || word == "editeur")
        return AccessLevel::Editor;
    if (word == "concerto_reader" || word == "reader" || word == "lecteur")
        return AccessLevel::Reader;
    throw ValidationError("Rôle inconnu : « " + text + " ». Indiquez admin (administrateur), editor (éditeur) ou "
                          "reader (lecteur).");
}

const char* FrenchName(AccessLevel level)
{
    switch (level) {
    case AccessLevel::Reader:
        return "lecteur";
    case AccessLevel::Editor:
        return "éditeur";
    case AccessLevel::Admin:
        break;
    }
    return "administrateur";
}

Access AccessOf(Database& db)
{
    Access access; // Admin and unmanaged: SQLite, or a server where `server init` never ran
    if (db.GetBackend() != Backend::Postgresql)
        return access;
    int superuser = 0;
    int managed = 0;
    db.Guarded([&] {
        db.Session() << "SELECT CASE WHEN r.rolsuper THEN 1 ELSE 0 END, CASE WHEN EXISTS (SELECT 1 FROM "
                        "pg_catalog.pg_roles WHERE rolname = 'concerto_reader') THEN 1 ELSE 0 END "
                        "FROM pg_catalog.pg_roles r WHERE r.rolname = session_user",
            soci::into(superuser), soci::into(managed);
    });
    if (!managed)
        return access;
    access.unmanaged = false;
    if (superuser)
        return access;
    const std::string group = ConcertoRole(db);
    access.level = group.empty() ? AccessLevel::Reader : ParseAccessLevel(group);
    return access;
}

} // namespace concerto
