// Salient topics: lists, the editor's save (links reconciled in place) and merging.

#include "db/coding_support.h"
#include "db/restitution_internal.h"

#include <algorithm>
#include <map>

namespace concerto {

using namespace restitution;

namespace {

// The topics whose `column` ("id" or "consultation_id") is `value`, with their links by name and
// their evidence counts: three statements whatever their number.
std::vector<TopicSummary> ReadTopics(Database& db, const std::string& column, const std::string& value)
{
    std::vector<TopicSummary> topics;
    std::map<std::string, std::size_t> index;
    const std::string scope = "t." + column + " = :scope";
    const std::string topicSql =
        "SELECT " + TopicRepository::SelectList() + " FROM topic c WHERE c." + column + " = :scope";
    QueryRows(db, topicSql, {{"scope", value}}, [&](const soci::row& row) {
        TopicSummary summary;
        summary.topic = TopicRepository::FromRow(row, 0);
        topics.push_back(std::move(summary));
    });
    std::sort(topics.begin(), topics.end(), [](const TopicSummary& a, const TopicSummary& b) {
        if (a.topic.title != b.topic.title)
            return FrenchLess(a.topic.title, b.topic.title);
        return a.topic.id < b.topic.id;
    });
    for (std::size_t i = 0; i < topics.size(); ++i)
        index[topics[i].topic.id] = i;
    if (topics.empty())
        return topics;

    const std::string linkSql =
        "SELECT l.topic_id, l.label_id, l.commitment_id, l.meeting_id, l.outcome, lb.name, m.ref, m.title, "
        "mt.ref, mt.title, mt.starts_at FROM topic_link l JOIN topic t ON t.id = l.topic_id "
        "LEFT JOIN label lb ON lb.id = l.label_id LEFT JOIN commitment m ON m.id = l.commitment_id "
        "LEFT JOIN meeting mt ON mt.id = l.meeting_id WHERE " +
        scope;
    QueryRows(db, linkSql, {{"scope", value}}, [&](const soci::row& row) {
        auto found = index.find(Cell::Text(row, 0));
        if (found == index.end())
            return;
        TopicSummary& summary = topics[found->second];
        if (!Cell::IsNull(row, 1)) {
            summary.labels.push_back({Cell::Text(row, 1), {}, Cell::Text(row, 5)});
        } else if (!Cell::IsNull(row, 2)) {
            summary.commitments.push_back({Cell::Text(row, 2), Cell::Text(row, 6), Cell::Text(row, 7)});
        } else {
            TopicAgora agora;
            agora.meetingId = Cell::Text(row, 3);
            agora.outcome = Cell::Text(row, 4);
            agora.ref = Cell::Text(row, 8);
            agora.title = Cell::Text(row, 9);
            agora.startsAt = Cell::Instant(row, 10);
            summary.agoras.push_back(std::move(agora));
        }
    });

    // Evidence: a label carried or a tag on a commitment, each contribution counted once.
    const std::string countSql =
        "SELECT x.topic_id, COUNT(DISTINCT x.contribution_id) FROM ("
        "SELECT l.topic_id, cl.contribution_id FROM topic_link l JOIN topic t ON t.id = l.topic_id "
        "JOIN contribution_label cl ON cl.label_id = l.label_id WHERE " +
        scope +
        " UNION SELECT l.topic_id, g.contribution_id FROM topic_link l JOIN topic t ON t.id = l.topic_id "
        "JOIN tag g ON g.commitment_id = l.commitment_id WHERE " +
        "t." + column + " = :scope2" +
        ") x JOIN contribution c ON c.id = x.contribution_id WHERE c.state <> 'excluded' GROUP BY x.topic_id";
    QueryRows(db, countSql, {{"scope", value}, {"scope2", value}}, [&](const soci::row& row) {
        auto found = index.find(Cell::Text(row, 0));
        if (found != index.end())
            topics[found->second].contributions = Cell::Integer(row, 1);
    });

    for (auto& summary : topics) {
        std::sort(
            summary.labels.begin(), summary.labels.end(),
            [](const TopicSummary::Named& a, const TopicSummary::Named& b) { return FrenchLess(a.name, b.name); });
        std::sort(summary.commitments.begin(), summary.commitments.end(),
                  [](const TopicSummary::Named& a, const TopicSummary::Named& b) { return RefLess(a.code, b.code); });
        std::sort(summary.agoras.begin(), summary.agoras.end(), [](const TopicAgora& a, const TopicAgora& b) {
            return a.startsAt.seconds != b.startsAt.seconds ? a.startsAt < b.startsAt : RefLess(a.ref, b.ref);
        });
    }
    return topics;
}

// The agoras of the draft, checked: each a meeting of kind agora of the consultation.
void RequireAgoras(Database& db, const std::string& consultationId, const std::vector<std::string>& meetingIds)
{
    const std::string what = "La rencontre liée à la thématique";
    RequireInConsultation(db, "meeting", consultationId, meetingIds, what);
    for (const auto& id : meetingIds) {
        const Meeting meeting = MeetingRepository(db).Get(id);
        if (meeting.kind != MeetingKind::Agora)
            throw ValidationError("La rencontre " + coding::Quoted(meeting.ref + " " + meeting.title) +
                                  " n'est pas une agora\u00A0: seules les agoras se lient à une thématique.");
    }
}

// Which of the topic's link rows point at what.
struct TopicLinks {
    std::map<std::string, TopicLink> byLabel, byCommitment, byMeeting;
};

TopicLinks ReadLinks(Database& db, const std::string& topicId)
{
    TopicLinks links;
    for (auto& link : TopicLinkRepository(db).ListBy("topic_id", topicId)) {
        if (!link.labelId.empty())
            links.byLabel.emplace(link.labelId, link);
        else if (!link.commitmentId.empty())
            links.byCommitment.emplace(link.commitmentId, link);
        else
            links.byMeeting.emplace(link.meetingId, link);
    }
    return links;
}

// Removes the links of `existing` not in `wanted`, creates the wanted ones missing (with their
// outcome when given).
void Reconcile(Database& db, const std::string& topicId, std::map<std::string, TopicLink>& existing,
               const std::vector<std::string>& wanted, std::string TopicLink::*member,
               const std::map<std::string, std::string>& outcomes = {})
{
    TopicLinkRepository repository(db);
    const std::set<std::string> keep(wanted.begin(), wanted.end());
    for (auto it = existing.begin(); it != existing.end();) {
        if (keep.count(it->first)) {
            ++it;
            continue;
        }
        repository.Remove(it->second.id, it->second.version);
        it = existing.erase(it);
    }
    for (const auto& id : wanted) {
        if (existing.count(id))
            continue;
        TopicLink link;
        link.topicId = topicId;
        link.*member = id;
        if (auto outcome = outcomes.find(id); outcome != outcomes.end())
            link.outcome = outcome->second;
        existing.emplace(id, repository.Create(link));
    }
}

} // namespace

std::vector<TopicSummary> ListTopics(Database& db, const std::string& consultationId)
{
    if (!IsUuid(consultationId))
        return {};
    return ReadTopics(db, "consultation_id", consultationId);
}

TopicSummary LoadTopic(Database& db, const std::string& topicId)
{
    auto topics = IsUuid(topicId) ? ReadTopics(db, "id", topicId) : std::vector<TopicSummary>{};
    if (topics.empty())
        throw NotFoundError("Élément introuvable (la thématique saillante) : il n'existe pas ou plus dans la base.");
    return std::move(topics.front());
}

Topic SaveTopic(Database& db, const TopicDraft& draft)
{
    Topic topic = draft.topic;
    topic.title = RequiredTitle(topic.title, "Le titre de la thématique");
    const auto labelIds = Distinct(draft.labelIds);
    const auto commitmentIds = Distinct(draft.commitmentIds);
    std::vector<std::string> meetingIds;
    std::map<std::string, std::string> outcomes;
    for (const auto& agora : draft.agoras)
        if (!agora.meetingId.empty() && outcomes.emplace(agora.meetingId, agora.outcome).second)
            meetingIds.push_back(agora.meetingId);

    db.InTransaction([&] {
        TopicRepository topics(db);
        if (!topic.id.empty()) {
            // A topic never changes consultation: the stored one is the reference.
            auto stored = topics.Find(topic.id);
            if (!stored)
                ThrowDeleted("topic", Entity<Topic>::display, topic.id, topic.version);
            topic.consultationId = stored->consultationId;
        }
        RequireConsultation(db, topic.consultationId);
        RequireInConsultation(db, "label", topic.consultationId, labelIds, "L'étiquette liée à la thématique");
        RequireInConsultation(db, "commitment", topic.consultationId, commitmentIds,
                              "L'engagement lié à la thématique");
        RequireAgoras(db, topic.consultationId, meetingIds);

        topic = topic.id.empty() ? topics.Create(topic) : topics.Update(topic);
        TopicLinks links = ReadLinks(db, topic.id);
        Reconcile(db, topic.id, links.byLabel, labelIds, &TopicLink::labelId);
        Reconcile(db, topic.id, links.byCommitment, commitmentIds, &TopicLink::commitmentId);
        Reconcile(db, topic.id, links.byMeeting, meetingIds, &TopicLink::meetingId, outcomes);
        TopicLinkRepository repository(db);
        for (auto& [meetingId, link] : links.byMeeting) {
            if (link.outcome == outcomes[meetingId])
                continue;
            link.outcome = outcomes[meetingId];
            link = repository.Update(link);
        }
    });
    return topic;
}

void MergeTopics(Database& db, const std::string& intoId, const std::vector<std::string>& otherIds)
{
    std::vector<std::string> others = Distinct(otherIds);
    others.erase(std::remove(others.begin(), others.end(), intoId), others.end());
    if (others.empty())
        return;
    db.InTransaction([&] {
        TopicRepository topics(db);
        const Topic into = LoadTopic(db, intoId).topic;
        RequireInConsultation(db, "topic", into.consultationId, others, "La thématique à fusionner");
        TopicLinks kept = ReadLinks(db, into.id);
        TopicLinkRepository links(db);
        for (const auto& otherId : others) {
            for (auto link : links.ListBy("topic_id", otherId)) {
                auto& target = !link.labelId.empty()        ? kept.byLabel
                               : !link.commitmentId.empty() ? kept.byCommitment
                                                            : kept.byMeeting;
                const std::string& key = !link.labelId.empty()        ? link.labelId
                                         : !link.commitmentId.empty() ? link.commitmentId
                                                                      : link.meetingId;
                auto existing = target.find(key);
                if (existing == target.end()) {
                    link.topicId = into.id;
                    target.emplace(key, links.Update(link));
                    continue;
                }
                // The same agora on both: keep the outcome the kept link lacks.
                if (existing->second.outcome.empty() && !link.outcome.empty()) {
                    existing->second.outcome = link.outcome;
                    existing->second = links.Update(existing->second);
                }
                links.Remove(link.id, link.version);
            }
        }
        // Points citing a merged topic cite the kept one, once.
        ReorientationLinkRepository pointLinks(db);
        std::set<std::string> citing;
        for (const auto& link : pointLinks.ListBy("topic_id", into.id))
            citing.insert(link.reorientationId);
        for (const auto& otherId : others) {
            for (auto link : pointLinks.ListBy("topic_id", otherId)) {
                if (!citing.insert(link.reorientationId).second) {
                    pointLinks.Remove(link.id, link.version);
                    continue;
                }
                link.topicId = into.id;
                pointLinks.Update(link);
            }
        }
        for (const auto& otherId : others)
            topics.Remove(otherId, topics.Get(otherId).version);
        // Its links changed: an editor still holding the old version must reload first.
        topics.Update(topics.Get(into.id));
    });
}

} // namespace concerto
