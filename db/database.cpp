#include "db/database.h"

#include "core/datetime.h"
#include "core/errors.h"
#include "db/migrations.h"
#include "db/storage_check.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace concerto {

namespace {
bool EndsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

std::string OsUserName()
{
    for (const char* name : {"USER", "USERNAME", "LOGNAME"})
        if (const char* value = std::getenv(name); value && *value)
            return value;
    return "local";
}

namespace {

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

// Who may migrate a PostgreSQL schema. On a server set up by `server init` (schema_version
// belongs to concerto_owner) only members of that role may, acting as it; any other login may
// create nothing there, not even schema_version.
enum class ServerSchema { Missing, Unmanaged, ManagedByMe, ManagedByOthers };

ServerSchema ServerSchemaOf(soci::session& session, Backend backend)
{
    if (backend != Backend::Postgresql)
        return ServerSchema::Unmanaged;
    int state = 0;
    session << "SELECT CASE WHEN c.oid IS NULL THEN 0 WHEN pg_catalog.pg_get_userbyid(c.relowner) <> "
               "'concerto_owner' THEN 1 WHEN pg_catalog.pg_has_role(session_user, c.relowner, 'MEMBER') THEN 2 "
               "ELSE 3 END FROM (SELECT pg_catalog.to_regclass('schema_version') AS id) r "
               "LEFT JOIN pg_catalog.pg_class c ON c.oid = r.id",
        soci::into(state);
    return static_cast<ServerSchema>(state);
}

// Every location is handed over as libpq key='value' pairs, parsed by libpq itself (which
// knows both the URI and the key=value forms). With `forSoci`, a pair whose value holds a
// space is also wrapped in double quotes: SOCI's PostgreSQL backend reads its own options out
// of the string first, cutting values at the first space unless they start with '"', and
// hands libpq what is inside those quotes (so a password with spaces would arrive cut).
std::string PostgresConnectString(const std::string& target, bool forSoci = false)
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
        bool hasSpace = false, hasDoubleQuote = false;
        for (const char* c = option->val; *c; ++c) {
            if (*c == '\\' || *c == '\'')
                value += '\\';
            value += *c;
            hasSpace = hasSpace || std::isspace(static_cast<unsigned char>(*c));
            hasDoubleQuote = hasDoubleQuote || *c == '"';
        }
        std::string pair = std::string(option->keyword) + "='" + value + "'";
        if (forSoci && hasSpace) {
            if (hasDoubleQuote) {
                const std::string keyword = option->keyword;
                PQconninfoFree(options);
                throw ValidationError("La valeur de « " + keyword +
                                      " » ne peut pas contenir à la fois une espace et un guillemet droit (\").");
            }
            pair = std::string(option->keyword) + "=\"'" + value + "'\"";
        }
        result += (result.empty() ? "" : " ") + pair;
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
    std::unique_ptr<Database> db = OpenUnmigrated(text);
    db->Migrate();
    return db;
}

int Database::ApplyMigrations() { return Migrate(); }

std::unique_ptr<Database> Database::OpenUnmigrated(const std::string& text)
{
    std::unique_ptr<Database> db(new Database(Location::Parse(text)));
    const Location& location = db->m_location;
    try {
        if (location.backend == Backend::Sqlite) {
            const fs::path path(location.target);
            if (path.has_parent_path() && !fs::exists(path.parent_path()))
                throw DatabaseError("Le dossier « " + path.parent_path().string() + " » n'existe pas.");
            // SQLite's locks do not hold on network file systems: refuse before touching the file.
            RefuseNetworkFolder(location.target);
            db->m_session->open(soci::sqlite3, SqliteConnectString(location.target));
            db->m_user = OsUserName();
        } else {
            db->m_session->open(soci::postgresql, PostgresConnectString(location.target, true));
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

int Database::Migrate()
{
    int applied = 0;
    try {
        const ServerSchema server = ServerSchemaOf(*m_session, m_location.backend);
        if (server == ServerSchema::Missing || m_location.backend == Backend::Sqlite)
            *m_session << "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, "
                          "applied_at text NOT NULL)";
        const int current = SchemaVersion();
        const int latest = LatestSchemaVersion();
        if (current > latest)
            throw DatabaseError("Cette base a été mise à jour par une version plus récente de Concerto (schéma " +
                                std::to_string(current) + ", cette version connaît le schéma " +
                                std::to_string(latest) + "). Installez la dernière version de Concerto pour l'ouvrir.");
        if (current < latest && server == ServerSchema::ManagedByOthers)
            throw DatabaseError("Le schéma de ce serveur (version " + std::to_string(current) +
                                ") est plus ancien que celui de cette version de Concerto (version " +
                                std::to_string(latest) + ") et votre compte ne peut pas le mettre à jour. Le service "
                                "informatique doit le faire avec « concerto-cli server init --db … ».");
        for (const Migration& migration : m_dialect->Migrations()) {
            if (migration.version <= current)
                continue;
            soci::transaction transaction(*m_session);
            if (server == ServerSchema::ManagedByMe) // objects must belong to the owner role, not to this login
                *m_session << "SET LOCAL ROLE concerto_owner";
            m_dialect->ExecuteScript(*m_session, migration.sql);
            AfterMigration(*this, migration.version);
            const std::string now = Timestamp::Now().ToIso();
            *m_session << "INSERT INTO schema_version (version, name, applied_at) VALUES (:v, :n, :a)",
                soci::use(migration.version), soci::use(migration.name), soci::use(now);
            transaction.commit();
            ++applied;
        }
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw DatabaseError("La mise à jour du schéma de la base a échoué ; la base est restée dans son état "
                            "précédent.",
                            e.what());
    }
    return applied;
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
    if (m_location.backend == Backend::Sqlite) {
        // BEGIN IMMEDIATE takes the write lock at once, waiting up to busy_timeout for it. A
        // deferred BEGIN that reads first and writes later fails at once with "database is
        // locked" when another connection committed in between (its snapshot cannot be upgraded).
        Guarded([&] {
            *m_session << "BEGIN IMMEDIATE";
            ++m_transactionDepth;
            try {
                work();
                --m_transactionDepth;
                *m_session << "COMMIT";
            } catch (...) {
                m_transactionDepth = 0;
                try {
                    *m_session << "ROLLBACK";
                } catch (const std::exception&) {
                    // Already rolled back by SQLite itself (e.g. after an I/O error).
                }
                throw;
            }
        });
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
        try {
            transaction.commit();
        } catch (const soci::soci_error& e) {
            // COMMIT was sent but its answer never came: the server may have committed before
            // the connection broke. "Nothing was saved" would be a lie; say it is unknown.
            if (m_location.backend == Backend::Postgresql && PQstatus(NativePostgres()) != CONNECTION_OK)
                throw DatabaseError("La connexion au serveur a été perdue pendant la validation : l'enregistrement "
                                    "n'a peut-être pas abouti. Vérifiez, une fois reconnecté, ce qui a été "
                                    "enregistré avant de recommencer.",
                                    e.what());
            throw;
        }
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
