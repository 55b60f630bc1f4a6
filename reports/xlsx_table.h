#pragma once
// One table in one Excel workbook, written with libxlsxwriter: a bold header row that stays
// in view (frozen) with an autofilter, column widths, and typed cells — real Excel dates
// (dd/mm/yyyy), numbers, and text that is always written as text (a cell starting with "="
// stays a string, never becomes a formula: exports carry what citizens typed).

#include <functional>
#include <string>
#include <vector>

namespace concerto {

/// How the text values of a column are written.
enum class XlsxKind {
    Text,    ///< as a string, whatever it contains
    Number,  ///< "12", "-3.5" as a number; anything else as a string
    Date,    ///< "YYYY-MM-DD" as an Excel date shown dd/mm/yyyy
    DateTime ///< "YYYY-MM-DD HH:MM[:SS]" as an Excel date-time shown dd/mm/yyyy hh:mm
};

/// One column of the table.
struct XlsxColumn {
    std::string title;
    XlsxKind kind = XlsxKind::Text;
    double width = 12; ///< in Excel character units
};

/// The values of one row, as text (see XlsxKind); an empty value leaves its cell blank.
using XlsxRow = std::vector<std::string>;

/// Excel's limit: rows below the header.
constexpr std::size_t kXlsxMaxRows = 1048575;

/// Writes `rows` under a header of `columns` on a sheet named `sheetName` (characters Excel
/// refuses are replaced, and it is cut to 31 characters) in a new workbook at `path`, replacing
/// any file there. Throws ValidationError for more than kXlsxMaxRows rows, Error when the
/// file cannot be written; no partial file is left behind.
void WriteTable(const std::string& path, const std::string& sheetName, const std::vector<XlsxColumn>& columns,
                const std::vector<XlsxRow>& rows);

/// The same, streaming: `next(row)` fills `row` and returns true until there are no more rows.
/// Memory stays constant whatever the number of rows. An exception thrown by `next` (such
/// as CancelledError) abandons the file and propagates.
void WriteTable(const std::string& path, const std::string& sheetName, const std::vector<XlsxColumn>& columns,
                const std::function<bool(XlsxRow&)>& next);

} // namespace concerto
