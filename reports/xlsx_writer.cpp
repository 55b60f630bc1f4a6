#include "reports/xlsx_writer.h"

#include "core/errors.h"
#include "reports/xlsx_workbook.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

namespace concerto::report {

namespace {

using xlsx::Emphasis;

/// Rows between two progress reports (and cancellation checks) in a streamed table.
constexpr std::uint64_t kProgressEvery = 1024;
/// Excel draws at most 255 series in a chart.
constexpr std::size_t kMaxSeries = 255;
/// The chart colours after the definition's accent colour.
constexpr std::array<unsigned, 8> kPalette = {0xE07B39, 0x6A9F58, 0xD1A33C, 0x8E6BAE,
                                              0x4BA3C3, 0xC0504D, 0x7F7F7F, 0x2E8B57};

const std::string kPhase = "Écriture du classeur Excel";

unsigned AccentColour(const std::string& text)
{
    if (text.size() == 7 && text[0] == '#') {
        try {
            return static_cast<unsigned>(std::stoul(text.substr(1), nullptr, 16));
        } catch (const std::exception&) {
        }
    }
    return 0x1F4E79;
}

/// A title for libxlsxwriter's chart functions, which read a leading "=" as a cell reference.
std::string ChartText(const std::string& text)
{
    return !text.empty() && text.front() == '=' ? " " + text : text;
}

/// Writes the blocks of one document into one workbook, sheet by sheet and, within a sheet,
/// row by row (the workbook is in constant-memory mode).
class ReportWorkbook {
public:
    ReportWorkbook(const Document& doc, xlsx::Workbook& book, Progress& progress)
        : m_doc(doc), m_book(book), m_progress(progress)
    {
    }

    void Write()
    {
        StartParameters();
        m_progress.Begin(kPhase, m_doc.blocks.size());
        for (std::size_t i = 0; i < m_doc.blocks.size(); ++i) {
            CheckCancelled();
            std::visit([this](const auto& block) { Add(block); }, m_doc.blocks[i]);
            m_progress.Advance(i + 1);
        }
        if (m_quotes)
            m_quotes->Finish();
        if (m_commitments)
            m_commitments->Finish();
        FinishParameters();
    }

private:
    struct SheetEntry {
        std::string sheet, title, note;
    };

    void Add(const HeadingBlock& heading)
    {
        const auto level = static_cast<std::size_t>(std::clamp(heading.level, 1, 3));
        m_headings.resize(level);
        m_headings[level - 1] = heading.text;
    }

    void Add(const TableBlock& table)
    {
        ++m_tableCount;
        const std::string wanted = !table.sheetName.empty() ? table.sheetName
                                   : !table.title.empty()   ? table.title
                                                            : "Tableau " + std::to_string(m_tableCount);
        std::string name;
        lxw_worksheet* sheet = m_book.AddSheet(wanted, &name);
        const std::string label = table.title.empty() ? name : table.title;
        xlsx::TableOptions options;
        options.crossTable = table.crossTable;
        xlsx::SheetTable out(m_book, sheet, table.columns, label, options);
        if (table.stream) {
            m_progress.Begin(kPhase + " : « " + label + " »", 0);
            std::uint64_t rows = 0;
            table.stream([&](const Row& row) {
                out.Add(row);
                if (++rows % kProgressEvery == 0) {
                    CheckCancelled();
                    m_progress.Advance(rows);
                }
            });
            m_progress.Begin(kPhase, m_doc.blocks.size());
        } else {
            for (const Row& row : table.rows)
                out.Add(row);
        }
        out.Finish();
        m_contents.push_back({name, label, table.note});
    }

    void Add(const ChartBlock& chart);

    void Add(const QuoteBlock& quote)
    {
        if (!m_quotes) {
            m_quotes = std::make_unique<xlsx::SheetTable>(
                m_book, AddListSheet("Citations", "Les citations de contributions, avec leur source"),
                std::vector<Column>{{"Partie", ValueType::Text, 36},
                                    {"Citation", ValueType::Text, 90},
                                    {"Source", ValueType::Text, 40},
                                    {"Position", ValueType::Text, 16}},
                "Citations", ListOptions());
        }
        m_quotes->Add({RowKind::Data, {Value::Of(Section()), Value::Of(quote.text), Value::Of(quote.source),
                                       Value::Of(quote.stance)}});
    }

    void Add(const CommitmentListBlock& list)
    {
        if (!m_commitments) {
            m_commitments = std::make_unique<xlsx::SheetTable>(
                m_book, AddListSheet("Engagements", "Les engagements et leur état"),
                std::vector<Column>{{"Partie", ValueType::Text, 30},
                                    {"Groupe", ValueType::Text, 24},
                                    {"Réf.", ValueType::Text, 8},
                                    {"Engagement", ValueType::Text, 50},
                                    {"État", ValueType::Text, 14},
                                    {"Détail", ValueType::Text, 40},
                                    {"Description", ValueType::Text, 70}},
                "Engagements", ListOptions());
        }
        for (const CommitmentEntry& entry : list.entries)
            m_commitments->Add({RowKind::Data,
                                {Value::Of(Section()), Value::Of(list.title), Value::Of(entry.ref),
                                 Value::Of(entry.title), Value::Of(entry.status), Value::Of(entry.detail),
                                 Value::Of(entry.description)}});
    }

    // The PDF's own blocks: nothing to put in a workbook.
    void Add(const CoverBlock&) {}
    void Add(const ContentsBlock&) {}
    void Add(const TextBlock&) {}
    void Add(const PageBreakBlock&) {}

    /// The quotes and commitments sheets hold long texts to read: wrapped, one per row.
    static xlsx::TableOptions ListOptions()
    {
        xlsx::TableOptions options;
        options.wrapText = true;
        return options;
    }

    lxw_worksheet* AddListSheet(const std::string& wanted, const std::string& title)
    {
        std::string name;
        lxw_worksheet* sheet = m_book.AddSheet(wanted, &name);
        m_contents.push_back({name, title, {}});
        return sheet;
    }

    /// The headings above the current block, "Partie › Sous-partie".
    std::string Section() const
    {
        std::string path;
        for (const std::string& heading : m_headings)
            if (!heading.empty())
                path += (path.empty() ? "" : " › ") + heading;
        return path;
    }

    void CheckCancelled() const
    {
        if (m_progress.IsCancelled())
            throw CancelledError();
    }

    void Put(lxw_row_t row, lxw_col_t column, const Value& value, Emphasis emphasis = Emphasis::None)
    {
        xlsx::WriteValue(m_book, m_parameters, row, column, value, emphasis);
    }

    /// The « Paramètres » sheet comes first: what was asked, when, from where.
    void StartParameters()
    {
        m_parameters = m_book.AddSheet("Paramètres");
        const DocumentInfo& info = m_doc.info;
        m_book.Check(worksheet_set_column(m_parameters, 0, 0, 28, nullptr));
        m_book.Check(worksheet_set_column(m_parameters, 1, 2, 60, nullptr));
        m_book.Check(worksheet_write_string(m_parameters, 0, 0,
                                            xlsx::CellText(info.title.empty() ? "Rapport" : info.title).c_str(),
                                            m_book.TitleFormat()));
        if (!info.subtitle.empty())
            Put(1, 0, Value::Of(info.subtitle));
        m_row = 3;
        Put(m_row, 0, Value::Of("Paramètre"), Emphasis::Header);
        Put(m_row, 1, Value::Of("Valeur"), Emphasis::Header);
        auto line = [this](const std::string& label, const Value& value) {
            ++m_row;
            Put(m_row, 0, Value::Of(label), Emphasis::Label);
            Put(m_row, 1, value);
        };
        line("Définition", Value::Of(info.definitionName));
        line("Titre", Value::Of(info.title));
        for (const auto& [label, value] : info.parameters)
            line(label, Value::Of(value));
        line("Généré le", Value::Instant(info.generatedAt));
        line("Base de données", Value::Of(info.database));
        worksheet_freeze_panes(m_parameters, 4, 0);
    }

    /// Then, under the parameters, what each sheet holds.
    void FinishParameters()
    {
        if (m_contents.empty())
            return;
        m_row += 2;
        Put(m_row, 0, Value::Of("Feuille"), Emphasis::Header);
        Put(m_row, 1, Value::Of("Contenu"), Emphasis::Header);
        Put(m_row, 2, Value::Of("Note"), Emphasis::Header);
        for (const SheetEntry& entry : m_contents) {
            ++m_row;
            Put(m_row, 0, Value::Of(entry.sheet), Emphasis::Label);
            Put(m_row, 1, Value::Of(entry.title));
            Put(m_row, 2, Value::Of(entry.note));
        }
    }

    const Document& m_doc;
    xlsx::Workbook& m_book;
    Progress& m_progress;
    lxw_worksheet* m_parameters = nullptr;
    lxw_row_t m_row = 0; ///< the last row written on the Paramètres sheet
    std::unique_ptr<xlsx::SheetTable> m_quotes, m_commitments;
    std::vector<std::string> m_headings; ///< the current heading of each level
    std::vector<SheetEntry> m_contents;
    int m_tableCount = 0, m_chartCount = 0;
};

/// A chart's sheet: its data as a small table (categories down, one column per series), and a
/// native chart beside it whose series reference those cells — so Excel redraws it when the
/// staff edit a figure.
void ReportWorkbook::Add(const ChartBlock& chart)
{
    ++m_chartCount;
    std::string name;
    lxw_worksheet* sheet = m_book.AddSheet(
        chart.title.empty() ? "Graphique " + std::to_string(m_chartCount) : chart.title, &name);
    m_contents.push_back({name, chart.title.empty() ? name : chart.title, "Graphique et ses données"});

    const bool pie = chart.kind == ChartKind::Pie;
    const std::size_t seriesCount = std::min(pie ? std::min<std::size_t>(1, chart.series.size()) : chart.series.size(),
                                             kMaxSeries);
    const std::size_t n = chart.categories.size();
    bool integral = true;
    for (std::size_t s = 0; s < seriesCount; ++s)
        for (const double v : chart.series[s].values)
            integral = integral && std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15;

    // The data, row by row.
    double labelWidth = 12;
    xlsx::WriteValue(m_book, sheet, 0, 0, Value::Of("Catégorie"), Emphasis::Header);
    for (std::size_t s = 0; s < seriesCount; ++s) {
        const std::string& title = chart.series[s].name;
        xlsx::WriteValue(m_book, sheet, 0, static_cast<lxw_col_t>(s + 1),
                         Value::Of(!title.empty()            ? title
                                   : !chart.valueTitle.empty() ? chart.valueTitle
                                                               : "Valeur"),
                         Emphasis::Header);
    }
    for (std::size_t c = 0; c < n; ++c) {
        const auto row = static_cast<lxw_row_t>(c + 1);
        xlsx::WriteValue(m_book, sheet, row, 0, Value::Of(chart.categories[c]), Emphasis::Label);
        labelWidth = std::max(labelWidth, xlsx::DisplayWidth(Value::Of(chart.categories[c])) + 2);
        for (std::size_t s = 0; s < seriesCount; ++s) {
            const auto& values = chart.series[s].values;
            if (c < values.size())
                xlsx::WriteValue(m_book, sheet, row, static_cast<lxw_col_t>(s + 1),
                                 integral ? Value::Integer(static_cast<long long>(values[c]))
                                          : Value::Decimal(values[c]),
                                 Emphasis::None);
        }
    }
    m_book.Check(worksheet_set_column(sheet, 0, 0, std::min(labelWidth, 50.0), nullptr));
    if (seriesCount > 0)
        m_book.Check(worksheet_set_column(sheet, 1, static_cast<lxw_col_t>(seriesCount), 14, nullptr));
    worksheet_freeze_panes(sheet, 1, 0);
    if (n == 0 || seriesCount == 0)
        return; // nothing to draw: the sheet says so by its emptiness

    // The chart.
    const bool stacked = chart.kind == ChartKind::StackedBar;
    const bool horizontal = chart.horizontal;
    const std::uint8_t type = pie        ? LXW_CHART_PIE
                              : stacked  ? (horizontal ? LXW_CHART_BAR_STACKED : LXW_CHART_COLUMN_STACKED)
                              : horizontal ? LXW_CHART_BAR
                                           : LXW_CHART_COLUMN;
    lxw_chart* excel = workbook_add_chart(m_book.Get(), type);
    if (!excel)
        throw Error("Le graphique « " + chart.title + " » ne peut pas être créé dans le classeur Excel.");
    if (!chart.title.empty())
        chart_title_set_name(excel, ChartText(chart.title).c_str());
    const unsigned accent = AccentColour(m_doc.styles.accentColour);
    const auto lastRow = static_cast<lxw_row_t>(n);
    std::vector<lxw_chart_fill> fills(pie ? n : seriesCount);
    for (std::size_t i = 0; i < fills.size(); ++i)
        fills[i].color = i == 0 ? accent : kPalette[(i - 1) % kPalette.size()];
    std::vector<lxw_chart_point> points(pie ? n : 0);
    std::vector<lxw_chart_point*> pointList;
    for (std::size_t i = 0; i < points.size(); ++i) {
        points[i].fill = &fills[i];
        pointList.push_back(&points[i]);
    }
    pointList.push_back(nullptr);
    for (std::size_t s = 0; s < seriesCount; ++s) {
        lxw_chart_series* series = chart_add_series(excel, nullptr, nullptr);
        const auto column = static_cast<lxw_col_t>(s + 1);
        chart_series_set_categories(series, name.c_str(), 1, 0, lastRow, 0);
        chart_series_set_values(series, name.c_str(), 1, column, lastRow, column);
        chart_series_set_name_range(series, name.c_str(), 0, column);
        if (pie) {
            m_book.Check(chart_series_set_points(series, pointList.data()));
            chart_series_set_labels(series);
            chart_series_set_labels_options(series, LXW_FALSE, LXW_TRUE, LXW_FALSE);
            chart_series_set_labels_percentage(series);
            chart_series_set_labels_leader_line(series);
        } else {
            chart_series_set_fill(series, &fills[s]);
            if (seriesCount == 1) {
                chart_series_set_labels(series);
                chart_series_set_labels_num_format(series, integral ? "#,##0" : "#,##0.0");
            }
        }
    }
    if (!pie) {
        // libxlsxwriter names axes by position: a bar chart's values run along x.
        lxw_chart_axis* values = horizontal ? excel->x_axis : excel->y_axis;
        lxw_chart_axis* categories = horizontal ? excel->y_axis : excel->x_axis;
        if (!chart.valueTitle.empty())
            chart_axis_set_name(values, ChartText(chart.valueTitle).c_str());
        chart_axis_set_num_format(values, integral ? "#,##0" : "#,##0.0");
        if (horizontal) { // the first category on top, as in the table and the PDF
            chart_axis_set_reverse(categories);
            chart_axis_set_crossing_max(categories);
        }
        chart_legend_set_position(excel, seriesCount > 1 ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE);
    } else {
        chart_legend_set_position(excel, LXW_CHART_LEGEND_RIGHT);
    }
    // A bar per category needs room: grow the chart with the categories.
    const double barsPerCategory = stacked || pie ? 1.0 : static_cast<double>(seriesCount);
    const double height =
        pie ? 360.0 : std::clamp(90.0 + static_cast<double>(n) * (10.0 + 10.0 * barsPerCategory), 288.0, 1400.0);
    lxw_chart_options options{};
    options.x_offset = 10;
    options.y_offset = 4;
    options.x_scale = horizontal || pie ? 1.5 : std::clamp(0.5 + 0.1 * static_cast<double>(n), 1.5, 3.0);
    options.y_scale = horizontal ? height / 288.0 : 1.25;
    m_book.Check(worksheet_insert_chart_opt(sheet, 1, static_cast<lxw_col_t>(seriesCount + 2), excel, &options));
}

} // namespace

void WriteXlsx(const Document& doc, const std::string& path, Progress* progress)
{
    SilentProgress silent;
    Progress& report = progress ? *progress : silent;
    xlsx::NumericLocaleGuard cLocale;
    xlsx::Workbook book(path, doc.styles.accentColour);
    ReportWorkbook(doc, book, report).Write();
    report.Begin("Enregistrement du classeur Excel", 0);
    book.Commit();
}

} // namespace concerto::report
