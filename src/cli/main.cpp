// concerto-cli: the command-line face of Concerto. Errors go to stderr as a sentence that
// says what to do; the exit code is 0 on success, 1 when the work failed, 2 on a wrong command line.

#include "cli/arguments.h"
#include "cli/commands.h"
#include "core/errors.h"

#include <functional>
#include <iostream>
#include <map>

namespace {

const char* const kUsage = R"(Utilisation : concerto-cli COMMANDE [OPTIONS]

Commandes :
  init  --db EMPLACEMENT                    crée ou met à jour le schéma d'une base
  demo  --db EMPLACEMENT [--contributions N] [--seed S]
                                            remplit la base avec la consultation de démonstration
  stats --db EMPLACEMENT [--consultation ID]
                                            compte les lignes par table, canal, quartier et état
  agreement --db EMPLACEMENT --coder A --coder B [--sample NOM] [--consultation ID]
                                            accord entre deux codeurs (kappa de Cohen) sur leur échantillon
  suggest --db EMPLACEMENT [--consultation ID] [--top K]
                                            lit un texte par ligne, écrit les K engagements suggérés
  report --db EMPLACEMENT --definition NOM|FICHIER --format pdf|xlsx --out FICHIER [--param NOM=VALEUR]…
                                            produit un rapport ; report --check FICHIER valide une définition,
                                            report --list liste les définitions livrées et leurs paramètres
  import --db EMPLACEMENT --kind contributions|commitments|meetings --file FICHIER [--preset NOM|--mapping NOM]
         [--consultation ID] [--dry-run] [--skip-invalid REFUS] [--create-missing]
         [--encoding utf-8|windows-1252] [--delimiter ';'|','|tab] [--sheet NOM]
                                            importe un fichier CSV ou XLSX (--dry-run : simulation, code 1 si
                                            des lignes seraient refusées) ; import --list-mappings --kind TYPE
                                            [--db EMPLACEMENT] liste les préréglages et correspondances enregistrées
  export --db EMPLACEMENT --kind contributions|commitments|meetings --out FICHIER.csv|.xlsx [--consultation ID]
                                            exporte au format d'import, pour modifier puis réimporter
  insights --db EMPLACEMENT [--consultation ID]
                                            synthèse : engagements par position, statuts en désaccord,
                                            engagements jamais mentionnés, contributions sans engagement
  audit list --db EMPLACEMENT [--contribution ID] [--table T] [--row ID] [--login U] [--since AAAA-MM-JJ]
         [--limit N]                        journal des modifications (qui a changé quoi, quand), récentes d'abord
  audit purge --db EMPLACEMENT [--months N] supprime les entrées du journal plus anciennes que N mois
                                            (par défaut : la durée de conservation réglée)
  audit retention --db EMPLACEMENT [N]      affiche ou règle la durée de conservation du journal (en mois)
  server init --db EMPLACEMENT              prépare ou met à jour un serveur PostgreSQL partagé : rôles,
                                            droits, schéma (service informatique, compte privilégié)
  user add IDENTIFIANT --role admin|editor|reader --db EMPLACEMENT [--password-stdin]
                                            crée un compte personnel (administrateurs) ; mot de passe demandé
                                            deux fois, ou une ligne de l'entrée standard avec --password-stdin
  user remove IDENTIFIANT --db EMPLACEMENT  supprime un compte personnel
  user list --db EMPLACEMENT                liste les comptes et leur rôle
  user set-role IDENTIFIANT --role admin|editor|reader --db EMPLACEMENT
                                            change le rôle d'un compte
  user password IDENTIFIANT --db EMPLACEMENT [--password-stdin]
                                            change le mot de passe d'un compte
  personal-data purge --db EMPLACEMENT [--today AAAA-MM-JJ]
                                            efface les coordonnées dont la date d'effacement est passée
  personal-data report --db EMPLACEMENT --email ADRESSE | --phone NUMÉRO [--out FICHIER]
                                            relevé (RGPD) de ce que la base détient sur une personne
  personal-data erase --db EMPLACEMENT --email ADRESSE | --phone NUMÉRO [--yes]
                                            efface partout les coordonnées d'une personne (confirmation
                                            demandée sauf avec --yes)
  --version                                 affiche la version
  --help                                    affiche cette aide

EMPLACEMENT : sqlite:CHEMIN, un fichier .concerto ou .db, une adresse postgresql://hôte/base
ou une chaîne libpq « host=… dbname=… ».
)";

} // namespace

int main(int argc, char** argv)
{
    using namespace concerto::cli;
    const std::map<std::string, std::function<int(const std::vector<std::string>&)>> commands = {
        {"init", RunInit},
        {"demo", RunDemo},
        {"stats", RunStats},
        {"agreement", RunAgreement},
        {"suggest", RunSuggest},
        {"report", RunReport},
        {"import", RunImport},
        {"export", RunExport},
        {"insights", RunInsights},
        {"server", RunServer},
        {"user", RunUser},
        {"audit", RunAudit},
        {"personal-data", RunPersonalData},
    };
    if (argc < 2) {
        std::cerr << kUsage;
        return 2;
    }
    const std::string command = argv[1];
    if (command == "--version" || command == "version") {
        std::cout << "concerto-cli " << CONCERTO_VERSION << "\n";
        return 0;
    }
    if (command == "--help" || command == "help" || command == "-h") {
        std::cout << kUsage;
        return 0;
    }
    const auto found = commands.find(command);
    if (found == commands.end()) {
        std::cerr << "concerto-cli : commande inconnue « " << command << " ».\n\n" << kUsage;
        return 2;
    }
    try {
        return found->second(std::vector<std::string>(argv + 2, argv + argc));
    } catch (const UsageError& e) {
        std::cerr << "concerto-cli " << command << " : " << e.what() << ".\nVoir concerto-cli --help.\n";
        return 2;
    } catch (const concerto::Error& e) {
        std::cerr << "concerto-cli " << command << " : " << e.what() << "\n";
        if (!e.Detail().empty())
            std::cerr << "  (détail technique : " << e.Detail() << ")\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "concerto-cli " << command << " : erreur inattendue : " << e.what() << "\n";
        return 1;
    }
}
