#include "core/datetime.h"

#include <chrono>
#include <cstdio>

namespace concerto {

namespace {
// Howard Hinnant's civil-calendar algorithms: exact for the proleptic Gregorian calendar
// and free of the local time zone, unlike mktime.
std::int64_t DaysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Date CivilFromDays(std::int64_t z)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    Date r;
    r.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    r.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    r.year = static_cast<int>(yoe + era * 400 + (r.month <= 2));
    return r;
}

bool ReadInt(const std::string& s, std::size_t pos, std::size_t len, int& out)
{
    if (pos + len > s.size())
        return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}
} // namespace

bool IsValidDay(int year, int month, int day)
{
    if (month < 1 || month > 12 || day < 1 || year < 1 || year > 9999)
        return false;
    static const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= lengths[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::string Date::ToIso() const
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::optional<Date> Date::Parse(const std::string& text)
{
    Date d;
    if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !ReadInt(text, 0, 4, d.year) ||
        !ReadInt(text, 5, 2, d.month) || !ReadInt(text, 8, 2, d.day) || !IsValidDay(d.year, d.month, d.day))
        return std::nullopt;
    return d;
}

std::int64_t Date::DaysSinceEpoch() const { return DaysFromCivil(year, month, day); }

Date Date::FromDaysSinceEpoch(std::int64_t days) { return CivilFromDays(days); }

std::string Timestamp::ToIso() const
{
    const std::int64_t days = (seconds >= 0 ? seconds : seconds - 86399) / 86400;
    const std::int64_t rest = seconds - days * 86400;
    const Date d = CivilFromDays(days);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", d.year, d.month, d.day,
                  static_cast<int>(rest / 3600), static_cast<int>(rest % 3600 / 60), static_cast<int>(rest % 60));
    return buf;
}

std::optional<Timestamp> Timestamp::Parse(const std::string& text)
{
    const auto day = Date::Parse(text);
    if (!day)
        return std::nullopt;
    int h = 0, m = 0, s = 0;
    std::size_t pos = 10;
    if (pos < text.size() && (text[pos] == ' ' || text[pos] == 'T')) {
        if (!ReadInt(text, pos + 1, 2, h) || text.size() < pos + 6 || text[pos + 3] != ':' ||
            !ReadInt(text, pos + 4, 2, m))
            return std::nullopt;
        pos += 6;
        if (pos < text.size() && text[pos] == ':') {
            if (!ReadInt(text, pos + 1, 2, s))
                return std::nullopt;
            pos += 3;
        }
        if (pos < text.size() && text[pos] == '.') {
            ++pos;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
                ++pos;
        }
    }
    if (h > 23 || m > 59 || s > 60)
        return std::nullopt;
    std::int64_t offset = 0;
    if (pos < text.size()) {
        const char sign = text[pos];
        if (sign == 'Z' && pos + 1 == text.size()) {
            // UTC
        } else if (sign == '+' || sign == '-') {
            int oh = 0, om = 0;
            if (!ReadInt(text, pos + 1, 2, oh))
                return std::nullopt;
            std::size_t q = pos + 3;
            if (q < text.size() && text[q] == ':')
                ++q;
            if (q < text.size() && !ReadInt(text, q, 2, om))
                return std::nullopt;
            offset = (oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
        } else {
            return std::nullopt;
        }
    }
    Timestamp t;
    t.seconds = day->DaysSinceEpoch() * 86400 + h * 3600 + m * 60 + s - offset;
    return t;
}

Timestamp Timestamp::FromTm(const std::tm& utc)
{
    Timestamp t;
    t.seconds = DaysFromCivil(utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday) * 86400 + utc.tm_hour * 3600 +
                utc.tm_min * 60 + utc.tm_sec;
    return t;
}

Timestamp Timestamp::Now()
{
    Timestamp t;
    t.seconds = std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
    return t;
}

Timestamp Timestamp::At(const Date& day, int hour, int minute, int second)
{
    Timestamp t;
    t.seconds = day.DaysSinceEpoch() * 86400 + hour * 3600 + minute * 60 + second;
    return t;
}

Date Timestamp::Day() const { return CivilFromDays((seconds >= 0 ? seconds : seconds - 86399) / 86400); }

} // namespace concerto
