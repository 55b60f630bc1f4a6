#pragma once
// Agreement between two coders who decided, for the same items, whether something applies
// (presence / absence of a commitment on a contribution): Cohen's kappa from the 2×2 table,
// per commitment and overall, with the degenerate cases spelled out instead of NaN.
//
//                     coder B: yes   coder B: no
//     coder A: yes        a (both)      b (A only)
//     coder A: no         c (B only)    d (neither)
//
//   n  = a + b + c + d
//   po = (a + d) / n                                   observed agreement
//   pe = ((a + b)(a + c) + (c + d)(b + d)) / n²         agreement expected by chance
//   κ  = (po − pe) / (1 − pe)
//
// Pure computation: no database, no GUI.

#include <optional>
#include <string>
#include <vector>

namespace concerto {

/// The 2×2 table of two coders' presence/absence decisions over the same items.
struct AgreementCounts {
    long long both = 0;    ///< a: both coders applied it
    long long onlyA = 0;   ///< b: coder A applied it, coder B did not
    long long onlyB = 0;   ///< c: coder B applied it, coder A did not
    long long neither = 0; ///< d: neither applied it

    long long Total() const { return both + onlyA + onlyB + neither; }
    AgreementCounts& operator+=(const AgreementCounts& other);
    bool operator==(const AgreementCounts& other) const;
};

/// Why kappa has no value.
enum class KappaUndefined {
    None,       ///< kappa is defined
    NoItems,    ///< n = 0: no item coded by both coders
    NeverUsed,  ///< d = n: neither coder ever applied it (pe = 1; po = 1, perfect but uninformative)
    AlwaysUsed, ///< a = n: both coders applied it to every item (pe = 1; po = 1, perfect but uninformative)
};

/// Percent agreement and Cohen's kappa of one 2×2 table.
struct Agreement {
    AgreementCounts counts;
    std::optional<double> observed; ///< po in [0, 1]; nullopt only when n = 0
    std::optional<double> expected; ///< pe in [0, 1]; nullopt only when n = 0
    std::optional<double> kappa;    ///< κ in [−1, 1]; nullopt when undefined (see undefined)
    KappaUndefined undefined = KappaUndefined::NoItems;

    /// Why kappa is undefined, as a short French phrase ("aucune contribution codée par les deux
    /// codeurs"); empty when kappa is defined.
    std::string UndefinedReason() const;
};

/// Computes po, pe and kappa from `counts` (all cells ≥ 0). pe = 1 happens only when both coders
/// were constant and identical (a = n or d = n), and then po = 1 too: the agreement is perfect but
/// kappa is 0/0, so it is reported undefined with that reason. Coders constant but opposite
/// (b = n or c = n) give pe = 0, po = 0, κ = 0: defined. Exact for n < 2³².
Agreement ComputeAgreement(const AgreementCounts& counts);

/// Agreement over several commitments at once, two ways (both are given because they answer
/// different questions and can diverge):
///  - pooled: the cells of every commitment's table are added up, each (item, commitment)
///    decision counting once; dominated by the frequent commitments, and only the commitments
///    that at least one coder used enter (a commitment nobody used would add only "neither"
///    cells and inflate po);
///  - mean: the plain mean of the per-commitment kappas that are defined; every used
///    commitment weighs the same, rare ones included.
struct OverallAgreement {
    Agreement pooled;
    std::optional<double> meanKappa; ///< nullopt when no per-commitment kappa is defined
    int commitments = 0;             ///< commitments used by at least one coder (pooled)
    int kappasAveraged = 0;          ///< of them, the ones whose kappa is defined (mean)
};

/// Combines per-commitment tables; tables where neither coder applied the commitment
/// (a = b = c = 0) are left out, as explained above.
OverallAgreement CombineAgreement(const std::vector<AgreementCounts>& perCommitment);

/// Landis & Koch (1977) strength of agreement.
enum class AgreementStrength { Poor, Slight, Fair, Moderate, Substantial, AlmostPerfect };

/// The Landis & Koch band of `kappa`, read at two decimals as it is shown (0,40 is "fair",
/// 0,41 "moderate"): < 0 poor, 0–0,20 slight, 0,21–0,40 fair, 0,41–0,60 moderate,
/// 0,61–0,80 substantial, 0,81–1 almost perfect.
AgreementStrength StrengthOf(double kappa);

/// The band in French words: « désaccord », « très faible », « faible », « modéré », « bon »,
/// « excellent ».
const char* StrengthWords(AgreementStrength strength);

/// StrengthWords(StrengthOf(kappa)).
inline const char* InterpretKappa(double kappa)
{
    return StrengthWords(StrengthOf(kappa));
}

} // namespace concerto
