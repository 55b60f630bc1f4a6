// Server passwords and the system keyring: without a keyring, nothing is kept and the prompt does not offer to;
// profiles in the configuration never hold a password. (Saving in a real keyring is not tested here: a private
// gnome-keyring under a private D-Bus session could not be made reliable in time.)

#include "gui_support.h"
#include "app/connection_store.h"
#include "app/secret_store.h"
#include "dialogs/connection_dialog.h"
#include "support/backends.h"

#include <boost/test/unit_test.hpp>

#include <iterator>
#include <cstdlib>
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

} // namespace

BOOST_AUTO_TEST_SUITE(secret_store)

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
