#include "cli/connect.h"

#include "core/errors.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <thread>

namespace concerto::cli {

namespace {

// libpq's and the server's words for a server that is down for a moment (English: the server
// sends them before the client's language is known, and libpq's own are untranslated here).
const char* const kRestartSigns[] = {
    "Connection refused",
    "the database system is starting up",
    "the database system is shutting down",
    "the database system is in recovery mode",
    "the database system is not yet accepting connections",
    "the database system is not accepting connections",
    "server closed the connection unexpectedly",
    "terminating connection due to administrator command",
};

bool Contains(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

} // namespace

bool IsServerRestarting(const Error& error)
{
    for (const char* sign : kRestartSigns)
        if (Contains(error.Detail(), sign) || Contains(error.what(), sign))
            return true;
    return false;
}

std::unique_ptr<Database> OpenDatabase(const std::string& location, int patienceSeconds)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(patienceSeconds);
    int pauseSeconds = 1;
    for (;;) {
        try {
            return Database::Open(location);
        } catch (const DatabaseError& error) {
            const auto now = std::chrono::steady_clock::now();
            if (!IsServerRestarting(error) || now >= deadline)
                throw;
            const auto left = std::chrono::duration_cast<std::chrono::seconds>(deadline - now).count();
            const int pause = static_cast<int>(std::min<long long>(pauseSeconds, std::max<long long>(1, left)));
            std::cerr << "Le serveur PostgreSQL ne répond pas (redémarrage en cours ?) : nouvelle tentative dans "
                      << pause << " s (abandon dans " << left << " s).\n";
            std::this_thread::sleep_for(std::chrono::seconds(pause));
            pauseSeconds = std::min(pauseSeconds * 2, 5);
        }
    }
}

} // namespace concerto::cli
