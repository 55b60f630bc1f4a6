#include "app/app_context.h"

namespace concerto {

AppContext::AppContext(Database& db, wxWindow* frame)
    : m_db(&db), m_frame(frame), m_worker(std::make_unique<DatabaseWorker>(db))
{
}

void AppContext::SetDatabase(Database& db)
{
    m_worker.reset(); // finishes its current job on the old database first
    m_db = &db;
    m_worker = std::make_unique<DatabaseWorker>(db);
    m_consultation.reset();
}

AppContext::~AppContext() = default;

void AppContext::NotifyChanged(const std::string& table)
{
    // Copy first: a listener may subscribe or unsubscribe while being told.
    const auto listeners = m_listeners;
    for (const auto& [id, listener] : listeners)
        if (m_listeners.count(id))
            listener(table);
}

int AppContext::Subscribe(std::function<void(const std::string&)> listener)
{
    const int id = m_nextListener++;
    m_listeners[id] = std::move(listener);
    return id;
}

void AppContext::Unsubscribe(int id) { m_listeners.erase(id); }

} // namespace concerto
