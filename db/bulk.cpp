#include "db/bulk.h"

#include "core/errors.h"
#include "db/row_io.h"

#include <libpq-fe.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>

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
// PostgreSQL refuses COPY into a table whose row-level security applies to the user (on a shared
// server, contact_details for everyone but a superuser): those rows go in as INSERT statements,
// kept until Finish so that another sink's COPY may be open on the connection meanwhile.
class PostgresSink final : public BulkSink {
public:
    /// `announce`: silence the table's triggers and send one "table:*" notice (false for staging
    /// tables, which have neither). `deferred`: keep the rows in memory and copy them at Finish, so
    /// that another COPY may run on the connection meanwhile.
    PostgresSink(Database& db, const std::string& table, const std::vector<std::string>& columns,
                 bool announce = true, bool deferred = false)
        : m_db(db), m_connection(db.NativePostgres()), m_table(table), m_announce(announce), m_deferred(deferred)
    {
        // Callers hold the transaction; without one, the setting is the session's until Finish.
        m_local = PQtransactionStatus(m_connection) == PQTRANS_INTRANS;
        m_copySql = "COPY " + table + " (";
        for (std::size_t i = 0; i < columns.size(); ++i)
            m_copySql += (i ? ", " : "") + columns[i];
        m_copySql += ") FROM STDIN";
        if (m_announce && RowSecurityActive()) {
            m_insertSql = "INSERT INTO " + table + " (";
            std::string marks;
            for (std::size_t i = 0; i < columns.size(); ++i) {
                m_insertSql += (i ? ", " : "") + columns[i];
                marks += (i ? ", $" : "$") + std::to_string(i + 1);
            }
            m_insertSql += ") VALUES (" + marks + ")";
            return;
        }
        m_buffer.reserve(1 << 20);
        if (!m_deferred)
            Start();
    }
    ~PostgresSink() override
    {
        if (m_started && !m_finished)
            PQputCopyEnd(m_connection, "abandoned"); // the surrounding transaction is rolled back by the caller
        if (m_started && !m_finished)
            while (PGresult* r = PQgetResult(m_connection))
                PQclear(r);
        if (m_started && m_announce && !m_local)
            SetQuiet(false); // in a transaction, its rollback undoes the setting
    }

    void Row(const std::vector<std::optional<std::string>>& values) override
    {
        if (!m_insertSql.empty()) {
            m_rows.push_back(values);
            return;
        }
        AppendCopyRow(m_buffer, values);
        if (!m_deferred && m_buffer.size() > (1 << 20) - 4096)
            Send();
    }

    void Finish() override
    {
        if (!m_insertSql.empty()) {
            InsertRows();
            return;
        }
        if (m_deferred)
            Start();
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
        if (!m_announce)
            return; // a staging table: no triggers to wake, nothing to announce
        // Later writes of the same transaction notify as they did before the sink (a caller already in
        // bulk mode stays in it); this batch is announced once.
        if (!SetQuiet(false) || !Command("SELECT pg_notify('concerto_changes', $1)", {m_table + ":*"}))
            Fail();
    }

private:
    /// True when the table's row-level security applies to the connected user.
    bool RowSecurityActive()
    {
        PGresult* result = PQexecParams(m_connection, "SELECT row_security_active(to_regclass($1))::int", 1,
                                        nullptr, std::vector<const char*>{m_table.c_str()}.data(), nullptr, nullptr,
                                        0);
        const bool active = PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1 &&
                            std::string(PQgetvalue(result, 0, 0)) == "1";
        PQclear(result);
        return active;
    }
    void InsertRows()
    {
        m_finished = true;
        if (!ReadPrevious() || !SetQuiet(true))
            Fail();
        for (const auto& row : m_rows) {
            std::vector<const char*> values;
            for (const auto& value : row)
                values.push_back(value ? value->c_str() : nullptr);
            PGresult* result = PQexecParams(m_connection, m_insertSql.c_str(), static_cast<int>(values.size()),
                                            nullptr, values.data(), nullptr, nullptr, 0);
            const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
            const std::string message = ok ? std::string() : PQresultErrorMessage(result);
            PQclear(result);
            if (!ok) {
                if (!m_local)
                    SetQuiet(false);
                Fail(message);
            }
        }
        m_rows.clear();
        if (!SetQuiet(false) || !Command("SELECT pg_notify('concerto_changes', $1)", {m_table + ":*"}))
            Fail();
    }
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
    // Remembers the caller's concerto.bulk, so that leaving the quiet mode restores it instead of turning it off.
    bool ReadPrevious()
    {
        PGresult* result = PQexec(m_connection, "SELECT coalesce(current_setting('concerto.bulk', true), '')");
        const bool ok = PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1;
        if (ok)
            m_previous = PQgetvalue(result, 0, 0);
        PQclear(result);
        return ok;
    }
    // quiet: concerto.bulk on; otherwise back to the value the caller had.
    bool SetQuiet(bool quiet)
    {
        return Command("SELECT set_config('concerto.bulk', $1, $2)",
                       {quiet ? std::string("on") : m_previous, m_local ? "true" : "false"});
    }
    void Start()
    {
        if (m_announce && (!ReadPrevious() || !SetQuiet(true)))
            Fail();
        PGresult* result = PQexec(m_connection, m_copySql.c_str());
        const bool ok = PQresultStatus(result) == PGRES_COPY_IN;
        PQclear(result);
        if (!ok) {
            const std::string message = PQerrorMessage(m_connection);
            if (m_announce && !m_local)
                SetQuiet(false); // no destructor runs for a sink that was never made
            Fail(message);
        }
        m_started = true;
    }
    void Send()
    {
        // A deferred sink holds everything: send it in slices libpq's int sizes can carry.
        constexpr std::size_t kSlice = 1 << 24;
        for (std::size_t first = 0; first < m_buffer.size(); first += kSlice) {
            const std::size_t size = std::min(kSlice, m_buffer.size() - first);
            if (PQputCopyData(m_connection, m_buffer.data() + first, static_cast<int>(size)) != 1)
                Fail();
        }
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
    std::string m_copySql;
    std::string m_insertSql; ///< set when row-level security forbids COPY: rows are inserted at Finish
    std::vector<std::vector<std::optional<std::string>>> m_rows;
    bool m_announce = true, m_deferred = false, m_started = false;
    bool m_finished = false;
    bool m_local = true; ///< concerto.bulk set for the transaction only (SET LOCAL)
    std::string m_previous; ///< concerto.bulk before the sink ("" when never set), restored after it
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
        // Plain runs are appended whole: most text has no character to escape.
        const std::string& text = *values[i];
        std::size_t start = 0;
        for (std::size_t at = 0; at < text.size(); ++at) {
            const char c = text[at];
            if (c != '\\' && c != '\n' && c != '\r' && c != '\t')
                continue;
            out.append(text, start, at - start);
            out += '\\';
            out += c == '\\' ? '\\' : c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
            start = at + 1;
        }
        out.append(text, start, std::string::npos);
    }
    out += '\n';
}

std::unique_ptr<BulkSink> BulkSink::Open(Database& db, const std::string& table, const std::vector<std::string>& columns)
{
    if (db.GetBackend() == Backend::Sqlite)
        return std::make_unique<SqliteSink>(db, table, columns);
    return std::make_unique<PostgresSink>(db, table, columns);
}

std::unique_ptr<BulkSink> BulkSink::OpenStaging(Database& db, const std::string& table,
                                                const std::vector<std::string>& columns, bool deferred)
{
    if (db.GetBackend() == Backend::Sqlite)
        return std::make_unique<SqliteSink>(db, table, columns);
    return std::make_unique<PostgresSink>(db, table, columns, false, deferred);
}

} // namespace concerto
