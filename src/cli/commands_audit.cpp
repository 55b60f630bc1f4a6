// concerto-cli audit: the journal of changes (who changed what, when) from a terminal.
//   audit list --db L [--contribution ID] [--table T] [--row ID] [--login U] [--since AAAA-MM-JJ] [--limit N]
//   audit purge --db L [--months N]      (default: the configured retention)
//   audit retention --db L [N]           shows, or sets, the retention in months

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/connect.h"
#include "db/audit.h"
#include "db/database.h"

#include <algorithm>
#include <iostream>
#include <string>

namespace concerto::cli {

namespace {

const char* ActionName(char action)
{
    switch (action) {
    case 'I': return "création";
    case 'D': return "suppression";
    default: return "modification";
    }
}

std::string Joined(const std::vector<std::string>& fields)
{
    std::string text;
    for (const auto& field : fields)
        text += (text.empty() ? "" : ",") + field;
    return text;
}

// A month count given on the command line, as SetAuditRetentionMonths/PurgeAudit take it
// (they say themselves when it is out of range).
int Months(const std::string& text, const std::string& what)
{
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 6)
        throw UsageError(what + " attend un nombre de mois, pas « " + text + " »");
    return std::stoi(text);
}

// One line per entry, tab-separated under a header, so that a script can cut it.
int List(const std::vector<std::string>& args)
{
    const Arguments arguments(args, {"db", "contribution", "table", "row", "login", "since", "limit"});
    if (arguments.Positional().size() != 1)
        throw UsageError("audit list ne prend pas d'argument après « list »");
    AuditFilter filter;
    filter.contributionId = arguments.Value("contribution");
    filter.table = arguments.Value("table");
    filter.rowId = arguments.Value("row");
    filter.login = arguments.Value("login");
    filter.since = arguments.Value("since");
    filter.limit = static_cast<int>(std::min<unsigned long long>(arguments.Number("limit", 1000), 1000000));
    auto db = OpenDatabase(arguments.Required("db"));
    const auto entries = ListAudit(*db, filter);
    if (entries.empty()) {
        std::cout << "Aucune modification enregistrée ne correspond.\n";
        return 0;
    }
    std::cout << "Date\tUtilisateur\tAction\tTable\tLigne\tContribution\tChamps\n";
    for (const auto& entry : entries)
        std::cout << entry.at << "\t" << entry.login << "\t" << ActionName(entry.action) << "\t" << entry.table
                  << "\t" << entry.rowId << "\t" << entry.contributionId << "\t" << Joined(entry.fields) << "\n";
    return 0;
}

int Purge(const std::vector<std::string>& args)
{
    const Arguments arguments(args, {"db", "months"});
    if (arguments.Positional().size() != 1)
        throw UsageError("audit purge ne prend pas d'argument après « purge » (utilisez --months N)");
    auto db = OpenDatabase(arguments.Required("db"));
    const int months =
        arguments.Has("months") ? Months(arguments.Value("months"), "--months") : AuditRetentionMonths(*db);
    const long long removed = PurgeAudit(*db, months);
    std::cout << removed << (removed > 1 ? " entrées" : " entrée") << " de plus de " << months
              << " mois " << (removed > 1 ? "supprimées" : "supprimée") << " du journal des modifications.\n";
    return 0;
}

int Retention(const std::vector<std::string>& args)
{
    const Arguments arguments(args, {"db"});
    const auto& positional = arguments.Positional();
    if (positional.size() > 2)
        throw UsageError("audit retention attend au plus un nombre de mois");
    auto db = OpenDatabase(arguments.Required("db"));
    if (positional.size() == 2) {
        SetAuditRetentionMonths(*db, Months(positional[1], "audit retention"));
        std::cout << "Durée de conservation du journal des modifications fixée à " << AuditRetentionMonths(*db)
                  << " mois.\n";
        return 0;
    }
    std::cout << "Durée de conservation du journal des modifications\u00a0: " << AuditRetentionMonths(*db)
              << " mois.\n";
    return 0;
}

} // namespace

int RunAudit(const std::vector<std::string>& args)
{
    const std::string action = args.empty() ? std::string() : args.front();
    if (action == "list")
        return List(args);
    if (action == "purge")
        return Purge(args);
    if (action == "retention")
        return Retention(args);
    throw UsageError(action.empty() ? "audit attend list, purge ou retention"
                                    : "audit attend list, purge ou retention, pas « " + action + " »");
}

} // namespace concerto::cli
