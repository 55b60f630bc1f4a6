// Detection of contact data in free text, written for what citizens actually type: French
// numbers in pairs (06 12 34 56 78, 06.12.34.56.78, 0612345678, 01-23-45-67-89), the
// international forms (+33 6 12 34 56 78, +33 (0)6 12 34 56 78, 0033 6…, +32 2 123 45 67) and
// e-mail addresses followed by punctuation. A hand-written scanner rather than std::regex:
// it runs on every contribution written and on every text of a report, and must not mistake
// dates (12/03/2024), amounts (1 000 000 €), postal codes (75001), times (12:30) or long
// identifiers (SIRET) for phone numbers.

#include "core/personal_data.h"

#include <algorithm>

namespace concerto {

namespace {

const char* const kEmailMask = "[adresse électronique masquée]";
const char* const kPhoneMask = "[téléphone masqué]";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsLocalChar(char c) { return IsAsciiAlnum(c) || std::string("._%+-'").find(c) != std::string::npos; }
bool IsDomainChar(char c) { return IsAsciiAlnum(c) || c == '.' || c == '-'; }

/// The byte length of a phone separator at `i` (space, no-break spaces, '.', '-'), 0 if none.
std::size_t SeparatorAt(const std::string& t, std::size_t i)
{
    if (i >= t.size())
        return 0;
    const char c = t[i];
    if (c == ' ' || c == '.' || c == '-')
        return 1;
    if (t.compare(i, 2, "\xC2\xA0") == 0) // U+00A0
        return 2;
    if (t.compare(i, 3, "\xE2\x80\xAF") == 0) // U+202F
        return 3;
    return 0;
}

/// True for an accented Latin letter (U+00C0 to U+024F, except × and ÷): "élodie@…".
bool IsLatinLetter(char32_t cp) { return cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7; }

/// The byte length of the accented letter that ends just before `i`, 0 if none.
std::size_t LetterBefore(const std::string& t, std::size_t i)
{
    std::size_t start = i;
    while (start > 0 && i - start < 4 && (static_cast<unsigned char>(t[start - 1]) & 0xC0) == 0x80)
        --start;
    if (start == 0 || start == i)
        return 0;
    --start;
    const unsigned char lead = static_cast<unsigned char>(t[start]);
    if (lead < 0xC0 || i - start != 2)
        return 0; // Latin letters are two bytes long
    const char32_t cp = (static_cast<char32_t>(lead & 0x1F) << 6) | (static_cast<unsigned char>(t[start + 1]) & 0x3F);
    return IsLatinLetter(cp) ? 2 : 0;
}

/// The byte length of the accented letter that starts at `i`, 0 if none.
std::size_t LetterAt(const std::string& t, std::size_t i)
{
    if (i + 1 >= t.size())
        return 0;
    const unsigned char lead = static_cast<unsigned char>(t[i]), next = static_cast<unsigned char>(t[i + 1]);
    if (lead < 0xC0 || lead >= 0xE0 || (next & 0xC0) != 0x80)
        return 0;
    return IsLatinLetter((static_cast<char32_t>(lead & 0x1F) << 6) | (next & 0x3F)) ? 2 : 0;
}

/// The e-mail address around the '@' at `at`, or length 0.
ContactMention EmailAt(const std::string& t, std::size_t at)
{
    ContactMention none;
    std::size_t start = at;
    for (;;) {
        if (start > 0 && IsLocalChar(t[start - 1]))
            --start;
        else if (const std::size_t letter = LetterBefore(t, start))
            start -= letter;
        else
            break;
    }
    while (start < at && (t[start] == '.' || t[start] == '\''))
        ++start; // a local part never starts with a dot ("….jean@x.fr" after an abbreviation)
    if (start == at)
        return none;
    std::size_t end = at + 1;
    for (;;) {
        if (end < t.size() && IsDomainChar(t[end]))
            ++end;
        else if (const std::size_t letter = LetterAt(t, end))
            end += letter;
        else
            break;
    }
    while (end > at + 1 && (t[end - 1] == '.' || t[end - 1] == '-'))
        --end; // the full stop of the sentence, not the domain's
    const std::string domain = t.substr(at + 1, end - at - 1);
    const std::size_t lastDot = domain.rfind('.');
    if (lastDot == std::string::npos || lastDot == 0 || domain.find("..") != std::string::npos)
        return none;
    const std::string tld = domain.substr(lastDot + 1);
    if (tld.size() < 2 || !std::all_of(tld.begin(), tld.end(), IsAsciiLetter))
        return none;
    return {ContactMention::Kind::Email, start, end - start};
}

/// Reads digits in groups from `i`: one optional separator between groups; stops before a
/// separator not followed by a digit. Returns the end and fills the group sizes.
std::size_t ReadGroups(const std::string& t, std::size_t i, std::vector<int>& groups)
{
    groups.clear();
    while (i < t.size() && IsDigit(t[i])) {
        int size = 0;
        while (i < t.size() && IsDigit(t[i])) {
            ++size;
            ++i;
        }
        groups.push_back(size);
        const std::size_t sep = SeparatorAt(t, i);
        if (sep == 0 || i + sep >= t.size() || !IsDigit(t[i + sep]))
            break;
        i += sep;
    }
    return i;
}

int Sum(const std::vector<int>& groups)
{
    int total = 0;
    for (int g : groups)
        total += g;
    return total;
}

/// True when the number does not go on after `end` (another digit, or ".5"/"-5" glued on).
bool EndsThere(const std::string& t, std::size_t end)
{
    if (end >= t.size())
        return true;
    if (IsDigit(t[end]) || IsAsciiLetter(t[end]))
        return false;
    const std::size_t after = end + SeparatorAt(t, end);
    if (t.compare(after, 3, "\xE2\x82\xAC") == 0 || t.compare(after, 1, "%") == 0)
        return false; // an amount or a rate ("+1 000 000 000 €")
    return !((t[end] == '.' || t[end] == '-' || t[end] == '/') && end + 1 < t.size() && IsDigit(t[end + 1]));
}

/// "(0)" or "0" then optional separator, as written after a country code; returns the new position.
std::size_t SkipTrunkZero(const std::string& t, std::size_t i)
{
    if (t.compare(i, 3, "(0)") == 0) {
        i += 3;
        return i + SeparatorAt(t, i);
    }
    return i;
}

/// A national French number starting at `i` (a '0'): ten digits in pairs or in one block.
std::size_t NationalAt(const std::string& t, std::size_t i)
{
    if (i + 1 >= t.size() || t[i] != '0' || t[i + 1] < '1' || t[i + 1] > '9')
        return 0;
    std::vector<int> groups;
    const std::size_t end = ReadGroups(t, i, groups);
    const bool pairs = groups.size() == 5 && std::all_of(groups.begin(), groups.end(), [](int g) { return g == 2; });
    const bool block = groups.size() == 1 && groups[0] == 10;
    if ((!pairs && !block) || !EndsThere(t, end))
        return 0;
    return end - i;
}

/// An international number at `i` (a '+', or "00"): +33 then nine digits, or another country
/// code then 7 to 13 digits in groups of one to four.
std::size_t InternationalAt(const std::string& t, std::size_t i)
{
    std::size_t p = i;
    if (t[p] == '+')
        ++p;
    else if (t.compare(p, 2, "00") == 0 && p + 2 < t.size() && t[p + 2] >= '1' && t[p + 2] <= '9')
        p += 2;
    else
        return 0;
    if (p >= t.size() || !IsDigit(t[p]) || t[p] == '0')
        return 0;
    std::vector<int> groups;
    if (t.compare(p, 2, "33") == 0) {
        std::size_t q = p + 2;
        q += SeparatorAt(t, q);
        q = SkipTrunkZero(t, q);
        if (q < t.size() && t[q] == '0' && q + 1 < t.size() && IsDigit(t[q + 1]))
            ++q; // "+33 06 12…": the trunk zero written anyway
        if (q >= t.size() || t[q] < '1' || t[q] > '9')
            return 0;
        const std::size_t end = ReadGroups(t, q, groups);
        if (Sum(groups) != 9 || !EndsThere(t, end))
            return 0;
        return end - i;
    }
    // Another country: the code (1 to 3 digits) then groups.
    std::size_t q = p;
    while (q < t.size() && IsDigit(t[q]) && q - p < 3)
        ++q;
    if (q < t.size() && IsDigit(t[q]))
        return 0; // a code glued to the number: too ambiguous to tell apart from an amount
    const std::size_t sep = SeparatorAt(t, q);
    if (sep == 0)
        return 0;
    q = SkipTrunkZero(t, q + sep);
    const std::size_t end = ReadGroups(t, q, groups);
    const int digits = Sum(groups);
    const bool shaped = std::all_of(groups.begin(), groups.end(), [](int g) { return g <= 4; });
    if (digits < 7 || digits > 13 || !shaped || !EndsThere(t, end))
        return 0;
    return end - i;
}

/// True when a number may start at `i`: not in the middle of a word, a number or an amount.
bool StartsThere(const std::string& t, std::size_t i)
{
    if (i == 0)
        return true;
    const char before = t[i - 1];
    if (IsAsciiAlnum(before) || before == '+' || before == '/' || before == ',' || before == '_')
        return false;
    if ((before == '.' || before == '-') && i >= 2 && IsDigit(t[i - 2]))
        return false;
    return true;
}

} // namespace

std::vector<ContactMention> FindContactMentions(const std::string& text)
{
    std::vector<ContactMention> found;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '@') {
            ContactMention email = EmailAt(text, i);
            if (email.length > 0) {
                // The local part was scanned backwards: drop a phone that ended inside it.
                while (!found.empty() && found.back().offset + found.back().length > email.offset)
                    found.pop_back();
                found.push_back(email);
                i = email.offset + email.length;
                continue;
            }
        } else if ((c == '+' || c == '0') && StartsThere(text, i)) {
            std::size_t length = InternationalAt(text, i);
            if (length == 0 && c == '0')
                length = NationalAt(text, i);
            if (length > 0) {
                found.push_back({ContactMention::Kind::Phone, i, length});
                i += length;
                continue;
            }
        }
        // Skip the rest of a number or word: a phone cannot start inside "12 000 0612".
        if (IsAsciiAlnum(c)) {
            while (i + 1 < text.size() && IsAsciiAlnum(text[i + 1]) && text[i + 1] != '@')
                ++i;
        }
        ++i;
    }
    return found;
}

bool MentionsContact(const std::string& text)
{
    // Quick refusal of the common case: no '@' and no digit, nothing to look for.
    if (text.find('@') == std::string::npos && text.find_first_of("0123456789") == std::string::npos)
        return false;
    return !FindContactMentions(text).empty();
}

std::string MaskContactMentions(const std::string& text)
{
    if (!MentionsContact(text))
        return text;
    std::string out;
    out.reserve(text.size());
    std::size_t from = 0;
    for (const ContactMention& m : FindContactMentions(text)) {
        out.append(text, from, m.offset - from);
        out += m.kind == ContactMention::Kind::Email ? kEmailMask : kPhoneMask;
        from = m.offset + m.length;
    }
    out.append(text, from, std::string::npos);
    return out;
}

std::string NormaliseEmail(const std::string& email)
{
    std::size_t first = 0, last = email.size();
    auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (first < last && isSpace(email[first]))
        ++first;
    while (last > first && isSpace(email[last - 1]))
        --last;
    std::string out = email.substr(first, last - first);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string NormalisePhone(const std::string& phone)
{
    std::string digits;
    bool plus = false;
    for (const char c : phone) {
        if (IsDigit(c))
            digits += c;
        else if (c == '+' && digits.empty())
            plus = true;
    }
    if (plus)
        digits = "00" + digits; // "+32 2…" and "0032 2…" compare equal
    if (digits.compare(0, 4, "0033") == 0) {
        std::string national = digits.substr(4);
        if (!national.empty() && national[0] == '0')
            national.erase(0, 1); // "+33 (0)6…"
        return "0" + national;
    }
    return digits;
}

} // namespace concerto
