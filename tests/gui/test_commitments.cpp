// The commitments view on a demo database: the tree against SQL counts, a status change
// through the view (and through its dialog) read back from the database, type-to-filter.

#include "gui_support.h"
#include "app/areas.h"
#include "app/commitment_detail.h"
#include "app/commitment_panel.h"
#include "app/commitment_tree_model.h"
#include "app/localization.h"
#include "app/main_frame.h"
#include "core/text.h"
#include "db/repositories.h"
#include "db/restitution.h"
#include "dialogs/commitment_dialog.h"
#include "dialogs/conflict_dialog.h"
#include "dialogs/status_change_dialog.h"
#include "support/backends.h"

#include <boost/test/unit_test.hpp>
#include <functional>
#include <map>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

using concerto::test::AnswerModal;
using concerto::test::Click;
using concerto::test::PressOk;
using concerto::test::Settle;
using concerto::test::WaitUntil;

using namespace concerto;

namespace {

/// A frame on a demo database, showing the commitments view once loaded.
struct Shown : test::DemoFrameFixture {
    CommitmentsPanel* view = nullptr;

    explicit Shown(Backend backend, std::uint64_t contributions = 300) : DemoFrameFixture(backend, contributions)
    {
        frame->ShowArea(CommitmentsArea);
        view = dynamic_cast<CommitmentsPanel*>(frame->View(CommitmentsArea));
        BOOST_REQUIRE(view);
        BOOST_REQUIRE(WaitUntil([this] { return !view->IsLoading(); }));
    }
    CommitmentTreeModel& Model() { return view->Model(); }
};

long long Scalar(Database& db, const std::string& sql, const Params& params)
{
    long long value = -1;
    QueryRows(db, sql, params, [&](const soci::row& row) { value = Cell::Integer(row, 0); });
    return value;
}

std::size_t VisibleCommitments(CommitmentTreeModel& model)
{
    std::size_t rows = 0;
    for (const auto& theme : model.ThemeItems())
        rows += model.CommitmentItems(theme).size();
    return rows;
}

/// A commitment of the consultation with `status`, as the tree holds it.
const Commitment* FindWithStatus(CommitmentTreeModel& model, CommitmentStatus status)
{
    for (const auto& theme : model.ThemeItems())
        for (const auto& item : model.CommitmentItems(theme))
            if (model.CommitmentOf(item)->status == status)
                return model.CommitmentOf(item);
    return nullptr;
}

template <class W> W* Named(wxWindow& parent, const char* name)
{
    return dynamic_cast<W*>(wxWindow::FindWindowByName(name, &parent));
}

void CheckTreeAgainstSql(Shown& shown)
{
    const long long commitments = Scalar(shown.Db(), "SELECT COUNT(*) FROM commitment WHERE consultation_id = :c",
                                         {{"c", shown.ConsultationId()}});
    BOOST_TEST(commitments > 0);
    BOOST_TEST(VisibleCommitments(shown.Model()) == static_cast<std::size_t>(commitments));
    BOOST_TEST(shown.Model().ThemeItems().size() ==
               static_cast<std::size_t>(Scalar(shown.Db(), "SELECT COUNT(*) FROM theme WHERE consultation_id = :c",
                                               {{"c", shown.ConsultationId()}})));

    // Each theme's row: distinct (commitment, contribution) links per stance, as SQL counts them.
    long long linked = 0;
    for (const auto& item : shown.Model().ThemeItems()) {
        const Theme* theme = shown.Model().ThemeOf(item);
        const CommitmentCounts counts = shown.Model().CountsOf(item);
        std::map<std::string, long long> byStance;
        QueryRows(shown.Db(),
                  "SELECT x.stance, COUNT(*) FROM (SELECT DISTINCT t.commitment_id, t.contribution_id, t.stance "
                  "FROM tag t JOIN commitment m ON m.id = t.commitment_id WHERE m.theme_id = :theme) x "
                  "GROUP BY x.stance",
                  {{"theme", theme->id}},
                  [&](const soci::row& row) { byStance[Cell::Text(row, 0)] = Cell::Integer(row, 1); });
        for (std::size_t s = 0; s < kStanceCount; ++s)
            BOOST_TEST(counts.byStance[s] == byStance[ToCode(static_cast<Stance>(s))], theme->code << " " << s);
        const long long total =
            Scalar(shown.Db(),
                   "SELECT COUNT(*) FROM (SELECT DISTINCT t.commitment_id, t.contribution_id FROM tag t "
                   "JOIN commitment m ON m.id = t.commitment_id WHERE m.theme_id = :theme) x",
                   {{"theme", theme->id}});
        BOOST_TEST(counts.total == total, theme->code);
        BOOST_TEST(shown.Model().CellText(item, CommitmentTreeModel::TotalColumn) == FormatCount(total));
        BOOST_TEST(shown.view->Tree()->IsExpanded(item));
        linked += total;
    }
    BOOST_TEST(linked > 0);
}

} // namespace

BOOST_AUTO_TEST_SUITE(commitments_view)

BOOST_AUTO_TEST_CASE(tree_counts_match_the_database)
{
    Shown shown(Backend::Sqlite);
    CheckTreeAgainstSql(shown);
    BOOST_TEST(shown.view->Summary().Contains(FormatCount(static_cast<long long>(shown.Model().CommitmentCount()))));
}

BOOST_AUTO_TEST_CASE(tree_counts_match_the_database_on_postgresql)
{
    Shown shown(Backend::Postgresql, 200);
    CheckTreeAgainstSql(shown);
}

BOOST_AUTO_TEST_CASE(status_change_is_saved_with_its_history)
{
    Shown shown(Backend::Sqlite);
    const Commitment* planned = FindWithStatus(shown.Model(), CommitmentStatus::Planned);
    BOOST_REQUIRE(planned);
    const Commitment before = *planned;
    BOOST_REQUIRE(shown.view->SelectCommitment(before.id));
    const std::size_t historyBefore = CommitmentRepository(shown.Db()).History(before.id).size();
    // The pane shows the timeline: the status changes and the reorientation points.
    const std::size_t timelineBefore = CommitmentTimeline(shown.Db(), before.id).size();

    const SaveOutcome outcome = shown.view->ChangeStatus(
        before, StatusChangeValues{CommitmentStatus::InProgress, Date{2024, 3, 15}, "Chantier lancé"}, shown.frame);
    BOOST_TEST(outcome.saved);
    BOOST_TEST(outcome.error.empty());

    CommitmentRepository commitments(shown.Db());
    const Commitment after = commitments.Get(before.id);
    BOOST_TEST((after.status == CommitmentStatus::InProgress));
    BOOST_TEST(after.version == before.version + 1);
    const auto history = commitments.History(before.id);
    BOOST_REQUIRE(history.size() == historyBefore + 1);
    BOOST_TEST((history.back().status == CommitmentStatus::InProgress));
    BOOST_TEST(history.back().effectiveOn.ToIso() == "2024-03-15");
    BOOST_TEST(history.back().comment == "Chantier lancé");

    // The view shows it once reloaded: the row's status and the dated timeline.
    BOOST_REQUIRE(WaitUntil([&] {
        const Commitment* shownRow = shown.Model().CommitmentOf(shown.Model().ItemOfCommitment(before.id));
        return shownRow && shownRow->status == CommitmentStatus::InProgress && !shown.view->IsLoadingHistory();
    }));
    BOOST_TEST(shown.view->SelectedCommitmentId() == before.id);
    BOOST_TEST(shown.view->Detail().HistoryCount() == timelineBefore + 1);
    BOOST_TEST(shown.view->Detail().HistoryText().Contains("15/03/2024"));
    BOOST_TEST(shown.view->Detail().HistoryText().Contains(wxString::FromUTF8("Chantier lancé")));

    // A stale copy (the version read before) is refused: nothing is written silently.
    // (ChangeStatus would ask the user; the repository shows the refusal itself.)
    BOOST_CHECK_THROW(commitments.ChangeStatus(before, CommitmentStatus::Done, Date{2024, 4, 1}, ""), ConflictError);
    BOOST_TEST(commitments.History(before.id).size() == historyBefore + 1);
}

BOOST_AUTO_TEST_CASE(status_dialog_records_the_change)
{
    Shown shown(Backend::Sqlite);
    const Commitment* done = FindWithStatus(shown.Model(), CommitmentStatus::Done);
    BOOST_REQUIRE(done);
    const std::string id = done->id;
    BOOST_REQUIRE(shown.view->SelectCommitment(id));
    AnswerModal<StatusChangeDialog>([](StatusChangeDialog& dialog) {
        auto* status = Named<wxChoice>(dialog, "status");
        BOOST_REQUIRE(status);
        status->SetSelection(3); // Abandonné, in AllCommitmentStatuses() order
        Named<wxTextCtrl>(dialog, "comment")->SetValue(wxString::FromUTF8("Projet abandonné faute de site"));
        PressOk(dialog);
    });
    shown.view->ChangeSelectedStatus();
    Settle();
    const Commitment after = CommitmentRepository(shown.Db()).Get(id);
    BOOST_TEST((after.status == CommitmentStatus::Dropped));
    const auto history = CommitmentRepository(shown.Db()).History(id);
    BOOST_TEST(history.back().comment == "Projet abandonné faute de site");
    BOOST_TEST(history.back().effectiveOn.ToIso() == LocalToday().ToIso());
}

BOOST_AUTO_TEST_CASE(new_commitment_needs_a_free_reference)
{
    Shown shown(Backend::Sqlite);
    const auto themes = shown.Model().ThemeItems();
    BOOST_REQUIRE(!themes.empty());
    const auto first = shown.Model().CommitmentItems(themes.front());
    BOOST_REQUIRE(!first.empty());
    const std::string takenRef = shown.Model().CommitmentOf(first.front())->ref;
    const long long before = CommitmentRepository(shown.Db()).Count();
    wxString refusal;
    AnswerModal<CommitmentDialog>([&](CommitmentDialog& dialog) {
        Named<wxTextCtrl>(dialog, "reference")->SetValue(wxString::FromUTF8(takenRef));
        Named<wxTextCtrl>(dialog, "title")->SetValue(wxString::FromUTF8("Ouvrir une ludothèque"));
        PressOk(dialog); // refused: the reference is used
        BOOST_TEST(dialog.IsModal());
        refusal = Named<wxStaticText>(dialog, "error")->GetLabel();
        Named<wxTextCtrl>(dialog, "reference")->SetValue("ZZZ-99");
        PressOk(dialog);
        BOOST_TEST(!dialog.IsModal());
    });
    shown.view->NewCommitment();
    Settle();
    BOOST_TEST(refusal.StartsWith(_("Reference")), refusal); // the field is named
    BOOST_TEST(CommitmentRepository(shown.Db()).Count() == before + 1);
    const auto created = CommitmentRepository(shown.Db()).FindBy("ref", "ZZZ-99");
    BOOST_REQUIRE(created);
    BOOST_TEST(created->title == "Ouvrir une ludothèque");
    BOOST_TEST(CommitmentRepository(shown.Db()).History(created->id).size() == 1u);
    BOOST_REQUIRE(WaitUntil([&] { return shown.Model().ItemOfCommitment(created->id).IsOk(); }));
    BOOST_TEST(shown.view->SelectedCommitmentId() == created->id);
}

BOOST_AUTO_TEST_CASE(type_to_filter_ignores_accents)
{
    Shown shown(Backend::Sqlite);
    std::size_t expected = 0;
    bool accented = false;
    for (const Commitment& c : CommitmentRepository(shown.Db()).ListBy("consultation_id", shown.ConsultationId()))
        if (Fold(c.ref + " " + c.title).find("ecole") != std::string::npos) {
            ++expected;
            accented = accented || c.title.find("école") != std::string::npos;
        }
    BOOST_REQUIRE(expected > 0);
    BOOST_REQUIRE(accented); // the demo's titles say "école": the filter must find them from "ecole"

    shown.view->FilterBox()->SetFocus();
    shown.view->FilterBox()->SetValue("ecole"); // as typed: sends wxEVT_TEXT
    Settle();
    BOOST_TEST(VisibleCommitments(shown.Model()) == expected);
    for (const auto& theme : shown.Model().ThemeItems()) {
        BOOST_TEST(!shown.Model().CommitmentItems(theme).empty()); // themes without a match are hidden
        for (const auto& item : shown.Model().CommitmentItems(theme)) {
            const Commitment* c = shown.Model().CommitmentOf(item);
            BOOST_TEST(Fold(c->ref + " " + c->title).find("ecole") != std::string::npos, c->title);
        }
    }
    shown.view->FilterBox()->SetValue(wxString::FromUTF8("ÉCOLE"));
    Settle();
    BOOST_TEST(VisibleCommitments(shown.Model()) == expected);
    const wxString total = FormatCount(static_cast<long long>(shown.Model().CommitmentCount()));
    BOOST_TEST(shown.view->Summary() ==
               wxString::Format(wxPLURAL("%s of %s commitment matches", "%s of %s commitments match", expected),
                                FormatCount(static_cast<long long>(expected)), total));
    shown.view->FilterBox()->SetValue("LOG-01"); // one commitment: the summary says it in the singular
    Settle();
    BOOST_TEST(VisibleCommitments(shown.Model()) == 1u);
    BOOST_TEST(shown.view->Summary() ==
               wxString::Format(wxPLURAL("%s of %s commitment matches", "%s of %s commitments match", 1), "1", total));
    shown.view->FilterBox()->SetValue("zzzz");
    Settle();
    BOOST_TEST(VisibleCommitments(shown.Model()) == 0u);
    BOOST_TEST(shown.view->Summary().Contains("zzzz"));
    shown.view->FilterBox()->SetValue(wxString());
    Settle();
    BOOST_TEST(VisibleCommitments(shown.Model()) == shown.Model().CommitmentCount());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(commitments_view_conflicts)

BOOST_AUTO_TEST_CASE(edit_over_a_newer_version_asks_then_keeps_mine)
{
    Shown shown(Backend::Sqlite);
    const Commitment* row = FindWithStatus(shown.Model(), CommitmentStatus::InProgress);
    BOOST_REQUIRE(row);
    const Commitment opened = *row; // what the user opened in the editor
    // Meanwhile someone else saves the same commitment.
    Commitment theirs = opened;
    theirs.title = "Titre changé par un collègue";
    theirs = CommitmentRepository(shown.Db()).Update(theirs);

    int differing = -1;
    AnswerModal<ConflictDialog>([&](ConflictDialog& dialog) {
        differing = dialog.DifferingFieldCount();
        Click(dialog, ConflictDialog::KeepMineId);
    });
    CommitmentValues mine{opened.themeId,         opened.ref,   "Mon titre", opened.description,
                          CommitmentStatus::Done, opened.origin};
    const SaveOutcome outcome = shown.view->SaveCommitment(&opened, mine, shown.frame);
    Settle();
    BOOST_TEST(differing >= 1); // at least the title differs
    BOOST_TEST(outcome.saved);
    const Commitment stored = CommitmentRepository(shown.Db()).Get(opened.id);
    BOOST_TEST(stored.title == "Mon titre");
    BOOST_TEST((stored.status == CommitmentStatus::Done)); // the new status, recorded in the history
    BOOST_TEST((CommitmentRepository(shown.Db()).History(opened.id).back().status == CommitmentStatus::Done));
    BOOST_TEST(stored.version > theirs.version);
}

BOOST_AUTO_TEST_CASE(edit_over_a_newer_version_can_take_theirs)
{
    Shown shown(Backend::Sqlite);
    const Commitment opened = *FindWithStatus(shown.Model(), CommitmentStatus::Done);
    Commitment theirs = opened;
    theirs.title = "Titre changé par un collègue";
    theirs = CommitmentRepository(shown.Db()).Update(theirs);
    AnswerModal<ConflictDialog>([](ConflictDialog& dialog) { Click(dialog, ConflictDialog::TakeTheirsId); });
    CommitmentValues mine{opened.themeId, opened.ref, "Mon titre", opened.description, opened.status, opened.origin};
    const SaveOutcome outcome = shown.view->SaveCommitment(&opened, mine, shown.frame);
    BOOST_TEST(!outcome.saved);
    BOOST_TEST(outcome.closeDialog);
    const Commitment stored = CommitmentRepository(shown.Db()).Get(opened.id);
    BOOST_TEST(stored.title == "Titre changé par un collègue");
    BOOST_TEST(stored.version == theirs.version);
    // The view shows their version once reloaded.
    BOOST_TEST(WaitUntil([&] {
        const Commitment* c = shown.Model().CommitmentOf(shown.Model().ItemOfCommitment(opened.id));
        return c && c->title == theirs.title && !shown.view->IsLoading();
    }));
}

BOOST_AUTO_TEST_SUITE_END()
