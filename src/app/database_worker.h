#pragma once
// Database work off the UI thread. A DatabaseWorker owns one background thread with its own
// connection (SOCI sessions are never shared between threads). Jobs run there in order; their
// results come back to the UI thread through wxApp::CallAfter, and are dropped when the
// window that asked has gone (its Lifetime expired).

#include "core/errors.h"
#include "db/database.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <wx/app.h>

namespace concerto {

/// Held by a window that receives results; results for a destroyed window are discarded.
using Lifetime = std::shared_ptr<int>;
inline Lifetime NewLifetime() { return std::make_shared<int>(0); }

class DatabaseWorker {
public:
    /// Opens its own connection to the same database as `prototype`, on first use, in its thread.
    explicit DatabaseWorker(const Database& prototype);
    /// Finishes the running job, drops the queued ones, closes the connection.
    ~DatabaseWorker();
    DatabaseWorker(const DatabaseWorker&) = delete;
    DatabaseWorker& operator=(const DatabaseWorker&) = delete;

    /// Runs `job` on the worker; then `done(result)` on the UI thread, or `failed(error)` when it
    /// threw a concerto::Error (other exceptions are wrapped in one). A non-empty `key` replaces
    /// any queued, not yet started job with the same key: only the latest request counts.
    template <class R>
    void Run(const Lifetime& owner, std::function<R(Database&)> job, std::function<void(R)> done,
             std::function<void(const Error&)> failed = {}, const std::string& key = {})
    {
        std::weak_ptr<int> alive = owner;
        auto report = [alive, failed](const Error& e) {
            auto error = std::make_shared<Error>(e);
            Deliver([alive, failed, error] {
                if (alive.lock() && failed)
                    failed(*error);
            });
        };
        Enqueue(
            key,
            [alive, report, job = std::move(job), done = std::move(done)](Database& db) {
                try {
                    auto result = std::make_shared<R>(job(db));
                    Deliver([alive, done, result] {
                        if (alive.lock())
                            done(std::move(*result));
                    });
                } catch (const Error& e) {
                    report(e);
                } catch (const std::exception& e) {
                    report(Error("Erreur inattendue pendant l'accès à la base.", e.what()));
                }
            },
            report);
    }

    /// Number of jobs queued or running (for tests and the status bar).
    std::size_t Pending() const;

private:
    struct Job {
        std::string key;
        std::function<void(Database&)> work;
        std::function<void(const Error&)> fail; ///< when the worker's connection cannot be opened
    };
    void Enqueue(const std::string& key, std::function<void(Database&)> work, std::function<void(const Error&)> fail);
    static void Deliver(std::function<void()> onUiThread);
    void Loop();

    std::string m_location;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_queue;
    bool m_running = false; ///< a job is executing
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace concerto
