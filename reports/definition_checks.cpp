// The definition parser's checks of filters and {placeholders} (see definition_parser.h).

#include "core/text.h"
#include "db/report_queries.h"
#include "reports/definition_parser.h"

#include <algorithm>

namespace concerto::report::detail {

namespace {

const char* DimensionLabel(const std::string& dimension)
{
    static const std::pair<const char*, const char*> kLabels[] = {
        {"neighbourhood", "quartier"},
        {"channel", "canal"},
        {"theme", "thème"},
        {"commitment", "engagement"},
        {"meeting", "rencontre"},
        {"topic", "thématique"},
        {"label", "étiquette"},
        {"consultation", "consultation"},
        {"stance", "position"},
        {"status", "statut"},
        {"state", "état"},
        {"meeting_kind", "type de rencontre"},
        {"decision", "décision"},
        {"origin", "origine"},
        {"change", "changement"},
    };
    for (const auto& [code, label] : kLabels)
        if (dimension == code)
            return label;
    return "valeur";
}

// The first field called `name` in any dataset (fields of the same name share their type).
const FieldInfo* AnyField(const std::string& name)
{
    for (const auto& dataset : Datasets())
        if (const FieldInfo* field = dataset.FindField(name))
            return field;
    return nullptr;
}

std::vector<std::string> AllFieldNames()
{
    std::vector<std::string> names;
    for (const auto& dataset : Datasets())
        for (const auto& field : dataset.fields)
            if (std::find(names.begin(), names.end(), field.name) == names.end())
                names.push_back(field.name);
    return names;
}

std::string WithSuggestion(std::string message, const std::string& word, const std::vector<std::string>& candidates)
{
    const std::string close = ClosestName(word, candidates);
    if (!close.empty())
        message += " (vouliez-vous dire « " + close + " » ?)";
    return message;
}

} // namespace

void Parser::CheckFilterValue(const std::string& value, const FieldInfo& field, const TomlValue& at,
                              const std::string& key)
{
    const std::string reference = ParameterReference(value);
    if (!reference.empty()) {
        const ScopeEntry* entry = FindInScope(reference);
        if (!entry) {
            Report(at, key, WithSuggestion("paramètre inconnu « " + reference + " »", reference, ScopeNames()));
            return;
        }
        const bool free =
            entry->dimension.empty() && (entry->type == ParameterType::Text || entry->type == ParameterType::Choice);
        bool fits = free;
        switch (field.type) {
        case FieldType::Dimension:
            fits = fits || entry->dimension == field.dimension;
            break;
        case FieldType::Date:
        case FieldType::DateTime:
            fits = entry->type == ParameterType::Date;
            break;
        case FieldType::Integer:
        case FieldType::Decimal:
            fits = fits || entry->type == ParameterType::Integer;
            break;
        case FieldType::Boolean:
            fits = entry->type == ParameterType::Boolean;
            break;
        case FieldType::Text:
            break;
        }
        if (!fits)
            Report(at, key,
                   "le paramètre « " + reference + " » (type " + ToName(entry->type) +
                       ") ne peut pas filtrer le champ « " + field.name + " » (" + ToName(field.type) +
                       (field.type == FieldType::Dimension ? std::string(" ") + DimensionLabel(field.dimension) : "") +
                       ")");
        return;
    }
    if (value.find('{') != std::string::npos) {
        Report(at, key, "un filtre vaut soit une valeur, soit un paramètre entier « {nom} »");
        return;
    }
    switch (field.type) {
    case FieldType::Dimension: {
        const auto members = reportdb::EnumerationMembers(field.dimension);
        if (members.empty())
            return; // codes and names of reference data are checked against the database when run
        std::vector<std::string> codes;
        for (const auto& member : members) {
            if (Fold(member.code) == Fold(value) || Fold(member.label) == Fold(value))
                return;
            codes.push_back(member.code);
        }
        std::string list;
        for (const auto& code : codes)
            list += (list.empty() ? "" : ", ") + code;
        Report(at, key,
               "valeur inconnue « " + value + " » pour le champ « " + field.name + " » (valeurs possibles : " + list +
                   ")");
        return;
    }
    case FieldType::Date:
    case FieldType::DateTime:
        if (!Date::Parse(value) && value != "today")
            Report(at, key, "date invalide « " + value + " » : AAAA-MM-JJ, \"today\" ou un paramètre {nom}");
        return;
    case FieldType::Integer:
    case FieldType::Decimal:
        if (value.empty() || value.find_first_not_of("-0123456789.") != std::string::npos)
            Report(at, key, "nombre attendu pour le champ « " + field.name + " »");
        return;
    case FieldType::Boolean:
        if (value != "true" && value != "false")
            Report(at, key, "true ou false attendu pour le champ « " + field.name + " »");
        return;
    case FieldType::Text:
        return;
    }
}

std::vector<Filter> Parser::ReadFilters(const TomlValue& table, const std::string& path, const std::string& dataset)
{
    std::vector<Filter> filters;
    if (!table.is_table()) {
        Report(table, path, "doit être une table, ex. { neighbourhood = \"{quartier}\", date = { from = \"{du}\" } }");
        return filters;
    }
    const DatasetInfo* info = dataset.empty() ? nullptr : FindDataset(dataset);
    std::vector<std::pair<std::string, const TomlValue*>> entries;
    for (const auto& [name, value] : table.as_table())
        entries.emplace_back(name, &value);
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.second->location().line() < b.second->location().line(); });
    for (const auto& [name, value] : entries) {
        const std::string key = path + "." + name;
        const FieldInfo* field = info ? info->FindField(name) : AnyField(name);
        if (!field) {
            std::vector<std::string> names;
            if (info)
                for (const auto& f : info->fields)
                    names.push_back(f.name);
            else
                names = AllFieldNames();
            Report(*value, key,
                   WithSuggestion(info ? "champ inconnu « " + name + " » dans le jeu de données « " + dataset + " »"
                                       : "champ inconnu « " + name + " » (aucun jeu de données n'a ce champ)",
                                  name, names));
            continue;
        }
        Filter filter;
        filter.field = name;
        filter.pos = {static_cast<int>(value->location().line()), static_cast<int>(value->location().column()), key};
        std::string text;
        if (value->is_array()) {
            for (const auto& item : value->as_array()) {
                if (!ScalarText(item, text)) {
                    Report(item, key, "une liste de valeurs ne contient que des textes, nombres ou dates");
                    continue;
                }
                CheckFilterValue(text, *field, item, key);
                filter.values.push_back(text);
            }
        } else if (value->is_table()) {
            CheckKeys(*value, key, {"from", "to", "not"});
            const TomlValue* from = Find(*value, "from");
            const TomlValue* to = Find(*value, "to");
            const TomlValue* exclude = Find(*value, "not");
            if (exclude && (from || to))
                Report(*value, key, "un filtre est soit un intervalle { from, to }, soit une exclusion { not }");
            if (exclude) {
                filter.op = Filter::Op::NotIn;
                const auto items = exclude->is_array() ? exclude->as_array() : toml::array{*exclude};
                for (const auto& item : items) {
                    if (!ScalarText(item, text)) {
                        Report(item, key + ".not", "une valeur ou une liste de valeurs attendue");
                        continue;
                    }
                    CheckFilterValue(text, *field, item, key + ".not");
                    filter.values.push_back(text);
                }
            } else if (from || to) {
                filter.op = Filter::Op::Range;
                if (field->type == FieldType::Dimension || field->type == FieldType::Boolean)
                    Report(*value, key, "un intervalle { from, to } ne s'applique qu'aux dates, nombres et textes");
                for (const auto& [bound, out] : {std::pair{from, &filter.from}, std::pair{to, &filter.to}}) {
                    if (!bound)
                        continue;
                    const std::string boundKey = key + (out == &filter.from ? ".from" : ".to");
                    if (!ScalarText(*bound, *out))
                        Report(*bound, boundKey, "une valeur attendue (date, nombre ou paramètre \"{nom}\")");
                    else
                        CheckFilterValue(*out, *field, *bound, boundKey);
                }
            } else {
                Report(*value, key, "table vide : écrivez { from = …, to = … } ou { not = … }");
            }
        } else if (ScalarText(*value, text)) {
            CheckFilterValue(text, *field, *value, key);
            filter.values.push_back(text);
        } else {
            Report(*value, key, "valeur de filtre illisible");
            continue;
        }
        filters.push_back(std::move(filter));
    }
    return filters;
}

void Parser::CheckPlaceholders(const std::string& text, const TomlValue& at, const std::string& key)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '}') {
            if (i + 1 < text.size() && text[i + 1] == '}')
                ++i;
            else {
                Report(at, key, "accolade fermante « } » sans ouvrante (écrivez }} pour une accolade)");
                return;
            }
            continue;
        }
        if (text[i] != '{')
            continue;
        if (i + 1 < text.size() && text[i + 1] == '{') {
            ++i;
            continue;
        }
        const std::size_t close = text.find('}', i);
        if (close == std::string::npos) {
            Report(at, key, "accolade « { » sans fermante (écrivez {{ pour une accolade)");
            return;
        }
        CheckPlaceholder(text.substr(i + 1, close - i - 1), at, key);
        i = close;
    }
}

void Parser::CheckPlaceholder(const std::string& inner, const TomlValue& at, const std::string& key)
{
    const std::size_t colon = inner.find(':');
    if (colon != std::string::npos) {
        const std::string function = inner.substr(0, colon), argument = inner.substr(colon + 1);
        if (function != "count" && function != "sum" && function != "distinct") {
            Report(at, key,
                   WithSuggestion("fonction inconnue « " + function + " » dans {" + inner + "} (count, sum, distinct)",
                                  function, {"count", "sum", "distinct"}));
            return;
        }
        const std::size_t dot = argument.find('.');
        const std::string datasetName = argument.substr(0, dot);
        const DatasetInfo* dataset = FindDataset(datasetName);
        if (!dataset) {
            std::vector<std::string> names;
            for (const auto& d : Datasets())
                names.push_back(d.name);
            Report(at, key,
                   WithSuggestion("jeu de données inconnu « " + datasetName + " » dans {" + inner + "}", datasetName,
                                  names));
            return;
        }
        if (function == "count") {
            if (dot != std::string::npos)
                Report(at, key,
                       "{count:" + argument + "} : count prend un jeu de données seul, ex. {count:contributions}");
            return;
        }
        if (dot == std::string::npos) {
            Report(at, key, "{" + inner + "} : précisez le champ, ex. {" + function + ":meetings.attendance}");
            return;
        }
        const std::string fieldName = argument.substr(dot + 1);
        const FieldInfo* field = dataset->FindField(fieldName);
        if (!field) {
            std::vector<std::string> names;
            for (const auto& f : dataset->fields)
                names.push_back(f.name);
            Report(at, key,
                   WithSuggestion("champ inconnu « " + fieldName + " » dans le jeu de données « " + datasetName + " »",
                                  fieldName, names));
        } else if (function == "sum" && field->type != FieldType::Integer && field->type != FieldType::Decimal) {
            Report(at, key, "{" + inner + "} : sum ne s'applique qu'à un champ numérique");
        }
        return;
    }
    const std::size_t dot = inner.find('.');
    const std::string name = inner.substr(0, dot);
    if (dot == std::string::npos && name == "today")
        return;
    const ScopeEntry* entry = FindInScope(name);
    if (!entry) {
        std::vector<std::string> names = ScopeNames();
        names.push_back("today");
        Report(at, key, WithSuggestion("paramètre inconnu « " + name + " » dans {" + inner + "}", name, names));
        return;
    }
    if (dot == std::string::npos)
        return;
    const std::string fieldName = inner.substr(dot + 1);
    if (entry->dataset == "consultation") {
        static const std::vector<std::string> kFields = {"title", "description", "starts_on", "ends_on"};
        if (std::find(kFields.begin(), kFields.end(), fieldName) == kFields.end())
            Report(at, key,
                   WithSuggestion("champ inconnu « " + fieldName +
                                      " » de la consultation (title, description, starts_on, ends_on)",
                                  fieldName, kFields));
        return;
    }
    const DatasetInfo* dataset = entry->dataset.empty() ? nullptr : FindDataset(entry->dataset);
    if (!dataset) {
        Report(at, key, "{" + inner + "} : le paramètre « " + name + " » n'a pas de champs");
        return;
    }
    if (!dataset->FindField(fieldName)) {
        std::vector<std::string> names;
        for (const auto& f : dataset->fields)
            names.push_back(f.name);
        Report(at, key,
               WithSuggestion("champ inconnu « " + fieldName + " » pour « " + name + " » (jeu de données « " +
                                  dataset->name + " »)",
                              fieldName, names));
    }
}

} // namespace concerto::report::detail
