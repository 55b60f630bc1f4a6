#include "reports/xlsx_table.h"

#include "core/datetime.h"
#include "core/errors.h"
#include "core/text.h"

#include <cerrno>
#include <cstdlib>
#include <memory>
#include <optional>
#include <xlsxwriter.h>

namespace concerto {

namespace {

// Excel refuses longer cells and sheet names.
constexpr std::size_t kMaxCellBytes = 32767;
constexpr std::size_t kMaxSheetName = 31;

struct WorkbookDeleter {
    void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookDeleter>;

std::string SafeSheetName(const std::string& name)
{
    std::string safe;
    for (const char c : name)
        safe += std::string("[]:*?/\\").find(c) == std::string::npos ? c : ' ';
    // Excel also refuses a name that starts or ends with an apostrophe.
    while (!safe.empty() && (safe.front() == '\'' || safe.front() == ' '))
        safe.erase(safe.begin());
    safe = TruncateUtf8(safe, kMaxSheetName);
    while (!safe.empty() && (safe.back() == '\'' || safe.back() == ' '))
        safe.pop_back();
    return safe.empty() ? "Feuille 1" : safe;
}

std::optional<double> ParseNumber(const std::string& text)
{
    if (text.empty())
        return std::nullopt;
    char* end = nullptr;
    errno = 0;
    const double value = std::strtod(text.c_str(), &end);
    if (errno != 0 || end != text.c_str() + text.size())
        return std::nullopt;
    return value;
}

std::optional<lxw_datetime> ParseDateTime(const std::string& text, bool withTime)
{
    std::optional<Timestamp> instant;
    if (withTime) {
        instant = Timestamp::Parse(text);
    } else if (auto day = Date::Parse(text)) {
        instant = Timestamp::At(*day);
    }
    if (!instant)
        return std::nullopt;
    const Date day = instant->Day();
    if (day.year < 1900 || day.year > 9999) // Excel's calendar
        return std::nullopt;
    const std::int64_t seconds = instant->seconds - Timestamp::At(day).seconds;
    return lxw_datetime{day.year,
                        day.month,
                        day.day,
                        static_cast<int>(seconds / 3600),
                        static_cast<int>(seconds / 60 % 60),
                        static_cast<double>(seconds % 60)};
}

/// The workbook under construction: one sheet, the formats, and the next row to write.
class TableWriter {
public:
    TableWriter(const std::string& path, const std::string& sheetName, const std::vector<XlsxColumn>& columns)
        : m_path(path), m_columns(columns)
    {
        if (columns.empty())
            throw ValidationError("Un tableau Excel a besoin d'au moins une colonne.");
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE; // rows go to disk as they are written
        options.use_zip64 = LXW_TRUE;
        m_workbook.reset(workbook_new_opt(path.c_str(), &options));
        if (!m_workbook)
            throw Error("Le fichier Excel « " + path + " » ne peut pas être créé.");
        m_sheet = workbook_add_worksheet(m_workbook.get(), SafeSheetName(sheetName).c_str());
        if (!m_sheet)
            throw Error("La feuille Excel « " + sheetName + " » ne peut pas être créée.");
        m_bold = workbook_add_format(m_workbook.get());
        format_set_bold(m_bold);
        m_date = workbook_add_format(m_workbook.get());
        format_set_num_format(m_date, "dd/mm/yyyy");
        m_dateTime = workbook_add_format(m_workbook.get());
        format_set_num_format(m_dateTime, "dd/mm/yyyy hh:mm");
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const auto column = static_cast<lxw_col_t>(i);
            worksheet_set_column(m_sheet, column, column, columns[i].width, nullptr);
            Check(worksheet_write_string(m_sheet, 0, column, TruncateUtf8(columns[i].title, kMaxCellBytes).c_str(),
                                         m_bold));
        }
        worksheet_freeze_panes(m_sheet, 1, 0);
    }

    void Add(const XlsxRow& values)
    {
        if (m_rows == kXlsxMaxRows)
            throw ValidationError("Excel n'accepte pas plus de 1 048 575 lignes sous l'en-tête : filtrez davantage "
                                  "avant d'exporter.");
        const auto row = static_cast<lxw_row_t>(++m_rows);
        for (std::size_t i = 0; i < m_columns.size() && i < values.size(); ++i)
            Cell(row, static_cast<lxw_col_t>(i), m_columns[i].kind, values[i]);
    }

    void Close()
    {
        Check(worksheet_autofilter(m_sheet, 0, 0, static_cast<lxw_row_t>(m_rows),
                                   static_cast<lxw_col_t>(m_columns.size() - 1)));
        const lxw_error error = workbook_close(m_workbook.release()); // frees the workbook whatever happens
        if (error != LXW_NO_ERROR)
            throw Error("Le fichier Excel « " + m_path +
                            " » n'a pas pu être écrit. Vérifiez que le dossier existe, que vous pouvez y écrire "
                            "et que le fichier n'est pas ouvert dans Excel.",
                        lxw_strerror(error));
    }

private:
    void Cell(lxw_row_t row, lxw_col_t column, XlsxKind kind, const std::string& value)
    {
        if (value.empty())
            return;
        if (kind == XlsxKind::Number) {
            if (auto number = ParseNumber(value)) {
                Check(worksheet_write_number(m_sheet, row, column, *number, nullptr));
                return;
            }
        } else if (kind == XlsxKind::Date || kind == XlsxKind::DateTime) {
            if (auto when = ParseDateTime(value, kind == XlsxKind::DateTime)) {
                Check(worksheet_write_datetime(m_sheet, row, column, &*when,
                                               kind == XlsxKind::Date ? m_date : m_dateTime));
                return;
            }
        }
        // Always a string, never worksheet_write() guessing: "=1+1" stays the text "=1+1".
        Check(worksheet_write_string(m_sheet, row, column, TruncateUtf8(value, kMaxCellBytes).c_str(), nullptr));
    }

    void Check(lxw_error error) const
    {
        if (error != LXW_NO_ERROR)
            throw Error("Écriture impossible dans le fichier Excel « " + m_path + " ».", lxw_strerror(error));
    }

    std::string m_path;
    std::vector<XlsxColumn> m_columns;
    WorkbookPtr m_workbook;
    lxw_worksheet* m_sheet = nullptr;
    lxw_format* m_bold = nullptr;
    lxw_format* m_date = nullptr;
    lxw_format* m_dateTime = nullptr;
    std::size_t m_rows = 0;
};

} // namespace

void WriteTable(const std::string& path, const std::string& sheetName, const std::vector<XlsxColumn>& columns,
                const std::function<bool(XlsxRow&)>& next)
{
    TableWriter writer(path, sheetName, columns);
    XlsxRow row;
    while (true) {
        row.clear();
        if (!next(row))
            break;
        writer.Add(row);
    }
    writer.Close();
}

void WriteTable(const std::string& path, const std::string& sheetName, const std::vector<XlsxColumn>& columns,
                const std::vector<XlsxRow>& rows)
{
    if (rows.size() > kXlsxMaxRows)
        throw ValidationError("Excel n'accepte pas plus de 1 048 575 lignes sous l'en-tête : filtrez davantage "
                              "avant d'exporter.");
    std::size_t index = 0;
    WriteTable(path, sheetName, columns, [&](XlsxRow& row) {
        if (index == rows.size())
            return false;
        row = rows[index++];
        return true;
    });
}

} // namespace concerto
