// The salient topics page of the Synthèse area on a demo database: the list agrees with
// ListTopics, a topic's detail shows its evidence, the editor creates a topic with its links
// (read back), a merge folds topics in the database; and the commitments area's timeline
// shows the reorientation points that touched a commitment.

#include "gui_support.h"
#include "app/areas.h"
#include "app/commitment_detail.h"
#include "app/commitment_panel.h"
#include "app/localization.h"
#include "app/main_frame.h"
#include "app/topics_detail.h"
#include "app/topics_page.h"
#include "db/repositories.h"
#include "db/restitution.h"
#include "dialogs/topic_dialog.h"
#include "support/backends.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <set>
#include <wx/choicdlg.h>
#include <wx/textctrl.h>

using concerto::test::AnswerModal;
using concerto::test::PressOk;
using concerto::test::Settle;
using concerto::test::WaitUntil;

using namespace concerto;

namespace {

/// A frame on a demo database showing the Synthèse area's topics page, loaded.
struct Shown : test::DemoFrameFixture {
    TopicsPage* page = nullptr;

    explicit Shown(Backend backend = Backend::Sqlite) : DemoFrameFixture(backend, 300)
    {
        page = dynamic_cast<TopicsPage*>(test::ShowSynthesisPage(frame, 1, "topics-page"));
        BOOST_REQUIRE(page);
        const auto expected = static_cast<int>(ListTopics(Db(), ConsultationId()).size());
        BOOST_REQUIRE(expected > 0);
        BOOST_REQUIRE(Listed(expected));
    }
    /// Waits for a load that lists `count` topics.
    bool Listed(int count)
    {
        return WaitUntil([&] { return !page->IsLoading() && page->ListedCount() == count; });
    }
    bool EvidenceShown()
    {
        return WaitUntil([&] { return !page->IsLoadingEvidence() && page->Detail().HasEvidence(); });
    }
};

std::set<std::string> IdsOf(const std::vector<TopicSummary::Named>& named)
{
    std::set<std::string> ids;
    for (const auto& item : named)
        ids.insert(item.id);
    return ids;
}

} // namespace

BOOST_AUTO_TEST_SUITE(synthesis_topics)

namespace {
void CheckListAgainstDatabase(Shown& shown)
{
    const auto topics = ListTopics(shown.Db(), shown.ConsultationId());
    BOOST_REQUIRE(shown.page->ListedCount() == static_cast<int>(topics.size()));
    for (std::size_t i = 0; i < topics.size(); ++i) {
        const int row = static_cast<int>(i);
        BOOST_TEST(shown.page->CellText(row, TopicsPage::TitleColumn).utf8_string() == topics[i].topic.title);
        BOOST_TEST(shown.page->CellText(row, TopicsPage::ContributionsColumn) == FormatCount(topics[i].contributions));
        if (!topics[i].labels.empty())
            BOOST_TEST(shown.page->CellText(row, TopicsPage::LabelsColumn)
                           .Contains(wxString::FromUTF8(topics[i].labels.front().name)));
    }
}
} // namespace

BOOST_AUTO_TEST_CASE(lists_the_demo_topics)
{
    Shown shown;
    CheckListAgainstDatabase(shown);
}

BOOST_AUTO_TEST_CASE(lists_the_demo_topics_on_postgresql)
{
    Shown shown(Backend::Postgresql);
    CheckListAgainstDatabase(shown);
}

BOOST_AUTO_TEST_CASE(selecting_a_topic_shows_its_evidence)
{
    Shown shown;
    const auto topics = ListTopics(shown.Db(), shown.ConsultationId());
    // The topic with the most evidence, so that the detail has something to show.
    const auto most = std::max_element(topics.begin(), topics.end(), [](const auto& a, const auto& b) {
        return a.contributions < b.contributions;
    });
    BOOST_REQUIRE(shown.page->Select(most->topic.id));
    BOOST_REQUIRE(shown.EvidenceShown());
    const TopicEvidence expected = LoadTopicEvidence(shown.Db(), most->topic.id);
    BOOST_TEST(expected.total > 0);
    BOOST_TEST(shown.page->Detail().Evidence().total == expected.total);
    BOOST_TEST(shown.page->Detail().Evidence().items.size() == expected.items.size());
    BOOST_TEST(shown.page->Detail().FiguresText().StartsWith(FormatCount(expected.total)),
               shown.page->Detail().FiguresText());
    BOOST_TEST(shown.page->Detail().OverviewText().Contains(wxString::FromUTF8(most->topic.description)));

    // The first piece of evidence, selected, is shown in full.
    BOOST_REQUIRE(!expected.items.empty());
    shown.page->Detail().SelectEvidence(0);
    BOOST_REQUIRE(WaitUntil([&] { return !shown.page->Detail().IsLoadingText(); }));
    const Contribution first = ContributionRepository(shown.Db()).Get(expected.items.front().contributionId);
    BOOST_TEST(shown.page->Detail().EvidenceText().Contains(wxString::FromUTF8(first.body)));
}

BOOST_AUTO_TEST_CASE(the_editor_creates_a_topic_with_its_links)
{
    Shown shown;
    const TopicChoices& choices = shown.page->Choices();
    BOOST_REQUIRE(choices.labels.size() >= 2);
    BOOST_REQUIRE(!choices.commitments.empty());
    BOOST_REQUIRE(!choices.agoras.empty());
    const std::string label1 = choices.labels[0].id, label2 = choices.labels[1].id;
    const std::string commitment = choices.commitments.front().id;
    const std::string agora = choices.agoras.front().id;
    const std::size_t before = ListTopics(shown.Db(), shown.ConsultationId()).size();

    wxString refusal;
    AnswerModal<TopicDialog>([&](TopicDialog& dialog) {
        // No title: refused, the field named.
        BOOST_TEST(dialog.CheckLabel(label1));
        static_cast<wxTextCtrl*>(dialog.FieldWindow(TopicDialog::Field::Title))->ChangeValue(wxString());
        PressOk(dialog);
        BOOST_TEST(dialog.IsModal());
        refusal = dialog.ProblemText();

        // The filter narrows the labels without losing what is checked.
        dialog.FilterLabels(wxString::FromUTF8(choices.labels[1].name));
        BOOST_TEST(dialog.ListedLabelCount() >= 1u);
        BOOST_TEST(dialog.ListedLabelCount() < choices.labels.size());
        BOOST_TEST(dialog.CheckLabel(label2));
        dialog.FilterLabels(wxString());
        BOOST_TEST(dialog.CheckCommitment(commitment));
        dialog.SetAgoraOutcome(agora, wxString::FromUTF8("Trois pistes retenues pour la restitution."));
        static_cast<wxTextCtrl*>(dialog.FieldWindow(TopicDialog::Field::Title))
            ->ChangeValue(wxString::FromUTF8("Propreté et partage de la rue"));
        static_cast<wxTextCtrl*>(dialog.FieldWindow(TopicDialog::Field::Description))
            ->ChangeValue(wxString::FromUTF8("Deux étiquettes fusionnées."));
        PressOk(dialog);
        BOOST_TEST(!dialog.IsModal(), dialog.ProblemText());
    });
    shown.page->NewTopic();
    Settle();
    // The field is named (the dialog's own sentence, in whatever language the catalog gives).
    BOOST_TEST(refusal == _("Title: give the topic a short title, such as “Cleanliness of the streets”."), refusal);

    const auto topics = ListTopics(shown.Db(), shown.ConsultationId());
    BOOST_REQUIRE(topics.size() == before + 1);
    const auto created = std::find_if(topics.begin(), topics.end(),
                                      [](const auto& t) { return t.topic.title == "Propreté et partage de la rue"; });
    BOOST_REQUIRE(created != topics.end());
    BOOST_TEST(created->topic.description == "Deux étiquettes fusionnées.");
    BOOST_TEST((IdsOf(created->labels) == std::set<std::string>{label1, label2}));
    BOOST_TEST((IdsOf(created->commitments) == std::set<std::string>{commitment}));
    BOOST_REQUIRE(created->agoras.size() == 1u);
    BOOST_TEST(created->agoras.front().meetingId == agora);
    BOOST_TEST(created->agoras.front().outcome == "Trois pistes retenues pour la restitution.");

    // The page lists it, selected.
    BOOST_REQUIRE(shown.Listed(static_cast<int>(before + 1)));
    BOOST_TEST((shown.page->SelectedIds() == std::vector<std::string>{created->topic.id}));
}

BOOST_AUTO_TEST_CASE(merging_folds_topics_into_the_one_kept)
{
    Shown shown;
    const auto topics = ListTopics(shown.Db(), shown.ConsultationId());
    BOOST_REQUIRE(topics.size() >= 2);
    const TopicSummary& a = topics[0];
    const TopicSummary& b = topics[1];
    BOOST_REQUIRE(shown.page->SelectAll({a.topic.id, b.topic.id}));
    BOOST_TEST(shown.page->SelectedIds().size() == 2u);

    // Keep the second one listed: the first is folded into it.
    AnswerModal<wxSingleChoiceDialog>([](wxSingleChoiceDialog& dialog) {
        dialog.SetSelection(1);
        PressOk(dialog);
    });
    shown.page->MergeSelected();
    Settle();

    BOOST_TEST(!TopicRepository(shown.Db()).Find(a.topic.id).has_value());
    const TopicSummary kept = LoadTopic(shown.Db(), b.topic.id);
    std::set<std::string> labels = IdsOf(a.labels), commitments = IdsOf(a.commitments);
    labels.merge(IdsOf(b.labels));
    commitments.merge(IdsOf(b.commitments));
    BOOST_TEST((IdsOf(kept.labels) == labels));
    BOOST_TEST((IdsOf(kept.commitments) == commitments));
    BOOST_TEST(kept.agoras.size() >= std::max(a.agoras.size(), b.agoras.size()));

    BOOST_REQUIRE(shown.Listed(static_cast<int>(topics.size() - 1)));
    BOOST_TEST((shown.page->SelectedIds() == std::vector<std::string>{b.topic.id}));
}

BOOST_AUTO_TEST_CASE(commitment_timeline_shows_the_reorientation_points)
{
    Shown shown;
    // A commitment that a demo reorientation point touched.
    std::string commitmentId, pointTitle;
    for (const auto& point : ListReorientations(shown.Db(), shown.ConsultationId()))
        if (!point.commitments.empty()) {
            commitmentId = point.commitments.front().commitmentId;
            pointTitle = point.point.title;
            break;
        }
    BOOST_REQUIRE(!commitmentId.empty());

    shown.frame->ShowArea(CommitmentsArea);
    auto* view = dynamic_cast<CommitmentsPanel*>(shown.frame->View(CommitmentsArea));
    BOOST_REQUIRE(view);
    BOOST_REQUIRE(WaitUntil([&] { return !view->IsLoading(); }));
    BOOST_REQUIRE(view->SelectCommitment(commitmentId));
    BOOST_REQUIRE(WaitUntil([&] { return !view->IsLoadingHistory() && view->Detail().HistoryCount() > 0; }));
    const auto timeline = CommitmentTimeline(shown.Db(), commitmentId);
    BOOST_TEST(view->Detail().HistoryCount() == timeline.size());
    BOOST_TEST(view->Detail().HistoryText().Contains(wxString::FromUTF8(pointTitle)), view->Detail().HistoryText());
}

BOOST_AUTO_TEST_SUITE_END()
