#include "db/change_listener.h"

#include <libpq-fe.h>

#include <algorithm>
#include <chrono>

#ifdef _WIN32
#include <winsock2.h>
#else
#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>
#endif

namespace concerto {

namespace {

constexpr int kFirstPauseMs = 500;
constexpr int kLongestPauseMs = 5000;
// PQconnectPoll leaves timing to the caller: a server that accepts TCP but never answers
// must not keep the listener from trying again.
constexpr int kConnectTimeoutMs = 10000;
#ifdef _WIN32
// Without a wake-up pipe, waits are cut into slices short enough for Stop() to feel immediate.
constexpr int kSliceMs = 100;
#endif

// Keepalives make the kernel notice a server that vanished without closing the connection
// (a laptop leaving the Wi-Fi, a crashed host), so that the listener reconnects instead of
// waiting forever on a dead socket.
const char* const kKeepalives = " keepalives='1' keepalives_idle='30' keepalives_interval='10' keepalives_count='3'";

PGconn* Native(void* connection) { return static_cast<PGconn*>(connection); }

std::string ErrorOf(PGconn* connection)
{
    std::string message = connection ? PQerrorMessage(connection) : "libpq: mémoire insuffisante";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    return message;
}

} // namespace

ChangeListener::ChangeListener(Location location, Callback callback)
    : m_location(std::move(location)), m_callback(std::move(callback))
{
}

ChangeListener::~ChangeListener() { Stop(); }

bool ChangeListener::Start()
{
    if (m_location.backend != Backend::Postgresql)
        return false;
    std::lock_guard<std::mutex> control(m_control);
    if (m_thread.joinable())
        return true;
    // Later keywords win in a libpq string: these options override any the location carries.
    m_conninfo = m_location.LibpqConnectString() + " application_name='" + kApplicationName + "'" + kKeepalives;
#ifndef _WIN32
    int ends[2];
    if (pipe(ends) == 0) {
        m_wakeRead = ends[0];
        m_wakeWrite = ends[1];
        fcntl(m_wakeRead, F_SETFL, O_NONBLOCK);
        fcntl(m_wakeWrite, F_SETFL, O_NONBLOCK);
    }
#endif
    m_stopping = false;
    m_thread = std::thread([this] { Run(); });
    return true;
}

void ChangeListener::Stop()
{
    std::lock_guard<std::mutex> control(m_control);
    if (!m_thread.joinable())
        return;
    m_stopping = true;
    if (std::this_thread::get_id() == m_thread.get_id())
        return; // from the callback, against the contract: the thread ends, another Stop() joins it
#ifndef _WIN32
    if (m_wakeWrite >= 0) {
        const char byte = 1;
        [[maybe_unused]] const auto written = write(m_wakeWrite, &byte, 1);
    }
#endif
    m_thread.join();
#ifndef _WIN32
    for (int* end : {&m_wakeRead, &m_wakeWrite})
        if (*end >= 0) {
            close(*end);
            *end = -1;
        }
#endif
    SetListening(false);
}

bool ChangeListener::IsListening() const
{
    std::lock_guard<std::mutex> lock(m_stateMutex);
    return m_listening;
}

bool ChangeListener::WaitUntilListening(int timeoutMs) const
{
    std::unique_lock<std::mutex> lock(m_stateMutex);
    return m_stateChanged.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return m_listening; });
}

std::string ChangeListener::LastError() const
{
    std::lock_guard<std::mutex> lock(m_stateMutex);
    return m_lastError;
}

void ChangeListener::SetListening(bool listening)
{
    {
        std::lock_guard<std::mutex> lock(m_stateMutex);
        m_listening = listening;
        if (listening)
            m_lastError.clear();
    }
    m_stateChanged.notify_all();
}

void ChangeListener::SetError(const std::string& message)
{
    std::lock_guard<std::mutex> lock(m_stateMutex);
    m_lastError = message;
}

void ChangeListener::Run()
{
    int pause = kFirstPauseMs;
    bool missedSome = false; // notices sent while not listening are lost for good
    while (!m_stopping) {
        PGconn* connection = Native(Connect());
        if (connection && Listen(connection)) {
            SetListening(true);
            pause = kFirstPauseMs;
            if (missedSome) {
                try {
                    m_callback("*", "");
                } catch (...) {
                }
            }
            Pump(connection);
            SetListening(false);
            if (!m_stopping)
                SetError(ErrorOf(connection));
        }
        if (connection)
            PQfinish(connection);
        missedSome = true;
        if (m_stopping || WaitFor(-1, false, pause) == Wake::Stopping)
            break;
        pause = std::min(pause * 2, kLongestPauseMs);
    }
}

void* ChangeListener::Connect()
{
    PGconn* connection = PQconnectStart(m_conninfo.c_str());
    if (!connection || PQstatus(connection) == CONNECTION_BAD) {
        SetError(ErrorOf(connection));
        PQfinish(connection);
        return nullptr;
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kConnectTimeoutMs);
    PostgresPollingStatusType status = PGRES_POLLING_WRITING;
    while (status != PGRES_POLLING_OK) {
        if (status == PGRES_POLLING_FAILED) {
            SetError(ErrorOf(connection));
            PQfinish(connection);
            return nullptr;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        const Wake wake = WaitFor(PQsocket(connection), status == PGRES_POLLING_WRITING,
                                  static_cast<int>(std::max<long long>(0, left.count())));
        if (wake != Wake::Ready) {
            if (wake == Wake::TimedOut)
                SetError("Le serveur PostgreSQL ne répond pas (délai de connexion dépassé).");
            PQfinish(connection);
            return nullptr;
        }
        status = PQconnectPoll(connection);
    }
    // The server's last words ("terminating connection due to administrator command") arrive
    // as notices: kept as the error to report instead of going to stderr.
    PQsetNoticeProcessor(
        connection,
        [](void* self, const char* message) {
            std::string text = message ? message : "";
            while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
                text.pop_back();
            static_cast<ChangeListener*>(self)->SetError(text);
        },
        this);
    return connection;
}

bool ChangeListener::Listen(void* handle)
{
    PGconn* connection = Native(handle);
    if (!PQsendQuery(connection, (std::string("LISTEN ") + kChannel).c_str()))
        return false;
    bool ok = true;
    for (;;) {
        while (PQisBusy(connection)) {
            if (WaitFor(PQsocket(connection), false, kConnectTimeoutMs) != Wake::Ready || !PQconsumeInput(connection))
                return false;
        }
        PGresult* result = PQgetResult(connection);
        if (!result)
            return ok;
        ok = ok && PQresultStatus(result) == PGRES_COMMAND_OK;
        PQclear(result);
    }
}

void ChangeListener::Pump(void* handle)
{
    PGconn* connection = Native(handle);
    for (;;) {
        Deliver(connection); // notices may have arrived with the LISTEN's answer
        if (WaitFor(PQsocket(connection), false, -1) == Wake::Stopping)
            return;
        // A terminated backend first sends its FATAL message, then closes: both end up here.
        if (!PQconsumeInput(connection) || PQstatus(connection) == CONNECTION_BAD) {
            Deliver(connection);
            return;
        }
    }
}

void ChangeListener::Deliver(void* handle)
{
    while (PGnotify* notice = PQnotifies(Native(handle))) {
        const std::string payload = notice->extra ? notice->extra : "";
        PQfreemem(notice);
        const std::size_t colon = payload.find(':');
        const std::string table = payload.substr(0, colon);
        const std::string id = colon == std::string::npos ? std::string() : payload.substr(colon + 1);
        if (table.empty())
            continue;
        try {
            m_callback(table, id);
        } catch (...) {
        }
    }
}

ChangeListener::Wake ChangeListener::WaitFor(int socket, bool forWriting, int timeoutMs)
{
    const auto start = std::chrono::steady_clock::now();
    for (;;) {
        if (m_stopping)
            return Wake::Stopping;
        int slice = timeoutMs;
        if (timeoutMs >= 0) {
            const auto spent =
                std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
            if (spent >= timeoutMs)
                return Wake::TimedOut;
            slice = static_cast<int>(timeoutMs - spent);
        }
#ifdef _WIN32
        slice = slice < 0 ? kSliceMs : std::min(slice, kSliceMs);
        WSAPOLLFD watched[1] = {};
        watched[0].fd = static_cast<SOCKET>(socket);
        watched[0].events = forWriting ? POLLWRNORM : POLLRDNORM;
        const int ready = socket >= 0 ? WSAPoll(watched, 1, slice) : (Sleep(slice), 0);
        if (ready > 0)
            return Wake::Ready;
#else
        if (m_wakeRead < 0) // no pipe (it could not be made): fall back to short slices
            slice = slice < 0 ? 100 : std::min(slice, 100);
        pollfd watched[2] = {};
        int count = 0;
        if (m_wakeRead >= 0)
            watched[count++] = pollfd{m_wakeRead, POLLIN, 0};
        const int socketIndex = socket >= 0 ? count : -1;
        if (socket >= 0)
            watched[count++] = pollfd{socket, static_cast<short>(forWriting ? POLLOUT : POLLIN), 0};
        const int ready = poll(watched, static_cast<nfds_t>(count), slice);
        if (ready < 0 && errno != EINTR)
            return Wake::Ready; // let libpq meet the error and report it
        if (ready > 0 && socketIndex >= 0 && watched[socketIndex].revents != 0)
            return m_stopping ? Wake::Stopping : Wake::Ready;
        // Only the pipe, or nothing: the loop checks m_stopping and the time left.
#endif
    }
}

} // namespace concerto
