// Value conversions of the XLSX reader (see xlsx_values.h).

#include "core/xlsx_values.h"

#include "core/datetime.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace concerto {

XlsxValueKind ClassifyNumberFormat(int id, const std::string& code)
{
    if (code.empty()) {
        if (id >= 14 && id <= 17)
            return XlsxValueKind::Date;
        if (id == 22)
            return XlsxValueKind::DateTime;
        if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
            return XlsxValueKind::Time;
        return XlsxValueKind::Number;
    }
    bool date = false, month = false, time = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
        if (c == '"') {
            const auto close = code.find('"', i + 1);
            i = close == std::string::npos ? code.size() : close;
        } else if (c == '[') {
            const auto close = code.find(']', i + 1);
            const std::string inside = code.substr(i + 1, close == std::string::npos ? 0 : close - i - 1);
            // [h], [mm], [ss] are elapsed times; [Red], [$€-40C], [>100] say nothing of dates.
            if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string::npos)
                time = true;
            i = close == std::string::npos ? code.size() : close;
        } else if (c == '\\' || c == '_' || c == '*')
            ++i; // an escaped, spacing or fill character
        else if (c == 'd' || c == 'y')
            date = true;
        else if (c == 'm')
            month = true;
        else if (c == 'h' || c == 's')
            time = true;
    }
    date = date || (month && !time); // "m" is minutes next to h or s, months otherwise
    if (date)
        return time ? XlsxValueKind::DateTime : XlsxValueKind::Date;
    return time ? XlsxValueKind::Time : XlsxValueKind::Number;
}

std::string FormatSerial(double serial, XlsxValueKind kind, bool date1904)
{
    if (!(serial >= 0 && serial < 2958466)) // up to 9999-12-31
        return FormatNumber(serial);
    const auto seconds = static_cast<std::int64_t>(std::llround(serial * 86400.0));
    std::int64_t days = seconds / 86400;
    const std::int64_t second = seconds % 86400;
    // Days since 1970-01-01: 1900 system from 1899-12-30 (1899-12-31 before Excel's fake
    // 1900-02-29, serial 60); 1904 system from 1904-01-01.
    if (date1904)
        days -= 24107;
    else
        days -= days < 61 ? 25568 : 25569;
    char time[16];
    std::snprintf(time, sizeof time, "%02d:%02d:%02d", static_cast<int>(second / 3600),
                  static_cast<int>(second / 60 % 60), static_cast<int>(second % 60));
    if (kind == XlsxValueKind::Time && seconds < 86400)
        return time;
    const std::string date = Date::FromDaysSinceEpoch(days).ToIso();
    return kind == XlsxValueKind::Date ? date : date + " " + time;
}

std::string FormatNumber(double value)
{
    if (!std::isfinite(value))
        return value != value ? "NaN" : (value > 0 ? "inf" : "-inf");
    if (value == std::trunc(value) && std::fabs(value) < 1e15)
        return std::to_string(static_cast<long long>(value));
    char text[32];
    const auto result = std::to_chars(text, text + sizeof text, value);
    return std::string(text, result.ptr);
}

namespace {

int HexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

void AppendUtf8(unsigned code, std::string& out)
{
    if (code < 0x80)
        out.push_back(static_cast<char>(code));
    else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
}

} // namespace

void DecodeOoxmlEscapes(std::string& text)
{
    auto at = text.find("_x");
    if (at == std::string::npos)
        return;
    std::string out(text, 0, at);
    while (at < text.size()) {
        unsigned code = 0;
        bool escape = at + 7 <= text.size() && text[at] == '_' && text[at + 1] == 'x' && text[at + 6] == '_';
        for (std::size_t k = 2; escape && k < 6; ++k) {
            const int digit = HexValue(text[at + k]);
            escape = digit >= 0;
            code = code * 16 + static_cast<unsigned>(digit);
        }
        if (escape && (code < 0xD800 || code > 0xDFFF)) {
            AppendUtf8(code, out);
            at += 7;
        } else
            out.push_back(text[at++]);
    }
    text.swap(out);
}

} // namespace concerto
