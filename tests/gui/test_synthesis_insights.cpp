// The insights page of the Synthèse area on the demo consultation: the matrix has a row per
// commitment with the figures LoadInsights reads, clicking a flag lists its evidence and a
// contribution's full text, the chart has the neighbourhoods, the filter and a tag saved
// elsewhere reach the page, and an empty consultation says what to do.

#include "gui_support.h"
#include "app/app_context.h"
#include "app/areas.h"
#include "app/bar_chart.h"
#include "app/insights_evidence.h"
#include "app/insights_flags.h"
#include "app/insights_matrix.h"
#include "app/insights_page.h"
#include "app/localization.h"
#include "app/main_frame.h"
#include "db/contribution_heading.h"
#include "db/repositories.h"
#include "db/repository.h"
#include "db/restitution.h"
#include "db/synthesis.h"
#include "dialogs/commitment_dialog.h"
#include "dialogs/reorientation_dialog.h"
#include "support/backends.h"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <wx/intl.h>
#include <wx/button.h>
#include <wx/srchctrl.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

using concerto::test::AnyShownText;
using concerto::test::Settle;
using concerto::test::WaitUntil;

using namespace concerto;

namespace {

struct InsightsFixture : test::DemoFrameFixture {
    InsightsPage* page = nullptr;

    explicit InsightsFixture(Backend backend = Backend::Sqlite) : DemoFrameFixture(backend, 600)
    {
        page = dynamic_cast<InsightsPage*>(test::ShowSynthesisPage(frame, 0, "insights-page"));
        BOOST_REQUIRE(page);
        BOOST_REQUIRE(WaitUntil([&] { return page->LoadCount() >= 1 && !page->IsLoading(); }));
    }

    Insights Expected() { return LoadInsights(Db(), ConsultationId()); }

    // The demo's contributions that count: all but the excluded ones.
    long long NotExcluded()
    {
        return ContributionRepository(Db()).Count({Repository<Contribution>::Equals("consultation_id", ConsultationId()),
                                                    Condition{"c.state <> 'excluded'", {}}});
    }

    // Clicks the middle of `rect`, in `window`'s client coordinates, as a user would.
    void ClickAt(wxWindow* window, const wxRect& rect)
    {
        wxUIActionSimulator simulator;
        simulator.MouseMove(window->ClientToScreen(wxPoint(rect.x + std::min(rect.width / 2, 120), rect.y + rect.height / 2)));
        Settle(50);
        simulator.MouseClick();
        Settle();
    }

    void ClickFlag(const FlagRef& ref)
    {
        InsightsFlagTree& tree = page->Flags();
        const wxTreeItemId item = tree.ItemOf(ref);
        BOOST_REQUIRE(item.IsOk());
        tree.EnsureVisible(item);
        Settle();
        wxRect rect;
        BOOST_REQUIRE(tree.GetBoundingRect(item, rect, true));
        ClickAt(&tree, rect);
        BOOST_REQUIRE(WaitUntil([&] { return tree.GetSelection() == item && !page->IsLoadingEvidence(); }));
    }
};

wxString ExpectedCell(long long count, long long total)
{
    if (count == 0)
        return "0";
    const int percent = static_cast<int>(std::lround(100.0 * static_cast<double>(count) / static_cast<double>(total)));
    return wxString::Format(_("%s (%d %%)"), FormatCount(count), percent);
}

} // namespace

BOOST_AUTO_TEST_SUITE(synthesis_insights)

BOOST_FIXTURE_TEST_CASE(shows_a_matrix_row_per_commitment, InsightsFixture)
{
    const Insights expected = Expected();
    BOOST_REQUIRE(!expected.matrix.empty());
    BOOST_TEST(expected.contributions == NotExcluded());
    const auto rows = page->Matrix().RowTexts();
    BOOST_REQUIRE(rows.size() == expected.matrix.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const StanceRow& row = expected.matrix[i];
        const wxString start = wxString::FromUTF8(row.themeCode + " | " + row.ref + " | " + row.title + " | ") +
                               CommitmentStatusLabel(row.status) + " | " + FormatCount(row.counts.total);
        BOOST_TEST(rows[i].AfterFirst('|').Trim(false).StartsWith(start), rows[i]);
        wxString stances;
        for (long long count : row.counts.byStance)
            stances += " | " + ExpectedCell(count, row.counts.total);
        BOOST_TEST(rows[i].EndsWith(stances), rows[i]);
    }
    // Flagged rows are marked, the others not.
    std::size_t marked = 0;
    for (const wxString& row : rows)
        marked += row.StartsWith(" |") ? 0 : 1;
    BOOST_TEST(marked == expected.disagreements.size() + expected.unmentioned.size());
    BOOST_TEST(page->TotalsText().Contains(FormatCount(expected.contributions)));
    BOOST_TEST(page->TotalsText().Contains(FormatCount(expected.linked)));
    BOOST_TEST(AnyShownText(frame, page->TotalsText()));
}

BOOST_FIXTURE_TEST_CASE(clicking_a_flag_lists_its_evidence, InsightsFixture)
{
    const Insights expected = Expected();
    const bool disagreement = !expected.disagreements.empty();
    BOOST_REQUIRE((disagreement || !expected.unlinked.empty()));
    const std::vector<std::string>& evidence =
        disagreement ? expected.disagreements.front().evidence : expected.unlinked.front().evidence;
    BOOST_REQUIRE(!evidence.empty());
    BOOST_TEST(page->ShowsChart());

    ClickFlag({disagreement ? FlagKind::Disagreement : FlagKind::Unlinked, 0});
    BOOST_TEST(!page->ShowsChart());
    const auto rows = page->Evidence().RowTexts();
    BOOST_REQUIRE(rows.size() == evidence.size());
    for (std::size_t i : {std::size_t{0}, evidence.size() - 1}) {
        ContributionHeading heading;
        Bindings params;
        params.Text("id", evidence[i]);
        BOOST_REQUIRE(ReadContributionHeading(Db(), "c.id = :id", params, heading));
        BOOST_TEST(rows[i].StartsWith(wxString::Format(_("No. %s"), FormatCount(heading.seq))), rows[i]);
        BOOST_TEST(rows[i].Contains(wxString::FromUTF8(heading.channel)), rows[i]);
        if (!heading.neighbourhood.empty())
            BOOST_TEST(rows[i].Contains(wxString::FromUTF8(heading.neighbourhood)), rows[i]);
    }
    // The first contribution is shown in full at once; selecting another shows its whole text.
    const Contribution first = ContributionRepository(Db()).Get(evidence.front());
    BOOST_TEST(page->Evidence().FullText().Contains(wxString::FromUTF8(first.body)));
    EvidenceList* list = page->Evidence().List();
    const int other = evidence.size() > 1 ? 1 : 0;
    ClickAt(list, list->GetItemRect(static_cast<size_t>(other)));
    BOOST_REQUIRE(WaitUntil([&] { return list->GetSelection() == other; }, 5000));
    const Contribution chosen = ContributionRepository(Db()).Get(evidence[static_cast<std::size_t>(other)]);
    BOOST_TEST(page->Evidence().FullText().Contains(wxString::FromUTF8(chosen.body)));
    BOOST_TEST(page->Evidence().ProposeButton()->IsEnabled());
}

BOOST_FIXTURE_TEST_CASE(enter_on_a_flag_proposes_a_reorientation_point, InsightsFixture)
{
    const Insights expected = Expected();
    BOOST_REQUIRE(!expected.disagreements.empty());
    const DisagreementFlag& flag = expected.disagreements.front();
    ClickFlag({FlagKind::Disagreement, 0});
    page->Flags().SetFocus();
    Settle();
    wxString title;
    test::WhenShown<ReorientationDialog> answer([&](ReorientationDialog& dialog) {
        if (auto* field = dynamic_cast<wxTextCtrl*>(dialog.FieldWindow(ReorientationDialog::Field::Title)))
            title = field->GetValue();
        test::PressOk(dialog);
    });
    wxUIActionSimulator().Char(WXK_RETURN);
    BOOST_REQUIRE(WaitUntil([&] { return answer.Done(); }, 20000));
    Settle();
    BOOST_TEST(title.Contains(wxString::FromUTF8(flag.commitment.ref)));

    const auto points = ListReorientations(Db(), ConsultationId());
    const ReorientationDetail* saved = nullptr;
    for (const ReorientationDetail& point : points)
        if (point.point.title == title.utf8_string())
            saved = &point;
    BOOST_REQUIRE(saved);
    BOOST_TEST((saved->point.decision == Decision::Proposed));
    BOOST_REQUIRE(saved->commitments.size() == 1);
    BOOST_TEST(saved->commitments.front().commitmentId == flag.commitment.commitmentId);
    BOOST_TEST((saved->commitments.front().change == ChangeKind::Amended));
    const std::size_t cited = std::min<std::size_t>(10, flag.evidence.size());
    BOOST_REQUIRE(saved->evidence.size() == cited);
    for (std::size_t i = 0; i < cited; ++i)
        BOOST_TEST(saved->evidence[i].contributionId == flag.evidence[i]);
}

BOOST_FIXTURE_TEST_CASE(the_chart_has_the_neighbourhoods, InsightsFixture)
{
    const Insights expected = Expected();
    BOOST_REQUIRE(!expected.byNeighbourhood.empty());
    BOOST_TEST(page->ShowsChart());
    const BarChart::Series& series = page->NeighbourhoodChart().GetSeries();
    BOOST_REQUIRE(series.size() == expected.byNeighbourhood.size());
    long long sum = 0;
    for (std::size_t i = 0; i < series.size(); ++i) {
        if (!expected.byNeighbourhood[i].neighbourhoodId.empty())
            BOOST_TEST(series[i].first == wxString::FromUTF8(expected.byNeighbourhood[i].name));
        BOOST_TEST(series[i].second == expected.byNeighbourhood[i].count);
        sum += series[i].second;
    }
    BOOST_TEST(sum == NotExcluded());
    BOOST_TEST(page->NeighbourhoodChart().IsShownOnScreen());
    const auto neighbourhoods = NeighbourhoodRepository(Db()).List();
    BOOST_TEST(series.size() >= 6);
    BOOST_TEST(neighbourhoods.size() >= 6);
}

BOOST_FIXTURE_TEST_CASE(ctrl_f_filters_the_matrix, InsightsFixture)
{
    const Insights expected = Expected();
    BOOST_REQUIRE(expected.matrix.size() > 3);
    const std::string ref = expected.matrix[2].ref;
    page->Matrix().SetFocus();
    Settle();
    wxUIActionSimulator simulator;
    simulator.Char('f', wxMOD_CONTROL);
    Settle();
    auto* filter = dynamic_cast<wxSearchCtrl*>(wxWindow::FindWindowByName("insights-filter", page));
    BOOST_REQUIRE(filter);
    BOOST_TEST(frame->CurrentArea() == SynthesisArea);
    BOOST_TEST(wxWindow::FindFocus() != page->Matrix().GetMainWindow());
    filter->SetValue(wxString::FromUTF8(ref)); // what typing does, through the same event
    Settle();
    BOOST_REQUIRE(page->Matrix().ShownCount() >= 1);
    BOOST_TEST(page->Matrix().ShownCount() < expected.matrix.size());
    for (const wxString& row : page->Matrix().RowTexts())
        BOOST_TEST(row.Lower().Contains(wxString::FromUTF8(ref).Lower()), row);
    filter->SetValue(wxString());
    Settle();
    BOOST_TEST(page->Matrix().ShownCount() == expected.matrix.size());
}

BOOST_FIXTURE_TEST_CASE(a_tag_saved_elsewhere_reaches_the_matrix, InsightsFixture)
{
    const Insights before = Expected();
    BOOST_REQUIRE(!before.unmentioned.empty());
    const StanceRow target = before.unmentioned.front();
    const auto contributions =
        ContributionRepository(Db()).List({Repository<Contribution>::Equals("consultation_id", ConsultationId()),
                                           Condition{"c.state <> 'excluded'", {}}},
                                          1);
    BOOST_REQUIRE(!contributions.empty());
    Tag tag;
    tag.contributionId = contributions.front().id;
    tag.commitmentId = target.commitmentId;
    tag.stance = Stance::Criticism;
    tag.coder = "Test";
    tag.taggedAt = Timestamp::Now();
    TagRepository(Db()).Create(tag);
    frame->Context().NotifyChanged("tag");
    BOOST_REQUIRE(WaitUntil([&] {
        for (const StanceRow& row : page->Shown().matrix)
            if (row.commitmentId == target.commitmentId)
                return row.counts.total == 1;
        return false;
    }));
    bool found = false;
    for (const wxString& row : page->Matrix().RowTexts())
        if (row.Contains(" | " + wxString::FromUTF8(target.ref) + " | ")) {
            found = true;
            BOOST_TEST(row.Contains(" | 1 | 0 | " + ExpectedCell(1, 1) + " | "), row);
        }
    BOOST_TEST(found);
    BOOST_TEST(!page->Flags().ItemOfCommitment(target.commitmentId).IsOk());
}

BOOST_AUTO_TEST_CASE(works_on_postgresql_too)
{
    InsightsFixture f(Backend::Postgresql);
    const Insights expected = f.Expected();
    BOOST_REQUIRE(!expected.matrix.empty());
    BOOST_TEST(f.page->Matrix().RowTexts().size() == expected.matrix.size());
    BOOST_TEST(f.page->Shown().linked == expected.linked);
    BOOST_TEST(f.page->NeighbourhoodChart().GetSeries().size() == expected.byNeighbourhood.size());
    BOOST_REQUIRE(!expected.unlinked.empty());
    f.ClickFlag({FlagKind::Unlinked, 0});
    BOOST_TEST(f.page->Evidence().RowTexts().size() == expected.unlinked.front().evidence.size());
}

BOOST_AUTO_TEST_CASE(an_empty_consultation_says_what_to_do)
{
    auto db = test::FreshDatabase(Backend::Sqlite);
    Consultation consultation;
    consultation.title = "Consultation vide";
    ConsultationRepository(*db).Create(consultation);
    auto* frame = new MainFrame(std::move(db));
    frame->SetSize(1366, 768);
    frame->Show();
    Settle();
    frame->ShowArea(SynthesisArea);
    Settle();
    auto* page = dynamic_cast<InsightsPage*>(wxWindow::FindWindowByName("insights-page", frame));
    BOOST_REQUIRE(page);
    BOOST_REQUIRE(WaitUntil([&] { return page->LoadCount() >= 1 && !page->IsLoading(); }));
    BOOST_TEST(AnyShownText(frame, _("No contribution yet")));
    BOOST_TEST(!page->Matrix().IsShownOnScreen());
    frame->Destroy();
    Settle();
}

BOOST_AUTO_TEST_SUITE_END()
