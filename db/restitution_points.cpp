// Reorientation points: lists, the editor's save (links reconciled in place), dated notes and
// the commitment born from a point.

#include "db/coding_support.h"
#include "db/restitution_internal.h"

#include <algorithm>
#include <map>

namespace concerto {

using namespace restitution;

namespace {

// Adopted first, then proposed, deferred, rejected.
int DecisionRank(Decision decision)
{
    switch (decision) {
    case Decision::Adopted:
        return 0;
    case Decision::Proposed:
        return 1;
    case Decision::Deferred:
        return 2;
    case Decision::Rejected:
        return 3;
    }
    return 4;
}

// The points whose `column` ("id" or "consultation_id") is `value`, with their links, evidence
// and notes: four statements whatever their number.
std::vector<ReorientationDetail> ReadPoints(Database& db, const std::string& column, const std::string& value)
{
    std::vector<ReorientationDetail> points;
    const std::string scope = " WHERE r." + column + " = :scope";
    const std::string pointSql = "SELECT " + ReorientationRepository::SelectList() +
                                 ", m.title FROM reorientation c LEFT JOIN meeting m ON m.id = c.meeting_id WHERE c." +
                                 column + " = :scope";
    const std::size_t extra = 6 + ReorientationRepository::Columns().names.size();
    QueryRows(db, pointSql, {{"scope", value}}, [&](const soci::row& row) {
        ReorientationDetail detail;
        detail.point = ReorientationRepository::FromRow(row, 0);
        detail.meetingTitle = Cell::Text(row, extra);
        points.push_back(std::move(detail));
    });
    if (points.empty())
        return points;
    std::map<std::string, ReorientationDetail*> byId;
    for (auto& detail : points)
        byId[detail.point.id] = &detail;
    auto owner = [&](const soci::row& row) -> ReorientationDetail* {
        auto found = byId.find(Cell::Text(row, 0));
        return found == byId.end() ? nullptr : found->second;
    };

    const std::string linkSql =
        "SELECT l.reorientation_id, l.commitment_id, l.topic_id, l.change, m.ref, m.title, m.origin, t.title "
        "FROM reorientation_link l JOIN reorientation r ON r.id = l.reorientation_id "
        "LEFT JOIN commitment m ON m.id = l.commitment_id LEFT JOIN topic t ON t.id = l.topic_id" +
        scope + " AND l.contribution_id IS NULL";
    QueryRows(db, linkSql, {{"scope", value}}, [&](const soci::row& row) {
        ReorientationDetail* detail = owner(row);
        if (!detail)
            return;
        if (!Cell::IsNull(row, 1)) {
            ReorientationDetail::CommitmentChange change;
            change.commitmentId = Cell::Text(row, 1);
            change.ref = Cell::Text(row, 4);
            change.title = Cell::Text(row, 5);
            change.origin = Cell::Text(row, 6);
            ChangeKind kind = ChangeKind::Amended;
            if (!Cell::IsNull(row, 3) && FromCode(Cell::Text(row, 3), kind))
                change.change = kind;
            detail->commitments.push_back(std::move(change));
        } else {
            detail->topics.push_back({Cell::Text(row, 2), {}, Cell::Text(row, 7)});
        }
    });

    const std::string evidenceSql = "SELECT l.reorientation_id, " + EvidenceColumns() +
                                    " FROM reorientation_link l JOIN reorientation r ON r.id = l.reorientation_id "
                                    "JOIN contribution c ON c.id = l.contribution_id" +
                                    EvidenceJoins() + scope + " ORDER BY c.seq";
    QueryRows(db, evidenceSql, {{"scope", value}}, [&](const soci::row& row) {
        if (ReorientationDetail* detail = owner(row))
            detail->evidence.push_back(EvidenceFromRow(row, 1));
    });

    const std::string noteSql = "SELECT r.id, " + ReorientationNoteRepository::SelectList() +
                                " FROM reorientation_note c JOIN reorientation r ON r.id = c.reorientation_id" + scope +
                                " ORDER BY c.noted_on, c.created_at, c.id";
    QueryRows(db, noteSql, {{"scope", value}}, [&](const soci::row& row) {
        if (ReorientationDetail* detail = owner(row))
            detail->notes.push_back(ReorientationNoteRepository::FromRow(row, 1));
    });

    for (auto& detail : points) {
        std::sort(detail.commitments.begin(), detail.commitments.end(),
                  [](const ReorientationDetail::CommitmentChange& a, const ReorientationDetail::CommitmentChange& b) {
                      return RefLess(a.ref, b.ref);
                  });
        std::sort(
            detail.topics.begin(), detail.topics.end(),
            [](const TopicSummary::Named& a, const TopicSummary::Named& b) { return FrenchLess(a.name, b.name); });
    }
    std::sort(points.begin(), points.end(), [](const ReorientationDetail& a, const ReorientationDetail& b) {
        const int ra = DecisionRank(a.point.decision), rb = DecisionRank(b.point.decision);
        if (ra != rb)
            return ra < rb;
        if (a.point.title != b.point.title)
            return FrenchLess(a.point.title, b.point.title);
        return a.point.id < b.point.id;
    });
    return points;
}

// The draft's links, without duplicates (the first of each wins) or empty ids.
struct WantedLinks {
    std::vector<std::string> commitmentIds, topicIds, contributionIds;
    std::map<std::string, std::optional<ChangeKind>> changes;
};

WantedLinks Wanted(const ReorientationDraft& draft)
{
    WantedLinks wanted;
    for (const auto& link : draft.commitments)
        if (!link.commitmentId.empty() && wanted.changes.emplace(link.commitmentId, link.change).second)
            wanted.commitmentIds.push_back(link.commitmentId);
    wanted.topicIds = Distinct(draft.topicIds);
    wanted.contributionIds = Distinct(draft.contributionIds);
    return wanted;
}

void Validate(Database& db, const Reorientation& point, const WantedLinks& wanted)
{
    RequireConsultation(db, point.consultationId);
    if (!point.meetingId.empty())
        RequireInConsultation(db, "meeting", point.consultationId, {point.meetingId},
                              "La rencontre où le point a été décidé");
    RequireInConsultation(db, "commitment", point.consultationId, wanted.commitmentIds,
                          "L'engagement lié au point de réorientation");
    RequireInConsultation(db, "topic", point.consultationId, wanted.topicIds,
                          "La thématique liée au point de réorientation");
    RequireInConsultation(db, "contribution", point.consultationId, wanted.contributionIds,
                          "La contribution citée par le point de réorientation");
}

// Keeps the wanted links (a commitment's change updated in place), removes the others, creates
// the missing ones.
void ReconcileLinks(Database& db, const std::string& pointId, const WantedLinks& wanted)
{
    ReorientationLinkRepository repository(db);
    const std::set<std::string> commitments(wanted.commitmentIds.begin(), wanted.commitmentIds.end());
    const std::set<std::string> topics(wanted.topicIds.begin(), wanted.topicIds.end());
    const std::set<std::string> contributions(wanted.contributionIds.begin(), wanted.contributionIds.end());
    std::set<std::string> present;
    for (auto& link : repository.ListBy("reorientation_id", pointId)) {
        const std::string key = !link.commitmentId.empty() ? "m" + link.commitmentId
                                : !link.topicId.empty()    ? "t" + link.topicId
                                                           : "c" + link.contributionId;
        const bool keep = !link.commitmentId.empty() ? commitments.count(link.commitmentId) > 0
                          : !link.topicId.empty()    ? topics.count(link.topicId) > 0
                                                     : contributions.count(link.contributionId) > 0;
        if (!keep || !present.insert(key).second) {
            repository.Remove(link.id, link.version);
            continue;
        }
        if (!link.commitmentId.empty()) {
            const auto& change = wanted.changes.at(link.commitmentId);
            if (link.change != change) {
                link.change = change;
                repository.Update(link);
            }
        }
    }
    auto create = [&](const std::string& key, std::string ReorientationLink::*member, const std::string& id) {
        if (present.count(key + id))
            return;
        ReorientationLink link;
        link.reorientationId = pointId;
        link.*member = id;
        if (member == &ReorientationLink::commitmentId)
            link.change = wanted.changes.at(id);
        repository.Create(link);
    };
    for (const auto& id : wanted.commitmentIds)
        create("m", &ReorientationLink::commitmentId, id);
    for (const auto& id : wanted.topicIds)
        create("t", &ReorientationLink::topicId, id);
    for (const auto& id : wanted.contributionIds)
        create("c", &ReorientationLink::contributionId, id);
}

} // namespace

std::vector<ReorientationDetail> ListReorientations(Database& db, const std::string& consultationId)
{
    if (!IsUuid(consultationId))
        return {};
    return ReadPoints(db, "consultation_id", consultationId);
}

ReorientationDetail LoadReorientation(Database& db, const std::string& reorientationId)
{
    auto points = IsUuid(reorientationId) ? ReadPoints(db, "id", reorientationId) : std::vector<ReorientationDetail>{};
    if (points.empty())
        throw NotFoundError("Élément introuvable (le point de réorientation) : il n'existe pas ou plus dans la base.");
    return std::move(points.front());
}

Reorientation SaveReorientation(Database& db, const ReorientationDraft& draft)
{
    Reorientation point = draft.point;
    point.title = RequiredTitle(point.title, "Le titre du point de réorientation");
    const WantedLinks wanted = Wanted(draft);
    db.InTransaction([&] {
        ReorientationRepository points(db);
        if (!point.id.empty()) {
            // A point never changes consultation: the stored one is the reference.
            auto stored = points.Find(point.id);
            if (!stored)
                ThrowDeleted("reorientation", Entity<Reorientation>::display, point.id, point.version);
            point.consultationId = stored->consultationId;
        }
        Validate(db, point, wanted);
        point = point.id.empty() ? points.Create(point) : points.Update(point);
        ReconcileLinks(db, point.id, wanted);
    });
    return point;
}

ReorientationNote AddReorientationNote(Database& db, const std::string& reorientationId, const Date& notedOn,
                                       const std::string& body)
{
    ReorientationNote note;
    note.body = coding::TrimmedName(body);
    if (note.body.empty())
        throw ValidationError("Le texte de la note de suivi est obligatoire.");
    if (!IsValidDay(notedOn.year, notedOn.month, notedOn.day))
        throw ValidationError("La date de la note de suivi n'est pas une date valide.");
    ReorientationRepository(db).Get(IsUuid(reorientationId) ? reorientationId : std::string());
    note.reorientationId = reorientationId;
    note.notedOn = notedOn;
    return ReorientationNoteRepository(db).Create(note);
}

Commitment CreateCommitmentFromPoint(Database& db, const std::string& reorientationId, Commitment draft)
{
    db.InTransaction([&] {
        const Reorientation point = LoadReorientation(db, reorientationId).point;
        draft.id.clear();
        draft.consultationId = point.consultationId;
        draft.origin = "restitution";
        draft.ref = coding::TrimmedName(draft.ref);
        draft.title = RequiredTitle(draft.title, "Le titre de l'engagement");
        if (draft.ref.empty())
            throw ValidationError("La référence de l'engagement est obligatoire.");
        RequireInConsultation(db, "theme", point.consultationId, {draft.themeId}, "Le thème de l'engagement");
        bool taken = false;
        QueryRows(db, "SELECT 1 FROM commitment WHERE consultation_id = :consultation AND ref = :ref",
                  {{"consultation", point.consultationId}, {"ref", draft.ref}},
                  [&](const soci::row&) { taken = true; });
        if (taken)
            throw ValidationError("La référence d'engagement " + coding::Quoted(draft.ref) +
                                  " est déjà prise dans cette consultation\u00A0: choisissez-en une autre.");

        Date day = Timestamp::Now().Day();
        if (!point.meetingId.empty())
            if (auto meeting = MeetingRepository(db).Find(point.meetingId))
                day = meeting->startsAt.Day();
        CommitmentRepository commitments(db);
        const CommitmentStatus status = draft.status;
        draft = commitments.Create(draft);
        draft =
            commitments.ChangeStatus(draft, status, day, "Né du point de réorientation " + coding::Quoted(point.title));
        ReorientationLink link;
        link.reorientationId = point.id;
        link.commitmentId = draft.id;
        link.change = ChangeKind::New;
        ReorientationLinkRepository(db).Create(link);
    });
    return draft;
}

} // namespace concerto
