#pragma once
// Internal to db/export*.cpp: where the exporter's rows go, a CSV or an XLSX file, each written
// to a hidden temporary file next to its target and renamed into place only by Commit(), so a
// failure or a cancel never leaves a partial file behind.

#include <memory>
#include <string>
#include <vector>

namespace concerto::exporting {

/// One table of text cells written row by row.
class TableSink {
public:
    virtual ~TableSink() = default;
    /// Writes the header row; called once, first.
    virtual void Header(const std::vector<std::string>& names) = 0;
    /// Writes one data row, as many cells as the header. `what` names the row in errors
    /// (« contribution « C-12 » »).
    virtual void Row(const std::vector<std::string>& cells, const std::string& what) = 0;
    /// Completes the file and renames it to its path, replacing any file there.
    virtual void Commit() = 0;
};

/// ".xlsx" (any case) → an XLSX sink with one sheet named `sheetName`; anything else → CSV
/// (UTF-8 with a BOM, ',' separated, RFC 4180 quoting, CRLF). `widths` are the XLSX column
/// widths in characters, one per column (ignored for CSV).
std::unique_ptr<TableSink> OpenSink(const std::string& path, const std::string& sheetName,
                                    const std::vector<double>& widths);

/// `field` as one RFC 4180 CSV field: quoted when it holds a comma, a quote, a line break or
/// spaces at either end (which spreadsheets would trim), quotes doubled.
std::string CsvField(const std::string& field);

} // namespace concerto::exporting
