// French number, date and typography conventions.

#include "reports/french.h"

#include <boost/test/unit_test.hpp>

using namespace concerto;

namespace {
const std::string nnbsp = "\xE2\x80\xAF";
const std::string nbsp = "\xC2\xA0";
} // namespace

BOOST_AUTO_TEST_SUITE(french_conventions)

BOOST_AUTO_TEST_CASE(numbers_group_thousands_with_a_narrow_space)
{
    BOOST_TEST(french::Number(0) == "0");
    BOOST_TEST(french::Number(999) == "999");
    BOOST_TEST(french::Number(3500) == "3" + nnbsp + "500");
    BOOST_TEST(french::Number(1000000) == "1" + nnbsp + "000" + nnbsp + "000");
    BOOST_TEST(french::Number(-1200) == "\xE2\x88\x92" "1" + nnbsp + "200");
    BOOST_TEST(french::Decimal(1234.5, 1) == "1" + nnbsp + "234,5");
    BOOST_TEST(french::Percent(0.425, 1) == "42,5" + nbsp + "%");
}

BOOST_AUTO_TEST_CASE(dates_are_written_out)
{
    BOOST_TEST(french::LongDate({2023, 12, 1}) == "1er décembre 2023");
    BOOST_TEST(french::LongDate({2023, 9, 23}) == "23 septembre 2023");
    BOOST_TEST(french::ShortDate({2024, 1, 5}) == "05/01/2024");
}

BOOST_AUTO_TEST_CASE(typography_puts_no_break_spaces_where_french_wants_them)
{
    BOOST_TEST(french::Typography("Vraiment ? Oui !") == "Vraiment" + nnbsp + "? Oui" + nnbsp + "!");
    BOOST_TEST(french::Typography("Note : rien") == "Note" + nbsp + ": rien");
    BOOST_TEST(french::Typography("Il a dit \"merci\".") == "Il a dit «" + nbsp + "merci" + nbsp + "».");
    BOOST_TEST(french::Typography("« bonjour »") == "«" + nbsp + "bonjour" + nbsp + "»");
    BOOST_TEST(french::Typography("À 10:30, voir https://ivry94.fr") == "À 10:30, voir https://ivry94.fr");
    BOOST_TEST(french::Typography("Quoi ?!") == "Quoi" + nnbsp + "?!");
    const std::string once = french::Typography("Alors : « oui » ; non ! \"ok\" ?");
    BOOST_TEST(french::Typography(once) == once);
}

BOOST_AUTO_TEST_SUITE_END()
