// The application when the PostgreSQL server goes away (issue 8, item 6): after a restart of
// the server (crash-like or clean) the frame shows its banner, reconnects, listens again, and a
// change another session makes afterwards reaches the views; the worker's connection killed
// alone is noticed and replaced; a contribution save whose connection dies before COMMIT is
// reported as not saved, the editor keeps the typed text, and saving again once reconnected
// stores it; "keep mine" in a conflict re-saves over the version stored now, asking again if
// that one changed too. Restarts run on a private cluster: the shared one serves other suites.

#include "gui_support.h"
#include "app/areas.h"
#include "app/contribution_list_ctrl.h"
#include "app/contribution_panel.h"
#include "app/main_frame.h"
#include "db/contribution_list.h"
#include "db/demo.h"
#include "db/repositories.h"
#include "dialogs/conflict_dialog.h"
#include "dialogs/contribution_dialog.h"
#include "support/backends.h"
#include "support/pg_cluster.h"

#include <soci/soci.h>

#include <optional>
#include <set>
#include <wx/intl.h>
#include <wx/textctrl.h>

using concerto::test::Click;
using concerto::test::PressOk;
using concerto::test::Settle;
using concerto::test::WaitUntil;
using concerto::test::WhenShown;

using namespace concerto;

namespace {

using Shown = test::ShownFrame;

std::unique_ptr<Database> Demo(const std::string& location, std::uint64_t contributions)
{
    auto db = Database::Open(location);
    SilentProgress progress;
    GenerateDemo(*db, DemoOptions{contributions, 2023}, progress);
    return db;
}

int BackendPid(Database& db)
{
    int pid = 0;
    db.Session() << "SELECT pg_backend_pid()", soci::into(pid);
    return pid;
}

/// The tables the frame's context heard of as changed by the server, since the last Clear().
struct RemoteChanges {
    std::set<std::string> tables;
    int id = 0;
    AppContext& context;
    explicit RemoteChanges(AppContext& c) : context(c)
    {
        id = context.SubscribeWithOrigin([this](const std::string& table, bool remote) {
            if (remote)
                tables.insert(table);
        });
    }
    ~RemoteChanges() { context.Unsubscribe(id); }
};

/// The server restarts (`immediate`: pg_ctl stop -m immediate): banner, reconnection, LISTEN again,
/// and another session's later change is heard.
void SurvivesARestart(bool immediate)
{
    test::PgCluster cluster;
    cluster.CreateDatabase("gui_failure");
    const std::string location = cluster.KeyValue("gui_failure");
    Shown frame(Demo(location, 40));
    BOOST_TEST_REQUIRE(WaitUntil([&] { return frame->Context().IsListeningForChanges(); }));
    frame->ShowArea(ContributionsArea);
    AreaView* view = frame->View(ContributionsArea);

    cluster.Restart(immediate);
    frame->CheckConnectionNow();
    BOOST_TEST_REQUIRE(WaitUntil([&] { return frame->IsConnectionLost(); }));
    BOOST_TEST(frame->IsConnectionBannerShown());
    BOOST_TEST_REQUIRE(WaitUntil([&] { return !frame->IsConnectionLost(); }));
    Settle();
    BOOST_TEST(!frame->IsConnectionBannerShown());
    BOOST_TEST(frame->View(ContributionsArea) == view);
    BOOST_TEST(ContributionRepository(frame->GetDatabase()).Count() == 40);
    BOOST_TEST_REQUIRE(WaitUntil([&] { return frame->Context().IsListeningForChanges(); }));

    // What a reconnection announces ("anything may have changed") has passed; now a colleague's change.
    Settle(3 * AppContext::kCoalesceMs);
    RemoteChanges heard(frame->Context());
    auto colleague = Database::Open(location);
    Contribution c = ContributionRepository(*colleague).List({}, 1).front();
    c.notes = "Modifiée après le redémarrage";
    ContributionRepository(*colleague).Update(c);
    BOOST_TEST(WaitUntil([&] { return heard.tables.count("contribution") > 0; }));
}

/// The Contributions view of `frame`, loaded.
ContributionPanel& ContributionsOf(MainFrame* frame)
{
    frame->ShowArea(ContributionsArea);
    auto* view = dynamic_cast<ContributionPanel*>(frame->View(ContributionsArea));
    BOOST_REQUIRE(view);
    BOOST_REQUIRE(WaitUntil([&] { return !view->IsBusy() && view->List().GetItemCount() > 0; }));
    Settle();
    return *view;
}

wxTextCtrl* BodyOf(ContributionDialog& dialog)
{
    return dynamic_cast<wxTextCtrl*>(dialog.FieldWindow(ContributionDialog::Field::Text));
}

} // namespace

BOOST_AUTO_TEST_SUITE(gui_failure)

BOOST_AUTO_TEST_CASE(an_immediate_server_stop_is_survived_and_changes_are_heard_again)
{
    SurvivesARestart(true);
}

BOOST_AUTO_TEST_CASE(a_clean_server_restart_is_survived_and_changes_are_heard_again)
{
    SurvivesARestart(false);
}

BOOST_AUTO_TEST_CASE(the_workers_connection_killed_alone_is_noticed_and_replaced)
{
    auto& cluster = test::SharedPgCluster();
    Shown frame(Demo(test::FreshLocation(Backend::Postgresql), 30));
    const int ui = BackendPid(frame->GetDatabase());
    const std::string database = frame->GetDatabase().GetLocation().target;
    // Every Concerto connection to this database but the UI's: the worker's (the listener has its own name).
    std::string current;
    frame->GetDatabase().Session() << "SELECT current_database()", soci::into(current);
    cluster.Psql("select pg_terminate_backend(pid, 20000) from pg_stat_activity where application_name = "
                 "'Concerto' and datname = '" + current + "' and pid <> " + std::to_string(ui));
    frame->CheckConnectionNow(); // runs on the worker, whose connection is gone
    BOOST_TEST_REQUIRE(WaitUntil([&] { return frame->IsConnectionLost(); }));
    BOOST_TEST(frame->IsConnectionBannerShown());
    BOOST_TEST_REQUIRE(WaitUntil([&] { return !frame->IsConnectionLost(); }));
    long long counted = -1;
    Lifetime lifetime = NewLifetime();
    frame->Context().Worker().Run<long long>(
        lifetime, [](Database& db) { return ContributionRepository(db).Count(); },
        [&counted](long long n) { counted = n; });
    BOOST_TEST_REQUIRE(WaitUntil([&] { return counted >= 0; }));
    BOOST_TEST(counted == 30);
}

BOOST_AUTO_TEST_CASE(a_save_cut_off_before_commit_is_reported_not_saved_and_can_be_saved_again)
{
    auto& cluster = test::SharedPgCluster();
    Shown frame(Demo(test::FreshLocation(Backend::Postgresql), 30));
    ContributionPanel& view = ContributionsOf(frame.frame);
    const long long key = view.List().KeyAt(2);
    auto observer = frame->GetDatabase().Reopen();
    const std::string id = ContributionList(*observer).Detail(key)->contribution.id;
    const Contribution before = ContributionRepository(*observer).Get(id);
    const wxString typed = wxString::FromUTF8("Texte saisi pendant la coupure : des arbres rue Marat");

    wxString problem, kept;
    std::string storedMeanwhile;
    bool reconnected = false;
    std::optional<WhenShown<ContributionDialog>> again;
    WhenShown<ContributionDialog> first([&](ContributionDialog& dialog) {
        BodyOf(dialog)->SetValue(typed);
        // Between the edit and OK, an administrator ends the program's connection.
        cluster.Psql("select pg_terminate_backend(" + std::to_string(BackendPid(frame->GetDatabase())) + ", 20000)");
        again.emplace([&](ContributionDialog& shownAgain) {
            problem = shownAgain.ProblemText();
            problem.Replace("\n", " "); // the form wraps long problems to its width
            kept = BodyOf(shownAgain)->GetValue();
            storedMeanwhile = ContributionRepository(*observer).Get(id).body;
            reconnected = WaitUntil([&] { return !frame->IsConnectionLost(); });
            if (reconnected)
                PressOk(shownAgain); // saves on the new connection
            else
                shownAgain.EndModal(wxID_CANCEL);
        });
        PressOk(dialog);
    });
    view.EditContribution(2);
    Settle();
    BOOST_REQUIRE(first.Done());
    BOOST_REQUIRE(again && again->Done());
    BOOST_TEST(problem == _("The connection to the server was lost: this contribution was NOT saved. Your text is "
                            "kept: save again once reconnected."),
               problem.utf8_string());
    BOOST_TEST(kept == typed);
    BOOST_TEST(storedMeanwhile == before.body); // nothing of the cut-off save
    BOOST_TEST(reconnected);
    const Contribution after = ContributionRepository(*observer).Get(id);
    BOOST_TEST(after.body == typed.utf8_string());
    BOOST_TEST(after.version == before.version + 1);
}

BOOST_AUTO_TEST_CASE(keep_mine_resaves_over_the_current_version_and_asks_again_if_it_moved)
{
    Shown frame(Demo(test::FreshLocation(Backend::Postgresql), 30));
    ContributionPanel& view = ContributionsOf(frame.frame);
    auto colleague = frame->GetDatabase().Reopen(); // another session
    const std::string id = ContributionList(*colleague).Detail(view.List().KeyAt(1))->contribution.id;
    const Contribution opened = ContributionRepository(*colleague).Get(id);
    auto theirEdit = [&](const std::string& body) {
        Contribution c = ContributionRepository(*colleague).Get(id);
        c.body = body;
        ContributionRepository(*colleague).Update(c);
    };

    int asked = 0;
    std::optional<WhenShown<ConflictDialog>> secondConflict;
    WhenShown<ConflictDialog> firstConflict([&](ConflictDialog& dialog) {
        ++asked;
        theirEdit("Leur deuxième version"); // while the user reads the conflict
        secondConflict.emplace([&](ConflictDialog& again) {
            ++asked;
            Click(again, ConflictDialog::KeepMineId);
        });
        Click(dialog, ConflictDialog::KeepMineId);
    });
    WhenShown<ContributionDialog> editor([&](ContributionDialog& dialog) {
        theirEdit("Leur première version"); // saved while the editor is open
        BodyOf(dialog)->SetValue(wxString::FromUTF8("Ma version"));
        PressOk(dialog);
    });
    view.EditContribution(1);
    Settle();
    BOOST_REQUIRE(editor.Done());
    BOOST_TEST(asked == 2);
    const Contribution stored = ContributionRepository(*colleague).Get(id);
    BOOST_TEST(stored.body == "Ma version");
    BOOST_TEST(stored.version == opened.version + 3); // theirs, theirs again, then mine over the latest
}

BOOST_AUTO_TEST_SUITE_END()
