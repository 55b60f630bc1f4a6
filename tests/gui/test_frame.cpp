// The main frame's own duties: saying which database, consultation, user and role are in use,
// switching consultations, saving a copy, recent files, the last area, connection profiles,
// the lost-connection banner with its reconnection, and the conflict dialog's three choices.

#include "gui_support.h"
#include "app/connection_opener.h"
#include "app/connection_store.h"
#include "app/install_paths.h"
#include "app/main_frame.h"
#include "core/errors.h"
#include "db/demo.h"
#include "db/repositories.h"
#include "dialogs/conflict_dialog.h"
#include "dialogs/connection_dialog.h"
#include "dialogs/first_run_dialog.h"
#include "support/backends.h"
#include "support/pg_cluster.h"

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <fstream>
#include <functional>
#include <unistd.h>
#include <wx/button.h>
#include <wx/config.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/stdpaths.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

using concerto::test::Settle;
using concerto::test::WhenShown;

using namespace concerto;

namespace {

/// Lets events run until `condition` holds or `seconds` have passed; returns the condition.
bool WaitUntil(const std::function<bool()>& condition, int seconds = 20)
{
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (!condition() && std::chrono::steady_clock::now() < end)
        Settle(20);
    return condition();
}

std::unique_ptr<Database> DemoDatabase(const std::string& location, std::uint64_t contributions)
{
    auto db = Database::Open(location);
    SilentProgress progress;
    GenerateDemo(*db, DemoOptions{contributions, 2023}, progress);
    return db;
}

using Shown = test::ShownFrame;

std::string DatabaseName(const std::string& uri)
{
    return uri.substr(uri.rfind('/') + 1);
}

/// Ends the server side of every connection Concerto has open on the test cluster.
void KillConcertoConnections()
{
    test::SharedPgCluster().Psql("select pg_terminate_backend(pid) from pg_stat_activity "
                                 "where application_name = 'Concerto' and pid <> pg_backend_pid()");
}

} // namespace

BOOST_AUTO_TEST_SUITE(frame)

BOOST_AUTO_TEST_CASE(title_and_status_say_database_consultation_user_and_role_on_sqlite)
{
    const std::string location = test::FreshLocation(Backend::Sqlite);
    Shown frame(DemoDatabase(location, 60));
    const wxString title = wxString::FromUTF8(kDemoConsultationTitle);
    const wxString file = wxString::FromUTF8(location.substr(location.rfind('/') + 1));
    const wxString user = wxString::FromUTF8(frame->GetDatabase().UserName());
    BOOST_TEST(frame->GetTitle().Contains(title));
    BOOST_TEST(frame->GetTitle().Contains(file));
    BOOST_TEST(frame->GetTitle().Contains(wxString::Format(_("%s (%s)"), user, _("local"))));
    BOOST_TEST(frame->StatusText(MainFrame::DatabaseField).StartsWith("SQLite"));
    BOOST_TEST(frame->StatusText(MainFrame::DatabaseField).Contains(wxString::FromUTF8(location.substr(7))));
    BOOST_TEST(frame->StatusText(MainFrame::ConsultationField).Contains(title));
    BOOST_TEST(frame->StatusText(MainFrame::UserField) == wxString::Format(_("User: %s"), user) +
                                                              wxString::FromUTF8(" — ") +
                                                              wxString::Format(_("role: %s"), _("local")));
    BOOST_TEST(frame->RoleText() == _("local"));
}

BOOST_AUTO_TEST_CASE(postgresql_shows_the_login_role_and_its_concerto_group)
{
    auto& cluster = test::SharedPgCluster();
    const std::string location = test::FreshLocation(Backend::Postgresql);
    const std::string database = DatabaseName(location);
    DemoDatabase(location, 40).reset();
    const std::string suffix = std::to_string(getpid());
    const std::string editor = "frame_editor_" + suffix, plain = "frame_plain_" + suffix;
    const bool groupExisted = cluster.PsqlQuery("select count(*) from pg_roles where rolname='concerto_editor'") == "1";
    if (!groupExisted)
        cluster.Psql("create role concerto_editor nologin");
    cluster.Psql("create role " + editor + " login password 'frame-Secret-1' in role concerto_editor; create role " +
                 plain + " login password 'frame-Secret-1'");
    // What a reader needs to open a Concerto database: read its tables (the schema is there).
    cluster.Psql("grant usage, create on schema public to " + editor + ", " + plain +
                     "; grant select on all tables in schema public to " + editor + ", " + plain,
                 database);
    // Logins other than postgres connect as Concerto does: TLS verify-full and a SCRAM password.
    auto as = [&cluster, &database](const std::string& role) {
        return Database::Open(cluster.LoginKeyValue(role, "frame-Secret-1", database));
    };
    {
        Shown frame(as(editor));
        BOOST_TEST_REQUIRE(WaitUntil([&] { return !frame->RoleText().empty(); }));
        const wxString editorWord = _("Editor").Lower(); // « éditeur », not the server's group name
        BOOST_TEST(frame->RoleText() == editorWord);
        BOOST_TEST(frame->StatusText(MainFrame::DatabaseField).StartsWith("PostgreSQL"));
        BOOST_TEST(frame->StatusText(MainFrame::DatabaseField).Contains(wxString::FromUTF8(database)));
        BOOST_TEST(frame->StatusText(MainFrame::UserField).Contains(wxString::FromUTF8(editor)));
        BOOST_TEST(frame->StatusText(MainFrame::UserField).Contains(editorWord));
        BOOST_TEST(frame->GetTitle().Contains(wxString::Format(_("%s (%s)"), editor, editorWord)));
        BOOST_TEST(frame->GetTitle().Contains(wxString::FromUTF8(kDemoConsultationTitle)));
    }
    {
        Shown frame(as(plain));
        BOOST_TEST_REQUIRE(WaitUntil([&] { return !frame->RoleText().empty(); }));
        BOOST_TEST(frame->RoleText() == wxString::FromUTF8("—"));
        BOOST_TEST(frame->StatusText(MainFrame::UserField).Contains(wxString::FromUTF8(plain)));
    }
    cluster.Psql("drop owned by " + editor + ", " + plain, database);
    cluster.Psql("drop role " + editor + "; drop role " + plain);
    if (!groupExisted)
        cluster.Psql("drop role concerto_editor");
}

BOOST_AUTO_TEST_CASE(installed_files_are_found_beside_the_program)
{
    // share/… above the executable's folder, as a package lays it out (here: the build tree's tests/).
    const wxFileName self(wxStandardPaths::Get().GetExecutablePath());
    wxFileName expected = wxFileName::DirName(self.GetPath());
    expected.RemoveLastDir();
    BOOST_TEST(InstalledPath("share/locale") == (expected.GetPath(wxPATH_GET_VOLUME | wxPATH_GET_SEPARATOR) +
                                                 "share/locale").utf8_string());
    // A development build finds the guide and the icons in the source tree.
    const auto guide = UserGuidePath();
    BOOST_TEST_REQUIRE(guide.has_value());
    std::ifstream in(*guide);
    std::string first;
    std::getline(in, first);
    BOOST_TEST(first == "# Concerto — guide de l'utilisateur");
    const wxIconBundle icons = ApplicationIcons();
    BOOST_TEST(icons.GetIconCount() == 7u);
    BOOST_TEST(icons.GetIcon(wxSize(48, 48)).GetWidth() == 48);
}

BOOST_AUTO_TEST_CASE(the_first_start_offers_a_server_or_a_consultation_of_ones_own)
{
    // A new database file: the welcome dialog. Choosing the team's server asks for it; cancelling
    // leaves the file open. Choosing an empty start creates the consultation with its title.
    Shown frame(Database::Open(test::FreshLocation(Backend::Sqlite)));
    bool serverAsked = false;
    {
        WhenShown<FirstRunDialog> welcome([](FirstRunDialog& dialog) {
            dialog.Choose(FirstRunDialog::Start::Server);
            test::PressOk(dialog);
        });
        WhenShown<ConnectDialog> server([&](ConnectDialog& dialog) {
            serverAsked = true;
            dialog.EndModal(wxID_CANCEL);
        });
        frame->OfferFirstRunIfEmpty();
        BOOST_TEST(welcome.Done());
        BOOST_TEST(server.Done());
    }
    BOOST_TEST(serverAsked);
    BOOST_TEST((frame->GetDatabase().GetBackend() == Backend::Sqlite));
    BOOST_TEST(ConsultationRepository(frame->GetDatabase()).List({}, 0, "created_at").empty());
    {
        WhenShown<FirstRunDialog> welcome([](FirstRunDialog& dialog) {
            dialog.Choose(FirstRunDialog::Start::Empty, wxString::FromUTF8("Budget participatif 2027"));
            test::PressOk(dialog);
        });
        frame->OfferFirstRunIfEmpty();
        BOOST_TEST(welcome.Done());
    }
    const auto consultations = ConsultationRepository(frame->GetDatabase()).List({}, 0, "created_at");
    BOOST_TEST_REQUIRE(consultations.size() == 1u);
    BOOST_TEST(consultations.front().title == "Budget participatif 2027");
    BOOST_TEST(frame->GetTitle().Contains(wxString::FromUTF8("Budget participatif 2027")));
}

BOOST_AUTO_TEST_CASE(the_consultation_menu_switches_the_consultation_shown)
{
    auto db = DemoDatabase(test::FreshLocation(Backend::Sqlite), 30);
    Consultation second;
    second.title = "Budget participatif & quartiers 2025";
    second = ConsultationRepository(*db).Create(second);
    Shown frame(std::move(db));
    BOOST_TEST_REQUIRE(frame->GetConsultation().has_value());
    BOOST_TEST(frame->GetConsultation()->id == second.id); // the latest is shown first

    // Asked again each time: the frame rebuilds the menu whenever the consultations change.
    auto itemTitled = [&frame](const wxString& title) -> wxMenuItem* {
        for (wxMenuItem* item : frame->ConsultationMenu()->GetMenuItems())
            if (item->GetItemLabelText() == title)
                return item;
        return nullptr;
    };
    wxMenuItem* demo = itemTitled(wxString::FromUTF8(kDemoConsultationTitle));
    BOOST_TEST_REQUIRE(demo);
    BOOST_TEST_REQUIRE(itemTitled(wxString::FromUTF8(second.title)));
    BOOST_TEST(itemTitled(wxString::FromUTF8(second.title))->IsChecked());
    BOOST_TEST(itemTitled(wxStripMenuCodes(_("&New consultation…"))));

    wxCommandEvent choose(wxEVT_MENU, demo->GetId());
    frame->ProcessWindowEvent(choose);
    Settle();
    BOOST_TEST(frame->GetConsultation()->title == kDemoConsultationTitle);
    BOOST_TEST(frame->Context().ConsultationId() == frame->GetConsultation()->id);
    BOOST_TEST(frame->StatusText(MainFrame::ConsultationField).Contains(wxString::FromUTF8(kDemoConsultationTitle)));
    BOOST_TEST(frame->GetTitle().Contains(wxString::FromUTF8(kDemoConsultationTitle)));
    BOOST_TEST(itemTitled(wxString::FromUTF8(kDemoConsultationTitle))->IsChecked());
    BOOST_TEST(!itemTitled(wxString::FromUTF8(second.title))->IsChecked());
}

BOOST_AUTO_TEST_CASE(save_a_copy_makes_a_file_that_opens_with_the_same_rows)
{
    Shown frame(DemoDatabase(test::FreshLocation(Backend::Sqlite), 120));
    const std::string path = test::TempFolder() + "/copie de la consultation.concerto";
    int outcome = -1;
    frame->SaveCopy(wxString::FromUTF8(path), [&outcome](bool ok) { outcome = ok ? 1 : 0; });
    BOOST_TEST_REQUIRE(WaitUntil([&] { return outcome != -1; }));
    BOOST_TEST(outcome == 1);
    BOOST_TEST(frame->StatusText(MainFrame::MessageField).Contains("copie de la consultation.concerto"));
    auto copy = Database::Open("sqlite:" + path);
    BOOST_TEST(ContributionRepository(*copy).Count() == 120);
    BOOST_TEST(ConsultationRepository(*copy).Count() == ConsultationRepository(frame->GetDatabase()).Count());
    BOOST_TEST(MeetingRepository(*copy).Count() == MeetingRepository(frame->GetDatabase()).Count());
}

BOOST_AUTO_TEST_CASE(opened_files_go_to_the_top_of_the_recent_files)
{
    auto fileWithConsultation = [](const std::string& title) {
        const std::string location = test::FreshLocation(Backend::Sqlite);
        auto db = Database::Open(location);
        Consultation consultation;
        consultation.title = title;
        ConsultationRepository(*db).Create(consultation);
        return wxString::FromUTF8(location.substr(7));
    };
    const wxString first = fileWithConsultation("Première");
    const wxString second = fileWithConsultation("Seconde");
    Shown frame(DemoDatabase(test::FreshLocation(Backend::Sqlite), 10));
    BOOST_TEST_REQUIRE(frame->OpenDatabaseFile(first));
    Settle();
    BOOST_TEST_REQUIRE(!frame->RecentFiles().empty());
    BOOST_TEST(frame->RecentFiles().front() == first);
    BOOST_TEST(frame->GetConsultation()->title == "Première");
    BOOST_TEST_REQUIRE(frame->OpenDatabaseFile(second));
    Settle();
    BOOST_TEST(frame->RecentFiles().at(0) == second);
    BOOST_TEST(frame->RecentFiles().at(1) == first);
    BOOST_TEST(frame->RecentFiles().size() <= 8u);
    // Persisted for the next start.
    BOOST_TEST(wxConfigBase::Get()->Read("/RecentFiles/file1") == second);
    BOOST_TEST(wxString::FromUTF8(MainFrame::LastDatabase()) == "sqlite:" + second);
}

BOOST_AUTO_TEST_CASE(the_last_area_is_remembered_on_closing)
{
    auto* frame = new MainFrame(DemoDatabase(test::FreshLocation(Backend::Sqlite), 10));
    frame->Show();
    Settle();
    frame->ShowArea(MeetingsArea);
    frame->Close(true);
    Settle();
    BOOST_TEST(wxConfigBase::Get()->ReadLong("/MainFrame/LastArea", -1) == MeetingsArea);
    Shown next(DemoDatabase(test::FreshLocation(Backend::Sqlite), 10));
    BOOST_TEST(next->CurrentArea() == DashboardArea); // a frame alone never moves by itself
    next->RestoreLastArea();
    BOOST_TEST(next->CurrentArea() == MeetingsArea);
}

BOOST_AUTO_TEST_CASE(a_password_given_at_connection_is_never_remembered)
{
    auto& cluster = test::SharedPgCluster();
    const std::string database = DatabaseName(test::FreshLocation(Backend::Postgresql));
    ConnectionProfile profile;
    profile.name = "Serveur de test";
    profile.host = "127.0.0.1";
    profile.port = cluster.Port();
    profile.database = database;
    profile.user = "postgres";
    profile.tls = TlsMode::Disable;
    // A personal login, as on the shared server: TLS verify-full with the test CA, SCRAM password.
    cluster.Psql("CREATE ROLE test_frame_login LOGIN PASSWORD 'secret-Frame-1'; "
                 "ALTER DATABASE \"" + database + "\" OWNER TO test_frame_login");
    ConnectionProfile login = profile;
    login.host = "localhost"; // the name in the server certificate
    login.user = "test_frame_login";
    login.tls = TlsMode::VerifyFull;
    login.rootCertificate = cluster.CaFile();
    auto db = Database::Open(ConnectionString(login, "secret-Frame-1"));
    MainFrame::RememberDatabase(*db);
    const wxString remembered = wxConfigBase::Get()->Read("/Database/Last");
    BOOST_TEST(!remembered.Contains("secret"));
    BOOST_TEST(remembered.Contains(wxString::FromUTF8(database)));

    SaveConnectionProfiles({profile});
    BOOST_TEST_REQUIRE(LoadConnectionProfiles().size() == 1u);
    BOOST_TEST(LoadConnectionProfiles().front().port == cluster.Port());
    BOOST_TEST(LoadConnectionProfiles().front().database == database);
    BOOST_TEST(!wxConfigBase::Get()->HasEntry("/Profiles/Serveur de test/Password"));

    ConnectionProfileDialog dialog(nullptr, profile, {}, &TestConnectionProfile);
    dialog.TransferDataToWindow();
    dialog.RunTest();
    const wxString version = wxString::FromUTF8(cluster.PsqlQuery("show server_version")).BeforeFirst(' ');
    BOOST_TEST(dialog.TestResultText() == wxString::Format(_("Connection successful: PostgreSQL %s server."), version),
               dialog.TestResultText().utf8_string());
    SaveConnectionProfiles({});
}

BOOST_AUTO_TEST_CASE(a_lost_connection_shows_the_banner_then_reconnects_keeping_the_views)
{
    Shown frame(DemoDatabase(test::FreshLocation(Backend::Postgresql), 80));
    BOOST_TEST_REQUIRE(WaitUntil([&] { return !frame->RoleText().empty(); }));
    frame->ShowArea(CommitmentsArea);
    const std::string consultation = frame->GetConsultation()->id;
    std::array<AreaView*, AreaCount> views{};
    for (int area = 0; area < AreaCount; ++area)
        views[area] = frame->View(area);
    BOOST_TEST(!frame->IsConnectionBannerShown());

    // The periodic check notices it.
    KillConcertoConnections();
    frame->CheckConnectionNow();
    BOOST_TEST_REQUIRE(WaitUntil([&] { return frame->IsConnectionLost(); }));
    BOOST_TEST(frame->IsConnectionBannerShown());
    BOOST_TEST_REQUIRE(WaitUntil([&] { return !frame->IsConnectionLost(); }));
    Settle();
    BOOST_TEST(!frame->IsConnectionBannerShown());
    BOOST_TEST(frame->CurrentArea() == CommitmentsArea);
    BOOST_TEST(frame->GetConsultation()->id == consultation);
    BOOST_TEST(frame->Context().ConsultationId() == consultation);
    for (int area = 0; area < AreaCount; ++area)
        BOOST_TEST(frame->View(area) == views[area]);
    BOOST_TEST(ContributionRepository(frame->GetDatabase()).Count() == 80);

    // An operation that fails on the lost connection says so too.
    KillConcertoConnections();
    bool reported = false;
    try {
        ContributionRepository(frame->GetDatabase()).Count();
    } catch (const Error& e) {
        reported = ReportConnectionTrouble(frame.frame, e);
    }
    BOOST_TEST(reported);
    BOOST_TEST(frame->IsConnectionBannerShown());
    BOOST_TEST_REQUIRE(WaitUntil([&] { return !frame->IsConnectionLost(); }));
    BOOST_TEST(ContributionRepository(frame->GetDatabase()).Count() == 80);
    // And the new worker serves the views again.
    long long counted = -1;
    Lifetime lifetime = NewLifetime();
    frame->Context().Worker().Run<long long>(
        lifetime, [](Database& db) { return ContributionRepository(db).Count(); },
        [&counted](long long n) { counted = n; });
    BOOST_TEST_REQUIRE(WaitUntil([&] { return counted >= 0; }));
    BOOST_TEST(counted == 80);
    BOOST_TEST(!frame->IsConnectionBannerShown());
}

BOOST_AUTO_TEST_CASE(errors_other_than_a_lost_connection_are_left_to_the_caller)
{
    Shown frame(DemoDatabase(test::FreshLocation(Backend::Sqlite), 10));
    BOOST_TEST(!ReportConnectionTrouble(frame.frame, DatabaseError("La base est occupée.")));
    BOOST_TEST(!frame->IsConnectionBannerShown());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(conflict_dialog)

namespace {
wxString U(const char* utf8)
{
    return wxString::FromUTF8(utf8);
}

const std::vector<FieldVersions> kFields = {
    {"Titre", U("Cour d'école"), U("Cour d'école végétalisée")},
    {"Texte", "Il faudrait des arbres.", "Il faudrait des arbres."},
    {"Quartier", "Centre-ville", "Ivry-Port"},
};

/// Shows a conflict dialog and, once it is on screen, presses the button `id`.
std::pair<int, ConflictChoice> PressButton(int id, bool deleted = false)
{
    ConflictDialog dialog(nullptr, U("la contribution n° 12"), kFields, deleted, "mdurand");
    wxTheApp->CallAfter([&dialog, id] {
        wxWindow* button = dialog.FindWindow(id);
        BOOST_TEST_REQUIRE(button);
        wxCommandEvent click(wxEVT_BUTTON, id);
        click.SetEventObject(button);
        button->GetEventHandler()->ProcessEvent(click);
    });
    const int result = dialog.ShowModal();
    return {result, dialog.GetChoice()};
}
} // namespace

BOOST_AUTO_TEST_CASE(each_button_gives_its_choice)
{
    auto [keep, keepChoice] = PressButton(ConflictDialog::KeepMineId);
    BOOST_TEST(keep == ConflictDialog::KeepMineId);
    BOOST_TEST((keepChoice == ConflictChoice::KeepMine));
    auto [take, takeChoice] = PressButton(ConflictDialog::TakeTheirsId);
    BOOST_TEST(take == ConflictDialog::TakeTheirsId);
    BOOST_TEST((takeChoice == ConflictChoice::TakeTheirs));
    auto [cancel, cancelChoice] = PressButton(wxID_CANCEL);
    BOOST_TEST(cancel == wxID_CANCEL);
    BOOST_TEST((cancelChoice == ConflictChoice::Cancel));
    auto [recreate, recreateChoice] = PressButton(ConflictDialog::KeepMineId, true);
    BOOST_TEST((recreateChoice == ConflictChoice::KeepMine));
}

BOOST_AUTO_TEST_CASE(the_buttons_say_what_they_do_and_differences_are_counted)
{
    ConflictDialog dialog(nullptr, U("la contribution n° 12"), kFields, false, "mdurand");
    BOOST_TEST(dialog.DifferingFieldCount() == 2);
    BOOST_TEST(dialog.FindWindow(ConflictDialog::KeepMineId)->GetLabel() == _("Keep my version"));
    BOOST_TEST(dialog.FindWindow(ConflictDialog::TakeTheirsId)->GetLabel() == _("Take the saved version"));
    BOOST_TEST(dialog.FindWindow(wxID_CANCEL)->GetLabel() == _("Continue editing"));
    ConflictDialog deleted(nullptr, U("la contribution n° 12"), kFields, true);
    BOOST_TEST(deleted.FindWindow(ConflictDialog::KeepMineId)->GetLabel() == _("Recreate with my version"));
}

BOOST_AUTO_TEST_CASE(a_real_click_and_escape_are_understood)
{
    ConflictDialog dialog(nullptr, U("la contribution n° 12"), kFields, false, "mdurand");
    wxTheApp->CallAfter([&dialog] {
        Settle(300);
        wxWindow* button = dialog.FindWindow(ConflictDialog::KeepMineId);
        wxUIActionSimulator simulator;
        simulator.MouseMove(button->GetScreenRect().GetPosition() + button->GetSize() / 2);
        Settle(100);
        simulator.MouseClick();
    });
    dialog.ShowModal();
    BOOST_TEST((dialog.GetChoice() == ConflictChoice::KeepMine));

    ConflictChoice escaped = ConflictChoice::KeepMine;
    wxTheApp->CallAfter([] {
        Settle(300);
        wxUIActionSimulator().Char(WXK_ESCAPE);
    });
    escaped = AskConflict(nullptr, U("la contribution n° 12"), kFields);
    BOOST_TEST((escaped == ConflictChoice::Cancel));
}

BOOST_AUTO_TEST_SUITE_END()
