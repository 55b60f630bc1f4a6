#pragma once
// Reads workbooks back with a real XLSX reader (openpyxl, run by /usr/bin/python3) for the
// tests of the Excel writers: never trust the writer to check itself.

#include <map>
#include <string>

namespace concerto::test {

/// Runs `script` (Python) with `path` (the workbook's path), `wb` (openpyxl's workbook, opened
/// read-only when `readOnly`) and `say(key, *values)` defined; returns what it said, key →
/// the values joined by spaces. Fails the test when Python fails.
std::map<std::string, std::string> ReadXlsx(const std::string& path, const std::string& script,
                                            bool readOnly = false);

} // namespace concerto::test
