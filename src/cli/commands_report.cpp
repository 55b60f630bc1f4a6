// concerto-cli report: renders a report definition over a database as PDF or XLSX, checks a
// definition file (--check), or lists the shipped definitions (--list).

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/connect.h"
#include "cli/console.h"
#include "core/errors.h"
#include "db/repositories.h"
#include "reports/engine.h"
#include "reports/pdf_writer.h"
#include "reports/xlsx_writer.h"

#include <chrono>
#include <iostream>

namespace concerto::cli {

namespace {

int PrintDiagnostics(const report::ParseResult& result)
{
    for (const auto& diagnostic : result.diagnostics)
        std::cerr << diagnostic.ToString() << "\n";
    return result.diagnostics.empty() ? 0 : 1;
}

int Check(const std::vector<std::string>& files)
{
    if (files.empty())
        throw UsageError("--check attend un fichier de définition");
    int status = 0;
    for (const auto& file : files) {
        const report::ParseResult result = report::LoadDefinition(file);
        if (PrintDiagnostics(result) != 0) {
            status = 1;
            continue;
        }
        const report::Definition& def = *result.definition;
        std::string formats;
        for (const auto& format : def.formats)
            formats += (formats.empty() ? "" : ", ") + format;
        std::cout << file << " : définition valide (« " << def.title << " », " << def.sections.size() << " sections, "
                  << def.parameters.size() << " paramètres, formats : " << formats << ")\n";
    }
    return status;
}

int List()
{
    for (const auto& shipped : report::ShippedDefinitions()) {
        const report::ParseResult result = report::ParseDefinition(shipped.text, shipped.name + ".toml");
        std::cout << shipped.name;
        if (result.definition) {
            std::string formats;
            for (const auto& format : result.definition->formats)
                formats += (formats.empty() ? "" : ", ") + format;
            std::cout << "\t" << result.definition->title << " (" << formats << ")";
            for (const auto& p : result.definition->parameters)
                std::cout << "\n  --param " << p.name << "=… \t" << p.label << " [" << report::ToName(p.type)
                          << (p.defaultValue.empty() ? "" : ", défaut : " + p.defaultValue) << "]";
        } else {
            std::cout << "\t(définition invalide)";
        }
        std::cout << "\n";
    }
    return 0;
}

// A definition by file, shipped name, or name stored in the database, in that order of precedence
// (a shipped name wins over a file of that name without a path).
report::ParseResult Find(Database& db, const std::string& nameOrFile)
{
    report::ParseResult result = report::LoadDefinition(nameOrFile);
    if (result.definition || nameOrFile.find('/') != std::string::npos)
        return result;
    if (auto stored = ReportDefinitionRepository(db).FindBy("name", nameOrFile)) {
        result = report::ParseDefinition(stored->body, nameOrFile + " (base)");
        if (result.definition)
            result.definition->name = nameOrFile;
    }
    return result;
}

std::string FormatOf(const Arguments& arguments, const std::string& out)
{
    std::string format = arguments.Value("format");
    if (format.empty()) {
        const std::size_t dot = out.find_last_of('.');
        format = dot == std::string::npos ? "" : out.substr(dot + 1);
    }
    if (format != "pdf" && format != "xlsx")
        throw UsageError("--format vaut pdf ou xlsx (ou se déduit de l'extension de --out)");
    return format;
}

} // namespace

int RunReport(const std::vector<std::string>& args)
{
    const Arguments arguments(args, {"db", "definition", "format", "out", "param", "check"}, {"list"});
    if (arguments.Has("list"))
        return List();
    if (arguments.Has("check")) {
        std::vector<std::string> files = arguments.Values("check");
        files.insert(files.end(), arguments.Positional().begin(), arguments.Positional().end());
        return Check(files);
    }
    const std::string out = arguments.Required("out");
    const std::string format = FormatOf(arguments, out);
    auto db = OpenDatabase(arguments.Required("db"));
    const std::string name = arguments.Required("definition");
    const report::ParseResult result = Find(*db, name);
    if (PrintDiagnostics(result) != 0) {
        std::cerr << "concerto-cli report : la définition « " << name << " » contient des erreurs (voir ci-dessus).\n";
        return 1;
    }
    const report::Definition& def = *result.definition;
    if (!def.Allows(format)) {
        std::string formats;
        for (const auto& f : def.formats)
            formats += (formats.empty() ? "" : ", ") + f;
        throw ValidationError("La définition « " + def.name + " » ne produit pas de " +
                              (format == "pdf" ? std::string("PDF") : std::string("classeur Excel")) +
                              " (formats = " + formats + ") : utilisez --format " + def.formats.front() + ".");
    }
    report::ParameterValues values;
    values.format = format;
    for (const auto& assignment : arguments.Values("param"))
        if (!values.SetFromAssignment(assignment))
            throw UsageError("--param attend NOM=VALEUR, pas « " + assignment + " »");
    ConsoleProgress progress;
    const auto start = std::chrono::steady_clock::now();
    const report::Document document = report::BuildDocument(*db, def, values, &progress);
    if (format == "pdf")
        report::WritePdf(document, out, &progress);
    else
        report::WriteXlsx(document, out, &progress);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char elapsed[32];
    std::snprintf(elapsed, sizeof elapsed, "%.1f", seconds);
    std::cout << "Rapport « " << def.title << " » écrit : " << out << " (" << elapsed << " s)\n";
    return 0;
}

} // namespace concerto::cli
