#pragma once
// XLSX reader over libzip and expat: finds the first or a named sheet through
// xl/workbook.xml and its relationships, loads the shared strings and the date formats of
// xl/styles.xml, then streams the sheet's XML (never held whole in memory). Cells come out as
// text: strings as typed, numbers in their shortest exact form (integers without ".0"), dates
// as "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS", times as "HH:MM:SS", booleans as "true"/"false".

#include "core/tabular.h"

#include <memory>

namespace concerto {

/// Reads one sheet of an XLSX workbook as a table. Construction reads the header row.
class XlsxReader final : public TabularReader {
public:
    /// Opens `path` on options.sheet (empty: the first sheet; matched exactly, else ignoring ASCII case). Throws ValidationError naming the
    /// file (and sheet) when it is not a readable workbook or the sheet does not exist.
    explicit XlsxReader(const std::string& path, const TabularOptions& options = {});
    /// Reads a workbook held in memory; `displayName` names it in messages (tests, fuzzing).
    XlsxReader(const std::string& displayName, std::string content, const TabularOptions& options = {});
    ~XlsxReader() override;

    bool Next(std::vector<std::string>& cells) override;
    std::uint64_t Position() const override;
    std::uint64_t Size() const override;
    /// Column letters, as the spreadsheet shows them ("A", "AB").
    std::string ColumnLabel(std::size_t column) const override;

    /// The name of the sheet being read.
    const std::string& SheetName() const;
    /// The names of every sheet of the workbook, in tab order.
    std::vector<std::string> SheetNames() const;

private:
    struct Workbook;
    void Start(const TabularOptions& options);
    std::unique_ptr<Workbook> m_workbook;
};

/// "A" for 1, "Z" for 26, "AA" for 27…
std::string ColumnLetters(std::size_t column);

} // namespace concerto
