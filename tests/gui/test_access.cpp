// The interface follows the user's rights: everything is editable on a local file; a reader
// (the elected officials' cabinet) gets a read-only frame — editing commands greyed or hidden,
// the Coding area reserved to editors, no contact details asked for, a band that says why — and
// an editor types a contributor's contact details, saved with the contribution. On a shared
// server, with real Concerto roles, the same holds, and a write the server refuses reaches the
// user as the clear French permission error. The database is the guard; these tests check that
// the interface does not offer what it would refuse.

#include "gui_support.h"
#include "app/access_ui.h"
#include "app/areas.h"
#include "app/contribution_panel.h"
#include "app/frame_ids.h"
#include "app/main_frame.h"
#include "core/errors.h"
#include "db/demo.h"
#include "db/repositories.h"
#include "db/server_admin.h"
#include "dialogs/contact_fields.h"
#include "dialogs/contribution_dialog.h"
#include "support/backends.h"
#include "support/pg_cluster.h"

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <memory>
#include <soci/soci.h>
#include <unistd.h>
#include <wx/checkbox.h>
#include <wx/menu.h>
#include <wx/modalhook.h>
#include <wx/msgdlg.h>
#include <wx/textctrl.h>
#include <wx/toolbar.h>
#include <wx/utils.h>

using concerto::test::PressOk;
using concerto::test::Settle;
using concerto::test::WhenShown;

using namespace concerto;

namespace {

/// Every modal dialog the program opens while it lives (an error message box would be one):
/// recorded and answered at once, so that a test never hangs on it.
class ModalRecorder : public wxModalDialogHook {
public:
    ModalRecorder() { Register(); }
    ~ModalRecorder() override { Unregister(); }
    std::vector<wxString> shown;

protected:
    int Enter(wxDialog* dialog) override
    {
        wxString text = dialog->GetTitle();
        if (auto* box = dynamic_cast<wxMessageDialogBase*>(dialog))
            text += ": " + box->GetMessage();
        shown.push_back(text);
        return wxID_CANCEL;
    }
    void Exit(wxDialog*) override {}
};

using concerto::test::WaitUntilIdle;

ContributionPanel& ShowContributions(MainFrame* frame)
{
    frame->ShowArea(ContributionsArea);
    auto* view = dynamic_cast<ContributionPanel*>(frame->View(ContributionsArea));
    BOOST_REQUIRE(view);
    BOOST_REQUIRE(WaitUntilIdle(*view));
    return *view;
}

bool MenuEnabled(MainFrame* frame, int id)
{
    wxMenuItem* item = frame->GetMenuBar()->FindItem(id);
    BOOST_REQUIRE(item);
    return item->IsEnabled();
}

/// The window named `name` below `root`, shown or not; fails the test when there is none.
wxWindow* Named(wxWindow* root, const wxString& name)
{
    wxWindow* found = wxWindow::FindWindowByName(name, root);
    BOOST_REQUIRE_MESSAGE(found, "no window named " << name);
    return found;
}

/// What the frame offers to someone who may only read.
void CheckReadOnly(MainFrame* frame)
{
    BOOST_TEST(!MenuEnabled(frame, frame_ids::kQuickEntry));
    BOOST_TEST(!MenuEnabled(frame, frame_ids::kImport));
    BOOST_TEST(!frame->GetToolBar()->GetToolEnabled(frame_ids::kQuickEntry));
    BOOST_TEST(MenuEnabled(frame, frame_ids::kExport)); // reading and exporting stay
    wxWindow* banner = Named(frame, "read-only-banner");
    BOOST_TEST(banner->IsShown());
    BOOST_TEST(test::AnyShownText(banner, ReadOnlyText(frame->Context().GetAccess())));
    ContributionPanel& view = ShowContributions(frame);
    BOOST_TEST(!Named(&view, "new")->IsShown());
    frame->ShowArea(CodingArea);
    Settle();
    BOOST_TEST(Named(frame->View(CodingArea)->Window(), "reserved-to-editors")->IsShown());
}

void CheckEditable(MainFrame* frame)
{
    BOOST_TEST(MenuEnabled(frame, frame_ids::kQuickEntry));
    BOOST_TEST(MenuEnabled(frame, frame_ids::kImport));
    BOOST_TEST(frame->GetToolBar()->GetToolEnabled(frame_ids::kQuickEntry));
    BOOST_TEST(!Named(frame, "read-only-banner")->IsShown());
    ContributionPanel& view = ShowContributions(frame);
    BOOST_TEST(Named(&view, "new")->IsShown());
    frame->ShowArea(CodingArea);
    Settle();
    BOOST_TEST(!Named(frame->View(CodingArea)->Window(), "reserved-to-editors")->IsShown());
}

/// Types a new contribution with `text` and the contact details given through the "New
/// contribution" command of `frame`; returns the problem the editor showed, if any.
wxString TypeContribution(MainFrame* frame, const std::string& text, const std::string& email,
                          const std::string& phone, bool expectContactSection = true)
{
    ContributionPanel& view = ShowContributions(frame);
    wxString problem;
    bool hadSection = false;
    std::unique_ptr<WhenShown<ContributionDialog>> reopened;
    WhenShown<ContributionDialog> editor([&](ContributionDialog& dialog) {
        hadSection = dialog.HasContactSection();
        dynamic_cast<wxTextCtrl*>(dialog.FieldWindow(ContributionDialog::Field::Text))
            ->SetValue(wxString::FromUTF8(text));
        if (ContactFields* contact = dialog.ContactSection(); contact && hadSection) {
            contact->NameCtrl()->SetValue(wxString::FromUTF8("Awa Traoré"));
            contact->EmailCtrl()->SetValue(wxString::FromUTF8(email));
            contact->PhoneCtrl()->SetValue(wxString::FromUTF8(phone));
            contact->ConsentCtrl()->SetValue(true);
        }
        PressOk(dialog);
        if (dialog.IsModal()) { // refused by the form itself
            problem = dialog.ProblemText();
            dialog.EndModal(wxID_CANCEL);
            return;
        }
        // A save the database refuses opens the editor again, with the reason.
        reopened = std::make_unique<WhenShown<ContributionDialog>>(
            [&](ContributionDialog& again) {
                problem = again.ProblemText();
                again.EndModal(wxID_CANCEL);
            },
            5);
    });
    view.NewContribution();
    Settle();
    BOOST_TEST(editor.Done());
    BOOST_TEST(hadSection == expectContactSection);
    return problem;
}

} // namespace

BOOST_AUTO_TEST_SUITE(access_ui)

BOOST_FIXTURE_TEST_CASE(everything_is_editable_on_a_local_file, test::DemoFrameFixture)
{
    BOOST_TEST(frame->Context().GetAccess().CanEdit());
    BOOST_TEST(frame->Context().GetAccess().unmanaged);
    CheckEditable(frame);
}

BOOST_FIXTURE_TEST_CASE(a_reader_gets_a_read_only_frame_that_follows_the_rights, test::DemoFrameFixture)
{
    ModalRecorder modals;
    Access reader;
    reader.level = AccessLevel::Reader;
    reader.unmanaged = false;
    frame->Context().SetAccess(reader);
    Settle();
    CheckReadOnly(frame);
    // Keys and double-clicks lead nowhere: no editor, no quick entry window.
    ContributionPanel& view = ShowContributions(frame);
    view.NewContribution();
    view.EditContribution(0);
    frame->ProcessCommand(frame_ids::kQuickEntry);
    Settle();
    for (wxWindow* window : wxTopLevelWindows)
        BOOST_TEST(!(dynamic_cast<wxDialog*>(window) && window->IsShown()));
    BOOST_TEST(frame->StatusText(MainFrame::MessageField) == ReadOnlyText(reader));
    BOOST_TEST(modals.shown.empty());

    // The rights come back (a reconnection as another role): so does everything.
    frame->Context().SetAccess(Access{});
    Settle();
    CheckEditable(frame);
}

BOOST_FIXTURE_TEST_CASE(an_editor_types_contact_details_saved_with_the_contribution, test::DemoFrameFixture)
{
    const std::string text = "Il faudrait un banc devant la médiathèque (test des coordonnées).";
    // A mistyped address is refused, naming the field; nothing is saved.
    const wxString problem = TypeContribution(frame, text, "awa.traore.example.org", "06 12 34 56 78");
    BOOST_TEST(problem.Contains(wxString(_("E-mail:")).BeforeFirst(' ').BeforeFirst(':')));
    BOOST_TEST(!ContributionRepository(Db()).FindBy("body", text));

    BOOST_TEST(TypeContribution(frame, text, "awa.traore@example.org", "06 12 34 56 78").empty());
    const auto saved = ContributionRepository(Db()).FindBy("body", text);
    BOOST_TEST_REQUIRE(saved.has_value());
    const auto contact = ContactRepository(Db()).FindBy("contribution_id", saved->id);
    BOOST_TEST_REQUIRE(contact.has_value());
    BOOST_TEST(contact->name == "Awa Traoré");
    BOOST_TEST(contact->email == "awa.traore@example.org");
    BOOST_TEST(contact->phone == "06 12 34 56 78");
    BOOST_TEST(contact->consentToRecontact);
    BOOST_TEST_REQUIRE(contact->purgeOn.has_value());
    BOOST_TEST(!(*contact->purgeOn < Timestamp::Now().Day())); // kept for a while, never purged at once
}

BOOST_AUTO_TEST_CASE(the_default_purge_date_is_twelve_months_after_the_consultation)
{
    BOOST_TEST(DefaultPurgeDate(Date{2024, 2, 29}, Date{2023, 9, 14}).ToIso() == "2025-02-28");
    BOOST_TEST(DefaultPurgeDate(std::nullopt, Date{2023, 9, 14}).ToIso() == "2024-09-14");
    BOOST_TEST(DefaultPurgeDate(Date{2020, 1, 1}, Date{2023, 9, 14}).ToIso() == "2024-09-14"); // ended long ago
    BOOST_TEST(IsPlausibleEmail("awa@example.org"));
    BOOST_TEST(!IsPlausibleEmail("awa@example"));
    BOOST_TEST(!IsPlausibleEmail("awa traore@example.org"));
    BOOST_TEST(IsPlausiblePhone("+33 6 12 34 56 78"));
    BOOST_TEST(!IsPlausiblePhone("appeler le soir"));
}

BOOST_AUTO_TEST_CASE(on_a_server_readers_read_and_editors_write_with_contact_details)
{
    auto& cluster = test::SharedPgCluster();
    auto admin = test::FreshDatabase(Backend::Postgresql);
    InitServer(*admin);
    SilentProgress progress;
    GenerateDemo(*admin, DemoOptions{60, 2023}, progress);
    std::string database;
    admin->Session() << "SELECT current_database()", soci::into(database);
    const std::string suffix = std::to_string(getpid());
    const std::string reader = "test_access_reader_" + suffix, editor = "test_access_editor_" + suffix;
    const std::string password = "Mot-de-passe-2023";
    AddUser(*admin, reader, password, AccessLevel::Reader);
    AddUser(*admin, editor, password, AccessLevel::Editor);
    auto open = [&](const std::string& login) {
        auto* frame = new MainFrame(Database::Open(cluster.LoginKeyValue(login, password, database)));
        frame->SetSize(1366, 768);
        frame->Show();
        BOOST_REQUIRE(test::WaitUntil([&] { return !frame->RoleText().empty(); }));
        Settle();
        return frame;
    };
    const std::string text = "Plus de bancs au square Robespierre (saisie par l'éditeur).";
    {
        ModalRecorder modals;
        MainFrame* frame = open(reader);
        BOOST_TEST(!frame->Context().GetAccess().CanEdit());
        BOOST_TEST(!frame->Context().GetAccess().CanSeePersonalData());
        CheckReadOnly(frame);
        for (int area = 0; area < AreaCount; ++area) { // browsing never meets a refusal
            frame->ShowArea(area);
            Settle(400);
        }
        frame->ShowArea(ContributionsArea);
        Settle(400);
        BOOST_TEST(modals.shown.empty(), "dialogs shown: " << (modals.shown.empty() ? wxString() : modals.shown[0]));

        frame->Destroy();
        Settle();
    }
    {
        MainFrame* frame = open(editor);
        BOOST_TEST(frame->Context().GetAccess().CanEdit());
        BOOST_TEST(frame->Context().GetAccess().CanSeePersonalData());
        BOOST_TEST(!Named(frame, "read-only-banner")->IsShown());
        BOOST_TEST(TypeContribution(frame, text, "awa.traore@example.org", "06 12 34 56 78").empty());
        frame->Destroy();
        Settle();
    }
    // Read back as the administrator, with SQL.
    std::string email;
    int consent = 0;
    admin->Session() << "SELECT d.email, CASE WHEN d.consent_to_recontact THEN 1 ELSE 0 END FROM contact_details d "
                        "JOIN contribution c ON c.id = d.contribution_id WHERE c.body = :body",
        soci::use(text), soci::into(email), soci::into(consent);
    BOOST_TEST(email == "awa.traore@example.org");
    BOOST_TEST(consent == 1);
    RemoveUser(*admin, reader);
    RemoveUser(*admin, editor);
}

BOOST_AUTO_TEST_SUITE_END()
