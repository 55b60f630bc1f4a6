#pragma once
// Calendar dates and UTC instants as stored by Concerto: dates as "YYYY-MM-DD",
// instants as "YYYY-MM-DD HH:MM:SS" in UTC (the form both SQLite and PostgreSQL accept).

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>

namespace concerto {

/// A calendar day with no time zone.
struct Date {
    int year = 1970, month = 1, day = 1;
    /// "YYYY-MM-DD".
    std::string ToIso() const;
    /// Parses "YYYY-MM-DD" (anything after the day, such as a time, is ignored); nullopt when invalid.
    static std::optional<Date> Parse(const std::string& text);
    /// Days since 1970-01-01.
    std::int64_t DaysSinceEpoch() const;
    static Date FromDaysSinceEpoch(std::int64_t days);
    bool operator==(const Date& o) const { return year == o.year && month == o.month && day == o.day; }
    bool operator<(const Date& o) const { return DaysSinceEpoch() < o.DaysSinceEpoch(); }
};

/// An instant, as whole seconds since the Unix epoch, UTC.
struct Timestamp {
    std::int64_t seconds = 0;
    /// "YYYY-MM-DD HH:MM:SS" in UTC.
    std::string ToIso() const;
    /// Parses "YYYY-MM-DD[ T]HH:MM[:SS][.fff][Z|+00|+00:00|±hh[:mm]]"; nullopt when invalid.
    static std::optional<Timestamp> Parse(const std::string& text);
    static Timestamp FromTm(const std::tm& utc);
    static Timestamp Now();
    static Timestamp At(const Date& day, int hour = 0, int minute = 0, int second = 0);
    Date Day() const;
    bool operator==(const Timestamp& o) const { return seconds == o.seconds; }
    bool operator<(const Timestamp& o) const { return seconds < o.seconds; }
};

/// True when year/month/day form a real calendar day.
bool IsValidDay(int year, int month, int day);

} // namespace concerto
