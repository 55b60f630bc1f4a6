// Coding progress: the per-channel and per-coder figures equal what the rows say, computed
// here independently from the rows themselves, on both backends.

#include "sample.h"

#include "db/coding_progress.h"
#include "db/demo.h"
#include "support/backends.h"

#include <map>
#include <set>

using namespace concerto;

namespace {

struct Expected {
    std::map<std::string, ChannelProgress> channels; ///< by channel id
    ChannelProgress totals;
    std::map<std::string, CoderProgress> coders; ///< by coder
    long long tags = 0;
    std::set<std::string> tagged;
};

void CountState(ChannelProgress& p, ContributionState state)
{
    ++p.total;
    switch (state) {
    case ContributionState::New: ++p.fresh; break;
    case ContributionState::Tagged: ++p.tagged; break;
    case ContributionState::ToReview: ++p.toReview; break;
    case ContributionState::Excluded: ++p.excluded; break;
    }
}

// The figures, from every row of the consultation read through the repositories.
Expected Recount(Database& db, const std::string& consultationId)
{
    Expected expected;
    std::set<std::string> mine;
    for (const auto& c : ContributionRepository(db).ListBy("consultation_id", consultationId)) {
        mine.insert(c.id);
        CountState(expected.channels[c.channelId], c.state);
        CountState(expected.totals, c.state);
    }
    std::map<std::string, std::set<std::string>> byCoder;
    for (const auto& t : TagRepository(db).List()) {
        if (!mine.count(t.contributionId))
            continue;
        ++expected.tags;
        expected.tagged.insert(t.contributionId);
        auto& coder = expected.coders[t.coder];
        coder.coder = t.coder;
        ++coder.tags;
        byCoder[t.coder].insert(t.contributionId);
        if (coder.lastTaggedAt < t.taggedAt)
            coder.lastTaggedAt = t.taggedAt;
    }
    for (auto& [name, coder] : expected.coders)
        coder.contributions = static_cast<long long>(byCoder[name].size());
    return expected;
}

void CheckSame(const ChannelProgress& actual, const ChannelProgress& expected)
{
    BOOST_TEST(actual.total == expected.total);
    BOOST_TEST(actual.fresh == expected.fresh);
    BOOST_TEST(actual.tagged == expected.tagged);
    BOOST_TEST(actual.toReview == expected.toReview);
    BOOST_TEST(actual.excluded == expected.excluded);
}

void CheckAgainstRows(Database& db, const std::string& consultationId)
{
    const CodingProgress progress = LoadCodingProgress(db, consultationId);
    const Expected expected = Recount(db, consultationId);
    BOOST_TEST(progress.channels.size() == expected.channels.size());
    for (const auto& channel : progress.channels) {
        BOOST_TEST_CONTEXT("channel " << channel.channel)
        {
            BOOST_REQUIRE(expected.channels.count(channel.channelId));
            CheckSame(channel, expected.channels.at(channel.channelId));
            BOOST_TEST(channel.channel == ChannelRepository(db).Get(channel.channelId).name);
        }
    }
    CheckSame(progress.totals, expected.totals);
    BOOST_TEST(progress.tags == expected.tags);
    BOOST_TEST(progress.taggedContributions == static_cast<long long>(expected.tagged.size()));
    BOOST_TEST(progress.coders.size() == expected.coders.size());
    for (std::size_t i = 0; i < progress.coders.size(); ++i) {
        const CoderProgress& coder = progress.coders[i];
        BOOST_TEST_CONTEXT("coder " << coder.coder)
        {
            BOOST_REQUIRE(expected.coders.count(coder.coder));
            const CoderProgress& want = expected.coders.at(coder.coder);
            BOOST_TEST(coder.tags == want.tags);
            BOOST_TEST(coder.contributions == want.contributions);
            BOOST_TEST(coder.lastTaggedAt.seconds == want.lastTaggedAt.seconds);
            if (i > 0)
                BOOST_TEST(progress.coders[i - 1].tags >= coder.tags); // most tags first
        }
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(coding_progress)

BACKEND_TEST(figures_match_the_rows_of_a_demo)
{
    SilentProgress progress;
    const std::string id = GenerateDemo(db, DemoOptions{900, 5}, progress);
    CheckAgainstRows(db, id);
    const CodingProgress figures = LoadCodingProgress(db, id);
    BOOST_TEST(figures.totals.total == 900);
    BOOST_TEST(figures.channels.size() > 1);
    BOOST_TEST(figures.coders.size() > 1);
    BOOST_TEST(figures.totals.CodedShare() > 0.0);
    BOOST_TEST(figures.totals.CodedShare() <= 1.0);
}

BACKEND_TEST(follows_new_tags_and_states_and_keeps_to_its_consultation)
{
    test::Sample sample(db);
    const Contribution first = sample.AddContribution(db, "Plus de bancs");
    Contribution second = sample.AddContribution(db, "Hors sujet");
    sample.AddContribution(db, "À relire");
    CodingProgress progress = LoadCodingProgress(db, sample.consultation.id);
    BOOST_TEST(progress.totals.total == 3);
    BOOST_TEST(progress.totals.fresh == 3);
    BOOST_TEST(progress.totals.CodedShare() == 0.0);
    BOOST_TEST(progress.coders.empty());

    // Two coders on the same contribution: both counted, the contribution once.
    for (const char* coder : {"Awa", "Bruno", "Awa"}) {
        Tag tag;
        tag.contributionId = first.id;
        tag.commitmentId = sample.commitment.id;
        tag.stance = std::string(coder) == "Bruno" ? Stance::Criticism : Stance::Support;
        tag.coder = coder;
        tag.taggedAt = Timestamp::At({2023, 11, std::string(coder) == "Bruno" ? 3 : 2}, 10);
        TagRepository(db).Create(tag);
    }
    second.state = ContributionState::Excluded;
    ContributionRepository(db).Update(second);

    // Another consultation's rows stay out.
    Consultation other;
    other.title = "Autre consultation";
    other = ConsultationRepository(db).Create(other);
    Contribution elsewhere = sample.AddContribution(db, "Ailleurs");
    elsewhere.consultationId = other.id;
    ContributionRepository(db).Update(elsewhere);

    CheckAgainstRows(db, sample.consultation.id);
    progress = LoadCodingProgress(db, sample.consultation.id);
    BOOST_TEST(progress.totals.total == 3);
    BOOST_TEST(progress.totals.excluded == 1);
    BOOST_TEST(progress.tags == 3);
    BOOST_TEST(progress.taggedContributions == 1);
    BOOST_REQUIRE(progress.coders.size() == 2);
    BOOST_TEST(progress.coders[0].coder == "Awa");
    BOOST_TEST(progress.coders[0].tags == 2);
    BOOST_TEST(progress.coders[0].contributions == 1);
    BOOST_TEST(progress.coders[1].coder == "Bruno");
    BOOST_TEST(progress.coders[1].lastTaggedAt.seconds == Timestamp::At({2023, 11, 3}, 10).seconds);
    // Every consultation when the id is empty.
    BOOST_TEST(LoadCodingProgress(db, std::string()).totals.total == 4);
}

BACKEND_TEST(an_empty_consultation_has_no_figures)
{
    test::Sample sample(db);
    const CodingProgress progress = LoadCodingProgress(db, sample.consultation.id);
    BOOST_TEST(progress.channels.empty());
    BOOST_TEST(progress.coders.empty());
    BOOST_TEST(progress.totals.total == 0);
    BOOST_TEST(progress.totals.CodedShare() == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()
