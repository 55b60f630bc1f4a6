// The meetings area on a demo database: the list agrees with SQL, the filter narrows it, the
// detail lists a meeting's contributions, and the meeting dialog creates and edits meetings
// (read back) and refuses a reference already used.

#include "gui_support.h"
#include "app/areas.h"
#include "app/main_frame.h"
#include "app/meeting_detail.h"
#include "app/meeting_panel.h"
#include "db/demo.h"
#include "db/meeting_queries.h"
#include "db/repositories.h"
#include "dialogs/meeting_dialog.h"
#include "support/backends.h"

#include <boost/test/unit_test.hpp>
#include <functional>
#include <wx/choice.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

using concerto::test::Settle;
using concerto::test::WaitUntil;

using namespace concerto;

namespace {

long long SqlCount(Database& db, const std::string& consultationId, const std::string& channelId = {})
{
    std::vector<Condition> conditions{MeetingRepository::Equals("consultation_id", consultationId)};
    if (!channelId.empty())
        conditions.push_back(MeetingRepository::Equals("channel_id", channelId));
    return MeetingRepository(db).Count(conditions);
}

void Type(MeetingDialog& dialog, MeetingDialog::Field field, const wxString& text)
{
    static_cast<wxTextCtrl*>(dialog.FieldWindow(field))->ChangeValue(text);
}

struct Fixture : test::DemoFrameFixture {
    MeetingPanel* view = nullptr;

    explicit Fixture(Backend backend = Backend::Sqlite) : DemoFrameFixture(backend, 300)
    {
        frame->ShowArea(MeetingsArea);
        view = dynamic_cast<MeetingPanel*>(frame->View(MeetingsArea));
        BOOST_TEST_REQUIRE(view);
        BOOST_TEST_REQUIRE(WaitUntil([this] { return !view->IsLoading() && view->ListedCount() > 0; }));
    }
    // Waits for the reload that a save announces.
    bool Reloaded(int expected)
    {
        return WaitUntil([&] { return !view->IsLoading() && view->ListedCount() == expected; });
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(meetings)

BOOST_AUTO_TEST_CASE(list_agrees_with_the_database)
{
    Fixture f;
    const long long count = SqlCount(f.Db(), f.ConsultationId());
    BOOST_TEST(f.view->ListedCount() == count);
    // Oldest first: the first café des communaux, in May.
    BOOST_TEST(f.view->CellText(0, MeetingPanel::DateColumn).Contains("/05/2023"));

    const Channel caravane = *ChannelRepository(f.Db()).FindBy("code", "caravane");
    f.view->FilterChannel(caravane.id);
    BOOST_TEST(f.view->ListedCount() == SqlCount(f.Db(), f.ConsultationId(), caravane.id));
    f.view->FilterChannel({});
    BOOST_TEST(f.view->ListedCount() == count);

    // The detail lists the meeting's contributions.
    const Meeting meeting = *MeetingRepository(f.Db()).FindBy("ref", "CAR-3");
    BOOST_TEST_REQUIRE(f.view->Select(meeting.id));
    const long long linked = CountMeetingContributions(f.Db(), meeting.id);
    BOOST_TEST(linked > 0);
    BOOST_TEST(WaitUntil([&] { return !f.view->Detail().IsLoading(); }));
    BOOST_TEST(f.view->Detail().ListedContributions() == std::min<long long>(linked, MeetingDetail::kListed));
    BOOST_TEST(f.view->Detail().MeetingId() == meeting.id);
}

BOOST_AUTO_TEST_CASE(dialog_creates_and_edits_a_meeting)
{
    Fixture f;
    const int before = f.view->ListedCount();
    MeetingEditor editor = f.view->Editor();
    const Channel cafe = *ChannelRepository(f.Db()).FindBy("code", "cafe-quartier");

    Meeting fresh;
    MeetingDialog create(f.frame, editor.Choices(), fresh, editor.Saver());
    create.TransferDataToWindow();
    auto* channel = static_cast<wxChoice*>(create.FieldWindow(MeetingDialog::Field::Channel));
    channel->SetStringSelection(wxString::FromUTF8(cafe.name));
    Type(create, MeetingDialog::Field::Reference, "CQ-TEST");
    Type(create, MeetingDialog::Field::Title, wxString::FromUTF8("Café de quartier — Gagarine"));
    Type(create, MeetingDialog::Field::Start, "14/10/2023 18:30");
    Type(create, MeetingDialog::Field::End, "20h");
    Type(create, MeetingDialog::Field::Place, "Maison de quartier");
    Type(create, MeetingDialog::Field::Attendance, "42");
    BOOST_TEST_REQUIRE(create.Submit());
    BOOST_TEST(create.ProblemText().empty());

    auto stored = MeetingRepository(f.Db()).FindBy("ref", "CQ-TEST");
    BOOST_TEST_REQUIRE(stored.has_value());
    BOOST_TEST(stored->channelId == cafe.id);
    BOOST_TEST(stored->consultationId == f.ConsultationId());
    BOOST_TEST(stored->attendance.value_or(-1) == 42);
    BOOST_TEST(ParseDayTime("14/10/2023 18:30")->seconds == stored->startsAt.seconds);
    BOOST_TEST(stored->endsAt.has_value());
    BOOST_TEST(FormatTimeOfDay(*stored->endsAt) == "20:00");
    BOOST_TEST(f.Reloaded(before + 1));

    // Edit its attendance.
    MeetingDialog edit(f.frame, editor.Choices(), *stored, editor.Saver());
    edit.TransferDataToWindow();
    Type(edit, MeetingDialog::Field::Attendance, "57");
    BOOST_TEST_REQUIRE(edit.Submit());
    const Meeting edited = MeetingRepository(f.Db()).Get(stored->id);
    BOOST_TEST(edited.attendance.value_or(-1) == 57);
    BOOST_TEST(edited.version == stored->version + 1);
    BOOST_TEST(edited.title == stored->title);

    // A negative attendance is refused in the form, naming the field.
    Type(edit, MeetingDialog::Field::Attendance, "-3");
    BOOST_TEST(!edit.Submit());
    BOOST_TEST(!edit.ProblemText().empty());
    BOOST_TEST(MeetingRepository(f.Db()).Get(stored->id).attendance.value_or(-1) == 57);
}

BOOST_AUTO_TEST_CASE(a_used_reference_is_refused)
{
    Fixture f;
    const long long before = SqlCount(f.Db(), f.ConsultationId());
    MeetingEditor editor = f.view->Editor();
    const Meeting existing = *MeetingRepository(f.Db()).FindBy("ref", "CAR-1");

    Meeting twin;
    twin.channelId = existing.channelId;
    twin.startsAt = existing.startsAt;
    MeetingDialog dialog(f.frame, editor.Choices(), twin, editor.Saver());
    dialog.Show();
    dialog.TransferDataToWindow();
    Type(dialog, MeetingDialog::Field::Reference, "CAR-1");
    Type(dialog, MeetingDialog::Field::Title, "Une autre rencontre");
    Settle();
    BOOST_TEST(!dialog.Submit());
    BOOST_TEST(dialog.ProblemText().Contains("CAR-1"));
    BOOST_TEST(dialog.ProblemText().Contains(wxString::FromUTF8(existing.title)));
    BOOST_TEST(wxWindow::FindFocus() == dialog.FieldWindow(MeetingDialog::Field::Reference));
    BOOST_TEST(SqlCount(f.Db(), f.ConsultationId()) == before);

    // Missing title: refused before any database work.
    Type(dialog, MeetingDialog::Field::Reference, "CAR-99");
    Type(dialog, MeetingDialog::Field::Title, "");
    BOOST_TEST(!dialog.Submit());
    BOOST_TEST(wxWindow::FindFocus() == dialog.FieldWindow(MeetingDialog::Field::Title));
    BOOST_TEST(SqlCount(f.Db(), f.ConsultationId()) == before);
    dialog.Hide();
}

BOOST_AUTO_TEST_CASE(new_meeting_through_the_insert_key)
{
    Fixture f;
    const int before = f.view->ListedCount();
    f.frame->Raise();
    wxWindow* list = wxWindow::FindWindowByName("meetings", f.view->Window());
    BOOST_TEST_REQUIRE(list);
    list->SetFocus();
    Settle(300);
    // The dialog is modal: a timer fills and submits it from inside its own event loop.
    bool submitted = false;
    wxTimer timer;
    int ticks = 0;
    timer.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
        if (++ticks > 200)
            timer.Stop(); // 10 s: the dialog never came
        for (wxWindow* window : wxTopLevelWindows) {
            auto* dialog = dynamic_cast<MeetingDialog*>(window);
            if (!dialog || !dialog->IsModal())
                continue;
            timer.Stop();
            static_cast<wxChoice*>(dialog->FieldWindow(MeetingDialog::Field::Channel))->SetSelection(0);
            Type(*dialog, MeetingDialog::Field::Reference, "AGORA-9");
            Type(*dialog, MeetingDialog::Field::Title, wxString::FromUTF8("Agora — Jeunesse"));
            Type(*dialog, MeetingDialog::Field::Start, "02/12/2023 10:00");
            submitted = dialog->Submit();
            if (!submitted)
                dialog->EndModal(wxID_CANCEL);
            return;
        }
    });
    timer.Start(50);
    wxUIActionSimulator simulator;
    simulator.Char(WXK_INSERT);
    BOOST_TEST(WaitUntil([&] { return submitted; }, 10000));
    timer.Stop();
    BOOST_TEST(MeetingRepository(f.Db()).FindBy("ref", "AGORA-9").has_value());
    BOOST_TEST(f.Reloaded(before + 1));
    // The new meeting is selected once the list has reloaded.
    BOOST_TEST_REQUIRE(f.view->Selected() != nullptr);
    BOOST_TEST(f.view->Selected()->meeting.ref == "AGORA-9");
}

BOOST_AUTO_TEST_SUITE_END()
