#pragma once
// What every area view shares: the open database (UI-thread connection, for short reads and
// saves), the background worker for anything longer, the consultation shown, and change
// notifications so that one view's save refreshes the others.

#include "app/database_worker.h"
#include "core/model.h"

#include <functional>
#include <map>
#include <optional>
#include <string>

class wxWindow;

namespace concerto {

class AppContext {
public:
    AppContext(Database& db, wxWindow* frame);
    ~AppContext();

    /// The UI thread's connection. Keep each use short (one page, one save).
    Database& Db() { return *m_db; }
    /// Switches to another open database (the frame owns it); restarts the worker on it.
    void SetDatabase(Database& db);
    /// The background worker (its own connection).
    DatabaseWorker& Worker() { return *m_worker; }
    /// The main frame, as parent for dialogs.
    wxWindow* Frame() const { return m_frame; }

    /// The consultation shown, if any.
    const std::optional<Consultation>& CurrentConsultation() const { return m_consultation; }
    /// Its id, or an empty string.
    std::string ConsultationId() const { return m_consultation ? m_consultation->id : std::string(); }
    void SetConsultation(const std::optional<Consultation>& consultation) { m_consultation = consultation; }

    /// Tells every subscriber that rows of `table` changed (created, edited, deleted).
    void NotifyChanged(const std::string& table);
    /// Calls `listener(table)` after each NotifyChanged until Unsubscribe(returned id).
    int Subscribe(std::function<void(const std::string& table)> listener);
    void Unsubscribe(int id);

private:
    Database* m_db;
    wxWindow* m_frame;
    std::unique_ptr<DatabaseWorker> m_worker;
    std::optional<Consultation> m_consultation;
    std::map<int, std::function<void(const std::string&)>> m_listeners;
    int m_nextListener = 1;
};

} // namespace concerto
