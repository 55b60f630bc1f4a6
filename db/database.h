#pragma once
// The Database: one connection (a SOCI session) to a Concerto database, SQLite or
// PostgreSQL, migrated to the current schema when opened. A Database is not thread-safe:
// a worker thread opens its own with Reopen().

#include "db/dialect.h"

#include <functional>
#include <memory>
#include <string>

namespace soci {
class session;
}
struct pg_conn;
namespace sqlite_api {
struct sqlite3;
}

namespace concerto {

/// Where a database lives, parsed from a location string.
struct Location {
    Backend backend = Backend::Sqlite;
    std::string target; ///< SQLite: the file path; PostgreSQL: the libpq connection string or URI

    /// Parses "sqlite:PATH", a path ending in .concerto/.db/.sqlite, "postgresql://…", "postgres://…"
    /// or a libpq "key=value …" string. Throws ValidationError on anything else.
    static Location Parse(const std::string& text);
    /// The location as a string Parse() accepts; a PostgreSQL password is never included.
    std::string ToDisplayString() const;
    /// PostgreSQL only: the target as libpq key='value' pairs (the form every Concerto connection
    /// uses), for a libpq connection of one's own. Throws ValidationError when libpq cannot parse it.
    std::string LibpqConnectString() const;
};

/// The default embedded database: concerto.db in the user's data folder (created if missing).
std::string DefaultDatabasePath();
/// The operating-system user's name: Database::UserName() on SQLite, and the login the SQLite
/// audit triggers record (through the concerto_user() SQL function).
std::string OsUserName();

/// An open, migrated connection.
class Database {
public:
    /// Opens the database at `location` (creating a missing SQLite file) and applies pending
    /// migrations. Throws DatabaseError with a user-facing sentence when it cannot.
    static std::unique_ptr<Database> Open(const std::string& location);
    /// Opens without applying migrations: for `server init`, which first hands the schema to
    /// its owner role and then migrates as that role (ApplyMigrations). Same errors as Open.
    static std::unique_ptr<Database> OpenUnmigrated(const std::string& location);
    /// Applies the pending migrations as Open does; returns how many ran.
    int ApplyMigrations();
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Another connection to the same database, for another thread.
    std::unique_ptr<Database> Reopen() const;

    soci::session& Session() { return *m_session; }
    const Dialect& GetDialect() const { return *m_dialect; }
    Backend GetBackend() const { return m_location.backend; }
    const Location& GetLocation() const { return m_location; }
    /// The name recorded in created_by/updated_by: the login role on PostgreSQL, the OS user on SQLite.
    const std::string& UserName() const { return m_user; }
    /// The schema version now in the database.
    int SchemaVersion();
    /// The newest schema version this program knows.
    int LatestSchemaVersion() const;

    /// Runs `work` in a transaction: committed when it returns, rolled back when it throws.
    /// Driver errors are translated into Concerto errors. Nested calls join the outer transaction.
    void InTransaction(const std::function<void()>& work);
    /// Runs `work`, translating driver errors into Concerto errors (no transaction of its own).
    void Guarded(const std::function<void()>& work);

    /// The native handles, for bulk paths that SOCI has no API for (COPY, prepared inserts).
    pg_conn* NativePostgres();
    sqlite_api::sqlite3* NativeSqlite();

private:
    Database(Location location);
    int Migrate();

    Location m_location;
    const Dialect* m_dialect;
    std::unique_ptr<soci::session> m_session;
    std::string m_user;
    int m_transactionDepth = 0;
};

} // namespace concerto
