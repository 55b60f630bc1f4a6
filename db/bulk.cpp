#include "db/bulk.h"

#include "core/errors.h"
#include "db/row_io.h"

#include <libpq-fe.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace concerto {

namespace {

class SqliteSink final : public BulkSink {
public:
    SqliteSink(Database& db, const std::string& table, const std::vector<std::string>& columns) : m_db(db)
    {
        std::string sql = "INSERT INTO " + table + " (";
        std::string marks;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            sql += (i ? ", " : "") + columns[i];
            marks += i ? ", ?" : "?";
        }
        sql += ") VALUES (" + marks + ")";
        if (sqlite_api::sqlite3_prepare_v2(db.NativeSqlite(), sql.c_str(), -1, &m_statement, nullptr) != 0)
            Fail();
    }
    ~SqliteSink() override { sqlite_api::sqlite3_finalize(m_statement); }

    void Row(const std::vector<std::optional<std::string>>& values) override
    {
        for (std::size_t i = 0; i < values.size(); ++i) {
            const int index = static_cast<int>(i + 1);
            if (values[i])
                sqlite_api::sqlite3_bind_text(m_statement, index, values[i]->data(),
                                              static_cast<int>(values[i]->size()), SQLITE_STATIC);
            else
                sqlite_api::sqlite3_bind_null(m_statement, index);
        }
        const int rc = sqlite_api::sqlite3_step(m_statement);
        sqlite_api::sqlite3_reset(m_statement);
        if (rc != 101) // SQLITE_DONE
            Fail();
    }

    void Finish() override {}

private:
    [[noreturn]] void Fail()
    {
        const std::string message = sqlite_api::sqlite3_errmsg(m_db.NativeSqlite());
        m_db.GetDialect().Translate(std::runtime_error(message));
        throw DatabaseError(message); // not reached: Translate always throws
    }
    Database& m_db;
    sqlite_api::sqlite3_stmt* m_statement = nullptr;
};

// COPY … FROM STDIN in text format: one line per row, tab-separated, \N for NULL.
// The schema's triggers would NOTIFY once per row copied: a million-row import would queue a
// million notices for every listening client. So the rows are copied with concerto.bulk on
// (the triggers stay silent) and one "table:*" notice follows; PostgreSQL delivers identical
// notices of one transaction once, so an import in many batches still sends one per table.
class PostgresSink final : public BulkSink {
public:
    PostgresSink(Database& db, const std::string& table, const std::vector<std::string>& columns)
        : m_db(db), m_connection(db.NativePostgres()), m_table(table)
    {
        // Callers hold the transaction; without one, the setting is the session's until Finish.
        m_local = PQtransactionStatus(m_connection) == PQTRANS_INTRANS;
        if (!SetQuiet(true))
            Fail();
        std::string sql = "COPY " + table + " (";
        for (std::size_t i = 0; i < columns.size(); ++i)
            sql += (i ? ", " : "") + columns[i];
        sql += ") FROM STDIN";
        PGresult* result = PQexec(m_connection, sql.c_str());
        const bool ok = PQresultStatus(result) == PGRES_COPY_IN;
        PQclear(result);
        if (!ok) {
            const std::string message = PQerrorMessage(m_connection);
            if (!m_local)
                SetQuiet(false); // no destructor runs for a sink that was never made
            Fail(message);
        }
        m_buffer.reserve(1 << 20);
    }
    ~PostgresSink() override
    {
        if (!m_finished)
            PQputCopyEnd(m_connection, "abandoned"); // the surrounding transaction is rolled back by the caller
        if (!m_finished)
            while (PGresult* r = PQgetResult(m_connection))
                PQclear(r);
        if (!m_local)
            SetQuiet(false); // in a transaction, its rollback undoes the setting
    }

    void Row(const std::vector<std::optional<std::string>>& values) override
    {
        AppendCopyRow(m_buffer, values);
        if (m_buffer.size() > (1 << 20) - 4096)
            Send();
    }

    void Finish() override
    {
        Send();
        m_finished = true;
        if (PQputCopyEnd(m_connection, nullptr) != 1)
            Fail();
        bool ok = true;
        std::string message;
        while (PGresult* result = PQgetResult(m_connection)) {
            if (PQresultStatus(result) != PGRES_COMMAND_OK) {
                ok = false;
                message = PQresultErrorMessage(result);
            }
            PQclear(result);
        }
        if (!ok)
            Fail(message);
        // Later writes of the same transaction notify as usual; this batch is announced once.
        if (!SetQuiet(false) || !Command("SELECT pg_notify('concerto_changes', $1)", {m_table + ":*"}))
            Fail();
    }

private:
    // A statement with text parameters; false (the error is in PQerrorMessage) when it failed.
    bool Command(const char* sql, const std::vector<std::string>& values)
    {
        std::vector<const char*> pointers;
        for (const auto& value : values)
            pointers.push_back(value.c_str());
        PGresult* result = PQexecParams(m_connection, sql, static_cast<int>(pointers.size()), nullptr,
                                        pointers.data(), nullptr, nullptr, 0);
        const ExecStatusType status = PQresultStatus(result);
        PQclear(result);
        return status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
    }
    bool SetQuiet(bool quiet)
    {
        return Command("SELECT set_config('concerto.bulk', $1, $2)", {quiet ? "on" : "off", m_local ? "true" : "false"});
    }
    void Send()
    {
        if (!m_buffer.empty() && PQputCopyData(m_connection, m_buffer.data(), static_cast<int>(m_buffer.size())) != 1)
            Fail();
        m_buffer.clear();
    }
    [[noreturn]] void Fail(std::string message = {})
    {
        if (message.empty())
            message = PQerrorMessage(m_connection);
        // Map the server's SQLSTATE words onto the dialect's messages where it can recognise them.
        if (message.find("duplicate key") != std::string::npos)
            throw ValidationError("Un élément avec la même référence existe déjà.", message);
        if (message.find("foreign key") != std::string::npos)
            throw ValidationError("Une ligne désigne un élément qui n'existe pas.", message);
        throw DatabaseError("L'écriture en masse dans PostgreSQL a échoué ; rien n'a été enregistré.", message);
    }
    Database& m_db;
    PGconn* m_connection;
    std::string m_table;
    std::string m_buffer;
    bool m_finished = false;
    bool m_local = true; ///< concerto.bulk set for the transaction only (SET LOCAL)
};

} // namespace

void AppendCopyRow(std::string& out, const std::vector<std::optional<std::string>>& values)
{
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i)
            out += '\t';
        if (!values[i]) {
            out += "\\N";
            continue;
        }
        for (char c : *values[i]) {
            switch (c) {
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: out += c;
            }
        }
    }
    out += '\n';
}

std::unique_ptr<BulkSink> BulkSink::Open(Database& db, const std::string& table, const std::vector<std::string>& columns)
{
    if (db.GetBackend() == Backend::Sqlite)
        return std::make_unique<SqliteSink>(db, table, columns);
    return std::make_unique<PostgresSink>(db, table, columns);
}

} // namespace concerto
