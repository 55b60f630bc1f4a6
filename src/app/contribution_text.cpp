#include "app/contribution_text.h"

#include "core/text.h"

#include <ctime>
#include <cwctype>
#include <wx/datetime.h>
#include <wx/intl.h>

namespace concerto {

wxString FormatReceivedDay(const Timestamp& instant)
{
    if (instant.seconds == 0)
        return wxString();
    return wxDateTime(static_cast<time_t>(instant.seconds)).Format("%d/%m/%Y");
}

wxString FormatReceivedAt(const Timestamp& instant)
{
    if (instant.seconds == 0)
        return wxString();
    return wxDateTime(static_cast<time_t>(instant.seconds)).Format("%d/%m/%Y %H:%M");
}

std::string LocalIso(const Timestamp& instant)
{
    // localtime_r rather than wxDateTime: exports format rows on the worker thread.
    const std::time_t seconds = static_cast<std::time_t>(instant.seconds);
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
    return text;
}

wxString FirstTextLine(const std::string& text, std::size_t maxChars)
{
    wxString all = wxString::FromUTF8(text);
    all.Trim(false);
    wxString line = all.BeforeFirst('\n');
    line.Trim(true);
    if (line.length() > maxChars)
        line = line.Left(maxChars - 1) + wxString::FromUTF8("…");
    else if (line.length() < all.Trim(true).length())
        line += wxString::FromUTF8(" …"); // there is more below
    return line;
}

std::vector<std::pair<long, long>> MatchedWords(const wxString& text, const std::vector<std::string>& stems)
{
    std::vector<std::pair<long, long>> ranges;
    if (stems.empty())
        return ranges;
    // Words are runs of letters and digits, as for the full-text index: apostrophes and hyphens split.
    auto isWordChar = [](wxUniChar c) {
        const wxChar value = static_cast<wxChar>(c.GetValue());
        return std::iswalnum(static_cast<wint_t>(value)) != 0;
    };
    const long length = static_cast<long>(text.length());
    long start = -1;
    for (long i = 0; i <= length; ++i) {
        const bool inWord = i < length && isWordChar(text[i]);
        if (inWord && start < 0)
            start = i;
        if (inWord || start < 0)
            continue;
        const std::string folded = Fold(text.Mid(start, i - start).utf8_string());
        for (const auto& stem : stems) {
            if (folded.compare(0, stem.size(), stem) == 0) {
                ranges.emplace_back(start, i);
                break;
            }
        }
        start = -1;
    }
    return ranges;
}

} // namespace concerto
