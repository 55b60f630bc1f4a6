#pragma once
// The domain of a citizen consultation, as plain values (see the glossary in docs/).
// Ids are UUID strings; an empty id on a reference means "none" (NULL in the database).

#include "core/datetime.h"

#include <optional>
#include <string>

namespace concerto {

/// Progress of a programme commitment (UI: Fait / En cours / Reste à faire / Abandonné).
enum class CommitmentStatus { Done, InProgress, Planned, Dropped };
/// Position a tagged contribution takes toward a commitment or theme.
enum class Stance { Support, Criticism, Proposal, Question, Observation };
/// Where a contribution stands in the coding work.
enum class ContributionState { New, Tagged, ToReview, Excluded };
/// What kind of meeting: an ordinary one, an agora, or the restitution evening.
enum class MeetingKind { Ordinary, Agora, Restitution };
/// Decision on a reorientation point.
enum class Decision { Proposed, Adopted, Rejected, Deferred };
/// How a reorientation point changes a commitment.
enum class ChangeKind { Amended, New, Dropped };

/// Columns every stored row carries: stable UUID, optimistic-locking version, audit stamps.
struct Record {
    std::string id;
    int version = 0; ///< 0 before the first save; the stored version afterwards
    Timestamp createdAt, updatedAt;
    std::string createdBy, updatedBy;
};

struct Consultation : Record {
    std::string title, description;
    std::optional<Date> startsOn, endsOn;
};

struct Theme : Record {
    std::string consultationId, code, title, description;
    int position = 0;
};

struct Commitment : Record {
    std::string consultationId, themeId, ref, title, description;
    CommitmentStatus status = CommitmentStatus::Planned;
    std::string origin = "programme"; ///< "programme", or "restitution" for one born there
    int position = 0;
};

/// One dated entry of a commitment's status history.
struct StatusChange : Record {
    std::string commitmentId;
    CommitmentStatus status = CommitmentStatus::Planned;
    Date effectiveOn;
    std::string comment;
};

struct Neighbourhood : Record {
    std::string code, name;
    int position = 0;
};

struct Channel : Record {
    std::string code, name, description;
    int position = 0;
};

/// A thematic playing card used by the caravane to elicit contributions.
struct Card : Record {
    std::string consultationId, themeId, code, title;
};

struct Meeting : Record {
    std::string consultationId, channelId, ref, title;
    MeetingKind kind = MeetingKind::Ordinary;
    Timestamp startsAt;
    std::optional<Timestamp> endsAt;
    std::string place, placeKind, neighbourhoodId, facilitators, notes;
    std::optional<int> attendance;
};

struct Contribution : Record {
    std::string consultationId, channelId, meetingId, neighbourhoodId, cardId;
    Timestamp receivedAt;
    std::string profile, ageBracket, title, body;
    std::string sourceRef; ///< platform id, paper slip number…; unique per channel when set
    ContributionState state = ContributionState::New;
    std::string exclusionReason;
    bool isQuote = false;
    std::string notes;
};

/// Personal data of a contributor: rare, kept apart, purged at purgeOn, never in reports.
struct ContactDetails : Record {
    std::string contributionId, name, email, phone;
    bool consentToRecontact = false;
    std::optional<Date> purgeOn;
};

/// A coding link: contribution × commitment (or theme only) with a stance.
struct Tag : Record {
    std::string contributionId, commitmentId, themeId;
    Stance stance = Stance::Observation;
    std::string coder;
    Timestamp taggedAt;
};

/// A free label for emerging subjects not in the programme.
struct Label : Record {
    std::string consultationId, name;
};

struct ContributionLabel : Record {
    std::string contributionId, labelId;
};

/// A salient topic that emerged from the coding.
struct Topic : Record {
    std::string consultationId, title, description;
};

/// Links a topic to a label, a commitment or an agora meeting (exactly one of them).
struct TopicLink : Record {
    std::string topicId, labelId, commitmentId, meetingId;
    std::string outcome; ///< for an agora: what it concluded
};

/// A reorientation point decided at the restitution evening.
struct Reorientation : Record {
    std::string consultationId, title, rationale;
    Decision decision = Decision::Proposed;
    std::string meetingId, owner, followUp;
};

/// Links a reorientation point to a commitment (with the change), a topic or an evidence contribution.
struct ReorientationLink : Record {
    std::string reorientationId, commitmentId, topicId, contributionId;
    std::optional<ChangeKind> change;
};

/// A dated follow-up note on a reorientation point.
struct ReorientationNote : Record {
    std::string reorientationId;
    Date notedOn;
    std::string body;
};

/// A sample of contributions that two named coders tag blind to each other, to measure
/// their agreement; adjudication then turns their tags into final tags.
struct CodingSample : Record {
    std::string consultationId, name, coderA, coderB;
    long long seed = 0; ///< the draw's seed: the same seed over the same contributions draws the same sample
};

/// One contribution of a coding sample, and how far each coder got with it.
struct SampleItem : Record {
    std::string sampleId, contributionId;
    int position = 0; ///< order of coding within the sample
    std::optional<Timestamp> doneByA, doneByB, adjudicatedAt;
};

/// A blind tag of one coder within a coding sample: like a Tag, kept apart from the final tags.
struct SampleTag : Record {
    std::string sampleId, contributionId, commitmentId, themeId;
    Stance stance = Stance::Observation;
    std::string coder;
    Timestamp taggedAt;
};

/// A report definition stored in the database (text in the report definition format).
struct ReportDefinition : Record {
    std::string name, title, body;
};

/// A key/value application setting stored in the database.
struct Setting : Record {
    std::string key, value;
};

/// Database codes of the enumerations ("done", "support"…); FromCode returns false on an unknown code.
const char* ToCode(CommitmentStatus v);
const char* ToCode(Stance v);
const char* ToCode(ContributionState v);
const char* ToCode(MeetingKind v);
const char* ToCode(Decision v);
const char* ToCode(ChangeKind v);
bool FromCode(const std::string& code, CommitmentStatus& out);
bool FromCode(const std::string& code, Stance& out);
bool FromCode(const std::string& code, ContributionState& out);
bool FromCode(const std::string& code, MeetingKind& out);
bool FromCode(const std::string& code, Decision& out);
bool FromCode(const std::string& code, ChangeKind& out);

/// French names for text written below the GUI (action descriptions, reports, import and export
/// files): "Fait", "En cours", "Reste à faire", "Abandonné" / "soutien", "critique", "proposition",
/// "question", "constat" / "nouvelle", "codée", "à revoir", "exclue" / "proposé", "adopté",
/// "rejeté", "reporté" / "modifié" (engagement), "nouveau", "abandonné". The GUI shows its own
/// translated names (dialogs/domain_labels.h).
const char* FrenchName(CommitmentStatus v);
const char* FrenchName(Stance v);
const char* FrenchName(ContributionState v);
const char* FrenchName(Decision v);
const char* FrenchName(ChangeKind v);

} // namespace concerto
