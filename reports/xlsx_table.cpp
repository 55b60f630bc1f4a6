#include "reports/xlsx_table.h"

#include "core/datetime.h"
#include "core/errors.h"
#include "reports/xlsx_workbook.h"

#include <cerrno>
#include <cstdlib>
#include <optional>

namespace concerto {

namespace {

using report::Value;

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

/// The typed value of one text cell of a column of `kind`; text when it does not parse.
Value ToValue(XlsxKind kind, const std::string& text)
{
    switch (kind) {
    case XlsxKind::Number:
        if (auto number = ParseNumber(text))
            return Value::Decimal(*number);
        break;
    case XlsxKind::Date:
        if (auto day = Date::Parse(text))
            return Value::Day(*day);
        break;
    case XlsxKind::DateTime:
        if (auto instant = Timestamp::Parse(text))
            return Value::Instant(*instant); // already the wall clock: see TableOptions::wallClock
        break;
    case XlsxKind::Text:
        break;
    }
    return Value::Of(text);
}

} // namespace

void WriteTable(const std::string& path, const std::string& sheetName, const std::vector<XlsxColumn>& columns,
                const std::function<bool(XlsxRow&)>& next)
{
    if (columns.empty())
        throw ValidationError("Un tableau Excel a besoin d'au moins une colonne.");
    report::xlsx::NumericLocaleGuard cLocale;
    report::xlsx::Workbook book(path);
    std::vector<report::Column> typed;
    for (const XlsxColumn& column : columns)
        typed.push_back({column.title, report::ValueType::Text, column.width});
    report::xlsx::TableOptions options;
    options.plainNumbers = true;
    options.wallClock = true;
    report::xlsx::SheetTable table(book, book.AddSheet(sheetName), typed, sheetName, options);
    XlsxRow values;
    report::Row row;
    while (true) {
        values.clear();
        if (!next(values))
            break;
        row.cells.clear();
        for (std::size_t i = 0; i < columns.size() && i < values.size(); ++i)
            row.cells.push_back(values[i].empty() ? Value::Blank() : ToValue(columns[i].kind, values[i]));
        table.Add(row);
    }
    table.Finish();
    book.Commit();
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
