// concerto-cli insights: the Synthèse area's figures as text, for a quick look from a terminal
// or a script: the commitment × stance matrix, the flags with their size, the contributions
// linked to no commitment by label and the contributions per neighbourhood.

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/connect.h"
#include "cli/console.h"
#include "db/synthesis.h"

#include <iostream>
#include <string>

namespace concerto::cli {

namespace {

/// "42 %" with the no-break space of French typography; "–" when there is nothing to divide.
std::string Percent(long long part, long long whole)
{
    if (whole <= 0)
        return "–";
    return std::to_string((part * 100 + whole / 2) / whole) + "\u00a0%";
}

void PrintMatrix(const Insights& insights)
{
    std::cout << "Engagements par position exprimée (" << insights.matrix.size() << " engagements)\n";
    std::cout << "  Réf.\tStatut\tTotal";
    for (std::size_t i = 0; i < kStanceCount; ++i)
        std::cout << "\t" << FrenchName(static_cast<Stance>(i));
    std::cout << "\n";
    for (const auto& row : insights.matrix) {
        std::cout << "  " << row.ref << "\t" << FrenchName(row.status) << "\t" << row.counts.total;
        for (long long count : row.counts.byStance)
            std::cout << "\t" << count;
        std::cout << "\n";
    }
}

void PrintFlags(const Insights& insights)
{
    std::cout << "\nStatut en désaccord avec les contributions\n";
    if (insights.disagreements.empty())
        std::cout << "  (aucun)\n";
    for (const auto& flag : insights.disagreements) {
        const StanceRow& row = flag.commitment;
        std::cout << "  " << FrenchName(flag.kind) << "\u00a0: " << row.ref << " « " << row.title << " », "
                  << flag.evidenceCount << " sur " << row.counts.total << " contributions ("
                  << Percent(flag.evidenceCount, row.counts.total) << ")\n";
    }
    std::cout << "\nEngagements que personne n'a mentionnés (" << insights.unmentioned.size() << ")\n";
    if (insights.unmentioned.empty())
        std::cout << "  (aucun)\n";
    for (const auto& row : insights.unmentioned)
        std::cout << "  " << row.ref << " « " << row.title << " » (" << FrenchName(row.status) << ")\n";
}

void PrintCounts(const Insights& insights)
{
    std::cout << "\nContributions liées à aucun engagement, par étiquette (" << insights.contributions - insights.linked
              << ")\n";
    if (insights.unlinked.empty())
        std::cout << "  (aucune)\n";
    for (const auto& group : insights.unlinked)
        std::cout << "  " << (group.labelId.empty() ? std::string("Sans étiquette") : group.labelName) << "\t"
                  << group.count << "\n";
    std::cout << "\nContributions par quartier\n";
    for (const auto& entry : insights.byNeighbourhood)
        std::cout << "  " << entry.name << "\t" << entry.count << "\t" << Percent(entry.count, insights.contributions)
                  << "\n";
}

} // namespace

int RunInsights(const std::vector<std::string>& args)
{
    const Arguments arguments(args, {"db", "consultation"});
    auto db = OpenDatabase(arguments.Required("db"));
    const Consultation consultation = ChosenConsultation(*db, arguments.Value("consultation"));
    const Insights insights = LoadInsights(*db, consultation.id);
    std::cout << "Consultation\u00a0: " << consultation.title << "\n"
              << "Contributions (hors exclues)\u00a0: " << insights.contributions << ", dont " << insights.linked
              << " liées à un engagement (" << Percent(insights.linked, insights.contributions) << ")\n\n";
    PrintMatrix(insights);
    PrintFlags(insights);
    PrintCounts(insights);
    return 0;
}

} // namespace concerto::cli
