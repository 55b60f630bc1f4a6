// The commitments view's counts: linked contributions per commitment and stance, on
// hand-built tags, identical on SQLite and PostgreSQL.

#include "db/commitment_queries.h"
#include "sample.h"
#include "support/backends.h"

using namespace concerto;
using concerto::test::Sample;

namespace {
Tag Link(Database& db, const Contribution& contribution, const std::string& commitmentId, Stance stance,
         const std::string& coder = "alice")
{
    Tag tag;
    tag.contributionId = contribution.id;
    tag.commitmentId = commitmentId;
    tag.stance = stance;
    tag.coder = coder;
    tag.taggedAt = Timestamp::At({2023, 10, 5}, 14);
    return TagRepository(db).Create(tag);
}

long long At(const CommitmentCounts& counts, Stance stance)
{
    return counts.byStance[static_cast<std::size_t>(stance)];
}
} // namespace

BOOST_AUTO_TEST_SUITE(commitment_queries)

BACKEND_TEST(counts_linked_contributions_per_stance)
{
    Sample s(db);
    Commitment second;
    second.consultationId = s.consultation.id;
    second.themeId = s.theme.id;
    second.ref = "LOG-02";
    second.title = "Construire des logements sociaux";
    second = CommitmentRepository(db).Create(second);
    Commitment untouched = second;
    untouched.id.clear();
    untouched.ref = "LOG-03";
    untouched = CommitmentRepository(db).Create(untouched);

    const auto a = s.AddContribution(db, "Trop de logements vides");
    const auto b = s.AddContribution(db, "Bravo pour la rénovation");
    const auto c = s.AddContribution(db, "Et les loyers ?");
    Link(db, a, s.commitment.id, Stance::Criticism);
    Link(db, b, s.commitment.id, Stance::Support);
    Link(db, b, s.commitment.id, Stance::Support, "bob"); // double coding: still one contribution
    Link(db, c, s.commitment.id, Stance::Question);
    Link(db, c, s.commitment.id, Stance::Proposal, "bob"); // two stances: once in each, once in total
    Link(db, a, second.id, Stance::Observation);
    Tag themeOnly; // names the theme only: not a commitment's count
    themeOnly.contributionId = a.id;
    themeOnly.themeId = s.theme.id;
    themeOnly.taggedAt = Timestamp::At({2023, 10, 5});
    TagRepository(db).Create(themeOnly);

    // Another consultation's tags stay out.
    Consultation other;
    other.title = "Autre campagne";
    other = ConsultationRepository(db).Create(other);

    const auto counts = CountLinkedContributions(db, s.consultation.id);
    BOOST_TEST(counts.size() == 2u);
    BOOST_TEST(counts.count(untouched.id) == 0u);
    const CommitmentCounts& first = counts.at(s.commitment.id);
    BOOST_TEST(At(first, Stance::Support) == 1);
    BOOST_TEST(At(first, Stance::Criticism) == 1);
    BOOST_TEST(At(first, Stance::Proposal) == 1);
    BOOST_TEST(At(first, Stance::Question) == 1);
    BOOST_TEST(At(first, Stance::Observation) == 0);
    BOOST_TEST(first.total == 3);
    const CommitmentCounts& other2 = counts.at(second.id);
    BOOST_TEST(At(other2, Stance::Observation) == 1);
    BOOST_TEST(other2.total == 1);

    CommitmentCounts sum = first;
    sum += other2;
    BOOST_TEST(sum.total == 4);
    BOOST_TEST(At(sum, Stance::Observation) == 1);

    BOOST_TEST(CountLinkedContributions(db, other.id).empty());
}

BACKEND_TEST(leaves_excluded_contributions_out)
{
    Sample s(db);
    const auto kept = s.AddContribution(db, "Bravo pour la rénovation");
    auto excluded = s.AddContribution(db, "Message publicitaire");
    Link(db, kept, s.commitment.id, Stance::Support);
    Link(db, excluded, s.commitment.id, Stance::Criticism);
    excluded.state = ContributionState::Excluded;
    excluded.exclusionReason = "Hors sujet";
    ContributionRepository(db).Update(excluded);

    const CommitmentCounts& counts = CountLinkedContributions(db, s.consultation.id).at(s.commitment.id);
    BOOST_TEST(counts.total == 1);
    BOOST_TEST(At(counts, Stance::Support) == 1);
    BOOST_TEST(At(counts, Stance::Criticism) == 0);
}

BACKEND_TEST(counts_nothing_for_an_empty_consultation)
{
    Sample s(db);
    BOOST_TEST(CountLinkedContributions(db, s.consultation.id).empty());
    BOOST_TEST(CountLinkedContributions(db, "00000000-0000-4000-8000-000000000000").empty());
}

BOOST_AUTO_TEST_SUITE_END()
