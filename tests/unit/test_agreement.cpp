// Cohen's kappa against hand computations, the degenerate tables included, the two overall
// figures and the Landis & Koch words. Notation: a = both, b = A only, c = B only, d = neither,
// n = a+b+c+d, po = (a+d)/n, pe = pA·pB + (1−pA)(1−pB) with pA = (a+b)/n, pB = (a+c)/n.

#include "core/agreement.h"

#include <boost/test/unit_test.hpp>
#include <string>

using namespace concerto;

namespace {
AgreementCounts Table(long long a, long long b, long long c, long long d)
{
    AgreementCounts counts;
    counts.both = a;
    counts.onlyA = b;
    counts.onlyB = c;
    counts.neither = d;
    return counts;
}

constexpr double kTolerance = 1e-9;
} // namespace

BOOST_AUTO_TEST_SUITE(agreement)

BOOST_AUTO_TEST_CASE(textbook_table)
{
    // a=20, b=5, c=10, d=15: n = 50, po = 35/50 = 0.70; pA = 25/50 = 0.5, pB = 30/50 = 0.6;
    // pe = 0.5·0.6 + 0.5·0.4 = 0.30 + 0.20 = 0.50; κ = (0.70 − 0.50)/(1 − 0.50) = 0.40 → « faible ».
    const Agreement k = ComputeAgreement(Table(20, 5, 10, 15));
    BOOST_TEST(k.counts.Total() == 50);
    BOOST_TEST_REQUIRE(k.kappa.has_value());
    BOOST_TEST(*k.observed == 0.70, boost::test_tools::tolerance(kTolerance));
    BOOST_TEST(*k.expected == 0.50, boost::test_tools::tolerance(kTolerance));
    BOOST_TEST(*k.kappa == 0.40, boost::test_tools::tolerance(kTolerance));
    BOOST_TEST((k.undefined == KappaUndefined::None));
    BOOST_TEST(k.UndefinedReason().empty());
    BOOST_TEST(std::string(InterpretKappa(*k.kappa)) == "faible"); // exactly 0,40: the upper edge of "fair"
}

BOOST_AUTO_TEST_CASE(low_kappa_despite_sixty_percent_agreement)
{
    // a=45, b=15, c=25, d=15: n = 100, po = 60/100 = 0.60; pA = 0.60, pB = 0.70;
    // pe = 0.60·0.70 + 0.40·0.30 = 0.42 + 0.12 = 0.54; κ = 0.06/0.46 = 0.130434… → « très faible ».
    const Agreement k = ComputeAgreement(Table(45, 15, 25, 15));
    BOOST_TEST(*k.observed == 0.60, boost::test_tools::tolerance(kTolerance));
    BOOST_TEST(*k.expected == 0.54, boost::test_tools::tolerance(kTolerance));
    BOOST_TEST(*k.kappa == 0.06 / 0.46, boost::test_tools::tolerance(kTolerance));
    BOOST_TEST(std::string(InterpretKappa(*k.kappa)) == "très faible");
}

BOOST_AUTO_TEST_CASE(perfect_agreement_with_variation)
{
    // a=10, b=0, c=0, d=40: po = 1; pA = pB = 0.2; pe = 0.04 + 0.64 = 0.68; κ = 0.32/0.32 = 1.
    const Agreement k = ComputeAgreement(Table(10, 0, 0, 40));
    BOOST_TEST(*k.observed == 1.0);
    BOOST_TEST(*k.expected == 0.68, boost::test_tools::tolerance(kTolerance));
    BOOST_TEST(*k.kappa == 1.0, boost::test_tools::tolerance(kTolerance));
    BOOST_TEST(std::string(InterpretKappa(*k.kappa)) == "excellent");
}

BOOST_AUTO_TEST_CASE(complete_disagreement)
{
    // a=0, b=25, c=25, d=0: po = 0; pA = pB = 0.5; pe = 0.25 + 0.25 = 0.5; κ = −0.5/0.5 = −1.
    const Agreement k = ComputeAgreement(Table(0, 25, 25, 0));
    BOOST_TEST(*k.observed == 0.0);
    BOOST_TEST(*k.kappa == -1.0, boost::test_tools::tolerance(kTolerance));
    BOOST_TEST(std::string(InterpretKappa(*k.kappa)) == "désaccord");
}

BOOST_AUTO_TEST_CASE(no_item_leaves_everything_undefined)
{
    // n = 0: po, pe and κ are all 0/0.
    const Agreement k = ComputeAgreement(Table(0, 0, 0, 0));
    BOOST_TEST(!k.observed.has_value());
    BOOST_TEST(!k.expected.has_value());
    BOOST_TEST(!k.kappa.has_value());
    BOOST_TEST((k.undefined == KappaUndefined::NoItems));
    BOOST_TEST(k.UndefinedReason() == "aucune contribution codée par les deux codeurs");
}

BOOST_AUTO_TEST_CASE(both_coders_never_used_it)
{
    // a=b=c=0, d=30: pA = pB = 0; po = 1, pe = 0·0 + 1·1 = 1; κ = 0/0: perfect but undefined.
    const Agreement k = ComputeAgreement(Table(0, 0, 0, 30));
    BOOST_TEST(*k.observed == 1.0);
    BOOST_TEST(*k.expected == 1.0);
    BOOST_TEST(!k.kappa.has_value());
    BOOST_TEST((k.undefined == KappaUndefined::NeverUsed));
    BOOST_TEST(k.UndefinedReason().find("accord parfait") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(both_coders_always_used_it)
{
    // a=30, b=c=d=0: pA = pB = 1; po = 1, pe = 1·1 + 0·0 = 1; κ = 0/0: perfect but undefined.
    const Agreement k = ComputeAgreement(Table(30, 0, 0, 0));
    BOOST_TEST(*k.observed == 1.0);
    BOOST_TEST(*k.expected == 1.0);
    BOOST_TEST(!k.kappa.has_value());
    BOOST_TEST((k.undefined == KappaUndefined::AlwaysUsed));
    BOOST_TEST(k.UndefinedReason().find("partout") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(constant_but_opposite_coders_have_a_kappa)
{
    // b=12, a=c=d=0: A always yes (pA = 1), B always no (pB = 0); po = 0, pe = 1·0 + 0·1 = 0;
    // κ = (0 − 0)/(1 − 0) = 0: defined.
    const Agreement k = ComputeAgreement(Table(0, 12, 0, 0));
    BOOST_TEST(*k.observed == 0.0);
    BOOST_TEST(*k.expected == 0.0);
    BOOST_TEST_REQUIRE(k.kappa.has_value());
    BOOST_TEST(*k.kappa == 0.0);
}

BOOST_AUTO_TEST_CASE(one_constant_coder)
{
    // a=5, b=5, c=d=0: A always yes (pA = 1), B yes on half (pB = 0.5); po = 0.5,
    // pe = 1·0.5 + 0·0.5 = 0.5; κ = 0/0.5 = 0 → « très faible ».
    const Agreement k = ComputeAgreement(Table(5, 5, 0, 0));
    BOOST_TEST(*k.observed == 0.5);
    BOOST_TEST(*k.expected == 0.5);
    BOOST_TEST(*k.kappa == 0.0, boost::test_tools::tolerance(kTolerance));
    BOOST_TEST(std::string(InterpretKappa(*k.kappa)) == "très faible");
}

BOOST_AUTO_TEST_CASE(overall_pools_used_commitments_and_averages_defined_kappas)
{
    // X: a=20, b=5, c=10, d=15 → κ = 0.40 (as above).
    // Y: a=b=c=0, d=50 → nobody used it: left out of both figures.
    // Z: a=5, b=0, c=5, d=40: po = 45/50 = 0.9; pA = 0.1, pB = 0.2; pe = 0.02 + 0.72 = 0.74;
    //    κ = 0.16/0.26 = 0.615384… → « bon ».
    // W: a=50 → undefined (always used): pooled, but not in the mean.
    // Pooled X+Z+W: a=75, b=5, c=15, d=55, n = 150; po = 130/150 = 0.8666…;
    //    pe = (80·90 + 70·60)/150² = 11400/22500 = 0.50666…;
    //    κ = (150·130 − 11400)/(22500 − 11400) = 8100/11100 = 0.729729…
    // Mean of the defined kappas: (0.40 + 0.615384…)/2 = 0.507692…
    const OverallAgreement overall =
        CombineAgreement({Table(20, 5, 10, 15), Table(0, 0, 0, 50), Table(5, 0, 5, 40), Table(50, 0, 0, 0)});
    BOOST_TEST(overall.commitments == 3);
    BOOST_TEST(overall.kappasAveraged == 2);
    BOOST_TEST((overall.pooled.counts == Table(75, 5, 15, 55)));
    BOOST_TEST(*overall.pooled.observed == 130.0 / 150.0, boost::test_tools::tolerance(kTolerance));
    BOOST_TEST(*overall.pooled.expected == 11400.0 / 22500.0, boost::test_tools::tolerance(kTolerance));
    BOOST_TEST(*overall.pooled.kappa == 8100.0 / 11100.0, boost::test_tools::tolerance(kTolerance));
    BOOST_TEST_REQUIRE(overall.meanKappa.has_value());
    BOOST_TEST(*overall.meanKappa == (0.40 + 0.16 / 0.26) / 2, boost::test_tools::tolerance(kTolerance));
}

BOOST_AUTO_TEST_CASE(overall_of_nothing_is_undefined)
{
    // No table, or only unused commitments: the pooled table is empty (n = 0), no mean.
    for (const auto& tables : {std::vector<AgreementCounts>{}, std::vector<AgreementCounts>{Table(0, 0, 0, 9)}}) {
        const OverallAgreement overall = CombineAgreement(tables);
        BOOST_TEST(overall.commitments == 0);
        BOOST_TEST(!overall.pooled.kappa.has_value());
        BOOST_TEST((overall.pooled.undefined == KappaUndefined::NoItems));
        BOOST_TEST(!overall.meanKappa.has_value());
    }
}

BOOST_AUTO_TEST_CASE(landis_koch_bands_read_at_two_decimals)
{
    BOOST_TEST((StrengthOf(-0.01) == AgreementStrength::Poor));
    BOOST_TEST((StrengthOf(-0.004) == AgreementStrength::Slight)); // shown as 0,00
    BOOST_TEST((StrengthOf(0.0) == AgreementStrength::Slight));
    BOOST_TEST((StrengthOf(0.20) == AgreementStrength::Slight));
    BOOST_TEST((StrengthOf(0.21) == AgreementStrength::Fair));
    BOOST_TEST((StrengthOf(0.40) == AgreementStrength::Fair));
    BOOST_TEST((StrengthOf(0.41) == AgreementStrength::Moderate));
    BOOST_TEST((StrengthOf(0.60) == AgreementStrength::Moderate));
    BOOST_TEST((StrengthOf(0.61) == AgreementStrength::Substantial));
    BOOST_TEST((StrengthOf(0.80) == AgreementStrength::Substantial));
    BOOST_TEST((StrengthOf(0.81) == AgreementStrength::AlmostPerfect));
    BOOST_TEST((StrengthOf(1.0) == AgreementStrength::AlmostPerfect));
    BOOST_TEST(std::string(StrengthWords(AgreementStrength::Moderate)) == "modéré");
    BOOST_TEST(std::string(StrengthWords(AgreementStrength::Substantial)) == "bon");
}

BOOST_AUTO_TEST_SUITE_END()
