#pragma once
// Connection profiles for a shared PostgreSQL server, and what the app needs to know about a
// server connection without looking at libpq itself: the connection string a profile makes
// (password only ever in memory), a trial connection that says whether a password is needed,
// a display form that never shows a password, and whether an error means the connection was lost.

#include <string>
#include <utility>
#include <vector>

namespace concerto {

class Database;
class Error;

/// How the connection is protected by TLS, as libpq's sslmode.
enum class TlsMode {
    Disable,   ///< no TLS (only on a trusted network)
    Require,   ///< encrypted, server not authenticated
    VerifyCa,  ///< encrypted, server certificate signed by the root certificate
    VerifyFull ///< as VerifyCa, and the certificate names the host (the default)
};

/// libpq's sslmode keyword for `mode` ("disable", "require", "verify-ca", "verify-full").
const char* TlsModeKeyword(TlsMode mode);
/// The mode for a keyword; VerifyFull for anything unknown (the safe choice).
TlsMode TlsModeFromKeyword(const std::string& keyword);

/// A saved way to reach a shared database. Never holds a password.
struct ConnectionProfile {
    std::string name; ///< what the user calls it ("Serveur de la mairie"); unique among profiles
    std::string host; ///< host name or address; empty: libpq's default (local socket)
    int port = 5432;
    std::string database; ///< dbname; empty: libpq's default (the user name)
    std::string user;     ///< empty: libpq's default (the system user)
    TlsMode tls = TlsMode::VerifyFull;
    std::string rootCertificate; ///< sslrootcert file; empty: libpq's default (~/.postgresql/root.crt)
    /// Refuse any authentication but SCRAM-SHA-256 (see ScramOptions()). Turned off only for an old
    /// server that cannot do SCRAM, the password then possibly travelling as md5 or in clear.
    bool requireScram = true;
};

/// The libpq options that make the client refuse every authentication but SCRAM-SHA-256, so that a
/// misconfigured or impersonated server cannot get the password in md5 or in clear, nor let the user
/// in without one: `channel_binding=require` when `tls` encrypts (only SCRAM-SHA-256-PLUS satisfies
/// it; libpq 15 has nothing else), plus `require_auth=scram-sha-256` when the libpq in use knows it
/// (16 and later). Without TLS and with libpq 15, nothing can enforce it: empty.
std::vector<std::pair<std::string, std::string>> ScramOptions(TlsMode tls);

/// The server, port, database, user and TLS settings written in `conninfo` (a URI or key=value
/// string; host falls back to hostaddr), e.g. to find the password remembered for them. A default
/// profile when libpq cannot parse it. `name` is left empty.
ConnectionProfile ProfileFromConnection(const std::string& conninfo);

/// `value` quoted for a libpq key=value string: in single quotes, with \ and ' escaped.
std::string QuoteConnectionValue(const std::string& value);

/// The libpq key=value string for `profile`, with `password` when not empty. Adds sslmode and
/// sslrootcert, ScramOptions() when the profile requires SCRAM, a connect
/// timeout and TCP keepalives so that an unreachable or vanished server is noticed in seconds.
std::string ConnectionString(const ConnectionProfile& profile, const std::string& password = {});

/// A libpq connection string or URI rewritten as key=value pairs without any password, fit to
/// be remembered on disk. Returns an empty string when `conninfo` cannot be parsed.
std::string WithoutPassword(const std::string& conninfo);

/// A short form of a server connection for titles and status bars: "user@host:port/database"
/// (parts libpq would default are left out). Never shows a password.
std::string DescribeConnection(const std::string& conninfo);

/// The outcome of a trial connection.
struct ConnectionProbe {
    bool connected = false;
    bool needsPassword = false;    ///< the server asked for a password and none was available
    bool passwordRejected = false; ///< a password was given and the server refused it
    std::string serverVersion;     ///< when connected, e.g. "15.6"
    std::string message;           ///< when not connected: a French sentence saying why and what to do
    std::string detail;            ///< libpq's own message, for logs
};

/// Connects to `conninfo` with libpq, reads the server version and disconnects; touches no
/// table and migrates nothing. Blocks for at most the connection timeout. Never throws.
ConnectionProbe ProbeConnection(const std::string& conninfo);

/// True when `error` says the connection to the server was lost (rather than a refused or
/// failed statement): the application then reconnects instead of reporting a failure.
bool IsConnectionLost(const Error& error);
/// True when `error` says the connection was lost while COMMIT was on its way (Database::
/// InTransaction): whether the server committed is unknown, so "not saved" would be untrue.
bool IsSaveOutcomeUnknown(const Error& error);

/// A cheap round trip (SELECT 1) on `db`. False when the server cannot be reached any more;
/// always true on SQLite. Never throws.
bool IsConnectionAlive(Database& db);

/// The Concerto role group the user of `db` belongs to: "concerto_admin", "concerto_editor" or
/// "concerto_reader" (the most powerful when several), an empty string when none; "local" on
/// SQLite, where the file's permissions are the only ones. Throws DatabaseError.
std::string ConcertoRole(Database& db);

} // namespace concerto
