// The suggestion model loaded from a database: the right commitments and examples (final tags
// on commitments of the consultation, nothing else), suggestions learnt from them, and the
// CLI's suggest command on the same data.

#include "cli_run.h"
#include "db/repositories.h"
#include "db/suggestion_source.h"
#include "sample.h"
#include "support/backends.h"

#include <algorithm>
#include <fstream>

using namespace concerto;

namespace {

/// The sample's housing commitment, plus a mobility theme with two commitments whose texts
/// never use the words people write; tagged contributions teach those words.
struct SuggestionData {
    test::Sample s;
    Commitment cycling, shuttle;
    long long finalCommitmentTags = 0; ///< what the model must load

    explicit SuggestionData(Database& db) : s(db)
    {
        Theme mobility;
        mobility.consultationId = s.consultation.id;
        mobility.code = "MOB";
        mobility.title = "Se déplacer";
        mobility = ThemeRepository(db).Create(mobility);
        cycling = MakeCommitment(db, mobility, "MOB-01", "Un réseau cyclable", "Relier les quartiers au centre.");
        shuttle = MakeCommitment(db, mobility, "MOB-02", "Une navette gratuite", "Desservir le marché et l'hôpital.");

        for (const char* body : {"Je pédale tous les jours et les bagnoles me frôlent",
                                 "On pédale au milieu des camions", "Des arceaux pour garer mon vélo devant la gare"})
            Tag(db, s.AddContribution(db, body), cycling.id);
        for (const char* body :
             {"Un minibus pour aller à l'hôpital quand on ne conduit plus", "Le minibus ne passe pas le dimanche"})
            Tag(db, s.AddContribution(db, body), shuttle.id);
        Tag(db, s.AddContribution(db, "De la moisissure partout dans mon appartement"), s.commitment.id);
        // Two commitments on one contribution: one example each.
        const Contribution both = s.AddContribution(db, "Le minibus est plein de vélos pliants");
        Tag(db, both, cycling.id);
        Tag(db, both, shuttle.id, Stance::Question);
        // A theme-only tag and an untagged contribution teach nothing.
        Tag(db, s.AddContribution(db, "Mettre des trottinettes partout"), {}, Stance::Proposal, mobility.id);
        s.AddContribution(db, "Rien à voir avec la pédale");
        // Another consultation's tags stay out.
        Consultation other;
        other.title = "Autre campagne";
        other.createdAt = Timestamp::At({2030, 1, 1}, 12); // the most recent, whatever the clock
        other = ConsultationRepository(db).Create(other);
        Contribution elsewhere;
        elsewhere.consultationId = other.id;
        elsewhere.channelId = s.channel.id;
        elsewhere.neighbourhoodId = s.neighbourhood.id;
        elsewhere.receivedAt = Timestamp::At({2023, 10, 3}, 12);
        elsewhere.body = "pédale pédale pédale";
        Tag(db, ContributionRepository(db).Create(elsewhere), shuttle.id);
    }

    static Commitment MakeCommitment(Database& db, const Theme& theme, const std::string& ref, const std::string& title,
                                     const std::string& description)
    {
        Commitment c;
        c.consultationId = theme.consultationId;
        c.themeId = theme.id;
        c.ref = ref;
        c.title = title;
        c.description = description;
        return CommitmentRepository(db).Create(c);
    }

    void Tag(Database& db, const Contribution& contribution, const std::string& commitmentId,
             Stance stance = Stance::Support, const std::string& themeId = {})
    {
        concerto::Tag tag;
        tag.contributionId = contribution.id;
        tag.commitmentId = commitmentId;
        tag.themeId = themeId;
        tag.stance = stance;
        tag.coder = "alice";
        tag.taggedAt = Timestamp::Now();
        TagRepository(db).Create(tag);
        if (!commitmentId.empty() && contribution.consultationId == s.consultation.id)
            ++finalCommitmentTags;
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(suggestion_source)

BACKEND_TEST(model_loads_commitments_and_final_tags)
{
    SuggestionData data(db);
    // Counted independently of the loader's own query.
    long long sqlCount = 0;
    QueryRows(db,
              "SELECT COUNT(*) FROM tag WHERE commitment_id IS NOT NULL AND contribution_id IN "
              "(SELECT id FROM contribution WHERE consultation_id = :c)",
              {{"c", data.s.consultation.id}}, [&](const soci::row& row) { sqlCount = Cell::Integer(row, 0); });
    BOOST_TEST(sqlCount == data.finalCommitmentTags);
    BOOST_TEST(sqlCount == 8);

    struct Recording : Progress {
        std::uint64_t total = 0, last = 0;
        void Begin(const std::string&, std::uint64_t t) override { total = t; }
        void Advance(std::uint64_t done) override { last = done; }
        bool IsCancelled() const override { return false; }
    } progress;
    const SuggestionModel model = LoadSuggestionModel(db, data.s.consultation.id, &progress);
    BOOST_TEST(model.CommitmentCount() == 3u);
    BOOST_TEST(static_cast<long long>(model.ExampleCount()) == sqlCount);
    BOOST_TEST(CountSuggestionExamples(db, data.s.consultation.id) == sqlCount);
    BOOST_TEST(model.ExampleCount(data.cycling.id) == 4u);
    BOOST_TEST(model.ExampleCount(data.shuttle.id) == 3u);
    BOOST_TEST(progress.total == static_cast<std::uint64_t>(sqlCount));
    BOOST_TEST(progress.last == progress.total);

    // Learnt from the examples: neither commitment's text says "pédale" or "minibus".
    const auto cycling = model.Suggest("Quand je pédale, les bagnoles me serrent", 3);
    BOOST_TEST_REQUIRE(!cycling.empty());
    BOOST_TEST(cycling.front().commitmentId == data.cycling.id);
    const auto shuttle = model.Suggest("Un minibus le dimanche ?", 3);
    BOOST_TEST_REQUIRE(!shuttle.empty());
    BOOST_TEST(shuttle.front().commitmentId == data.shuttle.id);
    const auto& why = shuttle.front().words;
    BOOST_TEST((std::find(why.begin(), why.end(), "minibus") != why.end()));
    // And from the texts: the commitment's theme title counts too.
    BOOST_TEST(model.Suggest("rénover les logements", 1).front().commitmentId == data.s.commitment.id);

    // The coding view keeps the model current with the same texts the loader used.
    SuggestionModel live = LoadSuggestionModel(db, data.s.consultation.id);
    live.RemoveExample(data.cycling.id, ContributionSuggestionText("", "On pédale au milieu des camions"));
    BOOST_TEST(live.ExampleCount(data.cycling.id) == 3u);

    BOOST_TEST(LoadSuggestionModel(db, NewUuid()).CommitmentCount() == 0u);
    struct Cancelled : Progress {
        void Begin(const std::string&, std::uint64_t) override {}
        void Advance(std::uint64_t) override {}
        bool IsCancelled() const override { return true; }
    } cancelled;
    BOOST_CHECK_THROW(LoadSuggestionModel(db, data.s.consultation.id, &cancelled), CancelledError);
}

BACKEND_TEST(cli_suggest_prints_refs_per_line)
{
    SuggestionData data(db);
    const std::string cli = test::CliPath();
    const std::string input = test::TempFolder() + "/suggest-input.txt";
    std::ofstream(input) << "Quand je pédale, les bagnoles me serrent\n"
                            "\n"
                            "Un minibus le dimanche ?\r\n"
                            "et puis voilà\n"
                            "rénover les logements\n";
    const std::string base = cli + " suggest --db '" + db.GetLocation().ToDisplayString() + "'";
    const std::string consultation = " --consultation " + data.s.consultation.id;

    const auto [output, status] = test::RunCommand(base + consultation + " --top 1 < " + input + " 2>/dev/null");
    BOOST_TEST(status == 0);
    BOOST_TEST(output == "MOB-01\n\nMOB-02\n\nLOG-01\n");

    // Default --top 5, and the most recent consultation when none is named (here the other
    // one, whose only example is not on any of its commitments: no suggestion at all).
    const auto [top5, status5] = test::RunCommand(base + consultation + " < " + input + " 2>/dev/null");
    BOOST_TEST(status5 == 0);
    BOOST_TEST(top5 == "MOB-01\n\nMOB-02 MOB-01\n\nLOG-01\n"); // the minibus with folding bikes
    const auto [latest, statusLatest] = test::RunCommand(base + " < " + input + " 2>&1");
    BOOST_TEST(statusLatest == 0);
    BOOST_TEST(latest.find("Autre campagne") != std::string::npos, latest);

    BOOST_TEST(test::RunCommand(base + " --top 0 < /dev/null 2>/dev/null").second == 2);
    BOOST_TEST(test::RunCommand(base + " --top cinq < /dev/null 2>/dev/null").second == 2);
    BOOST_TEST(test::RunCommand(base + " texte < /dev/null 2>/dev/null").second == 2);
    BOOST_TEST(test::RunCommand(cli + " suggest < /dev/null 2>/dev/null").second == 2);
    const auto unknown = test::RunCommand(base + " --consultation " + NewUuid() + " < /dev/null 2>&1");
    BOOST_TEST(unknown.second == 1);
    BOOST_TEST(unknown.first.find("n'existe pas") != std::string::npos, unknown.first);
}

BOOST_AUTO_TEST_SUITE_END()
