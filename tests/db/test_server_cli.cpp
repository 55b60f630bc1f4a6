// `concerto-cli server init` and `concerto-cli user …` run as IT and an admin would: the binary
// itself, against a throwaway server database, read back through the catalog.

#include "cli_run.h"

#include "support/backends.h"
#include "support/pg_cluster.h"

#include <boost/test/unit_test.hpp>

using namespace concerto;

namespace {

constexpr const char* kPassword = "une phrase de passe";

std::string Shell(const std::string& text)
{
    std::string quoted = "'";
    for (char c : text)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::pair<std::string, int> Cli(const std::string& arguments, const std::string& input = "")
{
    const std::string feed = input.empty() ? "</dev/null " : "printf '%s\\n' " + Shell(input) + " | ";
    return test::RunCommand(feed + test::CliPath() + " " + arguments + " 2>&1");
}

std::string NewDatabase()
{
    // FreshLocation creates and migrates nothing: "server init" meets an empty database.
    const std::string location = test::FreshLocation(Backend::Postgresql);
    return location.substr(location.rfind('/') + 1);
}

} // namespace

BOOST_AUTO_TEST_SUITE(server_cli)

BOOST_AUTO_TEST_CASE(server_init_then_users_through_the_command_line)
{
    auto& cluster = test::SharedPgCluster();
    const std::string name = NewDatabase();
    const std::string it = Shell(cluster.Uri(name));

    auto [out, status] = Cli("server init --db " + it);
    BOOST_TEST_INFO(out);
    BOOST_TEST(status == 0);
    BOOST_TEST(out.find("Serveur prêt") != std::string::npos);
    BOOST_TEST(cluster.PsqlQuery("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'contribution'",
                                 name) == "concerto_owner");
    std::tie(out, status) = Cli("server init --db " + it); // again: harmless
    BOOST_TEST_INFO(out);
    BOOST_TEST(status == 0);
    BOOST_TEST(out.find("aucun (déjà présents)") != std::string::npos);

    std::tie(out, status) = Cli("user add srcli_admin --role admin --password-stdin --db " + it, kPassword);
    BOOST_TEST_INFO(out);
    BOOST_TEST(status == 0);
    // From here on, the admin's own login does the work, over TLS with its password.
    const std::string admin = Shell(cluster.LoginKeyValue("srcli_admin", kPassword, name));
    std::tie(out, status) =
        Cli("user add srcli_anne --role lecteur --password-stdin --db " + admin, kPassword);
    BOOST_TEST_INFO(out);
    BOOST_TEST(status == 0);
    BOOST_TEST(cluster.PsqlQuery("SELECT pg_has_role('srcli_anne', 'concerto_reader', 'MEMBER')", name) == "t");

    std::tie(out, status) = Cli("user set-role srcli_anne --role editor --db " + admin);
    BOOST_TEST_INFO(out);
    BOOST_TEST(status == 0);
    std::tie(out, status) = Cli("user list --db " + admin);
    BOOST_TEST_INFO(out);
    BOOST_TEST(status == 0);
    BOOST_TEST(out.find("srcli_anne") != std::string::npos);
    BOOST_TEST(out.find("éditeur") != std::string::npos);
    BOOST_TEST(out.find("srcli_admin") != std::string::npos);
    BOOST_TEST(cluster.PsqlQuery("SELECT pg_has_role('srcli_anne', 'concerto_reader', 'MEMBER')", name) == "f");

    std::tie(out, status) = Cli("user password srcli_anne --password-stdin --db " + admin, "encore une autre");
    BOOST_TEST_INFO(out);
    BOOST_TEST(status == 0);
    std::tie(out, status) = Cli("user list --db " + Shell(cluster.LoginKeyValue("srcli_anne", "encore une autre", name)));
    BOOST_TEST_INFO(out);
    BOOST_TEST(status == 1); // an editor may not list the accounts
    BOOST_TEST(out.find("Votre rôle sur le serveur") != std::string::npos);

    std::tie(out, status) = Cli("user remove srcli_anne --db " + admin);
    BOOST_TEST_INFO(out);
    BOOST_TEST(status == 0);
    BOOST_TEST(cluster.PsqlQuery("SELECT count(*) FROM pg_roles WHERE rolname = 'srcli_anne'") == "0");

    // Without a terminal and without --password-stdin, nothing is read from nowhere.
    std::tie(out, status) = Cli("user add srcli_bob --role reader --db " + admin);
    BOOST_TEST(status == 2);
    BOOST_TEST(out.find("--password-stdin") != std::string::npos);
    std::tie(out, status) = Cli("user add srcli_bob --role chef --password-stdin --db " + admin, kPassword);
    BOOST_TEST(status == 1);
    BOOST_TEST(out.find("Rôle inconnu") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(server_init_refuses_sqlite)
{
    const auto [out, status] = Cli("server init --db " + Shell(test::FreshLocation(Backend::Sqlite)));
    BOOST_TEST_INFO(out);
    BOOST_TEST(status == 1);
    BOOST_TEST(out.find("PostgreSQL") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
