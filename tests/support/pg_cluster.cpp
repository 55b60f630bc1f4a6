#include "support/pg_cluster.h"

#include "db/connection_profile.h"

#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sstream>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace concerto::test {
namespace {

std::string ReadFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string Trim(const std::string& s)
{
    const auto begin = s.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos)
        return {};
    return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

bool IsExecutable(const fs::path& p)
{
    return ::access(p.c_str(), X_OK) == 0 && fs::is_regular_file(p);
}

bool HasServerTools(const fs::path& dir)
{
    return IsExecutable(dir / "initdb") && IsExecutable(dir / "pg_ctl");
}

std::string FindBinDir()
{
    if (const char* env = std::getenv("PG_BINDIR"); env && *env) {
        if (!HasServerTools(env))
            throw std::runtime_error(std::string("PgCluster: PG_BINDIR=") + env + " has no executable initdb/pg_ctl");
        return env;
    }
    // Debian installs each major version side by side; pick the newest that has the server tools.
    std::string best;
    double bestVersion = -1;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
        const double version = std::strtod(entry.path().filename().c_str(), nullptr);
        if (version > bestVersion && HasServerTools(entry.path() / "bin")) {
            bestVersion = version;
            best = (entry.path() / "bin").string();
        }
    }
    if (best.empty())
        throw std::runtime_error("PgCluster: no PostgreSQL server found (no initdb/pg_ctl under "
                                 "/usr/lib/postgresql/*/bin); install the postgresql package or set PG_BINDIR");
    return best;
}

int FreeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        throw std::runtime_error(std::string("PgCluster: socket(): ") + std::strerror(errno));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0;
    const int err = errno;
    ::close(fd);
    if (!ok)
        throw std::runtime_error(std::string("PgCluster: cannot pick a free port: ") + std::strerror(err));
    return ntohs(addr.sin_port);
}

// postgresql.conf string literal: single quotes doubled.
std::string ConfQuote(const std::string& s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

/// The absolute path of `tool` found in PATH, or an empty string.
std::string FindInPath(const char* tool)
{
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path && *path ? path : "/usr/bin:/bin");
    for (std::string dir; std::getline(dirs, dir, ':');)
        if (!dir.empty() && IsExecutable(fs::path(dir) / tool))
            return (fs::path(dir) / tool).string();
    return {};
}

void WriteAsync(int fd, const char* s)
{
    (void)!::write(fd, s, std::strlen(s));
}

} // namespace

PgCluster::PgCluster()
{
    m_BinDir = FindBinDir();
    m_AsRoot = ::geteuid() == 0;
    if (m_AsRoot) {
        const passwd* pw = ::getpwnam("postgres");
        if (!pw)
            throw std::runtime_error("PgCluster: running as root but there is no 'postgres' system user to run "
                                     "initdb/pg_ctl as (install the postgresql package)");
        m_ServerUid = pw->pw_uid;
        m_ServerGid = pw->pw_gid;
    }

    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/concerto-pg-XXXXXX";
    if (!::mkdtemp(pattern.data()))
        throw std::runtime_error("PgCluster: mkdtemp(" + pattern + "): " + std::strerror(errno));
    m_Root = pattern;
    m_DataDir = m_Root + "/data";
    m_SocketDir = m_Root + "/sock";
    m_LogFile = m_Root + "/server.log";
    try {
        fs::create_directory(m_SocketDir);
        if (m_AsRoot) {
            // The server runs as postgres and must own its folders; root can still read them for error messages.
            for (const auto& dir : {m_Root, m_SocketDir})
                if (::chown(dir.c_str(), m_ServerUid, m_ServerGid) != 0)
                    throw std::runtime_error("PgCluster: chown " + dir + ": " + std::strerror(errno));
        }
        InitDb();
        MakeCertificates();
        // The port is only free when we looked; another process may grab it before the server binds, so retry.
        for (int attempt = 1;; ++attempt) {
            m_Port = FreeLoopbackPort();
            std::ofstream(m_DataDir + "/postgresql.conf", std::ios::app) << "port = " << m_Port << "\n";
            try {
                Start();
                break;
            } catch (const std::runtime_error&) {
                if (attempt >= 3 || LogTail().find("could not bind") == std::string::npos)
                    throw;
            }
        }
    } catch (...) {
        std::error_code ec;
        fs::remove_all(m_Root, ec);
        throw;
    }
}

PgCluster::~PgCluster()
{
    try {
        if (m_Running)
            Run({Bin("pg_ctl"), "stop", "-D", m_DataDir, "-m", "immediate", "-w", "-t", "30"}, true);
    } catch (...) {
        // Destructors must not throw; the temp folder is still removed below.
    }
    std::error_code ec;
    fs::remove_all(m_Root, ec);
}

void PgCluster::InitDb()
{
    std::vector<std::string> argv{Bin("initdb"), "-D",       m_DataDir,          "--auth=trust",
                                  "-U",          "postgres", "--encoding=UTF8", "--no-sync"};
    // C.UTF-8 is built into glibc >= 2.35 (Debian 12); elsewhere it may be missing, so fall back to no locale.
    argv.push_back("--locale=C.UTF-8");
    Result r = Run(argv, true);
    if (r.exitCode != 0) {
        std::error_code ec;
        fs::remove_all(m_DataDir, ec);
        argv.back() = "--no-locale";
        r = Run(argv, true);
    }
    if (r.exitCode != 0)
        throw std::runtime_error("PgCluster: initdb failed:\n" + r.out + r.err);

    // Surviving an OS crash is pointless for throwaway data, so skip fsync and full-page images. Deliberately NOT
    // synchronous_commit=off: with fsync off it gains nothing measurable, yet Restart(true) (a process crash) would
    // then lose the last commits still sitting in the WAL buffers, making recovery tests flaky.
    std::ofstream conf(m_DataDir + "/postgresql.conf", std::ios::app);
    conf << "\n# concerto test cluster\n"
         << "listen_addresses = '127.0.0.1'\n"
         << "unix_socket_directories = " << ConfQuote(m_SocketDir) << "\n"
         << "fsync = off\nfull_page_writes = off\n"
         << "max_connections = 100\nshared_buffers = 128MB\n";
    if (!conf.flush())
        throw std::runtime_error("PgCluster: cannot write " + m_DataDir + "/postgresql.conf");
}

std::string PgCluster::Openssl(const std::vector<std::string>& arguments) const
{
    std::vector<std::string> argv{m_Openssl};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    const Result r = Run(argv, false);
    if (r.exitCode != 0)
        throw std::runtime_error("PgCluster: openssl " + arguments.front() + " failed:\n" + r.out + r.err);
    return r.out;
}

void PgCluster::MakeCertificates()
{
    m_Openssl = FindInPath("openssl");
    if (m_Openssl.empty())
        throw std::runtime_error("PgCluster: the openssl tool is needed for the test CA (install the openssl package)");
    const std::string dir = m_Root + "/tls";
    fs::create_directory(dir);
    // EC keys: made in milliseconds, unlike RSA. Valid a month, for test runs left going for long.
    const std::vector<std::string> ecKey{"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"};
    std::vector<std::string> ca{"req", "-x509"};
    ca.insert(ca.end(), ecKey.begin(), ecKey.end());
    ca.insert(ca.end(), {"-keyout", dir + "/ca.key", "-out", dir + "/ca.crt", "-days", "30", "-subj",
                         "/CN=Concerto test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
                         "keyUsage=critical,keyCertSign,cRLSign"});
    Openssl(ca);
    std::vector<std::string> request{"req", "-new"};
    request.insert(request.end(), ecKey.begin(), ecKey.end());
    request.insert(request.end(),
                   {"-keyout", dir + "/server.key", "-out", dir + "/server.csr", "-subj", "/CN=localhost"});
    Openssl(request);
    // DNS:localhost only, no IP address: a client asking for 127.0.0.1 with verify-full must be refused.
    std::ofstream(dir + "/server.ext") << "subjectAltName = DNS:localhost\nbasicConstraints = CA:FALSE\n"
                                          "keyUsage = critical, digitalSignature, keyEncipherment\n"
                                          "extendedKeyUsage = serverAuth\n";
    Openssl({"x509", "-req", "-in", dir + "/server.csr", "-CA", dir + "/ca.crt", "-CAkey", dir + "/ca.key",
             "-CAcreateserial", "-out", dir + "/server.crt", "-days", "30", "-extfile", dir + "/server.ext"});
    m_CaFile = dir + "/ca.crt";

    // The server wants its key private to itself (mode 0600, owned by the server user).
    for (const char* file : {"server.crt", "server.key"}) {
        const std::string target = m_DataDir + "/" + file;
        fs::copy_file(dir + "/" + file, target, fs::copy_options::overwrite_existing);
        ::chmod(target.c_str(), 0600);
        if (m_AsRoot && ::chown(target.c_str(), m_ServerUid, m_ServerGid) != 0)
            throw std::runtime_error("PgCluster: chown " + target + ": " + std::strerror(errno));
    }
    std::ofstream(m_DataDir + "/postgresql.conf", std::ios::app)
        << "ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n";

    // First match wins. postgres keeps trust (socket and 127.0.0.1, with or without TLS) for the existing tests
    // and the tools; every other login needs TLS and SCRAM. The two test_tls logins show that Concerto refuses a
    // server asking for md5 or for nothing.
    std::ofstream hba(m_DataDir + "/pg_hba.conf", std::ios::trunc);
    hba << "# concerto test cluster\n"
        << "local all all trust\n"
        << "local replication all trust\n"
        << "host all postgres 127.0.0.1/32 trust\n"
        << "host replication postgres 127.0.0.1/32 trust\n"
        << "hostssl all " << kMd5Login << " 127.0.0.1/32 md5\n"
        << "hostssl all " << kTrustLogin << " 127.0.0.1/32 trust\n"
        << "hostssl all all 127.0.0.1/32 scram-sha-256\n";
    if (!hba.flush())
        throw std::runtime_error("PgCluster: cannot write " + m_DataDir + "/pg_hba.conf");
}

void PgCluster::Start()
{
    const Result r = Run({Bin("pg_ctl"), "start", "-D", m_DataDir, "-w", "-t", "60", "-l", m_LogFile}, true);
    if (r.exitCode != 0) {
        // pg_ctl may time out while the postmaster lives on; make sure nothing survives the failure.
        Run({Bin("pg_ctl"), "stop", "-D", m_DataDir, "-m", "immediate", "-w"}, true);
        throw std::runtime_error("PgCluster: pg_ctl start failed (port " + std::to_string(m_Port) + "):\n" + r.out +
                                 r.err + "--- tail of " + m_LogFile + " ---\n" + LogTail());
    }
    m_Running = true;
}

void PgCluster::Stop()
{
    const Result r = Run({Bin("pg_ctl"), "stop", "-D", m_DataDir, "-m", "fast", "-w", "-t", "60"}, true);
    if (r.exitCode != 0)
        throw std::runtime_error("PgCluster: pg_ctl stop failed:\n" + r.out + r.err);
    m_Running = false;
}

void PgCluster::Restart(bool immediate)
{
    if (m_Running) {
        const Result r = Run(
            {Bin("pg_ctl"), "stop", "-D", m_DataDir, "-m", immediate ? "immediate" : "fast", "-w", "-t", "60"}, true);
        if (r.exitCode != 0)
            throw std::runtime_error("PgCluster: pg_ctl stop failed:\n" + r.out + r.err);
        m_Running = false;
    }
    Start();
}

std::string PgCluster::Uri(const std::string& database) const
{
    std::string db;
    for (unsigned char c : database) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            db += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            db += buf;
        }
    }
    return "postgresql://postgres@127.0.0.1:" + std::to_string(m_Port) + "/" + db;
}

std::string PgCluster::KeyValue(const std::string& database) const
{
    std::string db = database;
    if (db.empty() || db.find_first_of(" '\\") != std::string::npos) {
        db = "'";
        for (char c : database)
            db += (c == '\'' || c == '\\') ? std::string{'\\', c} : std::string(1, c);
        db += "'";
    }
    return "host=127.0.0.1 port=" + std::to_string(m_Port) + " user=postgres dbname=" + db;
}

std::string PgCluster::LoginKeyValue(const std::string& user, const std::string& password,
                                     const std::string& database) const
{
    // "localhost" is the only name in the server certificate; hostaddr skips the name lookup (which
    // could give ::1, where the server does not listen).
    std::string text = "host=localhost hostaddr=127.0.0.1 port=" + std::to_string(m_Port) +
                       " user=" + QuoteConnectionValue(user) + " password=" + QuoteConnectionValue(password) +
                       " dbname=" + QuoteConnectionValue(database) +
                       " sslmode=verify-full sslrootcert=" + QuoteConnectionValue(m_CaFile);
    for (const auto& [key, value] : ScramOptions(TlsMode::VerifyFull))
        text += " " + key + "=" + QuoteConnectionValue(value);
    return text;
}

void PgCluster::CreateDatabase(const std::string& name)
{
    const Result r =
        Run({Bin("createdb"), "-h", "127.0.0.1", "-p", std::to_string(m_Port), "-U", "postgres", "--", name}, false);
    if (r.exitCode != 0)
        throw std::runtime_error("PgCluster: createdb " + name + " failed:\n" + r.out + r.err);
}

void PgCluster::Psql(const std::string& sql, const std::string& database)
{
    // -X: ignore the caller's ~/.psqlrc, which could change output or behaviour.
    const Result r = Run({Bin("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", Uri(database), "-c", sql}, false);
    if (r.exitCode != 0)
        throw std::runtime_error("PgCluster: psql failed for: " + sql + "\n" + r.out + r.err);
}

std::string PgCluster::PsqlQuery(const std::string& sql, const std::string& database)
{
    const Result r = Run({Bin("psql"), "-X", "-Atq", "-v", "ON_ERROR_STOP=1", "-d", Uri(database), "-c", sql}, false);
    if (r.exitCode != 0)
        throw std::runtime_error("PgCluster: psql failed for: " + sql + "\n" + r.out + r.err);
    return Trim(r.out);
}

std::string PgCluster::LogTail() const
{
    std::istringstream in(ReadFile(m_LogFile));
    std::deque<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
        if (lines.size() > 30)
            lines.pop_front();
    }
    std::string tail;
    for (const auto& line : lines)
        tail += line + "\n";
    return tail;
}

PgCluster::Result PgCluster::Run(const std::vector<std::string>& argv, bool asServerUser) const
{
    std::lock_guard<std::mutex> lock(m_Mutex);
    const std::string outPath = m_Root + "/cmd.out";
    const std::string errPath = m_Root + "/cmd.err";
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const bool dropPrivileges = asServerUser && m_AsRoot;
    const uid_t uid = m_ServerUid;
    const gid_t gid = m_ServerGid;

    // Only async-signal-safe calls between fork and exec: the test process may have other threads.
    const pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error(std::string("PgCluster: fork: ") + std::strerror(errno));
    if (pid == 0) {
        const int in = ::open("/dev/null", O_RDONLY);
        const int out = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || out < 0 || err < 0)
            ::_exit(125);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        // The postgres user cannot enter root's working directory (initdb complains), so work from the temp folder.
        if (::chdir(m_Root.c_str()) != 0)
            WriteAsync(2, "chdir to temp folder failed\n");
        if (dropPrivileges && (::setgroups(1, &gid) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)) {
            WriteAsync(2, "cannot switch to the postgres user\n");
            ::_exit(126);
        }
        ::execv(args[0], args.data());
        WriteAsync(2, "exec failed: ");
        WriteAsync(2, args[0]);
        WriteAsync(2, "\n");
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            throw std::runtime_error(std::string("PgCluster: waitpid: ") + std::strerror(errno));
    }
    Result r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = ReadFile(outPath);
    r.err = ReadFile(errPath);
    return r;
}

PgCluster& SharedPgCluster()
{
    static PgCluster cluster;
    return cluster;
}

} // namespace concerto::test
