// The insight views' data: seven grouped statements per call, whatever the number of
// commitments (existence, matrix, stance counts, flag evidence, unlinked contributions,
// neighbourhoods and total). Excluded contributions are filtered in every statement.

#include "db/synthesis.h"

#include "core/text.h"
#include "db/repository.h"

#include <algorithm>
#include <map>
#include <optional>

namespace concerto {

namespace {

const char* const kNotExcluded = "c.state <> 'excluded'";
// A tag links its contribution to the programme only when it names a commitment; theme-only
// tags leave the contribution "linked to no commitment".
const char* const kHasCommitmentTag =
    "EXISTS (SELECT 1 FROM tag lt WHERE lt.contribution_id = c.id AND lt.commitment_id IS NOT NULL)";

/// The stance counts of one commitment plus the distinct contributions asking for it.
struct Tally {
    CommitmentCounts counts;
    long long requests = 0; ///< distinct contributions tagged proposal or support
};

std::vector<StanceRow> LoadMatrix(Database& db, const std::string& consultationId)
{
    // Theme code and commitment ref break position ties, so the order never depends on the backend.
    const std::string sql = "SELECT CAST(m.id AS text), m.ref, m.title, CAST(t.id AS text), t.code, t.title, m.status, "
                            "m.origin FROM commitment m JOIN theme t ON t.id = m.theme_id "
                            "WHERE m.consultation_id = :consultation "
                            "ORDER BY t.position, t.code, m.position, m.ref";
    std::vector<StanceRow> rows;
    QueryRows(db, sql, {{"consultation", consultationId}}, [&](const soci::row& row) {
        StanceRow entry;
        entry.commitmentId = Cell::Text(row, 0);
        entry.ref = Cell::Text(row, 1);
        entry.title = Cell::Text(row, 2);
        entry.themeId = Cell::Text(row, 3);
        entry.themeCode = Cell::Text(row, 4);
        entry.themeTitle = Cell::Text(row, 5);
        FromCode(Cell::Text(row, 6), entry.status);
        entry.origin = Cell::Text(row, 7);
        rows.push_back(std::move(entry));
    });
    return rows;
}

std::map<std::string, Tally> CountStances(Database& db, const std::string& consultationId)
{
    // The grouping of CountLinkedContributions (db/commitment_queries.cpp), which counts excluded
    // contributions too: here they must not count. The distinct (commitment, stance,
    // contribution) triples are read once, so that double coding counts once, then grouped three
    // ways: per stance, in all (''), and proposals or supports ('+'), where a contribution with
    // two stances counts once. The few excluded ids are set aside by one uncorrelated subquery
    // rather than a lookup of every tag's contribution row (three times faster on 100,000).
    const std::string sql =
        "WITH linked AS (SELECT DISTINCT t.commitment_id AS commitment_id, t.stance AS stance, "
        "t.contribution_id AS contribution_id FROM tag t JOIN commitment m ON m.id = t.commitment_id "
        "WHERE m.consultation_id = :consultation AND t.contribution_id NOT IN "
        "(SELECT x.id FROM contribution x WHERE x.state = 'excluded')) "
        "SELECT CAST(commitment_id AS text), stance, COUNT(*) FROM linked GROUP BY commitment_id, stance "
        "UNION ALL SELECT CAST(commitment_id AS text), '', COUNT(DISTINCT contribution_id) FROM linked "
        "GROUP BY commitment_id "
        "UNION ALL SELECT CAST(commitment_id AS text), '+', COUNT(DISTINCT contribution_id) FROM linked "
        "WHERE stance IN (:proposal, :support) GROUP BY commitment_id";
    const Params params{
        {"consultation", consultationId}, {"proposal", ToCode(Stance::Proposal)}, {"support", ToCode(Stance::Support)}};
    std::map<std::string, Tally> tallies;
    QueryRows(db, sql, params, [&](const soci::row& row) {
        Tally& tally = tallies[Cell::Text(row, 0)];
        const std::string code = Cell::Text(row, 1);
        const long long count = Cell::Integer(row, 2);
        Stance stance = Stance::Observation;
        if (code.empty())
            tally.counts.total = count;
        else if (code == "+")
            tally.requests = count;
        else if (FromCode(code, stance))
            tally.counts.byStance[static_cast<std::size_t>(stance)] = count;
    });
    return tallies;
}

/// count / total >= share, tolerant of the rounding of a share written in decimal (2 / 5 vs 0.4).
bool AtLeastShare(long long count, long long total, double share)
{
    return total > 0 && static_cast<double>(count) / static_cast<double>(total) + 1e-9 >= share;
}

/// The disagreement of one row, if any; `requests` as in Tally.
std::optional<Disagreement> Judge(const StanceRow& row, long long requests, const InsightThresholds& limits)
{
    const long long total = row.counts.total;
    if (total == 0 || total < limits.minimumContributions)
        return std::nullopt;
    const long long criticism = row.counts.byStance[static_cast<std::size_t>(Stance::Criticism)];
    const bool requested = requests >= limits.minimumRequests && AtLeastShare(requests, total, limits.requestShare);
    switch (row.status) {
    case CommitmentStatus::Done:
        if (AtLeastShare(criticism, total, limits.criticismShare))
            return Disagreement::DoneButCriticised;
        break;
    case CommitmentStatus::Planned:
        if (requested)
            return Disagreement::PlannedButRequested;
        break;
    case CommitmentStatus::Dropped:
        if (requested)
            return Disagreement::DroppedButRequested;
        break;
    case CommitmentStatus::InProgress:
        break;
    }
    return std::nullopt;
}

/// Fills the evidence of every flag in one statement: the criticisms of the "done" ones, the
/// proposals and supports of the others, distinct contributions in entry order.
void LoadEvidence(Database& db, std::vector<DisagreementFlag>& flags)
{
    if (flags.empty())
        return;
    Params params;
    std::string criticised, requested; // placeholder lists of the flagged commitment ids
    std::map<std::string, DisagreementFlag*> byCommitment;
    for (std::size_t i = 0; i < flags.size(); ++i) {
        const std::string name = "f" + std::to_string(i);
        std::string& list = flags[i].kind == Disagreement::DoneButCriticised ? criticised : requested;
        list += (list.empty() ? ":" : ", :") + name;
        params.emplace_back(name, flags[i].commitment.commitmentId);
        byCommitment[flags[i].commitment.commitmentId] = &flags[i];
    }
    // SQLite refuses a bound name that the statement does not use: bind the stances only with
    // the condition that names them.
    std::string stanceCondition;
    if (!criticised.empty()) {
        stanceCondition = "(t.commitment_id IN (" + criticised + ") AND t.stance = :criticism)";
        params.emplace_back("criticism", ToCode(Stance::Criticism));
    }
    if (!requested.empty()) {
        stanceCondition += std::string(stanceCondition.empty() ? "" : " OR ") + "(t.commitment_id IN (" + requested +
                           ") AND t.stance IN (:proposal, :support))";
        params.emplace_back("proposal", ToCode(Stance::Proposal));
        params.emplace_back("support", ToCode(Stance::Support));
    }
    const std::string sql = "SELECT DISTINCT CAST(t.commitment_id AS text), CAST(c.id AS text), c.seq "
                            "FROM tag t JOIN contribution c ON c.id = t.contribution_id WHERE " +
                            std::string(kNotExcluded) + " AND (" + stanceCondition + ") ORDER BY c.seq";
    QueryRows(db, sql, params, [&](const soci::row& row) {
        const auto found = byCommitment.find(Cell::Text(row, 0));
        if (found != byCommitment.end())
            found->second->evidence.push_back(Cell::Text(row, 1));
    });
    for (auto& flag : flags)
        flag.evidenceCount = static_cast<long long>(flag.evidence.size());
}

/// The unlinked groups, largest first; returns the number of distinct unlinked contributions.
long long LoadUnlinked(Database& db, const std::string& consultationId, std::vector<UnlinkedGroup>& groups)
{
    // One row per (contribution, label), a label-less contribution once with NULLs; rows of one
    // contribution are adjacent because seq is unique.
    const std::string sql = "SELECT CAST(c.id AS text), CAST(l.id AS text), l.name FROM contribution c "
                            "LEFT JOIN contribution_label cl ON cl.contribution_id = c.id "
                            "LEFT JOIN label l ON l.id = cl.label_id "
                            "WHERE c.consultation_id = :consultation AND " +
                            std::string(kNotExcluded) + " AND NOT " + kHasCommitmentTag + " ORDER BY c.seq";
    std::map<std::string, UnlinkedGroup> byLabel; // "" = without a label
    long long distinct = 0;
    std::string previous;
    QueryRows(db, sql, {{"consultation", consultationId}}, [&](const soci::row& row) {
        std::string contributionId = Cell::Text(row, 0);
        if (contributionId != previous)
            ++distinct;
        previous = contributionId;
        const std::string labelId = Cell::IsNull(row, 1) ? std::string() : Cell::Text(row, 1);
        UnlinkedGroup& group = byLabel[labelId];
        if (group.count == 0) {
            group.labelId = labelId;
            group.labelName = labelId.empty() ? std::string() : Cell::Text(row, 2);
        }
        ++group.count;
        group.evidence.push_back(std::move(contributionId));
    });
    groups.clear();
    for (auto& entry : byLabel)
        groups.push_back(std::move(entry.second));
    // Names compare accent-folded, as the French reader expects; the label-less group's empty
    // name puts it first among groups of its size.
    std::sort(groups.begin(), groups.end(), [](const UnlinkedGroup& a, const UnlinkedGroup& b) {
        if (a.count != b.count)
            return a.count > b.count;
        const std::string foldedA = Fold(a.labelName), foldedB = Fold(b.labelName);
        if (foldedA != foldedB)
            return foldedA < foldedB;
        return a.labelName < b.labelName;
    });
    return distinct;
}

/// Every neighbourhood in its order with its count, then « Sans quartier » when some
/// contributions have none; returns the number of contributions (not excluded).
long long LoadNeighbourhoods(Database& db, const std::string& consultationId, std::vector<NeighbourhoodCount>& counts)
{
    const std::string sql =
        "SELECT CAST(n.id AS text), n.name, COUNT(c.id) FROM neighbourhood n "
        "LEFT JOIN contribution c ON c.neighbourhood_id = n.id AND c.consultation_id = :consultation "
        "AND " +
        std::string(kNotExcluded) + " GROUP BY n.id, n.name, n.position, n.code ORDER BY n.position, n.code";
    long long placed = 0;
    QueryRows(db, sql, {{"consultation", consultationId}}, [&](const soci::row& row) {
        counts.push_back(NeighbourhoodCount{Cell::Text(row, 0), Cell::Text(row, 1), Cell::Integer(row, 2)});
        placed += counts.back().count;
    });
    long long total = 0;
    QueryRows(db,
              "SELECT COUNT(*) FROM contribution c WHERE c.consultation_id = :consultation AND " +
                  std::string(kNotExcluded),
              {{"consultation", consultationId}}, [&](const soci::row& row) { total = Cell::Integer(row, 0); });
    if (total > placed)
        counts.push_back(NeighbourhoodCount{std::string(), "Sans quartier", total - placed});
    return total;
}

bool ConsultationExists(Database& db, const std::string& consultationId)
{
    if (!IsUuid(consultationId)) // PostgreSQL would reject the comparison with a uuid column
        return false;
    bool exists = false;
    QueryRows(db, "SELECT COUNT(*) FROM consultation WHERE id = :consultation", {{"consultation", consultationId}},
              [&](const soci::row& row) { exists = Cell::Integer(row, 0) > 0; });
    return exists;
}

} // namespace

double StanceRow::Share(Stance stance) const
{
    if (counts.total == 0)
        return 0;
    return static_cast<double>(counts.byStance[static_cast<std::size_t>(stance)]) / static_cast<double>(counts.total);
}

Insights LoadInsights(Database& db, const std::string& consultationId, const InsightThresholds& thresholds)
{
    Insights insights;
    if (!ConsultationExists(db, consultationId))
        return insights;
    insights.matrix = LoadMatrix(db, consultationId);
    const std::map<std::string, Tally> tallies = CountStances(db, consultationId);
    for (auto& row : insights.matrix) {
        const auto found = tallies.find(row.commitmentId);
        const long long requests = found == tallies.end() ? 0 : found->second.requests;
        if (found != tallies.end())
            row.counts = found->second.counts;
        if (row.counts.total == 0)
            insights.unmentioned.push_back(row);
        else if (const auto kind = Judge(row, requests, thresholds))
            insights.disagreements.push_back(DisagreementFlag{*kind, row, 0, {}});
    }
    LoadEvidence(db, insights.disagreements);
    insights.contributions = LoadNeighbourhoods(db, consultationId, insights.byNeighbourhood);
    insights.linked = insights.contributions - LoadUnlinked(db, consultationId, insights.unlinked);
    return insights;
}

const char* FrenchName(Disagreement kind)
{
    switch (kind) {
    case Disagreement::DoneButCriticised:
        return "Fait, mais surtout critiqué";
    case Disagreement::PlannedButRequested:
        return "Reste à faire, mais demandé";
    case Disagreement::DroppedButRequested:
        return "Abandonné, mais demandé";
    }
    return "";
}

} // namespace concerto
