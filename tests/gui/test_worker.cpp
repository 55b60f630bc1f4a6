// The background database worker: results come back on the UI thread, only to windows that
// still exist, only for the latest of a keyed request, and errors arrive as sentences.

#include "app/database_worker.h"
#include "db/repositories.h"
#include "support/backends.h"

#include <boost/test/unit_test.hpp>
#include <wx/utils.h>

#include <chrono>
#include <thread>
#include <vector>

using namespace concerto;

namespace {
// Processes UI events until `done` holds or two seconds pass.
template <class F> bool SettleUntil(F done)
{
    for (int i = 0; i < 200 && !done(); ++i) {
        wxYield();
        wxMilliSleep(10);
    }
    return done();
}
} // namespace

BOOST_AUTO_TEST_SUITE(database_worker)

BOOST_AUTO_TEST_CASE(results_arrive_on_the_ui_thread)
{
    auto db = test::FreshDatabase(Backend::Sqlite);
    Channel channel;
    channel.code = "web";
    channel.name = "Plateforme";
    ChannelRepository(*db).Create(channel);
    DatabaseWorker worker(*db);
    const auto uiThread = std::this_thread::get_id();
    Lifetime lifetime = NewLifetime();
    long long count = -1;
    bool onUiThread = false;
    worker.Run<long long>(
        lifetime, [](Database& own) { return ChannelRepository(own).Count(); },
        [&](long long value) {
            count = value;
            onUiThread = std::this_thread::get_id() == uiThread;
        });
    BOOST_TEST(SettleUntil([&] { return count >= 0; }));
    BOOST_TEST(count == 1);
    BOOST_TEST(onUiThread);
}

BOOST_AUTO_TEST_CASE(results_for_a_closed_window_are_dropped)
{
    auto db = test::FreshDatabase(Backend::Sqlite);
    DatabaseWorker worker(*db);
    Lifetime lifetime = NewLifetime();
    bool delivered = false, probe = false;
    worker.Run<int>(
        lifetime,
        [](Database&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            return 1;
        },
        [&](int) { delivered = true; });
    lifetime.reset(); // the window closes while the job runs
    Lifetime other = NewLifetime();
    worker.Run<int>(other, [](Database&) { return 2; }, [&](int) { probe = true; });
    BOOST_TEST(SettleUntil([&] { return probe; }));
    BOOST_TEST(!delivered);
}

BOOST_AUTO_TEST_CASE(only_the_latest_keyed_request_runs)
{
    auto db = test::FreshDatabase(Backend::Sqlite);
    DatabaseWorker worker(*db);
    Lifetime lifetime = NewLifetime();
    std::vector<int> delivered;
    worker.Run<int>(
        lifetime,
        [](Database&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            return 0;
        },
        [&](int value) { delivered.push_back(value); });
    for (int value = 1; value <= 3; ++value)
        worker.Run<int>(lifetime, [value](Database&) { return value; }, [&](int v) { delivered.push_back(v); }, {},
                        "page");
    BOOST_TEST(SettleUntil([&] { return delivered.size() == 2; }));
    SettleUntil([] { return false; }); // give a wrongly queued job the time to show up
    BOOST_TEST(delivered == std::vector<int>({0, 3}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(errors_arrive_as_sentences)
{
    auto db = test::FreshDatabase(Backend::Postgresql);
    DatabaseWorker worker(*db);
    Lifetime lifetime = NewLifetime();
    std::string message;
    worker.Run<int>(
        lifetime,
        [](Database& own) {
            Channel duplicate;
            duplicate.code = "x";
            duplicate.name = "X";
            ChannelRepository(own).Create(duplicate);
            ChannelRepository(own).Create(duplicate);
            return 0;
        },
        [](int) {}, [&](const Error& e) { message = e.what(); });
    BOOST_TEST(SettleUntil([&] { return !message.empty(); }));
    BOOST_TEST(message.find("existe déjà") != std::string::npos, message);
}

BOOST_AUTO_TEST_SUITE_END()
