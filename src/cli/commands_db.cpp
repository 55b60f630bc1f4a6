#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/connect.h"
#include "cli/console.h"
#include "db/demo.h"
#include "db/repositories.h"
#include "db/stats.h"

#include <chrono>
#include <iostream>

namespace concerto::cli {

namespace {
std::string LocationOption(const Arguments& arguments) { return arguments.Required("db"); }
} // namespace

int RunInit(const std::vector<std::string>& args)
{
    const Arguments arguments(args, {"db"});
    auto db = OpenDatabase(LocationOption(arguments));
    std::cout << "Base prête : " << db->GetLocation().ToDisplayString() << " (" << db->GetDialect().DisplayName()
              << ", schéma " << db->SchemaVersion() << ")\n";
    return 0;
}

int RunDemo(const std::vector<std::string>& args)
{
    const Arguments arguments(args, {"db", "contributions", "seed"});
    DemoOptions options;
    options.contributions = arguments.Number("contributions", options.contributions);
    options.seed = arguments.Number("seed", options.seed);
    auto db = OpenDatabase(LocationOption(arguments));
    ConsoleProgress progress;
    const auto start = std::chrono::steady_clock::now();
    const std::string id = GenerateDemo(*db, options, progress);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "Consultation de démonstration créée : " << kDemoConsultationTitle << " (" << id << "), "
              << options.contributions << " contributions en " << static_cast<int>(seconds + 0.5) << " s\n";
    return 0;
}

int RunStats(const std::vector<std::string>& args)
{
    const Arguments arguments(args, {"db", "consultation"});
    auto db = OpenDatabase(LocationOption(arguments));
    const Stats stats = CollectStats(*db, arguments.Value("consultation"));
    auto print = [](const char* heading, const Stats::Counts& counts) {
        std::cout << heading << "\n";
        for (const auto& [name, count] : counts)
            std::cout << "  " << name << "\t" << count << "\n";
    };
    print("Lignes par table", stats.perEntity);
    print("Contributions par canal", stats.perChannel);
    print("Contributions par quartier", stats.perNeighbourhood);
    print("Contributions par état", stats.perState);
    return 0;
}

} // namespace concerto::cli
