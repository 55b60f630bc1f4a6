#include "reports/french.h"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace concerto::french {

namespace {
const char* const kNarrowNoBreak = "\xE2\x80\xAF"; // U+202F
const char* const kNoBreak = "\xC2\xA0";           // U+00A0

std::string Group(const std::string& digits)
{
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            out += kNarrowNoBreak;
        out += digits[i];
    }
    return out;
}

bool EndsWithSpace(const std::string& out)
{
    if (out.empty())
        return true;
    if (out.back() == ' ' || out.back() == '\n' || out.back() == '\t' || out.back() == '(')
        return true;
    return out.size() >= 2 && (out.compare(out.size() - 2, 2, kNoBreak) == 0 ||
                               (out.size() >= 3 && out.compare(out.size() - 3, 3, kNarrowNoBreak) == 0));
}

void TrimTrailingSpaces(std::string& out)
{
    for (;;) {
        if (!out.empty() && out.back() == ' ')
            out.pop_back();
        else if (out.size() >= 2 && out.compare(out.size() - 2, 2, kNoBreak) == 0)
            out.resize(out.size() - 2);
        else if (out.size() >= 3 && out.compare(out.size() - 3, 3, kNarrowNoBreak) == 0)
            out.resize(out.size() - 3);
        else
            return;
    }
}
} // namespace

std::string Number(long long value)
{
    const bool negative = value < 0;
    const unsigned long long magnitude =
        negative ? 0ULL - static_cast<unsigned long long>(value) : static_cast<unsigned long long>(value);
    return (negative ? "\xE2\x88\x92" : "") + Group(std::to_string(magnitude));
}

std::string Decimal(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
    std::string text = buffer;
    const auto dot = text.find_first_of(".,"); // the C library may follow a French LC_NUMERIC
    std::string whole = text.substr(0, dot);
    std::string out = (value < 0 && std::fabs(value) >= 0.5 * std::pow(10.0, -decimals) ? "\xE2\x88\x92" : "") +
                      Group(whole);
    if (dot != std::string::npos)
        out += "," + text.substr(dot + 1);
    return out;
}

std::string Percent(double fraction, int decimals) { return Decimal(fraction * 100.0, decimals) + kNoBreak + "%"; }

std::string LongDate(const Date& day)
{
    static const char* const kMonths[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                          "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
    const std::string number = day.day == 1 ? "1er" : std::to_string(day.day);
    return number + " " + kMonths[(day.month - 1) % 12] + " " + std::to_string(day.year);
}

std::string ShortDate(const Date& day)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d/%02d/%04d", day.day, day.month, day.year);
    return buffer;
}

std::string Typography(const std::string& text)
{
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    bool insideQuote = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool closesClause = c == ';' || c == '!' || c == '?' || c == ':';
        if (closesClause) {
            // "http://" and "10:30" keep their colon as it is.
            const bool partOfToken = c == ':' && ((i + 1 < text.size() && text[i + 1] == '/') ||
                                                  (i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
                                                   i + 1 < text.size() &&
                                                   std::isdigit(static_cast<unsigned char>(text[i + 1]))));
            const bool repeated = !out.empty() && (out.back() == '!' || out.back() == '?');
            if (!partOfToken && !repeated && !out.empty()) {
                TrimTrailingSpaces(out);
                out += c == ':' ? kNoBreak : kNarrowNoBreak;
            }
            out += c;
            continue;
        }
        if (c == '"') {
            if (!insideQuote) {
                out += "«";
                out += kNoBreak;
                // Skip spaces that followed the opening quote.
                while (i + 1 < text.size() && text[i + 1] == ' ')
                    ++i;
            } else {
                TrimTrailingSpaces(out);
                out += kNoBreak;
                out += "»";
            }
            insideQuote = !insideQuote;
            continue;
        }
        if (text.compare(i, 2, "«") == 0) {
            out += "«";
            out += kNoBreak;
            i += 1;
            while (i + 1 < text.size() && text[i + 1] == ' ')
                ++i;
            if (text.compare(i + 1, 2, kNoBreak) == 0)
                i += 2;
            continue;
        }
        if (text.compare(i, 2, "»") == 0) {
            TrimTrailingSpaces(out);
            out += kNoBreak;
            out += "»";
            i += 1;
            continue;
        }
        if (c == ' ' && !EndsWithSpace(out) && i + 1 < text.size() &&
            (text[i + 1] == ';' || text[i + 1] == '!' || text[i + 1] == '?' || text[i + 1] == ':'))
            continue; // the punctuation will put its own no-break space
        out += c;
    }
    return out;
}

} // namespace concerto::french
