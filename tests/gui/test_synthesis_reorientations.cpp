// The reorientation points page of the Synthèse area on a demo database: the list agrees with
// ListReorientations, the editor adopts a proposed point without losing its links, a dated note
// reaches the database and the detail, and the commitment born from a point carries its origin
// and its link with the change "new". Outcomes are read back from the database.

#include "app/areas.h"
#include "app/main_frame.h"
#include "app/reorientation_detail.h"
#include "app/reorientation_editing.h"
#include "app/reorientations_page.h"
#include "db/repositories.h"
#include "db/restitution.h"
#include "dialogs/domain_labels.h"
#include "dialogs/reorientation_dialog.h"
#include "dialogs/reorientation_note_dialog.h"
#include "dialogs/reorientation_pickers.h"
#include "gui_support.h"
#include "support/backends.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <set>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/textctrl.h>

using concerto::test::AnswerModal;
using concerto::test::WaitUntil;

using namespace concerto;

namespace {

struct Fixture : test::DemoFrameFixture {
    ReorientationsPage* page = nullptr;

    explicit Fixture(Backend backend = Backend::Sqlite) : DemoFrameFixture(backend, 300)
    {
        page = dynamic_cast<ReorientationsPage*>(test::ShowSynthesisPage(frame, 2, "reorientations-page"));
        BOOST_TEST_REQUIRE(page);
        BOOST_TEST_REQUIRE(WaitUntil([this] { return !page->IsLoading() && page->ListedCount() > 0; }));
    }
    // Waits for the reload a save announces, then selects `id` again.
    bool ReloadedWith(const std::function<bool()>& done)
    {
        return WaitUntil([&] { return !page->IsLoading() && done(); });
    }
    // A point of the demo with this decision.
    ReorientationDetail PointWith(Decision decision)
    {
        for (const auto& point : ListReorientations(Db(), ConsultationId()))
            if (point.point.decision == decision)
                return point;
        BOOST_FAIL("the demo has no point with that decision");
        return {};
    }
    // The links of a point as (commitment, topic, contribution, change) tuples, sorted.
    std::set<std::string> Links(const std::string& pointId)
    {
        std::set<std::string> links;
        for (const auto& link : ReorientationLinkRepository(Db()).ListBy("reorientation_id", pointId))
            links.insert(link.id + "|" + link.commitmentId + "|" + link.topicId + "|" + link.contributionId + "|" +
                         (link.change ? ToCode(*link.change) : ""));
        return links;
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(synthesis_reorientations)

BOOST_AUTO_TEST_CASE(lists_the_demo_points_as_the_database_has_them)
{
    Fixture f;
    const auto points = ListReorientations(f.Db(), f.ConsultationId());
    BOOST_TEST_REQUIRE(points.size() >= 4u);
    BOOST_TEST(f.page->ListedCount() == static_cast<int>(points.size()));
    std::set<std::string> expected, listed;
    for (const auto& point : points)
        expected.insert(point.point.title);
    for (int row = 0; row < f.page->ListedCount(); ++row)
        listed.insert(f.page->CellText(row, ReorientationsPage::TitleColumn).utf8_string());
    BOOST_TEST(listed == expected, boost::test_tools::per_element());
    // Adopted first.
    BOOST_TEST(f.page->CellText(0, ReorientationsPage::DecisionColumn) == DecisionName(Decision::Adopted));

    // The filter keeps the adopted ones only.
    const auto adopted = std::count_if(points.begin(), points.end(),
                                       [](const auto& point) { return point.point.decision == Decision::Adopted; });
    f.page->FilterDecision(Decision::Adopted);
    BOOST_TEST(f.page->ListedCount() == adopted);
    f.page->FilterDecision(std::nullopt);
    BOOST_TEST(f.page->ListedCount() == static_cast<int>(points.size()));

    // The detail shows the selected point's evidence and its commitments.
    const ReorientationDetail& first = points.front();
    BOOST_TEST_REQUIRE(f.page->Select(first.point.id));
    BOOST_TEST(f.page->Detail().EvidenceCount() == static_cast<int>(first.evidence.size()));
    for (const auto& change : first.commitments)
        BOOST_TEST(f.page->Detail().SummaryText().Contains(wxString::FromUTF8(change.ref)));
    if (!first.evidence.empty()) {
        f.page->Detail().SelectEvidence(0);
        BOOST_TEST(WaitUntil([&] { return !f.page->Detail().IsLoadingText(); }));
        const auto contribution = ContributionRepository(f.Db()).Get(first.evidence.front().contributionId);
        BOOST_TEST(f.page->Detail().FullText().Contains(wxString::FromUTF8(contribution.body)));
    }
}

BOOST_AUTO_TEST_CASE(adopting_a_proposed_point_keeps_its_links)
{
    Fixture f;
    const ReorientationDetail proposed = f.PointWith(Decision::Proposed);
    const auto linksBefore = f.Links(proposed.point.id);
    BOOST_TEST_REQUIRE(linksBefore.size() >= 2u);
    BOOST_TEST_REQUIRE(f.page->Select(proposed.point.id));

    bool answered = false;
    AnswerModal<ReorientationDialog>([&](ReorientationDialog& dialog) {
        auto* decision = static_cast<wxChoice*>(dialog.FieldWindow(ReorientationDialog::Field::Decision));
        decision->SetStringSelection(DecisionName(Decision::Adopted));
        static_cast<wxTextCtrl*>(dialog.FieldWindow(ReorientationDialog::Field::FollowUp))
            ->ChangeValue(wxString::FromUTF8("Inscrit au budget 2025"));
        answered = dialog.Submit();
    });
    f.page->EditSelected();
    BOOST_TEST_REQUIRE(answered);

    const Reorientation stored = ReorientationRepository(f.Db()).Get(proposed.point.id);
    BOOST_TEST(ToCode(stored.decision) == std::string("adopted"));
    BOOST_TEST(stored.followUp == "Inscrit au budget 2025");
    BOOST_TEST(stored.title == proposed.point.title);
    BOOST_TEST(stored.version == proposed.point.version + 1);
    const auto linksAfter = f.Links(proposed.point.id);
    BOOST_TEST(linksAfter == linksBefore, boost::test_tools::per_element());

    // The list follows: the point is now among the adopted ones.
    BOOST_TEST(f.ReloadedWith([&] {
        for (int row = 0; row < f.page->ListedCount(); ++row)
            if (f.page->CellText(row, ReorientationsPage::TitleColumn) == wxString::FromUTF8(stored.title))
                return f.page->CellText(row, ReorientationsPage::DecisionColumn) == DecisionName(Decision::Adopted);
        return false;
    }));
}

BOOST_AUTO_TEST_CASE(editor_links_a_commitment_with_its_change)
{
    Fixture f;
    const ReorientationDetail point = f.PointWith(Decision::Deferred);
    ReorientationEditor editor(f.frame->Context(), f.page->Choices());
    std::set<std::string> linked;
    for (const auto& change : point.commitments)
        linked.insert(change.commitmentId);
    const auto& all = f.page->Choices().commitments;
    const auto other = std::find_if(all.begin(), all.end(), [&](const Commitment& c) { return !linked.count(c.id); });
    BOOST_TEST_REQUIRE((other != all.end()));

    ReorientationDialog dialog(f.frame, editor.Choices(), DraftFrom(point), point.evidence, editor.Saver());
    dialog.TransferDataToWindow();
    dialog.LinkCommitment(other->id, ChangeKind::Dropped);
    BOOST_TEST_REQUIRE(dialog.Submit());

    const auto links = ReorientationLinkRepository(f.Db()).ListBy("reorientation_id", point.point.id);
    const auto added =
        std::find_if(links.begin(), links.end(), [&](const auto& l) { return l.commitmentId == other->id; });
    BOOST_TEST_REQUIRE((added != links.end()));
    BOOST_TEST((added->change == ChangeKind::Dropped));
    BOOST_TEST(links.size() == f.Links(point.point.id).size());
    BOOST_TEST(links.size() == point.commitments.size() + point.topics.size() + point.evidence.size() + 1);

    // An empty title is refused, naming the field, and nothing is saved.
    ReorientationDialog empty(f.frame, editor.Choices(), ReorientationDraft{}, {}, editor.Saver());
    empty.TransferDataToWindow();
    BOOST_TEST(!empty.Submit());
    BOOST_TEST(empty.ProblemText() == _("Title: say in a few words what the point changes."));
}

BOOST_AUTO_TEST_CASE(a_note_reaches_the_database_and_the_detail)
{
    Fixture f;
    const ReorientationDetail point = f.PointWith(Decision::Adopted);
    BOOST_TEST_REQUIRE(f.page->Select(point.point.id));
    const std::string body = "Comité de suivi du 3 février 2025 : calendrier validé.";
    bool answered = false;
    AnswerModal<ReorientationNoteDialog>([&](ReorientationNoteDialog& dialog) {
        dialog.DayField()->ChangeValue("03/02/2025");
        dialog.BodyField()->ChangeValue(wxString::FromUTF8(body));
        answered = dialog.Submit();
    });
    f.page->AddNote();
    BOOST_TEST_REQUIRE(answered);

    const auto notes = ReorientationNoteRepository(f.Db()).ListBy("reorientation_id", point.point.id);
    const auto note = std::find_if(notes.begin(), notes.end(), [&](const auto& n) { return n.body == body; });
    BOOST_TEST_REQUIRE((note != notes.end()));
    BOOST_TEST(note->notedOn.ToIso() == "2025-02-03");
    BOOST_TEST(notes.size() == point.notes.size() + 1);

    BOOST_TEST(f.ReloadedWith([&] { return f.page->Detail().SummaryText().Contains(wxString::FromUTF8(body)); }));
    BOOST_TEST((f.page->Selected() && f.page->Selected()->point.id == point.point.id));
    // The latest note's day is listed.
    BOOST_TEST(f.ReloadedWith([&] {
        for (int row = 0; row < f.page->ListedCount(); ++row)
            if (f.page->CellText(row, ReorientationsPage::NoteColumn) == "03/02/2025")
                return true;
        return false;
    }));
}

BOOST_AUTO_TEST_CASE(the_new_commitment_is_born_from_the_point)
{
    Fixture f;
    const ReorientationDetail point = f.PointWith(Decision::Proposed);
    BOOST_TEST_REQUIRE(f.page->Select(point.point.id));
    const long long before =
        CommitmentRepository(f.Db()).Count({CommitmentRepository::Equals("consultation_id", f.ConsultationId())});
    wxString suggested;
    bool answered = false;
    AnswerModal<PointCommitmentDialog>([&](PointCommitmentDialog& dialog) {
        suggested = dialog.RefField()->GetValue();
        answered = dialog.Submit();
    });
    f.page->CreateCommitment();
    BOOST_TEST_REQUIRE(answered);
    // The demo has NOUV-1 and NOUV-2.
    BOOST_TEST(suggested == "NOUV-3");

    const auto born =
        CommitmentRepository(f.Db()).List({CommitmentRepository::Equals("consultation_id", f.ConsultationId()),
                                           CommitmentRepository::Equals("ref", "NOUV-3")});
    BOOST_TEST_REQUIRE(born.size() == 1u);
    BOOST_TEST(born.front().origin == "restitution");
    BOOST_TEST(born.front().title == point.point.title);
    BOOST_TEST(CommitmentRepository(f.Db()).Count(
                   {CommitmentRepository::Equals("consultation_id", f.ConsultationId())}) == before + 1);
    const auto links = ReorientationLinkRepository(f.Db()).ListBy("reorientation_id", point.point.id);
    const auto link =
        std::find_if(links.begin(), links.end(), [&](const auto& l) { return l.commitmentId == born.front().id; });
    BOOST_TEST_REQUIRE((link != links.end()));
    BOOST_TEST((link->change == ChangeKind::New));

    // The list shows it on the point.
    BOOST_TEST(f.ReloadedWith([&] {
        const ReorientationDetail* selected = f.page->Selected();
        return selected && selected->point.id == point.point.id && f.page->Detail().SummaryText().Contains("NOUV-3");
    }));
}

BOOST_AUTO_TEST_CASE(evidence_picker_offers_the_contributions_behind_the_links)
{
    Fixture f;
    const ReorientationDetail point = f.PointWith(Decision::Adopted);
    ReorientationEditor editor(f.frame->Context(), f.page->Choices());
    EvidenceQuery query;
    for (const auto& topic : point.topics)
        query.topicIds.push_back(topic.id);
    for (const auto& change : point.commitments)
        query.commitmentIds.push_back(change.commitmentId);
    const auto expected = FindEvidenceCandidates(f.Db(), f.ConsultationId(), query);
    std::set<std::string> linked;
    for (const auto& item : point.evidence)
        linked.insert(item.contributionId);
    const auto offered = std::count_if(expected.begin(), expected.end(),
                                       [&](const EvidenceItem& item) { return !linked.count(item.contributionId); });
    BOOST_TEST_REQUIRE(offered > 0);
    EvidencePickerDialog picker(f.frame, editor.EvidenceSource(), query, linked);
    BOOST_TEST(WaitUntil([&] { return picker.CandidateCount() == offered; }));
}

BOOST_AUTO_TEST_CASE(on_postgresql_the_page_lists_searches_and_creates)
{
    Fixture f(Backend::Postgresql);
    const auto points = ListReorientations(f.Db(), f.ConsultationId());
    BOOST_TEST(f.page->ListedCount() == static_cast<int>(points.size()));
    BOOST_TEST(f.page->Choices().owners.size() >= 4u);

    // Full-text search offers only matching, non-excluded contributions of the consultation.
    EvidenceQuery words;
    words.words = "canicule";
    const auto found = FindEvidenceCandidates(f.Db(), f.ConsultationId(), words);
    ContributionFilter filter;
    filter.consultationId = f.ConsultationId();
    filter.search = "canicule";
    const long long matching = ContributionRepository(f.Db()).CountMatching(filter);
    BOOST_TEST(!found.empty());
    BOOST_TEST(static_cast<long long>(found.size()) <= matching);

    const ReorientationDetail point = f.PointWith(Decision::Deferred);
    BOOST_TEST_REQUIRE(f.page->Select(point.point.id));
    bool answered = false;
    AnswerModal<PointCommitmentDialog>([&](PointCommitmentDialog& dialog) {
        dialog.RefField()->ChangeValue("NOUV-9");
        answered = dialog.Submit();
    });
    f.page->CreateCommitment();
    BOOST_TEST_REQUIRE(answered);
    const auto born = CommitmentRepository(f.Db()).FindBy("ref", "NOUV-9");
    BOOST_TEST_REQUIRE(born.has_value());
    BOOST_TEST(born->origin == "restitution");
    BOOST_TEST(NextNewCommitmentRef(f.Db(), f.ConsultationId()) == "NOUV-10");
}

BOOST_AUTO_TEST_SUITE_END()
