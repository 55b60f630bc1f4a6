// The insights of the Synthèse area on hand-built consultations: the matrix and its order,
// each disagreement flag firing exactly at its thresholds and nowhere else, unmentioned
// commitments, unlinked contributions by label, counts by neighbourhood; then the demo
// consultation checked against counts recomputed here from the repositories.

#include "cli_run.h"
#include "db/demo.h"
#include "db/repositories.h"
#include "db/repository.h"
#include "db/synthesis.h"
#include "sample.h"
#include "support/backends.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>

using namespace concerto;
using concerto::test::Sample;

namespace {

/// A consultation to fill by hand: the Sample plus short helpers to add what the tests need.
struct Builder {
    Database& db;
    Sample s;

    explicit Builder(Database& database) : db(database), s(database) {}

    Commitment AddCommitment(const std::string& ref, CommitmentStatus status, int position = 0,
                             const std::string& themeId = {})
    {
        Commitment c;
        c.consultationId = s.consultation.id;
        c.themeId = themeId.empty() ? s.theme.id : themeId;
        c.ref = ref;
        c.title = "Engagement " + ref;
        c.status = status;
        c.position = position;
        return CommitmentRepository(db).Create(c);
    }

    Theme AddTheme(const std::string& code, int position)
    {
        Theme t;
        t.consultationId = s.consultation.id;
        t.code = code;
        t.title = "Thème " + code;
        t.position = position;
        return ThemeRepository(db).Create(t);
    }

    /// A contribution in the sample's neighbourhood, or in `neighbourhoodId` ("-" for none).
    Contribution Add(const std::string& body, const std::string& neighbourhoodId = {})
    {
        Contribution c;
        c.consultationId = s.consultation.id;
        c.channelId = s.channel.id;
        c.neighbourhoodId = neighbourhoodId == "-"    ? std::string()
                            : neighbourhoodId.empty() ? s.neighbourhood.id
                                                      : neighbourhoodId;
        c.receivedAt = Timestamp::At({2023, 10, 2}, 12);
        c.body = body;
        return ContributionRepository(db).Create(c);
    }

    void Link(const Contribution& c, const Commitment& m, Stance stance, const std::string& coder = "alice")
    {
        Tag tag;
        tag.contributionId = c.id;
        tag.commitmentId = m.id;
        tag.stance = stance;
        tag.coder = coder;
        tag.taggedAt = Timestamp::At({2023, 10, 5}, 14);
        TagRepository(db).Create(tag);
    }

    void LinkTheme(const Contribution& c, Stance stance = Stance::Observation)
    {
        Tag tag;
        tag.contributionId = c.id;
        tag.themeId = s.theme.id;
        tag.stance = stance;
        tag.taggedAt = Timestamp::At({2023, 10, 5}, 14);
        TagRepository(db).Create(tag);
    }

    void Exclude(Contribution c)
    {
        c.state = ContributionState::Excluded;
        c.exclusionReason = "Hors sujet";
        ContributionRepository(db).Update(c);
    }

    Label AddLabel(const std::string& name)
    {
        Label label;
        label.consultationId = s.consultation.id;
        label.name = name;
        return LabelRepository(db).Create(label);
    }

    void Attach(const Contribution& c, const Label& label)
    {
        ContributionLabel link;
        link.contributionId = c.id;
        link.labelId = label.id;
        ContributionLabelRepository(db).Create(link);
    }

    /// `count` contributions linked to `m` with `stance`, their ids appended to `ids` when given.
    std::vector<std::string> Many(const Commitment& m, Stance stance, int count)
    {
        std::vector<std::string> ids;
        for (int i = 0; i < count; ++i) {
            const auto c = Add(m.ref + " " + ToCode(stance) + " " + std::to_string(i));
            Link(c, m, stance);
            ids.push_back(c.id);
        }
        return ids;
    }
};

long long At(const StanceRow& row, Stance stance)
{
    return row.counts.byStance[static_cast<std::size_t>(stance)];
}

std::vector<std::string> Refs(const std::vector<StanceRow>& rows)
{
    std::vector<std::string> refs;
    for (const auto& row : rows)
        refs.push_back(row.ref);
    return refs;
}

std::map<std::string, const DisagreementFlag*> FlagsByRef(const Insights& insights)
{
    std::map<std::string, const DisagreementFlag*> flags;
    for (const auto& flag : insights.disagreements)
        flags[flag.commitment.ref] = &flag;
    return flags;
}

// Checks that `insights` flags exactly the commitments `firstRef` and `secondRef`; returns their
// two flags, in that order (they live in `insights`).
std::pair<const DisagreementFlag&, const DisagreementFlag&> TheTwoFlags(const Insights& insights, const std::string& firstRef,
                                                                         const std::string& secondRef)
{
    const auto flags = FlagsByRef(insights);
    BOOST_TEST(flags.size() == 2u);
    BOOST_REQUIRE(flags.count(firstRef) == 1u);
    BOOST_REQUIRE(flags.count(secondRef) == 1u);
    return {*flags.at(firstRef), *flags.at(secondRef)};
}

std::vector<std::string> Concat(std::vector<std::string> a, const std::vector<std::string>& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

} // namespace

namespace {

/// What LoadInsights must find, recomputed here from the repositories' rows.
struct Expected {
    std::map<std::string, std::array<std::set<std::string>, kStanceCount>> byStance; ///< commitment -> ids
    std::map<std::string, std::set<std::string>> all, requests;                      ///< commitment -> ids
    std::map<std::string, std::vector<std::string>> unlinkedByLabel;                 ///< label ("" none) -> ids
    std::map<std::string, long long> byNeighbourhood;                                ///< "" = none
    long long contributions = 0, linked = 0;
};

Expected Recount(Database& db, const std::string& consultationId)
{
    Expected expected;
    std::map<std::string, long long> seq;
    QueryRows(db, "SELECT CAST(id AS text), seq FROM contribution", {},
              [&](const soci::row& row) { seq[Cell::Text(row, 0)] = Cell::Integer(row, 1); });
    std::vector<Contribution> kept;
    for (auto& c : ContributionRepository(db).ListBy("consultation_id", consultationId))
        if (c.state != ContributionState::Excluded)
            kept.push_back(std::move(c));
    std::sort(kept.begin(), kept.end(), [&](const auto& a, const auto& b) { return seq[a.id] < seq[b.id]; });
    std::set<std::string> keptIds, linked;
    for (const auto& c : kept) {
        keptIds.insert(c.id);
        ++expected.byNeighbourhood[c.neighbourhoodId];
    }
    for (const auto& tag : TagRepository(db).List()) {
        if (tag.commitmentId.empty() || keptIds.count(tag.contributionId) == 0)
            continue;
        linked.insert(tag.contributionId);
        expected.byStance[tag.commitmentId][static_cast<std::size_t>(tag.stance)].insert(tag.contributionId);
        expected.all[tag.commitmentId].insert(tag.contributionId);
        if (tag.stance == Stance::Proposal || tag.stance == Stance::Support)
            expected.requests[tag.commitmentId].insert(tag.contributionId);
    }
    std::map<std::string, std::vector<std::string>> labelsOf;
    for (const auto& link : ContributionLabelRepository(db).List())
        labelsOf[link.contributionId].push_back(link.labelId);
    for (const auto& c : kept) {
        if (linked.count(c.id))
            continue;
        const auto found = labelsOf.find(c.id);
        if (found == labelsOf.end())
            expected.unlinkedByLabel[""].push_back(c.id);
        else
            for (const auto& labelId : found->second)
                expected.unlinkedByLabel[labelId].push_back(c.id);
    }
    expected.contributions = static_cast<long long>(kept.size());
    expected.linked = static_cast<long long>(linked.size());
    return expected;
}

/// The matrix, the unlinked groups and the neighbourhoods agree with the recount.
void CheckAgainst(const Insights& insights, const Expected& expected, std::size_t commitments)
{
    BOOST_TEST(insights.matrix.size() == commitments);
    BOOST_TEST(insights.contributions == expected.contributions);
    BOOST_TEST(insights.linked == expected.linked);
    std::size_t unmentioned = 0;
    for (const auto& row : insights.matrix) {
        const auto found = expected.byStance.find(row.commitmentId);
        for (std::size_t i = 0; i < kStanceCount; ++i)
            BOOST_TEST(row.counts.byStance[i] ==
                       (found == expected.byStance.end() ? 0 : static_cast<long long>(found->second[i].size())));
        const auto all = expected.all.find(row.commitmentId);
        BOOST_TEST(row.counts.total == (all == expected.all.end() ? 0 : static_cast<long long>(all->second.size())));
        unmentioned += row.counts.total == 0 ? 1 : 0;
    }
    BOOST_TEST(insights.unmentioned.size() == unmentioned);
    for (const auto& row : insights.unmentioned)
        BOOST_TEST(row.counts.total == 0);
    BOOST_TEST(insights.unlinked.size() == expected.unlinkedByLabel.size());
    for (std::size_t i = 0; i < insights.unlinked.size(); ++i) {
        const UnlinkedGroup& group = insights.unlinked[i];
        BOOST_TEST(group.evidence == expected.unlinkedByLabel.at(group.labelId), boost::test_tools::per_element());
        BOOST_TEST(group.count == static_cast<long long>(group.evidence.size()));
        if (i > 0)
            BOOST_TEST(insights.unlinked[i - 1].count >= group.count);
    }
    long long placed = 0;
    for (const auto& entry : insights.byNeighbourhood) {
        const auto found = expected.byNeighbourhood.find(entry.neighbourhoodId);
        BOOST_TEST(entry.count == (found == expected.byNeighbourhood.end() ? 0 : found->second));
        placed += entry.count;
    }
    BOOST_TEST(placed == insights.contributions);
}

} // namespace

BOOST_AUTO_TEST_SUITE(synthesis)

BACKEND_TEST(matrix_lists_every_commitment_in_programme_order_with_distinct_counts)
{
    Builder b(db);
    const Theme env = b.AddTheme("ENV", 1);
    const Theme aaa = b.AddTheme("AAA", 2); // its code sorts first, its position last
    const Commitment log9 = b.AddCommitment("LOG-09", CommitmentStatus::Done, 0); // ties LOG-01: by ref
    const Commitment log5 = b.AddCommitment("LOG-05", CommitmentStatus::Planned, 1);
    const Commitment env1 = b.AddCommitment("ENV-01", CommitmentStatus::Dropped, 0, env.id);
    const Commitment aaa1 = b.AddCommitment("AAA-01", CommitmentStatus::Planned, 0, aaa.id);
    Commitment restitution = b.AddCommitment("ENV-02", CommitmentStatus::Planned, 1, env.id);
    restitution.origin = "restitution";
    restitution = CommitmentRepository(db).Update(restitution);

    const auto a = b.Add("Les travaux traînent");
    const auto c = b.Add("Bravo, et il faudrait continuer");
    const auto d = b.Add("Que devient le chantier ?");
    const auto gone = b.Add("Texte hors sujet");
    b.Link(a, b.s.commitment, Stance::Criticism);
    b.Link(a, b.s.commitment, Stance::Criticism, "bob"); // double coding: once
    b.Link(c, b.s.commitment, Stance::Support);
    b.Link(c, b.s.commitment, Stance::Proposal); // two stances: once in each, once in all
    b.Link(d, b.s.commitment, Stance::Question);
    b.Link(gone, b.s.commitment, Stance::Criticism); // excluded: never counts
    b.Link(gone, env1, Stance::Support);
    b.Exclude(gone);
    b.Link(d, log5, Stance::Observation);

    const Insights insights = LoadInsights(db, b.s.consultation.id);
    BOOST_TEST(Refs(insights.matrix) ==
                   (std::vector<std::string>{"LOG-01", "LOG-09", "LOG-05", "ENV-01", "ENV-02", "AAA-01"}),
               boost::test_tools::per_element());
    const StanceRow& first = insights.matrix[0];
    BOOST_TEST(first.commitmentId == b.s.commitment.id);
    BOOST_TEST(first.title == "Rénover les logements anciens");
    BOOST_TEST(first.themeId == b.s.theme.id);
    BOOST_TEST(first.themeCode == "LOG");
    BOOST_TEST(first.themeTitle == "Logement");
    BOOST_TEST((first.status == CommitmentStatus::InProgress));
    BOOST_TEST(first.origin == "programme");
    BOOST_TEST(first.counts.total == 3);
    BOOST_TEST(At(first, Stance::Criticism) == 1);
    BOOST_TEST(At(first, Stance::Support) == 1);
    BOOST_TEST(At(first, Stance::Proposal) == 1);
    BOOST_TEST(At(first, Stance::Question) == 1);
    BOOST_TEST(At(first, Stance::Observation) == 0);
    BOOST_TEST(first.Share(Stance::Criticism) == 1.0 / 3.0, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(first.Share(Stance::Observation) == 0.0);
    BOOST_TEST(insights.matrix[1].commitmentId == log9.id);
    BOOST_TEST((insights.matrix[1].status == CommitmentStatus::Done));
    BOOST_TEST(insights.matrix[2].counts.total == 1);
    BOOST_TEST(insights.matrix[2].Share(Stance::Observation) == 1.0);
    BOOST_TEST(insights.matrix[3].counts.total == 0); // its only contribution is excluded
    BOOST_TEST(insights.matrix[3].Share(Stance::Support) == 0.0);
    BOOST_TEST(insights.matrix[3].themeCode == "ENV");
    BOOST_TEST(insights.matrix[4].origin == "restitution");
    BOOST_TEST(insights.matrix[5].commitmentId == aaa1.id);

    // Unmentioned: total 0, in matrix order, the excluded contribution's commitment included.
    BOOST_TEST(Refs(insights.unmentioned) == (std::vector<std::string>{"LOG-09", "ENV-01", "ENV-02", "AAA-01"}),
               boost::test_tools::per_element());
    BOOST_TEST(insights.disagreements.empty()); // defaults need five contributions
    BOOST_TEST(insights.contributions == 3);
    BOOST_TEST(insights.linked == 3);
}

BACKEND_TEST(done_but_criticised_fires_at_its_thresholds_only)
{
    Builder b(db);
    InsightThresholds limits;
    limits.minimumContributions = 4;
    limits.criticismShare = 0.5;
    limits.minimumRequests = 100; // keeps the other flags quiet
    using S = Stance;
    const auto done = CommitmentStatus::Done;

    // At both thresholds: 4 contributions, half criticism.
    const Commitment at = b.AddCommitment("D-AT", done, 1);
    const auto atCriticisms = b.Many(at, S::Criticism, 2);
    b.Many(at, S::Support, 2);
    // Share just below: 3 of 7.
    const Commitment lowShare = b.AddCommitment("D-SHARE", done, 2);
    b.Many(lowShare, S::Criticism, 3);
    b.Many(lowShare, S::Support, 4);
    // Too few contributions: 3, all criticism.
    const Commitment few = b.AddCommitment("D-FEW", done, 3);
    b.Many(few, S::Criticism, 3);
    // An excluded criticism would make the fourth contribution: no flag.
    const Commitment excluded = b.AddCommitment("D-EXCL", done, 4);
    b.Many(excluded, S::Criticism, 3);
    auto gone = b.Add("Insulte");
    b.Link(gone, excluded, S::Criticism);
    b.Exclude(gone);
    // A contribution with criticism and support counts once in the total: 2 of 4, flag; its
    // evidence lists each criticism once, in entry order, never the excluded one.
    const Commitment two = b.AddCommitment("D-TWO", done, 5);
    const auto both = b.Add("Bien, mais trop tard");
    b.Link(both, two, S::Criticism);
    b.Link(both, two, S::Criticism, "bob");
    b.Link(both, two, S::Support);
    const auto plain = b.Add("Raté");
    b.Link(plain, two, S::Criticism);
    gone = b.Add("Hors sujet");
    b.Link(gone, two, S::Criticism);
    b.Exclude(gone);
    b.Many(two, S::Support, 2);
    // Not done: criticism does not make the flag.
    const Commitment planned = b.AddCommitment("P-CRIT", CommitmentStatus::Planned, 6);
    b.Many(planned, S::Criticism, 6);
    const Commitment running = b.AddCommitment("R-CRIT", CommitmentStatus::InProgress, 7);
    b.Many(running, S::Criticism, 6);

    const Insights insights = LoadInsights(db, b.s.consultation.id, limits);
    const auto [first, second] = TheTwoFlags(insights, "D-AT", "D-TWO");
    BOOST_TEST((first.kind == Disagreement::DoneButCriticised));
    BOOST_TEST(first.commitment.commitmentId == at.id);
    BOOST_TEST(first.commitment.counts.total == 4);
    BOOST_TEST(first.evidenceCount == 2);
    BOOST_TEST(first.evidence == atCriticisms, boost::test_tools::per_element());
    BOOST_TEST(second.commitment.counts.total == 4);
    BOOST_TEST(At(second.commitment, S::Criticism) == 2);
    BOOST_TEST(At(second.commitment, S::Support) == 3);
    BOOST_TEST(second.evidenceCount == 2);
    BOOST_TEST(second.evidence == (std::vector<std::string>{both.id, plain.id}), boost::test_tools::per_element());
    // Matrix order.
    BOOST_TEST(insights.disagreements.front().commitment.ref == "D-AT");
    BOOST_TEST(insights.disagreements.back().commitment.ref == "D-TWO");

    // One more criticism on D-SHARE reaches half: 4 of 8.
    b.Many(lowShare, S::Criticism, 1);
    BOOST_TEST(FlagsByRef(LoadInsights(db, b.s.consultation.id, limits)).count("D-SHARE") == 1u);
    // The defaults ask for five contributions: D-AT no longer counts.
    BOOST_TEST(FlagsByRef(LoadInsights(db, b.s.consultation.id)).count("D-AT") == 0u);
}

BACKEND_TEST(planned_or_dropped_but_requested_fire_at_their_thresholds_only)
{
    Builder b(db);
    InsightThresholds limits;
    limits.minimumContributions = 4;
    limits.criticismShare = 2.0; // never: keeps DoneButCriticised quiet
    limits.minimumRequests = 3;
    limits.requestShare = 0.5;
    using S = Stance;
    const auto planned = CommitmentStatus::Planned;
    const auto dropped = CommitmentStatus::Dropped;

    // At every threshold: 3 requests (2 proposals, 1 support) of 6.
    const Commitment at = b.AddCommitment("P-AT", planned, 1);
    const auto atProposals = b.Many(at, S::Proposal, 2); // before the support: entry order
    const auto atRequests = Concat(atProposals, b.Many(at, S::Support, 1));
    b.Many(at, S::Criticism, 3);
    // Requests just too few: 2 of 4 (half, but fewer than 3).
    const Commitment few = b.AddCommitment("P-FEW", planned, 2);
    b.Many(few, S::Proposal, 2);
    b.Many(few, S::Question, 2);
    // Share just below: 3 of 7.
    const Commitment lowShare = b.AddCommitment("P-SHARE", planned, 3);
    b.Many(lowShare, S::Proposal, 3);
    b.Many(lowShare, S::Observation, 4);
    // Too few contributions: 3, all proposals.
    const Commitment small = b.AddCommitment("P-SMALL", planned, 4);
    b.Many(small, S::Proposal, 3);
    // A contribution proposing and supporting counts once: 2 requests of 6, no flag (3 if summed).
    const Commitment twice = b.AddCommitment("P-TWICE", planned, 5);
    const auto both = b.Add("Oui, et faites-le vite");
    b.Link(both, twice, S::Proposal);
    b.Link(both, twice, S::Support);
    b.Many(twice, S::Proposal, 1);
    b.Many(twice, S::Criticism, 4);
    // Dropped, at the thresholds, the proposer of both stances among them.
    const Commitment asked = b.AddCommitment("X-AT", dropped, 6);
    const auto again = b.Add("Reprenez ce projet, je le soutiens");
    b.Link(again, asked, S::Proposal);
    b.Link(again, asked, S::Support, "bob");
    const auto askedRequests = Concat({again.id}, b.Many(asked, S::Support, 2));
    b.Many(asked, S::Question, 3);
    // Dropped, one request excluded: 2 of 5, no flag.
    const Commitment thin = b.AddCommitment("X-EXCL", dropped, 7);
    b.Many(thin, S::Proposal, 2);
    b.Many(thin, S::Question, 3);
    const auto gone = b.Add("Spam");
    b.Link(gone, thin, S::Proposal);
    b.Exclude(gone);
    // Done or in progress: requests make no flag.
    const Commitment done = b.AddCommitment("D-REQ", CommitmentStatus::Done, 8);
    b.Many(done, S::Proposal, 6);
    const Commitment running = b.AddCommitment("R-REQ", CommitmentStatus::InProgress, 9);
    b.Many(running, S::Support, 6);

    const Insights insights = LoadInsights(db, b.s.consultation.id, limits);
    const auto [first, second] = TheTwoFlags(insights, "P-AT", "X-AT");
    BOOST_TEST((first.kind == Disagreement::PlannedButRequested));
    BOOST_TEST(first.commitment.counts.total == 6);
    BOOST_TEST(first.evidenceCount == 3);
    BOOST_TEST(first.evidence == atRequests, boost::test_tools::per_element());
    BOOST_TEST((second.kind == Disagreement::DroppedButRequested));
    BOOST_TEST((second.commitment.status == CommitmentStatus::Dropped));
    BOOST_TEST(second.commitment.counts.total == 6);
    BOOST_TEST(At(second.commitment, S::Support) == 3);
    BOOST_TEST(At(second.commitment, S::Proposal) == 1);
    BOOST_TEST(second.evidenceCount == 3);
    BOOST_TEST(second.evidence == askedRequests, boost::test_tools::per_element());
    BOOST_TEST(insights.disagreements.front().commitment.ref == "P-AT");

    // One more proposal reaches each threshold that was missed.
    b.Many(few, S::Proposal, 1);     // 3 of 5
    b.Many(lowShare, S::Support, 1); // 4 of 8
    b.Many(small, S::Proposal, 1);   // 4 contributions
    const Insights after = LoadInsights(db, b.s.consultation.id, limits);
    const auto more = FlagsByRef(after);
    BOOST_TEST(more.size() == 5u);
    BOOST_TEST(more.count("P-FEW") == 1u);
    BOOST_TEST(more.count("P-SHARE") == 1u);
    BOOST_TEST(more.count("P-SMALL") == 1u);
    BOOST_TEST(more.at("P-SHARE")->evidenceCount == 4);
}

BACKEND_TEST(french_names_of_the_disagreements)
{
    BOOST_TEST(std::string(FrenchName(Disagreement::DoneButCriticised)) == "Fait, mais surtout critiqué");
    BOOST_TEST(std::string(FrenchName(Disagreement::PlannedButRequested)) == "Reste à faire, mais demandé");
    BOOST_TEST(std::string(FrenchName(Disagreement::DroppedButRequested)) == "Abandonné, mais demandé");
    // The body runs on each backend, an unknown consultation reads as nothing there.
    const Insights none = LoadInsights(db, "00000000-0000-4000-8000-000000000000");
    BOOST_TEST(none.matrix.empty());
    BOOST_TEST(none.byNeighbourhood.empty());
    BOOST_TEST(LoadInsights(db, "pas un identifiant").matrix.empty());
}

BACKEND_TEST(unlinked_contributions_are_grouped_by_each_of_their_labels)
{
    Builder b(db);
    const Label cleanliness = b.AddLabel("Propreté");
    const Label schools = b.AddLabel("Écoles");
    const Label feasts = b.AddLabel("Fêtes"); // ties with « Écoles »: accents fold, É before F
    const Label roads = b.AddLabel("Voirie"); // only on a linked contribution: no group
    const auto twoLabels = b.Add("Les abords des écoles sont sales");
    b.Attach(twoLabels, cleanliness);
    b.Attach(twoLabels, schools);
    const auto themeOnly = b.Add("Trop de dépôts sauvages");
    b.LinkTheme(themeOnly); // a theme is not a commitment
    b.Attach(themeOnly, cleanliness);
    const auto bare = b.Add("Rien à dire");
    const auto bareTheme = b.Add("Le logement, en général");
    b.LinkTheme(bareTheme, Stance::Criticism);
    const auto party = b.Add("Une fête de quartier");
    b.Attach(party, feasts);
    const auto linked = b.Add("Rénovez les halls");
    b.Link(linked, b.s.commitment, Stance::Proposal);
    b.LinkTheme(linked);
    b.Attach(linked, cleanliness);
    b.Attach(linked, roads);
    const auto gone = b.Add("Publicité");
    b.Attach(gone, schools);
    b.Exclude(gone);

    const Insights insights = LoadInsights(db, b.s.consultation.id);
    BOOST_TEST(insights.contributions == 6);
    BOOST_TEST(insights.linked == 1);
    BOOST_REQUIRE(insights.unlinked.size() == 4u);
    const UnlinkedGroup& none = insights.unlinked[0]; // two, ties « Propreté »: empty name first
    BOOST_TEST(none.labelId.empty());
    BOOST_TEST(none.labelName.empty());
    BOOST_TEST(none.count == 2);
    BOOST_TEST(none.evidence == (std::vector<std::string>{bare.id, bareTheme.id}), boost::test_tools::per_element());
    const UnlinkedGroup& clean = insights.unlinked[1];
    BOOST_TEST(clean.labelId == cleanliness.id);
    BOOST_TEST(clean.labelName == "Propreté");
    BOOST_TEST(clean.count == 2);
    BOOST_TEST(clean.evidence == (std::vector<std::string>{twoLabels.id, themeOnly.id}),
               boost::test_tools::per_element());
    BOOST_TEST(insights.unlinked[2].labelName == "Écoles");
    BOOST_TEST(insights.unlinked[2].labelId == schools.id);
    BOOST_TEST(insights.unlinked[2].count == 1); // the excluded one is not there
    BOOST_TEST(insights.unlinked[2].evidence == std::vector<std::string>{twoLabels.id},
               boost::test_tools::per_element());
    BOOST_TEST(insights.unlinked[3].labelName == "Fêtes");
    BOOST_TEST(insights.unlinked[3].evidence == std::vector<std::string>{party.id}, boost::test_tools::per_element());

    // Linking the two-label contribution to a commitment takes it out of both groups.
    b.Link(twoLabels, b.s.commitment, Stance::Support);
    const Insights after = LoadInsights(db, b.s.consultation.id);
    BOOST_TEST(after.linked == 2);
    BOOST_REQUIRE(after.unlinked.size() == 3u);
    BOOST_TEST(after.unlinked[0].labelId.empty());
    BOOST_TEST(after.unlinked[1].labelName == "Fêtes"); // one each now: « Fêtes », « Propreté »
    BOOST_TEST(after.unlinked[2].labelName == "Propreté");
    BOOST_TEST(after.unlinked[2].evidence == std::vector<std::string>{themeOnly.id}, boost::test_tools::per_element());
}

BACKEND_TEST(counts_by_neighbourhood_in_order_with_the_unplaced_last)
{
    Builder b(db);
    Neighbourhood centre;
    centre.code = "centre";
    centre.name = "Centre-ville";
    centre.position = 1;
    centre = NeighbourhoodRepository(db).Create(centre);
    Neighbourhood petit = centre;
    petit.id.clear();
    petit.code = "petit";
    petit.name = "Petit-Ivry";
    petit.position = 2;
    petit = NeighbourhoodRepository(db).Create(petit);
    Neighbourhood first = petit; // position -1: before Ivry-Port (0)
    first.id.clear();
    first.code = "mon";
    first.name = "Monmousseau–Vérollot";
    first.position = -1;
    first = NeighbourhoodRepository(db).Create(first);

    b.Add("Un");
    b.Add("Deux");
    b.Add("Trois", centre.id);
    b.Exclude(b.Add("Exclue", petit.id));

    // Without contributions outside a neighbourhood, no « Sans quartier » entry.
    Insights insights = LoadInsights(db, b.s.consultation.id);
    BOOST_REQUIRE(insights.byNeighbourhood.size() == 4u);
    BOOST_TEST(insights.byNeighbourhood[0].neighbourhoodId == first.id);
    BOOST_TEST(insights.byNeighbourhood[0].name == "Monmousseau–Vérollot");
    BOOST_TEST(insights.byNeighbourhood[0].count == 0);
    BOOST_TEST(insights.byNeighbourhood[1].neighbourhoodId == b.s.neighbourhood.id);
    BOOST_TEST(insights.byNeighbourhood[1].count == 2);
    BOOST_TEST(insights.byNeighbourhood[2].name == "Centre-ville");
    BOOST_TEST(insights.byNeighbourhood[2].count == 1);
    BOOST_TEST(insights.byNeighbourhood[3].name == "Petit-Ivry");
    BOOST_TEST(insights.byNeighbourhood[3].count == 0); // its only contribution is excluded
    BOOST_TEST(insights.contributions == 3);

    b.Add("Quatre", "-");
    b.Add("Cinq", "-");
    b.Exclude(b.Add("Exclue aussi", "-"));
    insights = LoadInsights(db, b.s.consultation.id);
    BOOST_REQUIRE(insights.byNeighbourhood.size() == 5u);
    const NeighbourhoodCount& unplaced = insights.byNeighbourhood.back();
    BOOST_TEST(unplaced.neighbourhoodId.empty());
    BOOST_TEST(unplaced.name == "Sans quartier");
    BOOST_TEST(unplaced.count == 2);
    long long sum = 0;
    for (const auto& entry : insights.byNeighbourhood)
        sum += entry.count;
    BOOST_TEST(sum == insights.contributions);
    BOOST_TEST(insights.contributions == 5);
}

BACKEND_TEST(another_consultation_never_leaks_in)
{
    Builder b(db);
    const Commitment done = b.AddCommitment("LOG-02", CommitmentStatus::Done, 1);
    const Label label = b.AddLabel("Propreté");
    const auto mine = b.Add("Les halls sont sales");
    b.Attach(mine, label);
    const auto linked = b.Add("Bien");
    b.Link(linked, done, Stance::Criticism);

    // The other consultation: the same refs and label name, many criticisms, contributions
    // in the same neighbourhood and without one.
    Consultation other;
    other.title = "Autre campagne";
    other = ConsultationRepository(db).Create(other);
    Theme theme = b.s.theme;
    theme.id.clear();
    theme.consultationId = other.id;
    theme = ThemeRepository(db).Create(theme);
    Commitment foreign = done;
    foreign.id.clear();
    foreign.consultationId = other.id;
    foreign.themeId = theme.id;
    foreign = CommitmentRepository(db).Create(foreign);
    Label otherLabel = label;
    otherLabel.id.clear();
    otherLabel.consultationId = other.id;
    otherLabel = LabelRepository(db).Create(otherLabel);
    for (int i = 0; i < 8; ++i) {
        Contribution c;
        c.consultationId = other.id;
        c.channelId = b.s.channel.id;
        c.neighbourhoodId = i % 2 ? b.s.neighbourhood.id : std::string();
        c.receivedAt = Timestamp::At({2023, 10, 3}, 12);
        c.body = "Ailleurs " + std::to_string(i);
        c = ContributionRepository(db).Create(c);
        if (i < 6)
            b.Link(c, foreign, Stance::Criticism);
        else
            b.Attach(c, otherLabel);
    }

    const Insights insights = LoadInsights(db, b.s.consultation.id);
    BOOST_TEST(Refs(insights.matrix) == (std::vector<std::string>{"LOG-01", "LOG-02"}),
               boost::test_tools::per_element());
    BOOST_TEST(insights.matrix[1].counts.total == 1);
    BOOST_TEST(insights.disagreements.empty());
    BOOST_TEST(insights.contributions == 2);
    BOOST_TEST(insights.linked == 1);
    BOOST_REQUIRE(insights.unlinked.size() == 1u);
    BOOST_TEST(insights.unlinked[0].labelId == label.id);
    BOOST_TEST(insights.unlinked[0].evidence == std::vector<std::string>{mine.id}, boost::test_tools::per_element());
    BOOST_REQUIRE(insights.byNeighbourhood.size() == 1u); // no « Sans quartier »: those are the other's
    BOOST_TEST(insights.byNeighbourhood[0].count == 2);

    const Insights theirs = LoadInsights(db, other.id);
    BOOST_REQUIRE(theirs.matrix.size() == 1u);
    BOOST_TEST(theirs.matrix[0].commitmentId == foreign.id);
    BOOST_TEST(theirs.matrix[0].counts.total == 6);
    BOOST_REQUIRE(theirs.disagreements.size() == 1u);
    BOOST_TEST(theirs.disagreements[0].evidenceCount == 6);
    BOOST_TEST(theirs.contributions == 8);
    BOOST_TEST(theirs.linked == 6);
    BOOST_REQUIRE(theirs.unlinked.size() == 1u);
    BOOST_TEST(theirs.unlinked[0].labelId == otherLabel.id);
    BOOST_TEST(theirs.unlinked[0].count == 2);
    BOOST_REQUIRE(theirs.byNeighbourhood.size() == 2u);
    BOOST_TEST(theirs.byNeighbourhood[0].count == 4);
    BOOST_TEST(theirs.byNeighbourhood[1].count == 4);
    BOOST_TEST(theirs.byNeighbourhood[1].name == "Sans quartier");
}

BACKEND_TEST(demo_consultation_agrees_with_a_recount)
{
    SilentProgress progress;
    const std::string id = GenerateDemo(db, DemoOptions{800, 7}, progress);
    const Expected expected = Recount(db, id);
    const std::size_t commitments = CommitmentRepository(db).ListBy("consultation_id", id).size();
    const Insights insights = LoadInsights(db, id);
    CheckAgainst(insights, expected, commitments);
    BOOST_TEST(insights.contributions > 700);
    BOOST_TEST(insights.linked > 300);
    BOOST_TEST(!insights.unlinked.empty());
    BOOST_TEST(insights.byNeighbourhood.size() >= 8u);

    // Every flag of the defaults holds its rule and lists its evidence.
    const InsightThresholds defaults;
    for (const auto& flag : insights.disagreements) {
        const StanceRow& row = flag.commitment;
        BOOST_TEST(row.counts.total >= defaults.minimumContributions);
        const bool done = flag.kind == Disagreement::DoneButCriticised;
        const auto& ids = done ? expected.byStance.at(row.commitmentId)[static_cast<std::size_t>(Stance::Criticism)]
                               : expected.requests.at(row.commitmentId);
        BOOST_TEST(flag.evidenceCount == static_cast<long long>(ids.size()));
        BOOST_TEST(std::set<std::string>(flag.evidence.begin(), flag.evidence.end()) == ids);
        BOOST_TEST(flag.evidence.size() == ids.size()); // no duplicates
    }

    // With thresholds that every mentioned commitment meets, each done, planned or dropped
    // one with a criticism (done) or a request (the others) is flagged, in matrix order.
    InsightThresholds loose;
    loose.minimumContributions = 1;
    loose.criticismShare = 0.0;
    loose.minimumRequests = 1;
    loose.requestShare = 0.0;
    const Insights all = LoadInsights(db, id, loose);
    CheckAgainst(all, expected, commitments);
    std::vector<std::string> wanted;
    for (const auto& row : all.matrix) {
        if (row.counts.total == 0)
            continue;
        const bool requested = expected.requests.count(row.commitmentId) > 0;
        if (row.status == CommitmentStatus::Done || (requested && row.status != CommitmentStatus::InProgress))
            wanted.push_back(row.commitmentId);
    }
    std::vector<std::string> flagged;
    long long evidence = 0;
    for (const auto& flag : all.disagreements) {
        flagged.push_back(flag.commitment.commitmentId);
        evidence += flag.evidenceCount;
    }
    BOOST_TEST(flagged == wanted, boost::test_tools::per_element());
    BOOST_TEST(all.disagreements.size() > insights.disagreements.size());
    BOOST_TEST(evidence > 0);
}

BOOST_AUTO_TEST_CASE(cli_insights_prints_the_matrix_and_the_flags_in_french)
{
    for (const Backend backend : {Backend::Sqlite, Backend::Postgresql}) {
        const std::string location = test::FreshLocation(backend);
        std::string consultationId;
        {
            auto db = Database::Open(location);
            Builder b(*db);
            consultationId = b.s.consultation.id;
            const Commitment asked = b.AddCommitment("P-1", CommitmentStatus::Planned, 1);
            b.Many(asked, Stance::Proposal, 4);
            b.Many(asked, Stance::Support, 2);
            b.AddCommitment("P-2", CommitmentStatus::Dropped, 2);
            const auto loose = b.Add("Plus de poubelles", "-");
            b.Attach(loose, b.AddLabel("Propreté"));
        }
        const auto result = test::RunCommand(test::CliPath() + " insights --db '" + location + "' --consultation " +
                                             consultationId + " 2>&1");
        BOOST_TEST(result.second == 0, result.first);
        const std::string& out = result.first;
        const auto has = [&](const std::string& text) { return out.find(text) != std::string::npos; };
        BOOST_TEST(has("Contributions (hors exclues)\u00a0: 7, dont 6 liées à un engagement (86\u00a0%)"), out);
        BOOST_TEST(has("  P-1\tReste à faire\t6\t2\t0\t4\t0\t0\n"), out);
        BOOST_TEST(has("  LOG-01\tEn cours\t0\t0\t0\t0\t0\t0\n"), out);
        BOOST_TEST(has("Reste à faire, mais demandé\u00a0: P-1 « Engagement P-1 », 6 sur 6 contributions (100\u00a0%)"),
                   out);
        BOOST_TEST(has("Engagements que personne n'a mentionnés (2)\n  LOG-01 « Rénover les logements anciens » "
                       "(En cours)\n  P-2 « Engagement P-2 » (Abandonné)\n"),
                   out);
        BOOST_TEST(has("par étiquette (1)\n  Propreté\t1\n"), out);
        BOOST_TEST(has("  Ivry-Port\t6\t86\u00a0%\n  Sans quartier\t1\t14\u00a0%\n"), out);

        const auto unknown = test::RunCommand(test::CliPath() + " insights --db '" + location +
                                              "' --consultation 00000000-0000-4000-8000-000000000000 2>&1");
        BOOST_TEST(unknown.second == 1, unknown.first);
    }
}

BOOST_AUTO_TEST_SUITE_END()
