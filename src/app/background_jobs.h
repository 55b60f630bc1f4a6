#pragma once
// The database jobs one window runs on the worker, counted until they answer: what lets the
// window say it is busy (tests wait on that, and the status bar shows it), and what gives every
// job without an error handler of its own the window's way of showing a problem.

#include "app/app_context.h"

#include <functional>
#include <map>
#include <string>
#include <utility>

namespace concerto {

/// Runs one window's jobs on AppContext::Worker() and counts those that have not answered.
/// A member of the window, declared after its Lifetime: results for a destroyed window are dropped.
class BackgroundJobs {
public:
    /// `lifetime` is the window's; `showProblem` receives the errors of jobs run without `failed`.
    BackgroundJobs(AppContext& context, Lifetime lifetime, std::function<void(const Error&)> showProblem)
        : m_context(context), m_lifetime(std::move(lifetime)), m_showProblem(std::move(showProblem))
    {
    }

    /// Runs `job` on the worker and `done` with its result on the UI thread; the window counts
    /// as busy meanwhile. A job with a non-empty `key` replaces a queued one with the same key
    /// (the replaced job never answers: the one replacing it clears the key for both). Errors go
    /// to `failed`, or to the window's showProblem when it is empty.
    template <class R>
    void Run(std::function<R(Database&)> job, std::function<void(R)> done, std::string key = {},
             std::function<void(const Error&)> failed = {})
    {
        const int serial = ++m_serial;
        const bool replaceable = !key.empty();
        if (!replaceable)
            key = "job-" + std::to_string(serial);
        m_busy[key] = serial;
        auto finish = [this, key, serial] {
            auto it = m_busy.find(key);
            if (it != m_busy.end() && it->second == serial)
                m_busy.erase(it);
        };
        m_context.Worker().Run<R>(
            m_lifetime, std::move(job),
            [finish, done = std::move(done)](R result) {
                finish();
                done(std::move(result));
            },
            [this, finish, failed = std::move(failed)](const Error& error) {
                finish();
                if (failed)
                    failed(error);
                else if (m_showProblem)
                    m_showProblem(error);
            },
            replaceable ? key : std::string());
    }

    /// True while a job has not answered.
    bool Busy() const { return !m_busy.empty(); }
    /// The keys of the jobs that have not answered, comma-separated (for diagnostics).
    std::string BusyKeys() const
    {
        std::string keys;
        for (const auto& [key, serial] : m_busy)
            keys += (keys.empty() ? "" : ", ") + key;
        return keys;
    }
    /// Stops waiting for the jobs out: after the database changed, the old worker's never answer.
    void Forget() { m_busy.clear(); }

private:
    AppContext& m_context;
    Lifetime m_lifetime;
    std::function<void(const Error&)> m_showProblem;
    std::map<std::string, int> m_busy; ///< key -> serial of the latest job with that key, until it answers
    int m_serial = 0;
};

} // namespace concerto
