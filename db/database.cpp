#include "db/database.h"

#include "core/datetime.h"
#include "core/errors.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace concerto {

namespace {
bool EndsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string OsUserName()
{
    for (const char* name : {"USER", "USERNAME", "LOGNAME"})
        if (const char* value = std::getenv(name); value && *value)
            return value;
    return "local";
}

// SOCI's sqlite3 backend reads "db=… key=value" pairs; quoting keeps paths with spaces whole.
std::string SqliteConnectString(const std::string& path)
{
    std::string quoted = "db=\"";
    for (char c : path) {
        if (c == '"')
            throw ValidationError("Le chemin de la base ne peut pas contenir de guillemet droit (\") : " + path);
        quoted += c;
    }
    return quoted + "\" timeout=10";
}

// SOCI's PostgreSQL backend mangles URIs, so every location is handed over as libpq
// key=value pairs, parsed by libpq itself (which knows both forms).
std::string PostgresConnectString(const std::string& target)
{
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(target.c_str(), &error);
    if (!options) {
        std::string message = error ? error : "";
        PQfreemem(error);
        throw ValidationError("Adresse de serveur PostgreSQL invalide : " + message);
    }
    std::string result;
    for (PQconninfoOption* option = options; option->keyword; ++option) {
        if (!option->val)
            continue;
        std::string value;
        for (const char* c = option->val; *c; ++c) {
            if (*c == '\\' || *c == '\'')
                value += '\\';
            value += *c;
        }
        result += std::string(result.empty() ? "" : " ") + option->keyword + "='" + value + "'";
    }
    PQconninfoFree(options);
    return result;
}
} // namespace

Location Location::Parse(const std::string& text)
{
    Location location;
    if (text.rfind("sqlite:", 0) == 0) {
        location.target = text.substr(7);
    } else if (text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0 ||
               text.find('=') != std::string::npos) {
        location.backend = Backend::Postgresql;
        location.target = text;
    } else if (EndsWith(text, ".concerto") || EndsWith(text, ".db") || EndsWith(text, ".sqlite")) {
        location.target = text;
    } else {
        throw ValidationError("Emplacement de base non reconnu : « " + text +
                              " ». Indiquez sqlite:CHEMIN, un fichier .concerto ou .db, ou une adresse "
                              "postgresql://hôte/base.");
    }
    if (location.target.empty())
        throw ValidationError("Emplacement de base vide : indiquez un chemin après « sqlite: ».");
    return location;
}

std::string Location::ToDisplayString() const
{
    if (backend == Backend::Sqlite)
        return "sqlite:" + target;
    // Rebuilt from libpq's own parse, so that no form of password (URI user:secret@, quoted
    // key=value with spaces, ?password=) can leak into a title bar or a message.
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(target.c_str(), &error);
    if (!options) {
        PQfreemem(error);
        return "postgresql://?";
    }
    std::string host, port, user, dbname;
    for (PQconninfoOption* option = options; option->keyword; ++option) {
        if (!option->val)
            continue;
        const std::string key = option->keyword;
        if (key == "host" || key == "hostaddr")
            host = host.empty() ? option->val : host;
        else if (key == "port")
            port = option->val;
        else if (key == "user")
            user = option->val;
        else if (key == "dbname")
            dbname = option->val;
    }
    PQconninfoFree(options);
    std::string shown = "postgresql://";
    if (!user.empty())
        shown += user + "@";
    shown += host.empty() ? "localhost" : host;
    if (!port.empty())
        shown += ":" + port;
    return shown + "/" + dbname;
}

std::string Location::LibpqConnectString() const { return PostgresConnectString(target); }

std::string DefaultDatabasePath()
{
    fs::path base;
#ifdef _WIN32
    if (const char* appData = std::getenv("APPDATA"))
        base = fs::path(appData) / "Concerto";
#else
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = fs::path(xdg) / "concerto";
    else if (const char* home = std::getenv("HOME"))
        base = fs::path(home) / ".local" / "share" / "concerto";
#endif
    if (base.empty())
        base = fs::current_path();
    std::error_code error;
    fs::create_directories(base, error);
    return (base / "concerto.db").string();
}

Database::Database(Location location)
    : m_location(std::move(location)), m_dialect(&Dialect::For(m_location.backend)),
      m_session(std::make_unique<soci::session>())
{
}

Database::~Database() = default;

std::unique_ptr<Database> Database::Open(const std::string& text)
{
    std::unique_ptr<Database> db(new Database(Location::Parse(text)));
    const Location& location = db->m_location;
    try {
        if (location.backend == Backend::Sqlite) {
            const fs::path path(location.target);
            if (path.has_parent_path() && !fs::exists(path.parent_path()))
                throw DatabaseError("Le dossier « " + path.parent_path().string() + " » n'existe pas.");
            db->m_session->open(soci::sqlite3, SqliteConnectString(location.target));
            db->m_user = OsUserName();
        } else {
            db->m_session->open(soci::postgresql, PostgresConnectString(location.target));
        }
        db->m_dialect->Configure(*db->m_session);
        if (location.backend == Backend::Postgresql)
            *db->m_session << "SELECT session_user", soci::into(db->m_user);
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw DatabaseError("Impossible d'ouvrir la base « " + location.ToDisplayString() +
                                " » : vérifiez l'emplacement, le serveur et vos identifiants.",
                            e.what());
    }
    db->Migrate();
    return db;
}

std::unique_ptr<Database> Database::Reopen() const
{
    return Open(m_location.backend == Backend::Sqlite ? "sqlite:" + m_location.target : m_location.target);
}

int Database::LatestSchemaVersion() const { return m_dialect->Migrations().back().version; }

int Database::SchemaVersion()
{
    int version = 0;
    soci::indicator indicator = soci::i_null;
    *m_session << "SELECT MAX(version) FROM schema_version", soci::into(version, indicator);
    return indicator == soci::i_ok ? version : 0;
}

void Database::Migrate()
{
    try {
        *m_session << "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, "
                      "applied_at text NOT NULL)";
        const int current = SchemaVersion();
        const int latest = LatestSchemaVersion();
        if (current > latest)
            throw DatabaseError("Cette base a été mise à jour par une version plus récente de Concerto (schéma " +
                                std::to_string(current) + ", cette version connaît le schéma " +
                                std::to_string(latest) + "). Installez la dernière version de Concerto pour l'ouvrir.");
        for (const Migration& migration : m_dialect->Migrations()) {
            if (migration.version <= current)
                continue;
            soci::transaction transaction(*m_session);
            m_dialect->ExecuteScript(*m_session, migration.sql);
            const std::string now = Timestamp::Now().ToIso();
            *m_session << "INSERT INTO schema_version (version, name, applied_at) VALUES (:v, :n, :a)",
                soci::use(migration.version), soci::use(migration.name), soci::use(now);
            transaction.commit();
        }
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw DatabaseError("La mise à jour du schéma de la base a échoué ; la base est restée dans son état "
                            "précédent.",
                            e.what());
    }
}

void Database::Guarded(const std::function<void()>& work)
{
    try {
        work();
    } catch (const Error&) {
        throw;
    } catch (const soci::soci_error& e) {
        m_dialect->Translate(e);
    }
}

void Database::InTransaction(const std::function<void()>& work)
{
    if (m_transactionDepth > 0) {
        work();
        return;
    }
    Guarded([&] {
        soci::transaction transaction(*m_session);
        ++m_transactionDepth;
        try {
            work();
        } catch (...) {
            --m_transactionDepth;
            throw; // the transaction's destructor rolls back
        }
        --m_transactionDepth;
        transaction.commit();
    });
}

pg_conn* Database::NativePostgres()
{
    if (m_location.backend != Backend::Postgresql)
        return nullptr;
    return static_cast<soci::postgresql_session_backend*>(m_session->get_backend())->conn_;
}

sqlite_api::sqlite3* Database::NativeSqlite()
{
    if (m_location.backend != Backend::Sqlite)
        return nullptr;
    return static_cast<soci::sqlite3_session_backend*>(m_session->get_backend())->conn_;
}

} // namespace concerto
