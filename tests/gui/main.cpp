// GUI tests: a real wxApp on an X display (Xvfb started here when DISPLAY is unset), with
// Boost.Test driving the real frames, as KiCad's and wxWidgets' own GUI tests do.

#define BOOST_TEST_NO_MAIN
#include "app/localization.h"
#include "support/backends.h"
#include "support/xvfb.h"

#include <boost/test/unit_test.hpp>
#include <wx/app.h>
#include <wx/init.h>

#include <cstdlib>
#include <iostream>

namespace {
class TestApp : public wxApp {
public:
    bool OnInit() override { return true; }
};

bool InitTests() { return true; }
} // namespace

int main(int argc, char** argv)
{
    try {
        concerto::test::EnsureDisplay();
    } catch (const std::exception& e) {
        std::cerr << "No X display for the GUI tests: " << e.what() << "\n";
        return 1;
    }
    setenv("CONCERTO_LANG", "fr", 1);
    // Keep the user's wxConfig untouched, and start every run from the same remembered state.
    setenv("HOME", concerto::test::TempFolder().c_str(), 1);
    setenv("XDG_CONFIG_HOME", (concerto::test::TempFolder() + "/.config").c_str(), 1);
    wxApp::SetInstance(new TestApp());
    int wxArgc = 1;
    char* wxArgv[] = {argv[0], nullptr};
    if (!wxEntryStart(wxArgc, wxArgv) || !wxTheApp->CallOnInit()) {
        std::cerr << "wxWidgets could not start\n";
        return 1;
    }
    concerto::SetUpLocalization();
    const int result = boost::unit_test::unit_test_main(&InitTests, argc, argv);
    wxTheApp->OnExit();
    wxEntryCleanup();
    return result;
}
