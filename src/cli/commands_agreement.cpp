// concerto-cli agreement: the agreement report of two coders' double-coding sample, as a
// table on stdout (one line per commitment, then the overall lines).

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/connect.h"
#include "core/text.h"
#include "db/double_coding.h"

#include <cstdio>
#include <iostream>

namespace concerto::cli {

namespace {

// Width in characters of UTF-8 text (continuation bytes do not count).
std::size_t Width(const std::string& text)
{
    std::size_t width = 0;
    for (unsigned char byte : text)
        if ((byte & 0xC0) != 0x80)
            ++width;
    return width;
}

// `text` cut to `width` characters (with "…" when cut), padded on the right, or on the left
// for numbers.
std::string Column(const std::string& text, std::size_t width, bool right = false)
{
    std::string cell = text;
    if (Width(cell) > width) {
        std::size_t bytes = 0, kept = 0;
        while (bytes < cell.size() && kept < width - 1) {
            ++bytes;
            while (bytes < cell.size() && (static_cast<unsigned char>(cell[bytes]) & 0xC0) == 0x80)
                ++bytes;
            ++kept;
        }
        cell = cell.substr(0, bytes) + "…";
    }
    const std::string padding(width - Width(cell), ' ');
    return right ? padding + cell : cell + padding;
}

// French decimal: "0,40", "-0,15", "83,3".
std::string Decimal(double value, int digits)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
    std::string text = buffer;
    for (auto& c : text)
        if (c == '.')
            c = ',';
    return text == "-0,00" ? "0,00" : text;
}

std::string Percent(const Agreement& agreement)
{
    return agreement.observed ? Decimal(*agreement.observed * 100.0, 1) + " %" : "n/d";
}

std::string Kappa(const Agreement& agreement)
{
    if (!agreement.kappa)
        return "n/d";
    return Decimal(*agreement.kappa, 2) + " (" + InterpretKappa(*agreement.kappa) + ")";
}

constexpr std::size_t kRef = 8, kTitle = 38, kCount = 6, kPercent = 8;

void PrintRow(const std::string& ref, const std::string& title, const Agreement& agreement)
{
    const AgreementCounts& c = agreement.counts;
    std::cout << Column(ref, kRef) << " " << Column(title, kTitle) << " "
              << Column(std::to_string(c.Total()), kCount, true) << " " << Column(std::to_string(c.both), kCount, true)
              << " " << Column(std::to_string(c.onlyA), kCount, true) << " "
              << Column(std::to_string(c.onlyB), kCount, true) << " " << Column(std::to_string(c.neither), kCount, true)
              << " " << Column(Percent(agreement), kPercent, true) << "  " << Kappa(agreement);
    if (!agreement.kappa)
        std::cout << " — " << agreement.UndefinedReason();
    std::cout << "\n";
}

void PrintReport(const AgreementReport& report)
{
    const CodingSample& s = report.sample;
    std::cout << "Échantillon « " << s.name << " » — codeur A : " << s.coderA << ", codeur B : " << s.coderB << "\n"
              << "Contributions : " << report.items << " dans l'échantillon, " << report.compared
              << " terminées par les deux codeurs (seules comparées)\n\n";
    std::cout << Column("Réf.", kRef) << " " << Column("Engagement", kTitle) << " " << Column("n", kCount, true) << " "
              << Column("Deux", kCount, true) << " " << Column("A seul", kCount, true) << " "
              << Column("B seul", kCount, true) << " " << Column("Aucun", kCount, true) << " "
              << Column("Accord", kPercent, true) << "  Kappa\n";
    std::cout << std::string(kRef + kTitle + 5 * (kCount + 1) + kPercent + 9, '-') << "\n";
    if (report.commitments.empty())
        std::cout << "(aucun engagement appliqué par l'un ou l'autre codeur sur les contributions comparées)\n";
    for (const auto& row : report.commitments)
        PrintRow(row.ref, row.title, row.agreement);
    std::cout << std::string(kRef + kTitle + 5 * (kCount + 1) + kPercent + 9, '-') << "\n";
    PrintRow("Global", "cellules cumulées (" + std::to_string(report.overall.commitments) + " engagements)",
             report.overall.pooled);
    std::cout << "Kappa moyen des engagements : ";
    if (report.overall.meanKappa)
        std::cout << Decimal(*report.overall.meanKappa, 2) << " (" << InterpretKappa(*report.overall.meanKappa)
                  << "), moyenne de " << report.overall.kappasAveraged << " kappas définis sur "
                  << report.overall.commitments << " engagements\n";
    else
        std::cout << "n/d — aucun kappa par engagement n'est défini\n";
    std::cout << "Même engagement, positions différentes : " << report.stanceDifferences
              << " (hors du calcul du kappa, qui porte sur la présence de l'engagement)\n";
}

} // namespace

int RunAgreement(const std::vector<std::string>& args)
{
    const Arguments arguments(args, {"db", "coder", "sample", "consultation"});
    const auto coders = arguments.Values("coder");
    if (coders.size() != 2)
        throw UsageError("indiquez les deux codeurs : --coder A --coder B");
    if (coders[0] == coders[1])
        throw UsageError("les deux codeurs doivent être différents (--coder " + coders[0] + " deux fois)");
    auto db = OpenDatabase(arguments.Required("db"));
    const auto sample =
        FindSampleForCoders(*db, coders[0], coders[1], arguments.Value("consultation"), arguments.Value("sample"));
    if (!sample) {
        std::string where = arguments.Has("sample") ? " nommé « " + arguments.Value("sample") + " »" : std::string();
        throw NotFoundError("Aucun échantillon de double codage" + where + " pour les codeurs " + coders[0] + " et " +
                            coders[1] + ". Créez-en un dans Codage ▸ Double codage, puis faites-le coder.");
    }
    PrintReport(BuildAgreementReport(*db, sample->id));
    return 0;
}

} // namespace concerto::cli
