// Concurrency and failure safety (issue 8, item 6). Two sessions — two Database connections of
// their own — on each backend: a stale edit of any version-checked row is a ConflictError that
// writes nothing, never an overwrite, and so is a deletion of a row the other session edited. On
// PostgreSQL: two coders' writes to one contribution interleaved by the server's row lock; a
// transaction whose connection dies (before COMMIT, or while COMMIT is on its way) reports the
// lost connection, honestly, and leaves nothing; the change listener listens again after a
// server restart and hears the next change; and a committed save survives
// `pg_ctl stop -m immediate` on a private cluster (restarting the shared one would break the
// other suites' connections).

#include "notice_log.h"
#include "sample.h"

#include "db/change_listener.h"
#include "db/coding.h"
#include "db/connection_profile.h"
#include "db/restitution.h"
#include "support/backends.h"
#include "support/pg_cluster.h"

#include <soci/soci.h>

#include <chrono>
#include <exception>
#include <thread>

using namespace concerto;

namespace {

/// The server process of `db`'s connection.
int BackendPid(Database& db)
{
    int pid = 0;
    db.Session() << "SELECT pg_backend_pid()", soci::into(pid);
    return pid;
}

/// Ends backend `pid` from `killer`'s connection and waits (bounded) until it is gone.
void Terminate(Database& killer, int pid)
{
    int done = 0;
    killer.Session() << "SELECT CAST(pg_terminate_backend(:p, 20000) AS integer)", soci::use(pid), soci::into(done);
    BOOST_REQUIRE(done == 1);
}

/// Waits (bounded) until backend `pid` waits for a lock; false when it never did.
bool WaitsForALock(Database& observer, int pid)
{
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < end) {
        std::string waiting;
        soci::indicator indicator = soci::i_null;
        observer.Session() << "SELECT wait_event_type FROM pg_stat_activity WHERE pid = :p", soci::use(pid),
            soci::into(waiting, indicator);
        if (indicator == soci::i_ok && waiting == "Lock")
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

/// The message of what `work` throws as a ConflictError; fails the test when it throws nothing.
template <class Work> ConflictError ConflictOf(Work work)
{
    try {
        work();
    } catch (const ConflictError& e) {
        return e;
    }
    BOOST_FAIL("a stale write must be refused with a ConflictError");
    throw std::logic_error("unreachable");
}

/// Waits (bounded) until `notice` has been heard `count` times.
bool WaitForCount(test::HeardNotices& heard, const std::string& notice, long count)
{
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(test::kNoticePatienceMs);
    while (heard.Count(notice) < count && std::chrono::steady_clock::now() < end)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    return heard.Count(notice) >= count;
}

std::string LocationOf(const Database& db)
{
    const Location& location = db.GetLocation();
    return location.backend == Backend::Sqlite ? "sqlite:" + location.target : location.target;
}

} // namespace

BOOST_AUTO_TEST_SUITE(failure)

BACKEND_TEST(a_stale_contribution_edit_is_a_conflict_in_two_sessions)
{
    test::Sample s(db);
    auto other = db.Reopen(); // a colleague's own connection
    const Contribution opened = s.AddContribution(db, "Plus de bancs au parc");
    Contribution mine = ContributionRepository(db).Get(opened.id);
    Contribution theirs = ContributionRepository(*other).Get(opened.id);
    theirs.body = "Plus de bancs et d'ombre au parc";
    theirs = ContributionRepository(*other).Update(theirs);

    mine.body = "Moins de bancs";
    const ConflictError e = ConflictOf([&] { ContributionRepository(db).Update(mine); });
    BOOST_TEST(e.Table() == "contribution");
    BOOST_TEST(e.ExpectedVersion() == opened.version);
    BOOST_TEST(e.CurrentVersion() == theirs.version);
    const Contribution stored = ContributionRepository(db).Get(opened.id);
    BOOST_TEST(stored.body == theirs.body);
    BOOST_TEST(stored.version == theirs.version);

    // Deleting what the other session edited meanwhile is refused too: the row stays.
    ConflictOf([&] { ContributionRepository(db).Remove(opened.id, opened.version); });
    BOOST_TEST(ContributionRepository(*other).Get(opened.id).body == theirs.body);

    // Once the other session deleted it, an edit of the old copy says so and creates nothing.
    ContributionRepository(*other).Remove(opened.id, theirs.version);
    mine.version = theirs.version;
    BOOST_TEST(ConflictOf([&] { ContributionRepository(db).Update(mine); }).CurrentVersion() == 0);
    BOOST_TEST(!ContributionRepository(db).Find(opened.id).has_value());
}

BACKEND_TEST(stale_meetings_topics_points_and_status_changes_are_conflicts)
{
    test::Sample s(db);
    auto other = db.Reopen();

    // A meeting.
    Meeting meeting = MeetingRepository(db).Get(s.meeting.id);
    Meeting theirMeeting = MeetingRepository(*other).Get(s.meeting.id);
    theirMeeting.notes = "Compte rendu de la collègue";
    MeetingRepository(*other).Update(theirMeeting);
    meeting.notes = "Mon compte rendu";
    ConflictOf([&] { MeetingRepository(db).Update(meeting); });
    BOOST_TEST(MeetingRepository(db).Get(s.meeting.id).notes == "Compte rendu de la collègue");
    ConflictOf([&] { MeetingRepository(db).Remove(meeting.id, meeting.version); });
    BOOST_TEST(MeetingRepository(db).Find(s.meeting.id).has_value());

    // A topic, through the topic editor's save.
    TopicDraft topic;
    topic.topic.consultationId = s.consultation.id;
    topic.topic.title = "Mobilités douces";
    const Topic created = SaveTopic(db, topic);
    TopicDraft theirTopic;
    theirTopic.topic = TopicRepository(*other).Get(created.id);
    theirTopic.topic.title = "Vélo et marche";
    SaveTopic(*other, theirTopic);
    topic.topic = created;
    topic.topic.title = "Mobilités";
    ConflictOf([&] { SaveTopic(db, topic); });
    BOOST_TEST(TopicRepository(db).Get(created.id).title == "Vélo et marche");

    // A reorientation point, through the point editor's save.
    ReorientationDraft point;
    point.point.consultationId = s.consultation.id;
    point.point.title = "Étendre les horaires du parc";
    const Reorientation saved = SaveReorientation(db, point);
    ReorientationDraft theirPoint;
    theirPoint.point = ReorientationRepository(*other).Get(saved.id);
    theirPoint.point.rationale = "Demandé par trois agoras";
    SaveReorientation(*other, theirPoint);
    point.point = saved;
    point.point.rationale = "Ma justification";
    ConflictOf([&] { SaveReorientation(db, point); });
    BOOST_TEST(ReorientationRepository(db).Get(saved.id).rationale == "Demandé par trois agoras");

    // A commitment's status change: refused, and no history line recorded.
    CommitmentRepository mineRepository(db), theirRepository(*other);
    const Commitment commitment = mineRepository.Get(s.commitment.id);
    theirRepository.ChangeStatus(theirRepository.Get(s.commitment.id), CommitmentStatus::InProgress, {2024, 3, 1},
                                 "Travaux lancés");
    const auto history = mineRepository.History(s.commitment.id).size();
    ConflictOf([&] { mineRepository.ChangeStatus(commitment, CommitmentStatus::Dropped, {2024, 3, 2}, ""); });
    BOOST_TEST(mineRepository.History(s.commitment.id).size() == history);
    BOOST_TEST((mineRepository.Get(s.commitment.id).status == CommitmentStatus::InProgress));
}

BACKEND_TEST(a_coders_undo_never_overwrites_the_other_coders_edit)
{
    test::Sample s(db);
    auto other = db.Reopen();
    const Contribution c = s.AddContribution(db, "Un marché couvert");
    CodingHistory mine;
    mine.Do(db, MakeSetState(c.id, ContributionState::ToReview));
    mine.Do(db, MakeSetNote(c.id, "À relire"));
    // The other coder, on their own connection, excludes it with a note of their own.
    CodingHistory theirs;
    theirs.Do(*other, MakeSetState(c.id, ContributionState::Excluded, "Hors sujet"));
    theirs.Do(*other, MakeSetNote(c.id, "Hors sujet : voirie"));
    BOOST_CHECK_THROW(mine.Undo(db), ConflictError);
    BOOST_CHECK_THROW(mine.Undo(db), ConflictError);
    const Contribution stored = ContributionRepository(db).Get(c.id);
    BOOST_TEST(stored.notes == "Hors sujet : voirie");
    BOOST_TEST((stored.state == ContributionState::Excluded));
    BOOST_TEST(stored.exclusionReason == "Hors sujet");
}

BOOST_AUTO_TEST_CASE(two_coders_writing_at_once_make_a_conflict_not_a_lost_write)
{
    // The other coder's update holds the row's lock; this coder's note reads the old version,
    // then waits on the lock; when the other commits, this UPDATE finds a newer version.
    auto db = test::FreshDatabase(Backend::Postgresql);
    test::Sample s(*db);
    const Contribution c = s.AddContribution(*db, "Une piscine en plein air");
    auto coder = db->Reopen(), observer = db->Reopen();
    const int coderPid = BackendPid(*coder);

    std::exception_ptr outcome;
    std::thread writer;
    db->InTransaction([&] {
        Contribution theirs = ContributionRepository(*db).Get(c.id);
        theirs.notes = "Note de la première codeuse";
        ContributionRepository(*db).Update(theirs);
        writer = std::thread([&] {
            try {
                MakeSetNote(c.id, "Note du second codeur")->Apply(*coder);
            } catch (...) {
                outcome = std::current_exception();
            }
        });
        BOOST_TEST(WaitsForALock(*observer, coderPid));
    });
    writer.join();
    BOOST_REQUIRE(outcome);
    BOOST_CHECK_THROW(std::rethrow_exception(outcome), ConflictError);
    const Contribution stored = ContributionRepository(*observer).Get(c.id);
    BOOST_TEST(stored.notes == "Note de la première codeuse");
    BOOST_TEST(stored.version == c.version + 1);
}

BOOST_AUTO_TEST_CASE(a_transaction_whose_connection_dies_saves_nothing_and_says_so)
{
    auto db = test::FreshDatabase(Backend::Postgresql);
    test::Sample s(*db);
    auto killer = db->Reopen();
    const std::string location = LocationOf(*db);
    std::string id;
    try {
        db->InTransaction([&] {
            id = s.AddContribution(*db, "Écrite puis coupée").id;
            Terminate(*killer, BackendPid(*db));
            ContributionRepository(*db).Count(); // the next statement meets the dead connection
        });
        BOOST_FAIL("a transaction on a dead connection cannot succeed");
    } catch (const DatabaseError& e) {
        BOOST_TEST(IsConnectionLost(e), e.what() << " / " << e.Detail());
        BOOST_TEST(std::string(e.what()).find("Rien n'a été enregistré") != std::string::npos, e.what());
    }
    BOOST_TEST(!IsConnectionAlive(*db));
    auto again = Database::Open(location);
    BOOST_REQUIRE(!id.empty());
    BOOST_TEST(!ContributionRepository(*again).Find(id).has_value());
}

BOOST_AUTO_TEST_CASE(a_commit_without_an_answer_is_reported_as_uncertain_not_as_failed)
{
    // The connection dies after the work and before COMMIT's answer: the program cannot know
    // whether the server committed, and must not say "nothing was saved".
    auto db = test::FreshDatabase(Backend::Postgresql);
    test::Sample s(*db);
    auto killer = db->Reopen();
    const std::string location = LocationOf(*db);
    std::string id;
    try {
        db->InTransaction([&] {
            id = s.AddContribution(*db, "Validée sans réponse").id;
            Terminate(*killer, BackendPid(*db));
        });
        BOOST_FAIL("a commit on a dead connection cannot succeed");
    } catch (const DatabaseError& e) {
        BOOST_TEST(IsConnectionLost(e), e.what() << " / " << e.Detail());
        const std::string message = e.what();
        BOOST_TEST(message.find("n'a peut-être pas abouti") != std::string::npos, message);
        BOOST_TEST(message.find("Rien n'a été enregistré") == std::string::npos, message);
    }
    // Here the server had ended the session before COMMIT came: nothing of it is stored.
    auto again = Database::Open(location);
    BOOST_TEST(!ContributionRepository(*again).Find(id).has_value());
}

BOOST_AUTO_TEST_CASE(a_committed_save_survives_an_immediate_stop)
{
    test::PgCluster cluster; // private: stopping the shared one would break the other suites
    cluster.CreateDatabase("failure_durable");
    const std::string location = cluster.KeyValue("failure_durable");
    auto db = Database::Open(location);
    test::Sample s(*db);
    Contribution saved = s.AddContribution(*db, "Enregistrée avant l'arrêt brutal");
    saved.notes = "Modifiée puis validée";
    saved = ContributionRepository(*db).Update(saved);

    // A save in progress when the server is stopped: its commit fails, and the server recovers
    // without it.
    auto pending = db->Reopen();
    std::string unfinished;
    try {
        pending->InTransaction([&] {
            unfinished = s.AddContribution(*pending, "En cours pendant l'arrêt").id;
            cluster.Restart(true); // pg_ctl stop -m immediate, then start
        });
        BOOST_FAIL("a commit after the server stopped cannot succeed");
    } catch (const DatabaseError& e) {
        BOOST_TEST(IsConnectionLost(e), e.what() << " / " << e.Detail());
    }
    BOOST_TEST(!IsConnectionAlive(*db));

    auto after = Database::Open(location);
    const auto stored = ContributionRepository(*after).Find(saved.id);
    BOOST_REQUIRE(stored.has_value());
    BOOST_TEST(stored->body == "Enregistrée avant l'arrêt brutal");
    BOOST_TEST(stored->notes == "Modifiée puis validée");
    BOOST_TEST(stored->version == saved.version);
    BOOST_TEST(!ContributionRepository(*after).Find(unfinished).has_value());
    // A clean restart keeps it too.
    cluster.Restart(false);
    BOOST_TEST(ContributionRepository(*Database::Open(location)).Get(saved.id).notes == "Modifiée puis validée");
}

BOOST_AUTO_TEST_CASE(the_listener_listens_again_after_server_restarts)
{
    test::PgCluster cluster; // private: restarting the shared one would break the other suites
    cluster.CreateDatabase("failure_listener");
    const std::string location = cluster.KeyValue("failure_listener");
    auto db = Database::Open(location);
    test::Sample s(*db);
    test::HeardNotices heard;
    ChangeListener listener(db->GetLocation(), heard.Recorder());
    test::StartListening(listener);

    long reconnections = 0;
    for (const bool immediate : {true, false}) {
        cluster.Restart(immediate);
        // Told that anything may have changed meanwhile, then listening again.
        BOOST_TEST_REQUIRE(WaitForCount(heard, "*:", ++reconnections));
        BOOST_TEST(listener.WaitUntilListening(test::kNoticePatienceMs));
        auto writer = Database::Open(location);
        const Contribution c = s.AddContribution(*writer, immediate ? "Après l'arrêt brutal" : "Après le redémarrage");
        BOOST_TEST(heard.WaitFor("contribution:" + c.id));
    }
    listener.Stop();
}

BOOST_AUTO_TEST_SUITE_END()
