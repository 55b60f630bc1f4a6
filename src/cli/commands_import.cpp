// concerto-cli import and export: contributions, commitments and meetings between a consultation
// and CSV/XLSX files in the native format (core/import_spec.h) or through a preset or a saved
// mapping. The work is db/import.h and db/export.h; this file parses arguments and prints.

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/connect.h"
#include "cli/console.h"
#include "core/errors.h"
#include "core/text.h"
#include "db/export.h"
#include "db/import.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>

namespace concerto::cli {

namespace {

/// Field changes a dry run prints at most (the report holds more for the wizard).
constexpr std::size_t kShownChanges = 200;
/// Rejections printed on stderr at most (the rejects file has them all).
constexpr std::size_t kShownRejections = 100;

ImportKind KindOption(const Arguments& arguments)
{
    ImportKind kind = ImportKind::Contributions;
    if (!FromCode(arguments.Required("kind"), kind))
        throw UsageError("--kind vaut contributions, commitments ou meetings, pas « " + arguments.Value("kind") + " »");
    return kind;
}

TextEncoding EncodingOption(const Arguments& arguments)
{
    const std::string text = Fold(arguments.Value("encoding", "auto"));
    if (text == "auto")
        return TextEncoding::Auto;
    if (text == "utf-8" || text == "utf8")
        return TextEncoding::Utf8;
    if (text == "windows-1252" || text == "cp1252" || text == "latin1" || text == "iso-8859-1")
        return TextEncoding::Windows1252;
    throw UsageError("--encoding vaut utf-8 ou windows-1252, pas « " + arguments.Value("encoding") + " »");
}

char DelimiterOption(const Arguments& arguments)
{
    const std::string text = arguments.Value("delimiter");
    if (text.empty())
        return 0;
    if (text == ";" || text == ",")
        return text[0];
    if (text == "\t" || Fold(text) == "tab" || Fold(text) == "tabulation")
        return '\t';
    throw UsageError("--delimiter vaut ';', ',' ou tab, pas « " + text + " »");
}

std::string Joined(const std::vector<std::string>& names)
{
    std::string joined;
    for (const auto& name : names)
        joined += (joined.empty() ? "" : ", ") + name;
    return joined.empty() ? "aucun" : joined;
}

/// The --preset asked for (checked before the database is opened: a typo is a usage error).
std::optional<ColumnMapping> PresetOption(const Arguments& arguments, ImportKind kind)
{
    if (arguments.Has("preset") && arguments.Has("mapping"))
        throw UsageError("--preset et --mapping s'excluent : choisissez l'un des deux");
    if (!arguments.Has("preset"))
        return std::nullopt;
    if (auto preset = FindPreset(arguments.Value("preset"), kind))
        return preset;
    throw UsageError("préréglage « " + arguments.Value("preset") + " » inconnu pour les " + FrenchName(kind) +
                     " (préréglages : " + Joined(PresetNames(kind)) + ")");
}

/// Without --preset or --mapping: the preset whose columns the file's header has (a Decidim export
/// imports as such without being told), said on stderr; nullopt for the native format.
std::optional<ColumnMapping> RecognisedPreset(const std::string& file, const TabularOptions& options, ImportKind kind)
{
    auto preset = DetectPreset(OpenTabular(file, options)->Header(), kind);
    if (preset)
        std::cerr << "En-tête reconnu : préréglage « " << preset->name << " » (--preset pour en imposer un autre).\n";
    return preset;
}

/// Presets and saved mappings of a kind, with their text form.
int ListMappings(const Arguments& arguments, ImportKind kind)
{
    std::cout << "Préréglages (" << FrenchName(kind) << ") : " << Joined(PresetNames(kind)) << "\n";
    if (!arguments.Has("db"))
        return 0;
    auto db = OpenDatabase(arguments.Value("db"));
    const auto saved = ListSavedMappings(*db, kind);
    std::cout << "Correspondances enregistrées : " << (saved.empty() ? "aucune" : std::to_string(saved.size()))
              << "\n";
    for (const auto& mapping : saved) {
        std::cout << "\n" << mapping.name << "\n";
        std::string text = mapping.Serialize();
        for (std::size_t start = 0; start < text.size();) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            std::cout << "  " << text.substr(start, end - start) << "\n";
            start = end + 1;
        }
    }
    return 0;
}

void PrintRejections(const ImportReport& report, const std::string& file)
{
    const std::string name = std::filesystem::path(file).filename().string();
    std::size_t shown = 0;
    for (const auto& rejection : report.rejections) {
        if (shown++ == kShownRejections)
            break;
        std::cerr << name << ":" << rejection.line << ": " << rejection.message << "\n";
    }
    if (report.rejected > shown)
        std::cerr << "… et " << report.rejected - std::min<std::uint64_t>(shown, report.rejected)
                  << " autres lignes refusées.\n";
}

void PrintChanges(const ImportReport& report)
{
    if (report.changes.empty())
        return;
    std::cout << "Modifications" << (report.dryRun ? " prévues" : "") << " :\n";
    std::size_t shown = 0;
    for (const auto& change : report.changes) {
        if (shown++ == kShownChanges) {
            std::cout << "  (liste limitée aux " << kShownChanges << " premières modifications)\n";
            break;
        }
        std::cout << "  ligne " << change.line << ", " << change.key << ", " << change.field << " : « "
                  << change.before << " » → « " << change.after << " »\n";
    }
}

} // namespace

int RunImport(const std::vector<std::string>& args)
{
    const Arguments arguments(args,
                              {"db", "kind", "file", "preset", "mapping", "consultation", "skip-invalid", "encoding",
                               "delimiter", "sheet"},
                              {"dry-run", "create-missing", "list-mappings"});
    const ImportKind kind = KindOption(arguments);
    if (arguments.Has("list-mappings"))
        return ListMappings(arguments, kind);
    const std::string file = arguments.Required("file");
    ImportOptions options;
    options.kind = kind;
    options.mapping = PresetOption(arguments, kind);
    options.file.encoding = EncodingOption(arguments);
    options.file.delimiter = DelimiterOption(arguments);
    options.file.sheet = arguments.Value("sheet");
    if (!options.mapping && !arguments.Has("mapping"))
        options.mapping = RecognisedPreset(file, options.file, kind);
    auto db = OpenDatabase(arguments.Required("db"));
    options.consultationId = ChosenConsultation(*db, arguments.Value("consultation")).id;
    if (arguments.Has("mapping"))
        options.mapping = ResolveMapping(*db, kind, arguments.Value("mapping"));
    options.dryRun = arguments.Has("dry-run");
    options.skipInvalid = arguments.Has("skip-invalid");
    options.rejectsPath = arguments.Value("skip-invalid");
    options.createMissing = arguments.Has("create-missing");
    options.changeLimit = kShownChanges + 1;
    ConsoleProgress progress;
    // Qualified: this command's own name hides the library function.
    const ImportReport report = ::concerto::RunImport(*db, file, options, progress);
    PrintRejections(report, file);
    PrintChanges(report);
    for (const auto& created : report.createdReferences)
        std::cout << "Créé : " << created << "\n";
    std::cout << report.Summary() << "\n";
    if (!options.rejectsPath.empty() && report.rejected > 0)
        std::cout << "Lignes refusées, avec la raison, dans " << options.rejectsPath << "\n";
    // A dry run of a file the real run would refuse fails, so that scripts can check a file first.
    return report.dryRun && report.rejected > 0 && !options.skipInvalid ? 1 : 0;
}

int RunExport(const std::vector<std::string>& args)
{
    const Arguments arguments(args, {"db", "kind", "out", "consultation"});
    ExportOptions options;
    options.kind = KindOption(arguments);
    const std::string out = arguments.Required("out");
    auto db = OpenDatabase(arguments.Required("db"));
    options.consultationId = ChosenConsultation(*db, arguments.Value("consultation")).id;
    ConsoleProgress progress;
    const std::uint64_t rows = ExportTable(*db, out, options, progress);
    std::cout << rows << (rows > 1 ? " lignes exportées (" : " ligne exportée (") << FrenchName(options.kind)
              << ") : " << out << "\n";
    return 0;
}

} // namespace concerto::cli
