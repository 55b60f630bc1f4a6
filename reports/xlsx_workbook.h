#pragma once
// What the two Excel writers share (xlsx_table: one raw table; xlsx_writer: a whole report):
// a libxlsxwriter workbook in constant-memory mode written to a temporary file and renamed
// into place only once complete, unique sheet names, the cell formats, and a sheet table that
// writes typed values row by row — a bold frozen header, an autofilter, widths measured from
// the first rows, text that never becomes a formula.
//
// Internal to concerto_reports (it names libxlsxwriter types): the public API is
// reports/xlsx_writer.h and reports/xlsx_table.h.

#include "reports/document.h"

#include <array>
#include <cstddef>
#include <string>
#include <vector>
#include <xlsxwriter.h>

namespace concerto::report::xlsx {

/// Excel's limit: rows below a one-row header.
constexpr std::size_t kMaxDataRows = 1048575;

/// How a cell stands out, from the kind of its row (and, in a cross-table, its column).
enum class Emphasis { None, Header, Label, Group, Subtotal, Total, Count };

/// The cell's type for formats: a ValueType, or a number shown as typed (no grouping).
constexpr int kPlainNumber = 6;
constexpr int kFormatTypes = 7;

/// Runs code with the C numeric locale on this thread: libxlsxwriter prints numbers with
/// printf, which would write "1,5" — an invalid file — under a French LC_NUMERIC.
class NumericLocaleGuard {
public:
    NumericLocaleGuard();
    ~NumericLocaleGuard();
    NumericLocaleGuard(const NumericLocaleGuard&) = delete;
    NumericLocaleGuard& operator=(const NumericLocaleGuard&) = delete;

private:
    void* m_c = nullptr;
    void* m_previous = nullptr;
};

/// A workbook that lands at its path only when Commit() succeeds. Until then it is written
/// to a hidden temporary file next to it; destroying an uncommitted workbook (an error, a
/// CancelledError) removes that file, so no partial workbook is ever left behind.
class Workbook {
public:
    /// `accent` ("#1F4E79") colours the header rows.
    explicit Workbook(const std::string& path, const std::string& accent = "#1F4E79");
    ~Workbook();
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    lxw_workbook* Get() { return m_workbook; }
    const std::string& Path() const { return m_path; }

    /// A new sheet named from `wanted`: characters Excel refuses replaced, at most 31
    /// characters, made unique (ignoring case) with " (2)"… Sets `actualName`.
    lxw_worksheet* AddSheet(const std::string& wanted, std::string* actualName = nullptr);

    /// The format of a cell of `type` (a ValueType as int, or kPlainNumber) with `emphasis`.
    lxw_format* Format(int type, Emphasis emphasis);
    /// Bold text one size up, for titles on the Paramètres sheet.
    lxw_format* TitleFormat();
    /// Text wrapped within its column and aligned at the top.
    lxw_format* WrapFormat();

    /// Throws Error naming the file when a libxlsxwriter call failed.
    void Check(lxw_error error) const;

    /// Writes the workbook and renames it to its path, replacing any file there.
    void Commit();

private:
    std::string m_path, m_temporary;
    lxw_workbook* m_workbook = nullptr;
    std::vector<std::string> m_sheetKeys; ///< folded names, for uniqueness
    std::array<std::array<lxw_format*, static_cast<int>(Emphasis::Count)>, kFormatTypes> m_formats{};
    lxw_format* m_title = nullptr;
    lxw_format* m_wrap = nullptr;
    unsigned m_accent = 0x1F4E79;
};

/// Options of a SheetTable.
struct TableOptions {
    bool crossTable = false;   ///< labels in the first column, totals in the last row and column
    bool autofilter = true;
    bool plainNumbers = false; ///< numbers without a thousands separator (raw exports)
    bool wallClock = false;    ///< DateTime values already hold local time (no UTC conversion)
    bool wrapText = false;     ///< text wraps within its column, rows aligned at the top (lists of quotes)
    unsigned firstRow = 0;     ///< where the header goes
};

/// One table on one sheet: a header row, then rows written strictly in order (the sheet is
/// in constant-memory mode). The first rows are held back to measure column widths.
class SheetTable {
public:
    /// Throws ValidationError when `columns` is empty. `name` names the table in errors.
    SheetTable(Workbook& book, lxw_worksheet* sheet, std::vector<Column> columns, const std::string& name,
               TableOptions options = {});

    /// Adds one row (cells beyond the columns are ignored, missing ones left blank). Throws
    /// ValidationError beyond Excel's row limit.
    void Add(const Row& row);
    /// Writes what is held back, the widths and the autofilter. Call once, after the last row.
    void Finish();
    /// Rows added so far.
    std::size_t Rows() const { return m_rows; }

private:
    /// Writes the header and the rows held back; `complete`: they are all the rows.
    void Flush(bool complete);
    void WriteHeader();
    /// `last`: the table's last row, known to be (a cross-table's totals).
    void WriteRow(const Row& row, bool last);
    void Measure(const Row& row);

    Workbook& m_book;
    lxw_worksheet* m_sheet;
    std::vector<Column> m_columns;
    std::string m_name;
    TableOptions m_options;
    std::vector<Row> m_held;
    std::vector<double> m_measured;
    std::size_t m_rows = 0;    ///< added
    std::size_t m_written = 0; ///< written to the sheet
    bool m_flushed = false;
};

/// Writes one typed value: numbers and dates as Excel values with their format, text always
/// as a string (a formula only when Value::formula), an empty text as nothing (or a blank
/// cell keeping a row's fill).
void WriteValue(Workbook& book, lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const Value& value,
                Emphasis emphasis, const TableOptions& options = {});

/// Width in Excel character units of `value` once formatted (for column widths).
double DisplayWidth(const Value& value, bool plainNumbers = false);

/// Valid UTF-8 of at most 32,767 bytes (Excel's cell limit): invalid bytes become U+FFFD.
std::string CellText(const std::string& text);

} // namespace concerto::report::xlsx
