// The demo consultation: complete, deterministic, identical on both backends, and the
// CLI's demo and stats agree.

#include "cli_run.h"
#include "db/demo.h"
#include "db/repositories.h"
#include "db/repository.h"
#include "db/stats.h"
#include "support/backends.h"
#include "support/dump.h"

#include <memory>
#include <set>

using namespace concerto;

namespace {
std::string GenerateAndDump(Backend backend, std::uint64_t seed, std::uint64_t count)
{
    auto db = test::FreshDatabase(backend);
    SilentProgress progress;
    GenerateDemo(*db, DemoOptions{count, seed}, progress);
    return test::DumpDatabase(*db);
}

} // namespace

BOOST_AUTO_TEST_SUITE(demo)

BACKEND_TEST(demo_consultation_is_complete)
{
    SilentProgress progress;
    const std::string id = GenerateDemo(db, DemoOptions{1500, 11}, progress);
    const Stats stats = CollectStats(db, id);
    std::map<std::string, long long> rows(stats.perEntity.begin(), stats.perEntity.end());
    BOOST_TEST(rows["contribution"] == 1500);
    BOOST_TEST(rows["neighbourhood"] == 8);
    BOOST_TEST(rows["theme"] >= 7);
    BOOST_TEST((rows["commitment"] >= 110 && rows["commitment"] <= 140));
    BOOST_TEST(rows["commitment_status_change"] > rows["commitment"]);
    BOOST_TEST(rows["tag"] > 700);
    BOOST_TEST(rows["contribution_label"] > 50);
    BOOST_TEST(rows["topic"] >= 4);
    BOOST_TEST(rows["reorientation"] >= 4);
    BOOST_TEST(rows["reorientation_link"] > rows["reorientation"]);
    BOOST_TEST(stats.contributions == 1500);
    BOOST_TEST((stats.tagged > 700 && stats.tagged < 1100));
    long long byCoder = 0;
    for (const auto& [coder, count] : stats.perCoder)
        byCoder += count;
    BOOST_TEST(byCoder == stats.tagged); // the demo has one coder per contribution
    BOOST_TEST(stats.perCoder.size() == 4u);
    MeetingRepository meetings(db);
    ChannelRepository channels(db);
    const auto count = [&](const char* channel) {
        return meetings.Count({Repository<Meeting>::Equals("channel_id", channels.FindBy("code", channel)->id)});
    };
    BOOST_TEST(count("caravane") == 23);
    BOOST_TEST(count("cafe-quartier") == 6);
    BOOST_TEST(meetings.Count({Repository<Meeting>::Equals("kind", "agora")}) == 4);
    const auto restitution = meetings.FindBy("kind", "restitution");
    BOOST_REQUIRE(restitution.has_value());
    BOOST_TEST(restitution->startsAt.Day().ToIso() == "2023-12-01");
    BOOST_TEST(meetings.FindBy("ref", "CAR-1")->startsAt.Day().ToIso() == "2023-09-23");
    // Texts are varied natural French, not one sentence repeated.
    std::set<std::string> bodies;
    for (const auto& c : ContributionRepository(db).List())
        bodies.insert(c.body);
    BOOST_TEST(bodies.size() > 1400u);
    ContributionFilter quotes;
    quotes.consultationId = id;
    quotes.isQuote = true;
    BOOST_TEST(ContributionRepository(db).CountMatching(quotes) > 30);
    // Running it twice is refused rather than duplicated.
    BOOST_CHECK_THROW(GenerateDemo(db, DemoOptions{10, 11}, progress), ValidationError);
}

// The synthesis the deliverable shows: topics worked on by agoras with their outcome, and
// reorientation points whose evidence speaks of their commitments or topic, quotes included.
BACKEND_TEST(demo_synthesis_carries_real_evidence)
{
    SilentProgress progress;
    GenerateDemo(db, DemoOptions{1500, 11}, progress);
    const auto count = [&](const std::string& sql) {
        long long n = -1;
        QueryRows(db, sql, Params{}, [&](const soci::row& row) { n = Cell::Integer(row, 0); });
        return n;
    };
    BOOST_TEST(count("SELECT COUNT(*) FROM topic_link tl JOIN meeting m ON m.id = tl.meeting_id WHERE m.kind = "
                     "'agora' AND tl.outcome <> ''") == 4);
    BOOST_TEST(count("SELECT COUNT(DISTINCT outcome) FROM topic_link WHERE outcome <> ''") == 4);
    BOOST_TEST(count("SELECT COUNT(*) FROM reorientation WHERE decision = 'adopted'") >= 3);
    // Every point cites contributions; every adopted one at least one quote and two dated notes.
    BOOST_TEST(count("SELECT COUNT(*) FROM reorientation r WHERE NOT EXISTS (SELECT 1 FROM reorientation_link rl "
                     "WHERE rl.reorientation_id = r.id AND rl.contribution_id IS NOT NULL)") == 0);
    BOOST_TEST(count("SELECT COUNT(*) FROM reorientation r WHERE r.decision = 'adopted' AND NOT EXISTS (SELECT 1 "
                     "FROM reorientation_link rl JOIN contribution c ON c.id = rl.contribution_id WHERE "
                     "rl.reorientation_id = r.id AND c.is_quote AND LENGTH(c.body) > 60)") == 0);
    BOOST_TEST(count("SELECT COUNT(*) FROM reorientation r WHERE r.decision = 'adopted' AND (SELECT COUNT(*) FROM "
                     "reorientation_note n WHERE n.reorientation_id = r.id) < 2") == 0);
    // Each cited contribution speaks of the point's commitments or of its topic (labels, commitments).
    BOOST_TEST(count("SELECT COUNT(*) FROM reorientation_link e WHERE e.contribution_id IS NOT NULL AND NOT EXISTS "
                     "(SELECT 1 FROM tag t JOIN reorientation_link rc ON rc.commitment_id = t.commitment_id WHERE "
                     "rc.reorientation_id = e.reorientation_id AND t.contribution_id = e.contribution_id) AND NOT "
                     "EXISTS (SELECT 1 FROM reorientation_link rt JOIN topic_link tl ON tl.topic_id = rt.topic_id "
                     "LEFT JOIN tag t ON t.commitment_id = tl.commitment_id AND t.contribution_id = e.contribution_id "
                     "LEFT JOIN contribution_label cl ON cl.label_id = tl.label_id AND cl.contribution_id = "
                     "e.contribution_id WHERE rt.reorientation_id = e.reorientation_id AND (t.id IS NOT NULL OR "
                     "cl.id IS NOT NULL))") == 0);
    // Commitments born at the restitution: linked as "new", with a history starting that evening.
    BOOST_TEST(count("SELECT COUNT(*) FROM commitment cm JOIN reorientation_link rl ON rl.commitment_id = cm.id "
                     "AND rl.change = 'new' WHERE cm.origin = 'restitution'") >= 1);
    BOOST_TEST(count("SELECT COUNT(*) FROM commitment cm WHERE cm.origin = 'restitution' AND NOT EXISTS (SELECT 1 "
                     "FROM commitment_status_change s WHERE s.commitment_id = cm.id AND s.effective_on = "
                     "'2023-12-01')") == 0);
}

BACKEND_TEST(cancelling_leaves_nothing_behind)
{
    struct CancelAtOnce : Progress {
        void Begin(const std::string&, std::uint64_t) override {}
        void Advance(std::uint64_t) override {}
        bool IsCancelled() const override { return true; }
    } cancel;
    BOOST_CHECK_THROW(GenerateDemo(db, DemoOptions{12000, 3}, cancel), CancelledError);
    for (const auto& [table, count] : CollectStats(db).perEntity)
        BOOST_TEST(count == 0, table);
}

BOOST_AUTO_TEST_CASE(same_seed_same_data_on_each_backend_and_across_them)
{
    const std::string sqliteA = GenerateAndDump(Backend::Sqlite, 5, 400);
    const std::string sqliteB = GenerateAndDump(Backend::Sqlite, 5, 400);
    const std::string postgresA = GenerateAndDump(Backend::Postgresql, 5, 400);
    const std::string postgresB = GenerateAndDump(Backend::Postgresql, 5, 400);
    const std::string other = GenerateAndDump(Backend::Sqlite, 6, 400);
    BOOST_TEST(sqliteA.size() > 100000u);
    BOOST_TEST((sqliteA == sqliteB));
    BOOST_TEST((postgresA == postgresB));
    BOOST_TEST((sqliteA == postgresA));
    BOOST_TEST((sqliteA != other));
}

BOOST_AUTO_TEST_CASE(cli_demo_then_stats_agree_on_both_backends)
{
    std::string outputs[2];
    int i = 0;
    for (const Backend backend : {Backend::Sqlite, Backend::Postgresql}) {
        const std::string location = test::FreshLocation(backend);
        const auto demo = test::RunCommand(test::CliPath() + " demo --db '" + location +
                                           "' --contributions 700 --seed 9 2>/dev/null");
        BOOST_TEST(demo.second == 0, demo.first);
        BOOST_TEST(demo.first.find("700 contributions") != std::string::npos, demo.first);
        const auto stats = test::RunCommand(test::CliPath() + " stats --db '" + location + "'");
        BOOST_TEST(stats.second == 0);
        BOOST_TEST(stats.first.find("contribution\t700") != std::string::npos, stats.first);
        outputs[i++] = stats.first;
    }
    BOOST_TEST(outputs[0] == outputs[1]);
}

BOOST_AUTO_TEST_CASE(cli_reports_bad_input_with_a_sentence_and_an_exit_code)
{
    auto result = test::RunCommand(test::CliPath() + " demo --db 'sqlite:" + test::TempFolder() +
                                   "/c.db' --contributions dix 2>&1");
    BOOST_TEST(result.second == 2);
    BOOST_TEST(result.first.find("--contributions") != std::string::npos, result.first);
    result = test::RunCommand(test::CliPath() + " stats 2>&1");
    BOOST_TEST(result.second == 2);
    BOOST_TEST(result.first.find("--db") != std::string::npos, result.first);
    result = test::RunCommand(test::CliPath() + " stats --db /nowhere/x.txt 2>&1");
    BOOST_TEST(result.second == 1);
    BOOST_TEST(result.first.find("non reconnu") != std::string::npos, result.first);
    result = test::RunCommand(test::CliPath() + " frobnicate 2>&1");
    BOOST_TEST(result.second == 2);
    result = test::RunCommand(test::CliPath() + " --version");
    BOOST_TEST(result.second == 0);
    BOOST_TEST(result.first.find("concerto-cli ") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
