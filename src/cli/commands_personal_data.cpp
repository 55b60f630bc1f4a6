// concerto-cli personal-data: the GDPR operations for IT and the data protection officer
// (purge past the purge date, access report, erasure of one person), on db/personal_data.h.

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/connect.h"
#include "core/datetime.h"
#include "core/errors.h"
#include "core/platform.h"
#include "db/personal_data.h"

#include <fstream>
#include <iostream>

namespace concerto::cli {

namespace {

PersonQuery QueryOf(const Arguments& arguments)
{
    PersonQuery query{arguments.Value("email"), arguments.Value("phone")};
    if (query.email.empty() && query.phone.empty())
        throw UsageError("indiquez --email ADRESSE ou --phone NUMÉRO");
    return query;
}

std::string Today(const Arguments& arguments)
{
    const std::string today = arguments.Value("today", Timestamp::Now().Day().ToIso());
    if (!Date::Parse(today))
        throw UsageError("--today attend une date AAAA-MM-JJ, pas « " + today + " »");
    return today;
}

int Purge(const std::vector<std::string>& args)
{
    const Arguments arguments(args, {"db", "today"});
    const std::string today = Today(arguments);
    auto db = OpenDatabase(arguments.Required("db"));
    const int purged = PurgeExpiredContacts(*db, today);
    std::cout << purged << (purged > 1 ? " fiches de coordonnées effacées" : " fiche de coordonnées effacée")
              << " (date d'effacement antérieure au " << today << ").\n";
    return 0;
}

int Report(const std::vector<std::string>& args)
{
    const Arguments arguments(args, {"db", "email", "phone", "out", "today"});
    const PersonQuery query = QueryOf(arguments);
    const std::string today = Today(arguments);
    auto db = OpenDatabase(arguments.Required("db"));
    const std::string text = FormatAccessReport(FindPerson(*db, query), today);
    const std::string out = arguments.Value("out");
    if (out.empty()) {
        std::cout << text;
        return 0;
    }
    std::ofstream file(out, std::ios::binary);
    file << text;
    file.close();
    if (!file)
        throw Error("Impossible d'écrire le relevé dans « " + out + " ».");
    std::cout << "Relevé écrit dans " << out << "\n";
    return 0;
}

/// Asks on the terminal; false when the answer is not yes or there is no terminal to ask on.
bool Confirmed(const PersonQuery& query)
{
    if (!platform::StdinIsTerminal()) {
        std::cerr << "Effacement non confirmé : relancez avec --yes (pas de terminal pour demander).\n";
        return false;
    }
    std::cerr << "Effacer partout les coordonnées de "
              << (query.email.empty() ? query.phone : query.email + (query.phone.empty() ? "" : " / " + query.phone))
              << " ? Les fiches de coordonnées seront supprimées et les mentions masquées dans les textes.\n"
                 "Cette opération est définitive. Tapez « oui » pour confirmer : ";
    std::string answer;
    std::getline(std::cin, answer);
    return answer == "oui" || answer == "o" || answer == "OUI";
}

int Erase(const std::vector<std::string>& args)
{
    const Arguments arguments(args, {"db", "email", "phone"}, {"yes"});
    const PersonQuery query = QueryOf(arguments);
    auto db = OpenDatabase(arguments.Required("db"));
    if (!arguments.Has("yes") && !Confirmed(query)) {
        std::cout << "Rien n'a été effacé.\n";
        return 1;
    }
    const ErasureResult result = ErasePerson(*db, query);
    std::cout << result.contactsErased << " fiche(s) de coordonnées supprimée(s), " << result.contributionsMasked
              << " contribution(s) dont le texte a été masqué.\n";
    return 0;
}

} // namespace

int RunPersonalData(const std::vector<std::string>& args)
{
    if (args.empty())
        throw UsageError("personal-data attend purge, report ou erase");
    const std::string action = args.front();
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (action == "purge")
        return Purge(rest);
    if (action == "report")
        return Report(rest);
    if (action == "erase")
        return Erase(rest);
    throw UsageError("action inconnue « " + action + " » : purge, report ou erase");
}

} // namespace concerto::cli
