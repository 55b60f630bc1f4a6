// Salient topics on both backends: saving reconciles links in place, validation and conflicts
// write nothing, merging folds links and citing points, evidence counts on a hand-built case.

#include "core/errors.h"
#include "test_restitution_world.h"

#include <algorithm>

using namespace concerto;
using concerto::test::Agora;
using concerto::test::RestitutionWorld;

namespace {

// Every link row of a topic, by what it points at: "label:<id>", "commitment:<id>", "meeting:<id>".
std::map<std::string, TopicLink> LinkRows(Database& db, const std::string& topicId)
{
    std::map<std::string, TopicLink> rows;
    for (const auto& link : TopicLinkRepository(db).ListBy("topic_id", topicId)) {
        const std::string key = !link.labelId.empty()        ? "label:" + link.labelId
                                : !link.commitmentId.empty() ? "commitment:" + link.commitmentId
                                                             : "meeting:" + link.meetingId;
        BOOST_TEST(rows.count(key) == 0u);
        rows[key] = link;
    }
    return rows;
}

bool MessageContains(const Error& e, const std::string& part)
{
    return std::string(e.what()).find(part) != std::string::npos;
}

} // namespace

BOOST_AUTO_TEST_SUITE(restitution)

BACKEND_TEST(restitution_topic_save_reconciles_links_in_place)
{
    RestitutionWorld w(db);
    const Topic created = w.SaveNewTopic("  Nature en ville ", {w.ombre.id, w.arbres.id, w.arbres.id},
                                         {w.s.commitment.id}, {Agora(w.agora1, "Planter 200 arbres")});
    BOOST_TEST(created.version == 1);
    BOOST_TEST(TopicRepository(db).Get(created.id).title == "Nature en ville");
    auto before = LinkRows(db, created.id);
    BOOST_TEST(before.size() == 4u);
    BOOST_TEST(before["meeting:" + w.agora1.id].outcome == "Planter 200 arbres");

    const TopicSummary loaded = LoadTopic(db, created.id);
    BOOST_TEST(loaded.labels.size() == 2u);
    BOOST_TEST(loaded.labels[0].name == "arbres");
    BOOST_TEST(loaded.labels[1].name == "ombre");
    BOOST_TEST(loaded.commitments.size() == 1u);
    BOOST_TEST(loaded.commitments[0].code == "LOG-01");
    BOOST_TEST(loaded.commitments[0].name == w.s.commitment.title);
    BOOST_TEST(loaded.agoras.size() == 1u);
    BOOST_TEST(loaded.agoras[0].ref == "AG-1");
    BOOST_TEST(loaded.agoras[0].outcome == "Planter 200 arbres");

    // Drop ombre, add bruit and a second agora, change the first agora's outcome.
    TopicDraft draft;
    draft.topic = loaded.topic;
    draft.topic.description = "Arbres, ombre et fraîcheur";
    draft.labelIds = {w.arbres.id, w.bruit.id};
    draft.commitmentIds = {w.s.commitment.id};
    draft.agoras = {Agora(w.agora2, "Îlots de fraîcheur"), Agora(w.agora1, "Planter 300 arbres")};
    const Topic saved = SaveTopic(db, draft);
    BOOST_TEST(saved.version == 2);
    BOOST_TEST(TopicRepository(db).Get(created.id).description == "Arbres, ombre et fraîcheur");

    auto after = LinkRows(db, created.id);
    BOOST_TEST(after.size() == 5u);
    for (const std::string& key : {"label:" + w.arbres.id, "commitment:" + w.s.commitment.id}) {
        BOOST_TEST(after[key].id == before[key].id);
        BOOST_TEST(after[key].version == before[key].version);
    }
    const std::string agoraKey = "meeting:" + w.agora1.id;
    BOOST_TEST(after[agoraKey].id == before[agoraKey].id);
    BOOST_TEST(after[agoraKey].version == 2);
    BOOST_TEST(after[agoraKey].outcome == "Planter 300 arbres");
    BOOST_TEST(after.count("label:" + w.ombre.id) == 0u);
    BOOST_TEST(after["label:" + w.bruit.id].version == 1);
    BOOST_TEST(after["meeting:" + w.agora2.id].outcome == "Îlots de fraîcheur");
    BOOST_TEST(after["meeting:" + w.agora2.id].version == 1);

    // Agoras by date: AG-2 (5 November) before AG-1 (15 November).
    const TopicSummary reloaded = LoadTopic(db, created.id);
    BOOST_TEST(reloaded.agoras.size() == 2u);
    BOOST_TEST(reloaded.agoras[0].ref == "AG-2");
    BOOST_TEST(reloaded.agoras[1].ref == "AG-1");
    BOOST_TEST(reloaded.agoras[0].startsAt.ToIso() == "2023-11-05 18:30:00");
}

BACKEND_TEST(restitution_topic_validation_and_conflicts_write_nothing)
{
    RestitutionWorld w(db);
    const Topic topic = w.SaveNewTopic("Logement", {w.arbres.id}, {w.s.commitment.id});
    const auto links = w.Versions("topic_link", "topic_id", topic.id);
    const long long topics = w.Count("topic"), allLinks = w.Count("topic_link");

    auto draftWith = [&](auto change) {
        TopicDraft draft;
        draft.topic = topic;
        draft.labelIds = {w.arbres.id, w.ombre.id};
        draft.commitmentIds = {w.s.commitment.id};
        change(draft);
        return draft;
    };
    auto unchanged = [&] {
        BOOST_TEST(w.Count("topic") == topics);
        BOOST_TEST(w.Count("topic_link") == allLinks);
        BOOST_TEST((w.Versions("topic_link", "topic_id", topic.id) == links));
        const Topic stored = TopicRepository(db).Get(topic.id);
        BOOST_TEST(stored.version == 1);
        BOOST_TEST(stored.title == "Logement");
    };

    try {
        SaveTopic(db, draftWith([](TopicDraft& d) { d.topic.title = " \u00A0 "; }));
        BOOST_FAIL("empty title accepted");
    } catch (const ValidationError& e) {
        BOOST_TEST(MessageContains(e, "titre"));
    }
    unchanged();
    try {
        SaveTopic(db, draftWith([&](TopicDraft& d) { d.labelIds.push_back(w.otherLabel.id); }));
        BOOST_FAIL("label of another consultation accepted");
    } catch (const ValidationError& e) {
        BOOST_TEST(MessageContains(e, "étiquette"));
    }
    unchanged();
    BOOST_CHECK_THROW(SaveTopic(db, draftWith([&](TopicDraft& d) { d.commitmentIds.push_back(w.otherCommitment.id); })),
                      ValidationError);
    BOOST_CHECK_THROW(SaveTopic(db, draftWith([&](TopicDraft& d) { d.commitmentIds.push_back(NewUuid()); })),
                      ValidationError);
    BOOST_CHECK_THROW(SaveTopic(db, draftWith([&](TopicDraft& d) { d.labelIds.push_back("pas-un-uuid"); })),
                      ValidationError);
    BOOST_CHECK_THROW(SaveTopic(db, draftWith([&](TopicDraft& d) { d.agoras.push_back(Agora(w.otherAgora)); })),
                      ValidationError);
    unchanged();
    try {
        SaveTopic(db, draftWith([&](TopicDraft& d) { d.agoras.push_back(Agora(w.s.meeting)); }));
        BOOST_FAIL("ordinary meeting accepted as an agora");
    } catch (const ValidationError& e) {
        BOOST_TEST(MessageContains(e, "CAR-1"));
        BOOST_TEST(MessageContains(e, "agora"));
    }
    unchanged();
    // A new topic without a title writes nothing either.
    TopicDraft fresh;
    fresh.topic.consultationId = w.s.consultation.id;
    BOOST_CHECK_THROW(SaveTopic(db, fresh), ValidationError);
    fresh.topic.title = "Sans consultation";
    fresh.topic.consultationId = NewUuid();
    BOOST_CHECK_THROW(SaveTopic(db, fresh), ValidationError);
    unchanged();

    // Someone saved in between: the stale version is refused, nothing written.
    TopicDraft first = draftWith([](TopicDraft& d) { d.topic.title = "Logement digne"; });
    const Topic saved = SaveTopic(db, first);
    BOOST_TEST(saved.version == 2);
    const auto linksAfterFirst = w.Versions("topic_link", "topic_id", topic.id);
    TopicDraft stale = draftWith([](TopicDraft& d) { d.labelIds = {}; });
    try {
        SaveTopic(db, stale);
        BOOST_FAIL("stale version accepted");
    } catch (const ConflictError& e) {
        BOOST_TEST(e.ExpectedVersion() == 1);
        BOOST_TEST(e.CurrentVersion() == 2);
    }
    BOOST_TEST((w.Versions("topic_link", "topic_id", topic.id) == linksAfterFirst));
    BOOST_TEST(TopicRepository(db).Get(topic.id).title == "Logement digne");

    // Deleted meanwhile.
    TopicRepository(db).Remove(topic.id, 2);
    stale.topic.version = 2;
    BOOST_CHECK_THROW(SaveTopic(db, stale), ConflictError);
    BOOST_TEST(w.Count("topic") == topics - 1);
}

BACKEND_TEST(restitution_merge_topics_folds_links_and_points)
{
    RestitutionWorld w(db);
    const Topic into = w.SaveNewTopic("Nature", {w.arbres.id}, {w.s.commitment.id}, {Agora(w.agora1)});
    const Topic second = w.SaveNewTopic("Arbres et ombre", {w.arbres.id, w.ombre.id}, {}, {Agora(w.agora1, "Conclu")});
    const Topic third = w.SaveNewTopic("Loyers", {}, {w.log02.id});
    const auto intoLinks = LinkRows(db, into.id);

    ReorientationDraft both;
    both.point.consultationId = w.s.consultation.id;
    both.point.title = "Verdir les cours";
    both.topicIds = {into.id, second.id};
    const Reorientation p = SaveReorientation(db, both);
    ReorientationDraft onlySecond;
    onlySecond.point.consultationId = w.s.consultation.id;
    onlySecond.point.title = "Ombre aux arrêts";
    onlySecond.topicIds = {second.id};
    const Reorientation q = SaveReorientation(db, onlySecond);

    // Of another consultation: refused, nothing changed.
    BOOST_CHECK_THROW(MergeTopics(db, into.id, {second.id, w.otherTopic.id}), ValidationError);
    BOOST_TEST(TopicRepository(db).Find(second.id).has_value());
    BOOST_TEST(LinkRows(db, second.id).size() == 3u);

    MergeTopics(db, into.id, {second.id, third.id, second.id, into.id});
    BOOST_TEST(!TopicRepository(db).Find(second.id).has_value());
    BOOST_TEST(!TopicRepository(db).Find(third.id).has_value());
    BOOST_TEST(TopicRepository(db).Find(w.otherTopic.id).has_value());
    auto links = LinkRows(db, into.id);
    BOOST_TEST(links.size() == 5u);
    BOOST_TEST(links.count("label:" + w.ombre.id) == 1u);
    BOOST_TEST(links.count("commitment:" + w.log02.id) == 1u);
    BOOST_TEST(links["label:" + w.arbres.id].id == intoLinks.at("label:" + w.arbres.id).id);
    BOOST_TEST(links["meeting:" + w.agora1.id].id == intoLinks.at("meeting:" + w.agora1.id).id);
    BOOST_TEST(links["meeting:" + w.agora1.id].outcome == "Conclu");
    BOOST_TEST(w.Count("topic_link") == 5);

    const ReorientationDetail pd = LoadReorientation(db, p.id);
    BOOST_TEST(pd.topics.size() == 1u);
    BOOST_TEST(pd.topics[0].id == into.id);
    const ReorientationDetail qd = LoadReorientation(db, q.id);
    BOOST_TEST(qd.topics.size() == 1u);
    BOOST_TEST(qd.topics[0].id == into.id);
    BOOST_TEST(w.Count("reorientation_link") == 2);
    // The kept topic's version moved on: an editor holding the old one must reload.
    BOOST_TEST(TopicRepository(db).Get(into.id).version == 2);
    BOOST_CHECK_THROW(MergeTopics(db, NewUuid(), {into.id}), NotFoundError);
    BOOST_TEST(TopicRepository(db).Find(into.id).has_value());
}

BACKEND_TEST(restitution_topic_evidence_counts_each_contribution_once)
{
    RestitutionWorld w(db);
    const auto& port = w.s.neighbourhood;
    const auto& caravane = w.s.channel;
    // 199 ASCII letters then accented ones: the excerpt ends on the 200th character, whole.
    std::string longBody(199, 'a');
    for (int i = 0; i < 60; ++i)
        longBody += "é";
    auto c1 = w.AddContribution(longBody, port.id, caravane.id, "habitant");
    w.AddLabelTo(c1, w.arbres);
    w.AddTag(c1, w.s.commitment, Stance::Support);
    auto c2 = w.AddContribution("Plus d'ombre en centre-ville.", w.centre.id, w.web.id, "commerçant");
    w.AddLabelTo(c2, w.ombre);
    w.AddTag(c2, w.s.commitment, Stance::Criticism);
    w.AddTag(c2, w.log02, Stance::Proposal);
    auto c3 = w.AddContribution("Des arbres et de l'ombre.", {}, caravane.id, {});
    w.AddLabelTo(c3, w.arbres);
    w.AddLabelTo(c3, w.ombre);
    auto c4 = w.AddContribution("La rénovation traîne.", port.id, w.web.id, "habitant");
    w.AddTag(c4, w.s.commitment, Stance::Criticism);
    ContributionRepository contributions(db);
    Contribution quoted = contributions.Get(c4.id);
    quoted.isQuote = true;
    contributions.Update(quoted);
    // Not evidence: excluded, an unlinked label, a tag on an unlinked commitment.
    auto c5 = w.AddContribution("Hors sujet.", port.id, caravane.id, "habitant", ContributionState::Excluded);
    w.AddLabelTo(c5, w.arbres);
    auto c6 = w.AddContribution("Trop de bruit.", w.centre.id, caravane.id, "habitant");
    w.AddLabelTo(c6, w.bruit);
    auto c7 = w.AddContribution("Encadrez les loyers.", port.id, caravane.id, "habitant");
    w.AddTag(c7, w.log02, Stance::Support);

    const Topic topic = w.SaveNewTopic("Nature", {w.arbres.id, w.ombre.id}, {w.s.commitment.id});
    const TopicEvidence e = LoadTopicEvidence(db, topic.id);
    BOOST_TEST(e.total == 4);
    BOOST_TEST_REQUIRE(e.items.size() == 4u);
    BOOST_TEST(e.items[0].contributionId == c1.id);
    BOOST_TEST(e.items[1].contributionId == c2.id);
    BOOST_TEST(e.items[2].contributionId == c3.id);
    BOOST_TEST(e.items[3].contributionId == c4.id);
    BOOST_TEST(e.items[0].excerpt == std::string(199, 'a') + "é");
    BOOST_TEST(e.items[0].channel == "Caravane citoyenne");
    BOOST_TEST(e.items[0].neighbourhood == "Ivry-Port");
    BOOST_TEST(e.items[0].seq < e.items[1].seq);
    BOOST_TEST(e.items[2].neighbourhood.empty());
    BOOST_TEST(e.items[3].isQuote);
    BOOST_TEST(!e.items[2].isQuote);
    BOOST_TEST(e.items[3].receivedAt.ToIso() == "2023-10-02 12:00:00");

    auto expect = [](const std::vector<EvidenceCount>& counts,
                     const std::vector<std::pair<std::string, long long>>& wanted) {
        BOOST_TEST_REQUIRE(counts.size() == wanted.size());
        for (std::size_t i = 0; i < wanted.size(); ++i) {
            BOOST_TEST(counts[i].name == wanted[i].first);
            BOOST_TEST(counts[i].count == wanted[i].second);
        }
    };
    expect(e.byNeighbourhood, {{"Ivry-Port", 2}, {"Centre-ville", 1}, {"Non renseigné", 1}});
    BOOST_TEST(e.byNeighbourhood[0].key == port.id);
    expect(e.byChannel, {{"Caravane citoyenne", 2}, {"Plateforme en ligne", 2}});
    expect(e.byStance, {{"Critique", 2}, {"Proposition", 1}, {"Sans position", 1}, {"Soutien", 1}});
    BOOST_TEST(e.byStance[0].key == "criticism");
    expect(e.byProfile, {{"habitant", 2}, {"commerçant", 1}, {"Non renseigné", 1}});

    // The list counts the same contributions.
    const auto topics = ListTopics(db, w.s.consultation.id);
    BOOST_TEST_REQUIRE(topics.size() == 1u);
    BOOST_TEST(topics[0].contributions == 4);
    BOOST_TEST(LoadTopic(db, topic.id).contributions == 4);
}

BACKEND_TEST(restitution_topic_list_order)
{
    RestitutionWorld w(db);
    w.SaveNewTopic("Zones de rencontre", {}, {});
    w.SaveNewTopic("Écoles", {w.bruit.id, w.arbres.id}, {w.log10.id, w.log02.id, w.s.commitment.id});
    w.SaveNewTopic("arbres", {}, {});
    const auto topics = ListTopics(db, w.s.consultation.id);
    BOOST_TEST_REQUIRE(topics.size() == 3u);
    BOOST_TEST(topics[0].topic.title == "arbres");
    BOOST_TEST(topics[1].topic.title == "Écoles");
    BOOST_TEST(topics[2].topic.title == "Zones de rencontre");
    const auto& ecoles = topics[1];
    BOOST_TEST_REQUIRE(ecoles.commitments.size() == 3u);
    BOOST_TEST(ecoles.commitments[0].code == "LOG-01");
    BOOST_TEST(ecoles.commitments[1].code == "LOG-02");
    BOOST_TEST(ecoles.commitments[2].code == "LOG-10");
    BOOST_TEST_REQUIRE(ecoles.labels.size() == 2u);
    BOOST_TEST(ecoles.labels[0].name == "arbres");
    BOOST_TEST(ecoles.labels[1].name == "bruit");
    BOOST_TEST(topics[0].contributions == 0);
    // The other consultation's topic is not listed; an unknown topic is not found.
    BOOST_TEST(ListTopics(db, w.otherConsultation.id).size() == 1u);
    BOOST_CHECK_THROW(LoadTopic(db, NewUuid()), NotFoundError);
    BOOST_CHECK_THROW(LoadTopic(db, "inconnu"), NotFoundError);
}

BOOST_AUTO_TEST_SUITE_END()
