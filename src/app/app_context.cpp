#include "app/app_context.h"

#include "db/change_listener.h"

#include <mutex>
#include <set>
#include <wx/app.h>
#include <wx/timer.h>

namespace concerto {

struct AppContext::PendingChanges {
    std::mutex mutex;
    std::set<std::string> tables;
};

namespace {
// A one-shot timer that calls a function: the context is no event handler of its own.
class CallbackTimer final : public wxTimer {
public:
    explicit CallbackTimer(std::function<void()> onTime) : m_onTime(std::move(onTime)) {}
    void Notify() override { m_onTime(); }

private:
    std::function<void()> m_onTime;
};
} // namespace

AppContext::AppContext(Database& db, wxWindow* frame)
    : m_db(&db), m_frame(frame), m_worker(std::make_unique<DatabaseWorker>(db)),
      m_pending(std::make_shared<PendingChanges>()),
      m_coalesce(std::make_unique<CallbackTimer>([this] { FlushRemoteChanges(); }))
{
    StartListener();
}

void AppContext::SetDatabase(Database& db)
{
    const Location& before = m_db->GetLocation();
    const bool switched = before.backend != db.GetLocation().backend || before.target != db.GetLocation().target;
    m_listener.reset(); // its thread stops before the location it listens to changes
    m_worker.reset();   // finishes its current job on the old database first
    m_db = &db;
    m_worker = std::make_unique<DatabaseWorker>(db);
    m_consultation.reset();
    StartListener();
    if (switched) {
        m_shownId.reset(); // the consultation shown next in this database is no second switch
        AnnounceSwitch();
    }
}

void AppContext::SetConsultation(const std::optional<Consultation>& consultation)
{
    m_consultation = consultation;
    const bool switched = m_shownId && *m_shownId != ConsultationId();
    m_shownId = ConsultationId();
    if (switched)
        AnnounceSwitch();
}

std::shared_ptr<void> AppContext::SubscribeToSwitch(std::function<void()> handler)
{
    const int id = m_nextListener++;
    m_switchHandlers[id] = std::move(handler);
    std::weak_ptr<int> alive = m_lifetime;
    return std::shared_ptr<void>(nullptr, [this, alive, id](void*) {
        if (alive.lock())
            m_switchHandlers.erase(id);
    });
}

void AppContext::AnnounceSwitch()
{
    // Copy first: a handler may unsubscribe (its window closing) while being told.
    const auto handlers = m_switchHandlers;
    for (const auto& [id, handler] : handlers)
        if (m_switchHandlers.count(id))
            handler();
}

AppContext::~AppContext()
{
    m_listener.reset(); // no more notices from its thread
    m_coalesce->Stop();
}

const std::vector<std::string>& AppContext::CodingTables()
{
    static const std::vector<std::string> tables = {"contribution", "tag",       "contribution_label",
                                                    "label",        "sample_tag", "coding_sample_item"};
    return tables;
}

void AppContext::StartListener()
{
    if (m_db->GetBackend() != Backend::Postgresql)
        return;
    // The listener's thread only records what it heard; the first notice of a burst asks the
    // UI thread to tell the subscribers kCoalesceMs later, all tables heard meanwhile at once.
    std::shared_ptr<PendingChanges> pending = m_pending;
    std::weak_ptr<int> alive = m_lifetime;
    auto heard = [this, pending, alive](const std::string& table, const std::string&) {
        bool first;
        {
            std::lock_guard<std::mutex> lock(pending->mutex);
            first = pending->tables.empty();
            if (table == "*")
                pending->tables.insert(CodingTables().begin(), CodingTables().end());
            else
                pending->tables.insert(table);
        }
        if (first && wxTheApp)
            wxTheApp->CallAfter([this, alive] {
                if (alive.lock() && !m_coalesce->IsRunning())
                    m_coalesce->StartOnce(kCoalesceMs);
            });
    };
    m_listener = std::make_unique<ChangeListener>(m_db->GetLocation(), heard);
    try {
        m_listener->Start();
    } catch (const Error&) {
        m_listener.reset(); // a location the database opened with always parses; never fatal anyway
    }
}

bool AppContext::IsListeningForChanges() const { return m_listener && m_listener->IsListening(); }

void AppContext::FlushRemoteChanges()
{
    std::set<std::string> tables;
    {
        std::lock_guard<std::mutex> lock(m_pending->mutex);
        tables.swap(m_pending->tables);
    }
    for (const auto& table : tables)
        NotifyChanged(table, true);
}

void AppContext::SetAccess(const Access& access)
{
    m_access = access;
    NotifyChanged("access");
}

void AppContext::NotifyChanged(const std::string& table, bool remote)
{
    // Copy first: a listener may subscribe or unsubscribe while being told.
    const auto listeners = m_listeners;
    for (const auto& [id, listener] : listeners)
        if (m_listeners.count(id))
            listener(table, remote);
}

int AppContext::Subscribe(std::function<void(const std::string&)> listener)
{
    return SubscribeWithOrigin([listener = std::move(listener)](const std::string& table, bool) { listener(table); });
}

int AppContext::SubscribeWithOrigin(ChangeHandler handler)
{
    const int id = m_nextListener++;
    m_listeners[id] = std::move(handler);
    return id;
}

void AppContext::Unsubscribe(int id) { m_listeners.erase(id); }

} // namespace concerto
