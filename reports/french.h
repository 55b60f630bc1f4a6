#pragma once
// French conventions for everything Concerto prints: numbers with a narrow no-break space
// between thousands and a decimal comma, dates written out ("1er décembre 2023"), and the
// typography of running text (no-break spaces before : ; ! ? and inside « »).

#include "core/datetime.h"

#include <string>

namespace concerto::french {

/// "3 500" (U+202F between groups); negative numbers take a true minus sign.
std::string Number(long long value);
/// "12,5" with `decimals` digits after the comma (grouped like Number).
std::string Decimal(double value, int decimals);
/// "42 %" with a no-break space; `decimals` digits after the comma.
std::string Percent(double fraction, int decimals = 0);
/// "1er décembre 2023", "23 septembre 2023".
std::string LongDate(const Date& day);
/// "01/12/2023".
std::string ShortDate(const Date& day);
/// Applies French typography to UTF-8 running text: a narrow no-break space before ; ! ?,
/// a no-break space before : and inside « », straight quotes pairs turned into « ».
/// Idempotent: applying it twice changes nothing more.
std::string Typography(const std::string& text);

} // namespace concerto::french
