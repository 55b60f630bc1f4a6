#include "db/connection_profile.h"

#include "core/errors.h"
#include "db/database.h"

#include <cstdlib>
#include <libpq-fe.h>
#include <memory>
#include <soci/soci.h>
#include <utility>
#include <vector>

namespace concerto {

namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

// An unreachable server is given this many seconds before the attempt fails, instead of the
// operating system's minutes.
const char* const kConnectTimeout = "10";

/// The options written in `conninfo` (a URI or key=value string), in libpq's order; false
/// when libpq cannot parse it.
bool ParseConnection(const std::string& conninfo, Pairs& pairs)
{
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
    if (!options) {
        PQfreemem(error);
        return false;
    }
    for (PQconninfoOption* option = options; option->keyword; ++option)
        if (option->val)
            pairs.emplace_back(option->keyword, option->val);
    PQconninfoFree(options);
    return true;
}

std::string Join(const Pairs& pairs)
{
    std::string result;
    for (const auto& [key, value] : pairs)
        result += (result.empty() ? "" : " ") + key + "=" + QuoteConnectionValue(value);
    return result;
}

bool Contains(const std::string& text, const char* part)
{
    return text.find(part) != std::string::npos;
}

/// libpq's first line, without its "connection to server … failed:" preamble.
std::string EssentialLine(const std::string& message)
{
    std::string line = message.substr(0, message.find('\n'));
    if (const auto failed = line.find("failed: "); failed != std::string::npos)
        line = line.substr(failed + 8);
    return line;
}

/// The text between the first pair of double quotes after `from` in `message`.
std::string Quoted(const std::string& message, std::string::size_type from)
{
    const auto open = message.find('"', from);
    const auto close = open == std::string::npos ? open : message.find('"', open + 1);
    return close == std::string::npos ? std::string() : message.substr(open + 1, close - open - 1);
}

/// libpq 15 says `server certificate for "NAME" [(and N other names)] does not match host name "HOST"`.
std::string ExplainNameMismatch(const std::string& message, const std::string& host)
{
    const std::string certified = Quoted(message, message.find("certificate for"));
    std::string asked = Quoted(message, message.find("host name"));
    if (asked.empty())
        asked = host;
    std::string text = "Le certificat du serveur ne correspond pas à «\u00a0" + asked + "\u00a0»";
    if (!certified.empty())
        text += "\u00a0: il a été établi pour «\u00a0" + certified + "\u00a0»";
    return text + ". Dans le profil, indiquez comme hôte le nom exact du serveur tel qu'écrit dans son certificat "
                  "(pas son adresse IP), ou demandez à l'administrateur un certificat qui porte ce nom.";
}

/// A sentence for the user about a connection that libpq could not open.
std::string ExplainFailure(const std::string& message, const Pairs& pairs)
{
    auto valueOf = [&pairs](const char* key, const char* fallback) {
        for (const auto& [k, v] : pairs)
            if (k == key && !v.empty())
                return v;
        return std::string(fallback);
    };
    const std::string host = valueOf("host", "localhost");
    if (Contains(message, "password authentication failed"))
        return "Le serveur a refusé le mot de passe de l'utilisateur «\u00a0" + valueOf("user", "") +
               "\u00a0». Vérifiez-le et réessayez.";
    if (Contains(message, "no password supplied"))
        return "Le serveur demande un mot de passe.";
    if (Contains(message, "could not translate host name") || Contains(message, "Name or service not known"))
        return "Le serveur «\u00a0" + host +
               "\u00a0» est introuvable\u00a0: vérifiez le nom de l'hôte et la connexion au réseau.";
    if (Contains(message, "Connection refused"))
        return "Le serveur «\u00a0" + host + "\u00a0» ne répond pas sur le port " + valueOf("port", "5432") +
               "\u00a0: vérifiez le port, et demandez à l'administrateur si PostgreSQL est démarré.";
    if (Contains(message, "timeout expired") || Contains(message, "timed out"))
        return "Le serveur «\u00a0" + host +
               "\u00a0» n'a pas répondu à temps\u00a0: vérifiez l'adresse et la connexion au réseau.";
    if (Contains(message, "root certificate file"))
        return "Le certificat racine est introuvable\u00a0: choisissez le fichier du certificat de l'autorité "
               "(fourni par l'administrateur) dans le profil de connexion.";
    if (Contains(message, "does not match host name"))
        return ExplainNameMismatch(message, host);
    if (Contains(message, "channel binding") || Contains(message, "require_auth") ||
        Contains(message, "auth method \"scram-sha-256\" requirement failed"))
        return "Le serveur «\u00a0" + host +
               "\u00a0» n'a pas demandé d'authentification SCRAM-SHA-256 (il accepte un mot de passe en md5, en "
               "clair, ou pas de mot de passe du tout)\u00a0: Concerto refuse de s'y connecter. Demandez à "
               "l'administrateur d'utiliser «\u00a0scram-sha-256\u00a0» dans pg_hba.conf avec TLS.";
    if (Contains(message, "certificate verify failed") || Contains(message, "certificate"))
        return "Le certificat du serveur n'a pas pu être vérifié avec le certificat racine choisi\u00a0: demandez le "
               "bon fichier à l'administrateur.";
    if (Contains(message, "server does not support SSL") || Contains(message, "SSL off"))
        return "Le serveur n'accepte pas les connexions chiffrées (TLS). Demandez à l'administrateur de l'activer.";
    if (Contains(message, "no pg_hba.conf entry"))
        return "Le serveur n'accepte pas cet utilisateur depuis ce poste, ou pas sans chiffrement\u00a0: demandez à "
               "l'administrateur d'autoriser l'accès (pg_hba.conf).";
    if (Contains(message, "does not exist") && Contains(message, "database"))
        return "La base «\u00a0" + valueOf("dbname", "") + "\u00a0» n'existe pas sur ce serveur.";
    if (Contains(message, "does not exist") && Contains(message, "role"))
        return "L'utilisateur «\u00a0" + valueOf("user", "") + "\u00a0» n'existe pas sur ce serveur.";
    return "Connexion au serveur impossible\u00a0: " + EssentialLine(message);
}

} // namespace

const char* TlsModeKeyword(TlsMode mode)
{
    switch (mode) {
    case TlsMode::Disable:
        return "disable";
    case TlsMode::Require:
        return "require";
    case TlsMode::VerifyCa:
        return "verify-ca";
    case TlsMode::VerifyFull:
        break;
    }
    return "verify-full";
}

TlsMode TlsModeFromKeyword(const std::string& keyword)
{
    for (TlsMode mode : {TlsMode::Disable, TlsMode::Require, TlsMode::VerifyCa})
        if (keyword == TlsModeKeyword(mode))
            return mode;
    return TlsMode::VerifyFull;
}

std::string QuoteConnectionValue(const std::string& value)
{
    std::string quoted = "'";
    for (char c : value) {
        if (c == '\\' || c == '\'')
            quoted += '\\';
        quoted += c;
    }
    return quoted + "'";
}

std::vector<std::pair<std::string, std::string>> ScramOptions(TlsMode tls)
{
    Pairs options;
    // Channel binding ties the SCRAM exchange to the TLS session: trust, password and md5 cannot
    // provide it, so libpq refuses them, and a man in the middle cannot relay the exchange.
    if (tls != TlsMode::Disable)
        options.emplace_back("channel_binding", "require");
    // libpq 16 added require_auth; Debian 12's libpq 15 would reject the unknown keyword.
    if (PQlibVersion() >= 160000)
        options.emplace_back("require_auth", "scram-sha-256");
    return options;
}

ConnectionProfile ProfileFromConnection(const std::string& conninfo)
{
    ConnectionProfile profile;
    Pairs pairs;
    if (!ParseConnection(conninfo, pairs))
        return profile;
    std::string hostaddr;
    for (const auto& [key, value] : pairs) {
        if (key == "host")
            profile.host = value;
        else if (key == "hostaddr")
            hostaddr = value;
        else if (key == "port")
            profile.port = std::atoi(value.c_str());
        else if (key == "dbname")
            profile.database = value;
        else if (key == "user")
            profile.user = value;
        else if (key == "sslmode")
            profile.tls = TlsModeFromKeyword(value);
        else if (key == "sslrootcert")
            profile.rootCertificate = value;
    }
    if (profile.host.empty())
        profile.host = hostaddr;
    if (profile.port <= 0)
        profile.port = 5432;
    return profile;
}

std::string ConnectionString(const ConnectionProfile& profile, const std::string& password)
{
    Pairs pairs;
    if (!profile.host.empty())
        pairs.emplace_back("host", profile.host);
    pairs.emplace_back("port", std::to_string(profile.port));
    if (!profile.database.empty())
        pairs.emplace_back("dbname", profile.database);
    if (!profile.user.empty())
        pairs.emplace_back("user", profile.user);
    if (!password.empty())
        pairs.emplace_back("password", password);
    pairs.emplace_back("sslmode", TlsModeKeyword(profile.tls));
    if (!profile.rootCertificate.empty() && profile.tls != TlsMode::Disable)
        pairs.emplace_back("sslrootcert", profile.rootCertificate);
    if (profile.requireScram)
        for (auto& option : ScramOptions(profile.tls))
            pairs.push_back(std::move(option));
    pairs.emplace_back("connect_timeout", kConnectTimeout);
    // A server that vanished (cable, Wi-Fi, crash) is noticed within about a minute.
    pairs.emplace_back("keepalives", "1");
    pairs.emplace_back("keepalives_idle", "30");
    pairs.emplace_back("keepalives_interval", "10");
    pairs.emplace_back("keepalives_count", "3");
    return Join(pairs);
}

std::string WithoutPassword(const std::string& conninfo)
{
    Pairs pairs;
    if (!ParseConnection(conninfo, pairs))
        return {};
    Pairs kept;
    for (auto& pair : pairs)
        if (pair.first != "password")
            kept.push_back(std::move(pair));
    return Join(kept);
}

std::string DescribeConnection(const std::string& conninfo)
{
    Pairs pairs;
    if (!ParseConnection(conninfo, pairs))
        return Location{Backend::Postgresql, conninfo}.ToDisplayString();
    std::string host, port, database, user;
    for (const auto& [key, value] : pairs) {
        if (key == "host" || (key == "hostaddr" && host.empty()))
            host = value;
        else if (key == "port")
            port = value;
        else if (key == "dbname")
            database = value;
        else if (key == "user")
            user = value;
    }
    std::string shown = user.empty() ? "" : user + "@";
    shown += host.empty() ? "localhost" : host;
    if (!port.empty() && port != "5432")
        shown += ":" + port;
    if (!database.empty())
        shown += "/" + database;
    return shown;
}

ConnectionProbe ProbeConnection(const std::string& conninfo)
{
    ConnectionProbe probe;
    Pairs pairs;
    if (!ParseConnection(conninfo, pairs)) {
        probe.message = "Les paramètres de connexion sont invalides\u00a0: vérifiez le profil.";
        return probe;
    }
    std::unique_ptr<PGconn, void (*)(PGconn*)> connection(PQconnectdb(conninfo.c_str()), &PQfinish);
    if (!connection) {
        probe.message = "Mémoire insuffisante pour se connecter au serveur.";
        return probe;
    }
    if (PQstatus(connection.get()) == CONNECTION_OK) {
        probe.connected = true;
        const char* version = PQparameterStatus(connection.get(), "server_version");
        // "15.6 (Debian 15.6-0+deb12u1)": the number is what the user needs.
        probe.serverVersion = version ? version : "";
        probe.serverVersion = probe.serverVersion.substr(0, probe.serverVersion.find(' '));
        return probe;
    }
    probe.detail = PQerrorMessage(connection.get());
    probe.needsPassword = PQconnectionNeedsPassword(connection.get()) || Contains(probe.detail, "no password supplied");
    probe.passwordRejected = !probe.needsPassword && PQconnectionUsedPassword(connection.get()) &&
                             Contains(probe.detail, "password authentication failed");
    probe.message = ExplainFailure(probe.detail, pairs);
    return probe;
}

bool IsConnectionLost(const Error& error)
{
    // The sentence of the PostgreSQL dialect's translation of SQLSTATE class 08, then the
    // driver's own words for a connection that broke under a statement.
    if (Contains(error.what(), "connexion au serveur a été perdue"))
        return true;
    const std::string& detail = error.Detail();
    for (const char* sign : {"server closed the connection", "no connection to the server", "terminating connection",
                             "could not receive data from server", "could not send data to server",
                             "SSL connection has been closed", "connection not open", "SSL SYSCALL error"})
        if (Contains(detail, sign))
            return true;
    return false;
}

bool IsSaveOutcomeUnknown(const Error& error)
{
    // The sentence of Database::InTransaction for a commit whose answer never came.
    return Contains(error.what(), "n'a peut-être pas abouti");
}

bool IsConnectionAlive(Database& db)
{
    if (db.GetBackend() != Backend::Postgresql)
        return true;
    try {
        int one = 0;
        db.Guarded([&] { db.Session() << "SELECT 1", soci::into(one); });
        return one == 1;
    } catch (const std::exception&) {
        // A refused statement on a working connection is not a lost connection.
        PGconn* connection = db.NativePostgres();
        return connection && PQstatus(connection) == CONNECTION_OK;
    }
}

std::string ConcertoRole(Database& db)
{
    if (db.GetBackend() != Backend::Postgresql)
        return "local";
    std::string role;
    soci::indicator indicator = soci::i_null;
    db.Guarded([&] {
        // pg_roles rather than the names themselves: pg_has_role() fails on a role that does not
        // exist, and a server may not have all three.
        db.Session() << "SELECT r.rolname FROM pg_catalog.pg_roles r "
                        "WHERE r.rolname IN ('concerto_admin', 'concerto_editor', 'concerto_reader') "
                        "AND pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER') "
                        "ORDER BY CASE r.rolname WHEN 'concerto_admin' THEN 1 WHEN 'concerto_editor' THEN 2 "
                        "ELSE 3 END LIMIT 1",
            soci::into(role, indicator);
    });
    return indicator == soci::i_ok ? role : std::string();
}

} // namespace concerto
