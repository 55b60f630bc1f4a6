// Dates, text folding and stemming, deterministic randomness.

#include "core/datetime.h"
#include "core/model.h"
#include "core/random.h"
#include "core/text.h"

#include <boost/test/unit_test.hpp>

#include <set>

using namespace concerto;

BOOST_AUTO_TEST_SUITE(datetime)

BOOST_AUTO_TEST_CASE(dates_round_trip_and_reject_impossible_days)
{
    BOOST_TEST(Date::Parse("2023-12-01")->ToIso() == "2023-12-01");
    BOOST_TEST(Date::Parse("2024-02-29").has_value());
    BOOST_TEST(!Date::Parse("2023-02-29").has_value());
    BOOST_TEST(!Date::Parse("2023-13-01").has_value());
    BOOST_TEST(!Date::Parse("01/12/2023").has_value());
    BOOST_TEST(!Date::Parse("").has_value());
    for (std::int64_t day = -1000; day < 40000; day += 7)
        BOOST_TEST(Date::FromDaysSinceEpoch(day).DaysSinceEpoch() == day);
}

BOOST_AUTO_TEST_CASE(instants_parse_every_backend_form)
{
    const auto expected = Timestamp::At({2023, 9, 23}, 10, 30, 5);
    for (const char* text : {"2023-09-23 10:30:05", "2023-09-23T10:30:05Z", "2023-09-23 10:30:05+00",
                             "2023-09-23 12:30:05+02:00", "2023-09-23 10:30:05.123456+00", "2023-09-23 08:30:05-02"})
        BOOST_TEST(Timestamp::Parse(text)->seconds == expected.seconds, text);
    BOOST_TEST(Timestamp::Parse("2023-09-23")->seconds == Timestamp::At({2023, 9, 23}).seconds);
    BOOST_TEST(expected.ToIso() == "2023-09-23 10:30:05");
    BOOST_TEST(!Timestamp::Parse("2023-09-23 25:00").has_value());
    BOOST_TEST(!Timestamp::Parse("2023-09-23 10:30:05 garbage").has_value());
    BOOST_TEST(Timestamp::At({1969, 12, 31}, 23).ToIso() == "1969-12-31 23:00:00");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(fold_removes_accents_and_case)
{
    BOOST_TEST(Fold("École Éléonore") == "ecole eleonore");
    BOOST_TEST(Fold("Œuvre cœur") == "oeuvre coeur");
    BOOST_TEST(Fold("ÇA À L'ÎLE") == "ca a l'ile");
    BOOST_TEST(Fold("naïve, déjà, où, Noël") == "naive, deja, ou, noel");
    // Invalid UTF-8 never crashes and never leaks a partial sequence.
    BOOST_TEST(Fold(std::string("a\xC3") + "b") == "a\xEF\xBF\xBD" "b");
}

BOOST_AUTO_TEST_CASE(words_split_on_apostrophes_and_punctuation)
{
    const auto words = Words("L'école d’Ivry-Port : « super » !");
    const std::vector<std::string> expected = {"l", "école", "d", "ivry", "port", "super"};
    BOOST_TEST(words == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(french_stems_meet_across_accents_and_plurals)
{
    FrenchStemmer stemmer;
    BOOST_TEST(stemmer.Stem("écoles") == stemmer.Stem("école"));
    BOOST_TEST(stemmer.Stem("ecoles") == stemmer.Stem("école"));
    BOOST_TEST(stemmer.Stem("logements") == stemmer.Stem("logement"));
    const auto stems = SearchStems("Les écoles, les ECOLES !");
    BOOST_TEST(stems.size() == 2u); // "le" and "ecol", each once
}

BOOST_AUTO_TEST_CASE(search_stems_cannot_carry_query_syntax)
{
    for (const auto& stem : SearchStems("a\" OR 1=1 -- ; NEAR(x) * ^ : & | !"))
        BOOST_TEST(stem.find_first_of("\"*:&|!()-=;^ ") == std::string::npos, stem);
}

BOOST_AUTO_TEST_CASE(truncation_keeps_whole_characters)
{
    BOOST_TEST(TruncateUtf8("éé", 3) == "é");
    BOOST_TEST(TruncateUtf8("abc", 10) == "abc");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(randomness)

BOOST_AUTO_TEST_CASE(same_seed_same_sequence)
{
    Random a(42), b(42), c(43);
    bool differs = false;
    for (int i = 0; i < 1000; ++i) {
        const auto x = a.Next();
        BOOST_TEST(x == b.Next());
        differs = differs || x != c.Next();
    }
    BOOST_TEST(differs);
    BOOST_TEST(Random(7).Uuid() == Random(7).Uuid());
}

BOOST_AUTO_TEST_CASE(draws_stay_in_range)
{
    Random r(1);
    std::set<std::int64_t> seen;
    for (int i = 0; i < 10000; ++i) {
        const auto v = r.Between(-3, 3);
        BOOST_TEST((v >= -3 && v <= 3));
        seen.insert(v);
        const double u = r.Unit();
        BOOST_TEST((u >= 0.0 && u < 1.0));
    }
    BOOST_TEST(seen.size() == 7u);
    std::vector<int> counts(3);
    for (int i = 0; i < 30000; ++i)
        ++counts[r.Weighted({1, 0, 2})];
    BOOST_TEST(counts[1] == 0);
    BOOST_TEST(counts[2] > counts[0]);
}

BOOST_AUTO_TEST_CASE(uuids_are_canonical_version_4)
{
    const std::string id = NewUuid();
    BOOST_TEST(id.size() == 36u);
    BOOST_TEST(id[14] == '4');
    BOOST_TEST(std::string("89ab").find(id[19]) != std::string::npos);
    BOOST_TEST(NewUuid() != id);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(model)

BOOST_AUTO_TEST_CASE(codes_round_trip)
{
    for (auto s : {Stance::Support, Stance::Criticism, Stance::Proposal, Stance::Question, Stance::Observation}) {
        Stance back = Stance::Support;
        BOOST_TEST(FromCode(ToCode(s), back));
        BOOST_TEST((back == s));
    }
    CommitmentStatus status;
    BOOST_TEST(!FromCode("fini", status));
    BOOST_TEST(std::string(ToCode(CommitmentStatus::InProgress)) == "in_progress");
}

BOOST_AUTO_TEST_SUITE_END()
