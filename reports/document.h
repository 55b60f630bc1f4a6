#pragma once
// A report as a sequence of typed blocks, independent of the output format. The report engine
// (definition + data → Document) fills it; the PDF writer and the XLSX writer each render the
// same Document, so the workbook and the PDF always carry the same figures.
//
// Values stay typed (a count is a number, a day a Date) so that each writer formats them its
// own way: French text in the PDF, native numbers and dates in Excel.

#include "core/datetime.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace concerto::report {

/// The type of a value, and so how writers format and align it.
enum class ValueType { Text, Integer, Decimal, Percent, Date, DateTime };

/// One typed value. Percent is a fraction (0.25 = 25 %). An empty Text is a blank cell.
struct Value {
    ValueType type = ValueType::Text;
    std::string text;       ///< Text
    double number = 0;      ///< Integer, Decimal, Percent
    Date date;              ///< Date
    Timestamp instant;      ///< DateTime
    bool formula = false;   ///< Text that the definition explicitly asked to be an Excel formula

    static Value Of(std::string text);
    static Value Integer(long long n);
    static Value Decimal(double x);
    static Value Percent(double fraction);
    static Value Day(const Date& day);
    static Value Instant(const Timestamp& instant);
    static Value Blank() { return {}; }
};

/// One column of a table.
struct Column {
    std::string title;
    ValueType type = ValueType::Text;
    double width = 0; ///< preferred width in characters; 0: the writer decides from the content
};

/// What a row of a table is: plain data, or a structural row the writers emphasise.
enum class RowKind { Data, GroupHeader, Subtotal, Total };

struct Row {
    RowKind kind = RowKind::Data;
    std::vector<Value> cells; ///< one per column (a GroupHeader may carry only its first cell)
};

/// Feeds rows one at a time: calls `sink(row)` for each, in order. Used for tables too big to
/// hold in memory (raw exports); the XLSX writer streams them in constant memory.
using RowStream = std::function<void(const std::function<void(const Row&)>& sink)>;

/// A table or a cross-table. Rows are either held (`rows`) or streamed (`stream`, when set).
struct TableBlock {
    std::string title;     ///< shown above the table; also the default sheet name
    std::string sheetName; ///< the XLSX sheet (empty: from the title)
    std::vector<Column> columns;
    std::vector<Row> rows;
    RowStream stream;
    bool crossTable = false; ///< the first column holds row labels, the last row/column totals
    std::string note;        ///< a source or reading note under the table
};

enum class ChartKind { Bar, StackedBar, Pie };

struct Series {
    std::string name;
    std::vector<double> values; ///< one per category
};

/// A chart drawn as vectors in the PDF and as a native chart in Excel (over its data sheet).
struct ChartBlock {
    std::string title;
    ChartKind kind = ChartKind::Bar;
    std::vector<std::string> categories;
    std::vector<Series> series; ///< a Pie uses the first series only
    std::string valueTitle;     ///< the value axis title (bar charts)
    bool horizontal = true;     ///< bars along the horizontal axis (long category names read better)
};

/// A run of text with its emphasis.
struct Span {
    std::string text;
    bool bold = false, italic = false;
};

/// A paragraph, or an item of a bulleted or numbered list.
struct Paragraph {
    enum class Kind { Body, Bullet, Numbered } kind = Kind::Body;
    std::vector<Span> spans;
};

struct TextBlock {
    std::vector<Paragraph> paragraphs;
};

/// A section heading. Level 1 starts a new page in the PDF unless it follows a page break.
struct HeadingBlock {
    int level = 1;       ///< 1 to 3
    std::string text;
    bool inContents = true; ///< listed in the table of contents and in the PDF bookmarks
};

/// A citizen's words, set as a quote, with where they come from (never who).
struct QuoteBlock {
    std::string text;
    std::string source; ///< e.g. "Café de quartier, Bellevue — 12 octobre 2023"
    std::string stance; ///< e.g. "proposition" (may be empty)
};

/// One commitment in a booklet: its reference, title and status at the booklet's date.
struct CommitmentEntry {
    std::string ref, title, description;
    std::string status;     ///< French: "Fait", "En cours", "Reste à faire", "Abandonné"
    std::string statusCode; ///< "done", "in_progress", "planned", "dropped": writers colour by it
    std::string detail;     ///< e.g. the latest status comment, or "né à la restitution"
};

struct CommitmentListBlock {
    std::string title;
    std::vector<CommitmentEntry> entries;
};

/// The cover page: the report's title page.
struct CoverBlock {
    std::string title, subtitle, organisation, dateText;
    std::string logoPath; ///< a PNG file; empty: none
};

/// Where the table of contents goes (the PDF writer fills in the headings and their pages).
struct ContentsBlock {
    std::string title = "Sommaire";
};

struct PageBreakBlock {};

using Block = std::variant<CoverBlock, ContentsBlock, HeadingBlock, TextBlock, TableBlock, ChartBlock, QuoteBlock,
                           CommitmentListBlock, PageBreakBlock>;

/// Page setup and styles from the definition.
struct PageSetup {
    bool landscape = false;
    double marginTopMm = 20, marginBottomMm = 20, marginLeftMm = 20, marginRightMm = 20;
};

struct Styles {
    std::string fontFamily = "DejaVu Sans";
    double baseSizePt = 10;
    std::string accentColour = "#1F4E79"; ///< headings, table headers, chart first series
    std::string headerText, footerText;   ///< running header/footer; the footer adds "page X / N"
};

/// Facts about the run, for the "Paramètres" sheet and the PDF metadata.
struct DocumentInfo {
    std::string title, subtitle, author, subject, keywords;
    std::string language = "fr-FR";
    std::string definitionName;
    std::vector<std::pair<std::string, std::string>> parameters; ///< label → value as shown
    std::string database;  ///< where the data came from (display form, no password)
    Timestamp generatedAt;
};

struct Document {
    DocumentInfo info;
    PageSetup page;
    Styles styles;
    std::vector<Block> blocks;
};

} // namespace concerto::report
