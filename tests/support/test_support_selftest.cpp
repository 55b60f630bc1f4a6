// Self-test of the test support code: the throwaway PostgreSQL cluster and the Xvfb display.
#define BOOST_TEST_MODULE support
#include "support/pg_cluster.h"
#include "support/xvfb.h"

#include <X11/Xlib.h>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <string>
#include <unistd.h>

using concerto::test::EnsureDisplay;
using concerto::test::SharedPgCluster;

BOOST_AUTO_TEST_SUITE(support)

BOOST_AUTO_TEST_CASE(shared_cluster_runs_queries_and_survives_restart)
{
    auto& pg = SharedPgCluster();
    BOOST_TEST(&pg == &SharedPgCluster());
    BOOST_TEST(pg.Port() > 0);
    BOOST_TEST(pg.Uri("selftest") == "postgresql://postgres@127.0.0.1:" + std::to_string(pg.Port()) + "/selftest");
    BOOST_TEST(pg.KeyValue("selftest") ==
               "host=127.0.0.1 port=" + std::to_string(pg.Port()) + " user=postgres dbname=selftest");

    // Unique per process so that parallel runs against a shared server could never collide.
    const std::string db = "selftest_" + std::to_string(::getpid());
    pg.CreateDatabase(db);
    BOOST_TEST(pg.PsqlQuery("select 1+1", db) == "2");
    BOOST_TEST(pg.PsqlQuery("select current_database()", db) == db);
    BOOST_TEST(pg.PsqlQuery("show listen_addresses") == "127.0.0.1");
    BOOST_TEST(pg.PsqlQuery("show unix_socket_directories") == pg.SocketDir());
    BOOST_TEST(pg.PsqlQuery("show fsync") == "off");
    BOOST_TEST_MESSAGE("cluster on port " << pg.Port() << ", lc_collate " << pg.PsqlQuery("show lc_collate", db));
    BOOST_TEST(pg.PsqlQuery("select pg_encoding_to_char(encoding) from pg_database where datname = current_database()",
                            db) == "UTF8");

    pg.Psql("create table t(x int); insert into t values (40), (2);", db);
    BOOST_CHECK_THROW(pg.Psql("select * from no_such_table", db), std::runtime_error);
    BOOST_CHECK_THROW(pg.CreateDatabase(db), std::runtime_error);

    pg.Restart(true); // crash-like stop: committed data must still be there after recovery
    BOOST_TEST(pg.PsqlQuery("select sum(x) from t", db) == "42");
    pg.Restart(false);
    BOOST_TEST(pg.PsqlQuery("select 1+1", db) == "2");

    pg.Stop();
    BOOST_CHECK_THROW(pg.PsqlQuery("select 1"), std::runtime_error);
    pg.Restart(false); // starts again after Stop()
    BOOST_TEST(pg.PsqlQuery("select count(*) from t", db) == "2");
}

BOOST_AUTO_TEST_CASE(ensure_display_yields_a_working_x_display)
{
    const std::string display = EnsureDisplay();
    BOOST_TEST(!display.empty());
    BOOST_TEST(std::getenv("DISPLAY") == display);
    BOOST_TEST(EnsureDisplay() == display); // idempotent: no second server

    Display* x = XOpenDisplay(nullptr);
    BOOST_TEST_REQUIRE(x != nullptr, "XOpenDisplay failed on " << display);
    BOOST_TEST(DisplayWidth(x, DefaultScreen(x)) > 0);
    BOOST_TEST_MESSAGE("display " << display << ": " << DisplayWidth(x, DefaultScreen(x)) << "x"
                                  << DisplayHeight(x, DefaultScreen(x)) << "x" << DefaultDepth(x, DefaultScreen(x)));
    XCloseDisplay(x);
}

BOOST_AUTO_TEST_SUITE_END()
