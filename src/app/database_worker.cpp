#include "app/database_worker.h"

namespace concerto {

namespace {
std::string ReopenableLocation(const Database& db)
{
    const Location& location = db.GetLocation();
    return location.backend == Backend::Sqlite ? "sqlite:" + location.target : location.target;
}
} // namespace

DatabaseWorker::DatabaseWorker(const Database& prototype)
    : m_location(ReopenableLocation(prototype)), m_thread([this] { Loop(); })
{
}

DatabaseWorker::~DatabaseWorker()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
        m_queue.clear();
    }
    m_wake.notify_all();
    m_thread.join();
}

std::size_t DatabaseWorker::Pending() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_queue.size() + (m_running ? 1 : 0);
}

void DatabaseWorker::Enqueue(const std::string& key, std::function<void(Database&)> work,
                             std::function<void(const Error&)> fail)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!key.empty())
            for (auto it = m_queue.begin(); it != m_queue.end();)
                it = it->key == key ? m_queue.erase(it) : it + 1;
        m_queue.push_back(Job{key, std::move(work), std::move(fail)});
    }
    m_wake.notify_one();
}

void DatabaseWorker::Deliver(std::function<void()> onUiThread)
{
    if (wxTheApp)
        wxTheApp->CallAfter(std::move(onUiThread));
}

void DatabaseWorker::Loop()
{
    std::unique_ptr<Database> db;
    for (;;) {
        Job job;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            job = std::move(m_queue.front());
            m_queue.pop_front();
            m_running = true;
        }
        try {
            if (!db)
                db = Database::Open(m_location);
        } catch (const Error& e) {
            job.fail(e); // the next job tries to connect again
        }
        if (db)
            job.work(*db); // reports its own errors
        
        std::lock_guard<std::mutex> lock(m_mutex);
        m_running = false;
    }
}

} // namespace concerto
