// concerto-cli and a PostgreSQL server that goes away, through the real binary ($CONCERTO_CLI):
// a command started while the server is down waits for it (saying so on stderr) and then does
// its work; a database that does not exist is not waited for; an import whose connection is
// killed in the middle exits 1, says that nothing was saved, and nothing was. The server that
// is stopped is a private cluster: stopping the shared one would break the other suites.

#include "cli_run.h"

#include "core/text.h"
#include "db/demo.h"
#include "db/repositories.h"
#include "support/backends.h"
#include "support/pg_cluster.h"

#include <soci/soci.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

using namespace concerto;
using namespace concerto::test;

namespace {

std::string ReadAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// Waits (bounded) until the file at `path` contains `text`.
bool WaitForText(const std::string& path, const std::string& text)
{
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < end) {
        if (ReadAll(path).find(text) != std::string::npos)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

/// Waits (bounded) for a Concerto connection to `db`'s database blocked on a lock; its pid, or 0.
int BlockedConcertoBackend(Database& db)
{
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < end) {
        int pid = 0;
        soci::indicator indicator = soci::i_null;
        db.Session() << "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND "
                        "application_name = 'Concerto' AND wait_event_type = 'Lock' LIMIT 1",
            soci::into(pid, indicator);
        if (indicator == soci::i_ok)
            return pid;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return 0;
}

std::string TempFile(const std::string& name)
{
    return TempFolder() + "/cli_reconnect_" + NewUuid().substr(0, 8) + "_" + name;
}

} // namespace

BOOST_AUTO_TEST_SUITE(cli_reconnect)

BOOST_AUTO_TEST_CASE(a_command_waits_for_a_restarting_server_then_works)
{
    PgCluster cluster;
    cluster.CreateDatabase("cli_restart");
    const std::string location = cluster.Uri("cli_restart");
    Database::Open(location).reset(); // the schema is there
    cluster.Stop();

    const std::string errors = TempFile("stats.err");
    std::pair<std::string, int> result;
    std::thread cli([&] { result = RunCommand(CliPath() + " stats --db '" + location + "' 2>'" + errors + "'"); });
    const bool announced = WaitForText(errors, "nouvelle tentative");
    cluster.Restart(false); // starts it again
    cli.join();
    BOOST_TEST(announced, ReadAll(errors));
    BOOST_TEST(result.second == 0, ReadAll(errors));
    BOOST_TEST(result.first.find("Lignes par table") != std::string::npos, result.first);
}

BOOST_AUTO_TEST_CASE(a_missing_database_is_not_waited_for)
{
    auto& cluster = SharedPgCluster();
    const std::string errors = TempFile("missing.err");
    auto [out, status] =
        RunCommand(CliPath() + " stats --db '" + cluster.Uri("cli_reconnect_nowhere") + "' 2>'" + errors + "'");
    BOOST_TEST(status == 1);
    BOOST_TEST(ReadAll(errors).find("nouvelle tentative") == std::string::npos, ReadAll(errors));
    BOOST_TEST(ReadAll(errors).find("Impossible d'ouvrir la base") != std::string::npos, ReadAll(errors));
}

BOOST_AUTO_TEST_CASE(an_import_cut_off_by_a_lost_connection_fails_and_saves_nothing)
{
    auto db = FreshDatabase(Backend::Postgresql);
    SilentProgress progress;
    const std::string consultation = GenerateDemo(*db, DemoOptions{40, 4}, progress);
    std::string theme;
    db->Session() << "SELECT code FROM theme WHERE consultation_id = :c ORDER BY position LIMIT 1",
        soci::use(consultation), soci::into(theme);
    const long long before = CommitmentRepository(*db).Count();
    const std::string file = TempFile("programme.csv");
    std::ofstream(file, std::ios::binary) << "ref;theme;title;description;status\r\n"
                                          << "NV-1;" << theme << ";Des bancs place du marché;;Fait\r\n"
                                          << "NV-2;" << theme << ";Un jardin partagé;Rue des Lilas;en cours\r\n";

    // The import's writes to commitment wait behind this lock; its connection is killed there.
    auto observer = db->Reopen();
    std::pair<std::string, int> result;
    std::thread cli;
    db->InTransaction([&] {
        db->Session() << "LOCK TABLE commitment IN EXCLUSIVE MODE";
        cli = std::thread([&] {
            result = RunCommand(CliPath() + " import --kind commitments --file '" + file + "' --db '" +
                                db->GetLocation().target + "' --consultation " + consultation + " 2>&1");
        });
        const int pid = BlockedConcertoBackend(*observer);
        BOOST_TEST(pid != 0);
        int killed = 0;
        observer->Session() << "SELECT CAST(pg_terminate_backend(:p, 20000) AS integer)", soci::use(pid),
            soci::into(killed);
        BOOST_TEST(killed == 1);
    });
    cli.join();
    BOOST_TEST(result.second == 1, result.first);
    BOOST_TEST(result.first.find("connexion au serveur a été perdue") != std::string::npos, result.first);
    BOOST_TEST(result.first.find("Rien n'a été enregistré") != std::string::npos, result.first);
    BOOST_TEST(CommitmentRepository(*db).Count() == before);
    long long imported = -1;
    db->Session() << "SELECT COUNT(*) FROM commitment WHERE ref IN ('NV-1', 'NV-2')", soci::into(imported);
    BOOST_TEST(imported == 0);
}

BOOST_AUTO_TEST_SUITE_END()
