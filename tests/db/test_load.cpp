// The load test of issue 8 (item 7): 20 editor sessions at once, each a thread with its own
// connection (on PostgreSQL a personal login of concerto_editor), tag, untag, label and edit
// shared contributions with the app's own write paths: coding actions, and version-checked
// repository saves from copies read earlier (an editor left open), where a ConflictError is a
// correct answer: the session re-reads and saves again, as the conflict dialog's "keep mine"
// does. Each session records every write the database acknowledged. Afterwards the database
// must hold exactly those: each tag once, no other tag; each note the last acknowledged one; each
// contribution's version moved once per acknowledged edit; the shared counter equal to the
// acknowledged increments (no lost update); each acknowledged label link once, no other; and
// on SQLite a clean integrity_check. The figures are printed, never asserted on.

#include "coding_fixture.h"
#include "db/server_admin.h"
#include "support/pg_cluster.h"

#include <atomic>
#include <chrono>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>
#include <unistd.h>

using namespace concerto;
using namespace concerto::test;

namespace {

constexpr int kSessions = 20;
constexpr int kOperationsPerSession = 40;
constexpr int kSharedContributions = 8;
constexpr int kMaxAttempts = 100;
const char* const kLabelNames[] = {"Vélo", "Bruit", "Propreté", "Stationnement", "Arbres"};

/// What the sessions work on, created before they start.
struct World {
    std::vector<std::string> contributions; ///< shared by every session
    std::vector<std::string> commitments;
    std::string counterId;                  ///< a contribution whose note counts increments
};

/// One acknowledged note edit: the version the save returned and the note it wrote.
struct NoteEdit {
    int version;
    std::string notes;
};

/// Everything one session saw acknowledged, and its figures.
struct SessionLog {
    std::string coder;
    std::map<std::string, int> tags; ///< "contribution|commitment|stance" -> 1 while it should exist
    std::map<std::string, std::vector<NoteEdit>> notes; ///< by contribution
    std::map<std::string, int> versionBumps;            ///< acknowledged edits that moved each version
    std::set<std::string> labelLinks;                   ///< "contribution|label name"
    int increments = 0;
    int operations = 0, conflicts = 0, retries = 0, gaveUp = 0;
    std::string firstError;
};

std::string TagKey(const std::string& contribution, const std::string& commitment, const std::string& stance)
{
    return contribution + "|" + commitment + "|" + stance;
}

// Runs `op` until it succeeds; a conflict or a transient refusal (busy, serialisation, a label
// created by another session at the same instant) is retried. False when it never succeeded.
template <class Op> bool WithRetries(SessionLog& log, Op&& op)
{
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
        try {
            op();
            ++log.operations;
            return true;
        } catch (const ConflictError&) {
            ++log.conflicts;
        } catch (const Error& e) {
            if (log.firstError.empty())
                log.firstError = std::string(e.what()) + " / " + e.Detail();
        }
        ++log.retries;
    }
    ++log.gaveUp;
    return false;
}

/// One editor at work: a fixed number of random operations, every acknowledgement logged.
class EditorSession {
public:
    EditorSession(const World& world, SessionLog& log, unsigned seed) : m_world(world), m_log(log), m_random(seed) {}

    void Run(Database& db)
    {
        ContributionRepository contributions(db);
        for (const auto& id : m_world.contributions)
            m_copies[id] = contributions.Get(id);
        m_copies[m_world.counterId] = contributions.Get(m_world.counterId);
        for (int n = 0; n < kOperationsPerSession; ++n) {
            const int dice = Pick(100);
            if (dice < 30)
                AddTag(db);
            else if (dice < 40)
                RemoveTag(db);
            else if (dice < 60)
                EditNote(db, n);
            else if (dice < 70)
                SetState(db);
            else if (dice < 85)
                Increment(db);
            else
                AddLabel(db);
        }
    }

private:
    int Pick(int count) { return std::uniform_int_distribution<int>(0, count - 1)(m_random); }
    const std::string& AnyContribution() { return m_world.contributions[Pick(kSharedContributions)]; }

    void AddTag(Database& db)
    {
        const std::string& contribution = AnyContribution();
        const std::string& commitment = m_world.commitments[Pick(static_cast<int>(m_world.commitments.size()))];
        const Stance stance = Pick(2) == 0 ? Stance::Support : Stance::Criticism;
        if (WithRetries(m_log, [&] {
                MakeAddTag(contribution, TagSpec{commitment, "", stance}, {"", m_log.coder})->Apply(db);
            }))
            m_log.tags[TagKey(contribution, commitment, ToCode(stance))] = 1;
    }

    void RemoveTag(Database& db)
    {
        if (m_log.tags.empty())
            return AddTag(db);
        auto it = m_log.tags.begin();
        std::advance(it, Pick(static_cast<int>(m_log.tags.size())));
        const std::string key = it->first;
        const auto bar1 = key.find('|'), bar2 = key.rfind('|');
        if (WithRetries(m_log, [&] {
                const std::string tagId =
                    Text(db,
                         "SELECT id FROM tag WHERE coder = :coder AND contribution_id = :c AND commitment_id = :m "
                         "AND stance = :s",
                         {{"coder", m_log.coder},
                          {"c", key.substr(0, bar1)},
                          {"m", key.substr(bar1 + 1, bar2 - bar1 - 1)},
                          {"s", key.substr(bar2 + 1)}});
                MakeRemoveTag(tagId, {"", m_log.coder})->Apply(db);
            }))
            m_log.tags.erase(key);
    }

    // A save from the copy this session read earlier: stale when another session saved since.
    void EditNote(Database& db, int n)
    {
        const std::string& id = AnyContribution();
        Contribution& mine = m_copies[id];
        const std::string notes = m_log.coder + " : note " + std::to_string(n);
        if (WithRetries(m_log, [&] { Save(db, mine, [&](Contribution& c) { c.notes = notes; }); })) {
            m_log.notes[id].push_back({mine.version, notes});
            ++m_log.versionBumps[id];
        }
    }

    void SetState(Database& db)
    {
        const std::string& id = AnyContribution();
        const ContributionState state = Pick(2) == 0 ? ContributionState::ToReview : ContributionState::New;
        std::unique_ptr<CodingAction> action;
        if (WithRetries(m_log, [&] {
                action = MakeSetState(id, state);
                action->Apply(db);
            }) &&
            action->ChangedAnything())
            ++m_log.versionBumps[id];
    }

    // The classic lost-update case: read, add one, save with the version read.
    void Increment(Database& db)
    {
        Contribution& mine = m_copies[m_world.counterId];
        if (WithRetries(m_log, [&] {
                Save(db, mine, [](Contribution& c) { c.notes = std::to_string(std::stoi(c.notes) + 1); });
            }))
            ++m_log.increments;
    }

    void AddLabel(Database& db)
    {
        const std::string& id = AnyContribution();
        const std::string name = kLabelNames[Pick(5)];
        if (WithRetries(m_log, [&] { MakeAddLabel(id, name)->Apply(db); }))
            m_log.labelLinks.insert(id + "|" + name);
    }

    // Applies `change` to the copy and saves it; on a conflict the copy is re-read first (so the
    // retry applies the change to what is stored), then the conflict goes on to be counted.
    template <class Change> void Save(Database& db, Contribution& copy, Change&& change)
    {
        ContributionRepository contributions(db);
        Contribution edited = copy;
        change(edited);
        try {
            copy = contributions.Update(edited);
        } catch (const ConflictError&) {
            copy = contributions.Get(copy.id);
            throw;
        }
    }

    const World& m_world;
    SessionLog& m_log;
    std::mt19937 m_random;
    std::map<std::string, Contribution> m_copies;
};

World MakeWorld(Database& db)
{
    Sample s(db);
    World world;
    world.commitments.push_back(s.commitment.id);
    for (int i = 2; i <= 3; ++i) {
        Commitment more = s.commitment;
        more.id.clear();
        more.ref = "LOG-0" + std::to_string(i);
        more.title = "Engagement " + std::to_string(i);
        world.commitments.push_back(CommitmentRepository(db).Create(more).id);
    }
    for (int i = 0; i < kSharedContributions; ++i)
        world.contributions.push_back(s.AddContribution(db, "Contribution partagée " + std::to_string(i)).id);
    Contribution counter = s.AddContribution(db, "Compteur partagé");
    counter.notes = "0";
    world.counterId = ContributionRepository(db).Update(counter).id;
    return world;
}

// The location each session connects to: the same file on SQLite; on PostgreSQL a personal
// login of concerto_editor per session, on a server set up by InitServer.
std::vector<std::string> SessionLocations(Database& db, std::vector<SessionLog>& logs)
{
    std::vector<std::string> locations;
    if (db.GetBackend() == Backend::Sqlite) {
        for (int i = 0; i < kSessions; ++i) {
            logs[i].coder = "editeur" + std::to_string(i);
            locations.push_back("sqlite:" + db.GetLocation().target);
        }
        return locations;
    }
    InitServer(db);
    const std::string& uri = db.GetLocation().target;
    const std::string dbname = uri.substr(uri.rfind('/') + 1);
    for (int i = 0; i < kSessions; ++i) {
        const std::string login = "load_" + std::to_string(getpid()) + "_" + std::to_string(i);
        const std::string password = "Charge-" + std::to_string(i) + "-secret";
        AddUser(db, login, password, AccessLevel::Editor);
        logs[i].coder = login;
        locations.push_back(SharedPgCluster().LoginKeyValue(login, password, dbname));
    }
    return locations;
}

void CheckTags(Database& db, const std::vector<SessionLog>& logs)
{
    std::map<std::string, int> expected, stored;
    for (const auto& log : logs)
        for (const auto& [key, present] : log.tags)
            expected[log.coder + "|" + key] = present;
    QueryRows(db, "SELECT coder, contribution_id, commitment_id, stance FROM tag", Params{},
              [&](const soci::row& row) {
                  ++stored[Cell::Text(row, 0) + "|" +
                           TagKey(Cell::Text(row, 1), Cell::Text(row, 2), Cell::Text(row, 3))];
              });
    BOOST_TEST(stored.size() == expected.size());
    for (const auto& [key, count] : stored)
        BOOST_TEST(count == expected[key], "tag " << key);
}

void CheckContributions(Database& db, const World& world, const std::vector<SessionLog>& logs)
{
    ContributionRepository contributions(db);
    for (const auto& id : world.contributions) {
        int bumps = 0;
        NoteEdit last{0, ""};
        for (const auto& log : logs) {
            if (auto it = log.versionBumps.find(id); it != log.versionBumps.end())
                bumps += it->second;
            if (auto it = log.notes.find(id); it != log.notes.end())
                for (const auto& edit : it->second)
                    if (edit.version > last.version)
                        last = edit;
        }
        const Contribution stored = contributions.Get(id);
        BOOST_TEST(stored.version == 1 + bumps, "versions of " << id);
        BOOST_TEST(stored.notes == last.notes, "note of " << id);
    }
    int increments = 0;
    for (const auto& log : logs)
        increments += log.increments;
    const Contribution counter = contributions.Get(world.counterId);
    BOOST_TEST(counter.notes == std::to_string(increments));
    BOOST_TEST(counter.version == 2 + increments); // created, set to "0", then one version per increment
}

void CheckLabels(Database& db, const std::vector<SessionLog>& logs)
{
    std::set<std::string> expected;
    for (const auto& log : logs)
        expected.insert(log.labelLinks.begin(), log.labelLinks.end());
    std::map<std::string, int> stored;
    QueryRows(db, "SELECT cl.contribution_id, l.name FROM contribution_label cl JOIN label l ON l.id = cl.label_id",
              Params{}, [&](const soci::row& row) { ++stored[Cell::Text(row, 0) + "|" + Cell::Text(row, 1)]; });
    BOOST_TEST(stored.size() == expected.size());
    for (const auto& [key, count] : stored) {
        BOOST_TEST(count == 1, "label link " << key);
        BOOST_TEST(expected.count(key) == 1, "label link " << key);
    }
    for (const char* name : kLabelNames)
        BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM label WHERE name = :n", {{"n", name}}) <= 1, name);
}

} // namespace

BACKEND_TEST(load_twenty_editors_lose_no_write)
{
    const World world = MakeWorld(db);
    std::vector<SessionLog> logs(kSessions);
    const std::vector<std::string> locations = SessionLocations(db, logs);

    std::vector<std::string> failures(kSessions);
    std::vector<std::thread> threads;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kSessions; ++i)
        threads.emplace_back([&, i] {
            try {
                auto session = Database::Open(locations[i]);
                EditorSession(world, logs[i], 1000u + static_cast<unsigned>(i)).Run(*session);
            } catch (const std::exception& e) {
                failures[i] = e.what();
            }
        });
    for (auto& thread : threads)
        thread.join();
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    int operations = 0, conflicts = 0, retries = 0, gaveUp = 0;
    for (int i = 0; i < kSessions; ++i) {
        BOOST_TEST(failures[i].empty(), "session " << i << ": " << failures[i]);
        BOOST_TEST(logs[i].gaveUp == 0, "session " << i << " gave up: " << logs[i].firstError);
        operations += logs[i].operations;
        conflicts += logs[i].conflicts;
        retries += logs[i].retries;
        gaveUp += logs[i].gaveUp;
    }
    const char* backend = db.GetBackend() == Backend::Sqlite ? "sqlite" : "postgresql";
    std::ostringstream figures;
    figures << "load: " << backend << ": " << kSessions << " sessions, " << operations << " operations, " << conflicts
            << " conflicts, " << retries << " retries, " << gaveUp << " abandoned, " << elapsed << " s, "
            << static_cast<long long>(operations / elapsed) << " ops/s";
    BOOST_TEST_MESSAGE(figures.str());
    std::cout << figures.str() << std::endl;

    CheckTags(db, logs);
    CheckContributions(db, world, logs);
    CheckLabels(db, logs);
    if (db.GetBackend() == Backend::Sqlite)
        BOOST_TEST(Text(db, "PRAGMA integrity_check") == "ok");
}
