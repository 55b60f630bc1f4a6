#pragma once
// Watching the connection to a PostgreSQL server: a cheap periodic check through the
// background worker, and for operations that failed, a look at their error. When the server
// is gone it shows a banner over the pages and reconnects by itself, in the background, until
// it succeeds (or the user presses "Réessayer"); then it hands the new connection to the
// frame, which swaps it in without closing any view or dialog.

#include "app/database_worker.h"

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <wx/event.h>

class wxInfoBarGeneric;
class wxTimer;
class wxWindow;

namespace concerto {

class AppContext;

class ConnectionMonitor : public wxEvtHandler {
public:
    /// Receives the new connection once the server is back (on the UI thread).
    using Reconnected = std::function<void(std::unique_ptr<Database> db)>;

    /// Creates the banner as a hidden child of `bannerParent` (the caller places it in its
    /// sizer); checks through `context`'s worker.
    ConnectionMonitor(wxWindow* bannerParent, AppContext& context, Reconnected onReconnected);
    /// Waits for a reconnection attempt in progress (at most the connection timeout).
    ~ConnectionMonitor() override;

    /// The banner, to place above the pages.
    wxWindow* Banner() const;

    /// Watches `db` from now on: periodic checks on PostgreSQL, none on SQLite. Hides the banner.
    void Watch(const Database& db);
    /// Checks the connection now (through the worker; the answer comes later).
    void CheckNow();
    /// Looks at an operation's error: true when it means the connection was lost, in which
    /// case the banner is shown and reconnection begins.
    bool Report(const Error& error);
    /// Tries to reconnect now (the banner's "Réessayer" button).
    void RetryNow();

    /// True from the loss of the connection until it is back.
    bool IsLost() const { return m_lost; }
    bool IsBannerShown() const;

private:
    void ConnectionLost();
    void Attempt();
    void AttemptFinished(std::shared_ptr<std::unique_ptr<Database>> db, const wxString& error);
    void ShowBanner(const wxString& message);

    AppContext& m_context;
    Reconnected m_onReconnected;
    wxInfoBarGeneric* m_banner = nullptr;
    std::unique_ptr<wxTimer> m_checkTimer;
    std::unique_ptr<wxTimer> m_retryTimer;
    std::string m_location; ///< the watched database, as Database::Open takes it (in memory only)
    bool m_server = false;  ///< the watched database is on a server
    bool m_lost = false;
    bool m_attempting = false;
    int m_failedAttempts = 0;
    std::thread m_attempt;
    Lifetime m_lifetime = NewLifetime();
};

} // namespace concerto
