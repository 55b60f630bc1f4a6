// Value conversions of the importer (core/import_spec.h): statuses, stances, dates and instants,
// booleans, lists and Decidim's HTML bodies. Forgiving about form (case, accents, French or ISO
// dates), strict about meaning (an impossible day or an unknown word is refused).

#include "core/import_spec.h"
#include "core/import_util.h"
#include "core/text.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>

namespace concerto {

namespace {

// Folded text with '_' and '-' read as spaces and spaces collapsed: "In_Progress", "en-cours"
// and "  En  cours " all become "in progress" / "en cours".
std::string WordKey(const std::string& text)
{
    const std::string folded = Fold(import::Trim(text));
    std::string key;
    for (char c : folded) {
        if (c == '_' || c == '-' || c == ' ' || c == '\t') {
            if (!key.empty() && key.back() != ' ')
                key += ' ';
        } else {
            key += c;
        }
    }
    while (!key.empty() && key.back() == ' ')
        key.pop_back();
    return key;
}

// Reads 1 to `maxDigits` digits at `pos` (at least `minDigits`), advancing `pos`.
bool ReadNumber(const std::string& s, std::size_t& pos, int minDigits, int maxDigits, int& out)
{
    int value = 0, count = 0;
    while (pos < s.size() && count < maxDigits && s[pos] >= '0' && s[pos] <= '9') {
        value = value * 10 + (s[pos] - '0');
        ++pos;
        ++count;
    }
    out = value;
    return count >= minDigits;
}

struct Civil {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    bool hasOffset = false;
    int offsetSeconds = 0;
};

// "HH:MM[:SS][.fff]" or "HHhMM" at `pos`.
bool ReadClock(const std::string& s, std::size_t& pos, Civil& c)
{
    if (!ReadNumber(s, pos, 1, 2, c.hour) || pos >= s.size() || (s[pos] != ':' && s[pos] != 'h'))
        return false;
    ++pos;
    if (!ReadNumber(s, pos, 2, 2, c.minute))
        return false;
    if (pos < s.size() && s[pos] == ':') {
        ++pos;
        if (!ReadNumber(s, pos, 2, 2, c.second))
            return false;
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            ++pos;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9')
                ++pos;
        }
    }
    return c.hour <= 23 && c.minute <= 59 && c.second <= 59;
}

// What follows the clock: nothing, "Z", " UTC", or "±HH[:MM]" / "±HHMM", optionally after a space
// (Ruby's "2024-05-12 14:30:00 +0200", which Decidim writes).
bool ReadOffset(const std::string& s, std::size_t pos, Civil& c)
{
    while (pos < s.size() && s[pos] == ' ')
        ++pos;
    if (pos == s.size())
        return true;
    const std::string rest = s.substr(pos);
    if (rest == "Z" || rest == "z" || rest == "UTC" || rest == "GMT") {
        c.hasOffset = true;
        return true;
    }
    if (s[pos] != '+' && s[pos] != '-')
        return false;
    const int sign = s[pos] == '-' ? -1 : 1;
    ++pos;
    int hours = 0, minutes = 0;
    if (!ReadNumber(s, pos, 2, 2, hours))
        return false;
    if (pos < s.size() && s[pos] == ':')
        ++pos;
    if (pos < s.size() && !ReadNumber(s, pos, 2, 2, minutes))
        return false;
    if (pos != s.size() || hours > 23 || minutes > 59)
        return false;
    c.hasOffset = true;
    c.offsetSeconds = sign * (hours * 3600 + minutes * 60);
    return true;
}

// "AAAA-MM-JJ" or "JJ/MM/AAAA" (day and month on one or two digits) at the start of `s`.
bool ReadDay(const std::string& s, std::size_t& pos, Civil& c)
{
    if (s.size() >= 10 && s[4] == '-') {
        if (!ReadNumber(s, pos, 4, 4, c.year) || s[pos] != '-')
            return false;
        ++pos;
        if (!ReadNumber(s, pos, 2, 2, c.month) || pos >= s.size() || s[pos] != '-')
            return false;
        ++pos;
        if (!ReadNumber(s, pos, 2, 2, c.day))
            return false;
    } else {
        if (!ReadNumber(s, pos, 1, 2, c.day) || pos >= s.size() || s[pos] != '/')
            return false;
        ++pos;
        if (!ReadNumber(s, pos, 1, 2, c.month) || pos >= s.size() || s[pos] != '/')
            return false;
        ++pos;
        if (!ReadNumber(s, pos, 4, 4, c.year))
            return false;
    }
    return IsValidDay(c.year, c.month, c.day);
}

// Seconds local time is ahead of UTC at the instant `utc`.
std::int64_t LocalOffset(std::int64_t utc)
{
    const std::time_t t = static_cast<std::time_t>(utc);
    std::tm local{};
    localtime_r(&t, &local);
    return local.tm_gmtoff;
}

std::optional<Timestamp> ToInstant(const Civil& c)
{
    if (c.hasOffset) {
        Timestamp t = Timestamp::At(Date{c.year, c.month, c.day}, c.hour, c.minute, c.second);
        t.seconds -= c.offsetSeconds;
        return t;
    }
    // Local time of this computer, with its summer time rules. localtime_r's offset rather than
    // mktime, which re-reads the time zone on every call (ten times slower over a large file):
    // the offset in force around the wall-clock time, then the one at the instant it gives.
    // In the spring gap (02:30 that does not exist) this gives 03:30 summer time, as mktime.
    const std::int64_t wall = Timestamp::At(Date{c.year, c.month, c.day}, c.hour, c.minute, c.second).seconds;
    const std::int64_t guess = wall - LocalOffset(wall);
    Timestamp result;
    result.seconds = wall - LocalOffset(guess);
    return result;
}

} // namespace

std::optional<CommitmentStatus> ParseStatusText(const std::string& text)
{
    static const std::pair<const char*, CommitmentStatus> names[] = {
        {"done", CommitmentStatus::Done},
        {"fait", CommitmentStatus::Done},
        {"faite", CommitmentStatus::Done},
        {"realise", CommitmentStatus::Done},
        {"in progress", CommitmentStatus::InProgress},
        {"en cours", CommitmentStatus::InProgress},
        {"planned", CommitmentStatus::Planned},
        {"reste a faire", CommitmentStatus::Planned},
        {"a faire", CommitmentStatus::Planned},
        {"prevu", CommitmentStatus::Planned},
        {"dropped", CommitmentStatus::Dropped},
        {"abandonne", CommitmentStatus::Dropped},
        {"abandonnee", CommitmentStatus::Dropped},
    };
    for (const auto& [name, status] : names) // as the exporter writes them: no folding needed
        if (text == name)
            return status;
    const std::string key = WordKey(text);
    for (const auto& [name, status] : names)
        if (key == name)
            return status;
    return std::nullopt;
}

std::optional<Stance> ParseStanceText(const std::string& text)
{
    static const std::pair<const char*, Stance> names[] = {
        {"support", Stance::Support},    {"soutien", Stance::Support},         {"criticism", Stance::Criticism},
        {"critique", Stance::Criticism}, {"proposal", Stance::Proposal},       {"proposition", Stance::Proposal},
        {"question", Stance::Question},  {"observation", Stance::Observation}, {"constat", Stance::Observation},
    };
    for (const auto& [name, stance] : names) // as the exporter writes them: no folding needed
        if (text == name)
            return stance;
    std::string key = WordKey(text);
    // Plurals (« critiques », « propositions ») cost one retry.
    for (int attempt = 0; attempt < 2; ++attempt) {
        for (const auto& [name, stance] : names)
            if (key == name)
                return stance;
        if (key.size() < 2 || key.back() != 's')
            break;
        key.pop_back();
    }
    return std::nullopt;
}

std::optional<Timestamp> ParseImportInstant(const std::string& text)
{
    const std::string s = import::Trim(text);
    Civil c;
    std::size_t pos = 0;
    if (s.empty() || !ReadDay(s, pos, c))
        return std::nullopt;
    if (pos < s.size() && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' ')) {
        std::size_t clock = pos + 1;
        while (clock < s.size() && s[clock] == ' ')
            ++clock;
        // "2024-05-12 +0200" has no clock: only an offset follows the day.
        if (clock < s.size() && s[clock] >= '0' && s[clock] <= '9') {
            if (!ReadClock(s, clock, c))
                return std::nullopt;
            pos = clock;
        }
    }
    if (!ReadOffset(s, pos, c))
        return std::nullopt;
    return ToInstant(c);
}

std::string FormatImportInstant(const Timestamp& when)
{
    const std::time_t t = static_cast<std::time_t>(when.seconds);
    std::tm local{};
    localtime_r(&t, &local);
    const int offset = static_cast<int>(local.tm_gmtoff);
    const int magnitude = (offset < 0 ? -offset : offset) % 86400;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d%c%02d:%02d", local.tm_year + 1900, local.tm_mon + 1,
                  local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec, offset < 0 ? '-' : '+', magnitude / 3600,
                  magnitude % 3600 / 60);
    return buf;
}

std::optional<bool> ParseBooleanText(const std::string& text)
{
    static const char* const yes[] = {"1", "true", "oui", "vrai", "x", "yes", "o", "y"};
    static const char* const no[] = {"", "0", "false", "non", "faux", "no", "n"};
    const bool plain =
        text.size() <= 5 && std::all_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    const std::string key = plain ? text : Fold(import::Trim(text));
    for (const char* word : yes)
        if (key == word)
            return true;
    for (const char* word : no)
        if (key == word)
            return false;
    return std::nullopt;
}

std::vector<std::string> SplitList(const std::string& text)
{
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t bar = text.find('|', start);
        if (bar == std::string::npos)
            bar = text.size();
        std::string item = import::Trim(text.substr(start, bar - start));
        if (!item.empty())
            items.push_back(std::move(item));
        start = bar + 1;
    }
    return items;
}

} // namespace concerto
