#pragma once
// The insight views of the Synthèse area: what the coding says about each commitment, read
// against the commitment's official status. A commitment × stance matrix, three kinds of flag
// (the status disagrees with what citizens say, nobody mentioned the commitment, contributions
// linked to no commitment at all, grouped by label) and the contributions per neighbourhood.
// Every flag carries its evidence, so that the views can list the contributions behind it.
// Excluded contributions never count. A handful of grouped statements, the same on SQLite and
// PostgreSQL.

#include "core/model.h"
#include "db/commitment_queries.h"
#include "db/database.h"

#include <string>
#include <vector>

namespace concerto {

/// One commitment's row of the matrix.
struct StanceRow {
    std::string commitmentId, ref, title, themeId, themeCode, themeTitle;
    CommitmentStatus status = CommitmentStatus::Planned;
    std::string origin; ///< "programme" or "restitution"
    CommitmentCounts counts;
    /// counts.byStance[stance] / counts.total, 0 when nobody mentioned the commitment.
    double Share(Stance stance) const;
};

/// When a commitment's status is said to disagree with its contributions. The defaults are
/// the ones the views and the reports use; tests pass their own.
struct InsightThresholds {
    /// Contributions a commitment needs before its stances are read at all (fewer: no opinion).
    long long minimumContributions = 5;
    /// Done but criticised: share of criticism at least this.
    double criticismShare = 0.5;
    /// Planned (or dropped) but asked for: at least this many proposals or supports …
    long long minimumRequests = 5;
    /// … making at least this share of its contributions.
    double requestShare = 0.4;
};

/// How a commitment's status disagrees with what citizens say.
enum class Disagreement {
    DoneButCriticised,   ///< status done, mostly criticism
    PlannedButRequested, ///< status planned, many proposals or supports asking for it
    DroppedButRequested  ///< status dropped, many proposals or supports asking for it
};

/// One disagreement flag: the commitment and the contributions that make the point (the
/// criticisms, or the proposals and supports), as contribution ids in entry order.
struct DisagreementFlag {
    Disagreement kind = Disagreement::DoneButCriticised;
    StanceRow commitment;
    long long evidenceCount = 0; ///< distinct contributions in `evidence`
    std::vector<std::string> evidence;
};

/// Contributions linked to no commitment (no tag, or tags naming a theme only) that carry
/// one label; the group with an empty labelId holds those without any label.
struct UnlinkedGroup {
    std::string labelId, labelName; ///< empty: « Sans étiquette »
    long long count = 0;
    std::vector<std::string> evidence; ///< contribution ids, in entry order
};

/// Contributions (not excluded) per neighbourhood, in the neighbourhoods' order; the last
/// entry, with an empty id, counts the contributions without a neighbourhood (when any).
struct NeighbourhoodCount {
    std::string neighbourhoodId, name;
    long long count = 0;
};

/// Everything the insight views show for one consultation.
struct Insights {
    /// Every commitment of the consultation, by theme then commitment position, mentioned or not.
    std::vector<StanceRow> matrix;
    std::vector<DisagreementFlag> disagreements; ///< in matrix order
    std::vector<StanceRow> unmentioned;          ///< commitments with no contribution, in matrix order
    std::vector<UnlinkedGroup> unlinked;         ///< largest group first, ties by label name
    std::vector<NeighbourhoodCount> byNeighbourhood;
    long long contributions = 0; ///< contributions (not excluded) of the consultation
    long long linked = 0;        ///< of which linked to at least one commitment
};

/// Reads the insights of `consultationId` (empty result for an unknown one).
Insights LoadInsights(Database& db, const std::string& consultationId, const InsightThresholds& thresholds = {});

/// The French wording of a disagreement, for reports and the CLI (« Fait, mais surtout critiqué »…).
const char* FrenchName(Disagreement kind);

} // namespace concerto
