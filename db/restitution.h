#pragma once
// From the coding to the restitution evening and after: salient topics built from labels and
// commitments, the evidence behind each (with its spread by neighbourhood, channel, stance and
// profile), the agoras that worked on them and what they concluded; reorientation points with
// their decision, links and dated notes; commitments born from a point; and the timeline of a
// commitment (status changes and the points that touched it). Each save is one transaction
// that reconciles links (unchanged links keep their id and version), version-checked like
// Repository::Update (ConflictError when someone saved in between). SQLite and PostgreSQL alike.

#include "core/model.h"
#include "db/database.h"

#include <optional>
#include <string>
#include <vector>

namespace concerto {

// ---- Topics ---------------------------------------------------------------------------------

/// An agora linked to a topic, with what it concluded about it.
struct TopicAgora {
    std::string meetingId, ref, title;
    Timestamp startsAt;
    std::string outcome;
};

/// A topic as the lists show it: its links by name and its number of contributions.
struct TopicSummary {
    Topic topic;
    struct Named {
        std::string id, code, name; ///< label: name; commitment: ref + title
    };
    std::vector<Named> labels, commitments; ///< by name / by ref
    std::vector<TopicAgora> agoras;         ///< by date
    long long contributions = 0;            ///< distinct evidence contributions (see TopicEvidence)
};

/// Every topic of the consultation, by title.
std::vector<TopicSummary> ListTopics(Database& db, const std::string& consultationId);
/// One topic; throws NotFoundError when it does not exist.
TopicSummary LoadTopic(Database& db, const std::string& topicId);

/// What the topic editor gives back: the topic's fields (id empty for a new one; version as
/// read) and the links wanted after the save.
struct TopicDraft {
    Topic topic;
    std::vector<std::string> labelIds, commitmentIds;
    std::vector<TopicAgora> agoras; ///< meetingId and outcome are read; the rest is ignored
};
/// Creates or updates the topic and reconciles its links in one transaction: links still
/// wanted keep their row (an agora's outcome is updated in place), others are removed, new ones
/// added. ValidationError for an empty title or a meeting that is not an agora of the
/// consultation; ConflictError on a stale version. Returns the saved topic.
Topic SaveTopic(Database& db, const TopicDraft& draft);
/// Folds the topics `otherIds` into `intoId`: their links move to it (duplicates dropped),
/// reorientation points that cited them cite it instead, then they are removed. One transaction.
void MergeTopics(Database& db, const std::string& intoId, const std::vector<std::string>& otherIds);

/// One value of a breakdown and its number of contributions.
struct EvidenceCount {
    std::string key, name; ///< id or code, and the French name (« Non renseigné » for none)
    long long count = 0;
};

/// A contribution as evidence lists show it.
struct EvidenceItem {
    std::string contributionId;
    long long seq = 0; ///< entry number
    Timestamp receivedAt;
    std::string channel, neighbourhood, title, excerpt; ///< excerpt: the body's first 200 characters
    bool isQuote = false;
};

/// The contributions behind a topic: those (not excluded) that carry one of its labels or are
/// tagged on one of its commitments, counted once each.
struct TopicEvidence {
    long long total = 0;
    /// Counts, largest first. Stances: a contribution counts once in each stance it was tagged
    /// with, and under « Sans position » when it has no tag.
    std::vector<EvidenceCount> byNeighbourhood, byChannel, byStance, byProfile;
    std::vector<EvidenceItem> items; ///< in entry order
};
TopicEvidence LoadTopicEvidence(Database& db, const std::string& topicId);

// ---- Reorientation points -------------------------------------------------------------------

/// A reorientation point with everything linked to it.
struct ReorientationDetail {
    Reorientation point;
    std::string meetingTitle; ///< the meeting where it was decided, or empty
    struct CommitmentChange {
        std::string commitmentId, ref, title, origin;
        std::optional<ChangeKind> change;
    };
    std::vector<CommitmentChange> commitments; ///< by ref
    std::vector<TopicSummary::Named> topics;   ///< by title (code empty)
    std::vector<EvidenceItem> evidence;        ///< in entry order
    std::vector<ReorientationNote> notes;      ///< oldest first
};

/// Every point of the consultation: adopted first, then proposed, deferred, rejected; by title.
std::vector<ReorientationDetail> ListReorientations(Database& db, const std::string& consultationId);
/// One point; NotFoundError when it does not exist.
ReorientationDetail LoadReorientation(Database& db, const std::string& reorientationId);

/// What the point editor gives back: the point's fields (id empty for a new one; version as
/// read) and the links wanted after the save.
struct ReorientationDraft {
    Reorientation point;
    struct CommitmentLink {
        std::string commitmentId;
        std::optional<ChangeKind> change;
    };
    std::vector<CommitmentLink> commitments;
    std::vector<std::string> topicIds, contributionIds;
};
/// Creates or updates the point and reconciles its links in one transaction (a kept commitment
/// link whose change differs is updated in place). ValidationError for an empty title, a
/// meeting, commitment, topic or contribution of another consultation; ConflictError on a
/// stale version. Returns the saved point.
Reorientation SaveReorientation(Database& db, const ReorientationDraft& draft);
/// Adds a dated note to a point (ValidationError for an empty body).
ReorientationNote AddReorientationNote(Database& db, const std::string& reorientationId, const Date& notedOn,
                                       const std::string& body);

/// Creates the commitment born from a point at the restitution, in one transaction: the
/// commitment (`draft`'s theme, ref, title, description, status; origin set to "restitution"),
/// its first status change dated the day of the point's meeting (today without one) with the
/// comment « Né du point de réorientation « titre » », and the point's link to it with the
/// change "new". ValidationError for a ref already taken (naming it). Returns the commitment.
Commitment CreateCommitmentFromPoint(Database& db, const std::string& reorientationId, Commitment draft);

// ---- Commitment follow-up -------------------------------------------------------------------

/// One dated event in a commitment's life.
struct TimelineEvent {
    enum class Kind { StatusChange, Reorientation } kind = Kind::StatusChange;
    Date on;                  ///< effective day / the point's meeting day (else its creation day)
    std::string author;       ///< who recorded it
    CommitmentStatus status;  ///< StatusChange
    std::string comment;      ///< StatusChange: the comment; Reorientation: the point's title
    std::string reorientationId;
    std::optional<ChangeKind> change; ///< Reorientation
    Decision decision = Decision::Proposed; ///< Reorientation
};
/// The timeline of one commitment, oldest first (same day: status changes first).
std::vector<TimelineEvent> CommitmentTimeline(Database& db, const std::string& commitmentId);

} // namespace concerto
