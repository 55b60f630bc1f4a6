#pragma once
// A report definition: what an administrator writes (in TOML, see docs/report-definitions.md)
// to describe a report — its title, page setup and styles, typed parameters with defaults, and
// an ordered list of sections (cover, contents, text, table, cross-table, chart, quotes,
// commitment booklet, repeat, page break). The parser validates everything it can without a
// database: keys, types, dataset and field names, parameter references, section ids. Every
// problem comes back as a Diagnostic naming the file, line and key; the parser never throws.
//
// Texts in a definition may hold placeholders: {param} (a parameter's value as shown),
// {param.field} (a field of a repeated item, e.g. {rencontre.place}), {count:dataset},
// {sum:dataset.field}, {distinct:dataset.field}, {today}. Filters and other values may hold
// a parameter reference "{param}". See docs/report-definitions.md.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace concerto::report {

/// The type of a parameter: how a value given on the command line or in the form is read.
enum class ParameterType {
    Consultation,   ///< a consultation (title or id); default "latest": the most recent one
    Date,           ///< "YYYY-MM-DD" or "JJ/MM/AAAA"; "today" is today
    Text,           ///< free text
    Integer,        ///< a whole number
    Boolean,        ///< true/false, oui/non
    Choice,         ///< one of the parameter's `choices`
    Neighbourhood,  ///< one neighbourhood (code, name or id)
    Neighbourhoods, ///< several, comma-separated; empty: all
    Channel,        ///< one channel (code, name or id)
    Channels,       ///< several; empty: all
    Theme,          ///< one theme (code, title or id)
    Themes,         ///< several; empty: all
    Commitment,     ///< one commitment (ref or id)
    Meeting,        ///< one meeting (ref or id)
    Status          ///< a commitment status: done, in_progress, planned, dropped (or Fait, En cours…)
};

/// The definition-file spelling of a type ("neighbourhoods"…), and back (false when unknown).
const char* ToName(ParameterType type);
bool FromName(const std::string& name, ParameterType& out);
/// True for the types that hold several values (Neighbourhoods, Channels, Themes).
bool IsMultiple(ParameterType type);
/// The dimension a reference type points to ("neighbourhood", "channel", "theme",
/// "commitment", "meeting", "consultation", "status"); empty for plain values.
std::string DimensionOf(ParameterType type);

/// Where something was written, for diagnostics raised after parsing (by the engine).
struct SourcePos {
    int line = 0, column = 0;
    std::string key; ///< the dotted key, e.g. "sections[3].dataset"
};

/// A typed parameter: `[parameters.NAME]` in the definition.
struct Parameter {
    std::string name;        ///< how texts and filters refer to it: {name}
    std::string label;       ///< shown in the form and on the "Paramètres" sheet
    std::string description; ///< help text in the form
    ParameterType type = ParameterType::Text;
    std::string defaultValue;         ///< as text, in the CLI form; empty: no default (all, for lists)
    bool required = false;            ///< a value (or default) must be given
    std::vector<std::string> choices; ///< Choice only
    bool implicit = false;            ///< added by the parser (the `consultation` parameter), not written
    SourcePos pos;
};

/// A filter on one field of a dataset: `field = value`, `field = ["a", "b"]`,
/// `field = { from = "…", to = "…" }` or `field = { not = … }`. Values are literals or "{param}".
struct Filter {
    std::string field;
    enum class Op { In, NotIn, Range } op = Op::In;
    std::vector<std::string> values; ///< In / NotIn: literals or "{param}"; an empty list never filters
    std::string from, to;            ///< Range, inclusive; literal or "{param}"; empty: open
    SourcePos pos;
};

/// One column of a table section: a dataset field, or a measure over the rows of a group.
struct TableColumn {
    enum class Kind { Field, Count, Distinct, Sum, Average, Min, Max, Percent } kind = Kind::Field;
    std::string field; ///< Field: the field; Distinct/Sum/Average/Min/Max: the field measured
    std::string title; ///< empty: the field's label / the measure's default title
    double width = 0;  ///< characters; 0: automatic
    int decimals = -1; ///< for Decimal/Percent values; -1: the default (1 for averages, 0 for %)
    SourcePos pos;
    bool IsMeasure() const { return kind != Kind::Field; }
};

/// "-count" / "channel": a sort key of a table (a field name or a measure column title).
struct SortKey {
    std::string key; ///< a field name, or "count", "sum:attendance"…, or a column's title
    bool descending = false;
};

/// What the `measure` of a cross-table or chart counts: "count", "contributions",
/// "distinct:FIELD", "sum:FIELD", "avg:FIELD".
struct Measure {
    TableColumn::Kind kind = TableColumn::Kind::Count;
    std::string field;
    std::string text; ///< as written, for titles and messages
};

struct Section;
using Sections = std::vector<Section>;

struct CoverSection {
    std::string subtitle;     ///< empty: the definition's subtitle
    std::string organisation; ///< e.g. "Ville d'Ivry-sur-Seine"; placeholders allowed
    std::string date;         ///< text under the title; placeholders; empty: today, written out
};

struct ContentsSection {
    std::string title = "Sommaire";
};

/// Free text in a light markup: blank lines separate paragraphs; "- " or "* " starts a bullet,
/// "1. " a numbered item; **bold**, *italic*; {placeholders}.
struct TextSection {
    std::string text;
};

/// A listing (only field columns: one row per dataset row, streamed) or an aggregate (with
/// measure columns: one row per distinct combination of the field columns).
struct TableSection {
    std::string dataset;
    std::vector<TableColumn> columns;
    std::string groupBy;   ///< a field: group header rows and, with subtotals, a subtotal per group
    bool subtotals = true; ///< with group_by
    bool totals = false;   ///< a Total row at the end
    std::vector<SortKey> sort;
    long long limit = 0; ///< at most this many rows (0: all)
    std::string sheet;   ///< the XLSX sheet name (empty: from the title)
};

/// Rows × columns of two dimensions with a measure in each cell, and row/column totals.
struct CrossTableSection {
    std::string dataset;
    std::string rows, columns; ///< fields of the dataset
    Measure measure;           ///< default "count"
    bool totals = true;        ///< a Total column and a Total row
    enum class Percent { None, Row, Column, Total } percent = Percent::None;
    bool hideEmptyRows = false;    ///< drop rows whose total is zero (all members are listed otherwise)
    bool hideEmptyColumns = false; ///< drop columns whose total is zero
    std::string sheet;
};

struct ChartSection {
    enum class Kind { Bar, StackedBar, Pie } chart = Kind::Bar;
    std::string dataset;
    std::string category; ///< a field: one bar / slice per value
    std::string series;   ///< optional field: one series per value (bar, stacked_bar)
    Measure measure;      ///< default "count"
    bool horizontal = true;
    long long limit = 0; ///< the N largest categories (0: all, in the field's natural order)
    std::string valueTitle;
};

/// Citizens' words: contributions of the dataset `tags` grouped per commitment or theme.
struct QuotesSection {
    /// Where the quotes come from: "tags" (codings), or a dataset of contributions with a
    /// "contribution" number such as "evidence" (a point's cited contributions) or "topic_evidence".
    std::string dataset = "tags";
    enum class Per { None, Commitment, Theme } per = Per::Commitment;
    int max = 3;              ///< per group
    int minLength = 40;       ///< characters
    int maxLength = 600;      ///< longer quotes are cut at a word with "…"
    bool flaggedFirst = true; ///< contributions flagged as quotes come first
    bool onlyFlagged = false;
    bool anonymise = true;  ///< e-mail addresses, phone numbers and "Nom Prénom:" signatures removed
    bool showCounts = true; ///< a line with the stance counts of each group before its quotes
    bool skipEmpty = true;  ///< groups without any quote are left out
};

/// Commitments grouped by theme or status, with their status at a date.
struct BookletSection {
    enum class GroupBy { Theme, Status } groupBy = GroupBy::Status;
    std::string at;                    ///< same as Section::at (kept here for the booklet's readers)
    std::vector<std::string> statuses; ///< which statuses, in order; empty: done, in_progress, planned, dropped
    bool showDescription = true;
    bool showComment = true; ///< the latest status comment as the entry's detail
    /// Each reorientation point touching the commitment (decided on or before the date) as a
    /// line of the entry's detail: « Réorientation adoptée le JJ/MM/AAAA : titre (modifié) ».
    bool showReorientations = true;
};

/// The nested sections once for each item of a dimension, with the item bound as a parameter.
struct RepeatSection {
    std::string over;       ///< "neighbourhoods", "channels", "themes", "commitments", "meetings", "topics"
    std::string as;         ///< the parameter name the item is bound to (its type follows `over`)
    bool skipEmpty = false; ///< skip items with no contribution in scope
    Sections sections;
};

struct PageBreakSection {};

using SectionBody = std::variant<CoverSection, ContentsSection, TextSection, TableSection, CrossTableSection,
                                 ChartSection, QuotesSection, BookletSection, RepeatSection, PageBreakSection>;

/// One `[[sections]]` entry.
struct Section {
    std::string kind;    ///< "cover", "contents", "text", "table", "crosstable", "chart", "quotes",
                         ///< "booklet", "repeat", "page_break"
    std::string id;      ///< optional, unique in the definition
    std::string title;   ///< text, quotes, booklet: the heading; table, crosstable, chart: the caption (and
                         ///< sheet name); repeat: each item's heading (default "{as}"); placeholders allowed
    std::string heading; ///< an optional heading placed before the section, whatever its kind
    int level = 0;       ///< heading level 1–3; 0: 1 at the top, one more inside a repeat
    bool inContents = true;
    std::string note;                 ///< a reading note under a table or chart
    std::vector<Filter> filters;      ///< added to the definition's common filters
    bool includeExcluded = false;     ///< contributions in state "excluded" are left out unless true
    std::string at;                   ///< dataset commitments: statuses as on this day (a date, "today" or "{param}");
                                      ///< empty: the current status (a booklet: today)
    std::vector<std::string> formats; ///< "pdf", "xlsx": only in these outputs; empty: all
    SourcePos pos;
    SectionBody body;
};

struct PageSetupSpec {
    bool landscape = false;
    double marginTopMm = 20, marginBottomMm = 20, marginLeftMm = 20, marginRightMm = 20;
};

struct StylesSpec {
    std::string font = "DejaVu Sans";
    double sizePt = 10;
    std::string accent = "#1F4E79";
    std::string header, footer; ///< placeholders allowed
};

/// A whole definition, validated.
struct Definition {
    std::string name;     ///< the file's base name or the shipped name ("livrable-2024")
    std::string fileName; ///< as given to ParseDefinition (for messages)
    std::string title, subtitle, description, author, organisation;
    std::string logo; ///< a PNG path (relative paths: to the definition file's folder)
    std::vector<std::string> formats = {"pdf", "xlsx"}; ///< the outputs it can be rendered to
    PageSetupSpec page;
    StylesSpec styles;
    std::vector<Parameter> parameters; ///< in the order written; `consultation` first (implicit if absent)
    std::vector<Filter> filters;       ///< `[filters]`: applied to every section whose dataset has the field
    Sections sections;

    /// The parameter called `name`, or nullptr.
    const Parameter* FindParameter(const std::string& name) const;
    /// True when the definition can be rendered as `format` ("pdf" or "xlsx").
    bool Allows(const std::string& format) const;
};

/// One problem found in a definition.
struct Diagnostic {
    std::string file;
    int line = 0, column = 0;
    std::string key, message;
    /// "FILE:LINE: key: message" (the form `concerto-cli report --check` prints).
    std::string ToString() const;
};

/// A definition if it is valid, and every problem found (a definition is returned only when
/// there are no diagnostics).
struct ParseResult {
    std::optional<Definition> definition;
    std::vector<Diagnostic> diagnostics;
};

/// Parses and validates `text` (TOML); `fileName` names it in diagnostics, and its base name
/// without ".toml" becomes the definition's name. Never throws, whatever the input.
ParseResult ParseDefinition(const std::string& text, const std::string& fileName);

/// A definition shipped with Concerto (reports/definitions/*.toml, embedded at build time).
struct ShippedDefinition {
    std::string name; ///< "livrable-2024"
    std::string text; ///< the TOML
};

/// Every shipped definition, by name.
const std::vector<ShippedDefinition>& ShippedDefinitions();

/// Finds a definition by NAME (a shipped one) or FILE (a path to a .toml file): a shipped name
/// wins unless `nameOrFile` contains a '/' or ends in ".toml". Returns the parse result (with a
/// diagnostic when the file cannot be read or the name is unknown, listing the shipped names).
ParseResult LoadDefinition(const std::string& nameOrFile);

} // namespace concerto::report
