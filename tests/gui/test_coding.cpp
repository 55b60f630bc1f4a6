// The Codage area on a demo database, driven from the keyboard alone as a coder would: a
// suggestion taken with its digit, stances, a commitment found with "/" and applied with Enter,
// Enter for done and next, undo and redo, a label, a quote, an exclusion with its reason, a note,
// J and K. After each step the database is read back with SQL; the widgets are never trusted
// alone. Then bulk tagging (undone as one action), blind double coding, a change made by
// another connection, the empty state, and one session on PostgreSQL.

#include "app/areas.h"
#include "app/coding_commitment_tree.h"
#include "app/coding_item_pane.h"
#include "app/coding_queue_page.h"
#include "app/coding_view.h"
#include "app/main_frame.h"
#include "core/text.h"
#include "db/contribution_list.h"
#include "db/double_coding.h"
#include "dialogs/bulk_tag_dialog.h"
#include "dialogs/coding_label_dialog.h"
#include "gui_support.h"
#include "support/backends.h"

#include <boost/test/unit_test.hpp>
#include <functional>
#include <wx/combobox.h>
#include <wx/intl.h>
#include <wx/listbox.h>
#include <wx/menu.h>
#include <wx/srchctrl.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

using namespace concerto;
using concerto::test::Settle;
using concerto::test::WaitUntil;
using concerto::test::WhenShown;

namespace {

/// One row of SQL as text cells.
std::vector<std::vector<std::string>> Rows(Database& db, const std::string& sql, const Params& params)
{
    std::vector<std::vector<std::string>> rows;
    QueryRows(db, sql, params, [&](const soci::row& row) {
        std::vector<std::string> cells;
        for (std::size_t i = 0; i < row.size(); ++i)
            cells.push_back(Cell::IsNull(row, i) ? std::string() : Cell::Text(row, i));
        rows.push_back(std::move(cells));
    });
    return rows;
}

struct Session {
    MainFrame* frame = nullptr;
    CodingView* view = nullptr;
    CodingQueuePage* page = nullptr;
    wxUIActionSimulator keys;

    explicit Session(Backend backend = Backend::Sqlite, std::uint64_t contributions = 300)
    {
        frame = test::ShowDemoFrame(backend, contributions);
        frame->ShowArea(CodingArea);
        view = dynamic_cast<CodingView*>(frame->View(CodingArea));
        BOOST_REQUIRE(view);
        page = &view->Queue();
        const bool ready =
            WaitUntil([this] { return !page->IsBusy() && page->IsModelReady() && page->CurrentSeq() != 0; });
        BOOST_REQUIRE_MESSAGE(ready, "the queue never finished loading: " << page->LoadingState());
        Idle();
        page->Item().FocusText();
        Settle(100);
    }
    ~Session()
    {
        frame->Destroy();
        Settle();
    }
    Database& Db() { return frame->GetDatabase(); }
    void Idle()
    {
        Settle(60);
        BOOST_REQUIRE(WaitUntil([this] { return !page->IsBusy(); }));
        Settle(60);
    }
    void Press(int key, int modifiers = wxMOD_NONE)
    {
        keys.Char(key, modifiers);
        Settle(80);
        Idle();
    }
    void Type(const wxString& text)
    {
        keys.Text(text.utf8_str());
        Settle(120);
    }
    /// The final tags of a contribution, as "commitment-id|stance" or "theme:theme-id|stance".
    std::vector<std::string> Tags(const std::string& contributionId)
    {
        std::vector<std::string> tags;
        for (const auto& row : Rows(Db(),
                                    "SELECT commitment_id, theme_id, stance FROM tag WHERE contribution_id = :id "
                                    "ORDER BY tagged_at, id",
                                    {{"id", contributionId}}))
            tags.push_back((row[0].empty() ? "theme:" + row[1] : row[0]) + "|" + row[2]);
        return tags;
    }
    std::string Column(const std::string& contributionId, const std::string& column)
    {
        const auto rows =
            Rows(Db(), "SELECT " + column + " FROM contribution WHERE id = :id", {{"id", contributionId}});
        return rows.empty() ? std::string() : rows.front().front();
    }
};

std::string IdOfSeq(Database& db, long long seq)
{
    const auto rows = ContributionList(db).Rows({seq});
    return rows.empty() ? std::string() : rows.front().id;
}

} // namespace

BOOST_AUTO_TEST_SUITE(coding_view)

BOOST_AUTO_TEST_CASE(a_keyboard_only_session_codes_and_undoes)
{
    Session s;
    // The queue: the contributions still "new", in entry order.
    ContributionFilter fresh;
    fresh.consultationId = s.frame->Context().ConsultationId();
    fresh.state = ContributionState::New;
    const auto expected = ContributionList(s.Db()).Keys(fresh, {ContributionSortKey::EntryOrder, false});
    BOOST_REQUIRE(expected.size() > 20u);
    BOOST_TEST(s.page->Keys() == expected, boost::test_tools::per_element());
    BOOST_TEST(s.page->Position() == 0);
    BOOST_TEST(s.page->ShownPage() == 0);
    const std::string first = s.page->CurrentId();
    BOOST_TEST(first == IdOfSeq(s.Db(), expected[0]));
    BOOST_TEST(s.Tags(first).empty());

    // Suggestions are computed on the UI thread, in memory: their latency is logged.
    BOOST_REQUIRE(!s.page->Suggestions().Rows().empty());
    BOOST_TEST_MESSAGE("Suggest() for the contribution on screen: " << s.page->LastSuggestMs() << " ms");
    const std::string suggested = s.page->Suggestions().Rows().front().commitmentId;

    // S sets the stance; 1 applies the first suggestion with it.
    s.Press('S');
    BOOST_TEST((s.page->CurrentStance() == Stance::Support));
    s.Press('1');
    BOOST_TEST(s.Tags(first) == std::vector<std::string>{suggested + "|support"}, boost::test_tools::per_element());
    BOOST_TEST(s.page->Item().TagLines().size() == 1u);

    // C, then / and a reference typed in the filter, Enter: that commitment with "criticism".
    const auto& commitments = s.page->Tree().Commitments();
    BOOST_REQUIRE(commitments.size() > 3u);
    const Commitment* other = nullptr;
    for (const auto& commitment : commitments)
        if (commitment.id != suggested) {
            other = &commitment;
            break;
        }
    BOOST_REQUIRE(other);
    s.Press('C');
    BOOST_TEST((s.page->CurrentStance() == Stance::Criticism));
    BOOST_TEST(s.Tags(first).size() == 1u); // no commitment highlighted: the stance alone changed
    s.Press('/');
    BOOST_TEST(wxWindow::FindFocus() == static_cast<wxWindow*>(s.page->Tree().FilterBox()));
    s.Type(wxString::FromUTF8(other->ref));
    BOOST_TEST(s.page->Tree().Highlighted().commitmentId == other->id);
    s.Press(WXK_RETURN);
    BOOST_TEST(s.Tags(first) == (std::vector<std::string>{suggested + "|support", other->id + "|criticism"}),
               boost::test_tools::per_element());
    BOOST_TEST(wxWindow::FindFocus() == static_cast<wxWindow*>(s.page->Item().Body())); // back to reading

    // Enter: done, then the next contribution.
    s.Press(WXK_RETURN);
    BOOST_TEST(s.Column(first, "state") == "tagged");
    BOOST_TEST(s.page->Position() == 1);
    BOOST_TEST(s.page->CurrentId() == IdOfSeq(s.Db(), expected[1]));

    // Ctrl+Z undoes "done" and comes back to it; again, the criticism tag goes; Ctrl+Y brings it back.
    BOOST_TEST(s.view->UndoItem()->GetItemLabelText().Contains(wxString::FromUTF8("terminée")));
    s.Press('Z', wxMOD_CONTROL);
    BOOST_TEST(s.Column(first, "state") == "new");
    BOOST_TEST(s.page->CurrentId() == first);
    s.Press('Z', wxMOD_CONTROL);
    BOOST_TEST(s.Tags(first) == std::vector<std::string>{suggested + "|support"}, boost::test_tools::per_element());
    s.Press('Y', wxMOD_CONTROL);
    BOOST_TEST(s.Tags(first).size() == 2u);
    s.Press('Z', wxMOD_CONTROL);
    BOOST_TEST(s.Tags(first).size() == 1u);
    s.Press('Z', wxMOD_CONTROL | wxMOD_SHIFT); // the other redo
    BOOST_TEST(s.Tags(first).size() == 2u);

    // L: a label, new, typed in the popup and confirmed with Enter.
    WhenShown<CodingLabelDialog> labelPopup([&s](CodingLabelDialog&) {
        s.keys.Text("bruit nocturne");
        s.keys.Char(WXK_RETURN);
    });
    s.Press('L');
    BOOST_REQUIRE(WaitUntil([&] { return labelPopup.Done() && !s.page->IsBusy(); }));
    Settle(200);
    const auto labels = Rows(s.Db(),
                             "SELECT l.name FROM contribution_label cl JOIN label l ON l.id = cl.label_id "
                             "WHERE cl.contribution_id = :id",
                             {{"id", first}});
    BOOST_REQUIRE(labels.size() == 1u);
    BOOST_TEST(labels.front().front() == "bruit nocturne");

    // M: a quote. N: a note, typed, kept when the coder goes back to the text with Escape.
    s.Press('M');
    BOOST_TEST(s.Column(first, "CASE WHEN is_quote THEN 'yes' ELSE 'no' END") == "yes");
    s.Press('N');
    BOOST_TEST(wxWindow::FindFocus() == static_cast<wxWindow*>(s.page->Item().Note()));
    s.Type("voir avec le service jeunesse");
    BOOST_TEST(s.Tags(first).size() == 2u); // the letters typed were text, not commands
    s.Press(WXK_ESCAPE);
    BOOST_TEST(s.Column(first, "notes") == "voir avec le service jeunesse");

    // X: excluded, with the reason offered first.
    WhenShown<CodingExcludeDialog> reason([&s](CodingExcludeDialog&) { s.keys.Char(WXK_RETURN); });
    s.Press('X');
    BOOST_REQUIRE(WaitUntil([&] { return reason.Done() && !s.page->IsBusy(); }));
    Settle(200);
    BOOST_TEST(s.Column(first, "state") == "excluded");
    BOOST_TEST(s.Column(first, "exclusion_reason") == _("Off-topic").utf8_string());
    s.Press('Z', wxMOD_CONTROL);
    BOOST_TEST(s.Column(first, "state") == "new");

    // J and K move; Down and Up too.
    s.Press('J');
    BOOST_TEST(s.page->CurrentId() == IdOfSeq(s.Db(), expected[1]));
    s.Press(WXK_DOWN);
    BOOST_TEST(s.page->CurrentSeq() == expected[2]);
    s.Press('K');
    s.Press(WXK_UP);
    BOOST_TEST(s.page->CurrentId() == first);
    BOOST_TEST(s.page->PositionText().StartsWith("1 / "));

    // Away from the area, its menu items are off: a J typed in another area never moves the queue.
    wxMenuItem* next = s.view->CodingMenu()->FindItemByPosition(0);
    BOOST_TEST(next->IsEnabled());
    s.frame->ShowArea(ContributionsArea);
    Settle(200);
    BOOST_TEST(!next->IsEnabled());
    BOOST_TEST(!s.view->UndoItem()->IsEnabled());
    s.Press('J');
    BOOST_TEST(s.page->CurrentId() == first);
    s.frame->ShowArea(CodingArea);
    Settle(200);
    BOOST_TEST(next->IsEnabled());
    BOOST_TEST(s.view->UndoItem()->IsEnabled());
}

BOOST_AUTO_TEST_CASE(bulk_tagging_previews_the_count_and_is_undone_at_once)
{
    Session s;
    // A word of the contribution on screen: the search finds at least that one.
    std::string word;
    for (const auto& candidate : Words(ContributionRepository(s.Db()).Get(s.page->CurrentId()).body))
        if (candidate.size() >= 7 && word.empty())
            word = candidate;
    BOOST_REQUIRE(!word.empty());
    s.page->SearchBox()->SetValue(wxString::FromUTF8(word));
    s.page->Filters().FocusSearch();
    s.Press(WXK_RETURN);
    BOOST_REQUIRE(WaitUntil([&] { return !s.page->IsBusy() && s.page->QueueFilter().search == word; }));
    ContributionFilter filter = s.page->QueueFilter();
    const long long matching = ContributionRepository(s.Db()).CountMatching(filter);
    BOOST_REQUIRE(matching > 0);
    BOOST_TEST(s.page->Keys().size() == static_cast<std::size_t>(matching));
    const auto selected = s.page->Keys();

    const Commitment target = s.page->Tree().Commitments().at(2);
    auto count = [&] {
        return Rows(s.Db(), "SELECT COUNT(*) FROM tag WHERE commitment_id = :c AND stance = 'proposal'",
                    {{"c", target.id}})
            .front()
            .front();
    };
    const std::string before = count();
    WhenShown<BulkTagDialog> dialog([&](BulkTagDialog& d) {
        d.FindBox()->SetValue(wxString::FromUTF8(target.ref));
        d.StanceChoice()->SetSelection(2); // proposal
        wxCommandEvent ok(wxEVT_BUTTON, wxID_OK);
        ok.SetEventObject(d.FindWindow(wxID_OK));
        d.GetEventHandler()->ProcessEvent(ok);
    });
    s.page->Item().FocusText();
    s.Press('B', wxMOD_CONTROL);
    BOOST_REQUIRE(WaitUntil([&] { return dialog.Done() && !s.page->IsBusy(); }));
    Settle(200);
    BOOST_TEST(std::stoll(count()) == std::stoll(before) + matching);
    for (const long long seq : selected)
        BOOST_TEST(s.Column(IdOfSeq(s.Db(), seq), "state") == "tagged");
    s.page->Item().FocusText();
    s.Press('Z', wxMOD_CONTROL);
    BOOST_TEST(count() == before);
}

BOOST_AUTO_TEST_CASE(blind_double_coding_writes_the_sample_only)
{
    Session s;
    SampleRequest request;
    request.consultationId = s.frame->Context().ConsultationId();
    request.name = "Essai";
    request.coderA = s.Db().UserName();
    request.coderB = "quelqu'un d'autre";
    request.size = SampleSize{false, 6};
    const CodingSample sample = CreateSample(s.Db(), request);
    s.view->CodeBlind(sample);
    s.Idle();
    const auto queue = SampleQueue(s.Db(), sample.id, request.coderA, true);
    BOOST_REQUIRE(queue.size() == 6u);
    BOOST_TEST(s.page->IsBlind());
    BOOST_TEST(s.page->CurrentId() == queue.front());
    BOOST_TEST(s.page->Suggestions().Rows().empty()); // withheld
    const std::string id = queue.front();
    const auto finalBefore = s.Tags(id);

    s.page->Item().FocusText();
    s.Press('Q');
    s.Press('/');
    const Commitment& chosen = s.page->Tree().Commitments().at(4);
    s.Type(wxString::FromUTF8(chosen.ref));
    s.Press(WXK_RETURN);
    const auto blind =
        Rows(s.Db(), "SELECT commitment_id, stance, coder FROM sample_tag WHERE contribution_id = :id", {{"id", id}});
    BOOST_REQUIRE(blind.size() == 1u);
    BOOST_TEST(blind[0][0] == chosen.id);
    BOOST_TEST(blind[0][1] == "question");
    BOOST_TEST(blind[0][2] == request.coderA);
    BOOST_TEST(s.Tags(id) == finalBefore, boost::test_tools::per_element()); // final tags untouched
    s.Press(WXK_RETURN);
    const auto done =
        Rows(s.Db(), "SELECT done_by_a FROM coding_sample_item WHERE sample_id = :s AND contribution_id = :c",
             {{"s", sample.id}, {"c", id}});
    BOOST_TEST(!done.at(0).at(0).empty());
    BOOST_TEST(s.page->CurrentId() == queue.at(1));
    s.page->StopBlind();
    s.Idle();
    BOOST_TEST(!s.page->IsBlind());
}

BOOST_AUTO_TEST_CASE(changes_from_elsewhere_refresh_the_queue_and_keep_the_place)
{
    Session s;
    s.Press('J');
    s.Press('J');
    const auto keys = s.page->Keys();
    const long long here = s.page->CurrentSeq();
    // Another coder (another connection) codes the contribution two places further.
    auto other = s.Db().Reopen();
    ContributionList(*other).SetState({keys.at(4)}, ContributionState::Tagged);
    s.frame->Context().NotifyChanged("contribution"); // as LISTEN/NOTIFY delivers it
    s.Idle();
    BOOST_TEST(s.page->CurrentSeq() == here);
    BOOST_TEST(s.page->Position() == 2);
    BOOST_TEST(s.page->Keys().size() == keys.size() - 1);
    BOOST_TEST(std::count(s.page->Keys().begin(), s.page->Keys().end(), keys.at(4)) == 0);

    // A colleague saves a note on this very contribution while the coder writes one: both stay.
    const std::string id = s.page->CurrentId();
    s.Press('N');
    s.Type("Voir le conseil de quartier");
    Contribution theirs = ContributionRepository(*other).Get(id);
    theirs.notes = "Déjà signalé au service voirie";
    ContributionRepository(*other).Update(theirs);
    s.Press(WXK_ESCAPE); // back to the text: the note is saved
    const std::string both = "Déjà signalé au service voirie\n\nVoir le conseil de quartier";
    BOOST_TEST(s.Column(id, "notes") == both);
    BOOST_TEST(s.page->Item().Note()->GetValue().utf8_string() == both);
    BOOST_TEST(s.page->StatusText() == _("Someone else had changed this note meanwhile: both texts are kept, theirs "
                                         "first. Read them again."));

    // A search that matches nothing shows the empty state, which says what to do.
    s.page->SearchBox()->SetValue("xylophone");
    s.page->Filters().FocusSearch();
    s.Press(WXK_RETURN);
    BOOST_TEST(s.page->Keys().empty());
    BOOST_TEST(s.page->ShownPage() == 1);
    s.page->Filters().Clear();
    s.Idle();
    BOOST_TEST(s.page->ShownPage() == 0);
}

BOOST_AUTO_TEST_CASE(works_on_postgresql_too)
{
    Session s(Backend::Postgresql, 200);
    const std::string first = s.page->CurrentId();
    BOOST_REQUIRE(!s.page->Suggestions().Rows().empty());
    const std::string suggested = s.page->Suggestions().Rows().front().commitmentId;
    s.Press('P');
    s.Press('1');
    BOOST_TEST(s.Tags(first) == std::vector<std::string>{suggested + "|proposal"}, boost::test_tools::per_element());
    s.Press(WXK_RETURN);
    BOOST_TEST(s.Column(first, "state") == "tagged");
    s.Press('Z', wxMOD_CONTROL);
    s.Press('Z', wxMOD_CONTROL);
    BOOST_TEST(s.Tags(first).empty());
    BOOST_TEST(s.Column(first, "state") == "new");
}

BOOST_AUTO_TEST_SUITE_END()
