// SQLite's failure safety (issue 8, item 6): every connection runs in WAL with synchronous=FULL
// (read back on a new connection, after Reopen() and on a later Open), a database that cannot
// enter WAL is refused rather than used without it, a local folder is accepted (the refusal of
// network folders is decided by db/storage_check, unit-tested with sample mountinfo), and a
// writer killed with SIGKILL again and again, in the middle of its transactions, leaves a
// database that passes integrity_check where every transaction is all or nothing.

#include "coding_fixture.h"
#include "db/storage_check.h"

#include <cstdio>
#include <algorithm>
#include <chrono>
#include <map>
#include <poll.h>
#include <random>
#include <signal.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace concerto;
using namespace concerto::test;

namespace {

// Each batch of the killed writer: kRowsPerBatch contributions, each with a tag, and the counter
// row moved to the batch number, in one transaction.
constexpr int kRowsPerBatch = 4;
constexpr int kKills = 25;
const char* const kCounterRef = "compteur";

std::string JournalMode(Database& db) { return Text(db, "PRAGMA journal_mode"); }
long long Synchronous(Database& db) { return Scalar(db, "PRAGMA synchronous"); }

std::string SqliteLocation(Database& db) { return "sqlite:" + db.GetLocation().target; }

// The child's life: commit batches through the app's repositories and coding actions until
// killed. Signals `readyFd` after its first commit, so that every kill lands on a writer at work.
[[noreturn]] void WriteUntilKilled(const std::string& location, int readyFd)
{
    int status = 0;
    try {
        auto db = Database::Open(location);
        ContributionRepository contributions(*db);
        const Contribution counter = *contributions.FindBy("source_ref", kCounterRef);
        const std::string commitmentId = Text(*db, "SELECT id FROM commitment");
        bool signalled = false;
        for (;;) {
            db->InTransaction([&] {
                Contribution count = contributions.Get(counter.id);
                const int batch = std::stoi(count.notes) + 1;
                for (int row = 0; row < kRowsPerBatch; ++row) {
                    Contribution c = counter;
                    c.id.clear();
                    c.notes.clear();
                    c.body = "Contribution " + std::to_string(row) + " du lot " + std::to_string(batch);
                    c.sourceRef = "lot-" + std::to_string(batch) + "-" + std::to_string(row);
                    c = contributions.Create(c);
                    MakeAddTag(c.id, TagSpec{commitmentId, "", Stance::Support}, {"", "tueur"})->Apply(*db);
                }
                count.notes = std::to_string(batch);
                contributions.Update(count); // version-checked, like every editor's save
            });
            if (!signalled) {
                signalled = write(readyFd, "x", 1) == 1;
            }
        }
    } catch (const Error& e) {
        std::fprintf(stderr, "processus d'écriture : %s (%s)\n", e.what(), e.Detail().c_str());
        status = 3;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "processus d'écriture : %s\n", e.what());
        status = 3;
    } catch (...) {
        status = 3;
    }
    _exit(status);
}

// Forks a writer, waits until it has committed once, lets it run `delay`, kills it with SIGKILL.
// Returns false (with a message) when the writer died by itself or never got going.
bool KillOneWriter(const std::string& location, std::chrono::microseconds delay, std::string& problem)
{
    int pipeFds[2];
    BOOST_REQUIRE(pipe(pipeFds) == 0);
    const pid_t child = fork();
    BOOST_REQUIRE(child >= 0);
    if (child == 0) {
        close(pipeFds[0]);
        WriteUntilKilled(location, pipeFds[1]);
    }
    close(pipeFds[1]);
    pollfd ready{pipeFds[0], POLLIN, 0};
    // Generous: the machine may be busy; this bounds a hung writer, it measures nothing.
    const int polled = poll(&ready, 1, 60000);
    char byte = 0;
    const bool started = polled == 1 && read(pipeFds[0], &byte, 1) == 1;
    close(pipeFds[0]);
    if (started)
        std::this_thread::sleep_for(delay);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    if (!started)
        problem = "le processus d'écriture n'a rien validé (statut " + std::to_string(status) + ")";
    else if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
        problem = "le processus d'écriture s'est arrêté de lui-même (statut " + std::to_string(status) + ")";
    return problem.empty();
}

} // namespace

BOOST_AUTO_TEST_SUITE(sqlite_safety)

BOOST_AUTO_TEST_CASE(wal_and_full_synchronous_on_every_connection)
{
    auto db = FreshDatabase(Backend::Sqlite);
    BOOST_TEST(JournalMode(*db) == "wal");
    BOOST_TEST(Synchronous(*db) == 2); // 2 = FULL
    // synchronous is per connection: each new one must set it again.
    auto worker = db->Reopen();
    BOOST_TEST(JournalMode(*worker) == "wal");
    BOOST_TEST(Synchronous(*worker) == 2);
    const std::string location = SqliteLocation(*db);
    worker.reset();
    db.reset();
    auto later = Database::Open(location);
    BOOST_TEST(JournalMode(*later) == "wal");
    BOOST_TEST(Synchronous(*later) == 2);
}

BOOST_AUTO_TEST_CASE(a_database_that_cannot_use_wal_is_refused)
{
    // An in-memory database answers "memory" to journal_mode=WAL: Open must not carry on without WAL.
    try {
        Database::Open("sqlite::memory:");
        BOOST_FAIL("an SQLite database without WAL was opened");
    } catch (const DatabaseError& e) {
        BOOST_TEST(std::string(e.what()).find("WAL") != std::string::npos, e.what());
        BOOST_TEST(std::string(e.what()).find("memory") != std::string::npos, e.what());
    }
}

BOOST_AUTO_TEST_CASE(a_local_folder_is_accepted)
{
    const std::string path = TempFolder() + "/locale.db";
    BOOST_TEST(NetworkFileSystemOf(path).empty());
    BOOST_CHECK_NO_THROW(Database::Open("sqlite:" + path));
}

BOOST_AUTO_TEST_CASE(writer_killed_in_a_loop_leaves_whole_transactions)
{
    std::string location;
    {
        auto db = FreshDatabase(Backend::Sqlite);
        location = SqliteLocation(*db);
        Sample s(*db);
        Contribution counter = s.AddContribution(*db, "Compteur des lots validés");
        counter.sourceRef = kCounterRef;
        counter.notes = "0";
        ContributionRepository(*db).Update(counter);
    } // no connection may cross fork(): SQLite's per-process lock table would be shared

    std::mt19937 random(20261128); // fixed seed: the same kill pattern on every run
    std::uniform_int_distribution<int> delayUs(0, 30000);
    for (int kill = 0; kill < kKills; ++kill) {
        std::string problem;
        BOOST_REQUIRE_MESSAGE(KillOneWriter(location, std::chrono::microseconds(delayUs(random)), problem), problem);
    }

    auto db = Database::Open(location);
    BOOST_TEST(Text(*db, "PRAGMA integrity_check") == "ok");
    BOOST_TEST(Scalar(*db, "SELECT COUNT(*) FROM pragma_foreign_key_check") == 0);
    // FTS5 checks its index against the contributions; it raises an error when they differ.
    BOOST_CHECK_NO_THROW(db->Session() << "INSERT INTO contribution_fts(contribution_fts) VALUES ('integrity-check')");

    const Contribution counter = *ContributionRepository(*db).FindBy("source_ref", kCounterRef);
    const int batches = std::stoi(counter.notes);
    BOOST_TEST(batches >= kKills); // each writer committed at least once before its kill
    BOOST_TEST(counter.version == batches + 2); // created, set up as the counter, then one per batch

    // Every batch is whole (its contributions, each with its tag) and the batches are exactly 1..counter.
    std::map<int, int> rowsPerBatch, tagsPerBatch;
    QueryRows(*db,
              "SELECT c.source_ref, (SELECT COUNT(*) FROM tag t WHERE t.contribution_id = c.id) FROM contribution c "
              "WHERE c.source_ref LIKE 'lot-%'",
              Params{}, [&](const soci::row& row) {
                  const std::string ref = Cell::Text(row, 0);
                  const int batch = std::stoi(ref.substr(4, ref.rfind('-') - 4));
                  ++rowsPerBatch[batch];
                  tagsPerBatch[batch] += static_cast<int>(Cell::Integer(row, 1));
              });
    BOOST_TEST(static_cast<int>(rowsPerBatch.size()) == batches);
    for (const auto& [batch, rows] : rowsPerBatch) {
        BOOST_TEST_CONTEXT("lot " << batch)
        {
            BOOST_TEST(batch >= 1);
            BOOST_TEST(batch <= batches);
            BOOST_TEST(rows == kRowsPerBatch);
            BOOST_TEST(tagsPerBatch[batch] == kRowsPerBatch);
        }
    }
    BOOST_TEST(Scalar(*db, "SELECT COUNT(*) FROM tag") == static_cast<long long>(batches) * kRowsPerBatch);
    BOOST_TEST_MESSAGE("sqlite_safety: " << kKills << " writers killed, " << batches << " whole batches of "
                                         << kRowsPerBatch << " rows, integrity_check ok");
}

BOOST_AUTO_TEST_SUITE_END()
