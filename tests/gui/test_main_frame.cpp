// The main window on a demo database: areas, keyboard shortcuts, status bar, dashboard.

#include "gui_support.h"
#include "app/areas.h"
#include "app/dashboard_panel.h"
#include "app/main_frame.h"
#include "db/demo.h"
#include "db/repositories.h"
#include "support/backends.h"

#include <boost/test/unit_test.hpp>
#include <wx/uiaction.h>
#include <wx/utils.h>

using concerto::test::Settle;
using concerto::test::DemoDatabase;
using concerto::test::WaitUntil;

using namespace concerto;

BOOST_AUTO_TEST_SUITE(main_frame)

BOOST_AUTO_TEST_CASE(shows_the_demo_consultation_in_french)
{
    auto* frame = new MainFrame(DemoDatabase(Backend::Sqlite, 400));
    frame->SetSize(1366, 768);
    frame->Show();
    Settle();
    BOOST_TEST(frame->GetTitle().Contains(wxString::FromUTF8(kDemoConsultationTitle)));
    BOOST_TEST(frame->StatusText(MainFrame::DatabaseField).StartsWith("SQLite"));
    BOOST_TEST(frame->StatusText(MainFrame::ConsultationField).Contains(wxString::FromUTF8(kDemoConsultationTitle)));
    BOOST_TEST(frame->StatusText(MainFrame::UserField).Contains(wxString::FromUTF8("Utilisateur")));
    BOOST_TEST(frame->CurrentArea() == 0);
    BOOST_TEST(WaitUntil([&] { return !frame->GetDashboard().IsLoading(); }));
    BOOST_TEST(frame->GetDashboard().FigureText("contribution") == "400");
    const long long meetings = MeetingRepository(frame->GetDatabase()).Count();
    BOOST_TEST(frame->GetDashboard().FigureText("meeting") == wxString::Format("%lld", meetings));
    frame->Destroy();
    Settle();
}

BOOST_AUTO_TEST_CASE(every_area_can_be_shown)
{
    auto* frame = new MainFrame(DemoDatabase(Backend::Sqlite, 50));
    frame->Show();
    Settle();
    for (int area = 0; area < 9; ++area) {
        frame->ShowArea(area);
        Settle(30);
        BOOST_TEST(frame->CurrentArea() == area);
    }
    frame->ShowArea(42); // ignored
    BOOST_TEST(frame->CurrentArea() == 8);
    frame->Destroy();
    Settle();
}

BOOST_AUTO_TEST_CASE(keyboard_shortcuts_switch_areas)
{
    auto* frame = new MainFrame(DemoDatabase(Backend::Sqlite, 50));
    frame->Show();
    frame->Raise();
    frame->SetFocus();
    Settle(300);
    wxUIActionSimulator simulator;
    simulator.Char('3', wxMOD_CONTROL);
    Settle(300);
    BOOST_TEST(frame->CurrentArea() == 2);
    simulator.Char('1', wxMOD_CONTROL);
    Settle(300);
    BOOST_TEST(frame->CurrentArea() == 0);
    frame->Destroy();
    Settle();
}

BOOST_AUTO_TEST_CASE(works_on_postgresql_too)
{
    auto* frame = new MainFrame(DemoDatabase(Backend::Postgresql, 200));
    frame->Show();
    Settle();
    BOOST_TEST(frame->StatusText(MainFrame::DatabaseField).StartsWith("PostgreSQL"));
    BOOST_TEST(frame->StatusText(MainFrame::UserField).Contains("postgres"));
    frame->Destroy();
    Settle();
}

BOOST_AUTO_TEST_SUITE_END()
