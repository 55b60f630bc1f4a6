// The definition parser's reading of data sections: table, crosstable, chart, quotes and
// booklet (see definition_parser.h).

#include "core/text.h"
#include "db/report_queries.h"
#include "reports/definition_parser.h"

#include <algorithm>

namespace concerto::report::detail {

namespace {

std::string Suggest(const std::string& word, const std::vector<std::string>& candidates)
{
    const std::string close = ClosestName(word, candidates);
    return close.empty() ? std::string() : " (vouliez-vous dire « " + close + " » ?)";
}

// The text a sort key or a measure column answers to: "count", "sum:attendance"…
std::string MeasureText(const TableColumn& column)
{
    switch (column.kind) {
    case TableColumn::Kind::Count:
        return "count";
    case TableColumn::Kind::Distinct:
        return "distinct:" + column.field;
    case TableColumn::Kind::Sum:
        return "sum:" + column.field;
    case TableColumn::Kind::Average:
        return "avg:" + column.field;
    case TableColumn::Kind::Min:
        return "min:" + column.field;
    case TableColumn::Kind::Max:
        return "max:" + column.field;
    case TableColumn::Kind::Percent:
        return "percent";
    case TableColumn::Kind::Field:
        break;
    }
    return column.field;
}

} // namespace

void Parser::ReadTable(const TomlValue& table, const std::string& path, Section& section)
{
    TableSection body;
    const DatasetInfo* dataset = ReadDataset(table, path, body.dataset);
    ReadString(table, "sheet", path, body.sheet);
    ReadBool(table, "subtotals", path, body.subtotals);
    ReadBool(table, "totals", path, body.totals);
    ReadInt(table, "limit", path, body.limit, 1, 10000000);
    const TomlValue* columns = Find(table, "columns");
    if (!columns)
        Report(table, path + ".columns",
               "clé obligatoire manquante : la liste des colonnes, ex. [\"channel\", \"count\"]");
    else if (!columns->is_array() || columns->as_array().empty())
        Report(*columns, path + ".columns", "doit être une liste de colonnes (au moins une)");
    if (!dataset || !columns || !columns->is_array()) {
        section.body = body;
        return;
    }
    const auto& items = columns->as_array();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string key = path + ".columns[" + std::to_string(i + 1) + "]";
        const TomlValue& item = items[i];
        TableColumn column;
        column.pos = {static_cast<int>(item.location().line()), static_cast<int>(item.location().column()), key};
        std::string spec;
        bool isMeasure = false;
        if (item.is_string()) {
            spec = item.as_string().str;
            isMeasure = !dataset->FindField(spec);
        } else if (item.is_table()) {
            CheckKeys(item, key, {"field", "measure", "title", "width", "decimals"});
            std::string field, measure;
            ReadString(item, "field", key, field);
            ReadString(item, "measure", key, measure);
            if (field.empty() == measure.empty()) {
                Report(item, key, "une colonne a soit field = \"…\", soit measure = \"…\"");
                continue;
            }
            spec = field.empty() ? measure : field;
            isMeasure = !measure.empty();
            ReadString(item, "title", key, column.title);
            ReadNumber(item, "width", key, column.width, 1, 200);
            long long decimals = -1;
            ReadInt(item, "decimals", key, decimals, 0, 6);
            column.decimals = static_cast<int>(decimals);
        } else {
            Report(item, key, "une colonne est un nom de champ (\"channel\") ou une table { field = …, title = … }");
            continue;
        }
        if (!isMeasure) {
            column.kind = TableColumn::Kind::Field;
            column.field = spec;
            if (!CheckField(*dataset, spec, item, key))
                continue;
        } else if (spec == "percent") {
            if (body.columns.empty() || !body.columns.back().IsMeasure() ||
                body.columns.back().kind == TableColumn::Kind::Percent) {
                Report(item, key, "« percent » se place juste après une colonne de mesure (count, sum:…)");
                continue;
            }
            column.kind = TableColumn::Kind::Percent;
        } else {
            Measure measure;
            if (spec.find(':') == std::string::npos && spec != "count" && spec != "contributions") {
                std::vector<std::string> names;
                for (const auto& f : dataset->fields)
                    names.push_back(f.name);
                names.insert(names.end(), {"count", "contributions", "percent"});
                Report(item, key,
                       "colonne inconnue « " + spec + " » : ni un champ du jeu de données « " + dataset->name +
                           " », ni une mesure" + Suggest(spec, names));
                continue;
            }
            if (!ReadMeasure(item, spec, key, *dataset, measure))
                continue;
            column.kind = measure.kind;
            column.field = measure.field;
        }
        body.columns.push_back(std::move(column));
    }
    auto columnFor = [&](const std::string& name) {
        return std::find_if(body.columns.begin(), body.columns.end(), [&](const TableColumn& c) {
            return (c.kind == TableColumn::Kind::Field && c.field == name) ||
                   (c.IsMeasure() && c.kind != TableColumn::Kind::Percent && MeasureText(c) == name) ||
                   (name == "contributions" && c.kind == TableColumn::Kind::Distinct && c.field == "contribution");
        });
    };
    if (ReadString(table, "group_by", path, body.groupBy) && !body.groupBy.empty()) {
        const TomlValue& at = *Find(table, "group_by");
        if (CheckField(*dataset, body.groupBy, at, path + ".group_by")) {
            const auto column = columnFor(body.groupBy);
            if (column != body.columns.end() && column->IsMeasure())
                Report(at, path + ".group_by", "on regroupe sur un champ, pas sur une mesure");
        }
    }
    std::vector<std::string> sort;
    if (ReadStringList(table, "sort", path, sort)) {
        for (const auto& text : sort) {
            SortKey key;
            key.descending = !text.empty() && text[0] == '-';
            key.key = key.descending ? text.substr(1) : text;
            if (columnFor(key.key) == body.columns.end()) {
                std::vector<std::string> names;
                for (const auto& c : body.columns)
                    if (c.kind != TableColumn::Kind::Percent)
                        names.push_back(MeasureText(c));
                Report(*Find(table, "sort"), path + ".sort",
                       "tri sur « " + key.key + " » impossible : ce n'est pas une colonne du tableau" +
                           Suggest(key.key, names));
                continue;
            }
            body.sort.push_back(key);
        }
    }
    section.body = std::move(body);
}

void Parser::ReadCrossTable(const TomlValue& table, const std::string& path, Section& section)
{
    CrossTableSection body;
    const DatasetInfo* dataset = ReadDataset(table, path, body.dataset);
    ReadString(table, "sheet", path, body.sheet);
    ReadBool(table, "totals", path, body.totals);
    ReadBool(table, "hide_empty_rows", path, body.hideEmptyRows);
    ReadBool(table, "hide_empty_columns", path, body.hideEmptyColumns);
    const bool rowsOk = ReadString(table, "rows", path, body.rows, true) && Find(table, "rows");
    const bool columnsOk = ReadString(table, "columns", path, body.columns, true) && Find(table, "columns");
    if (dataset && rowsOk)
        CheckField(*dataset, body.rows, *Find(table, "rows"), path + ".rows");
    if (dataset && columnsOk && CheckField(*dataset, body.columns, *Find(table, "columns"), path + ".columns") &&
        body.columns == body.rows)
        Report(*Find(table, "columns"), path + ".columns",
               "lignes et colonnes sur le même champ « " + body.rows + " »");
    std::string measure = "count";
    ReadString(table, "measure", path, measure);
    if (dataset)
        ReadMeasure(Find(table, "measure") ? *Find(table, "measure") : table, measure, path + ".measure", *dataset,
                    body.measure);
    std::string percent;
    if (ReadString(table, "percent", path, percent) && !percent.empty()) {
        const std::pair<const char*, CrossTableSection::Percent> kModes[] = {
            {"none", CrossTableSection::Percent::None},
            {"row", CrossTableSection::Percent::Row},
            {"column", CrossTableSection::Percent::Column},
            {"total", CrossTableSection::Percent::Total}};
        bool known = false;
        for (const auto& [name, mode] : kModes)
            if (percent == name) {
                body.percent = mode;
                known = true;
            }
        if (!known)
            Report(*Find(table, "percent"), path + ".percent",
                   "pourcentage inconnu « " + percent + " » (none, row, column, total)");
    }
    section.body = std::move(body);
}

void Parser::ReadChart(const TomlValue& table, const std::string& path, Section& section)
{
    ChartSection body;
    std::string chart;
    if (ReadString(table, "chart", path, chart, true) && Find(table, "chart")) {
        if (chart == "bar")
            body.chart = ChartSection::Kind::Bar;
        else if (chart == "stacked_bar")
            body.chart = ChartSection::Kind::StackedBar;
        else if (chart == "pie")
            body.chart = ChartSection::Kind::Pie;
        else
            Report(*Find(table, "chart"), path + ".chart",
                   "graphique inconnu « " + chart + " » (bar, stacked_bar, pie)" +
                       Suggest(chart, {"bar", "stacked_bar", "pie"}));
    }
    const DatasetInfo* dataset = ReadDataset(table, path, body.dataset);
    ReadBool(table, "horizontal", path, body.horizontal);
    ReadInt(table, "limit", path, body.limit, 1, 1000);
    ReadString(table, "value_title", path, body.valueTitle);
    if (ReadString(table, "category", path, body.category, true) && Find(table, "category") && dataset)
        CheckField(*dataset, body.category, *Find(table, "category"), path + ".category");
    if (ReadString(table, "series", path, body.series) && !body.series.empty() && dataset) {
        const TomlValue& at = *Find(table, "series");
        if (CheckField(*dataset, body.series, at, path + ".series")) {
            if (body.chart == ChartSection::Kind::Pie)
                Report(at, path + ".series", "un camembert (pie) n'a qu'une série : retirez series");
            else if (body.series == body.category)
                Report(at, path + ".series", "series et category sur le même champ");
        }
    }
    if (body.chart == ChartSection::Kind::StackedBar && body.series.empty() && Find(table, "chart"))
        Report(table, path + ".series", "un graphique stacked_bar empile des séries : précisez series = \"…\"");
    std::string measure = "count";
    ReadString(table, "measure", path, measure);
    if (dataset)
        ReadMeasure(Find(table, "measure") ? *Find(table, "measure") : table, measure, path + ".measure", *dataset,
                    body.measure);
    section.body = std::move(body);
}

void Parser::ReadQuotes(const TomlValue& table, const std::string& path, Section& section)
{
    QuotesSection body;
    if (ReadString(table, "dataset", path, body.dataset) && Find(table, "dataset")) {
        // Quotes need a contribution's number, words and provenance.
        const DatasetInfo* dataset = FindDataset(body.dataset);
        bool quotable = dataset != nullptr;
        for (const char* field : {"contribution", "body", "is_quote", "channel", "meeting", "neighbourhood", "date"})
            quotable = quotable && dataset->FindField(field);
        if (!quotable) {
            Report(*Find(table, "dataset"), path + ".dataset",
                   "jeu de données sans citations « " + body.dataset + " » (tags, evidence, topic_evidence)" +
                       Suggest(body.dataset, {"tags", "evidence", "topic_evidence"}));
            body.dataset = "tags";
        }
    }
    std::string per;
    if (ReadString(table, "per", path, per) && !per.empty()) {
        if (per == "commitment")
            body.per = QuotesSection::Per::Commitment;
        else if (per == "theme")
            body.per = QuotesSection::Per::Theme;
        else if (per == "none")
            body.per = QuotesSection::Per::None;
        else
            Report(*Find(table, "per"), path + ".per",
                   "regroupement inconnu « " + per + " » (commitment, theme, none)" +
                       Suggest(per, {"commitment", "theme", "none"}));
    }
    long long n = body.max;
    ReadInt(table, "max", path, n, 1, 50);
    body.max = static_cast<int>(n);
    n = body.minLength;
    ReadInt(table, "min_length", path, n, 0, 2000);
    body.minLength = static_cast<int>(n);
    n = body.maxLength;
    ReadInt(table, "max_length", path, n, 40, 5000);
    body.maxLength = static_cast<int>(n);
    if (body.maxLength < body.minLength)
        Report(table, path + ".max_length", "max_length doit être au moins égal à min_length");
    ReadBool(table, "flagged_first", path, body.flaggedFirst);
    ReadBool(table, "only_flagged", path, body.onlyFlagged);
    ReadBool(table, "anonymise", path, body.anonymise);
    ReadBool(table, "show_counts", path, body.showCounts);
    ReadBool(table, "skip_empty", path, body.skipEmpty);
    const char* group = body.per == QuotesSection::Per::Commitment ? "commitment"
                        : body.per == QuotesSection::Per::Theme    ? "theme"
                                                                   : nullptr;
    if (group && FindDataset(body.dataset) && !FindDataset(body.dataset)->FindField(group))
        Report(Find(table, "per") ? *Find(table, "per") : table, path + ".per",
               "le jeu de données « " + body.dataset + " » n'a pas de champ « " + group + " » : per = \"none\"");
    section.body = body;
}

void Parser::ReadBooklet(const TomlValue& table, const std::string& path, Section& section)
{
    BookletSection body;
    std::string groupBy;
    if (ReadString(table, "group_by", path, groupBy) && !groupBy.empty()) {
        if (groupBy == "status")
            body.groupBy = BookletSection::GroupBy::Status;
        else if (groupBy == "theme")
            body.groupBy = BookletSection::GroupBy::Theme;
        else
            Report(*Find(table, "group_by"), path + ".group_by",
                   "regroupement inconnu « " + groupBy + " » (status, theme)" + Suggest(groupBy, {"status", "theme"}));
    }
    body.at = section.at;
    std::vector<std::string> statuses;
    if (ReadStringList(table, "statuses", path, statuses)) {
        const auto members = reportdb::EnumerationMembers("status");
        for (const auto& status : statuses) {
            const auto found = std::find_if(members.begin(), members.end(), [&](const reportdb::Member& m) {
                return Fold(m.code) == Fold(status) || Fold(m.label) == Fold(status);
            });
            if (found == members.end())
                Report(*Find(table, "statuses"), path + ".statuses",
                       "statut inconnu « " + status + " » (done, in_progress, planned, dropped)");
            else
                body.statuses.push_back(found->code);
        }
    }
    ReadBool(table, "show_description", path, body.showDescription);
    ReadBool(table, "show_comment", path, body.showComment);
    ReadBool(table, "show_reorientations", path, body.showReorientations);
    section.body = std::move(body);
}

} // namespace concerto::report::detail
