#include "core/agreement.h"

#include <cmath>

namespace concerto {

AgreementCounts& AgreementCounts::operator+=(const AgreementCounts& other)
{
    both += other.both;
    onlyA += other.onlyA;
    onlyB += other.onlyB;
    neither += other.neither;
    return *this;
}

bool AgreementCounts::operator==(const AgreementCounts& other) const
{
    return both == other.both && onlyA == other.onlyA && onlyB == other.onlyB && neither == other.neither;
}

std::string Agreement::UndefinedReason() const
{
    switch (undefined) {
    case KappaUndefined::None:
        break;
    case KappaUndefined::NoItems:
        return "aucune contribution codée par les deux codeurs";
    case KappaUndefined::NeverUsed:
        return "aucun des deux codeurs ne l'a appliqué : accord parfait, mais kappa non défini";
    case KappaUndefined::AlwaysUsed:
        return "les deux codeurs l'ont appliqué partout : accord parfait, mais kappa non défini";
    }
    return {};
}

Agreement ComputeAgreement(const AgreementCounts& counts)
{
    Agreement result;
    result.counts = counts;
    const long long n = counts.Total();
    if (n <= 0) {
        result.undefined = KappaUndefined::NoItems;
        return result;
    }
    // Everything is scaled by n² so that the only rounding is the final divisions: a table
    // whose kappa is exactly 0,40 reads 0,40 and not 0,3999…, which matters for the bands.
    const long double a = counts.both, b = counts.onlyA, c = counts.onlyB, d = counts.neither;
    const long double total = static_cast<long double>(n);
    const long double agreeingScaled = total * (a + d);                     // po · n²
    const long double chanceScaled = (a + b) * (a + c) + (c + d) * (b + d); // pe · n²
    const long double square = total * total;
    result.observed = static_cast<double>((a + d) / total);
    result.expected = static_cast<double>(chanceScaled / square);
    if (chanceScaled == square) {
        // pe = 1: each coder gave the same answer to every item, and the same as the other.
        result.undefined = counts.both == n ? KappaUndefined::AlwaysUsed : KappaUndefined::NeverUsed;
        return result;
    }
    result.kappa = static_cast<double>((agreeingScaled - chanceScaled) / (square - chanceScaled));
    result.undefined = KappaUndefined::None;
    return result;
}

OverallAgreement CombineAgreement(const std::vector<AgreementCounts>& perCommitment)
{
    OverallAgreement overall;
    AgreementCounts pooled;
    double kappaSum = 0;
    for (const auto& counts : perCommitment) {
        if (counts.both + counts.onlyA + counts.onlyB == 0)
            continue;
        ++overall.commitments;
        pooled += counts;
        const Agreement one = ComputeAgreement(counts);
        if (one.kappa) {
            kappaSum += *one.kappa;
            ++overall.kappasAveraged;
        }
    }
    overall.pooled = ComputeAgreement(pooled);
    if (overall.kappasAveraged > 0)
        overall.meanKappa = kappaSum / overall.kappasAveraged;
    return overall;
}

AgreementStrength StrengthOf(double kappa)
{
    const long hundredths = std::lround(kappa * 100.0);
    if (hundredths < 0)
        return AgreementStrength::Poor;
    if (hundredths <= 20)
        return AgreementStrength::Slight;
    if (hundredths <= 40)
        return AgreementStrength::Fair;
    if (hundredths <= 60)
        return AgreementStrength::Moderate;
    if (hundredths <= 80)
        return AgreementStrength::Substantial;
    return AgreementStrength::AlmostPerfect;
}

const char* StrengthWords(AgreementStrength strength)
{
    switch (strength) {
    case AgreementStrength::Poor:
        return "désaccord";
    case AgreementStrength::Slight:
        return "très faible";
    case AgreementStrength::Fair:
        return "faible";
    case AgreementStrength::Moderate:
        return "modéré";
    case AgreementStrength::Substantial:
        return "bon";
    case AgreementStrength::AlmostPerfect:
        break;
    }
    return "excellent";
}

} // namespace concerto
