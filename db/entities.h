#pragma once
// The one place that maps each domain type to its table: the table's name, how the
// entity is named in messages, and its columns in schema order. Repositories, readers
// and writers are all derived from these lists.
//
// A visitor receives v.Field(column, member) for ordinary columns and v.Ref(column, member)
// for nullable text columns where an empty string means NULL (references, optional codes).

#include "core/model.h"
#include "core/personal_data.h"

#include <type_traits>

namespace concerto {

template <class T> struct Entity;

#define CONCERTO_ENTITY(Type, tableName, displayName)                                                              \
    template <> struct Entity<Type> {                                                                              \
        static constexpr const char* table = tableName;                                                            \
        static constexpr const char* display = displayName;                                                        \
        template <class V, class X> static void Visit(X& x, V& v);                                                 \
    };                                                                                                             \
    template <class V, class X> void Entity<Type>::Visit(X& x, V& v)

CONCERTO_ENTITY(Consultation, "consultation", "la consultation")
{
    v.Field("title", x.title);
    v.Field("description", x.description);
    v.Field("starts_on", x.startsOn);
    v.Field("ends_on", x.endsOn);
}

CONCERTO_ENTITY(Theme, "theme", "le thème")
{
    v.Field("consultation_id", x.consultationId);
    v.Field("code", x.code);
    v.Field("title", x.title);
    v.Field("description", x.description);
    v.Field("position", x.position);
}

CONCERTO_ENTITY(Commitment, "commitment", "l'engagement")
{
    v.Field("consultation_id", x.consultationId);
    v.Field("theme_id", x.themeId);
    v.Field("ref", x.ref);
    v.Field("title", x.title);
    v.Field("description", x.description);
    v.Field("status", x.status);
    v.Field("origin", x.origin);
    v.Field("position", x.position);
}

CONCERTO_ENTITY(StatusChange, "commitment_status_change", "le changement de statut")
{
    v.Field("commitment_id", x.commitmentId);
    v.Field("status", x.status);
    v.Field("effective_on", x.effectiveOn);
    v.Field("comment", x.comment);
}

CONCERTO_ENTITY(Neighbourhood, "neighbourhood", "le quartier")
{
    v.Field("code", x.code);
    v.Field("name", x.name);
    v.Field("position", x.position);
}

CONCERTO_ENTITY(Channel, "channel", "le canal")
{
    v.Field("code", x.code);
    v.Field("name", x.name);
    v.Field("description", x.description);
    v.Field("position", x.position);
}

CONCERTO_ENTITY(Card, "card", "la carte")
{
    v.Field("consultation_id", x.consultationId);
    v.Ref("theme_id", x.themeId);
    v.Field("code", x.code);
    v.Field("title", x.title);
}

CONCERTO_ENTITY(Meeting, "meeting", "la rencontre")
{
    v.Field("consultation_id", x.consultationId);
    v.Field("channel_id", x.channelId);
    v.Field("ref", x.ref);
    v.Field("title", x.title);
    v.Field("kind", x.kind);
    v.Field("starts_at", x.startsAt);
    v.Field("ends_at", x.endsAt);
    v.Field("place", x.place);
    v.Field("place_kind", x.placeKind);
    v.Ref("neighbourhood_id", x.neighbourhoodId);
    v.Field("facilitators", x.facilitators);
    v.Field("notes", x.notes);
    v.Field("attendance", x.attendance);
}

CONCERTO_ENTITY(Contribution, "contribution", "la contribution")
{
    v.Field("consultation_id", x.consultationId);
    v.Field("channel_id", x.channelId);
    v.Ref("meeting_id", x.meetingId);
    v.Ref("neighbourhood_id", x.neighbourhoodId);
    v.Ref("card_id", x.cardId);
    v.Field("received_at", x.receivedAt);
    v.Field("profile", x.profile);
    v.Field("age_bracket", x.ageBracket);
    v.Field("title", x.title);
    v.Field("body", x.body);
    v.Ref("source_ref", x.sourceRef);
    v.Field("state", x.state);
    v.Field("exclusion_reason", x.exclusionReason);
    v.Field("is_quote", x.isQuote);
    v.Field("notes", x.notes);
    // Derived, not a member: every write computes it from the texts (core/personal_data.h);
    // a read skips it. X is const exactly when the visitor writes (binders, bulk rows).
    bool mentionsContact = false;
    if constexpr (std::is_const_v<X>)
        mentionsContact = MentionsContact(x.title) || MentionsContact(x.body) || MentionsContact(x.notes);
    v.Field("mentions_contact", mentionsContact);
}

CONCERTO_ENTITY(ContactDetails, "contact_details", "la fiche de coordonnées")
{
    v.Field("contribution_id", x.contributionId);
    v.Field("name", x.name);
    v.Field("email", x.email);
    v.Field("phone", x.phone);
    v.Field("consent_to_recontact", x.consentToRecontact);
    v.Field("purge_on", x.purgeOn);
}

CONCERTO_ENTITY(Tag, "tag", "le codage")
{
    v.Field("contribution_id", x.contributionId);
    v.Ref("commitment_id", x.commitmentId);
    v.Ref("theme_id", x.themeId);
    v.Field("stance", x.stance);
    v.Field("coder", x.coder);
    v.Field("tagged_at", x.taggedAt);
}

CONCERTO_ENTITY(CodingSample, "coding_sample", "l'échantillon de double codage")
{
    v.Field("consultation_id", x.consultationId);
    v.Field("name", x.name);
    v.Field("coder_a", x.coderA);
    v.Field("coder_b", x.coderB);
    v.Field("seed", x.seed);
}

CONCERTO_ENTITY(SampleItem, "coding_sample_item", "la contribution de l'échantillon")
{
    v.Field("sample_id", x.sampleId);
    v.Field("contribution_id", x.contributionId);
    v.Field("position", x.position);
    v.Field("done_by_a", x.doneByA);
    v.Field("done_by_b", x.doneByB);
    v.Field("adjudicated_at", x.adjudicatedAt);
}

CONCERTO_ENTITY(SampleTag, "sample_tag", "le codage en aveugle")
{
    v.Field("sample_id", x.sampleId);
    v.Field("contribution_id", x.contributionId);
    v.Ref("commitment_id", x.commitmentId);
    v.Ref("theme_id", x.themeId);
    v.Field("stance", x.stance);
    v.Field("coder", x.coder);
    v.Field("tagged_at", x.taggedAt);
}

CONCERTO_ENTITY(Label, "label", "l'étiquette")
{
    v.Field("consultation_id", x.consultationId);
    v.Field("name", x.name);
}

CONCERTO_ENTITY(ContributionLabel, "contribution_label", "l'étiquette de la contribution")
{
    v.Field("contribution_id", x.contributionId);
    v.Field("label_id", x.labelId);
}

CONCERTO_ENTITY(Topic, "topic", "la thématique saillante")
{
    v.Field("consultation_id", x.consultationId);
    v.Field("title", x.title);
    v.Field("description", x.description);
}

CONCERTO_ENTITY(TopicLink, "topic_link", "le lien de thématique")
{
    v.Field("topic_id", x.topicId);
    v.Ref("label_id", x.labelId);
    v.Ref("commitment_id", x.commitmentId);
    v.Ref("meeting_id", x.meetingId);
    v.Field("outcome", x.outcome);
}

CONCERTO_ENTITY(Reorientation, "reorientation", "le point de réorientation")
{
    v.Field("consultation_id", x.consultationId);
    v.Field("title", x.title);
    v.Field("rationale", x.rationale);
    v.Field("decision", x.decision);
    v.Ref("meeting_id", x.meetingId);
    v.Field("owner", x.owner);
    v.Field("follow_up", x.followUp);
}

CONCERTO_ENTITY(ReorientationLink, "reorientation_link", "le lien du point de réorientation")
{
    v.Field("reorientation_id", x.reorientationId);
    v.Ref("commitment_id", x.commitmentId);
    v.Ref("topic_id", x.topicId);
    v.Ref("contribution_id", x.contributionId);
    v.Field("change", x.change);
}

CONCERTO_ENTITY(ReorientationNote, "reorientation_note", "la note de suivi")
{
    v.Field("reorientation_id", x.reorientationId);
    v.Field("noted_on", x.notedOn);
    v.Field("body", x.body);
}

CONCERTO_ENTITY(ReportDefinition, "report_definition", "la définition de rapport")
{
    v.Field("name", x.name);
    v.Field("title", x.title);
    v.Field("body", x.body);
}

CONCERTO_ENTITY(Setting, "app_setting", "le paramètre")
{
    v.Field("key", x.key);
    v.Field("value", x.value);
}

#undef CONCERTO_ENTITY

} // namespace concerto
