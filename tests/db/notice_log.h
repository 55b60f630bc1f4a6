#pragma once
// What a ChangeListener hears on PostgreSQL, for the tests of what a write announces: one record
// of the notices ("table:id", in arrival order), and a log that listens on a database's server
// for the length of a test.
//
// Absence ("nothing before commit", "no per-row notice") is proved without sleeping: a sentinel
// notice is sent from another session afterwards; notices reach a listener in commit order, so
// once the sentinel has arrived, anything sent before it has arrived too.

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

/// How long a test waits for a notice: a loaded machine is slow; a healthy run takes milliseconds.
constexpr int kNoticePatienceMs = 20000;

/// The notices a listener heard, as "table:id", in order; thread-safe (the listener's thread records).
class HeardNotices {
public:
    /// The callback to give the ChangeListener; it records into this object, which must outlive it.
    ChangeListener::Callback Recorder()
    {
        return [this](const std::string& table, const std::string& id) {
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                m_notices.push_back(table + ":" + id);
            }
            m_arrived.notify_all();
        };
    }
    /// Waits (bounded) until `notice` has been heard; true when it was.
    bool WaitFor(const std::string& notice)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        return m_arrived.wait_for(lock, std::chrono::milliseconds(kNoticePatienceMs), [&] {
            return std::find(m_notices.begin(), m_notices.end(), notice) != m_notices.end();
        });
    }
    /// Every notice heard up to now, in arrival order.
    std::vector<std::string> Notices()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_notices;
    }
    /// How many times exactly `notice` was heard.
    long Count(const std::string& notice)
    {
        const auto notices = Notices();
        return static_cast<long>(std::count(notices.begin(), notices.end(), notice));
    }
    /// How many notices heard start with `prefix` ("tag:" counts the tag notices, "*" the reconnections).
    long CountStartingWith(const std::string& prefix)
    {
        const auto notices = Notices();
        return static_cast<long>(std::count_if(notices.begin(), notices.end(),
                                               [&](const std::string& n) { return n.rfind(prefix, 0) == 0; }));
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_arrived;
    std::vector<std::string> m_notices;
};

/// Starts `listener` and waits (bounded) until it listens; the test stops when it does not.
inline void StartListening(ChangeListener& listener)
{
    BOOST_REQUIRE(listener.Start());
    BOOST_REQUIRE_MESSAGE(listener.WaitUntilListening(kNoticePatienceMs), listener.LastError());
}

/// Sends the notice "sentinel:<name>" from `db`'s session (committed at once) and waits until
/// `heard` has it: everything committed before has then been heard too.
inline void Fence(Database& db, HeardNotices& heard, const std::string& name)
{
    const std::string payload = "sentinel:" + name;
    db.Session() << "SELECT pg_notify('concerto_changes', :p)", soci::use(payload);
    BOOST_REQUIRE_MESSAGE(heard.WaitFor(payload), "the listener never heard " + payload);
}

/// Listens on `db`'s server from construction (once listening) until destruction.
class NoticeLog {
public:
    explicit NoticeLog(Database& db) : m_db(db), m_listener(db.GetLocation(), m_heard.Recorder())
    {
        StartListening(m_listener);
    }

    /// Every notice ("table:id") heard up to now, in arrival order, sentinels left out. Notices
    /// arrive in commit order, so a sentinel notified after the writes under test is heard after
    /// all of theirs.
    std::vector<std::string> HeardSoFar()
    {
        Fence(m_db, m_heard, "end-" + std::to_string(++m_fences)); // a new one each call: an old one proves nothing
        std::vector<std::string> heard;
        for (auto& notice : m_heard.Notices())
            if (notice.rfind("sentinel:", 0) != 0)
                heard.push_back(std::move(notice));
        return heard;
    }

private:
    Database& m_db;
    HeardNotices m_heard; // declared before the listener: it records until the listener has stopped
    ChangeListener m_listener;
    int m_fences = 0;
};

} // namespace concerto::test
