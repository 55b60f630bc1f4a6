#include "app/report_catalog.h"

#include "db/repositories.h"

#include <algorithm>

namespace concerto {

namespace {

void Describe(ReportEntry& entry)
{
    const report::ParseResult parsed = report::ParseDefinition(entry.text, entry.FileName());
    if (parsed.definition) {
        entry.title = parsed.definition->title;
        entry.description = parsed.definition->description;
    }
    if (entry.title.empty())
        entry.title = entry.name;
}

bool ByName(const ReportEntry& a, const ReportEntry& b)
{
    return a.name < b.name;
}

} // namespace

std::vector<ReportEntry> ShippedEntries()
{
    std::vector<ReportEntry> entries;
    for (const report::ShippedDefinition& shipped : report::ShippedDefinitions()) {
        ReportEntry entry;
        entry.origin = ReportEntry::Origin::Shipped;
        entry.name = shipped.name;
        entry.text = shipped.text;
        Describe(entry);
        entries.push_back(std::move(entry));
    }
    std::sort(entries.begin(), entries.end(), ByName);
    return entries;
}

ReportEntry EntryFor(const ReportDefinition& stored)
{
    ReportEntry entry;
    entry.origin = ReportEntry::Origin::Stored;
    entry.name = stored.name;
    entry.text = stored.body;
    entry.stored = stored;
    Describe(entry);
    if (entry.title == entry.name && !stored.title.empty())
        entry.title = stored.title;
    return entry;
}

std::vector<ReportEntry> StoredEntries(Database& db)
{
    std::vector<ReportEntry> entries;
    for (const ReportDefinition& stored : ReportDefinitionRepository(db).List())
        entries.push_back(EntryFor(stored));
    std::sort(entries.begin(), entries.end(), ByName);
    return entries;
}

std::string RetitledDefinition(const std::string& text, const std::string& title)
{
    std::string escaped;
    for (const char c : title)
        escaped += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string line = text.substr(start, end - start);
        const std::size_t key = line.find_first_not_of(" \t");
        if (key != std::string::npos && line[key] == '[')
            break; // past the top-level keys
        if (key != std::string::npos && line.compare(key, 5, "title") == 0) {
            const std::size_t equals = line.find_first_not_of(" \t", key + 5);
            const std::size_t value = equals == std::string::npos ? equals : line.find_first_not_of(" \t", equals + 1);
            const bool multiline = value != std::string::npos &&
                                   (line.compare(value, 3, "\"\"\"") == 0 || line.compare(value, 3, "'''") == 0);
            if (multiline)
                return text; // a title over several lines: left for the user to change
            if (equals != std::string::npos && line[equals] == '=')
                return text.substr(0, start) + "title = \"" + escaped + "\"" + text.substr(end);
        }
        start = end + 1;
    }
    return text;
}

std::string BlankDefinitionText(const std::string& name)
{
    return "# Définition de rapport « " + name +
           " » : voir docs/report-definitions.md pour toutes les clés.\n"
           "title = \"Nouveau rapport\"\n"
           "subtitle = \"{consultation}\"\n"
           "description = \"À compléter : ce que ce rapport montre et pour qui.\"\n"
           "\n"
           "[[sections]]\n"
           "kind = \"cover\"\n"
           "\n"
           "[[sections]]\n"
           "kind = \"crosstable\"\n"
           "title = \"Contributions par quartier et par canal\"\n"
           "dataset = \"contributions\"\n"
           "rows = \"neighbourhood\"\n"
           "columns = \"channel\"\n";
}

} // namespace concerto
