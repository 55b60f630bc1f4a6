// The quick entry of paper contributions, driven with the keyboard as a trained person would:
// three slips typed for a caravane meeting, read back from the database.

#include "gui_support.h"
#include "app/areas.h"
#include "app/commands.h"
#include "app/main_frame.h"
#include "app/meeting_panel.h"
#include "db/demo.h"
#include "db/meeting_queries.h"
#include "db/repositories.h"
#include "dialogs/quick_entry_dialog.h"
#include "support/backends.h"

#include <boost/test/unit_test.hpp>
#include <functional>
#include <wx/combobox.h>
#include <wx/intl.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

using concerto::test::Settle;
using concerto::test::DemoDatabase;
using concerto::test::WaitUntil;

using namespace concerto;

namespace {

QuickEntryDialog* OpenedQuickEntry()
{
    for (wxWindow* window : wxTopLevelWindows)
        if (auto* dialog = dynamic_cast<QuickEntryDialog*>(window); dialog && !dialog->IsBeingDeleted())
            return dialog;
    return nullptr;
}

// Opens the quick entry on `meeting` and waits until its choices and slip number are there.
QuickEntryDialog* OpenOn(MainFrame& frame, const Meeting& meeting)
{
    OpenQuickEntry(&frame, frame.Context(), meeting.id);
    QuickEntryDialog* dialog = nullptr;
    const bool ready = WaitUntil([&] {
        dialog = OpenedQuickEntry();
        return dialog && dialog->HasChoices() &&
               !static_cast<wxTextCtrl*>(dialog->FieldWindow(QuickEntryDialog::Field::Slip))->IsEmpty();
    });
    BOOST_TEST_REQUIRE(ready);
    dialog->Raise();
    dialog->FieldWindow(QuickEntryDialog::Field::Text)->SetFocus();
    Settle(300);
    return dialog;
}

std::vector<Contribution> ContributionsWithRefs(Database& db, const Meeting& meeting,
                                                const std::vector<std::string>& refs)
{
    std::vector<Contribution> found;
    for (const auto& ref : refs)
        for (auto& c : ContributionRepository(db).ListBy("meeting_id", meeting.id))
            if (c.sourceRef == ref)
                found.push_back(c);
    return found;
}

void CloseQuickEntry(QuickEntryDialog* dialog)
{
    dialog->Close();
    WaitUntil([] { return OpenedQuickEntry() == nullptr; }, 5000);
}

} // namespace

BOOST_AUTO_TEST_SUITE(quick_entry)

BOOST_AUTO_TEST_CASE(three_slips_typed_with_the_keyboard)
{
    auto* frame = new MainFrame(DemoDatabase(Backend::Sqlite, 400));
    frame->SetSize(1366, 768);
    frame->Show();
    Settle();
    Database& db = frame->GetDatabase();
    const Meeting meeting = *MeetingRepository(db).FindBy("ref", "CAR-3");
    const long long before = ContributionRepository(db).Count();
    const std::string first = NextSlipNumber(db, meeting.consultationId, meeting.channelId, meeting.id, "CAR-3");
    const std::string second = IncrementTrailingNumber(first), third = IncrementTrailingNumber(second);

    // Through the meetings area's command, as a user would open it.
    frame->ShowArea(MeetingsArea);
    auto* view = dynamic_cast<MeetingPanel*>(frame->View(MeetingsArea));
    BOOST_TEST_REQUIRE(view);
    BOOST_TEST_REQUIRE(WaitUntil([&] { return !view->IsLoading() && view->ListedCount() > 0; }));
    BOOST_TEST_REQUIRE(view->Select(meeting.id));
    view->EnterContributions();
    QuickEntryDialog* dialog = OpenOn(*frame, meeting);
    auto* slip = static_cast<wxTextCtrl*>(dialog->FieldWindow(QuickEntryDialog::Field::Slip));
    BOOST_TEST(slip->GetValue().utf8_string() == first);
    BOOST_TEST(wxWindow::FindFocus() == dialog->FieldWindow(QuickEntryDialog::Field::Text));

    wxUIActionSimulator simulator;
    simulator.Text("Plus de bancs place du marche");
    simulator.Char(WXK_RETURN);
    Settle(300);
    BOOST_TEST(dialog->SavedEntries().size() == 1u);
    BOOST_TEST(slip->GetValue().utf8_string() == second);

    // Second slip: two lines, then the profile chosen by its first letter.
    simulator.Text("Ligne un");
    simulator.Char(WXK_RETURN, wxMOD_SHIFT);
    simulator.Text("ligne deux");
    simulator.Char(WXK_TAB);
    Settle(200);
    BOOST_TEST(wxWindow::FindFocus() == dialog->FieldWindow(QuickEntryDialog::Field::Profile));
    simulator.Char('h');
    simulator.Char(WXK_TAB);
    simulator.Char('2'); // age bracket 26-40
    simulator.Char(WXK_RETURN);
    Settle(300);

    // Third: a merchant, "c", then Tab through age, title and slip to the quote box.
    simulator.Text("Des livraisons trop tot le matin");
    simulator.Char(WXK_TAB);
    simulator.Char('c');
    for (int i = 0; i < 4; ++i)
        simulator.Char(WXK_TAB);
    Settle(100);
    BOOST_TEST(wxWindow::FindFocus() == dialog->FieldWindow(QuickEntryDialog::Field::Quote));
    simulator.Char(WXK_SPACE);
    simulator.Char(WXK_RETURN);
    Settle(300);
    BOOST_TEST(dialog->SavedEntries().size() == 3u);
    BOOST_TEST(dialog->SummaryText().Contains("3"));

    const auto saved = ContributionsWithRefs(db, meeting, {first, second, third});
    BOOST_TEST_REQUIRE(saved.size() == 3u);
    BOOST_TEST(ContributionRepository(db).Count() == before + 3);
    for (const auto& c : saved) {
        BOOST_TEST(c.channelId == meeting.channelId);
        BOOST_TEST(c.neighbourhoodId == meeting.neighbourhoodId);
        BOOST_TEST(c.consultationId == meeting.consultationId);
        BOOST_TEST(c.receivedAt.seconds == meeting.startsAt.seconds);
    }
    BOOST_TEST(saved[0].body == "Plus de bancs place du marche");
    BOOST_TEST(saved[0].profile.empty());
    BOOST_TEST(saved[1].body == "Ligne un\nligne deux");
    BOOST_TEST(saved[1].profile == "habitant·e");
    BOOST_TEST(saved[1].ageBracket == "26-40 ans");
    BOOST_TEST(!saved[1].isQuote);
    BOOST_TEST(saved[2].profile == "commerçant·e");
    BOOST_TEST(saved[2].ageBracket.empty());
    BOOST_TEST(saved[2].isQuote);

    // Enter on an empty text saves nothing and says which field is missing.
    simulator.Char(WXK_RETURN);
    Settle(200);
    BOOST_TEST(ContributionRepository(db).Count() == before + 3);
    BOOST_TEST(dialog->MessageText() == _("Text: type the contribution before pressing Enter. Nothing was saved."));
    BOOST_TEST(wxWindow::FindFocus() == dialog->FieldWindow(QuickEntryDialog::Field::Text));

    // Ctrl+Z removes the slip just saved and gives its text back.
    simulator.Char('z', wxMOD_CONTROL);
    Settle(300);
    BOOST_TEST(ContributionRepository(db).Count() == before + 2);
    BOOST_TEST(!ContributionRepository(db).Find(saved[2].id).has_value());
    BOOST_TEST(ContributionRepository(db).Find(saved[1].id).has_value());
    BOOST_TEST(dialog->SavedEntries().size() == 2u);
    BOOST_TEST(static_cast<wxTextCtrl*>(dialog->FieldWindow(QuickEntryDialog::Field::Text))->GetValue() ==
               "Des livraisons trop tot le matin");
    BOOST_TEST(slip->GetValue().utf8_string() == third);

    // Escape closes the window.
    simulator.Char(WXK_ESCAPE);
    BOOST_TEST(WaitUntil([] { return OpenedQuickEntry() == nullptr; }, 5000));
    frame->Destroy();
    Settle();
}

BOOST_AUTO_TEST_CASE(nothing_is_saved_without_a_channel_or_with_a_used_slip)
{
    auto* frame = new MainFrame(DemoDatabase(Backend::Sqlite, 200));
    frame->Show();
    Settle();
    Database& db = frame->GetDatabase();
    const Meeting meeting = *MeetingRepository(db).FindBy("ref", "CAR-1");
    QuickEntryDialog* dialog = OpenOn(*frame, meeting);
    const long long before = ContributionRepository(db).Count();

    auto* text = static_cast<wxTextCtrl*>(dialog->FieldWindow(QuickEntryDialog::Field::Text));
    auto* slip = static_cast<wxTextCtrl*>(dialog->FieldWindow(QuickEntryDialog::Field::Slip));
    const auto used = ContributionRepository(db).ListBy("meeting_id", meeting.id);
    BOOST_TEST_REQUIRE(!used.empty());
    text->ChangeValue("Une fiche au numero deja pris");
    slip->ChangeValue(wxString::FromUTF8(used.front().sourceRef));
    BOOST_TEST(!dialog->SaveEntry());
    BOOST_TEST(dialog->MessageText().Contains(wxString::FromUTF8(used.front().sourceRef)));
    BOOST_TEST(wxWindow::FindFocus() == slip);

    static_cast<wxComboBox*>(dialog->FieldWindow(QuickEntryDialog::Field::Channel))->SetSelection(wxNOT_FOUND);
    BOOST_TEST(!dialog->SaveEntry());
    BOOST_TEST(dialog->MessageText() == _("Channel: choose where the slips come from. Nothing was saved."));
    BOOST_TEST(ContributionRepository(db).Count() == before);
    BOOST_TEST(!dialog->UndoLastEntry()); // nothing saved, nothing to undo
    CloseQuickEntry(dialog);
    frame->Destroy();
    Settle();
}

BOOST_AUTO_TEST_CASE(saves_on_postgresql_too)
{
    auto* frame = new MainFrame(DemoDatabase(Backend::Postgresql, 200));
    frame->Show();
    Settle();
    Database& db = frame->GetDatabase();
    const Meeting meeting = *MeetingRepository(db).FindBy("ref", "CAR-2");
    QuickEntryDialog* dialog = OpenOn(*frame, meeting);
    const std::string first =
        static_cast<wxTextCtrl*>(dialog->FieldWindow(QuickEntryDialog::Field::Slip))->GetValue().utf8_string();
    wxUIActionSimulator simulator;
    simulator.Text("Un abri pour attendre le bus");
    simulator.Char(WXK_TAB);
    simulator.Char('r');
    simulator.Char(WXK_RETURN);
    Settle(400);
    const auto saved = ContributionsWithRefs(db, meeting, {first});
    BOOST_TEST_REQUIRE(saved.size() == 1u);
    BOOST_TEST(saved[0].body == "Un abri pour attendre le bus");
    BOOST_TEST(saved[0].profile == "retraité·e");
    BOOST_TEST(saved[0].neighbourhoodId == meeting.neighbourhoodId);
    BOOST_TEST(saved[0].receivedAt.seconds == meeting.startsAt.seconds);
    CloseQuickEntry(dialog);
    frame->Destroy();
    Settle();
}

BOOST_AUTO_TEST_SUITE_END()
