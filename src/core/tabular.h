#pragma once
// The common streaming interface of the tabular file readers (CSV, XLSX) the importers build
// on: a header row, then data rows one at a time with the physical line (CSV) or row number
// (XLSX) they came from, so that every error can name « fichier, ligne, colonne ». Memory
// stays bounded by one row (plus the XLSX shared-string table) whatever the file size.

#include "core/errors.h"
#include "core/text_encoding.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace concerto {

/// How to read a file; every field has an "automatic" default.
struct TabularOptions {
    TextEncoding encoding = TextEncoding::Auto; ///< CSV only: Auto = valid UTF-8 → UTF-8, else Windows-1252
    char delimiter = 0;                         ///< CSV only: ',', ';' or '\t'; 0 = detected from the first lines
    std::string sheet;                          ///< XLSX only: sheet name; empty = the first sheet
};

/// A file read as a table: the header row, then data rows in file order.
class TabularReader {
public:
    virtual ~TabularReader() = default;
    TabularReader(const TabularReader&) = delete;
    TabularReader& operator=(const TabularReader&) = delete;

    /// The header row (the first non-blank row), trailing empty names removed; never empty.
    const std::vector<std::string>& Header() const { return m_header; }

    /// Reads the next non-blank data row into `cells`, resized to Header().size() (shorter rows
    /// are padded with empty cells). Returns false at the end of the file. Throws ValidationError
    /// (naming file, line, column) for a row with a non-empty cell beyond the header, a truncated
    /// or malformed file, or text that is not valid in the file's encoding.
    virtual bool Next(std::vector<std::string>& cells) = 0;

    /// 1-based physical line (CSV: where the record starts) or row number (XLSX) of the row last
    /// returned by Next(), or of the header row before the first call.
    std::uint64_t Line() const { return m_line; }
    /// Bytes consumed so far, out of Size(): for a Progress (CSV: file bytes; XLSX: sheet XML bytes).
    virtual std::uint64_t Position() const = 0;
    /// Total bytes Position() runs up to (0 if unknown).
    virtual std::uint64_t Size() const = 0;

    /// The file name shown in messages (without its folder).
    const std::string& FileName() const { return m_fileName; }
    /// The name of a 1-based column as the user sees it in the file ("3" in CSV, "C" in XLSX).
    virtual std::string ColumnLabel(std::size_t column) const;
    /// An error naming the file, `line` (0: none), `column` (1-based, 0: none, with its header
    /// name when known) followed by `message`: « Fichier « a.csv », ligne 4, colonne 2 (« titre ») : … ».
    ValidationError ErrorAt(std::uint64_t line, std::size_t column, const std::string& message) const;

protected:
    /// `path` is reduced to its file name for messages; `context` (such as « feuille « X » »)
    /// is added after it in every message.
    explicit TabularReader(const std::string& path, std::string context = {});
    /// Sets the header from the first row, dropping trailing empty names; throws if none is left.
    void SetHeader(std::vector<std::string> header, std::uint64_t line);
    /// Moves the first `count` strings of `row` into `cells` with the header's width (swapping, so
    /// both keep their capacity); throws if a cell beyond the header is non-empty.
    void FitToHeader(std::vector<std::string>& row, std::size_t count, std::vector<std::string>& cells) const;

    std::uint64_t m_line = 0;
    std::string m_context;

private:
    std::string m_fileName;
    std::vector<std::string> m_header;
};

/// Opens `path` as XLSX (by its .xlsx extension or its ZIP signature) or else as CSV.
/// Throws ValidationError when the file cannot be opened or read, or is an old binary .xls.
std::unique_ptr<TabularReader> OpenTabular(const std::string& path, const TabularOptions& options = {});

/// `text` between French quotes with no-break spaces inside (« text »), for messages.
std::string QuoteFrench(const std::string& text);

} // namespace concerto
