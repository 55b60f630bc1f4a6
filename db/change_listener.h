#pragma once
// Live change notices from a PostgreSQL server. The schema's triggers NOTIFY channel
// concerto_changes with "table:id" (ids only, never data) when coding work commits; a
// ChangeListener holds its own libpq connection in a background thread, LISTENs there, and
// hands each notice to a callback, so that a client refreshes what others changed. A dropped
// connection is re-opened with a growing pause and LISTEN issued again; since notices sent
// meanwhile are lost, the callback then hears ("*", "") once: "anything may have changed".
// SQLite has no other clients to hear from: there, Start() does nothing.

#include "db/database.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace concerto {

/// Listens to channel concerto_changes of a PostgreSQL database on a connection of its own.
class ChangeListener {
public:
    /// Called on the listener's thread for each notice: ("tag", contribution id), ("label", label id),
    /// ("contribution", "*") after a bulk write, ("*", "") after a reconnection. It must not call
    /// Stop() nor destroy the listener; exceptions it throws are ignored.
    using Callback = std::function<void(const std::string& table, const std::string& id)>;

    /// The channel the schema's triggers notify.
    static constexpr const char* kChannel = "concerto_changes";
    /// The application_name of the listener's connection, as pg_stat_activity shows it.
    static constexpr const char* kApplicationName = "concerto-listener";

    /// Nothing runs before Start().
    ChangeListener(Location location, Callback callback);
    /// Stops the thread and closes the connection.
    ~ChangeListener();
    ChangeListener(const ChangeListener&) = delete;
    ChangeListener& operator=(const ChangeListener&) = delete;

    /// Starts listening in the background and returns at once (the connection is made in the
    /// thread, so a slow server never blocks the caller). False on SQLite, where nothing starts;
    /// true when it runs (also when it already ran). Throws ValidationError for a location libpq
    /// cannot parse.
    bool Start();
    /// Stops the thread and closes the connection; returns promptly even while the listener
    /// waits for the server or pauses before reconnecting. Idempotent, callable from any thread
    /// but the callback's.
    void Stop();

    /// True while connected with LISTEN in effect.
    bool IsListening() const;
    /// Waits up to `timeoutMs` for IsListening(); returns it.
    bool WaitUntilListening(int timeoutMs) const;
    /// The last connection error (libpq's words), empty when none since the last success.
    std::string LastError() const;

private:
    enum class Wake { Ready, TimedOut, Stopping };

    void Run();
    /// A connected libpq connection (as void* to keep libpq out of this header), or nullptr.
    void* Connect();
    bool Listen(void* connection);
    /// Hands notices to the callback until the connection drops or Stop() is called.
    void Pump(void* connection);
    void Deliver(void* connection);
    /// Waits for the socket (or, with socket < 0, only for Stop()) for at most `timeoutMs` (< 0: no limit).
    Wake WaitFor(int socket, bool forWriting, int timeoutMs);
    void SetListening(bool listening);
    void SetError(const std::string& message);

    Location m_location;
    Callback m_callback;
    std::string m_conninfo;
    std::mutex m_control; ///< serialises Start() and Stop()
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    int m_wakeRead = -1, m_wakeWrite = -1; ///< a pipe that Stop() writes to, so that waits end at once
    mutable std::mutex m_stateMutex;
    mutable std::condition_variable m_stateChanged;
    bool m_listening = false;
    std::string m_lastError;
};

} // namespace concerto
