#pragma once
// Double coding: a sample of contributions drawn (stratified by channel) for two named coders
// who tag it blind to each other (their tags go to sample_tag, see db/coding.h), the agreement
// report on the contributions both have finished (Cohen's kappa on the presence/absence of each
// commitment, core/agreement.h), the list of their disagreements, and adjudication, which turns
// the chosen blind tags into final tags (table tag).
//
// Rules the whole file follows:
//  - only the items done by both coders (done_by_a and done_by_b set) are compared;
//  - the kappa is about commitments; theme-only tags and stances do not enter it. A stance
//    difference on a commitment both gave is reported, and listed among the disagreements;
//  - adjudication only adds final tags, never removes or replaces one.

#include "core/agreement.h"
#include "db/repositories.h"

#include <optional>
#include <string>
#include <vector>

namespace concerto {

/// The fields of a new sample, to name the one a refusal is about.
enum class SampleField { Name, CoderA, CoderB, Size, Seed };

/// A refused sample: its French what() starts with the field's name ("Taille : …").
class SampleValidationError : public ValidationError {
public:
    SampleValidationError(SampleField field, const std::string& message) : ValidationError(message), m_field(field) {}
    SampleField Field() const { return m_field; }

private:
    SampleField m_field;
};

/// How many contributions a sample draws.
struct SampleSize {
    bool percent = false; ///< false: `value` contributions; true: `value` % of the population
    double value = 0;
};

/// Everything CreateSample needs.
struct SampleRequest {
    std::string consultationId, name, coderA, coderB;
    SampleSize size;
    long long seed = 0;        ///< the same seed over the same population draws the same sample
    ContributionFilter filter; ///< narrows the population; its consultationId is the request's
};

/// One channel's part of a sample.
struct SampleStratum {
    std::string channelId;
    long long population = 0; ///< contributions of that channel in the population
    long long drawn = 0;      ///< how many the sample takes from it
};

/// What a request would draw, without drawing it.
struct SamplePlan {
    long long population = 0;          ///< contributions matching the request's filter
    long long size = 0;                ///< contributions the sample takes
    std::vector<SampleStratum> strata; ///< non-empty channels, by channel id
};

/// Splits `total` among strata in proportion to `populations` by largest remainder (ties: the
/// larger population, then the earlier stratum). Then, when `total` is at least the number of
/// non-empty strata, each non-empty stratum gets at least one: a stratum left at zero takes one
/// from the stratum furthest above its exact quota. No stratum gets more than its population.
/// Requires 0 ≤ total ≤ sum of populations.
std::vector<long long> AllocateProportionally(const std::vector<long long>& populations, long long total);

/// The number of contributions `size` means in a population of `population`: the count itself,
/// or the percentage rounded to the nearest whole contribution (halves up).
long long SampleCount(const SampleSize& size, long long population);

/// Checks `request` and returns its plan. Throws SampleValidationError naming the field: empty
/// name, name already used in the consultation, coder missing, the same coder twice (compared
/// without case or surrounding spaces), size 0 or above the population, percentage outside
/// ]0, 100], negative seed. NotFoundError when the consultation does not exist.
SamplePlan PlanSample(Database& db, const SampleRequest& request);

/// Checks, draws and stores a sample in one transaction and returns it. Each channel gives its
/// AllocateProportionally share, drawn uniformly with core/random.h seeded by request.seed over
/// the population ordered by contribution id (so both backends draw alike); the drawn items then
/// get positions 1…n in a shuffled order (channels interleaved). On any error nothing is written.
CodingSample CreateSample(Database& db, const SampleRequest& request);

/// A sample and how far its coders got.
struct SampleProgress {
    CodingSample sample;
    long long items = 0;       ///< contributions in the sample
    long long doneByA = 0;     ///< marked done by coder A
    long long doneByB = 0;     ///< marked done by coder B
    long long doneByBoth = 0;  ///< done by both: the ones the agreement report compares
    long long adjudicated = 0; ///< adjudicated into final tags
};

/// The samples of a consultation, newest first.
std::vector<CodingSample> ListSamples(Database& db, const std::string& consultationId);
/// The samples of a consultation with their progress, newest first.
std::vector<SampleProgress> ListSampleProgress(Database& db, const std::string& consultationId);
/// One sample's progress; NotFoundError when it does not exist.
SampleProgress GetSampleProgress(Database& db, const std::string& sampleId);
/// The samples of a consultation that `coder` codes (as A or B), newest first.
std::vector<CodingSample> SamplesForCoder(Database& db, const std::string& consultationId, const std::string& coder);
/// The contribution ids of a sample in coding order (position), for `coder` (A or B of the
/// sample; ValidationError otherwise); `pendingOnly` keeps those that coder has not marked done.
std::vector<std::string> SampleQueue(Database& db, const std::string& sampleId, const std::string& coder,
                                     bool pendingOnly);
/// Who has coded in the consultation: distinct non-empty tag.coder values and the coders of its
/// samples, sorted.
std::vector<std::string> KnownCoders(Database& db, const std::string& consultationId);

/// The sample `concerto-cli agreement` reports on for the coders `first` and `second` (in either
/// order): the one named `name` when given (nullopt if it is not theirs), else their most recently
/// created sample. Within `consultationId` when given, else in any consultation. Samples are
/// never pooled: two samples may hold the same contribution, which would then count twice.
std::optional<CodingSample> FindSampleForCoders(Database& db, const std::string& first, const std::string& second,
                                                const std::string& consultationId = {}, const std::string& name = {});

/// The agreement on one commitment.
struct CommitmentAgreement {
    std::string commitmentId, ref, title;
    Agreement agreement; ///< its counts are the 2×2 table over the compared contributions
};

/// The agreement report of a sample.
struct AgreementReport {
    CodingSample sample;
    long long items = 0;    ///< contributions in the sample
    long long compared = 0; ///< done by both coders: the n of every table
    /// Every commitment at least one coder gave on a compared contribution, in programme order
    /// (theme position, commitment position, reference).
    std::vector<CommitmentAgreement> commitments;
    OverallAgreement overall; ///< pooled cells and mean kappa of the rows above
    /// Contribution × commitment pairs that both coders gave, but with different stances.
    long long stanceDifferences = 0;
};

/// Computes the report of `sampleId`; NotFoundError when the sample does not exist.
AgreementReport BuildAgreementReport(Database& db, const std::string& sampleId);

/// What a final tag applies: a commitment, or a theme alone, with a stance.
struct TagChoice {
    std::string commitmentId; ///< empty for a theme-only tag
    std::string themeId;      ///< set only for a theme-only tag
    Stance stance = Stance::Observation;
    bool operator==(const TagChoice& other) const
    {
        return commitmentId == other.commitmentId && themeId == other.themeId && stance == other.stance;
    }
};

/// One blind tag one coder or both gave to a contribution.
struct ProposedTag {
    TagChoice tag;
    std::string ref, title; ///< the commitment's reference and title, or the theme's code and title
    bool byA = false, byB = false;
    bool isFinal = false; ///< the contribution already has this final tag (same target and stance)
    bool Agreed() const { return byA && byB; }
};

/// How two coders' blind tags of one contribution compare.
struct ContributionComparison {
    std::string contributionId;
    long long seq = 0;
    int position = 0;
    std::string title, body;
    std::vector<ProposedTag> tags;          ///< each (target, stance) given, in programme order
    std::vector<std::string> onlyA, onlyB;  ///< references of targets only A / only B gave
    std::vector<std::string> stanceDiffers; ///< references of targets both gave with other stances
    std::optional<Timestamp> adjudicatedAt;
    bool Differs() const { return !onlyA.empty() || !onlyB.empty() || !stanceDiffers.empty(); }
};

/// The compared contributions (done by both) whose coders differ, in position order;
/// `includeAdjudicated` false leaves out those already adjudicated.
std::vector<ContributionComparison> ListDisagreements(Database& db, const std::string& sampleId,
                                                      bool includeAdjudicated = true);
/// How the coders compare on one contribution of the sample (agreeing or not); NotFoundError
/// when the contribution is not in the sample.
ContributionComparison CompareContribution(Database& db, const std::string& sampleId,
                                           const std::string& contributionId);

/// Writes the `chosen` tags as final tags of the contribution (coder = `adjudicator`, or the
/// database user when empty), except those it already has (same target and stance, whoever
/// gave them), and stamps the item adjudicated; a "new" contribution that now has a final tag
/// becomes "tagged". Never removes a final tag. One transaction; returns the tags added.
/// NotFoundError when the contribution is not in the sample; ValidationError when both coders
/// have not finished it yet, or a choice names neither a commitment nor a theme.
int Adjudicate(Database& db, const std::string& sampleId, const std::string& contributionId,
               const std::vector<TagChoice>& chosen, const std::string& adjudicator = {});

/// What AcceptAgreements did.
struct AcceptedAgreements {
    long long tagsAdded = 0;    ///< final tags written
    long long itemsSettled = 0; ///< items stamped adjudicated: those where the coders agree fully
};

/// For every compared, not yet adjudicated contribution: writes as final tags the tags both
/// coders gave (as Adjudicate does), and stamps adjudicated the contributions where the coders
/// agree entirely; those that differ keep their disagreements to adjudicate. One transaction.
AcceptedAgreements AcceptAgreements(Database& db, const std::string& sampleId, const std::string& adjudicator = {});

} // namespace concerto
