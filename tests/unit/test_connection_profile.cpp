// Connection profiles: the libpq connection string they make (quoting that libpq reads back
// exactly), the password never written where it could be remembered, and the display form.

#include "core/errors.h"
#include "db/connection_profile.h"

#include <boost/test/unit_test.hpp>

using namespace concerto;

namespace {
ConnectionProfile Mairie()
{
    ConnectionProfile profile;
    profile.name = "Serveur de la mairie";
    profile.host = "db.ivry.fr";
    profile.database = "concerto";
    profile.user = "jdupont";
    return profile;
}
} // namespace

BOOST_AUTO_TEST_SUITE(connection_profile)

BOOST_AUTO_TEST_CASE(values_are_quoted_for_libpq)
{
    BOOST_TEST(QuoteConnectionValue("plain") == "'plain'");
    BOOST_TEST(QuoteConnectionValue("") == "''");
    BOOST_TEST(QuoteConnectionValue("with space") == "'with space'");
    BOOST_TEST(QuoteConnectionValue("l'été") == "'l\\'été'");
    BOOST_TEST(QuoteConnectionValue("C:\\certs\\root.crt") == "'C:\\\\certs\\\\root.crt'");
    BOOST_TEST(QuoteConnectionValue("a=b 'c' \\d") == "'a=b \\'c\\' \\\\d'");
}

BOOST_AUTO_TEST_CASE(the_default_profile_verifies_the_server_fully)
{
    const ConnectionProfile profile;
    BOOST_TEST(profile.port == 5432);
    BOOST_TEST((profile.tls == TlsMode::VerifyFull));
    const std::string text = ConnectionString(Mairie());
    BOOST_TEST(text.find("host='db.ivry.fr'") != std::string::npos);
    BOOST_TEST(text.find("port='5432'") != std::string::npos);
    BOOST_TEST(text.find("dbname='concerto'") != std::string::npos);
    BOOST_TEST(text.find("user='jdupont'") != std::string::npos);
    BOOST_TEST(text.find("sslmode='verify-full'") != std::string::npos);
    BOOST_TEST(text.find("connect_timeout=") != std::string::npos);
    BOOST_TEST(text.find("password") == std::string::npos);
    BOOST_TEST(text.find("sslrootcert") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(scram_is_required_by_default_through_channel_binding)
{
    ConnectionProfile profile = Mairie();
    profile.rootCertificate = "/etc/ssl/ivry-ca.crt";
    BOOST_TEST(profile.requireScram);
    const std::string text = ConnectionString(profile);
    BOOST_TEST(text.find("sslmode='verify-full'") != std::string::npos, text);
    BOOST_TEST(text.find("sslrootcert='/etc/ssl/ivry-ca.crt'") != std::string::npos, text);
    BOOST_TEST(text.find("channel_binding='require'") != std::string::npos, text);
    BOOST_TEST(text.find("password") == std::string::npos, text);
    // libpq must accept every keyword given to it (an unknown one, such as require_auth before libpq 16, fails).
    BOOST_TEST(DescribeConnection(text) == "jdupont@db.ivry.fr/concerto");
    BOOST_TEST(!WithoutPassword(text).empty());

    // Without TLS, channel binding cannot work: it is left out rather than failing every connection.
    profile.tls = TlsMode::Disable;
    BOOST_TEST(ConnectionString(profile).find("channel_binding") == std::string::npos);
    // Relaxed for an old server: neither option.
    profile.tls = TlsMode::VerifyFull;
    profile.requireScram = false;
    BOOST_TEST(ConnectionString(profile).find("channel_binding") == std::string::npos);
    BOOST_TEST(ConnectionString(profile).find("require_auth") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_profile_is_read_back_from_its_connection_string)
{
    ConnectionProfile profile = Mairie();
    profile.port = 6543;
    profile.tls = TlsMode::VerifyCa;
    profile.rootCertificate = "/etc/ssl/ivry-ca.crt";
    const ConnectionProfile back = ProfileFromConnection(ConnectionString(profile, "secret"));
    BOOST_TEST(back.host == "db.ivry.fr");
    BOOST_TEST(back.port == 6543);
    BOOST_TEST(back.database == "concerto");
    BOOST_TEST(back.user == "jdupont");
    BOOST_TEST((back.tls == TlsMode::VerifyCa));
    BOOST_TEST(back.rootCertificate == "/etc/ssl/ivry-ca.crt");
    const ConnectionProfile uri = ProfileFromConnection("postgresql://ana@127.0.0.1/concerto");
    BOOST_TEST(uri.host == "127.0.0.1");
    BOOST_TEST(uri.port == 5432);
    BOOST_TEST(uri.user == "ana");
    BOOST_TEST(ProfileFromConnection("hostaddr=10.0.0.5 dbname=x").host == "10.0.0.5");
}

BOOST_AUTO_TEST_CASE(tls_modes_round_trip_through_their_keywords)
{
    for (TlsMode mode : {TlsMode::Disable, TlsMode::Require, TlsMode::VerifyCa, TlsMode::VerifyFull})
        BOOST_TEST((TlsModeFromKeyword(TlsModeKeyword(mode)) == mode));
    BOOST_TEST((TlsModeFromKeyword("prefer") == TlsMode::VerifyFull));
    BOOST_TEST(std::string(TlsModeKeyword(TlsMode::VerifyCa)) == "verify-ca");
    ConnectionProfile profile = Mairie();
    profile.tls = TlsMode::Disable;
    profile.rootCertificate = "/etc/ssl/ivry-ca.crt";
    // A root certificate means nothing without TLS, and libpq would still try to read it.
    BOOST_TEST(ConnectionString(profile).find("sslrootcert") == std::string::npos);
    profile.tls = TlsMode::VerifyCa;
    BOOST_TEST(ConnectionString(profile).find("sslrootcert='/etc/ssl/ivry-ca.crt'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(libpq_reads_back_quotes_backslashes_and_spaces)
{
    ConnectionProfile profile = Mairie();
    profile.user = "jean d'arc";
    profile.database = "base \\ test";
    profile.port = 6543;
    // DescribeConnection() parses with libpq itself: what it shows is what libpq understood.
    BOOST_TEST(DescribeConnection(ConnectionString(profile)) == "jean d'arc@db.ivry.fr:6543/base \\ test");
    const std::string password = "p@ss 'w\\rd";
    const std::string withPassword = ConnectionString(profile, password);
    BOOST_TEST(withPassword.find("password='p@ss \\'w\\\\rd'") != std::string::npos);
    BOOST_TEST(DescribeConnection(withPassword).find("p@ss") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_password_is_dropped_from_what_is_remembered)
{
    const std::string text = ConnectionString(Mairie(), "s3cret 'x'");
    const std::string kept = WithoutPassword(text);
    BOOST_TEST(kept.find("s3cret") == std::string::npos);
    BOOST_TEST(kept.find("password") == std::string::npos);
    BOOST_TEST(kept.find("user='jdupont'") != std::string::npos);
    BOOST_TEST(WithoutPassword(kept) == kept);
    BOOST_TEST(WithoutPassword("postgresql://ana:secret@db.ivry.fr:5433/concerto?sslmode=require") ==
               "user='ana' dbname='concerto' host='db.ivry.fr' port='5433' sslmode='require'");
    BOOST_TEST(WithoutPassword("host='unterminated").empty());
}

BOOST_AUTO_TEST_CASE(connections_are_described_briefly)
{
    BOOST_TEST(DescribeConnection("postgresql://postgres@127.0.0.1:54321/concerto_1") ==
               "postgres@127.0.0.1:54321/concerto_1");
    BOOST_TEST(DescribeConnection("host=db.ivry.fr dbname=concerto") == "db.ivry.fr/concerto");
    BOOST_TEST(DescribeConnection("dbname=concerto") == "localhost/concerto");
}

BOOST_AUTO_TEST_CASE(an_unreachable_server_is_explained_in_french)
{
    ConnectionProfile profile;
    profile.host = "127.0.0.1";
    profile.port = 1; // nothing listens there
    profile.tls = TlsMode::Disable;
    const ConnectionProbe probe = ProbeConnection(ConnectionString(profile));
    BOOST_TEST(!probe.connected);
    BOOST_TEST(!probe.needsPassword);
    BOOST_TEST(probe.message.find("ne répond pas sur le port 1") != std::string::npos, probe.message);
    BOOST_TEST(!probe.detail.empty());
}

BOOST_AUTO_TEST_CASE(lost_connections_are_told_apart_from_failed_statements)
{
    BOOST_TEST(IsConnectionLost(DatabaseError(
        "La connexion au serveur a été perdue. Rien n'a été enregistré : réessayez une fois reconnecté.")));
    BOOST_TEST(IsConnectionLost(
        DatabaseError("Erreur du serveur PostgreSQL.", "FATAL:  terminating connection due to administrator command")));
    BOOST_TEST(IsConnectionLost(DatabaseError("x", "server closed the connection unexpectedly")));
    BOOST_TEST(!IsConnectionLost(DatabaseError("Erreur du serveur PostgreSQL.", "syntax error at or near")));
    BOOST_TEST(!IsConnectionLost(ValidationError("Le titre est obligatoire.")));
}

BOOST_AUTO_TEST_SUITE_END()
