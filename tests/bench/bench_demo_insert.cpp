// The demo generator's insert path against the fastest raw path into the same table, on
// each backend: libpq COPY of pre-escaped text on PostgreSQL, one prepared native INSERT
// in one transaction on SQLite. Then the whole generator (texts, tags, labels included).

#include "common.h"
#include "core/demo_corpus.h"
#include "db/bulk.h"
#include "db/demo.h"
#include "db/repositories.h"
#include "support/backends.h"
#include "support/pg_cluster.h"

#include <libpq-fe.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstdio>
#include <iostream>

using namespace concerto;

namespace {

const char* BackendName(Backend backend) { return backend == Backend::Sqlite ? "sqlite" : "postgresql"; }

// Minimal parents so that contributions satisfy their foreign keys.
struct Parents {
    std::string consultation, channel;
};

Parents CreateParents(Database& db)
{
    Consultation c;
    c.title = "Banc d'essai";
    Channel channel;
    channel.code = "plateforme";
    channel.name = "Plateforme";
    return {ConsultationRepository(db).Create(c).id, ChannelRepository(db).Create(channel).id};
}

std::vector<Contribution> MakeContributions(std::uint64_t count)
{
    Random random(77);
    const auto& seeds = demo::Commitments();
    std::vector<Contribution> rows(count);
    for (auto& c : rows) {
        const auto text = demo::WriteContribution(random, seeds[random.Below(seeds.size())],
                                                  static_cast<demo::DemoStance>(random.Below(5)), "habitant·e", false);
        c.body = text.body;
        c.id = random.Uuid();
        c.version = 1;
        c.receivedAt = c.createdAt = c.updatedAt = Timestamp::At({2023, 10, 1}, 12);
        c.createdBy = c.updatedBy = "bench";
        c.profile = "habitant·e";
    }
    return rows;
}

double ConcertoPath(Database& db, const Parents& parents, std::vector<Contribution>& rows)
{
    for (auto& c : rows) {
        c.consultationId = parents.consultation;
        c.channelId = parents.channel;
    }
    return bench::Seconds([&] {
        db.InTransaction([&] {
            const std::size_t batch = 5000;
            for (std::size_t start = 0; start < rows.size(); start += batch) {
                const std::vector<Contribution> slice(rows.begin() + start,
                                                      rows.begin() + std::min(rows.size(), start + batch));
                BulkInsert(db, slice);
            }
        });
    });
}

// The raw rows, as text, prepared before the clock starts.
std::vector<std::vector<std::optional<std::string>>> RawRows(const std::vector<Contribution>& rows,
                                                             const Parents& parents)
{
    std::vector<std::vector<std::optional<std::string>>> raw;
    raw.reserve(rows.size());
    for (const auto& c : rows) {
        TextFields fields;
        fields.values = {c.id, "1", c.createdAt.ToIso(), c.updatedAt.ToIso(), c.createdBy, c.updatedBy};
        Contribution copy = c;
        copy.consultationId = parents.consultation;
        copy.channelId = parents.channel;
        Entity<Contribution>::Visit(copy, fields);
        raw.push_back(std::move(fields.values));
    }
    return raw;
}

std::string ColumnList()
{
    std::string list = "id, version, created_at, updated_at, created_by, updated_by";
    for (const auto& name : Repository<Contribution>::Columns().names)
        list += ", " + name;
    return list;
}

double SqliteBaseline(Database& db, const std::vector<std::vector<std::optional<std::string>>>& raw)
{
    std::string marks;
    for (std::size_t i = 0; i < raw.front().size(); ++i)
        marks += i ? ",?" : "?";
    const std::string sql = "INSERT INTO contribution (" + ColumnList() + ") VALUES (" + marks + ")";
    auto* handle = db.NativeSqlite();
    return bench::Seconds([&] {
        sqlite_api::sqlite3_exec(handle, "BEGIN", nullptr, nullptr, nullptr);
        sqlite_api::sqlite3_stmt* statement = nullptr;
        sqlite_api::sqlite3_prepare_v2(handle, sql.c_str(), -1, &statement, nullptr);
        for (const auto& row : raw) {
            for (std::size_t i = 0; i < row.size(); ++i) {
                if (row[i])
                    sqlite_api::sqlite3_bind_text(statement, static_cast<int>(i + 1), row[i]->data(),
                                                  static_cast<int>(row[i]->size()), SQLITE_STATIC);
                else
                    sqlite_api::sqlite3_bind_null(statement, static_cast<int>(i + 1));
            }
            if (sqlite_api::sqlite3_step(statement) != 101)
                throw std::runtime_error(sqlite_api::sqlite3_errmsg(handle));
            sqlite_api::sqlite3_reset(statement);
        }
        sqlite_api::sqlite3_finalize(statement);
        sqlite_api::sqlite3_exec(handle, "COMMIT", nullptr, nullptr, nullptr);
    });
}

double PostgresBaseline(Database& db, const std::vector<std::vector<std::optional<std::string>>>& raw)
{
    // Escaping is done before the clock starts: the baseline only ships bytes.
    std::vector<std::string> chunks(1);
    for (const auto& row : raw) {
        std::string& chunk = chunks.back();
        AppendCopyRow(chunk, row);
        if (chunk.size() > (1 << 20))
            chunks.emplace_back();
    }
    PGconn* connection = db.NativePostgres();
    return bench::Seconds([&] {
        PQclear(PQexec(connection, "BEGIN"));
        PQclear(PQexec(connection, ("COPY contribution (" + ColumnList() + ") FROM STDIN").c_str()));
        for (const auto& chunk : chunks)
            PQputCopyData(connection, chunk.data(), static_cast<int>(chunk.size()));
        PQputCopyEnd(connection, nullptr);
        while (PGresult* result = PQgetResult(connection)) {
            if (PQresultStatus(result) != PGRES_COMMAND_OK)
                throw std::runtime_error(PQresultErrorMessage(result));
            PQclear(result);
        }
        PQclear(PQexec(connection, "COMMIT"));
    });
}

} // namespace

int main()
{
    const std::uint64_t count = bench::Rows(1000000);
    std::cerr << "Préparation de " << count << " contributions…\n";
    const auto prepared = MakeContributions(count);
    for (const Backend backend : {Backend::Sqlite, Backend::Postgresql}) {
        const std::string name = BackendName(backend);
        auto concertoDb = test::FreshDatabase(backend);
        const Parents concertoParents = CreateParents(*concertoDb);
        auto rows = prepared;
        const double concerto = ConcertoPath(*concertoDb, concertoParents, rows);
        concertoDb.reset();
        auto baselineDb = test::FreshDatabase(backend);
        const Parents baselineParents = CreateParents(*baselineDb);
        const auto raw = RawRows(prepared, baselineParents);
        const double baseline = backend == Backend::Sqlite ? SqliteBaseline(*baselineDb, raw)
                                                           : PostgresBaseline(*baselineDb, raw);
        bench::Report("demo_insert_path_" + name, count / concerto, "raw_" +
                          std::string(backend == Backend::Sqlite ? "prepared_insert" : "copy") + "_" + name,
                      count / baseline, "rows/s", true);
    }
    for (const Backend backend : {Backend::Sqlite, Backend::Postgresql}) {
        auto db = test::FreshDatabase(backend);
        SilentProgress progress;
        const double seconds = bench::Seconds([&] { GenerateDemo(*db, DemoOptions{count, 2023}, progress); });
        std::printf("bench: demo_generator_%s: %.1f contributions/s (%.0f s for %llu, texts, tags and labels "
                    "included)\n",
                    BackendName(backend), count / seconds, seconds, static_cast<unsigned long long>(count));
    }
    return 0;
}
