#include "reports/definition.h"

#include "core/text.h"
#include "db/report_queries.h"
#include "reports/definition_parser.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace concerto::report {

namespace {

struct TypeName {
    ParameterType type;
    const char* name;
    const char* dimension;
};
const TypeName kTypes[] = {
    {ParameterType::Consultation, "consultation", "consultation"},
    {ParameterType::Date, "date", ""},
    {ParameterType::Text, "text", ""},
    {ParameterType::Integer, "integer", ""},
    {ParameterType::Boolean, "boolean", ""},
    {ParameterType::Choice, "choice", ""},
    {ParameterType::Neighbourhood, "neighbourhood", "neighbourhood"},
    {ParameterType::Neighbourhoods, "neighbourhoods", "neighbourhood"},
    {ParameterType::Channel, "channel", "channel"},
    {ParameterType::Channels, "channels", "channel"},
    {ParameterType::Theme, "theme", "theme"},
    {ParameterType::Themes, "themes", "theme"},
    {ParameterType::Commitment, "commitment", "commitment"},
    {ParameterType::Meeting, "meeting", "meeting"},
    {ParameterType::Status, "status", "status"},
};

std::string BaseName(const std::string& path)
{
    std::string name = path.substr(path.find_last_of("/\\") == std::string::npos ? 0 : path.find_last_of("/\\") + 1);
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".toml") == 0)
        name.resize(name.size() - 5);
    return name;
}

// The deepest bracket nesting outside strings: toml11 recurses once per level, so absurd
// nesting is refused before it can exhaust the stack.
int NestingDepth(const std::string& text)
{
    int depth = 0, deepest = 0;
    char quote = 0;
    bool comment = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (comment) {
            comment = c != '\n';
        } else if (quote) {
            if (c == '\\' && quote == '"')
                ++i;
            else if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#') {
            comment = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if (c == ']' || c == '}') {
            depth = std::max(0, depth - 1);
        }
    }
    return deepest;
}

// toml11's message, first line, without its "[error] toml::function: " prefix; a few in French.
std::string SyntaxMessage(const std::string& what)
{
    std::string first = what.substr(0, what.find('\n'));
    if (first.rfind("[error] ", 0) == 0)
        first = first.substr(8);
    if (first.rfind("toml::", 0) == 0 && first.find(": ") != std::string::npos)
        first = first.substr(first.find(": ") + 2);
    const std::size_t exists = first.find("already exists");
    if (exists != std::string::npos) {
        const std::size_t open = first.find("(\""), close = first.find("\")");
        if (open != std::string::npos && close != std::string::npos && close > open)
            return "clé « " + first.substr(open + 2, close - open - 2) + " » définie deux fois";
        return "clé ou table définie deux fois";
    }
    return "syntaxe TOML invalide (" + first + ")";
}

} // namespace

const char* ToName(ParameterType type)
{
    for (const auto& t : kTypes)
        if (t.type == type)
            return t.name;
    return "text";
}

bool FromName(const std::string& name, ParameterType& out)
{
    for (const auto& t : kTypes)
        if (name == t.name) {
            out = t.type;
            return true;
        }
    return false;
}

bool IsMultiple(ParameterType type)
{
    return type == ParameterType::Neighbourhoods || type == ParameterType::Channels || type == ParameterType::Themes;
}

std::string DimensionOf(ParameterType type)
{
    for (const auto& t : kTypes)
        if (t.type == type)
            return t.dimension;
    return {};
}

const Parameter* Definition::FindParameter(const std::string& parameterName) const
{
    for (const auto& parameter : parameters)
        if (parameter.name == parameterName)
            return &parameter;
    return nullptr;
}

bool Definition::Allows(const std::string& format) const
{
    return std::find(formats.begin(), formats.end(), format) != formats.end();
}

std::string Diagnostic::ToString() const
{
    std::string text = file;
    if (line > 0)
        text += ":" + std::to_string(line);
    text += ": ";
    if (!key.empty())
        text += key + ": ";
    return text + message;
}

ParseResult ParseDefinition(const std::string& text, const std::string& fileName)
{
    ParseResult result;
    const std::string file = fileName.empty() ? "définition" : fileName;
    auto fail = [&](int line, const std::string& message) {
        result.diagnostics.push_back({file, line, 0, "", message});
        return result;
    };
    try {
        if (text.size() > 4 * 1024 * 1024)
            return fail(0, "fichier trop long pour une définition de rapport (plus de 4 Mo)");
        if (NestingDepth(text) > 32)
            return fail(0, "crochets ou accolades imbriqués sur plus de 32 niveaux");
        detail::TomlValue root;
        try {
            std::istringstream in(text);
            root = toml::parse(in, file);
        } catch (const toml::exception& error) {
            return fail(static_cast<int>(error.location().line()), SyntaxMessage(error.what()));
        }
        Definition def;
        def.name = BaseName(file);
        def.fileName = file;
        detail::Parser parser(file, result.diagnostics);
        parser.ReadDefinition(root, def);
        std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                         [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
        if (result.diagnostics.empty())
            result.definition = std::move(def);
    } catch (const std::exception& error) {
        // Nothing above should throw; if it ever does, the user still gets a sentence, not a crash.
        result.definition.reset();
        result.diagnostics.push_back({file, 0, 0, "", std::string("définition illisible : ") + error.what()});
    } catch (...) {
        result.definition.reset();
        result.diagnostics.push_back({file, 0, 0, "", "définition illisible"});
    }
    return result;
}

ParseResult LoadDefinition(const std::string& nameOrFile)
{
    const bool isPath = nameOrFile.find('/') != std::string::npos || nameOrFile.find('\\') != std::string::npos ||
                        (nameOrFile.size() > 5 && nameOrFile.compare(nameOrFile.size() - 5, 5, ".toml") == 0);
    if (!isPath) {
        for (const auto& shipped : ShippedDefinitions())
            if (shipped.name == nameOrFile) {
                ParseResult result = ParseDefinition(shipped.text, shipped.name + ".toml");
                if (result.definition)
                    result.definition->name = shipped.name;
                return result;
            }
    }
    std::ifstream in(nameOrFile, std::ios::binary);
    if (!in) {
        std::string names;
        for (const auto& shipped : ShippedDefinitions())
            names += (names.empty() ? "" : ", ") + shipped.name;
        ParseResult result;
        result.diagnostics.push_back(
            {nameOrFile, 0, 0, "",
             isPath ? "fichier introuvable ou illisible"
                    : "aucune définition livrée ne porte ce nom et aucun fichier n'existe à ce chemin (définitions "
                      "livrées : " +
                          names + ")"});
        return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return ParseDefinition(text.str(), nameOrFile);
}

namespace detail {

bool IsIdentifier(const std::string& name)
{
    if (name.empty() || name.size() > 64 || !(name[0] >= 'a' && name[0] <= 'z'))
        return false;
    for (const char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    return true;
}

std::string ParameterReference(const std::string& value)
{
    if (value.size() < 3 || value.front() != '{' || value.back() != '}')
        return {};
    const std::string inner = value.substr(1, value.size() - 2);
    return IsIdentifier(inner) ? inner : std::string();
}

void Parser::Report(int line, int column, const std::string& key, const std::string& message)
{
    if (m_diagnostics.size() < 200)
        m_diagnostics.push_back({m_file, line, column, key, message});
}

void Parser::Report(const TomlValue& at, const std::string& key, const std::string& message)
{
    const auto location = at.location();
    Report(static_cast<int>(location.line()), static_cast<int>(location.column()), key, message);
}

const TomlValue* Parser::Find(const TomlValue& table, const char* key)
{
    if (!table.is_table())
        return nullptr;
    const auto& map = table.as_table();
    const auto found = map.find(key);
    return found == map.end() ? nullptr : &found->second;
}

bool Parser::ScalarText(const TomlValue& value, std::string& out)
{
    switch (value.type()) {
    case toml::value_t::string:
        out = value.as_string().str;
        return true;
    case toml::value_t::integer:
        out = std::to_string(value.as_integer());
        return true;
    case toml::value_t::floating: {
        std::ostringstream text;
        text << value.as_floating();
        out = text.str();
        return true;
    }
    case toml::value_t::boolean:
        out = value.as_boolean() ? "true" : "false";
        return true;
    case toml::value_t::local_date: {
        const auto& d = value.as_local_date();
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(d.year) % 10000,
                      static_cast<int>(d.month) + 1, static_cast<int>(d.day) % 100);
        out = buffer;
        return true;
    }
    default:
        return false;
    }
}

bool Parser::ReadString(const TomlValue& table, const char* key, const std::string& path, std::string& out,
                        bool required)
{
    const TomlValue* value = Find(table, key);
    const std::string where = path.empty() ? key : path + "." + key;
    if (!value) {
        if (required)
            Report(table, where, "clé obligatoire manquante");
        return !required;
    }
    if (!value->is_string()) {
        Report(*value, where, "doit être un texte entre guillemets");
        return false;
    }
    out = value->as_string().str;
    return true;
}

bool Parser::ReadBool(const TomlValue& table, const char* key, const std::string& path, bool& out)
{
    const TomlValue* value = Find(table, key);
    if (!value)
        return true;
    if (!value->is_boolean()) {
        Report(*value, path.empty() ? key : path + "." + key, "doit valoir true ou false (sans guillemets)");
        return false;
    }
    out = value->as_boolean();
    return true;
}

bool Parser::ReadInt(const TomlValue& table, const char* key, const std::string& path, long long& out, long long min,
                     long long max)
{
    const TomlValue* value = Find(table, key);
    if (!value)
        return true;
    const std::string where = path.empty() ? key : path + "." + key;
    if (!value->is_integer()) {
        Report(*value, where, "doit être un nombre entier (sans guillemets)");
        return false;
    }
    const long long n = value->as_integer();
    if (n < min || n > max) {
        Report(*value, where, "doit être compris entre " + std::to_string(min) + " et " + std::to_string(max));
        return false;
    }
    out = n;
    return true;
}

bool Parser::ReadNumber(const TomlValue& table, const char* key, const std::string& path, double& out, double min,
                        double max)
{
    const TomlValue* value = Find(table, key);
    if (!value)
        return true;
    const std::string where = path.empty() ? key : path + "." + key;
    double n = 0;
    if (value->is_integer())
        n = static_cast<double>(value->as_integer());
    else if (value->is_floating())
        n = value->as_floating();
    else {
        Report(*value, where, "doit être un nombre (sans guillemets)");
        return false;
    }
    if (!(n >= min && n <= max)) {
        std::ostringstream range;
        range << "doit être compris entre " << min << " et " << max;
        Report(*value, where, range.str());
        return false;
    }
    out = n;
    return true;
}

bool Parser::ReadStringList(const TomlValue& table, const char* key, const std::string& path,
                            std::vector<std::string>& out)
{
    const TomlValue* value = Find(table, key);
    if (!value)
        return true;
    const std::string where = path.empty() ? key : path + "." + key;
    if (value->is_string()) {
        out = {value->as_string().str};
        return true;
    }
    if (!value->is_array()) {
        Report(*value, where, "doit être une liste de textes, ex. [\"a\", \"b\"]");
        return false;
    }
    std::vector<std::string> items;
    for (const auto& item : value->as_array()) {
        if (!item.is_string()) {
            Report(item, where, "doit être une liste de textes, ex. [\"a\", \"b\"]");
            return false;
        }
        items.push_back(item.as_string().str);
    }
    out = std::move(items);
    return true;
}

void Parser::CheckKeys(const TomlValue& table, const std::string& path, const std::vector<std::string>& allowed)
{
    if (!table.is_table())
        return;
    // Sorted by position, so the diagnostics come in reading order.
    std::vector<std::pair<std::string, const TomlValue*>> keys;
    for (const auto& [key, value] : table.as_table())
        keys.emplace_back(key, &value);
    std::sort(keys.begin(), keys.end(),
              [](const auto& a, const auto& b) { return a.second->location().line() < b.second->location().line(); });
    for (const auto& [key, value] : keys) {
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end())
            continue;
        std::string message = "clé inconnue « " + key + " »";
        const std::string close = ClosestName(key, allowed);
        if (!close.empty())
            message += " (vouliez-vous dire « " + close + " » ?)";
        else
            message += " (clés possibles ici : " + [&] {
                std::string list;
                for (const auto& a : allowed)
                    list += (list.empty() ? "" : ", ") + a;
                return list;
            }() + ")";
        Report(*value, path.empty() ? key : path + "." + key, message);
    }
}

const ScopeEntry* Parser::FindInScope(const std::string& name) const
{
    for (auto it = m_scope.rbegin(); it != m_scope.rend(); ++it)
        if (it->name == name)
            return &*it;
    return nullptr;
}

std::vector<std::string> Parser::ScopeNames() const
{
    std::vector<std::string> names;
    for (const auto& entry : m_scope)
        names.push_back(entry.name);
    return names;
}

void Parser::ReadDefinition(const TomlValue& root, Definition& def)
{
    if (!root.is_table()) {
        Report(0, 0, "", "une définition est une table TOML");
        return;
    }
    CheckKeys(root, "",
              {"title", "subtitle", "description", "author", "organisation", "logo", "formats", "page", "styles",
               "parameters", "filters", "sections"});
    ReadTop(root, def);
    ReadPage(root, def);
    ReadStyles(root, def);
    ReadParameters(root, def);
    for (const auto& parameter : def.parameters) {
        const std::string dimension = DimensionOf(parameter.type);
        std::string dataset;
        if (parameter.type == ParameterType::Consultation)
            dataset = "consultation";
        for (const auto& source : RepeatSources())
            if (!dimension.empty() && source.dimension == dimension && !IsMultiple(parameter.type))
                dataset = source.dataset;
        m_scope.push_back({parameter.name, parameter.type, dimension, dataset});
    }
    if (const TomlValue* filters = Find(root, "filters"))
        def.filters = ReadFilters(*filters, "filters", "");
    for (const char* key : {"title", "subtitle", "organisation"})
        if (const TomlValue* value = Find(root, key); value && value->is_string())
            CheckPlaceholders(value->as_string().str, *value, key);
    const TomlValue* sections = Find(root, "sections");
    if (!sections) {
        Report(root, "sections", "clé obligatoire manquante : ajoutez au moins une section [[sections]]");
        return;
    }
    if (!sections->is_array() || sections->as_array().empty()) {
        Report(*sections, "sections", "doit être une liste de sections [[sections]] (au moins une)");
        return;
    }
    def.sections = ReadSections(*sections, "sections", 0);
}

void Parser::ReadTop(const TomlValue& root, Definition& def)
{
    ReadString(root, "title", "", def.title, true);
    if (const TomlValue* title = Find(root, "title"); title && title->is_string() && def.title.empty())
        Report(*title, "title", "le titre ne peut pas être vide");
    ReadString(root, "subtitle", "", def.subtitle);
    ReadString(root, "description", "", def.description);
    ReadString(root, "author", "", def.author);
    ReadString(root, "organisation", "", def.organisation);
    ReadString(root, "logo", "", def.logo);
    if (const TomlValue* logo = Find(root, "logo"); logo && !def.logo.empty()) {
        std::string lower = def.logo;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        if (lower.size() < 4 || lower.compare(lower.size() - 4, 4, ".png") != 0)
            Report(*logo, "logo", "le logo doit être une image PNG (fichier .png)");
    }
    std::vector<std::string> formats;
    if (const TomlValue* value = Find(root, "formats"); value && ReadStringList(root, "formats", "", formats)) {
        if (formats.empty())
            Report(*value, "formats", "au moins un format : [\"pdf\", \"xlsx\"], [\"pdf\"] ou [\"xlsx\"]");
        for (const auto& format : formats)
            if (format != "pdf" && format != "xlsx")
                Report(*value, "formats", "format inconnu « " + format + " » (formats possibles : pdf, xlsx)");
        def.formats = formats;
    }
}

void Parser::ReadPage(const TomlValue& root, Definition& def)
{
    const TomlValue* page = Find(root, "page");
    if (!page)
        return;
    if (!page->is_table()) {
        Report(*page, "page", "doit être une table [page]");
        return;
    }
    CheckKeys(*page, "page", {"orientation", "margin", "margins"});
    std::string orientation;
    if (ReadString(*page, "orientation", "page", orientation) && !orientation.empty()) {
        if (orientation == "landscape" || orientation == "paysage")
            def.page.landscape = true;
        else if (orientation != "portrait")
            Report(*Find(*page, "orientation"), "page.orientation",
                   "orientation inconnue « " + orientation + " » (portrait ou landscape)");
    }
    double margin = -1;
    if (ReadNumber(*page, "margin", "page", margin, 5, 60) && margin >= 0)
        def.page.marginTopMm = def.page.marginBottomMm = def.page.marginLeftMm = def.page.marginRightMm = margin;
    if (const TomlValue* margins = Find(*page, "margins")) {
        if (!margins->is_table()) {
            Report(*margins, "page.margins",
                   "doit être une table, ex. { top = 20, bottom = 20, left = 20, right = 20 }");
            return;
        }
        CheckKeys(*margins, "page.margins", {"top", "bottom", "left", "right"});
        ReadNumber(*margins, "top", "page.margins", def.page.marginTopMm, 5, 60);
        ReadNumber(*margins, "bottom", "page.margins", def.page.marginBottomMm, 5, 60);
        ReadNumber(*margins, "left", "page.margins", def.page.marginLeftMm, 5, 60);
        ReadNumber(*margins, "right", "page.margins", def.page.marginRightMm, 5, 60);
    }
}

void Parser::ReadStyles(const TomlValue& root, Definition& def)
{
    const TomlValue* styles = Find(root, "styles");
    if (!styles)
        return;
    if (!styles->is_table()) {
        Report(*styles, "styles", "doit être une table [styles]");
        return;
    }
    CheckKeys(*styles, "styles", {"font", "size", "accent", "header", "footer"});
    ReadString(*styles, "font", "styles", def.styles.font);
    ReadNumber(*styles, "size", "styles", def.styles.sizePt, 6, 16);
    if (ReadString(*styles, "accent", "styles", def.styles.accent)) {
        const std::string& a = def.styles.accent;
        const bool ok = a.size() == 7 && a[0] == '#' &&
                        std::all_of(a.begin() + 1, a.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
        if (!ok)
            Report(*Find(*styles, "accent"), "styles.accent",
                   "couleur attendue sous la forme \"#RRVVBB\", ex. \"#1F4E79\"");
    }
    ReadString(*styles, "header", "styles", def.styles.header);
    ReadString(*styles, "footer", "styles", def.styles.footer);
}

void Parser::ReadParameters(const TomlValue& root, Definition& def)
{
    const TomlValue* parameters = Find(root, "parameters");
    if (parameters && !parameters->is_table()) {
        Report(*parameters, "parameters", "doit être une table de paramètres : [parameters.NOM]");
        parameters = nullptr;
    }
    std::vector<std::pair<std::string, const TomlValue*>> entries;
    if (parameters)
        for (const auto& [name, value] : parameters->as_table())
            entries.emplace_back(name, &value);
    // In the order written: the form shows them so.
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        const auto la = a.second->location(), lb = b.second->location();
        return la.line() != lb.line() ? la.line() < lb.line() : la.column() < lb.column();
    });
    for (const auto& [name, value] : entries) {
        Parameter parameter;
        ReadParameter(name, *value, parameter);
        def.parameters.push_back(std::move(parameter));
    }
    const auto consultation = std::find_if(def.parameters.begin(), def.parameters.end(),
                                           [](const Parameter& p) { return p.name == "consultation"; });
    if (consultation == def.parameters.end()) {
        Parameter implicit;
        implicit.name = "consultation";
        implicit.label = "Consultation";
        implicit.description = "La consultation dont le rapport rend compte (par défaut la plus récente).";
        implicit.type = ParameterType::Consultation;
        implicit.defaultValue = "latest";
        implicit.implicit = true;
        def.parameters.insert(def.parameters.begin(), implicit);
    } else if (consultation != def.parameters.begin()) {
        std::rotate(def.parameters.begin(), consultation, consultation + 1);
    }
}

void Parser::ReadParameter(const std::string& name, const TomlValue& table, Parameter& parameter)
{
    const std::string path = "parameters." + name;
    parameter.name = name;
    parameter.label = name;
    parameter.pos = {static_cast<int>(table.location().line()), 0, path};
    if (!IsIdentifier(name))
        Report(table, path,
               "nom de paramètre invalide « " + name +
                   " » : lettres minuscules sans accent, chiffres et _, en commençant par une lettre");
    static const char* const kReserved[] = {"today", "count", "sum", "distinct", "page"};
    for (const char* reserved : kReserved)
        if (name == reserved)
            Report(table, path, "« " + name + " » est un nom réservé : choisissez-en un autre");
    if (!table.is_table()) {
        Report(table, path, "doit être une table : [parameters." + name + "] avec type = …");
        return;
    }
    CheckKeys(table, path, {"type", "label", "description", "default", "required", "choices"});
    std::string type;
    if (ReadString(table, "type", path, type, true) && Find(table, "type")) {
        if (!FromName(type, parameter.type)) {
            std::vector<std::string> names;
            for (const auto& t : kTypes)
                names.push_back(t.name);
            std::string message = "type de paramètre inconnu « " + type + " »";
            const std::string close = ClosestName(type, names);
            if (!close.empty())
                message += " (vouliez-vous dire « " + close + " » ?)";
            Report(*Find(table, "type"), path + ".type", message);
        }
    }
    ReadString(table, "label", path, parameter.label);
    ReadString(table, "description", path, parameter.description);
    ReadBool(table, "required", path, parameter.required);
    ReadStringList(table, "choices", path, parameter.choices);
    if (parameter.type == ParameterType::Choice && parameter.choices.empty())
        Report(table, path + ".choices", "un paramètre de type choice demande sa liste choices = [\"…\", \"…\"]");
    if (parameter.type != ParameterType::Choice && Find(table, "choices"))
        Report(*Find(table, "choices"), path + ".choices", "choices ne sert qu'aux paramètres de type choice");
    if (name == "consultation" && parameter.type != ParameterType::Consultation)
        Report(table, path + ".type", "le paramètre « consultation » doit être de type consultation");
    if (name != "consultation" && parameter.type == ParameterType::Consultation)
        Report(table, path, "un paramètre de type consultation doit s'appeler « consultation »");
    if (parameter.type == ParameterType::Consultation)
        parameter.defaultValue = "latest";
    if (const TomlValue* value = Find(table, "default")) {
        std::string text;
        if (value->is_array()) {
            for (const auto& item : value->as_array()) {
                std::string one;
                if (!item.is_string())
                    Report(item, path + ".default", "une liste par défaut ne contient que des textes");
                else
                    text += (text.empty() ? "" : ",") + item.as_string().str;
            }
            if (!IsMultiple(parameter.type))
                Report(*value, path + ".default",
                       "une liste n'est possible que pour les types à plusieurs valeurs "
                       "(neighbourhoods, channels, themes)");
        } else if (!ScalarText(*value, text)) {
            Report(*value, path + ".default",
                   "valeur par défaut illisible : un texte, un nombre, une date ou true/false");
        }
        parameter.defaultValue = text;
        CheckDefault(parameter, *value, path + ".default");
    }
}

void Parser::CheckDefault(const Parameter& parameter, const TomlValue& at, const std::string& key)
{
    const std::string& value = parameter.defaultValue;
    switch (parameter.type) {
    case ParameterType::Date:
        if (value != "today" && !value.empty() && !Date::Parse(value))
            Report(at, key, "date invalide « " + value + " » : AAAA-MM-JJ ou \"today\"");
        break;
    case ParameterType::Integer:
        if (value.empty() || value.find_first_not_of("-0123456789") != std::string::npos)
            Report(at, key, "nombre entier attendu");
        break;
    case ParameterType::Boolean:
        if (value != "true" && value != "false")
            Report(at, key, "true ou false attendu");
        break;
    case ParameterType::Choice:
        if (std::find(parameter.choices.begin(), parameter.choices.end(), value) == parameter.choices.end())
            Report(at, key, "« " + value + " » ne fait pas partie des choix (choices)");
        break;
    case ParameterType::Status: {
        bool known = value.empty();
        for (const auto& member : reportdb::EnumerationMembers("status"))
            known = known || Fold(member.code) == Fold(value) || Fold(member.label) == Fold(value);
        if (!known)
            Report(at, key, "statut inconnu « " + value + " » (done, in_progress, planned, dropped)");
        break;
    }
    default:
        break;
    }
}

} // namespace detail

} // namespace concerto::report
