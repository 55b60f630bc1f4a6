// Import kinds, native fields, column mappings (native, presets, saved text form) and their
// binding to a file's header (core/import_spec.h). Values are converted in import_values.cpp,
// rows in import_records.cpp.

#include "core/import_spec.h"

#include "core/import_util.h"
#include "core/text.h"

#include <algorithm>

namespace concerto {

namespace {

const std::vector<std::string> kCommitmentFields = {"ref", "theme", "title", "description", "status"};
const std::vector<std::string> kMeetingFields = {"ref",   "channel",       "title",     "date",
                                                 "place", "neighbourhood", "attendance"};
const std::vector<std::string> kContributionFields = {"external_id",   "received_at", "channel", "meeting",
                                                      "neighbourhood", "card",        "profile", "title",
                                                      "text",          "tags",        "labels",  "quote"};

// Field names are compared a dozen times per row: short names compare faster in a loop than
// through memcmp (imports of a million rows make this measurable).
inline bool SameField(const std::string& a, const std::string& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i])
            return false;
    return true;
}

bool IsNativeField(ImportKind kind, const std::string& field)
{
    const auto& fields = NativeFields(kind);
    return std::find(fields.begin(), fields.end(), field) != fields.end();
}

ValidationError MappingError(const std::string& name, std::size_t line, const std::string& message)
{
    std::string place = name.empty() ? std::string("Correspondance") : "Correspondance " + QuoteFrench(name);
    return ValidationError(place + ", ligne " + std::to_string(line) + "\u00A0: " + message);
}

// One item of a saved mapping's right-hand side: `"constant"`, `html:Column` or `Column`.
void ParseSourceItem(const std::string& item, FieldSource& source, const std::string& name, std::size_t line)
{
    if (item.empty())
        throw MappingError(name, line, "élément vide entre deux « | ».");
    if (item.front() == '"') {
        if (item.size() < 2 || item.back() != '"')
            throw MappingError(name, line, "guillemet non refermé dans " + QuoteFrench(item) + ".");
        if (!source.constant.empty())
            throw MappingError(name, line, "une seule valeur constante par champ.");
        source.constant = item.substr(1, item.size() - 2);
        if (source.constant.empty())
            throw MappingError(name, line, "valeur constante vide.");
        return;
    }
    std::string column = item;
    if (column.compare(0, 5, "html:") == 0) {
        source.transform = FieldSource::Transform::HtmlToText;
        column = import::Trim(column.substr(5));
    }
    if (column.empty())
        throw MappingError(name, line, "nom de colonne manquant après « html: ».");
    source.columns.push_back(column);
}

// Splits a saved mapping's right-hand side on the '|' outside quotes.
std::vector<std::string> SplitSources(const std::string& text)
{
    std::vector<std::string> items;
    std::string current;
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        if (c == '|' && !quoted) {
            items.push_back(import::Trim(current));
            current.clear();
        } else {
            current += c;
        }
    }
    items.push_back(import::Trim(current));
    return items;
}

// Where `pattern` ("title", or a wildcard "title/*") is in `keys` (the header's HeaderKey forms),
// best first: one position for a plain name, every locale column for a wildcard, "fr" first,
// then the other French variants ("fr-CA"), then the file's order.
std::vector<std::size_t> FindColumns(const std::string& pattern, const std::vector<std::string>& keys)
{
    const std::string key = import::HeaderKey(pattern);
    std::vector<std::size_t> found;
    if (key.size() < 2 || key.compare(key.size() - 2, 2, "/*") != 0) {
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i] == key) {
                found.push_back(i);
                break;
            }
        return found;
    }
    const std::string prefix = key.substr(0, key.size() - 1);
    std::vector<std::pair<int, std::size_t>> ranked;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i].size() <= prefix.size() || keys[i].compare(0, prefix.size(), prefix) != 0)
            continue;
        const std::string locale = keys[i].substr(prefix.size());
        if (locale.find('/') != std::string::npos)
            continue;
        const int rank = locale == "fr" ? 0 : locale.compare(0, 2, "fr") == 0 ? 1 : 2;
        ranked.emplace_back(rank, i);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& entry : ranked)
        found.push_back(entry.second);
    return found;
}

std::vector<std::string> HeaderKeys(const std::vector<std::string>& header)
{
    std::vector<std::string> keys;
    keys.reserve(header.size());
    for (const auto& name : header)
        keys.push_back(import::HeaderKey(name));
    return keys;
}

// Two header cells with the name `field` reads: which one is meant cannot be guessed.
ValidationError DuplicateColumn(const TabularReader& reader, const std::vector<std::string>& keys, std::size_t column,
                                const std::string& field)
{
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i] == keys[column])
            labels.push_back(reader.ColumnLabel(i + 1));
    std::string columns;
    for (std::size_t i = 0; i < labels.size(); ++i)
        columns += (i == 0 ? "" : i + 1 == labels.size() ? " et " : ", ") + labels[i];
    return reader.ErrorAt(0, 0,
                          "les colonnes " + columns + " s’appellent toutes " + QuoteFrench(reader.Header()[column]) +
                              "\u202f; renommez-les pour que le champ " + QuoteFrench(field) + " sache laquelle lire.");
}

ColumnMapping DecidimPreset()
{
    ColumnMapping m;
    m.name = "decidim";
    m.kind = ImportKind::Contributions;
    m.fields.push_back({"external_id", FieldSource{{"id"}, {}, FieldSource::Transform::None}});
    m.fields.push_back({"received_at", FieldSource{{"published_at"}, {}, FieldSource::Transform::None}});
    m.fields.push_back({"channel", FieldSource{{}, "plateforme", FieldSource::Transform::None}});
    m.fields.push_back({"neighbourhood", FieldSource{{"scope/name/*"}, {}, FieldSource::Transform::None}});
    m.fields.push_back({"title", FieldSource{{"title/*", "title"}, {}, FieldSource::Transform::None}});
    m.fields.push_back({"text", FieldSource{{"body/*", "body"}, {}, FieldSource::Transform::HtmlToText}});
    m.fields.push_back(
        {"labels",
         FieldSource{{"category/name/*", "taxonomies/name/*", "taxonomies/name"}, {}, FieldSource::Transform::None}});
    return m;
}

} // namespace

const char* ToCode(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Contributions:
        return "contributions";
    case ImportKind::Commitments:
        return "commitments";
    case ImportKind::Meetings:
        return "meetings";
    }
    return "contributions";
}

bool FromCode(const std::string& code, ImportKind& out)
{
    static const std::pair<const char*, ImportKind> names[] = {
        {"contributions", ImportKind::Contributions}, {"contribution", ImportKind::Contributions},
        {"commitments", ImportKind::Commitments},     {"commitment", ImportKind::Commitments},
        {"engagements", ImportKind::Commitments},     {"engagement", ImportKind::Commitments},
        {"meetings", ImportKind::Meetings},           {"meeting", ImportKind::Meetings},
        {"rencontres", ImportKind::Meetings},         {"rencontre", ImportKind::Meetings},
    };
    const std::string key = import::HeaderKey(code);
    for (const auto& [name, kind] : names)
        if (key == name) {
            out = kind;
            return true;
        }
    return false;
}

const char* FrenchName(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Contributions:
        return "contributions";
    case ImportKind::Commitments:
        return "engagements";
    case ImportKind::Meetings:
        return "rencontres";
    }
    return "contributions";
}

const std::vector<std::string>& NativeFields(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Commitments:
        return kCommitmentFields;
    case ImportKind::Meetings:
        return kMeetingFields;
    case ImportKind::Contributions:
        break;
    }
    return kContributionFields;
}

const std::vector<std::string>& RequiredFields(ImportKind kind)
{
    static const std::vector<std::string> commitments = {"ref", "theme", "title"};
    static const std::vector<std::string> meetings = {"ref", "channel", "title", "date"};
    static const std::vector<std::string> contributions = {"received_at", "channel", "text"};
    switch (kind) {
    case ImportKind::Commitments:
        return commitments;
    case ImportKind::Meetings:
        return meetings;
    case ImportKind::Contributions:
        break;
    }
    return contributions;
}

const FieldSource* ColumnMapping::Find(const std::string& field) const
{
    for (const auto& entry : fields)
        if (SameField(entry.first, field))
            return &entry.second;
    return nullptr;
}

std::string ColumnMapping::Serialize() const
{
    // Native field order, so that two saves of the same mapping give the same text.
    std::string text;
    for (const auto& field : NativeFields(kind)) {
        const FieldSource* source = Find(field);
        if (source == nullptr || (source->columns.empty() && source->constant.empty()))
            continue; // nothing to read: the same as leaving the field out
        std::string line = field + " =";
        const char* separator = " ";
        for (const auto& column : source->columns) {
            line += separator;
            if (source->transform == FieldSource::Transform::HtmlToText)
                line += "html:";
            line += column;
            separator = " | ";
        }
        if (!source->constant.empty())
            line += separator + ("\"" + source->constant + "\"");
        text += line + "\n";
    }
    return text;
}

ColumnMapping ColumnMapping::Parse(const std::string& name, ImportKind kind, const std::string& text)
{
    ColumnMapping mapping;
    mapping.name = name;
    mapping.kind = kind;
    std::size_t start = 0, lineNumber = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string line = import::Trim(text.substr(start, end - start));
        start = end + 1;
        ++lineNumber;
        if (line.empty() || line[0] == '#')
            continue;
        const std::size_t equals = line.find('=');
        if (equals == std::string::npos)
            throw MappingError(name, lineNumber, "« champ = colonne » attendu, lu " + QuoteFrench(line) + ".");
        const std::string field = Fold(import::Trim(line.substr(0, equals)));
        if (!IsNativeField(kind, field))
            throw MappingError(name, lineNumber,
                               "champ inconnu " + QuoteFrench(field) + " pour les " + FrenchName(kind) + ".");
        if (mapping.Find(field) != nullptr)
            throw MappingError(name, lineNumber, "le champ " + QuoteFrench(field) + " est déjà défini.");
        const std::string sources = import::Trim(line.substr(equals + 1));
        if (sources.empty())
            throw MappingError(name, lineNumber, "aucune colonne ni valeur pour " + QuoteFrench(field) + ".");
        FieldSource source;
        for (const auto& item : SplitSources(sources))
            ParseSourceItem(item, source, name, lineNumber);
        mapping.fields.emplace_back(field, std::move(source));
    }
    return mapping;
}

ColumnMapping NativeMapping(ImportKind kind)
{
    ColumnMapping mapping;
    mapping.kind = kind;
    for (const auto& field : NativeFields(kind))
        mapping.fields.push_back({field, FieldSource{{field}, {}, FieldSource::Transform::None}});
    return mapping;
}

std::optional<ColumnMapping> FindPreset(const std::string& name, ImportKind kind)
{
    if (kind == ImportKind::Contributions && import::HeaderKey(name) == "decidim")
        return DecidimPreset();
    return std::nullopt;
}

std::vector<std::string> PresetNames(ImportKind kind)
{
    if (kind == ImportKind::Contributions)
        return {"decidim"};
    return {};
}

std::optional<ColumnMapping> DetectPreset(const std::vector<std::string>& header, ImportKind kind)
{
    // What only a Decidim proposals export has together: its id, localized titles and bodies,
    // and the publication date.
    static const char* const decidimColumns[] = {"id", "title/*", "body/*", "published_at"};
    const auto keys = HeaderKeys(header);
    for (const auto& name : PresetNames(kind)) {
        if (name != "decidim")
            continue;
        bool all = true;
        for (const char* column : decidimColumns)
            all = all && !FindColumns(column, keys).empty();
        if (all)
            return FindPreset(name, kind);
    }
    return std::nullopt;
}

BoundMapping::BoundMapping(const ColumnMapping& mapping, const TabularReader& reader) : m_mapping(mapping)
{
    const auto& header = reader.Header();
    const auto keys = HeaderKeys(header);
    for (const auto& [field, source] : m_mapping.fields) {
        std::vector<std::size_t> found;
        for (const auto& name : source.columns) {
            found = FindColumns(name, keys);
            if (!found.empty())
                break;
        }
        // A locale wildcard keeps every locale column, best first: a row written in English
        // only still has its text (Value() takes the first non-empty one).
        for (std::size_t column : found) {
            if (std::count(keys.begin(), keys.end(), keys[column]) > 1)
                throw DuplicateColumn(reader, keys, column, field);
            m_columns.emplace_back(field, column);
        }
        if (found.empty())
            m_columns.emplace_back(field, std::nullopt);
    }
    std::vector<std::string> missing;
    for (const auto& field : RequiredFields(m_mapping.kind)) {
        if (Provides(field))
            continue;
        // « text » alone for the native format; « text » (colonne « body/* » ou « body ») otherwise.
        const FieldSource* source = m_mapping.Find(field);
        std::string names;
        if (source != nullptr && !(source->columns.size() == 1 && source->columns[0] == field))
            for (const auto& column : source->columns)
                names += (names.empty() ? "" : " ou ") + QuoteFrench(column);
        missing.push_back(QuoteFrench(field) + (names.empty() ? "" : " (colonne " + names + ")"));
    }
    if (missing.empty())
        return;
    std::string list;
    for (std::size_t i = 0; i < missing.size(); ++i)
        list += (i == 0 ? "" : i + 1 == missing.size() ? " et " : ", ") + missing[i];
    std::string found;
    for (const auto& name : header)
        found += (found.empty() ? "" : ", ") + QuoteFrench(name);
    std::string hint;
    if (m_mapping.name.empty())
        if (const auto preset = DetectPreset(header, m_mapping.kind))
            hint = " Ce fichier ressemble à un export " + QuoteFrench(preset->name) +
                   "\u202f: choisissez ce préréglage plutôt que le format natif.";
    throw reader.ErrorAt(0, 0,
                         std::string(missing.size() == 1 ? "il manque la colonne obligatoire "
                                                         : "il manque les colonnes obligatoires ") +
                             list + " pour importer des " + FrenchName(m_mapping.kind) +
                             ". En-tête lu\u00A0: " + found + "." + hint);
}

std::optional<std::size_t> BoundMapping::Column(const std::string& field) const
{
    for (const auto& [name, column] : m_columns)
        if (SameField(name, field))
            return column;
    return std::nullopt;
}

bool BoundMapping::Provides(const std::string& field) const
{
    if (Column(field))
        return true;
    const FieldSource* source = m_mapping.Find(field);
    return source != nullptr && !source->constant.empty();
}

std::string BoundMapping::Value(const std::string& field, const std::vector<std::string>& cells) const
{
    const FieldSource* source = nullptr;
    for (const auto& [name, column] : m_columns) {
        if (!column || *column >= cells.size() || !SameField(name, field))
            continue;
        if (source == nullptr)
            source = m_mapping.Find(field);
        const std::string& cell = cells[*column];
        if (source != nullptr && source->transform == FieldSource::Transform::HtmlToText) {
            std::string text = HtmlToText(cell);
            if (!text.empty())
                return text;
        } else if (cell.find_first_not_of(" \t\r\n") != std::string::npos) {
            return cell;
        }
    }
    if (source == nullptr)
        source = m_mapping.Find(field);
    return source != nullptr ? source->constant : std::string();
}

} // namespace concerto
