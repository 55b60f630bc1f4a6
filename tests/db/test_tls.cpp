// Connection security against the test cluster (ssl=on, a throwaway CA): Concerto's connection strings verify
// the server certificate and its name, and accept no authentication but SCRAM-SHA-256. PostgreSQL only.

#include "db/connection_profile.h"
#include "db/database.h"
#include "support/backends.h"
#include "support/pg_cluster.h"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <soci/soci.h>
#include <string>

using namespace concerto;

namespace {

const char* const kLogin = "concerto_tls_scram_login";
const char* const kPassword = "essai-TLS-2026";
const char* const kDatabase = "concerto_tls_test";

/// The SCRAM login and the two logins pg_hba.conf lets in with md5 and with trust, made once per cluster.
void MakeLogins()
{
    static bool made = false;
    if (made)
        return;
    auto& cluster = test::SharedPgCluster();
    const std::string password = "'essai-TLS-2026'";
    cluster.Psql(std::string("CREATE ROLE ") + kLogin + " LOGIN PASSWORD " + password);
    // md5 only stands when the stored password is md5: with a SCRAM verifier the server would use SCRAM anyway.
    cluster.Psql(std::string("SET password_encryption = 'md5'; CREATE ROLE ") + test::PgCluster::kMd5Login +
                 " LOGIN PASSWORD " + password);
    cluster.Psql(std::string("CREATE ROLE ") + test::PgCluster::kTrustLogin + " LOGIN");
    // Opening a database migrates it: the login needs one of its own.
    cluster.CreateDatabase(kDatabase);
    cluster.Psql(std::string("ALTER DATABASE ") + kDatabase + " OWNER TO " + kLogin);
    made = true;
}

/// The profile Concerto would save for the test cluster: the name in the certificate, the test CA.
ConnectionProfile ClusterProfile(const std::string& user)
{
    auto& cluster = test::SharedPgCluster();
    ConnectionProfile profile;
    profile.name = "Serveur de test";
    profile.host = "localhost";
    profile.port = cluster.Port();
    profile.database = "postgres";
    profile.user = user;
    profile.rootCertificate = cluster.CaFile();
    return profile;
}

/// A root certificate of another authority, which did not sign the server's certificate.
std::string OtherCaFile()
{
    const std::string dir = test::TempFolder();
    const std::string command = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout '" +
                                dir + "/other-ca.key' -out '" + dir +
                                "/other-ca.crt' -days 2 -subj '/CN=Another CA' >/dev/null 2>&1";
    BOOST_TEST_REQUIRE(std::system(command.c_str()) == 0);
    return dir + "/other-ca.crt";
}

bool Has(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

BOOST_AUTO_TEST_SUITE(tls)

BOOST_AUTO_TEST_CASE(verify_full_with_the_test_ca_connects_encrypted)
{
    MakeLogins();
    auto& cluster = test::SharedPgCluster();
    auto db = Database::Open(cluster.LoginKeyValue(kLogin, kPassword, kDatabase));
    int ssl = 0;
    std::string version;
    db->Session() << "SELECT CASE WHEN ssl THEN 1 ELSE 0 END, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
        soci::into(ssl), soci::into(version);
    BOOST_TEST(ssl == 1);
    BOOST_TEST(Has(version, "TLS"), version);

    // The same through a saved profile, as the app connects.
    const ConnectionProbe probe = ProbeConnection(ConnectionString(ClusterProfile(kLogin), kPassword));
    BOOST_TEST(probe.connected, probe.detail);
}

BOOST_AUTO_TEST_CASE(a_root_certificate_of_another_authority_is_refused)
{
    MakeLogins();
    ConnectionProfile profile = ClusterProfile(kLogin);
    profile.rootCertificate = OtherCaFile();
    const ConnectionProbe probe = ProbeConnection(ConnectionString(profile, kPassword));
    BOOST_TEST(!probe.connected);
    BOOST_TEST(Has(probe.detail, "certificate verify failed"), probe.detail);
    BOOST_TEST(Has(probe.message, "certificat racine"), probe.message);

    profile.rootCertificate = test::TempFolder() + "/nowhere.crt";
    const ConnectionProbe missing = ProbeConnection(ConnectionString(profile, kPassword));
    BOOST_TEST(!missing.connected);
    BOOST_TEST(Has(missing.message, "certificat racine est introuvable"), missing.message);
}

BOOST_AUTO_TEST_CASE(a_host_name_missing_from_the_certificate_is_refused)
{
    MakeLogins();
    ConnectionProfile profile = ClusterProfile(kLogin);
    profile.host = "127.0.0.1"; // the right server, but its certificate only names localhost
    const ConnectionProbe probe = ProbeConnection(ConnectionString(profile, kPassword));
    BOOST_TEST(!probe.connected);
    BOOST_TEST(Has(probe.message, "Le certificat du serveur ne correspond pas à «\u00a0127.0.0.1\u00a0»"),
               probe.message);
    BOOST_TEST(Has(probe.message, "«\u00a0localhost\u00a0»"), probe.message);

    // verify-ca checks the authority only: the same address is then accepted.
    profile.tls = TlsMode::VerifyCa;
    BOOST_TEST(ProbeConnection(ConnectionString(profile, kPassword)).connected);
}

BOOST_AUTO_TEST_CASE(a_server_asking_for_md5_or_nothing_is_refused)
{
    MakeLogins();
    for (const char* login : {test::PgCluster::kMd5Login, test::PgCluster::kTrustLogin}) {
        BOOST_TEST_CONTEXT(login)
        {
            ConnectionProfile profile = ClusterProfile(login);
            const ConnectionProbe refused = ProbeConnection(ConnectionString(profile, kPassword));
            BOOST_TEST(!refused.connected);
            BOOST_TEST(Has(refused.detail, "channel binding"), refused.detail);
            BOOST_TEST(Has(refused.message, "SCRAM-SHA-256"), refused.message);

            // Proof that the refusal is the client's: without the enforcement, libpq gets in.
            profile.requireScram = false;
            const ConnectionProbe relaxed = ProbeConnection(ConnectionString(profile, kPassword));
            BOOST_TEST(relaxed.connected, relaxed.detail);
        }
    }
}

BOOST_AUTO_TEST_CASE(other_logins_need_tls)
{
    MakeLogins();
    ConnectionProfile profile = ClusterProfile(kLogin);
    profile.tls = TlsMode::Disable;
    const ConnectionProbe probe = ProbeConnection(ConnectionString(profile, kPassword));
    BOOST_TEST(!probe.connected);
    BOOST_TEST(Has(probe.detail, "no pg_hba.conf entry"), probe.detail);
}

BOOST_AUTO_TEST_SUITE_END()
