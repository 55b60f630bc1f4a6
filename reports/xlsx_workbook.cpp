#include "reports/xlsx_workbook.h"

#include "core/errors.h"
#include "core/text.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <system_error>

#if defined(__unix__) || defined(__APPLE__)
#include <clocale>
#include <locale.h>
#define CONCERTO_HAVE_USELOCALE 1
#endif

namespace concerto::report::xlsx {

namespace {

constexpr std::size_t kMaxCellBytes = 32767;
constexpr std::size_t kMaxSheetName = 31;
/// Rows held back to measure the columns before anything is written.
constexpr std::size_t kMeasuredRows = 200;
constexpr double kMinWidth = 6, kMaxWidth = 60, kMaxHeaderWidth = 24;
constexpr unsigned kGroupFill = 0xDCE6F1, kTotalFill = 0xF2F2F2;

/// At most `count` characters (code points) of UTF-8 `text`: Excel counts sheet names in characters.
std::string TruncateCharacters(const std::string& text, std::size_t count)
{
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && seen++ == count)
            return text.substr(0, i);
    }
    return text;
}

std::string SafeSheetName(const std::string& name)
{
    std::string safe;
    for (const char c : name)
        safe += std::string("[]:*?/\\").find(c) == std::string::npos && static_cast<unsigned char>(c) >= 0x20 ? c : ' ';
    // Excel also refuses a name that starts or ends with an apostrophe.
    while (!safe.empty() && (safe.front() == '\'' || safe.front() == ' '))
        safe.erase(safe.begin());
    safe = TruncateCharacters(safe, kMaxSheetName);
    while (!safe.empty() && (safe.back() == '\'' || safe.back() == ' '))
        safe.pop_back();
    return safe.empty() ? "Feuille" : safe;
}

/// Code points in `text`, the longest line when it holds several.
std::size_t Characters(const std::string& text)
{
    std::size_t longest = 0, current = 0;
    for (const char c : text) {
        if (c == '\n') {
            longest = std::max(longest, current);
            current = 0;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++current;
        }
    }
    return std::max(longest, current);
}

unsigned ParseColour(const std::string& text, unsigned fallback)
{
    if (text.size() != 7 || text[0] != '#')
        return fallback;
    try {
        std::size_t used = 0;
        const unsigned long value = std::stoul(text.substr(1), &used, 16);
        return used == 6 ? static_cast<unsigned>(value) : fallback;
    } catch (const std::exception&) {
        return fallback;
    }
}

lxw_datetime ToExcel(const Date& day, std::int64_t secondsInDay)
{
    return lxw_datetime{day.year,
                        day.month,
                        day.day,
                        static_cast<int>(secondsInDay / 3600),
                        static_cast<int>(secondsInDay / 60 % 60),
                        static_cast<double>(secondsInDay % 60)};
}

/// The instant as the wall clock of this computer shows it.
Timestamp LocalTime(const Timestamp& utc)
{
    const std::time_t time = static_cast<std::time_t>(utc.seconds);
    std::tm local{};
#if defined(_WIN32)
    localtime_s(&local, &time);
#else
    localtime_r(&time, &local);
#endif
    return Timestamp::FromTm(local);
}

bool InExcelCalendar(const Date& day)
{
    return day.year >= 1900 && day.year <= 9999;
}

} // namespace

// ---------------------------------------------------------------------------------------------

NumericLocaleGuard::NumericLocaleGuard()
{
#ifdef CONCERTO_HAVE_USELOCALE
    if (locale_t c = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr))) {
        m_c = c;
        m_previous = uselocale(c);
    }
#endif
}

NumericLocaleGuard::~NumericLocaleGuard()
{
#ifdef CONCERTO_HAVE_USELOCALE
    if (m_c) {
        uselocale(static_cast<locale_t>(m_previous));
        freelocale(static_cast<locale_t>(m_c));
    }
#endif
}

namespace {

/// True when `text` is valid UTF-8 that fits in a cell, the common case, written as it is.
bool IsCellReady(const std::string& text)
{
    if (text.size() > kMaxCellBytes)
        return false;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        const std::size_t length = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size())
            return false;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
                return false;
        i += length;
    }
    return true;
}

} // namespace

std::string CellText(const std::string& text)
{
    if (IsCellReady(text))
        return text;
    std::string out;
    out.reserve(std::min(text.size(), kMaxCellBytes));
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool valid = length > 0 && i + length <= text.size();
        for (std::size_t k = 1; valid && k < length; ++k)
            valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        const std::string piece = valid ? text.substr(i, length) : "\xEF\xBF\xBD";
        if (out.size() + piece.size() > kMaxCellBytes)
            break;
        out += piece;
        i += valid ? length : 1;
    }
    return out;
}

double DisplayWidth(const Value& value, bool plainNumbers)
{
    switch (value.type) {
    case ValueType::Text:
        return static_cast<double>(Characters(value.text));
    case ValueType::Integer:
    case ValueType::Decimal: {
        const double magnitude = std::fabs(value.number);
        const int digits = magnitude < 1 ? 1 : static_cast<int>(std::floor(std::log10(magnitude))) + 1;
        const int groups = plainNumbers ? 0 : (digits - 1) / 3;
        const int decimals = value.type == ValueType::Decimal ? 3 : 0;
        return digits + groups + decimals + (value.number < 0 ? 1 : 0);
    }
    case ValueType::Percent:
        return 7;
    case ValueType::Date:
        return 10;
    case ValueType::DateTime:
        return 16;
    }
    return 10;
}

// ---------------------------------------------------------------------------------------------

Workbook::Workbook(const std::string& path, const std::string& accent) : m_path(path)
{
    m_accent = ParseColour(accent, m_accent);
    const std::filesystem::path target(path);
    // Next to the target, so that the final rename stays on one file system (atomic).
    m_temporary = (target.parent_path() / ("." + target.filename().string() + "." + NewUuid().substr(0, 8) + ".part"))
                      .string();
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE; // rows go to disk as they are written
    options.use_zip64 = LXW_TRUE;       // a million-row sheet outgrows 4 GiB before compression
    m_workbook = workbook_new_opt(m_temporary.c_str(), &options);
    if (!m_workbook)
        throw Error("Le fichier Excel « " + path + " » ne peut pas être créé.");
}

Workbook::~Workbook()
{
    if (m_workbook)
        lxw_workbook_free(m_workbook);
    std::error_code ignored;
    std::filesystem::remove(m_temporary, ignored);
}

lxw_worksheet* Workbook::AddSheet(const std::string& wanted, std::string* actualName)
{
    const std::string base = SafeSheetName(wanted);
    std::string name = base;
    for (int n = 2; std::find(m_sheetKeys.begin(), m_sheetKeys.end(), Fold(name)) != m_sheetKeys.end(); ++n) {
        const std::string suffix = " (" + std::to_string(n) + ")";
        name = TruncateCharacters(base, kMaxSheetName - suffix.size()) + suffix;
    }
    lxw_worksheet* sheet = workbook_add_worksheet(m_workbook, name.c_str());
    if (!sheet)
        throw Error("La feuille Excel « " + name + " » ne peut pas être créée.");
    m_sheetKeys.push_back(Fold(name));
    if (actualName)
        *actualName = name;
    return sheet;
}

lxw_format* Workbook::Format(int type, Emphasis emphasis)
{
    // libxlsxwriter hashes a format that equals another one on every cell it is used for (it
    // caches the index only on the first of equal formats): never create two equal formats.
    if (type == kPlainNumber)
        type = 0; // as General as text
    if (emphasis == Emphasis::Subtotal)
        emphasis = Emphasis::Label; // both plain bold
    if (type == 0 && emphasis == Emphasis::None)
        return nullptr; // the default format
    lxw_format*& slot = m_formats.at(static_cast<std::size_t>(type)).at(static_cast<std::size_t>(emphasis));
    if (slot)
        return slot;
    slot = workbook_add_format(m_workbook);
    switch (type) {
    case static_cast<int>(ValueType::Integer):
        format_set_num_format(slot, "#,##0");
        break;
    case static_cast<int>(ValueType::Decimal):
        format_set_num_format(slot, "#,##0.00");
        break;
    case static_cast<int>(ValueType::Percent):
        format_set_num_format(slot, "0.0%");
        break;
    case static_cast<int>(ValueType::Date):
        format_set_num_format(slot, "dd/mm/yyyy");
        break;
    case static_cast<int>(ValueType::DateTime):
        format_set_num_format(slot, "dd/mm/yyyy hh:mm");
        break;
    default:
        break;
    }
    switch (emphasis) {
    case Emphasis::Header:
        format_set_bold(slot);
        format_set_font_color(slot, LXW_COLOR_WHITE);
        format_set_bg_color(slot, m_accent);
        format_set_text_wrap(slot);
        format_set_align(slot, LXW_ALIGN_VERTICAL_TOP);
        break;
    case Emphasis::Group:
        format_set_bold(slot);
        format_set_bg_color(slot, kGroupFill);
        break;
    case Emphasis::Total:
        format_set_bold(slot);
        format_set_bg_color(slot, kTotalFill);
        format_set_top(slot, LXW_BORDER_THIN);
        break;
    case Emphasis::Label:
    case Emphasis::Subtotal:
        format_set_bold(slot);
        break;
    case Emphasis::None:
    case Emphasis::Count:
        break;
    }
    return slot;
}

lxw_format* Workbook::TitleFormat()
{
    if (!m_title) {
        m_title = workbook_add_format(m_workbook);
        format_set_bold(m_title);
        format_set_font_size(m_title, 14);
        format_set_font_color(m_title, m_accent);
    }
    return m_title;
}

lxw_format* Workbook::WrapFormat()
{
    if (!m_wrap) {
        m_wrap = workbook_add_format(m_workbook);
        format_set_text_wrap(m_wrap);
        format_set_align(m_wrap, LXW_ALIGN_VERTICAL_TOP);
    }
    return m_wrap;
}

void Workbook::Check(lxw_error error) const
{
    if (error != LXW_NO_ERROR)
        throw Error("Écriture impossible dans le fichier Excel « " + m_path + " ».", lxw_strerror(error));
}

void Workbook::Commit()
{
    const lxw_error error = workbook_close(m_workbook); // frees the workbook whatever happens
    m_workbook = nullptr;
    if (error != LXW_NO_ERROR)
        throw Error("Le fichier Excel « " + m_path +
                        " » n'a pas pu être écrit. Vérifiez que le dossier existe, que vous pouvez y écrire et que "
                        "le fichier n'est pas ouvert dans Excel.",
                    lxw_strerror(error));
    std::error_code failure;
    std::filesystem::rename(m_temporary, m_path, failure);
    if (failure)
        throw Error("Le fichier Excel « " + m_path +
                        " » n'a pas pu être remplacé. Vérifiez qu'il n'est pas ouvert dans Excel.",
                    failure.message());
}

// ---------------------------------------------------------------------------------------------

SheetTable::SheetTable(Workbook& book, lxw_worksheet* sheet, std::vector<Column> columns, const std::string& name,
                       TableOptions options)
    : m_book(book), m_sheet(sheet), m_columns(std::move(columns)), m_name(name), m_options(options)
{
    if (m_columns.empty())
        throw ValidationError("Le tableau « " + name + " » n'a aucune colonne : Excel a besoin d'au moins une.");
    if (m_columns.size() > 16384)
        throw ValidationError("Le tableau « " + name + " » a plus de 16 384 colonnes, la limite d'Excel.");
    for (const Column& column : m_columns)
        m_measured.push_back(std::min<double>(static_cast<double>(Characters(column.title)), kMaxHeaderWidth));
}

void SheetTable::Add(const Row& row)
{
    if (m_rows == kMaxDataRows - m_options.firstRow)
        throw ValidationError("Le tableau « " + m_name +
                              " » dépasse la limite d'Excel (1 048 576 lignes par feuille) : filtrez davantage "
                              "avant d'exporter, ou limitez le nombre de lignes.");
    ++m_rows;
    if (!m_flushed) {
        Measure(row);
        m_held.push_back(row);
        if (m_held.size() == kMeasuredRows)
            Flush(false);
        return;
    }
    WriteRow(row, false);
}

void SheetTable::Finish()
{
    if (!m_flushed)
        Flush(true);
    const auto first = static_cast<lxw_row_t>(m_options.firstRow);
    const auto lastColumn = static_cast<lxw_col_t>(m_columns.size() - 1);
    worksheet_freeze_panes(m_sheet, first + 1, m_options.crossTable ? 1 : 0);
    if (m_options.autofilter)
        m_book.Check(worksheet_autofilter(m_sheet, first, 0, static_cast<lxw_row_t>(first + m_rows), lastColumn));
}

void SheetTable::Measure(const Row& row)
{
    if (row.kind == RowKind::GroupHeader)
        return; // a group's label spans the row: it should not widen the first column
    for (std::size_t i = 0; i < m_columns.size() && i < row.cells.size(); ++i)
        m_measured[i] = std::max(m_measured[i], DisplayWidth(row.cells[i], m_options.plainNumbers));
}

void SheetTable::Flush(bool complete)
{
    m_flushed = true;
    WriteHeader();
    for (std::size_t i = 0; i < m_held.size(); ++i)
        WriteRow(m_held[i], complete && i + 1 == m_held.size());
    m_held.clear();
    m_held.shrink_to_fit();
}

void SheetTable::WriteHeader()
{
    int lines = 1;
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        const double width = m_columns[i].width > 0 ? m_columns[i].width
                                                     : std::clamp(m_measured[i] + 2, kMinWidth, kMaxWidth);
        m_measured[i] = width;
        const auto column = static_cast<lxw_col_t>(i);
        m_book.Check(worksheet_set_column(m_sheet, column, column, width, nullptr));
        const double title = static_cast<double>(Characters(m_columns[i].title));
        lines = std::max(lines, static_cast<int>(std::ceil(title / std::max(1.0, width - 1))));
    }
    const auto row = static_cast<lxw_row_t>(m_options.firstRow);
    // Constant-memory sheets take row options only before the row's first cell.
    if (lines > 1)
        m_book.Check(worksheet_set_row(m_sheet, row, 15.0 * std::min(lines, 4), nullptr));
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        WriteValue(m_book, m_sheet, row, static_cast<lxw_col_t>(i), Value::Of(m_columns[i].title), Emphasis::Header);
}

void SheetTable::WriteRow(const Row& row, bool last)
{
    Emphasis emphasis = Emphasis::None;
    switch (row.kind) {
    case RowKind::GroupHeader:
        emphasis = Emphasis::Group;
        break;
    case RowKind::Subtotal:
        emphasis = Emphasis::Subtotal;
        break;
    case RowKind::Total:
        emphasis = Emphasis::Total;
        break;
    case RowKind::Data:
        // A cross-table's last row holds its column totals.
        if (m_options.crossTable && last)
            emphasis = Emphasis::Total;
        break;
    }
    const auto rowNumber = static_cast<lxw_row_t>(m_options.firstRow + ++m_written);
    const Value blank;
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        Emphasis cell = emphasis;
        if (cell == Emphasis::None && m_options.crossTable && (i == 0 || i + 1 == m_columns.size()))
            cell = Emphasis::Label; // row labels, and the row totals
        WriteValue(m_book, m_sheet, rowNumber, static_cast<lxw_col_t>(i), i < row.cells.size() ? row.cells[i] : blank,
                   cell, m_options);
    }
}

void WriteValue(Workbook& book, lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const Value& value,
                Emphasis emphasis, const TableOptions& options)
{
    const bool filled = emphasis == Emphasis::Header || emphasis == Emphasis::Group || emphasis == Emphasis::Total;
    switch (value.type) {
    case ValueType::Text: {
        if (value.text.empty()) {
            if (filled) // keeps the band of colour across the row
                book.Check(worksheet_write_blank(sheet, row, column, book.Format(0, emphasis)));
            return;
        }
        const char* text = value.text.c_str();
        std::string cleaned;
        if (!IsCellReady(value.text)) {
            cleaned = CellText(value.text);
            text = cleaned.c_str();
        }
        lxw_format* format = options.wrapText && emphasis == Emphasis::None ? book.WrapFormat()
                                                                            : book.Format(0, emphasis);
        if (value.formula) { // only when the definition asked for a formula
            book.Check(worksheet_write_formula(sheet, row, column, text, format));
            return;
        }
        // Always a string, never worksheet_write() guessing: "=1+1" stays the text "=1+1".
        book.Check(worksheet_write_string(sheet, row, column, text, format));
        return;
    }
    case ValueType::Integer:
    case ValueType::Decimal:
    case ValueType::Percent: {
        if (!std::isfinite(value.number))
            return;
        const int type = options.plainNumbers && value.type != ValueType::Percent ? kPlainNumber
                                                                                      : static_cast<int>(value.type);
        book.Check(worksheet_write_number(sheet, row, column, value.number, book.Format(type, emphasis)));
        return;
    }
    case ValueType::Date:
        if (InExcelCalendar(value.date)) {
            lxw_datetime when = ToExcel(value.date, 0);
            book.Check(worksheet_write_datetime(sheet, row, column, &when,
                                                  book.Format(static_cast<int>(ValueType::Date), emphasis)));
        } else {
            book.Check(
                worksheet_write_string(sheet, row, column, value.date.ToIso().c_str(), book.Format(0, emphasis)));
        }
        return;
    case ValueType::DateTime: {
        const Timestamp local = options.wallClock ? value.instant : LocalTime(value.instant);
        const Date day = local.Day();
        if (InExcelCalendar(day)) {
            lxw_datetime when = ToExcel(day, local.seconds - Timestamp::At(day).seconds);
            book.Check(worksheet_write_datetime(sheet, row, column, &when,
                                                  book.Format(static_cast<int>(ValueType::DateTime), emphasis)));
        } else {
            book.Check(
                worksheet_write_string(sheet, row, column, local.ToIso().c_str(), book.Format(0, emphasis)));
        }
        return;
    }
    }
}

} // namespace concerto::report::xlsx
