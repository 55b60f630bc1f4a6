#pragma once
// A throwaway PostgreSQL cluster for tests: initdb into a private temp folder, start on a free port bound to
// 127.0.0.1 only, stop and delete everything in the destructor. Works as root by running the server tools as the
// `postgres` system user, because initdb and pg_ctl refuse to run as root. The server runs with ssl=on and a
// certificate from a throwaway CA made with openssl; pg_hba.conf trusts `postgres` and asks every other login for
// a SCRAM password over TLS (see LoginKeyValue()).

#include <mutex>
#include <string>
#include <vector>

namespace concerto::test {

class PgCluster {
public:
    /// Logins that pg_hba.conf lets in over TLS with md5 and with trust instead of SCRAM: test_tls creates
    /// them to show that Concerto's connections refuse such a server.
    static constexpr const char* kMd5Login = "concerto_tls_md5_login";
    static constexpr const char* kTrustLogin = "concerto_tls_trust_login";

    /// Finds the server binaries (PG_BINDIR, else the highest /usr/lib/postgresql/*/bin), creates a private temp
    /// folder, runs initdb and starts the server. Throws std::runtime_error with the tool output or the log tail
    /// on any failure; nothing is left running or on disk in that case.
    PgCluster();
    /// Stops the server with `pg_ctl stop -m immediate` (errors ignored) and removes the temp folder.
    ~PgCluster();

    PgCluster(const PgCluster&) = delete;
    PgCluster& operator=(const PgCluster&) = delete;

    /// libpq URI `postgresql://postgres@127.0.0.1:PORT/DATABASE` (database name percent-encoded).
    std::string Uri(const std::string& database = "postgres") const;
    /// libpq key/value string `host=127.0.0.1 port=PORT user=postgres dbname=DATABASE` (dbname quoted if needed).
    std::string KeyValue(const std::string& database = "postgres") const;
    /// libpq key/value string for login `user` with `password` the way Concerto connects to a shared server:
    /// TLS with sslmode=verify-full against the test CA (CaFile()), host name "localhost" (the name in the
    /// server certificate) at 127.0.0.1, SCRAM enforced by the client. Logins other than postgres must use
    /// this: the cluster's pg_hba.conf asks them for a SCRAM password over TLS.
    std::string LoginKeyValue(const std::string& user, const std::string& password,
                              const std::string& database = "postgres") const;
    /// The test certificate authority's root certificate (PEM), made with openssl when the cluster starts. The
    /// server's certificate, signed by it, names only DNS:localhost (so verify-full to 127.0.0.1 fails).
    std::string CaFile() const { return m_CaFile; }
    /// TCP port the server listens on (127.0.0.1 only).
    int Port() const { return m_Port; }
    /// Directory holding the server's unix socket; usable as a libpq `host`.
    std::string SocketDir() const { return m_SocketDir; }
    /// Creates database `name` (any name; createdb quotes it). Throws with createdb's output on failure,
    /// e.g. if it already exists.
    void CreateDatabase(const std::string& name);
    /// Runs `sql` (one or more statements) through psql with ON_ERROR_STOP; throws with psql's output on failure.
    void Psql(const std::string& sql, const std::string& database = "postgres");
    /// Runs `sql` through `psql -Atq` and returns its output (unaligned, tuples only, `|` separated, one row per
    /// line) with surrounding whitespace trimmed. Throws with psql's output on failure.
    std::string PsqlQuery(const std::string& sql, const std::string& database = "postgres");
    /// Stops the server (mode immediate, i.e. crash-like, or fast) if it is running, then starts it again on the
    /// same port. Also serves to start a cluster after Stop(). Throws with the log tail on failure.
    void Restart(bool immediate);
    /// Stops the server cleanly (mode fast). Throws if pg_ctl fails; the destructor then still tries to stop it.
    void Stop();

private:
    struct Result {
        int exitCode = -1;
        std::string out;
        std::string err;
    };

    /// Runs argv[0] (an absolute path) with stdin from /dev/null and output captured, as the server user when
    /// `asServerUser` and we are root.
    Result Run(const std::vector<std::string>& argv, bool asServerUser) const;
    void InitDb();
    /// Makes the test CA and the server certificate, turns ssl on and writes pg_hba.conf.
    void MakeCertificates();
    /// Runs openssl with `arguments` (not as the server user); returns its output, throws on failure.
    std::string Openssl(const std::vector<std::string>& arguments) const;
    void Start();
    std::string Bin(const char* tool) const { return m_BinDir + "/" + tool; }
    std::string LogTail() const;

    mutable std::mutex m_Mutex; // serialises Run(): it reuses the same capture files
    std::string m_BinDir;
    std::string m_Root; // private temp folder
    std::string m_DataDir;
    std::string m_SocketDir;
    std::string m_LogFile;
    std::string m_CaFile;
    std::string m_Openssl;
    int m_Port = 0;
    bool m_Running = false;
    bool m_AsRoot = false; // server tools must run as the postgres user
    unsigned m_ServerUid = 0;
    unsigned m_ServerGid = 0;
};

/// Process-wide cluster shared by all test suites: created on the first call, stopped and deleted at exit.
/// Each suite should CreateDatabase() a unique name rather than share one database.
PgCluster& SharedPgCluster();

} // namespace concerto::test
