// The report engine's data sections: tables (listings and aggregates), cross-tables, charts.

#include "core/errors.h"
#include "core/text.h"
#include "reports/engine_context.h"
#include "reports/french.h"

#include <algorithm>
#include <map>

namespace concerto::report::detail {

namespace {

using reportdb::Aggregate;
using reportdb::QueryRow;
using reportdb::QueryValue;
using reportdb::ValueKind;

Aggregate ToAggregate(TableColumn::Kind kind)
{
    switch (kind) {
    case TableColumn::Kind::Count:
        return Aggregate::Count;
    case TableColumn::Kind::Distinct:
        return Aggregate::Distinct;
    case TableColumn::Kind::Sum:
        return Aggregate::Sum;
    case TableColumn::Kind::Average:
        return Aggregate::Average;
    case TableColumn::Kind::Min:
        return Aggregate::Min;
    case TableColumn::Kind::Max:
        return Aggregate::Max;
    default:
        return Aggregate::None;
    }
}

std::string Lower(std::string text)
{
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z')
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

// The default title of a measure over `dataset`.
std::string MeasureTitle(const DatasetInfo& dataset, TableColumn::Kind kind, const std::string& field)
{
    const FieldInfo* f = field.empty() ? nullptr : dataset.FindField(field);
    const std::string label = f ? f->label : field;
    switch (kind) {
    case TableColumn::Kind::Count:
        return dataset.countLabel;
    case TableColumn::Kind::Distinct:
        return field == "contribution" ? "Contributions" : label + " (distincts)";
    case TableColumn::Kind::Sum:
        return label;
    case TableColumn::Kind::Average:
        return "Moyenne : " + Lower(label);
    case TableColumn::Kind::Min:
        return "Minimum : " + Lower(label);
    case TableColumn::Kind::Max:
        return "Maximum : " + Lower(label);
    case TableColumn::Kind::Percent:
        return "Part";
    case TableColumn::Kind::Field:
        break;
    }
    return label;
}

// The key identifying a value on an axis: a dimension's id/code, otherwise the value itself.
std::string AxisKey(const QueryValue& value)
{
    return value.key.empty() ? "\x1f" + value.text : value.key;
}

double Number(const QueryValue& value)
{
    return value.null ? 0 : value.real;
}

Value MeasureValue(const QueryValue& value, ValueKind kind)
{
    if (value.null)
        return kind == ValueKind::Integer ? Value::Integer(0) : Value::Blank();
    return ToValue(value, kind);
}

// Row of a text label followed by blanks (group headers, total labels).
Row LabelRow(RowKind kind, const std::string& label, std::size_t width)
{
    Row row;
    row.kind = kind;
    row.cells.assign(width, Value::Blank());
    if (width > 0)
        row.cells[0] = Value::Of(label);
    return row;
}

} // namespace

std::vector<reportdb::Member> Engine::AxisMembers(const std::string& datasetName, const std::string& fieldName,
                                                  const Section* section)
{
    const DatasetInfo* dataset = FindDataset(datasetName);
    const FieldInfo* field = dataset ? dataset->FindField(fieldName) : nullptr;
    if (!field || field->type != FieldType::Dimension)
        return {};
    auto members = reportdb::EnumerationMembers(field->dimension);
    if (!members.empty())
        return members;
    std::string items;
    for (const auto& source : RepeatSources())
        if (source.dimension == field->dimension)
            items = source.dataset;
    if (field->dimension == "label")
        items = "labels";
    if (items.empty())
        return {};
    // The members as narrowed by the filters that apply here (a repeat's theme keeps its commitments).
    reportdb::DatasetQuery query = Query(items, section);
    query.columns = {{field->dimension, Aggregate::None}};
    reportdb::Run(m_db, query, [&](const QueryRow& row) { members.push_back({row[0].key, row[0].text, ""}); });
    return members;
}

void Engine::Table(const Section& section, const TableSection& table)
{
    const DatasetInfo* dataset = FindDataset(table.dataset);
    if (!dataset)
        return;
    TableBlock block;
    block.title = Expand(section.title, &section);
    block.note = Expand(section.note, &section);
    block.sheetName =
        SheetName(table.sheet.empty() ? (block.title.empty() ? dataset->label : block.title) + m_itemSuffix
                                      : Expand(table.sheet, &section));
    reportdb::DatasetQuery query = Query(table.dataset, &section);
    std::vector<int> toQuery; // table column -> query column (-1: a percent column)
    bool aggregated = false;
    for (const auto& column : table.columns) {
        if (column.kind == TableColumn::Kind::Percent) {
            toQuery.push_back(-1);
            continue;
        }
        aggregated = aggregated || column.IsMeasure();
        toQuery.push_back(static_cast<int>(query.columns.size()));
        query.columns.push_back(
            {column.kind == TableColumn::Kind::Count ? std::string() : column.field, ToAggregate(column.kind)});
    }
    auto columnOf = [&](const std::string& name) -> int {
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            const TableColumn& c = table.columns[i];
            const bool matches =
                (c.kind == TableColumn::Kind::Field && c.field == name) ||
                (c.kind == TableColumn::Kind::Count && name == "count") ||
                (c.kind == TableColumn::Kind::Distinct &&
                 (name == "distinct:" + c.field || (name == "contributions" && c.field == "contribution"))) ||
                (c.kind == TableColumn::Kind::Sum && name == "sum:" + c.field) ||
                (c.kind == TableColumn::Kind::Average && name == "avg:" + c.field) ||
                (c.kind == TableColumn::Kind::Min && name == "min:" + c.field) ||
                (c.kind == TableColumn::Kind::Max && name == "max:" + c.field);
            if (matches)
                return toQuery[i];
        }
        return -1;
    };
    int group = table.groupBy.empty() ? -1 : columnOf(table.groupBy);
    if (!table.groupBy.empty() && group < 0) {
        // Grouped on a field not shown as a column: read it anyway, for the group headers.
        group = static_cast<int>(query.columns.size());
        query.columns.push_back({table.groupBy, Aggregate::None});
    }
    if (group >= 0)
        query.sort.push_back({static_cast<std::size_t>(group), false});
    for (const auto& key : table.sort)
        if (const int q = columnOf(key.key); q >= 0)
            query.sort.push_back({static_cast<std::size_t>(q), key.descending});
    query.limit = table.limit;
    std::vector<ValueKind> kinds;
    for (std::size_t q = 0; q < query.columns.size(); ++q)
        kinds.push_back(reportdb::ColumnKind(query, q));
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const TableColumn& c = table.columns[i];
        Column column;
        column.width = c.width;
        if (c.kind == TableColumn::Kind::Field) {
            column.title = c.title.empty() ? dataset->FindField(c.field)->label : c.title;
            column.type = ToValueType(kinds[toQuery[i]]);
        } else {
            column.title = c.title.empty() ? MeasureTitle(*dataset, c.kind, c.field) : c.title;
            column.type = c.kind == TableColumn::Kind::Percent ? ValueType::Percent : ToValueType(kinds[toQuery[i]]);
        }
        block.columns.push_back(column);
    }
    if (!aggregated) {
        // A listing: streamed from the database when the writer pulls it, in constant memory.
        Database* db = &m_db;
        const std::size_t width = table.columns.size();
        const bool subtotals = group >= 0 && table.subtotals, totals = table.totals;
        block.stream = [db, query, kinds, toQuery, group, subtotals, totals,
                        width](const std::function<void(const Row&)>& sink) {
            std::string currentGroup;
            bool first = true;
            long long groupRows = 0, allRows = 0;
            std::vector<double> groupSums(width, 0), allSums(width, 0);
            auto summary = [&](RowKind kind, long long rows, std::vector<double>& sums) {
                Row row = LabelRow(
                    kind, (kind == RowKind::Total ? "Total (" : "Sous-total (") + french::Number(rows) + ")", width);
                for (std::size_t i = 1; i < width; ++i)
                    if (kinds[toQuery[i]] == ValueKind::Integer)
                        row.cells[i] = Value::Integer(static_cast<long long>(sums[i]));
                    else if (kinds[toQuery[i]] == ValueKind::Decimal)
                        row.cells[i] = Value::Decimal(sums[i]);
                sink(row);
                std::fill(sums.begin(), sums.end(), 0);
            };
            Row row;
            row.cells.resize(width);
            reportdb::Stream(*db, query, [&](const QueryRow& values) {
                if (group >= 0) {
                    const std::string key = AxisKey(values[group]);
                    if (first || key != currentGroup) {
                        if (!first && subtotals)
                            summary(RowKind::Subtotal, groupRows, groupSums);
                        sink(LabelRow(RowKind::GroupHeader, values[group].text, width));
                        currentGroup = key;
                        groupRows = 0;
                    }
                }
                first = false;
                for (std::size_t i = 0; i < width; ++i) {
                    row.cells[i] = ToValue(values[toQuery[i]], kinds[toQuery[i]]);
                    groupSums[i] += Number(values[toQuery[i]]);
                    allSums[i] += Number(values[toQuery[i]]);
                }
                ++groupRows;
                ++allRows;
                sink(row);
            });
            if (!first && subtotals)
                summary(RowKind::Subtotal, groupRows, groupSums);
            if (totals)
                summary(RowKind::Total, allRows, allSums);
        };
        m_doc.blocks.push_back(std::move(block));
        return;
    }
    std::vector<QueryRow> rows;
    reportdb::Run(m_db, query, [&](const QueryRow& row) { rows.push_back(row); });
    // Subtotals and totals come from their own grouped queries: a contribution counted under two
    // commitments of a theme counts once in the theme's subtotal, as in the database.
    auto summaryQuery = [&](bool keepGroup) {
        reportdb::DatasetQuery q = query;
        q.sort.clear();
        q.limit = 0;
        q.columns.clear();
        for (std::size_t i = 0; i < query.columns.size(); ++i)
            if (query.columns[i].aggregate != Aggregate::None || (keepGroup && static_cast<int>(i) == group))
                q.columns.push_back(query.columns[i]);
            else
                q.columns.push_back({"", Aggregate::Count}); // placeholder keeps the indexes aligned
        std::map<std::string, QueryRow> result;
        reportdb::Run(m_db, q, [&](const QueryRow& row) { result[keepGroup ? AxisKey(row[group]) : ""] = row; });
        return result;
    };
    const bool hasPercent = std::find(toQuery.begin(), toQuery.end(), -1) != toQuery.end();
    const auto totals = table.totals || hasPercent ? summaryQuery(false) : std::map<std::string, QueryRow>{};
    const auto subtotals = group >= 0 && table.subtotals ? summaryQuery(true) : std::map<std::string, QueryRow>{};
    const QueryRow* grand = totals.count("") ? &totals.at("") : nullptr;
    auto fill = [&](Row& row, const QueryRow& values, bool summary) {
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            if (toQuery[i] >= 0) {
                const bool measure = query.columns[toQuery[i]].aggregate != Aggregate::None;
                if (measure)
                    row.cells[i] = MeasureValue(values[toQuery[i]], kinds[toQuery[i]]);
                else if (!summary)
                    row.cells[i] = ToValue(values[toQuery[i]], kinds[toQuery[i]]);
                continue;
            }
            const int base = toQuery[i - 1];
            const double whole = grand ? Number((*grand)[base]) : 0;
            row.cells[i] = Value::Percent(whole > 0 ? Number(values[base]) / whole : 0);
        }
    };
    const std::size_t width = table.columns.size();
    int firstField = -1; // where the "Sous-total" / "Total" labels go
    for (std::size_t i = 0; i < width && firstField < 0; ++i)
        if (toQuery[i] >= 0 && query.columns[toQuery[i]].aggregate == Aggregate::None)
            firstField = static_cast<int>(i);
    std::string currentGroup;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (group >= 0 && (r == 0 || AxisKey(rows[r][group]) != currentGroup)) {
            currentGroup = AxisKey(rows[r][group]);
            block.rows.push_back(LabelRow(RowKind::GroupHeader, rows[r][group].text, width));
        }
        Row row;
        row.cells.assign(width, Value::Blank());
        fill(row, rows[r], false);
        block.rows.push_back(std::move(row));
        const bool groupEnds = r + 1 == rows.size() || AxisKey(rows[r + 1][group >= 0 ? group : 0]) != currentGroup;
        if (group >= 0 && groupEnds && subtotals.count(currentGroup)) {
            Row subtotal = LabelRow(RowKind::Subtotal, "", width);
            fill(subtotal, subtotals.at(currentGroup), true);
            if (firstField >= 0)
                subtotal.cells[firstField] = Value::Of("Sous-total " + rows[r][group].text);
            block.rows.push_back(std::move(subtotal));
        }
    }
    if (table.totals && grand) {
        Row total = LabelRow(RowKind::Total, "", width);
        fill(total, *grand, true);
        if (firstField >= 0)
            total.cells[firstField] = Value::Of("Total");
        block.rows.push_back(std::move(total));
    }
    m_doc.blocks.push_back(std::move(block));
}

void Engine::CrossTable(const Section& section, const CrossTableSection& cross)
{
    const DatasetInfo* dataset = FindDataset(cross.dataset);
    if (!dataset)
        return;
    reportdb::DatasetQuery query = Query(cross.dataset, &section);
    const reportdb::QueryColumn measure{cross.measure.field, ToAggregate(cross.measure.kind)};
    auto run = [&](std::vector<reportdb::QueryColumn> columns) {
        reportdb::DatasetQuery q = query;
        q.columns = std::move(columns);
        std::vector<QueryRow> rows;
        reportdb::Run(m_db, q, [&](const QueryRow& row) { rows.push_back(row); });
        return rows;
    };
    const auto cells = run({{cross.rows, Aggregate::None}, {cross.columns, Aggregate::None}, measure});
    const auto rowTotals = run({{cross.rows, Aggregate::None}, measure});
    const auto columnTotals = run({{cross.columns, Aggregate::None}, measure});
    const auto grandRows = run({measure});
    query.columns = {measure};
    const ValueKind kind = reportdb::ColumnKind(query, 0);
    // Every member of each axis (in its natural order), then any value only the data has
    // ("Non renseigné", "Thème seul").
    auto axis = [&](const std::string& field, const std::vector<QueryRow>& totalsRows) {
        std::vector<std::pair<std::string, std::string>> keys;
        for (const auto& member : AxisMembers(cross.dataset, field, &section))
            keys.emplace_back(member.key, member.label);
        for (const auto& row : totalsRows) {
            const std::string key = AxisKey(row[0]);
            if (std::none_of(keys.begin(), keys.end(), [&](const auto& k) { return k.first == key; }))
                keys.emplace_back(key, row[0].text);
        }
        return keys;
    };
    const auto rowKeys = axis(cross.rows, rowTotals);
    auto columnKeys = axis(cross.columns, columnTotals);
    std::map<std::pair<std::string, std::string>, double> values;
    for (const auto& row : cells)
        values[{AxisKey(row[0]), AxisKey(row[1])}] = Number(row[2]);
    std::map<std::string, double> byRow, byColumn;
    for (const auto& row : rowTotals)
        byRow[AxisKey(row[0])] = Number(row[1]);
    for (const auto& row : columnTotals)
        byColumn[AxisKey(row[0])] = Number(row[1]);
    const double grand = grandRows.empty() ? 0 : Number(grandRows[0][0]);
    if (cross.hideEmptyColumns)
        columnKeys.erase(std::remove_if(columnKeys.begin(), columnKeys.end(),
                                        [&](const auto& key) { return byColumn[key.first] == 0; }),
                         columnKeys.end());
    auto cell = [&](double value, double rowTotal, double columnTotal) {
        double base = 0;
        switch (cross.percent) {
        case CrossTableSection::Percent::None:
            return kind == ValueKind::Integer ? Value::Integer(static_cast<long long>(value)) : Value::Decimal(value);
        case CrossTableSection::Percent::Row:
            base = rowTotal;
            break;
        case CrossTableSection::Percent::Column:
            base = columnTotal;
            break;
        case CrossTableSection::Percent::Total:
            base = grand;
            break;
        }
        return Value::Percent(base > 0 ? value / base : 0);
    };
    TableBlock block;
    block.crossTable = true;
    block.title = Expand(section.title, &section);
    block.note = Expand(section.note, &section);
    block.sheetName =
        SheetName(cross.sheet.empty() ? (block.title.empty() ? dataset->label : block.title) + m_itemSuffix
                                      : Expand(cross.sheet, &section));
    const ValueType cellType = cross.percent != CrossTableSection::Percent::None ? ValueType::Percent
                               : kind == ValueKind::Integer                      ? ValueType::Integer
                                                                                 : ValueType::Decimal;
    block.columns.push_back({dataset->FindField(cross.rows)->label, ValueType::Text, 0});
    for (const auto& [key, label] : columnKeys)
        block.columns.push_back({label, cellType, 0});
    if (cross.totals)
        block.columns.push_back({"Total", cellType, 0});
    for (const auto& [rowKey, rowLabel] : rowKeys) {
        const double rowTotal = byRow.count(rowKey) ? byRow[rowKey] : 0;
        if (cross.hideEmptyRows && rowTotal == 0)
            continue;
        Row row;
        row.cells.push_back(Value::Of(rowLabel));
        for (const auto& [columnKey, columnLabel] : columnKeys) {
            const auto found = values.find({rowKey, columnKey});
            row.cells.push_back(cell(found == values.end() ? 0 : found->second, rowTotal, byColumn[columnKey]));
        }
        if (cross.totals)
            row.cells.push_back(cell(rowTotal, rowTotal, grand));
        block.rows.push_back(std::move(row));
    }
    if (cross.totals) {
        Row total;
        total.kind = RowKind::Total;
        total.cells.push_back(Value::Of("Total"));
        for (const auto& [columnKey, columnLabel] : columnKeys)
            total.cells.push_back(cell(byColumn[columnKey], grand, byColumn[columnKey]));
        total.cells.push_back(cell(grand, grand, grand));
        block.rows.push_back(std::move(total));
    }
    m_doc.blocks.push_back(std::move(block));
}

void Engine::Chart(const Section& section, const ChartSection& chart)
{
    const DatasetInfo* dataset = FindDataset(chart.dataset);
    if (!dataset)
        return;
    reportdb::DatasetQuery query = Query(chart.dataset, &section);
    query.columns.push_back({chart.category, Aggregate::None});
    if (!chart.series.empty())
        query.columns.push_back({chart.series, Aggregate::None});
    query.columns.push_back({chart.measure.field, ToAggregate(chart.measure.kind)});
    const std::size_t valueIndex = query.columns.size() - 1;
    std::vector<QueryRow> rows;
    reportdb::Run(m_db, query, [&](const QueryRow& row) { rows.push_back(row); });
    std::vector<std::pair<std::string, std::string>> categories, series;
    std::map<std::pair<std::string, std::string>, double> values;
    std::map<std::string, double> categoryTotals;
    auto remember = [](std::vector<std::pair<std::string, std::string>>& list, const QueryValue& v) {
        const std::string key = AxisKey(v);
        if (std::none_of(list.begin(), list.end(), [&](const auto& k) { return k.first == key; }))
            list.emplace_back(key, v.text);
        return key;
    };
    if (!chart.series.empty())
        for (const auto& member : AxisMembers(chart.dataset, chart.series, &section))
            series.emplace_back(member.key, member.label);
    for (const auto& row : rows) {
        const std::string category = remember(categories, row[0]);
        const std::string serie = chart.series.empty() ? std::string() : remember(series, row[1]);
        values[{category, serie}] += Number(row[valueIndex]);
        categoryTotals[category] += Number(row[valueIndex]);
    }
    if (chart.limit > 0 && static_cast<long long>(categories.size()) > chart.limit) {
        // The largest categories, largest first.
        std::stable_sort(categories.begin(), categories.end(), [&](const auto& a, const auto& b) {
            return categoryTotals[a.first] > categoryTotals[b.first];
        });
        categories.resize(static_cast<std::size_t>(chart.limit));
    }
    ChartBlock block;
    block.title = Expand(section.title, &section);
    block.kind = chart.chart == ChartSection::Kind::Pie          ? ChartKind::Pie
                 : chart.chart == ChartSection::Kind::StackedBar ? ChartKind::StackedBar
                                                                 : ChartKind::Bar;
    block.horizontal = chart.horizontal;
    const std::string measureTitle = MeasureTitle(*dataset, chart.measure.kind, chart.measure.field);
    block.valueTitle = chart.valueTitle.empty() ? measureTitle : chart.valueTitle;
    for (const auto& [key, label] : categories)
        block.categories.push_back(label);
    if (chart.series.empty())
        series = {{"", measureTitle}};
    for (const auto& [serieKey, serieLabel] : series) {
        Series s;
        s.name = serieLabel;
        double sum = 0;
        for (const auto& [categoryKey, categoryLabel] : categories) {
            const auto found = values.find({categoryKey, serieKey});
            s.values.push_back(found == values.end() ? 0 : found->second);
            sum += s.values.back();
        }
        if (sum != 0 || chart.series.empty())
            block.series.push_back(std::move(s));
    }
    m_doc.blocks.push_back(std::move(block));
    if (!section.note.empty()) {
        TextBlock note;
        Paragraph paragraph;
        paragraph.spans.push_back({french::Typography(Expand(section.note, &section)), false, true});
        note.paragraphs.push_back(paragraph);
        m_doc.blocks.push_back(note);
    }
}

} // namespace concerto::report::detail
