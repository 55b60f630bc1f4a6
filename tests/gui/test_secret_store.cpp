// Server passwords and the system keyring: kept in a real keyring (a private gnome-keyring on a private D-Bus
// session bus, started here) and read back by another process; without a keyring, nothing is kept and the prompt
// does not offer to; profiles in the configuration never hold a password.

#include "gui_support.h"
#include "app/connection_store.h"
#include "app/secret_store.h"
#include "dialogs/connection_dialog.h"
#include "support/backends.h"

#include <boost/test/unit_test.hpp>

#include <iterator>
#include <cstdio>
#include <cstdlib>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>
#include <fstream>
#include <string>
#include <vector>
#include <wx/config.h>
#include <wx/fileconf.h>

using namespace concerto;

namespace {

ConnectionProfile TestProfile()
{
    ConnectionProfile profile;
    profile.name = "Coffre de test";
    profile.host = "secret-store-test.invalid";
    profile.port = 6543;
    profile.database = "concerto";
    profile.user = "jdupont";
    return profile;
}

/// The lines a shell command prints, and its exit status.
std::pair<std::vector<std::string>, int> Output(const std::string& command)
{
    std::vector<std::string> lines;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe)
        return {lines, -1};
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe)) {
        std::string line = buffer;
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
            line.pop_back();
        lines.push_back(line);
    }
    return {lines, ::pclose(pipe)};
}

/// A session bus of its own with an unlocked gnome-keyring on it, as a desktop session has;
/// stopped (the keyring daemon leaves with its bus) at the end.
struct PrivateKeyring {
    std::string folder = test::TempFolder() + "/keyring";
    std::string address;
    pid_t busPid = 0;

    PrivateKeyring()
    {
        for (const std::string& dir : {folder, folder + "/home", folder + "/run"})
            ::mkdir(dir.c_str(), 0700);
        // dbus-daemon prints its address, then its process id.
        const auto [lines, status] = Output("dbus-daemon --session --fork --print-address=1 --print-pid=1 "
                                            "--address=unix:path=" + folder + "/bus 2>/dev/null");
        BOOST_REQUIRE_MESSAGE(status == 0 && lines.size() >= 2, "dbus-daemon could not start");
        address = lines[0];
        busPid = static_cast<pid_t>(std::atol(lines[1].c_str()));
        // A non-empty unlock password creates the "login" collection without asking anyone.
        const int started = std::system(("printf 'essai-trousseau' | env " + Environment() +
                                         " gnome-keyring-daemon --unlock --components=secrets --daemonize "
                                         ">/dev/null 2>&1")
                                            .c_str());
        BOOST_REQUIRE_MESSAGE(started == 0, "gnome-keyring-daemon could not start");
    }
    ~PrivateKeyring()
    {
        if (busPid > 0)
            ::kill(busPid, SIGTERM);
    }
    /// The variables a process of this session has.
    std::string Environment() const
    {
        return "DBUS_SESSION_BUS_ADDRESS='" + address + "' XDG_RUNTIME_DIR='" + folder + "/run' HOME='" + folder +
               "/home'";
    }
    /// Runs one case of secret_store_in_a_session in a new test process of this session.
    int Run(const std::string& testCase) const
    {
        char self[4096] = {};
        const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
        if (length <= 0)
            return -1;
        return std::system(("env " + Environment() + " '" + std::string(self, static_cast<std::size_t>(length)) +
                            "' --run_test=secret_store_in_a_session/" + testCase + " --log_level=error")
                               .c_str());
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(secret_store)

BOOST_AUTO_TEST_CASE(a_real_keyring_keeps_the_password_for_the_next_start)
{
    PrivateKeyring keyring;
    BOOST_TEST(keyring.Run("save") == 0);            // one process saves it
    BOOST_TEST(keyring.Run("load_then_forget") == 0); // the next one finds it, then forgets it
    BOOST_TEST(keyring.Run("nothing_left") == 0);     // and it is gone for the one after
}

BOOST_AUTO_TEST_CASE(the_label_names_the_login)
{
    BOOST_TEST(KeyringLabel(TestProfile()) == "Concerto — jdupont@secret-store-test.invalid:6543/concerto");
    ConnectionProfile plain;
    plain.user = "ana";
    plain.database = "concerto";
    BOOST_TEST(KeyringLabel(plain) == "Concerto — ana@localhost/concerto");
}

BOOST_AUTO_TEST_CASE(without_a_keyring_nothing_is_kept_and_the_password_is_asked_each_time)
{
    // As on a computer without a desktop session: no session bus to find a keyring on.
    std::vector<std::pair<std::string, std::string>> saved;
    for (const char* name : {"DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"})
        if (const char* value = std::getenv(name)) {
            saved.emplace_back(name, value);
            ::unsetenv(name);
        }
    BOOST_TEST(!KeyringAvailable());
    BOOST_TEST(!SavePassword(TestProfile(), "secret"));
    BOOST_TEST(!LoadPassword(TestProfile()).has_value());
    PasswordDialog ask(nullptr, "secret-store-test.invalid", "jdupont", {}, KeyringAvailable());
    BOOST_TEST(!ask.OffersKeyring());
    for (const auto& [name, value] : saved)
        ::setenv(name.c_str(), value.c_str(), 1);
}


BOOST_AUTO_TEST_CASE(the_profiles_in_the_configuration_hold_no_password)
{
    const std::string file = test::TempFolder() + "/profiles.ini";
    auto* previous = wxConfigBase::Set(new wxFileConfig("concerto-test", {}, wxString::FromUTF8(file), {},
                                                        wxCONFIG_USE_LOCAL_FILE));
    ConnectionProfile profile = TestProfile();
    profile.requireScram = false;
    SaveConnectionProfiles({profile});
    const auto loaded = LoadConnectionProfiles();
    delete wxConfigBase::Set(previous);
    BOOST_TEST_REQUIRE(loaded.size() == 1u);
    BOOST_TEST(!loaded.front().requireScram);
    BOOST_TEST(loaded.front().port == 6543);
    std::ifstream in(file);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    BOOST_TEST(text.find("jdupont") != std::string::npos, text);
    BOOST_TEST(text.find("assword") == std::string::npos, text);
}

BOOST_AUTO_TEST_SUITE_END()

// Run only by a_real_keyring_keeps_the_password_for_the_next_start, each case in its own process on the
// private session bus (this process's D-Bus connection is the desktop's, or none).
BOOST_AUTO_TEST_SUITE(secret_store_in_a_session, *boost::unit_test::disabled())

BOOST_AUTO_TEST_CASE(save)
{
    BOOST_TEST_REQUIRE(KeyringAvailable());
    BOOST_TEST(SavePassword(TestProfile(), "mot de passe à garder"));
    BOOST_TEST(LoadPassword(TestProfile()).value_or("") == "mot de passe à garder");
}

BOOST_AUTO_TEST_CASE(load_then_forget)
{
    BOOST_TEST(LoadPassword(TestProfile()).value_or("") == "mot de passe à garder");
    ConnectionProfile other = TestProfile();
    other.user = "mmartin"; // another login of the same server has nothing kept
    BOOST_TEST(!LoadPassword(other).has_value());
    ForgetPassword(TestProfile());
    BOOST_TEST(!LoadPassword(TestProfile()).has_value());
}

BOOST_AUTO_TEST_CASE(nothing_left)
{
    BOOST_TEST_REQUIRE(KeyringAvailable());
    BOOST_TEST(!LoadPassword(TestProfile()).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
