#pragma once
// How the contributions area writes its values for people: state and stance names, dates in
// French form (JJ/MM/AAAA) and local time, the first line of a text, and where the words of a
// search appear in a text so that the detail pane can highlight them.

#include "core/model.h"
#include "dialogs/domain_labels.h"

#include <string>
#include <utility>
#include <vector>
#include <wx/string.h>

namespace concerto {

/// The day of `instant` in local time, "02/10/2023"; empty for the zero instant.
wxString FormatReceivedDay(const Timestamp& instant);
/// The day and minute of `instant` in local time, "02/10/2023 14:30"; empty for the zero instant.
wxString FormatReceivedAt(const Timestamp& instant);
/// `instant` in local time as "YYYY-MM-DD HH:MM:SS", the form the Excel writer reads.
std::string LocalIso(const Timestamp& instant);

/// The first non-empty line of UTF-8 `text`, cut to `maxChars` characters with an ellipsis.
wxString FirstTextLine(const std::string& text, std::size_t maxChars = 200);

/// The [start, end) character ranges of the words of `text` whose folded form starts with one
/// of `stems` (as given by SearchStems), in order: what a search for those stems matched.
std::vector<std::pair<long, long>> MatchedWords(const wxString& text, const std::vector<std::string>& stems);

} // namespace concerto
