#pragma once
// A small consultation for the restitution tests: the repository Sample plus more commitments,
// a second neighbourhood and channel, labels, two agoras and a restitution evening, and a
// second consultation whose rows must never be linkable from the first.

#include "db/restitution.h"
#include "sample.h"
#include "support/backends.h"

#include <map>
#include <string>
#include <vector>

namespace concerto::test {

struct RestitutionWorld {
    Database& db;
    Sample s;
    Commitment log02, log10;
    Neighbourhood centre;
    Channel web;
    Label arbres, ombre, bruit;
    Meeting agora1, agora2, evening;
    // The other consultation.
    Consultation otherConsultation;
    Label otherLabel;
    Commitment otherCommitment;
    Meeting otherAgora;
    Contribution otherContribution;
    Topic otherTopic;

    explicit RestitutionWorld(Database& database) : db(database), s(database)
    {
        log02 = AddCommitment(s.consultation.id, s.theme.id, "LOG-02", "Encadrer les loyers");
        log10 = AddCommitment(s.consultation.id, s.theme.id, "LOG-10", "Créer une maison de l'habitat");
        centre.code = "centre";
        centre.name = "Centre-ville";
        centre = NeighbourhoodRepository(db).Create(centre);
        web.code = "web";
        web.name = "Plateforme en ligne";
        web = ChannelRepository(db).Create(web);
        arbres = AddLabel(s.consultation.id, "arbres");
        ombre = AddLabel(s.consultation.id, "ombre");
        bruit = AddLabel(s.consultation.id, "bruit");
        agora1 = AddMeeting(s.consultation.id, "AG-1", "Agora logement", MeetingKind::Agora, {2023, 11, 15});
        agora2 = AddMeeting(s.consultation.id, "AG-2", "Agora nature en ville", MeetingKind::Agora, {2023, 11, 5});
        evening =
            AddMeeting(s.consultation.id, "REST", "Soirée de restitution", MeetingKind::Restitution, {2024, 1, 20});

        otherConsultation.title = "Autre consultation";
        otherConsultation = ConsultationRepository(db).Create(otherConsultation);
        Theme theme;
        theme.consultationId = otherConsultation.id;
        theme.code = "MOB";
        theme.title = "Mobilités";
        theme = ThemeRepository(db).Create(theme);
        otherCommitment = AddCommitment(otherConsultation.id, theme.id, "MOB-01", "Pistes cyclables");
        otherLabel = AddLabel(otherConsultation.id, "vélo");
        otherAgora = AddMeeting(otherConsultation.id, "AG-X", "Agora mobilités", MeetingKind::Agora, {2023, 11, 20});
        Contribution c;
        c.consultationId = otherConsultation.id;
        c.channelId = s.channel.id;
        c.receivedAt = Timestamp::At({2023, 10, 1}, 12);
        c.body = "Plus de pistes cyclables.";
        otherContribution = ContributionRepository(db).Create(c);
        otherTopic.consultationId = otherConsultation.id;
        otherTopic.title = "Vélo";
        otherTopic = TopicRepository(db).Create(otherTopic);
    }

    Commitment AddCommitment(const std::string& consultationId, const std::string& themeId, const std::string& ref,
                             const std::string& title)
    {
        Commitment m;
        m.consultationId = consultationId;
        m.themeId = themeId;
        m.ref = ref;
        m.title = title;
        return CommitmentRepository(db).Create(m);
    }

    Label AddLabel(const std::string& consultationId, const std::string& name)
    {
        Label label;
        label.consultationId = consultationId;
        label.name = name;
        return LabelRepository(db).Create(label);
    }

    Meeting AddMeeting(const std::string& consultationId, const std::string& ref, const std::string& title,
                       MeetingKind kind, const Date& day)
    {
        Meeting m;
        m.consultationId = consultationId;
        m.channelId = s.channel.id;
        m.ref = ref;
        m.title = title;
        m.kind = kind;
        m.startsAt = Timestamp::At(day, 18, 30);
        return MeetingRepository(db).Create(m);
    }

    /// A contribution of the first consultation; empty neighbourhood = none.
    Contribution AddContribution(const std::string& body, const std::string& neighbourhoodId,
                                 const std::string& channelId, const std::string& profile,
                                 ContributionState state = ContributionState::Tagged)
    {
        Contribution c;
        c.consultationId = s.consultation.id;
        c.channelId = channelId;
        c.neighbourhoodId = neighbourhoodId;
        c.receivedAt = Timestamp::At({2023, 10, 2}, 12);
        c.profile = profile;
        c.body = body;
        c.state = state;
        return ContributionRepository(db).Create(c);
    }

    void AddTag(const Contribution& c, const Commitment& m, Stance stance)
    {
        Tag tag;
        tag.contributionId = c.id;
        tag.commitmentId = m.id;
        tag.stance = stance;
        tag.coder = "test";
        tag.taggedAt = Timestamp::At({2023, 10, 3}, 9);
        TagRepository(db).Create(tag);
    }

    void AddLabelTo(const Contribution& c, const Label& label)
    {
        ContributionLabel link;
        link.contributionId = c.id;
        link.labelId = label.id;
        ContributionLabelRepository(db).Create(link);
    }

    /// A topic of the first consultation saved through SaveTopic.
    Topic SaveNewTopic(const std::string& title, const std::vector<std::string>& labelIds,
                       const std::vector<std::string>& commitmentIds, const std::vector<TopicAgora>& agoras = {})
    {
        TopicDraft draft;
        draft.topic.consultationId = s.consultation.id;
        draft.topic.title = title;
        draft.labelIds = labelIds;
        draft.commitmentIds = commitmentIds;
        draft.agoras = agoras;
        return SaveTopic(db, draft);
    }

    /// Row count of `table` (a name from the test code).
    long long Count(const std::string& table)
    {
        long long count = 0;
        QueryRows(db, "SELECT COUNT(*) FROM " + table, Params{},
                  [&](const soci::row& row) { count = Cell::Integer(row, 0); });
        return count;
    }

    /// id -> version of every row of `table` whose `column` is `value`.
    std::map<std::string, int> Versions(const std::string& table, const std::string& column, const std::string& value)
    {
        std::map<std::string, int> versions;
        QueryRows(
            db, "SELECT id, version FROM " + table + " WHERE " + column + " = :value", {{"value", value}},
            [&](const soci::row& row) { versions[Cell::Text(row, 0)] = static_cast<int>(Cell::Integer(row, 1)); });
        return versions;
    }
};

/// An agora link for a draft.
inline TopicAgora Agora(const Meeting& meeting, const std::string& outcome = {})
{
    TopicAgora agora;
    agora.meetingId = meeting.id;
    agora.outcome = outcome;
    return agora;
}

} // namespace concerto::test
