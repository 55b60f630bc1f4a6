// Reference content of the fictitious demo consultation "Bilan de mi-mandat 2023".
// The programme itself (demo_programme_*.cpp) is invented for the demo; only the neighbourhood names are Ivry's real ones.
// Subjects are written so that they read well in every template of demo_corpus.cpp: they start
// with le/la/l'/les (the generator derives "du", "des", "au", "aux" and the verb number from it),
// name something the city does or provides (so "merci pour", "où en est" and "ça avance" all fit),
// and have at most five words (so that generated titles stay within eight words).

#include "core/demo_corpus_data.h"

#include "core/demo_corpus.h"
#include "core/demo_programme.h"

#include <cstring>
#include <string_view>
#include <unordered_map>

namespace concerto::demo {

const std::vector<std::string>& Neighbourhoods()
{
    static const std::vector<std::string> names = {
        "Centre-ville",
        "Ivry-Port",
        "Petit-Ivry",
        "Monmousseau–Vérollot",
        "Louis-Bertrand–Mirabeau–Sémard",
        "Parmentier–Marat–Robespierre",
    };
    return names;
}

const std::vector<ThemeSeed>& Themes()
{
    static const std::vector<ThemeSeed> themes = {
        {"LOG", "Logement et cadre de vie",
         "Permettre à chacun de se loger dignement à un prix abordable et améliorer la vie quotidienne dans les "
         "résidences et les quartiers."},
        {"ECO", "Transition écologique et climat",
         "Adapter la ville au changement climatique, développer la nature en ville et réduire notre consommation "
         "d'énergie et nos déchets."},
        {"EDU", "Éducation, enfance et jeunesse",
         "Donner à chaque enfant et à chaque jeune les moyens de réussir, de l'accueil des tout-petits à l'entrée "
         "dans la vie active."},
        {"SOL", "Solidarités et santé",
         "Garantir l'accès aux soins et aux droits, soutenir les plus fragiles et lutter contre l'isolement et les "
         "discriminations."},
        {"MOB", "Mobilités et espace public",
         "Partager autrement l'espace public au profit des piétons, des vélos et des transports en commun, et rendre "
         "les rues plus sûres et plus agréables."},
        {"CUL", "Culture, sport et vie associative",
         "Rendre la culture et le sport accessibles à toutes et à tous et soutenir les associations qui font vivre "
         "la ville."},
        {"DEM", "Démocratie locale et services publics",
         "Associer les habitantes et les habitants aux décisions et défendre des services publics de proximité, "
         "accessibles et efficaces."},
        {"ECN", "Économie, emploi et commerce",
         "Soutenir le commerce de proximité, l'artisanat et l'économie sociale et solidaire, et accompagner les "
         "Ivryens vers l'emploi."},
    };
    return themes;
}

const std::vector<CommitmentSeed>& Commitments()
{
    static const std::vector<CommitmentSeed> commitments = [] {
        const auto& themes = Themes();
        std::vector<CommitmentSeed> list;
        list.reserve(data::AllCommitments().size());
        for (const data::RawCommitment& raw : data::AllCommitments()) {
            CommitmentSeed seed;
            seed.ref = raw.ref;
            // The theme is derived from the reference so that a commitment cannot be filed under the wrong axis.
            for (std::size_t t = 0; t < themes.size(); ++t)
                if (std::strncmp(raw.ref, themes[t].code.c_str(), themes[t].code.size()) == 0)
                    seed.theme = t;
            seed.title = raw.title;
            seed.description = raw.description;
            for (const char* subject : raw.subjects)
                if (subject)
                    seed.subjects.emplace_back(subject);
            list.push_back(std::move(seed));
        }
        return list;
    }();
    return commitments;
}

const std::vector<StopSeed>& CaravaneStops()
{
    static const std::vector<StopSeed> stops = {
        {"Marché Jeanne-Hachette", "marché", 0},
        {"Supermarché de la place Voltaire", "sortie de commerce", 0},
        {"École Joliot-Curie", "sortie d'école", 0},
        {"Maison municipale de quartier du Centre-ville", "maison de quartier", 0},
        {"Marché d'Ivry-Port", "marché", 1},
        {"Centre commercial du Quai d'Ivry", "sortie de commerce", 1},
        {"École Einstein", "sortie d'école", 1},
        {"Résidence des Quais", "pied d'immeuble", 1},
        {"Maison municipale de quartier d'Ivry-Port", "maison de quartier", 1},
        {"Marché du Petit-Ivry", "marché", 2},
        {"École Paul-Langevin", "sortie d'école", 2},
        {"Résidence des Peupliers", "pied d'immeuble", 2},
        {"Maison municipale de quartier du Petit-Ivry", "maison de quartier", 2},
        {"Résidence Monmousseau", "pied d'immeuble", 3},
        {"École Guy-Môquet", "sortie d'école", 3},
        {"Boulangerie de la rue Vérollot", "sortie de commerce", 3},
        {"Maison municipale de quartier Monmousseau", "maison de quartier", 3},
        {"Résidence Louis-Bertrand", "pied d'immeuble", 4},
        {"École Henri-Barbusse", "sortie d'école", 4},
        {"Supérette de la rue Mirabeau", "sortie de commerce", 4},
        {"Marché Parmentier", "marché", 5},
        {"École Robespierre", "sortie d'école", 5},
        {"Maison municipale de quartier Marat", "maison de quartier", 5},
    };
    return stops;
}

const std::vector<std::string>& Profiles()
{
    static const std::vector<std::string> profiles = {
        "habitant·e", "agent·e", "commerçant·e", "association", "jeune", "parent d'élève", "retraité·e",
    };
    return profiles;
}

const std::vector<std::string>& AgeBrackets()
{
    static const std::vector<std::string> brackets = {
        "moins de 18 ans", "18-25 ans", "26-40 ans", "41-60 ans", "61-75 ans", "plus de 75 ans",
    };
    return brackets;
}

const std::vector<std::string>& EmergingLabels()
{
    static const std::vector<std::string> labels = [] {
        std::vector<std::string> list;
        for (const auto& topic : data::EmergingTopics())
            list.emplace_back(topic.label);
        return list;
    }();
    return labels;
}

namespace data {

const std::vector<EmergingTopic>& EmergingTopics()
{
    static const std::vector<EmergingTopic> topics = {
        {"propreté des rues",
         "la propreté des rues",
         {"Les poubelles débordent {PLACE} {OFTEN}.", "Il y a des papiers et des canettes partout {PLACE}.",
          "Le trottoir {PLACE} n'est presque jamais balayé.",
          "Après le marché, les rues restent sales jusqu'au lendemain.",
          "Les corbeilles ne sont pas vidées assez souvent {LOC}.",
          "Quand j'ai de la famille qui vient, j'ai honte de l'état de la rue.",
          "Les feuilles mortes restent des semaines sur les trottoirs {LOC}."},
         {"ajouter des corbeilles le long des rues", "passer la balayeuse plus souvent",
          "organiser des opérations de nettoyage avec les habitants",
          "verbaliser ceux qui jettent leurs déchets par terre", "mettre des cendriers près des arrêts de bus"}},
        {"dépôts sauvages",
         "les dépôts sauvages",
         {"Il y a des matelas et des meubles abandonnés {PLACE} {TIME}.",
          "Des gens viennent déposer leurs gravats {PLACE} la nuit.",
          "Les encombrants restent des jours entiers sur le trottoir {LOC}.", "Un vieux canapé traîne {PLACE} {TIME}.",
          "Les sacs de chantier s'entassent au coin de la rue {LOC}.",
          "J'ai signalé un frigo abandonné {WHEN} et il est toujours là."},
         {"installer des caméras aux endroits les plus touchés",
          "simplifier la prise de rendez-vous pour les encombrants", "sanctionner vraiment ceux qui déposent",
          "ouvrir la déchetterie plus tard le soir", "passer ramasser les encombrants une fois par semaine"}},
        {"nuisances sonores",
         "les nuisances sonores",
         {"Il y a du bruit tard le soir {PLACE}, surtout l'été.",
          "Les scooters passent à toute vitesse {PLACE} {OFTEN}.",
          "Les livraisons commencent à cinq heures du matin {LOC}.", "On n'arrive plus à dormir les fenêtres ouvertes.",
          "Le chantier d'à côté démarre avant sept heures, même le samedi.",
          "La musique des voitures garées {PLACE} dure jusqu'à deux heures du matin."},
         {"installer des radars sonores", "faire passer des médiateurs le soir", "encadrer les horaires de livraison",
          "mieux isoler les logements près des grands axes", "faire respecter les horaires des chantiers"}},
        {"sécurité la nuit",
         "la sécurité la nuit",
         {"Le soir, je ne me sens pas en sécurité {PLACE}.", "Certaines rues sont très mal éclairées {LOC}.",
          "Il y a des regroupements tard le soir {PLACE} et les gens changent de trottoir.",
          "Ma fille rentre du RER à pied et je m'inquiète à chaque fois.",
          "Une voisine s'est fait arracher son sac {PLACE} {WHEN}.",
          "Après 22 heures, on ne croise plus personne {LOC}."},
         {"mieux éclairer le chemin entre le RER et les résidences", "faire passer des médiateurs plus tard",
          "proposer des arrêts de bus à la demande la nuit", "organiser des marches exploratoires avec les habitantes",
          "laisser les commerces ouverts plus tard"}},
        {"prix des loyers",
         "le prix des loyers",
         {"Mon loyer a augmenté de cent euros en deux ans.", "Les jeunes du quartier ne peuvent plus se loger à Ivry.",
          "Pour un deux-pièces {LOC}, on demande plus de mille euros.",
          "Beaucoup de familles partent parce que c'est devenu trop cher.",
          "Mon fils a trente ans et vit encore chez nous, faute de pouvoir payer un loyer.",
          "Les charges ont encore augmenté {TIME}."},
         {"contrôler les annonces qui dépassent les plafonds", "aider les locataires à contester les hausses",
          "construire davantage de logements intermédiaires", "publier les loyers moyens par quartier"}},
        {"accès aux services numériques",
         "l'accès aux services numériques",
         {"Tout se fait sur internet maintenant, et ma mère n'y arrive pas.",
          "Pour prendre rendez-vous, il faut un smartphone, ce n'est pas normal.",
          "Je n'ai pas d'ordinateur chez moi pour faire mes démarches.",
          "Le site plante souvent quand on veut payer en ligne.",
          "À la CAF, on m'a dit de tout faire sur internet, mais je ne sais pas m'en servir.",
          "Mes parents me demandent de faire toutes leurs démarches à leur place."},
         {"garder des guichets avec de vraies personnes", "ouvrir des ateliers d'initiation à l'informatique",
          "mettre des ordinateurs en libre accès dans les maisons de quartier", "proposer une aide par téléphone",
          "former des jeunes pour aider les personnes âgées"}},
        {"rats et nuisibles",
         "les rats",
         {"On voit des rats en plein jour {PLACE}.", "Les rats sortent des buissons dès la tombée de la nuit {LOC}.",
          "Il y a des cafards dans toute la résidence depuis l'été.",
          "Les enfants jouent à côté des terriers de rats au square.", "Les rats ont envahi les caves {TIME}.",
          "Le soir, on voit des rats courir autour des poubelles {PLACE}."},
         {"dératiser plus souvent les parcs et les squares", "équiper les poubelles de couvercles",
          "coordonner les bailleurs pour traiter toutes les caves en même temps",
          "arrêter de laisser les sacs par terre les jours de marché"}},
        {"punaises de lit",
         "les punaises de lit",
         {"Nous avons eu des punaises de lit et ça nous a coûté très cher.",
          "Plusieurs familles de l'immeuble sont touchées {TIME}.", "Le bailleur ne veut pas payer le traitement.",
          "On n'ose plus récupérer de meubles dans la rue.", "On a dû jeter notre matelas et le canapé {WHEN}.",
          "Personne ne sait vers qui se tourner quand ça arrive."},
         {"aider financièrement les familles pour les traitements", "informer les habitants sur les bons gestes",
          "obliger les bailleurs à traiter tout l'immeuble", "mettre en place un numéro d'information"}},
        {"stationnement gênant",
         "le stationnement sur les trottoirs",
         {"Des voitures sont garées sur le trottoir {PLACE} {OFTEN}.",
          "Avec une poussette, on doit marcher sur la route {PLACE}.",
          "Les camions de livraison bloquent la rue {OFTEN}.", "Les places handicapées sont toujours occupées {LOC}.",
          "Les voitures en double file devant l'école, c'est tous les matins.",
          "Un fauteuil roulant ne peut pas passer {PLACE}."},
         {"poser des potelets sur les trottoirs", "verbaliser plus souvent", "créer de vraies aires de livraison",
          "mettre des agents devant les écoles aux heures de sortie"}},
        {"trottinettes et deux-roues",
         "les trottinettes",
         {"Les trottinettes roulent sur les trottoirs à toute vitesse {PLACE}.",
          "Des trottinettes sont abandonnées en plein milieu du trottoir {LOC}.",
          "J'ai failli me faire renverser par une trottinette {WHEN}.",
          "Les scooters des livreurs roulent sur le trottoir {PLACE}.",
          "Les jeunes montent à deux sur une trottinette, sans casque."},
         {"interdire les trottinettes sur les trottoirs", "créer des emplacements réservés",
          "faire de la prévention dans les collèges", "verbaliser les livreurs qui roulent sur les trottoirs"}},
        {"rodéos urbains",
         "les rodéos urbains",
         {"Des motos font des rodéos {PLACE} le week-end.",
          "Tous les soirs d'été, des quads tournent autour de la résidence.",
          "Le bruit des motos commence vers dix heures du soir {LOC}.",
          "Un enfant a failli être renversé par une moto {WHEN}.", "On appelle la police, mais personne ne vient."},
         {"travailler avec la police nationale pour y mettre fin", "installer des chicanes",
          "proposer un lieu encadré pour les passionnés de moto", "saisir les motos utilisées pour les rodéos"}},
        {"déjections canines",
         "les crottes de chien",
         {"Les trottoirs sont pleins de crottes de chien {LOC}.",
          "Les propriétaires ne ramassent pas derrière leur chien {PLACE}.",
          "Les enfants marchent dans les crottes en allant à l'école.",
          "Le square est devenu impraticable, on ne peut plus y laisser jouer les petits.",
          "Il n'y a aucun distributeur de sacs {LOC}."},
         {"installer des distributeurs de sacs", "créer des espaces canins", "sensibiliser les propriétaires de chiens",
          "mettre des amendes aux propriétaires"}},
        {"coût de la vie",
         "la vie chère",
         {"Avec l'inflation, on fait très attention aux courses.", "Les prix au marché ont beaucoup augmenté {TIME}.",
          "Les factures d'électricité ont presque doublé cette année.",
          "Beaucoup de retraités du quartier ont du mal à finir le mois.",
          "Avec deux salaires, on a quand même du mal à boucler le mois.",
          "Il y a de plus en plus de monde aux distributions alimentaires {LOC}."},
         {"aider davantage les familles à payer la cantine", "ouvrir plus de distributions alimentaires",
          "organiser des achats groupés entre habitants", "geler les tarifs municipaux cette année"}},
        {"conflits de voisinage",
         "les conflits de voisinage",
         {"Avec les voisins du dessus, c'est la guerre à cause du bruit.",
          "Il n'y a personne pour aider quand ça se passe mal entre voisins.",
          "Le gardien ne peut rien faire et le bailleur ne répond pas.",
          "Une dispute entre voisins a fini avec la police {WHEN}.", "Les gens ne se parlent plus dans la résidence."},
         {"créer un service de médiation entre voisins", "organiser une fête des voisins dans chaque résidence",
          "former des habitants relais", "ouvrir une permanence de conciliation"}},
        {"réseau mobile et internet",
         "la couverture internet",
         {"Le réseau mobile passe très mal {LOC}.", "La fibre n'est toujours pas arrivée dans notre immeuble.",
          "Le wifi de la médiathèque ne marche pas la moitié du temps.",
          "Chez moi, je dois sortir sur le balcon pour téléphoner.",
          "Les enfants n'arrivent pas à faire leurs devoirs en ligne, la connexion coupe sans arrêt."},
         {"faire pression sur les opérateurs", "installer du wifi public dans les parcs",
          "accélérer le raccordement des immeubles anciens", "installer une antenne relais supplémentaire"}},
        {"chaleur dans les logements",
         "la chaleur dans les appartements",
         {"L'été, il fait plus de trente degrés dans mon appartement.",
          "Au dernier étage, c'est invivable pendant les canicules.",
          "Les enfants ont très mal dormi {WHEN} à cause de la chaleur.",
          "On ferme tout dans la journée, mais ça ne suffit pas.",
          "Les fenêtres sont plein sud et il n'y a aucun volet."},
         {"installer des volets dans les logements sociaux", "végétaliser les toits des résidences",
          "ouvrir les salles climatisées plus tard le soir", "planter des arbres devant les façades exposées"}},
    };
    return topics;
}

const std::vector<RawCommitment>& AllCommitments()
{
    static const std::vector<RawCommitment> all = [] {
        std::vector<RawCommitment> list = PeopleCommitments();
        list.insert(list.end(), CityCommitments().begin(), CityCommitments().end());
        return list;
    }();
    return all;
}

const Texts& CommitmentIdeas(const std::string& ref)
{
    // Keyed by reference rather than by address so that copies of the seeds (e.g. read back from the
    // database) still find their ideas.
    static const std::unordered_map<std::string_view, Texts> byRef = [] {
        std::unordered_map<std::string_view, Texts> map;
        for (const RawCommitment& raw : AllCommitments()) {
            Texts& ideas = map[raw.ref];
            for (const char* idea : raw.ideas)
                if (idea)
                    ideas.push_back(idea);
        }
        return map;
    }();
    static const Texts none;
    const auto it = byRef.find(ref);
    return it == byRef.end() ? none : it->second;
}

const Texts& ThemeIdeas(std::size_t theme)
{
    static const Texts ideas[] = {
        // LOG
        {"publier chaque année la liste des logements attribués", "associer les amicales de locataires aux travaux",
         "tenir des permanences logement le samedi", "contrôler davantage les propriétaires qui louent des taudis",
         "prévoir des logements adaptés aux personnes âgées",
         "réserver des logements aux jeunes qui travaillent à Ivry",
         "organiser des visites de chantier pour les riverains", "limiter la hauteur des nouveaux immeubles"},
        // ECO
        {"planter des arbres fruitiers dans les parcs", "ouvrir les cours végétalisées le week-end",
         "installer des composteurs au pied de chaque résidence", "mettre des fontaines à eau dans tous les parcs",
         "organiser des ateliers de réparation dans les maisons de quartier",
         "laisser les habitants parrainer un arbre", "installer des ombrières sur les places trop exposées",
         "lancer des défis zéro déchet entre écoles"},
        // EDU
        {"ouvrir l'aide aux devoirs jusqu'à 19 heures", "proposer un repas végétarien deux fois par semaine",
         "mettre des adultes en gilet devant chaque école le matin", "créer une ludothèque dans chaque quartier",
         "prévoir plus de sorties pendant les vacances", "associer les enfants au choix des jeux de la cour",
         "proposer des stages de révision avant le brevet", "mettre en place un accueil dès 7 h 30"},
        // SOL
        {"tenir des permanences sans rendez-vous", "publier la liste des médecins qui prennent de nouveaux patients",
         "organiser des repas partagés pour les personnes seules",
         "mettre un écrivain public dans chaque maison de quartier", "faire passer un bus santé dans les quartiers",
         "former des voisins relais pour repérer les personnes isolées",
         "permettre de prendre rendez-vous par téléphone et pas seulement en ligne",
         "prévoir un accueil en plusieurs langues"},
        // MOB
        {"mettre des arceaux vélo devant chaque école", "séparer vraiment les pistes cyclables de la route",
         "ajouter des bancs le long des grandes avenues", "installer des radars pédagogiques dans les rues en zone 30",
         "élargir les trottoirs près des arrêts de bus", "installer plus de toilettes publiques",
         "tester une rue piétonne le dimanche", "repeindre les passages piétons effacés"},
        // CUL
        {"ouvrir la médiathèque le dimanche matin", "prévoir des créneaux de piscine pour les familles",
         "organiser des concerts gratuits dans les parcs l'été", "prêter des salles aux associations à petit prix",
         "créer un pass culture municipal pour les jeunes", "réserver des créneaux sportifs aux filles",
         "installer des tables de ping-pong dans les squares", "proposer des séances de cinéma en plein air"},
        // DEM
        {"faire des réunions de quartier le samedi matin", "publier un bilan simple de chaque engagement",
         "filmer les conseils municipaux et les mettre en ligne", "ouvrir les maisons de quartier plus tard le soir",
         "répondre à chaque contribution, même brièvement", "tirer au sort des habitants pour suivre les projets",
         "garder un accueil physique pour toutes les démarches",
         "traduire les documents de la mairie en plusieurs langues"},
        // ECN
        {"baisser les loyers des locaux commerciaux de la ville", "organiser un marché de producteurs le soir",
         "créer une carte de fidélité commune aux commerces du quartier",
         "proposer des stages aux collégiens dans les entreprises d'Ivry",
         "organiser un forum de l'emploi dans chaque quartier", "réserver des locaux aux artisans",
         "interdire les entrepôts de livraison près des habitations", "aider les commerçants à vendre aussi en ligne"},
    };
    static const Texts none;
    return theme < sizeof ideas / sizeof ideas[0] ? ideas[theme] : none;
}

const Texts& NeighbourhoodLocations(std::size_t neighbourhood)
{
    // Every phrase must read well after "j'habite", "on ne voit rien" and "en commençant".
    static const Texts locations[] = {
        {"au centre-ville", "dans le centre", "dans le quartier du Centre-ville"},
        {"à Ivry-Port", "du côté d'Ivry-Port", "vers les quais", "dans le quartier d'Ivry-Port"},
        {"au Petit-Ivry", "du côté du Petit-Ivry", "dans le quartier du Petit-Ivry"},
        {"à Monmousseau", "du côté de Vérollot", "dans le quartier Monmousseau–Vérollot"},
        {"à Louis-Bertrand", "du côté de Mirabeau", "vers Sémard", "dans le quartier Louis-Bertrand–Mirabeau–Sémard"},
        {"à Parmentier", "du côté de Marat", "vers Robespierre", "dans le quartier Parmentier–Marat–Robespierre"},
    };
    static const Texts none = {"dans le quartier"};
    return neighbourhood < sizeof locations / sizeof locations[0] ? locations[neighbourhood] : none;
}

} // namespace data

} // namespace concerto::demo
