// The definition parser's reading of [[sections]] (see definition_parser.h).

#include "core/text.h"
#include "db/report_queries.h"
#include "reports/definition_parser.h"

#include <algorithm>

namespace concerto::report::detail {

namespace {

const std::vector<std::string> kKinds = {"cover", "contents", "text",    "table",  "crosstable",
                                         "chart", "quotes",   "booklet", "repeat", "page_break"};
const std::vector<std::string> kCommonKeys = {
    "kind", "id", "title", "heading", "level", "in_contents", "note", "filters", "include_excluded", "formats", "at"};

std::vector<std::string> KindKeys(const std::string& kind)
{
    if (kind == "cover")
        return {"subtitle", "organisation", "date"};
    if (kind == "text")
        return {"text"};
    if (kind == "table")
        return {"dataset", "columns", "group_by", "subtotals", "totals", "sort", "limit", "sheet"};
    if (kind == "crosstable")
        return {"dataset", "rows", "columns", "measure", "totals", "percent", "hide_empty_rows", "hide_empty_columns",
                "sheet"};
    if (kind == "chart")
        return {"chart", "dataset", "category", "series", "measure", "horizontal", "limit", "value_title"};
    if (kind == "quotes")
        return {"dataset",       "per",          "max",       "min_length",  "max_length",
                "flagged_first", "only_flagged", "anonymise", "show_counts", "skip_empty"};
    if (kind == "booklet")
        return {"group_by", "statuses", "show_description", "show_comment", "show_reorientations"};
    if (kind == "repeat")
        return {"over", "as", "skip_empty", "sections"};
    return {};
}

std::vector<std::string> FieldNames(const DatasetInfo& dataset)
{
    std::vector<std::string> names;
    for (const auto& field : dataset.fields)
        names.push_back(field.name);
    return names;
}

std::string Suggest(const std::string& word, std::vector<std::string> candidates)
{
    const std::string close = ClosestName(word, candidates);
    return close.empty() ? std::string() : " (vouliez-vous dire « " + close + " » ?)";
}

bool IsNumeric(FieldType type)
{
    return type == FieldType::Integer || type == FieldType::Decimal;
}

ParameterType TypeFor(const std::string& dimension)
{
    if (dimension == "neighbourhood")
        return ParameterType::Neighbourhood;
    if (dimension == "channel")
        return ParameterType::Channel;
    if (dimension == "theme")
        return ParameterType::Theme;
    if (dimension == "commitment")
        return ParameterType::Commitment;
    if (dimension == "meeting")
        return ParameterType::Meeting;
    return ParameterType::Text;
}

} // namespace

Sections Parser::ReadSections(const TomlValue& array, const std::string& path, int depth)
{
    Sections sections;
    const auto& items = array.as_array();
    for (std::size_t i = 0; i < items.size() && !TooMany(); ++i) {
        const std::string itemPath = path + "[" + std::to_string(i + 1) + "]";
        if (!items[i].is_table()) {
            Report(items[i], itemPath, "chaque section est une table [[" + path + "]] avec kind = …");
            continue;
        }
        Section section;
        ReadSection(items[i], itemPath, depth, section);
        sections.push_back(std::move(section));
    }
    return sections;
}

const DatasetInfo* Parser::ReadDataset(const TomlValue& table, const std::string& path, std::string& out)
{
    if (!ReadString(table, "dataset", path, out, true) || !Find(table, "dataset"))
        return nullptr;
    const DatasetInfo* dataset = FindDataset(out);
    if (!dataset) {
        std::vector<std::string> names;
        for (const auto& d : Datasets())
            names.push_back(d.name);
        std::string list;
        for (const auto& name : names)
            list += (list.empty() ? "" : ", ") + name;
        const std::string suggestion = Suggest(out, names);
        Report(*Find(table, "dataset"), path + ".dataset",
               "jeu de données inconnu « " + out + " »" +
                   (suggestion.empty() ? " (jeux de données : " + list + ")" : suggestion));
    }
    return dataset;
}

bool Parser::CheckField(const DatasetInfo& dataset, const std::string& field, const TomlValue& at,
                        const std::string& key)
{
    if (dataset.FindField(field))
        return true;
    Report(at, key,
           "champ inconnu « " + field + " » dans le jeu de données « " + dataset.name + " »" +
               Suggest(field, FieldNames(dataset)));
    return false;
}

void Parser::ReadSection(const TomlValue& table, const std::string& path, int depth, Section& section)
{
    section.pos = {static_cast<int>(table.location().line()), 0, path};
    if (!ReadString(table, "kind", path, section.kind, true) || !Find(table, "kind"))
        return;
    if (std::find(kKinds.begin(), kKinds.end(), section.kind) == kKinds.end()) {
        std::string list;
        for (const auto& kind : kKinds)
            list += (list.empty() ? "" : ", ") + kind;
        const std::string suggestion = Suggest(section.kind, kKinds);
        Report(*Find(table, "kind"), path + ".kind",
               "type de section inconnu « " + section.kind + " »" +
                   (suggestion.empty() ? " (types possibles : " + list + ")" : suggestion));
        return;
    }
    std::vector<std::string> allowed = kCommonKeys;
    for (const auto& key : KindKeys(section.kind))
        allowed.push_back(key);
    CheckKeys(table, path, allowed);
    if (ReadString(table, "id", path, section.id) && !section.id.empty()) {
        if (!m_sectionIds.insert(section.id).second)
            Report(*Find(table, "id"), path + ".id", "identifiant de section « " + section.id + " » déjà utilisé");
    }
    ReadString(table, "title", path, section.title);
    std::string heading;
    ReadString(table, "heading", path, heading);
    long long level = 0;
    ReadInt(table, "level", path, level, 1, 3);
    section.level = static_cast<int>(level);
    ReadBool(table, "in_contents", path, section.inContents);
    ReadString(table, "note", path, section.note);
    ReadBool(table, "include_excluded", path, section.includeExcluded);
    if (ReadStringList(table, "formats", path, section.formats))
        for (const auto& format : section.formats)
            if (format != "pdf" && format != "xlsx")
                Report(*Find(table, "formats"), path + ".formats", "format inconnu « " + format + " » (pdf, xlsx)");
    for (const char* key : {"title", "heading", "note"})
        if (const TomlValue* value = Find(table, key);
            value && value->is_string() && !(section.kind == "repeat" && std::string(key) == "title"))
            CheckPlaceholders(value->as_string().str, *value, path + "." + key);
    if (!heading.empty())
        section.heading = heading;
    if (const TomlValue* at = Find(table, "at")) {
        if (!ScalarText(*at, section.at) || at->is_boolean() || at->is_integer())
            Report(*at, path + ".at", "une date (AAAA-MM-JJ), \"today\" ou un paramètre de type date \"{nom}\"");
        else if (const FieldInfo* field = FindDataset("commitments")->FindField("status_date"))
            CheckFilterValue(section.at, *field, *at, path + ".at");
    }

    const std::string& kind = section.kind;
    if (kind == "cover") {
        CoverSection cover;
        ReadString(table, "subtitle", path, cover.subtitle);
        ReadString(table, "organisation", path, cover.organisation);
        ReadString(table, "date", path, cover.date);
        for (const char* key : {"subtitle", "organisation", "date"})
            if (const TomlValue* value = Find(table, key); value && value->is_string())
                CheckPlaceholders(value->as_string().str, *value, path + "." + key);
        section.body = cover;
    } else if (kind == "contents") {
        ContentsSection contents;
        if (!section.title.empty())
            contents.title = section.title;
        section.body = contents;
    } else if (kind == "text") {
        TextSection text;
        if (ReadString(table, "text", path, text.text, true) && Find(table, "text"))
            CheckPlaceholders(text.text, *Find(table, "text"), path + ".text");
        section.body = text;
    } else if (kind == "page_break") {
        section.body = PageBreakSection{};
    } else if (kind == "table") {
        ReadTable(table, path, section);
    } else if (kind == "crosstable") {
        ReadCrossTable(table, path, section);
    } else if (kind == "chart") {
        ReadChart(table, path, section);
    } else if (kind == "quotes") {
        ReadQuotes(table, path, section);
    } else if (kind == "booklet") {
        ReadBooklet(table, path, section);
    } else if (kind == "repeat") {
        ReadRepeat(table, path, depth, section);
    }

    // Filters are read last: they are checked against the section's dataset.
    if (const TomlValue* filters = Find(table, "filters")) {
        std::string dataset;
        if (const auto* t = std::get_if<TableSection>(&section.body))
            dataset = t->dataset;
        else if (const auto* c = std::get_if<CrossTableSection>(&section.body))
            dataset = c->dataset;
        else if (const auto* g = std::get_if<ChartSection>(&section.body))
            dataset = g->dataset;
        else if (const auto* q = std::get_if<QuotesSection>(&section.body))
            dataset = q->dataset;
        else if (std::holds_alternative<BookletSection>(section.body))
            dataset = "commitments";
        if (!dataset.empty() && !FindDataset(dataset))
            return; // already reported
        section.filters = ReadFilters(*filters, path + ".filters", dataset);
    }
}

bool Parser::ReadMeasure(const TomlValue& at, const std::string& text, const std::string& key,
                         const DatasetInfo& dataset, Measure& out)
{
    out.text = text;
    out.field.clear();
    if (text == "count") {
        out.kind = TableColumn::Kind::Count;
        return true;
    }
    if (text == "contributions") {
        if (dataset.name == "contributions") {
            out.kind = TableColumn::Kind::Count;
            return true;
        }
        if (dataset.FindField("contribution")) {
            out.kind = TableColumn::Kind::Distinct;
            out.field = "contribution";
            return true;
        }
        Report(at, key, "la mesure « contributions » ne s'applique qu'aux jeux de données contributions et tags");
        return false;
    }
    const std::size_t colon = text.find(':');
    const std::string function = text.substr(0, colon);
    static const std::vector<std::pair<std::string, TableColumn::Kind>> kFunctions = {
        {"distinct", TableColumn::Kind::Distinct},
        {"sum", TableColumn::Kind::Sum},
        {"avg", TableColumn::Kind::Average},
        {"min", TableColumn::Kind::Min},
        {"max", TableColumn::Kind::Max}};
    const auto found =
        std::find_if(kFunctions.begin(), kFunctions.end(), [&](const auto& f) { return f.first == function; });
    if (colon == std::string::npos || found == kFunctions.end()) {
        Report(at, key,
               "mesure inconnue « " + text +
                   " » (count, contributions, distinct:CHAMP, sum:CHAMP, avg:CHAMP, min:CHAMP, max:CHAMP)" +
                   Suggest(text, {"count", "contributions"}));
        return false;
    }
    out.kind = found->second;
    out.field = text.substr(colon + 1);
    if (!CheckField(dataset, out.field, at, key))
        return false;
    const FieldType type = dataset.FindField(out.field)->type;
    if ((out.kind == TableColumn::Kind::Sum || out.kind == TableColumn::Kind::Average) && !IsNumeric(type)) {
        Report(at, key,
               "« " + function + " » ne s'applique qu'à un champ numérique ; « " + out.field + " » est de type " +
                   ToName(type));
        return false;
    }
    if ((out.kind == TableColumn::Kind::Min || out.kind == TableColumn::Kind::Max) && !IsNumeric(type) &&
        type != FieldType::Date && type != FieldType::DateTime) {
        Report(at, key,
               "« " + function + " » ne s'applique qu'à un nombre ou une date ; « " + out.field + " » est de type " +
                   ToName(type));
        return false;
    }
    return true;
}

void Parser::ReadRepeat(const TomlValue& table, const std::string& path, int depth, Section& section)
{
    RepeatSection repeat;
    const RepeatSource* source = nullptr;
    if (ReadString(table, "over", path, repeat.over, true) && Find(table, "over")) {
        source = FindRepeatSource(repeat.over);
        if (!source) {
            std::vector<std::string> names;
            std::string list;
            for (const auto& s : RepeatSources()) {
                names.push_back(s.over);
                list += (list.empty() ? "" : ", ") + s.over;
            }
            const std::string suggestion = Suggest(repeat.over, names);
            Report(*Find(table, "over"), path + ".over",
                   "répétition impossible sur « " + repeat.over + " »" +
                       (suggestion.empty() ? " (possibles : " + list + ")" : suggestion));
        }
    }
    if (ReadString(table, "as", path, repeat.as, true) && Find(table, "as")) {
        const TomlValue& at = *Find(table, "as");
        if (!IsIdentifier(repeat.as))
            Report(at, path + ".as",
                   "nom invalide « " + repeat.as + " » : lettres minuscules sans accent, chiffres et _");
        else if (FindInScope(repeat.as))
            Report(at, path + ".as", "« " + repeat.as + " » est déjà un paramètre : choisissez un autre nom");
        else if (repeat.as == "today")
            Report(at, path + ".as", "« today » est un nom réservé");
    }
    ReadBool(table, "skip_empty", path, repeat.skipEmpty);
    if (depth >= 2) {
        Report(table, path, "trop de répétitions imbriquées (deux niveaux au plus)");
        section.body = repeat;
        return;
    }
    const TomlValue* nested = Find(table, "sections");
    if (!nested) {
        Report(table, path + ".sections",
               "clé obligatoire manquante : les sections à répéter, en [[" + path.substr(0, path.find('[')) +
                   ".sections]]");
    } else if (!nested->is_array() || nested->as_array().empty()) {
        Report(*nested, path + ".sections", "doit être une liste de sections (au moins une)");
    } else if (source && IsIdentifier(repeat.as)) {
        ScopePush bound(*this, {repeat.as, TypeFor(source->dimension), source->dimension, source->dataset});
        // The heading of each item may name the item: checked with it in scope.
        if (const TomlValue* title = Find(table, "title"); title && title->is_string())
            CheckPlaceholders(title->as_string().str, *title, path + ".title");
        repeat.sections = ReadSections(*nested, path + ".sections", depth + 1);
    }
    section.body = std::move(repeat);
}

} // namespace concerto::report::detail
