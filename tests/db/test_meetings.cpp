// The meeting queries of the meetings area and the quick entry, identical on SQLite and
// PostgreSQL: the list with counts, a meeting's contributions, slip numbers, deletion.

#include "db/meeting_queries.h"
#include "sample.h"
#include "support/backends.h"

using namespace concerto;
using concerto::test::Sample;

namespace {
Contribution AddSlip(Database& db, Sample& s, const std::string& ref, const std::string& meetingId)
{
    Contribution c = s.AddContribution(db, "Fiche " + ref);
    c.sourceRef = ref;
    c.meetingId = meetingId;
    return ContributionRepository(db).Update(c);
}
} // namespace

BOOST_AUTO_TEST_SUITE(meetings)

BOOST_AUTO_TEST_CASE(trailing_numbers_increment)
{
    BOOST_TEST(IncrementTrailingNumber("CAR-3-12") == "CAR-3-13");
    BOOST_TEST(IncrementTrailingNumber("CAR-3-9") == "CAR-3-10");
    BOOST_TEST(IncrementTrailingNumber("lettre 099") == "lettre 100");
    BOOST_TEST(IncrementTrailingNumber("007") == "008");
    BOOST_TEST(IncrementTrailingNumber("999") == "1000");
    BOOST_TEST(IncrementTrailingNumber("7") == "8");
    BOOST_TEST(IncrementTrailingNumber("EXPO") == "EXPO");
    BOOST_TEST(IncrementTrailingNumber("") == "");
    BOOST_TEST(IncrementTrailingNumber("fiche n°12345678901234567899") == "fiche n°12345678901234567900");
}

BACKEND_TEST(meeting_rows_carry_names_and_counts)
{
    Sample s(db);
    Meeting empty = s.meeting;
    empty.id.clear();
    empty.version = 0;
    empty.ref = "CAR-2";
    empty.title = "Caravane — école";
    empty.neighbourhoodId.clear();
    empty.startsAt = Timestamp::At({2023, 9, 20}, 16, 30);
    empty = MeetingRepository(db).Create(empty);
    for (int i = 0; i < 3; ++i)
        s.AddContribution(db, "Texte " + std::to_string(i));

    const auto rows = ListMeetingRows(db, s.consultation.id);
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[0].meeting.ref == "CAR-2"); // oldest first
    BOOST_TEST(rows[0].contributions == 0);
    BOOST_TEST(rows[0].neighbourhoodName.empty());
    BOOST_TEST(rows[1].meeting.ref == "CAR-1");
    BOOST_TEST(rows[1].contributions == 3);
    BOOST_TEST(rows[1].channelName == "Caravane citoyenne");
    BOOST_TEST(rows[1].neighbourhoodName == "Ivry-Port");
    BOOST_TEST(rows[1].meeting.attendance.value_or(-1) == 120);
    BOOST_TEST(ListMeetingRows(db, s.consultation.id, s.channel.id).size() == 2u);
    BOOST_TEST(ListMeetingRows(db, s.consultation.id, s.neighbourhood.id).empty()); // no such channel

    BOOST_TEST(CountMeetingContributions(db, s.meeting.id) == 3);
    const auto excerpts = ListMeetingContributions(db, s.meeting.id, 2);
    BOOST_TEST(excerpts.size() == 2u);
    BOOST_TEST(excerpts[0].body.rfind("Texte ", 0) == 0);
}

BACKEND_TEST(next_slip_number_follows_the_highest_used)
{
    Sample s(db);
    BOOST_TEST(NextSlipNumber(db, s.consultation.id, s.channel.id, s.meeting.id, "CAR-1") == "CAR-1-1");
    AddSlip(db, s, "CAR-1-2", s.meeting.id);
    AddSlip(db, s, "CAR-1-10", s.meeting.id);
    AddSlip(db, s, "CAR-1-x", s.meeting.id);  // not a number: ignored
    AddSlip(db, s, "CAR-1-100", {});          // not this meeting's
    AddSlip(db, s, "car-1-50", s.meeting.id); // another prefix for a case-sensitive reader
    AddSlip(db, s, "CAR_1-70", s.meeting.id); // "_" is no wildcard
    BOOST_TEST(NextSlipNumber(db, s.consultation.id, s.channel.id, s.meeting.id, "CAR-1") == "CAR-1-11");
    // Without a meeting, the channel's slips of the consultation count.
    BOOST_TEST(NextSlipNumber(db, s.consultation.id, s.channel.id, {}, "CAR-1") == "CAR-1-101");

    BOOST_TEST(SourceRefTaken(db, s.consultation.id, s.channel.id, "CAR-1-10"));
    BOOST_TEST(!SourceRefTaken(db, s.consultation.id, s.channel.id, "CAR-1-11"));
    BOOST_TEST(!SourceRefTaken(db, s.consultation.id, s.channel.id, ""));
}

BACKEND_TEST(deleting_a_meeting_keeps_its_contributions)
{
    Sample s(db);
    const Contribution c = s.AddContribution(db, "Reste après la rencontre");
    MeetingRepository(db).Remove(s.meeting.id, s.meeting.version);
    const Contribution kept = ContributionRepository(db).Get(c.id);
    BOOST_TEST(kept.meetingId.empty());
    BOOST_TEST(ListMeetingRows(db, s.consultation.id).empty());
}

BACKEND_TEST(meeting_reference_is_unique_per_consultation)
{
    Sample s(db);
    Meeting twin = s.meeting;
    twin.id.clear();
    twin.version = 0;
    BOOST_CHECK_THROW(MeetingRepository(db).Create(twin), ValidationError);
    BOOST_TEST(MeetingRepository(db).Count() == 1);
}

BOOST_AUTO_TEST_SUITE_END()
