// Reorientation points on both backends: links survive edits (issue 7), validation and
// conflicts write nothing, list order and details, the commitment born from a point, the
// timeline of a commitment, and the demo consultation read back consistently.

#include "core/errors.h"
#include "core/text.h"
#include "db/demo.h"
#include "test_restitution_world.h"

using namespace concerto;
using concerto::test::Agora;
using concerto::test::RestitutionWorld;

namespace {

const std::string kNbsp = "\u00A0";

ReorientationDraft::CommitmentLink Change(const Commitment& m, std::optional<ChangeKind> change)
{
    return {m.id, change};
}

// A point of the world's consultation, decided at the restitution evening, with links.
ReorientationDraft FullDraft(RestitutionWorld& w, const Topic& topic, const Contribution& c1, const Contribution& c2)
{
    ReorientationDraft draft;
    draft.point.consultationId = w.s.consultation.id;
    draft.point.title = "Renforcer la rénovation";
    draft.point.rationale = "Beaucoup de critiques sur la lenteur des travaux.";
    draft.point.meetingId = w.evening.id;
    draft.point.owner = "Adjointe au logement";
    draft.commitments = {Change(w.s.commitment, ChangeKind::Amended), Change(w.log02, ChangeKind::Dropped)};
    draft.topicIds = {topic.id};
    draft.contributionIds = {c2.id, c1.id};
    return draft;
}

} // namespace

BOOST_AUTO_TEST_SUITE(restitution)

BACKEND_TEST(restitution_links_survive_edits)
{
    RestitutionWorld w(db);
    const Topic topic = w.SaveNewTopic("Logement", {}, {w.s.commitment.id});
    const auto c1 = w.AddContribution("Les travaux traînent.", w.s.neighbourhood.id, w.s.channel.id, "habitant");
    const auto c2 = w.AddContribution("Rénovez plus vite.", w.centre.id, w.web.id, "habitant");
    ReorientationDraft draft = FullDraft(w, topic, c1, c2);
    const Reorientation created = SaveReorientation(db, draft);
    BOOST_TEST(created.version == 1);
    const auto before = w.Versions("reorientation_link", "reorientation_id", created.id);
    BOOST_TEST(before.size() == 5u);

    // Title and decision edited: every link row keeps its id and version.
    draft.point = created;
    draft.point.title = "Accélérer la rénovation";
    draft.point.decision = Decision::Adopted;
    const Reorientation edited = SaveReorientation(db, draft);
    BOOST_TEST(edited.version == 2);
    BOOST_TEST((w.Versions("reorientation_link", "reorientation_id", created.id) == before));
    const Reorientation stored = ReorientationRepository(db).Get(created.id);
    BOOST_TEST(stored.title == "Accélérer la rénovation");
    BOOST_TEST((stored.decision == Decision::Adopted));

    // One evidence contribution removed: the others untouched.
    draft.point = edited;
    draft.contributionIds = {c1.id};
    const Reorientation trimmed = SaveReorientation(db, draft);
    auto after = w.Versions("reorientation_link", "reorientation_id", created.id);
    BOOST_TEST(after.size() == 4u);
    std::string removedId;
    for (const auto& [id, version] : before) {
        if (!after.count(id)) {
            removedId = id;
            continue;
        }
        BOOST_TEST(after[id] == version);
    }
    BOOST_TEST(ReorientationLinkRepository(db).Find(removedId).has_value() == false);
    BOOST_TEST(ReorientationLinkRepository(db).FindBy("contribution_id", c1.id).has_value());

    // A commitment link's change edited in place: same row, next version; the others untouched.
    const auto amendedLink = ReorientationLinkRepository(db).FindBy("commitment_id", w.s.commitment.id);
    BOOST_TEST_REQUIRE(amendedLink.has_value());
    draft.point = trimmed;
    draft.commitments = {Change(w.s.commitment, ChangeKind::New), Change(w.log02, ChangeKind::Dropped)};
    SaveReorientation(db, draft);
    const auto changed = ReorientationLinkRepository(db).Get(amendedLink->id);
    BOOST_TEST(changed.version == amendedLink->version + 1);
    BOOST_TEST((changed.change == std::optional<ChangeKind>(ChangeKind::New)));
    const auto finalVersions = w.Versions("reorientation_link", "reorientation_id", created.id);
    BOOST_TEST(finalVersions.size() == 4u);
    for (const auto& [id, version] : finalVersions)
        if (id != amendedLink->id)
            BOOST_TEST(version == after[id]);

    // The change cleared: still the same row.
    draft.point = ReorientationRepository(db).Get(created.id);
    draft.commitments = {Change(w.s.commitment, std::nullopt), Change(w.log02, ChangeKind::Dropped)};
    SaveReorientation(db, draft);
    const auto cleared = ReorientationLinkRepository(db).Get(amendedLink->id);
    BOOST_TEST(!cleared.change.has_value());
    BOOST_TEST(cleared.version == amendedLink->version + 2);
}

BACKEND_TEST(restitution_point_validation_and_conflicts_write_nothing)
{
    RestitutionWorld w(db);
    const Topic topic = w.SaveNewTopic("Logement", {}, {w.s.commitment.id});
    const auto c1 = w.AddContribution("Les travaux traînent.", w.s.neighbourhood.id, w.s.channel.id, "habitant");
    const auto c2 = w.AddContribution("Rénovez plus vite.", w.centre.id, w.web.id, "habitant");
    const Reorientation point = SaveReorientation(db, FullDraft(w, topic, c1, c2));
    const auto links = w.Versions("reorientation_link", "reorientation_id", point.id);
    const long long points = w.Count("reorientation"), allLinks = w.Count("reorientation_link");
    auto unchanged = [&] {
        BOOST_TEST(w.Count("reorientation") == points);
        BOOST_TEST(w.Count("reorientation_link") == allLinks);
        BOOST_TEST((w.Versions("reorientation_link", "reorientation_id", point.id) == links));
        const Reorientation stored = ReorientationRepository(db).Get(point.id);
        BOOST_TEST(stored.version == 1);
        BOOST_TEST(stored.title == "Renforcer la rénovation");
    };
    auto attempt = [&](auto change) {
        ReorientationDraft draft = FullDraft(w, topic, c1, c2);
        draft.point = point;
        draft.point.title = "Modifié";
        change(draft);
        SaveReorientation(db, draft);
    };

    try {
        attempt([](ReorientationDraft& d) { d.point.title = "  "; });
        BOOST_FAIL("empty title accepted");
    } catch (const ValidationError& e) {
        BOOST_TEST(std::string(e.what()).find("titre") != std::string::npos);
    }
    unchanged();
    try {
        attempt([&](ReorientationDraft& d) { d.point.meetingId = w.otherAgora.id; });
        BOOST_FAIL("meeting of another consultation accepted");
    } catch (const ValidationError& e) {
        BOOST_TEST(std::string(e.what()).find("rencontre") != std::string::npos);
    }
    unchanged();
    BOOST_CHECK_THROW(attempt([&](ReorientationDraft& d) { d.commitments.push_back(Change(w.otherCommitment, {})); }),
                      ValidationError);
    BOOST_CHECK_THROW(attempt([&](ReorientationDraft& d) { d.topicIds.push_back(w.otherTopic.id); }), ValidationError);
    BOOST_CHECK_THROW(attempt([&](ReorientationDraft& d) { d.contributionIds.push_back(w.otherContribution.id); }),
                      ValidationError);
    BOOST_CHECK_THROW(attempt([&](ReorientationDraft& d) { d.contributionIds.push_back("12"); }), ValidationError);
    BOOST_CHECK_THROW(attempt([&](ReorientationDraft& d) { d.topicIds.push_back(NewUuid()); }), ValidationError);
    unchanged();
    ReorientationDraft fresh = FullDraft(w, topic, c1, c2);
    fresh.topicIds.push_back(w.otherTopic.id);
    BOOST_CHECK_THROW(SaveReorientation(db, fresh), ValidationError);
    unchanged();

    // Stale version: refused, nothing written.
    ReorientationDraft first = FullDraft(w, topic, c1, c2);
    first.point = point;
    first.point.owner = "Direction de l'habitat";
    BOOST_TEST(SaveReorientation(db, first).version == 2);
    const auto afterFirst = w.Versions("reorientation_link", "reorientation_id", point.id);
    ReorientationDraft stale = FullDraft(w, topic, c1, c2);
    stale.point = point;
    stale.contributionIds.clear();
    BOOST_CHECK_THROW(SaveReorientation(db, stale), ConflictError);
    BOOST_TEST((w.Versions("reorientation_link", "reorientation_id", point.id) == afterFirst));
    BOOST_TEST(ReorientationRepository(db).Get(point.id).owner == "Direction de l'habitat");
}

BACKEND_TEST(restitution_point_list_order_and_details)
{
    RestitutionWorld w(db);
    const Topic zones = w.SaveNewTopic("Zones", {}, {});
    const Topic arbres = w.SaveNewTopic("Arbres", {}, {});
    const auto c1 = w.AddContribution("Premier.", w.s.neighbourhood.id, w.s.channel.id, "habitant");
    const auto c2 = w.AddContribution("Second.", w.centre.id, w.web.id, "habitant");
    auto save = [&](const std::string& title, Decision decision) {
        ReorientationDraft draft;
        draft.point.consultationId = w.s.consultation.id;
        draft.point.title = title;
        draft.point.decision = decision;
        return SaveReorientation(db, draft);
    };
    save("E rejeté", Decision::Rejected);
    save("D reporté", Decision::Deferred);
    save("C proposé", Decision::Proposed);
    save("b adopté", Decision::Adopted);
    ReorientationDraft full;
    full.point.consultationId = w.s.consultation.id;
    full.point.title = "A adopté";
    full.point.decision = Decision::Adopted;
    full.point.meetingId = w.evening.id;
    full.commitments = {Change(w.log10, ChangeKind::Amended), Change(w.log02, {}), Change(w.s.commitment, {})};
    full.topicIds = {zones.id, arbres.id};
    full.contributionIds = {c2.id, c1.id};
    const Reorientation a = SaveReorientation(db, full);
    AddReorientationNote(db, a.id, {2024, 3, 1}, "Deuxième comité de suivi.");
    AddReorientationNote(db, a.id, {2024, 2, 1}, "Premier comité de suivi.");
    BOOST_CHECK_THROW(AddReorientationNote(db, a.id, {2024, 2, 1}, " \n"), ValidationError);
    BOOST_CHECK_THROW(AddReorientationNote(db, NewUuid(), {2024, 2, 1}, "Perdue."), NotFoundError);
    BOOST_TEST(w.Count("reorientation_note") == 2);

    const auto list = ListReorientations(db, w.s.consultation.id);
    BOOST_TEST_REQUIRE(list.size() == 5u);
    const std::vector<std::string> titles{"A adopté", "b adopté", "C proposé", "D reporté", "E rejeté"};
    for (std::size_t i = 0; i < titles.size(); ++i)
        BOOST_TEST(list[i].point.title == titles[i]);
    const ReorientationDetail& d = list[0];
    BOOST_TEST(d.meetingTitle == "Soirée de restitution");
    BOOST_TEST_REQUIRE(d.commitments.size() == 3u);
    BOOST_TEST(d.commitments[0].ref == "LOG-01");
    BOOST_TEST(d.commitments[1].ref == "LOG-02");
    BOOST_TEST(d.commitments[2].ref == "LOG-10");
    BOOST_TEST(d.commitments[2].title == "Créer une maison de l'habitat");
    BOOST_TEST(d.commitments[2].origin == "programme");
    BOOST_TEST((d.commitments[2].change == std::optional<ChangeKind>(ChangeKind::Amended)));
    BOOST_TEST(!d.commitments[0].change.has_value());
    BOOST_TEST_REQUIRE(d.topics.size() == 2u);
    BOOST_TEST(d.topics[0].name == "Arbres");
    BOOST_TEST(d.topics[1].name == "Zones");
    BOOST_TEST_REQUIRE(d.evidence.size() == 2u);
    BOOST_TEST(d.evidence[0].contributionId == c1.id);
    BOOST_TEST(d.evidence[1].contributionId == c2.id);
    BOOST_TEST(d.evidence[1].channel == "Plateforme en ligne");
    BOOST_TEST(d.evidence[1].excerpt == "Second.");
    BOOST_TEST_REQUIRE(d.notes.size() == 2u);
    BOOST_TEST(d.notes[0].body == "Premier comité de suivi.");
    BOOST_TEST(d.notes[0].notedOn.ToIso() == "2024-02-01");
    BOOST_TEST(d.notes[1].body == "Deuxième comité de suivi.");
    BOOST_TEST(list[1].commitments.empty());
    BOOST_TEST(list[1].meetingTitle.empty());

    const ReorientationDetail loaded = LoadReorientation(db, a.id);
    BOOST_TEST(loaded.point.version == a.version);
    BOOST_TEST(loaded.commitments.size() == 3u);
    BOOST_TEST(loaded.evidence.size() == 2u);
    BOOST_TEST(loaded.notes.size() == 2u);
    BOOST_CHECK_THROW(LoadReorientation(db, NewUuid()), NotFoundError);
    BOOST_TEST(ListReorientations(db, w.otherConsultation.id).empty());
}

BACKEND_TEST(restitution_commitment_from_point)
{
    RestitutionWorld w(db);
    ReorientationDraft draft;
    draft.point.consultationId = w.s.consultation.id;
    draft.point.title = "Une maison du vélo";
    draft.point.decision = Decision::Adopted;
    draft.point.meetingId = w.evening.id;
    const Reorientation point = SaveReorientation(db, draft);

    Commitment wanted;
    wanted.themeId = w.s.theme.id;
    wanted.ref = "LOG-20";
    wanted.title = "Ouvrir une maison du vélo";
    wanted.description = "Annoncé à la soirée de restitution.";
    wanted.status = CommitmentStatus::InProgress;
    const Commitment born = CreateCommitmentFromPoint(db, point.id, wanted);
    const Commitment stored = CommitmentRepository(db).Get(born.id);
    BOOST_TEST(stored.origin == "restitution");
    BOOST_TEST(stored.consultationId == w.s.consultation.id);
    BOOST_TEST(stored.ref == "LOG-20");
    BOOST_TEST(stored.description == "Annoncé à la soirée de restitution.");
    BOOST_TEST((stored.status == CommitmentStatus::InProgress));
    BOOST_TEST(stored.version == born.version);
    const auto history = CommitmentRepository(db).History(born.id);
    BOOST_TEST_REQUIRE(history.size() == 1u);
    BOOST_TEST(history[0].effectiveOn.ToIso() == "2024-01-20");
    BOOST_TEST((history[0].status == CommitmentStatus::InProgress));
    BOOST_TEST(history[0].comment == "Né du point de réorientation «" + kNbsp + "Une maison du vélo" + kNbsp + "»");
    BOOST_TEST(history[0].createdBy == db.UserName());
    const auto link = ReorientationLinkRepository(db).FindBy("commitment_id", born.id);
    BOOST_TEST_REQUIRE(link.has_value());
    BOOST_TEST(link->reorientationId == point.id);
    BOOST_TEST((link->change == std::optional<ChangeKind>(ChangeKind::New)));
    const ReorientationDetail detail = LoadReorientation(db, point.id);
    BOOST_TEST_REQUIRE(detail.commitments.size() == 1u);
    BOOST_TEST(detail.commitments[0].origin == "restitution");

    // A ref already taken: the error names it, nothing is written.
    const long long commitments = w.Count("commitment"), changes = w.Count("commitment_status_change"),
                    links = w.Count("reorientation_link");
    Commitment duplicate = wanted;
    duplicate.ref = "LOG-01";
    try {
        CreateCommitmentFromPoint(db, point.id, duplicate);
        BOOST_FAIL("duplicate ref accepted");
    } catch (const ValidationError& e) {
        BOOST_TEST(std::string(e.what()).find("LOG-01") != std::string::npos);
    }
    BOOST_TEST(w.Count("commitment") == commitments);
    BOOST_TEST(w.Count("commitment_status_change") == changes);
    BOOST_TEST(w.Count("reorientation_link") == links);

    // A point decided without a meeting: the history starts today.
    ReorientationDraft loose;
    loose.point.consultationId = w.s.consultation.id;
    loose.point.title = "Sans soirée";
    const Reorientation undated = SaveReorientation(db, loose);
    Commitment other = wanted;
    other.ref = "LOG-21";
    const Commitment today = CreateCommitmentFromPoint(db, undated.id, other);
    const auto todayHistory = CommitmentRepository(db).History(today.id);
    BOOST_TEST_REQUIRE(todayHistory.size() == 1u);
    BOOST_TEST(todayHistory[0].effectiveOn.ToIso() == Timestamp::Now().Day().ToIso());
    BOOST_CHECK_THROW(CreateCommitmentFromPoint(db, NewUuid(), wanted), NotFoundError);
}

BACKEND_TEST(restitution_commitment_timeline)
{
    RestitutionWorld w(db);
    CommitmentRepository commitments(db);
    Commitment m = commitments.Get(w.s.commitment.id);
    m = commitments.ChangeStatus(m, CommitmentStatus::Done, {2024, 1, 20}, "Livré");
    m = commitments.ChangeStatus(m, CommitmentStatus::InProgress, {2023, 6, 1}, "Lancé");

    ReorientationDraft atEvening;
    atEvening.point.consultationId = w.s.consultation.id;
    atEvening.point.title = "Amender la rénovation";
    atEvening.point.decision = Decision::Adopted;
    atEvening.point.meetingId = w.evening.id;
    atEvening.commitments = {{m.id, ChangeKind::Amended}};
    const Reorientation p1 = SaveReorientation(db, atEvening);
    ReorientationDraft undated;
    undated.point.consultationId = w.s.consultation.id;
    undated.point.title = "Suivre la rénovation";
    undated.commitments = {{m.id, std::nullopt}};
    const Reorientation p2 = SaveReorientation(db, undated);
    // Another commitment's point is not on this timeline.
    ReorientationDraft unrelated;
    unrelated.point.consultationId = w.s.consultation.id;
    unrelated.point.title = "Loyers";
    unrelated.commitments = {{w.log02.id, ChangeKind::Dropped}};
    SaveReorientation(db, unrelated);

    const auto events = CommitmentTimeline(db, m.id);
    BOOST_TEST_REQUIRE(events.size() == 4u);
    BOOST_TEST((events[0].kind == TimelineEvent::Kind::StatusChange));
    BOOST_TEST(events[0].on.ToIso() == "2023-06-01");
    BOOST_TEST(events[0].comment == "Lancé");
    BOOST_TEST((events[0].status == CommitmentStatus::InProgress));
    BOOST_TEST(events[0].author == db.UserName());
    BOOST_TEST((events[1].kind == TimelineEvent::Kind::StatusChange));
    BOOST_TEST(events[1].on.ToIso() == "2024-01-20");
    BOOST_TEST((events[1].status == CommitmentStatus::Done));
    BOOST_TEST((events[2].kind == TimelineEvent::Kind::Reorientation));
    BOOST_TEST(events[2].on.ToIso() == "2024-01-20");
    BOOST_TEST(events[2].reorientationId == p1.id);
    BOOST_TEST(events[2].comment == "Amender la rénovation");
    BOOST_TEST((events[2].decision == Decision::Adopted));
    BOOST_TEST((events[2].change == std::optional<ChangeKind>(ChangeKind::Amended)));
    BOOST_TEST(events[2].author == db.UserName());
    BOOST_TEST((events[2].status == CommitmentStatus::Done));
    BOOST_TEST((events[3].kind == TimelineEvent::Kind::Reorientation));
    BOOST_TEST(events[3].reorientationId == p2.id);
    BOOST_TEST(events[3].on.ToIso() == p2.createdAt.Day().ToIso());
    BOOST_TEST(!events[3].change.has_value());
    BOOST_TEST(CommitmentTimeline(db, w.log10.id).empty());
}

BACKEND_TEST(restitution_demo_consultation_reads_back_consistently)
{
    SilentProgress progress;
    const std::string id = GenerateDemo(db, DemoOptions{400, 7}, progress);
    const auto topics = ListTopics(db, id);
    for (std::size_t i = 1; i < topics.size(); ++i)
        BOOST_TEST(!(Fold(topics[i].topic.title) < Fold(topics[i - 1].topic.title)));
    for (const auto& summary : topics) {
        const TopicSummary loaded = LoadTopic(db, summary.topic.id);
        BOOST_TEST(loaded.topic.version == summary.topic.version);
        BOOST_TEST(loaded.labels.size() == summary.labels.size());
        BOOST_TEST(loaded.commitments.size() == summary.commitments.size());
        BOOST_TEST(loaded.agoras.size() == summary.agoras.size());
        BOOST_TEST(loaded.contributions == summary.contributions);
        const TopicEvidence evidence = LoadTopicEvidence(db, summary.topic.id);
        BOOST_TEST(evidence.total == summary.contributions);
        BOOST_TEST(static_cast<long long>(evidence.items.size()) == evidence.total);
        long long byNeighbourhood = 0, byChannel = 0, byProfile = 0, byStance = 0;
        for (const auto& c : evidence.byNeighbourhood)
            byNeighbourhood += c.count;
        for (const auto& c : evidence.byChannel)
            byChannel += c.count;
        for (const auto& c : evidence.byProfile)
            byProfile += c.count;
        for (const auto& c : evidence.byStance)
            byStance += c.count;
        BOOST_TEST(byNeighbourhood == evidence.total);
        BOOST_TEST(byChannel == evidence.total);
        BOOST_TEST(byProfile == evidence.total);
        BOOST_TEST(byStance >= evidence.total);
        for (const auto& agora : summary.agoras)
            BOOST_TEST((MeetingRepository(db).Get(agora.meetingId).kind == MeetingKind::Agora));
    }
    const auto points = ListReorientations(db, id);
    for (const auto& point : points) {
        const ReorientationDetail loaded = LoadReorientation(db, point.point.id);
        BOOST_TEST(loaded.point.title == point.point.title);
        BOOST_TEST(loaded.commitments.size() == point.commitments.size());
        BOOST_TEST(loaded.topics.size() == point.topics.size());
        BOOST_TEST(loaded.evidence.size() == point.evidence.size());
        BOOST_TEST(loaded.notes.size() == point.notes.size());
    }
    // Saving a point unchanged keeps every link row as it was.
    for (const auto& point : points) {
        auto versions = [&] {
            std::map<std::string, int> rows;
            QueryRows(
                db, "SELECT id, version FROM reorientation_link WHERE reorientation_id = :p", {{"p", point.point.id}},
                [&](const soci::row& row) { rows[Cell::Text(row, 0)] = static_cast<int>(Cell::Integer(row, 1)); });
            return rows;
        };
        const auto before = versions();
        ReorientationDraft draft;
        draft.point = point.point;
        for (const auto& c : point.commitments)
            draft.commitments.push_back({c.commitmentId, c.change});
        for (const auto& t : point.topics)
            draft.topicIds.push_back(t.id);
        for (const auto& e : point.evidence)
            draft.contributionIds.push_back(e.contributionId);
        BOOST_TEST(SaveReorientation(db, draft).version == point.point.version + 1);
        BOOST_TEST((versions() == before));
    }
    // The demo shows the restitution: topics with agoras, points with evidence.
    BOOST_TEST(!topics.empty());
    BOOST_TEST(!points.empty());
}

BOOST_AUTO_TEST_SUITE_END()
