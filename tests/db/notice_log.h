#pragma once
// Records what a ChangeListener hears on PostgreSQL, for the tests of what a write announces.

#include "db/change_listener.h"

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

namespace concerto::test {

/// Listens on `db`'s server from construction (once listening) until destruction.
class NoticeLog {
public:
    explicit NoticeLog(Database& db)
        : m_db(db), m_listener(db.GetLocation(), [this](const std::string& table, const std::string& id) {
              {
                  std::lock_guard<std::mutex> lock(m_mutex);
                  m_heard.push_back(table + ":" + id);
              }
              m_arrived.notify_all();
          })
    {
        BOOST_REQUIRE(m_listener.Start());
        BOOST_REQUIRE_MESSAGE(m_listener.WaitUntilListening(20000), m_listener.LastError());
    }

    /// Every notice ("table:id") heard up to now, in arrival order. Notices arrive in commit order,
    /// so a sentinel notified after the writes under test is heard after all of theirs.
    std::vector<std::string> HeardSoFar()
    {
        m_db.Session() << "SELECT pg_notify('concerto_changes', 'sentinel:end')";
        std::unique_lock<std::mutex> lock(m_mutex);
        BOOST_REQUIRE(m_arrived.wait_for(lock, std::chrono::seconds(20), [&] {
            return std::find(m_heard.begin(), m_heard.end(), "sentinel:end") != m_heard.end();
        }));
        std::vector<std::string> heard;
        for (const auto& notice : m_heard)
            if (notice != "sentinel:end")
                heard.push_back(notice);
        return heard;
    }

private:
    Database& m_db;
    std::mutex m_mutex;
    std::condition_variable m_arrived;
    std::vector<std::string> m_heard;
    ChangeListener m_listener;
};

} // namespace concerto::test
