#pragma once
// Small text helpers shared by the importer's files (import_spec.cpp, import_values.cpp,
// import_records.cpp, import_html.cpp); internal to concerto_core.

#include <string>

namespace concerto::import {

/// `text` without leading and trailing spaces, tabs, line breaks and no-break spaces (U+00A0,
/// U+202F), which spreadsheets leave around values.
std::string Trim(const std::string& text);
/// Trim() without a copy.
void TrimInPlace(std::string& text);

/// The form header names are compared in: trimmed, a leading byte order mark removed, lower case
/// without accents (« Référence » and "reference" compare equal).
std::string HeaderKey(const std::string& name);

} // namespace concerto::import
