#include "db/dialect.h"

#include "core/errors.h"
#include "db/database.h"
#include "db/migrations.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace concerto {

namespace {

// Messages shared by both backends: what happened and what to do, never a raw code.
[[noreturn]] void ThrowConstraint(const std::string& kind, const std::string& detail)
{
    if (kind == "unique")
        throw ValidationError("Un élément avec la même référence existe déjà. Choisissez une autre référence.",
                              detail);
    if (kind == "foreign")
        throw ValidationError("Cet élément est lié à d'autres données (ou en désigne une qui n'existe plus) : "
                              "retirez d'abord ces liens.",
                              detail);
    if (kind == "check" || kind == "notnull")
        throw ValidationError("Une valeur obligatoire manque ou n'est pas permise.", detail);
    throw DatabaseError("La base de données a refusé l'opération.", detail);
}

class SqliteDialect final : public Dialect {
public:
    Backend Kind() const override { return Backend::Sqlite; }
    const char* DisplayName() const override { return "SQLite"; }
    const std::vector<Migration>& Migrations() const override { return SqliteMigrations(); }

    void Configure(soci::session& session) const override
    {
        // WAL lets readers work while one writer commits; FULL makes each commit durable.
        // SQLite answers with the mode it actually uses: anything but "wal" (an in-memory
        // database, a file system without shared memory) would silently lose those guarantees.
        std::string mode;
        session << "PRAGMA journal_mode = WAL", soci::into(mode);
        if (mode != "wal" && mode != "WAL")
            throw DatabaseError("La base SQLite ne peut pas passer en journal WAL (mode obtenu : « " + mode +
                                " ») : sans lui, Concerto ne peut pas garantir qu'un enregistrement interrompu "
                                "laisse la base intacte. Placez la base dans un dossier local de ce poste.");
        session << "PRAGMA synchronous = FULL";
        session << "PRAGMA foreign_keys = ON";
        session << "PRAGMA busy_timeout = 10000";
        // A 64 MiB page cache: random UUID keys touch pages all over their indexes.
        session << "PRAGMA cache_size = -65536";
        RegisterAuditUser(session);
    }

    // The audit triggers (migration 004) record who through concerto_user(): the same system
    // user as Database::UserName(). INNOCUOUS: triggers may call it even with trusted_schema off.
    static void RegisterAuditUser(soci::session& session)
    {
        auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
        auto* user = new std::string(OsUserName());
        const int status = sqlite_api::sqlite3_create_function_v2(
            backend->conn_, "concerto_user", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, user,
            [](sqlite_api::sqlite3_context* context, int, sqlite_api::sqlite3_value**) {
                const auto* name = static_cast<const std::string*>(sqlite_api::sqlite3_user_data(context));
                // STATIC: the name lives as long as the function (deleted by the destructor below).
                sqlite_api::sqlite3_result_text(context, name->c_str(), static_cast<int>(name->size()), SQLITE_STATIC);
            },
            nullptr, nullptr, [](void* data) { delete static_cast<std::string*>(data); });
        if (status != SQLITE_OK)
            throw DatabaseError("Impossible de préparer le journal des modifications de la base.",
                                "sqlite3_create_function_v2: " + std::to_string(status));
    }

    void ExecuteScript(soci::session& session, const std::string& script) const override
    {
        auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
        char* message = nullptr;
        if (sqlite_api::sqlite3_exec(backend->conn_, script.c_str(), nullptr, nullptr, &message) != 0) {
            std::string text = message ? message : "?";
            sqlite_api::sqlite3_free(message);
            throw DatabaseError("La mise à jour du schéma de la base a échoué.", text);
        }
    }

    std::string FullTextCondition() const override
    {
        return "c.seq IN (SELECT rowid FROM contribution_fts WHERE contribution_fts MATCH :fts)";
    }

    std::string FullTextQuery(const std::vector<std::string>& stems) const override
    {
        std::string query;
        for (const auto& stem : stems)
            query += (query.empty() ? "\"" : " AND \"") + stem + "\"*";
        return query;
    }

    [[noreturn]] void Translate(const std::exception& error) const override
    {
        const std::string message = error.what();
        if (message.find("UNIQUE constraint failed") != std::string::npos)
            ThrowConstraint("unique", message);
        if (message.find("FOREIGN KEY constraint failed") != std::string::npos)
            ThrowConstraint("foreign", message);
        if (message.find("CHECK constraint failed") != std::string::npos)
            ThrowConstraint("check", message);
        if (message.find("NOT NULL constraint failed") != std::string::npos)
            ThrowConstraint("notnull", message);
        if (message.find("database is locked") != std::string::npos)
            throw DatabaseError("La base est occupée par une autre opération. Réessayez dans un instant.", message);
        if (message.find("disk I/O error") != std::string::npos || message.find("readonly") != std::string::npos)
            throw DatabaseError("Le fichier de la base ne peut pas être écrit (disque plein, droits ou support "
                                "en lecture seule).",
                                message);
        throw DatabaseError("Erreur de la base de données SQLite.", message);
    }
};

class PostgresDialect final : public Dialect {
public:
    Backend Kind() const override { return Backend::Postgresql; }
    const char* DisplayName() const override { return "PostgreSQL"; }
    const std::vector<Migration>& Migrations() const override { return PostgresMigrations(); }

    void Configure(soci::session& session) const override
    {
        // Concerto stores and reads instants in UTC; dates in ISO form whatever the server's defaults.
        session << "SET TIME ZONE 'UTC'";
        session << "SET datestyle = 'ISO, YMD'";
        session << "SET application_name = 'Concerto'";
        session << "SET client_min_messages = warning";
        // Concerto's queries are short and indexed: JIT compilation only adds latency to them.
        session << "SET jit = off";
    }

    void ExecuteScript(soci::session& session, const std::string& script) const override
    {
        auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
        PGresult* result = PQexec(backend->conn_, script.c_str());
        const auto status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            std::string text = PQresultErrorMessage(result);
            PQclear(result);
            throw DatabaseError("La mise à jour du schéma de la base a échoué.", text);
        }
        PQclear(result);
    }

    std::string FullTextCondition() const override
    {
        return "c.search @@ to_tsquery('concerto_fr', :fts)";
    }

    std::string FullTextQuery(const std::vector<std::string>& stems) const override
    {
        std::string query;
        for (const auto& stem : stems)
            query += (query.empty() ? "" : " & ") + stem + ":*";
        return query;
    }

    [[noreturn]] void Translate(const std::exception& error) const override
    {
        const std::string message = error.what();
        std::string state;
        if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&error))
            state = pg->sqlstate();
        if (state == "23505")
            ThrowConstraint("unique", message);
        if (state == "23503")
            ThrowConstraint("foreign", message);
        if (state == "23514")
            ThrowConstraint("check", message);
        if (state == "23502")
            ThrowConstraint("notnull", message);
        if (state == "42501")
            throw DatabaseError("Votre rôle sur le serveur ne permet pas cette opération (lecture seule ou réservée "
                                "aux administrateurs). Rien n'a été enregistré.",
                                message);
        if (state == "40001" || state == "40P01")
            throw DatabaseError("Une opération concurrente a empêché l'enregistrement. Réessayez.", message);
        if (state.rfind("08", 0) == 0 || message.find("server closed the connection") != std::string::npos ||
            message.find("no connection to the server") != std::string::npos)
            throw DatabaseError("La connexion au serveur a été perdue. Rien n'a été enregistré : réessayez une fois "
                                "reconnecté.",
                                message);
        throw DatabaseError("Erreur du serveur PostgreSQL.", message);
    }
};

} // namespace

const Dialect& Dialect::For(Backend backend)
{
    static const SqliteDialect sqlite;
    static const PostgresDialect postgres;
    if (backend == Backend::Sqlite)
        return sqlite;
    return postgres;
}

} // namespace concerto
