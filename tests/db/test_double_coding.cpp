// Double coding on both backends: stratified, reproducible samples (counted back with SQL),
// refusals that write nothing, queues and progress, the agreement report against a hand
// computation, disagreements, adjudication into final tags, and `concerto-cli agreement`.

#include "cli_run.h"
#include "db/double_coding.h"
#include "sample.h"
#include "support/backends.h"

#include <map>
#include <set>

using namespace concerto;
using concerto::test::Sample;

namespace {

long long CountRows(Database& db, const std::string& table)
{
    long long count = 0;
    QueryRows(db, "SELECT COUNT(*) FROM " + table, Params{},
              [&](const soci::row& row) { count = Cell::Integer(row, 0); });
    return count;
}

/// Items of a sample per channel id, counted by SQL.
std::map<std::string, long long> DrawnPerChannel(Database& db, const std::string& sampleId)
{
    std::map<std::string, long long> counts;
    QueryRows(db,
              "SELECT c.channel_id, COUNT(*) FROM coding_sample_item i JOIN contribution c ON c.id = i.contribution_id "
              "WHERE i.sample_id = :sample GROUP BY c.channel_id",
              {{"sample", sampleId}},
              [&](const soci::row& row) { counts[Cell::Text(row, 0)] = Cell::Integer(row, 1); });
    return counts;
}

Channel AddChannel(Database& db, const std::string& code, const std::string& name)
{
    Channel channel;
    channel.code = code;
    channel.name = name;
    return ChannelRepository(db).Create(channel);
}

/// A consultation with 60 contributions by caravane, 30 online and 10 by mail.
struct ThreeChannels {
    Sample s;
    Channel online, mail;

    explicit ThreeChannels(Database& db) : s(db)
    {
        online = AddChannel(db, "plateforme", "Plateforme en ligne");
        mail = AddChannel(db, "courrier", "Courrier");
        db.InTransaction([&] {
            for (int i = 0; i < 100; ++i) {
                Contribution c = s.AddContribution(db, "Contribution " + std::to_string(i));
                if (i >= 60) {
                    c.channelId = i < 90 ? online.id : mail.id;
                    c.meetingId.clear();
                    ContributionRepository(db).Update(c);
                }
            }
        });
    }

    SampleRequest Request(const std::string& name, double size, bool percent = false, long long seed = 7) const
    {
        SampleRequest request;
        request.consultationId = s.consultation.id;
        request.name = name;
        request.coderA = "alice";
        request.coderB = "bruno";
        request.size = {percent, size};
        request.seed = seed;
        return request;
    }
};

std::vector<std::string> ItemsInOrder(Database& db, const std::string& sampleId)
{
    std::vector<std::string> ids;
    for (const auto& item : SampleItemRepository(db).ListBy("sample_id", sampleId, "position"))
        ids.push_back(item.contributionId);
    return ids;
}

/// The hand-computed case: a sample of 10 contributions coded blind by alice (A) and bruno (B).
/// Items 1–8 are done by both, item 9 by A only, item 10 by nobody. Commitment X (LOG-01):
/// A on 1,2,3,4 and B on 1,2,3,5 (support). Commitment Y (LOG-02): A on 6 (support), B on 6
/// (criticism) and 7 (support). A also tags theme LOG alone on 8, and X on 9.
struct HandCase {
    Sample s;
    Commitment y;
    CodingSample sample;
    std::vector<std::string> item; ///< item[k] = contribution id of item k (1-based; item[0] unused)

    explicit HandCase(Database& db) : s(db)
    {
        y = s.commitment;
        y.id.clear();
        y.version = 0;
        y.ref = "LOG-02";
        y.title = "Construire des logements sociaux";
        y.position = 2;
        y = CommitmentRepository(db).Create(y);
        for (int i = 1; i <= 10; ++i)
            s.AddContribution(db, "Avis numéro " + std::to_string(i));
        SampleRequest request;
        request.consultationId = s.consultation.id;
        request.name = "Double codage octobre";
        request.coderA = "alice";
        request.coderB = "bruno";
        request.size = {false, 10};
        request.seed = 42;
        sample = CreateSample(db, request);
        item.push_back({});
        for (const auto& id : ItemsInOrder(db, sample.id))
            item.push_back(id);
        const std::string x = s.commitment.id;
        for (int k : {1, 2, 3, 4, 9})
            Blind(db, k, "alice", x, {}, Stance::Support);
        for (int k : {1, 2, 3, 5})
            Blind(db, k, "bruno", x, {}, Stance::Support);
        Blind(db, 6, "alice", y.id, {}, Stance::Support);
        Blind(db, 6, "bruno", y.id, {}, Stance::Criticism);
        Blind(db, 7, "bruno", y.id, {}, Stance::Support);
        Blind(db, 8, "alice", {}, s.theme.id, Stance::Observation);
        for (auto& stored : SampleItemRepository(db).ListBy("sample_id", sample.id)) {
            const int k = Position(stored.contributionId);
            if (k <= 9)
                stored.doneByA = Timestamp::Now();
            if (k <= 8)
                stored.doneByB = Timestamp::Now();
            SampleItemRepository(db).Update(stored);
        }
    }

    void Blind(Database& db, int k, const std::string& coder, const std::string& commitmentId,
               const std::string& themeId, Stance stance)
    {
        SampleTag tag;
        tag.sampleId = sample.id;
        tag.contributionId = item[k];
        tag.commitmentId = commitmentId;
        tag.themeId = themeId;
        tag.stance = stance;
        tag.coder = coder;
        tag.taggedAt = Timestamp::Now();
        SampleTagRepository(db).Create(tag);
    }

    int Position(const std::string& contributionId) const
    {
        for (std::size_t k = 1; k < item.size(); ++k)
            if (item[k] == contributionId)
                return static_cast<int>(k);
        return 0;
    }

    std::vector<Tag> FinalTags(Database& db, int k) const
    {
        return TagRepository(db).ListBy("contribution_id", item[k]);
    }
};

constexpr double kTolerance = 1e-9;

} // namespace

BOOST_AUTO_TEST_SUITE(double_coding)

BOOST_AUTO_TEST_CASE(allocation_is_proportional_with_largest_remainders)
{
    using V = std::vector<long long>;
    BOOST_TEST((AllocateProportionally({60, 30, 10}, 20) == V{12, 6, 2}));
    // Quotas 2.1, 0.6, 0.3: floors 2, 0, 0; the one left goes to 0.6; then the empty stratum
    // takes one from the stratum furthest above its quota (the first: 2 for 2.1).
    BOOST_TEST((AllocateProportionally({7, 2, 1}, 3) == V{1, 1, 1}));
    // Quotas 1.98 and 0.0198: 2 and 0, then at least one each.
    BOOST_TEST((AllocateProportionally({100, 1}, 2) == V{1, 1}));
    // Too small for one each: plain largest remainder.
    BOOST_TEST((AllocateProportionally({100, 1}, 1) == V{1, 0}));
    // Equal remainders: the earlier stratum first; empty strata get nothing.
    BOOST_TEST((AllocateProportionally({0, 5, 5}, 3) == V{0, 2, 1}));
    BOOST_TEST((AllocateProportionally({3, 4}, 7) == V{3, 4}));
    BOOST_TEST((AllocateProportionally({3, 4}, 0) == V{0, 0}));
    BOOST_TEST(SampleCount({true, 10}, 3500) == 350);
    BOOST_TEST(SampleCount({true, 15}, 10) == 2); // 1.5 rounds up
    BOOST_TEST(SampleCount({false, 25}, 3500) == 25);
}

BACKEND_TEST(sample_is_stratified_by_channel)
{
    ThreeChannels t(db);
    const CodingSample sample = CreateSample(db, t.Request("Vingt", 20));
    auto drawn = DrawnPerChannel(db, sample.id);
    BOOST_TEST(drawn[t.s.channel.id] == 12);
    BOOST_TEST(drawn[t.online.id] == 6);
    BOOST_TEST(drawn[t.mail.id] == 2);
    // Positions run 1…n without gaps; each contribution once.
    const auto items = SampleItemRepository(db).ListBy("sample_id", sample.id, "position");
    BOOST_TEST_REQUIRE(items.size() == 20u);
    std::set<std::string> distinct;
    for (std::size_t i = 0; i < items.size(); ++i) {
        BOOST_TEST(items[i].position == static_cast<int>(i + 1));
        distinct.insert(items[i].contributionId);
    }
    BOOST_TEST(distinct.size() == 20u);

    // 5 % of 100 = 5: quotas 3, 1.5, 0.5 → 3, 2, 0 by largest remainder, then the mail gets one.
    const CodingSample small = CreateSample(db, t.Request("Cinq pour cent", 5, true));
    drawn = DrawnPerChannel(db, small.id);
    BOOST_TEST(drawn[t.s.channel.id] == 3);
    BOOST_TEST(drawn[t.online.id] == 1);
    BOOST_TEST(drawn[t.mail.id] == 1);
    const auto plan = PlanSample(db, t.Request("Plan", 10, true));
    BOOST_TEST(plan.population == 100);
    BOOST_TEST(plan.size == 10);
    BOOST_TEST(plan.strata.size() == 3u);

    // A filter narrows the population: only the online channel.
    SampleRequest online = t.Request("En ligne", 10);
    online.filter.channelId = t.online.id;
    const CodingSample onlineSample = CreateSample(db, online);
    drawn = DrawnPerChannel(db, onlineSample.id);
    BOOST_TEST(drawn.size() == 1u);
    BOOST_TEST(drawn[t.online.id] == 10);
}

BACKEND_TEST(the_same_seed_draws_the_same_sample)
{
    ThreeChannels t(db);
    const auto first = ItemsInOrder(db, CreateSample(db, t.Request("Premier", 25, false, 2023)).id);
    const auto again = ItemsInOrder(db, CreateSample(db, t.Request("Second", 25, false, 2023)).id);
    const auto other = ItemsInOrder(db, CreateSample(db, t.Request("Autre graine", 25, false, 2024)).id);
    BOOST_TEST(first.size() == 25u);
    BOOST_TEST((first == again));
    BOOST_TEST((first != other));
    const auto stored = CodingSampleRepository(db).FindBy("name", "Premier");
    BOOST_TEST_REQUIRE(stored.has_value());
    BOOST_TEST(stored->seed == 2023);
    BOOST_TEST(stored->coderA == "alice");
}

BACKEND_TEST(refused_samples_write_nothing)
{
    ThreeChannels t(db);
    CreateSample(db, t.Request("Existant", 5));
    const long long samples = CountRows(db, "coding_sample"), items = CountRows(db, "coding_sample_item");
    auto refused = [&](SampleRequest request, SampleField field, const std::string& start) {
        try {
            CreateSample(db, request);
            BOOST_ERROR("accepted: " + request.name);
        } catch (const SampleValidationError& e) {
            BOOST_TEST((e.Field() == field));
            BOOST_TEST(std::string(e.what()).rfind(start, 0) == 0u, e.what());
        }
    };
    auto sameCoder = t.Request("Même codeur", 5);
    sameCoder.coderB = " Alice ";
    refused(sameCoder, SampleField::CoderB, "Codeur B :");
    auto noCoder = t.Request("Sans codeur", 5);
    noCoder.coderA = "  ";
    refused(noCoder, SampleField::CoderA, "Codeur A :");
    refused(t.Request("Vide", 0), SampleField::Size, "Taille :");
    refused(t.Request("Trop", 101), SampleField::Size, "Taille :");
    refused(t.Request("Pourcentage nul", 0, true), SampleField::Size, "Taille :");
    refused(t.Request("Trop de pour cent", 150, true), SampleField::Size, "Taille :");
    refused(t.Request("Fraction", 2.5), SampleField::Size, "Taille :");
    refused(t.Request("Existant", 5), SampleField::Name, "Nom :");
    refused(t.Request("  ", 5), SampleField::Name, "Nom :");
    SampleRequest nothing = t.Request("Rien à tirer", 1);
    nothing.filter.search = "introuvablement";
    refused(nothing, SampleField::Size, "Taille :");
    BOOST_TEST(CountRows(db, "coding_sample") == samples);
    BOOST_TEST(CountRows(db, "coding_sample_item") == items);
}

BACKEND_TEST(queues_progress_and_coders)
{
    HandCase h(db);
    const auto all = SampleQueue(db, h.sample.id, "alice", false);
    BOOST_TEST_REQUIRE(all.size() == 10u);
    BOOST_TEST(all.front() == h.item[1]);
    BOOST_TEST((SampleQueue(db, h.sample.id, "alice", true) == std::vector<std::string>{h.item[10]}));
    BOOST_TEST((SampleQueue(db, h.sample.id, "bruno", true) == std::vector<std::string>{h.item[9], h.item[10]}));
    BOOST_CHECK_THROW(SampleQueue(db, h.sample.id, "chloé", false), ValidationError);

    const SampleProgress progress = GetSampleProgress(db, h.sample.id);
    BOOST_TEST(progress.items == 10);
    BOOST_TEST(progress.doneByA == 9);
    BOOST_TEST(progress.doneByB == 8);
    BOOST_TEST(progress.doneByBoth == 8);
    BOOST_TEST(progress.adjudicated == 0);
    const auto listed = ListSampleProgress(db, h.s.consultation.id);
    BOOST_TEST_REQUIRE(listed.size() == 1u);
    BOOST_TEST(listed[0].doneByBoth == 8);
    BOOST_TEST(listed[0].sample.name == "Double codage octobre");

    BOOST_TEST(SamplesForCoder(db, h.s.consultation.id, "bruno").size() == 1u);
    BOOST_TEST(SamplesForCoder(db, h.s.consultation.id, "chloé").empty());
    const auto coders = KnownCoders(db, h.s.consultation.id);
    BOOST_TEST((coders == std::vector<std::string>{"alice", "bruno"}));
}

BACKEND_TEST(agreement_report_matches_the_hand_computation)
{
    HandCase h(db);
    const AgreementReport report = BuildAgreementReport(db, h.sample.id);
    BOOST_TEST(report.items == 10);
    BOOST_TEST(report.compared == 8); // item 9 (A only) and 10 (nobody) are left out
    BOOST_TEST_REQUIRE(report.commitments.size() == 2u);

    // X (LOG-01): a = 3 (items 1–3), b = 1 (4), c = 1 (5), d = 3 (6–8); n = 8.
    // po = 6/8 = 0.75; pA = pB = 4/8; pe = 0.25 + 0.25 = 0.5; κ = 0.25/0.5 = 0.50 (« modéré »).
    const auto& x = report.commitments[0];
    BOOST_TEST(x.ref == "LOG-01");
    BOOST_TEST(x.agreement.counts.both == 3);
    BOOST_TEST(x.agreement.counts.onlyA == 1);
    BOOST_TEST(x.agreement.counts.onlyB == 1);
    BOOST_TEST(x.agreement.counts.neither == 3);
    BOOST_TEST(*x.agreement.observed == 0.75, boost::test_tools::tolerance(kTolerance));
    BOOST_TEST(*x.agreement.kappa == 0.50, boost::test_tools::tolerance(kTolerance));

    // Y (LOG-02): a = 1 (6, stances differ but presence agrees), b = 0, c = 1 (7), d = 6; n = 8.
    // po = 7/8 = 0.875; pA = 1/8, pB = 2/8; pe = 2/64 + 42/64 = 0.6875; κ = 0.1875/0.3125 = 0.60.
    const auto& y = report.commitments[1];
    BOOST_TEST(y.ref == "LOG-02");
    BOOST_TEST(y.agreement.counts.both == 1);
    BOOST_TEST(y.agreement.counts.onlyA == 0);
    BOOST_TEST(y.agreement.counts.onlyB == 1);
    BOOST_TEST(y.agreement.counts.neither == 6);
    BOOST_TEST(*y.agreement.expected == 0.6875, boost::test_tools::tolerance(kTolerance));
    BOOST_TEST(*y.agreement.kappa == 0.60, boost::test_tools::tolerance(kTolerance));

    // Pooled: a = 4, b = 1, c = 2, d = 9, n = 16; po = 13/16; pe = (5·6 + 11·10)/256 = 140/256;
    // κ = (16·13 − 140)/(256 − 140) = 68/116 = 0.5862…; mean of the kappas: (0.50 + 0.60)/2 = 0.55.
    BOOST_TEST(report.overall.commitments == 2);
    BOOST_TEST(report.overall.pooled.counts.Total() == 16);
    BOOST_TEST(*report.overall.pooled.kappa == 68.0 / 116.0, boost::test_tools::tolerance(kTolerance));
    BOOST_TEST(*report.overall.meanKappa == 0.55, boost::test_tools::tolerance(kTolerance));
    BOOST_TEST(report.stanceDifferences == 1); // item 6

    // Disagreements: 4 (X by A only), 5 (X by B only), 6 (Y stances), 7 (Y by B only), 8 (theme by A).
    const auto disagreements = ListDisagreements(db, h.sample.id);
    BOOST_TEST_REQUIRE(disagreements.size() == 5u);
    BOOST_TEST(disagreements[0].contributionId == h.item[4]);
    BOOST_TEST((disagreements[0].onlyA == std::vector<std::string>{"LOG-01"}));
    BOOST_TEST(disagreements[0].body.rfind("Avis numéro ", 0) == 0u, disagreements[0].body);
    BOOST_TEST((disagreements[1].onlyB == std::vector<std::string>{"LOG-01"}));
    BOOST_TEST((disagreements[2].stanceDiffers == std::vector<std::string>{"LOG-02"}));
    BOOST_TEST(disagreements[2].tags.size() == 2u);
    BOOST_TEST((disagreements[4].onlyA == std::vector<std::string>{"LOG"}));
    const auto agreed = CompareContribution(db, h.sample.id, h.item[1]);
    BOOST_TEST(!agreed.Differs());
    BOOST_TEST_REQUIRE(agreed.tags.size() == 1u);
    BOOST_TEST(agreed.tags[0].Agreed());
}

BACKEND_TEST(adjudication_adds_the_chosen_final_tags)
{
    HandCase h(db);
    // Someone already gave item 6 a final tag: adjudication keeps it.
    Tag existing;
    existing.contributionId = h.item[6];
    existing.commitmentId = h.y.id;
    existing.stance = Stance::Criticism;
    existing.coder = "chloé";
    existing.taggedAt = Timestamp::Now();
    TagRepository(db).Create(existing);

    TagChoice ySupport{h.y.id, {}, Stance::Support}, yCriticism{h.y.id, {}, Stance::Criticism};
    BOOST_TEST(Adjudicate(db, h.sample.id, h.item[6], {ySupport, yCriticism}, "arbitre") == 1);
    auto finals = h.FinalTags(db, 6);
    BOOST_TEST_REQUIRE(finals.size() == 2u);
    std::set<std::string> coders{finals[0].coder, finals[1].coder};
    BOOST_TEST((coders == std::set<std::string>{"chloé", "arbitre"}));
    BOOST_TEST(GetSampleProgress(db, h.sample.id).adjudicated == 1);
    BOOST_TEST(CompareContribution(db, h.sample.id, h.item[6]).adjudicatedAt.has_value());
    BOOST_TEST((ContributionRepository(db).Get(h.item[6]).state == ContributionState::Tagged));
    // Again: nothing new.
    BOOST_TEST(Adjudicate(db, h.sample.id, h.item[6], {ySupport}, "arbitre") == 0);
    BOOST_TEST(h.FinalTags(db, 6).size() == 2u);

    // Refusals write nothing: item 9 is not done by B, another contribution is not in the sample.
    const long long tags = CountRows(db, "tag");
    BOOST_CHECK_THROW(Adjudicate(db, h.sample.id, h.item[9], {ySupport}), ValidationError);
    const Contribution outside = h.s.AddContribution(db, "Hors échantillon");
    BOOST_CHECK_THROW(Adjudicate(db, h.sample.id, outside.id, {ySupport}), NotFoundError);
    BOOST_CHECK_THROW(Adjudicate(db, h.sample.id, h.item[5], {TagChoice{}}), ValidationError);
    BOOST_TEST(CountRows(db, "tag") == tags);
    BOOST_TEST(GetSampleProgress(db, h.sample.id).adjudicated == 1);

    // Accepting the agreements: items 1–3 get X (both gave it) and are settled; 4, 5, 7, 8
    // differ and wait; 6 is already adjudicated.
    const AcceptedAgreements accepted = AcceptAgreements(db, h.sample.id, "arbitre");
    BOOST_TEST(accepted.tagsAdded == 3);
    BOOST_TEST(accepted.itemsSettled == 3);
    for (int k : {1, 2, 3}) {
        const auto stored = h.FinalTags(db, k);
        BOOST_TEST_REQUIRE(stored.size() == 1u);
        BOOST_TEST(stored[0].commitmentId == h.s.commitment.id);
        BOOST_TEST((stored[0].stance == Stance::Support));
        BOOST_TEST(stored[0].coder == "arbitre");
    }
    BOOST_TEST(h.FinalTags(db, 4).empty());
    BOOST_TEST(GetSampleProgress(db, h.sample.id).adjudicated == 4);
    BOOST_TEST(ListDisagreements(db, h.sample.id, false).size() == 4u);
    BOOST_TEST(AcceptAgreements(db, h.sample.id, "arbitre").tagsAdded == 0); // idempotent
}

BACKEND_TEST(cli_finds_the_latest_sample_of_two_coders)
{
    HandCase h(db);
    SampleRequest request;
    request.consultationId = h.s.consultation.id;
    request.name = "Plus ancien";
    request.coderA = "bruno";
    request.coderB = "alice";
    request.size = {false, 3};
    const CodingSample older = CreateSample(db, request);
    Bindings bindings;
    bindings.Text("id", older.id);
    Execute(db, "UPDATE coding_sample SET created_at = '2020-01-01 00:00:00' WHERE id = :id", bindings);

    BOOST_TEST(FindSampleForCoders(db, "alice", "bruno")->id == h.sample.id);
    BOOST_TEST(FindSampleForCoders(db, "bruno", "alice", h.s.consultation.id)->id == h.sample.id);
    BOOST_TEST(FindSampleForCoders(db, "alice", "bruno", {}, "Plus ancien")->id == older.id);
    BOOST_TEST(!FindSampleForCoders(db, "alice", "chloé").has_value());
    BOOST_TEST(!FindSampleForCoders(db, "alice", "bruno", NewUuid()).has_value());
}

BACKEND_TEST(cli_prints_the_hand_computed_kappas)
{
    HandCase h(db);
    const std::string base = test::CliPath() + " agreement --db '" + db.GetLocation().ToDisplayString() + "'";
    const auto [output, status] = test::RunCommand(base + " --coder alice --coder bruno 2>&1");
    BOOST_TEST(status == 0, output);
    BOOST_TEST(output.find("Double codage octobre") != std::string::npos, output);
    BOOST_TEST(output.find("8 terminées par les deux codeurs") != std::string::npos, output);
    // LOG-01: n = 8, both 3, A only 1, B only 1, neither 3, 75 %, κ = 0,50.
    BOOST_TEST(output.find("75,0 %  0,50 (modéré)") != std::string::npos, output);
    BOOST_TEST(output.find("87,5 %  0,60 (modéré)") != std::string::npos, output); // LOG-02
    BOOST_TEST(output.find("81,2 %  0,59 (modéré)") != std::string::npos, output); // pooled 68/116
    BOOST_TEST(output.find("0,55 (modéré), moyenne de 2 kappas") != std::string::npos, output);
    BOOST_TEST(output.find("positions différentes : 1") != std::string::npos, output);

    BOOST_TEST(test::RunCommand(base + " --coder alice 2>/dev/null").second == 2);
    const auto unknown = test::RunCommand(base + " --coder alice --coder chloé 2>&1");
    BOOST_TEST(unknown.second == 1);
    BOOST_TEST(unknown.first.find("Aucun échantillon") != std::string::npos, unknown.first);
}

BOOST_AUTO_TEST_SUITE_END()
