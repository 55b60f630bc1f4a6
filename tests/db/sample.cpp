#include "sample.h"

namespace concerto::test {

Sample::Sample(Database& db)
{
    consultation.title = "Bilan de mi-mandat";
    consultation.startsOn = Date{2023, 5, 1};
    consultation = ConsultationRepository(db).Create(consultation);
    theme.consultationId = consultation.id;
    theme.code = "LOG";
    theme.title = "Logement";
    theme = ThemeRepository(db).Create(theme);
    commitment.consultationId = consultation.id;
    commitment.themeId = theme.id;
    commitment.ref = "LOG-01";
    commitment.title = "Rénover les logements anciens";
    commitment.status = CommitmentStatus::InProgress;
    commitment = CommitmentRepository(db).Create(commitment);
    neighbourhood.code = "port";
    neighbourhood.name = "Ivry-Port";
    neighbourhood = NeighbourhoodRepository(db).Create(neighbourhood);
    channel.code = "caravane";
    channel.name = "Caravane citoyenne";
    channel = ChannelRepository(db).Create(channel);
    card.consultationId = consultation.id;
    card.themeId = theme.id;
    card.code = "CARTE-LOG";
    card.title = "Carte logement";
    card = CardRepository(db).Create(card);
    meeting.consultationId = consultation.id;
    meeting.channelId = channel.id;
    meeting.ref = "CAR-1";
    meeting.title = "Caravane — marché";
    meeting.startsAt = Timestamp::At({2023, 9, 23}, 9, 30);
    meeting.neighbourhoodId = neighbourhood.id;
    meeting.attendance = 120;
    meeting = MeetingRepository(db).Create(meeting);
}

Contribution Sample::AddContribution(Database& db, const std::string& body, const Date& day)
{
    Contribution c;
    c.consultationId = consultation.id;
    c.channelId = channel.id;
    c.meetingId = meeting.id;
    c.neighbourhoodId = neighbourhood.id;
    c.receivedAt = Timestamp::At(day, 12);
    c.body = body;
    return ContributionRepository(db).Create(c);
}

} // namespace concerto::test
