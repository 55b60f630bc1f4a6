#pragma once
// What every area view shares: the open database (UI-thread connection, for short reads and
// saves), the background worker for anything longer, the consultation shown, and change
// notifications so that one view's save refreshes the others. On PostgreSQL, changes that
// other clients commit arrive too (LISTEN/NOTIFY through a ChangeListener), coalesced so that
// a burst of coding work refreshes each table once.

#include "app/database_worker.h"
#include "db/access.h"
#include "core/model.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class wxWindow;
class wxTimer;

namespace concerto {

class ChangeListener;

class AppContext {
public:
    /// Receives a table's name and whether the change came through the server (see NotifyChanged).
    using ChangeHandler = std::function<void(const std::string& table, bool remote)>;

    /// Starts listening for other clients' changes when `db` is PostgreSQL.
    AppContext(Database& db, wxWindow* frame);
    ~AppContext();

    /// The UI thread's connection. Keep each use short (one page, one save).
    Database& Db() { return *m_db; }
    /// Switches to another open database (the frame owns it); restarts the worker and the
    /// change listener on it.
    void SetDatabase(Database& db);
    /// The background worker (its own connection).
    DatabaseWorker& Worker() { return *m_worker; }
    /// The main frame, as parent for dialogs.
    wxWindow* Frame() const { return m_frame; }

    /// The consultation shown, if any.
    const std::optional<Consultation>& CurrentConsultation() const { return m_consultation; }
    /// Its id, or an empty string.
    std::string ConsultationId() const { return m_consultation ? m_consultation->id : std::string(); }
    /// Shows `consultation`; when it is another one than shown before, the switch handlers are called.
    void SetConsultation(const std::optional<Consultation>& consultation);
    /// Calls `handler()` whenever the program turns to other data: another database is opened, or
    /// another consultation shown (a reconnection to the same database is no switch). For the
    /// windows bound to one consultation, which close then. Until the returned token is
    /// destroyed; the token may outlive the context (a window the frame deletes after it).
    [[nodiscard]] std::shared_ptr<void> SubscribeToSwitch(std::function<void()> handler);

    /// Tells every subscriber that rows of `table` changed (created, edited, deleted). `remote`
    /// is true for changes announced by the server: another client's, or this program's own
    /// other connections' (a view that has just reloaded after its own save may ignore those).
    void NotifyChanged(const std::string& table, bool remote = false);
    /// Calls `listener(table)` after each NotifyChanged until Unsubscribe(returned id).
    int Subscribe(std::function<void(const std::string& table)> listener);
    /// Calls `handler(table, remote)` after each NotifyChanged until Unsubscribe(returned id).
    int SubscribeWithOrigin(ChangeHandler handler);
    void Unsubscribe(int id);

    /// What the user may do on this database (read by the frame when a database is opened or
    /// reconnected). Views offer editing only when GetAccess().CanEdit(); the server refuses
    /// anyway.
    const Access& GetAccess() const { return m_access; }
    /// Replaces the rights and tells subscribers NotifyChanged("access").
    void SetAccess(const Access& access);

    /// True while the server's change notices reach this program (PostgreSQL, connected).
    bool IsListeningForChanges() const;
    /// The tables announced when the listener had to reconnect and may have missed anything.
    static const std::vector<std::string>& CodingTables();
    /// How long server notices are gathered before subscribers are told (one call per table).
    static constexpr int kCoalesceMs = 300;

private:
    /// Changes heard by the listener thread, waiting for the UI thread.
    struct PendingChanges;

    void StartListener();
    void AnnounceSwitch();
    void FlushRemoteChanges();

    Database* m_db;
    wxWindow* m_frame;
    std::unique_ptr<DatabaseWorker> m_worker;
    std::optional<Consultation> m_consultation;
    Access m_access;
    std::map<int, ChangeHandler> m_listeners;
    int m_nextListener = 1;
    std::map<int, std::function<void()>> m_switchHandlers;
    std::optional<std::string> m_shownId; ///< the consultation last shown; none yet, or just after a switch
    std::shared_ptr<PendingChanges> m_pending;
    std::unique_ptr<wxTimer> m_coalesce;
    Lifetime m_lifetime = NewLifetime(); ///< guards the listener's calls into the UI thread, and the switch tokens
    std::unique_ptr<ChangeListener> m_listener;
};

} // namespace concerto
