#pragma once
// Connecting the command line to its database. A command connects once; when a PostgreSQL
// server is restarting (connection refused, "the database system is starting up" or "shutting
// down"), the connection is tried again for a bounded time, each wait said on stderr, so that
// a nightly script run during a server restart does its work instead of failing at once.

#include "core/errors.h"
#include "db/database.h"

#include <memory>
#include <string>

namespace concerto::cli {

/// How long OpenDatabase keeps trying a server that is restarting, in seconds.
constexpr int kReconnectPatienceSeconds = 60;

/// True when `error` (from Database::Open) says the server is momentarily unreachable, as during
/// a restart, rather than wrong credentials, a wrong address or a missing database.
bool IsServerRestarting(const Error& error);

/// Database::Open(location), tried again while IsServerRestarting says so, for at most
/// `patienceSeconds` (each attempt announced on stderr). Throws what the last attempt threw.
std::unique_ptr<Database> OpenDatabase(const std::string& location,
                                       int patienceSeconds = kReconnectPatienceSeconds);

} // namespace concerto::cli
