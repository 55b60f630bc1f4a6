// Generator of natural French contributions for the demo consultation.
// Texts are assembled from many small fragments so that thousands of draws stay distinct and read
// like what residents actually write on paper slips or on the platform. Reference data (themes,
// commitments, stops, emerging topics) lives in demo_corpus_data.cpp.
//
// Fragment language, expanded at write time:
//   {S} subject, {DS} "de" + subject ("du", "des"...), {AS} "à" + subject ("au", "aux"...),
//   {T} commitment title, {LABEL} emerging label, {LOC} neighbourhood phrase, {PLACE} nearby place,
//   {WHERE} one or both, {TIME} duration ("depuis des mois"), {WHEN} past moment, {OFTEN} frequency,
//   {IDEA} infinitive phrase, {dIDEA} the same after "de"/"d'", {N} a number of years, {AGE} an age;
//   {singular|plural} agrees with the subject, [masculine|feminine] with the speaker.
// Subject gender is unknown (l'..., les ...), so no fragment makes an adjective agree with the subject.
// A leading '*' on a core sentence forbids lead-ins ("Franchement, ...") that would not fit it.

#include "core/demo_corpus.h"

#include "core/demo_corpus_data.h"

#include <cstdint>
#include <string_view>

namespace concerto::demo {

namespace {

using data::Texts;

// ---- Shared fragments ----------------------------------------------------------------------------

const Texts kPlaces = {
    "devant l'école",           "en bas de chez moi",     "dans ma rue",           "près du marché",
    "autour de la gare RER",    "à la sortie du métro",   "devant la boulangerie", "dans ma résidence",
    "sur le chemin de l'école", "près du square",         "sur la grande avenue",  "près de l'arrêt de bus",
    "devant la pharmacie",      "près de la médiathèque",
};
// Used instead of a named neighbourhood now and then, as people often do.
const Texts kGenericLocations = {"dans le quartier", "dans notre quartier", "à Ivry"};
const Texts kDurations = {
    "depuis des mois",      "depuis deux ans", "depuis le début du mandat", "depuis la rentrée",
    "depuis l'été dernier", "depuis 2020",     "depuis le printemps",       "ces derniers temps",
};
const Texts kMoments = {
    "l'an dernier",        "cet été", "à la rentrée",    "au printemps dernier", "il y a quelques mois",
    "la semaine dernière", "en juin", "l'hiver dernier", "pendant les vacances",
};
const Texts kFrequencies = {
    "tous les matins", "le week-end",       "le soir",           "presque tous les jours",
    "le samedi",       "en fin de journée", "le dimanche matin",
};
const Texts kYears = {"deux", "trois", "cinq", "huit", "dix", "douze", "quinze", "vingt", "trente"};
const Texts kGenericIdeas = {
    "faire un point public chaque année",
    "afficher l'avancement dans les halls d'immeubles",
    "demander l'avis des riverains avant de décider",
    "nommer une personne référente dans chaque quartier",
    "en parler davantage dans le journal municipal",
    "tester d'abord dans un quartier puis généraliser",
    "travailler avec les associations du quartier",
};

const Texts kOpeningsNeutral = {
    "Bonjour !",    "Bonjour à toute l'équipe.", "Petit mot rapide.",
    "Alors voilà.", "Bonjour à tous.",           "Je donne mon avis, pour ce qu'il vaut.",
};
const Texts kOpeningsPaper = {
    "Salut la caravane !",
    "Merci de venir jusqu'à nous.",
    "Je passe souvent devant votre stand.",
};
const Texts kOpeningsPlatform = {
    "Je découvre la plateforme, alors je me lance.",
    "Je profite de la plateforme pour donner mon avis.",
};
const Texts kOpeningsFormal = {
    "Bonjour,\n",
    "Madame, Monsieur,\n",
    "Merci pour cette démarche de consultation.",
    "Je me permets de vous écrire dans le cadre du bilan de mi-mandat.",
    "Je souhaite apporter ma contribution au bilan.",
};
const Texts kClosingsFormal = {"Cordialement.", "Bien cordialement.", "Bien à vous.", "Merci de votre attention."};
const Texts kClosingsInformal = {"Merci !", "Bon courage !", "Voilà.", "Bonne journée !"};

// ---- Per stance ----------------------------------------------------------------------------------

struct StanceText {
    Texts cores;       // the sentence that carries the stance about {S}
    Texts leadIns;     // adverbial openings glued in front of a core
    bool voiceLeadIns; // whether "En tant que parent d'élève, " fits in front of the cores
    Texts extras;      // follow-up sentences: details, anecdotes, wishes
    Texts closings;
    Texts slips;  // all-lowercase paper-slip one-liners
    Texts titles; // at most three words besides {S} or {LABEL}, so titles stay within eight words
};

const StanceText kStances[] = {
    // Support
    {{"merci pour {S}, ça change vraiment la vie {LOC}.", "c'est bien que la ville s'occupe enfin {DS}.",
      "je suis [content|contente] de voir que {S} {avance|avancent}.", "{S}, c'est une vraie réussite {LOC}.",
      "bravo pour {S} : on voit la différence {TIME}.", "pour {S}, je trouve que la ville a tenu parole.",
      "{S}, c'est une bonne chose pour le quartier et pour les familles.",
      "concernant {S}, rien à redire, c'est du bon travail.",
      "on en parlait entre voisins : tout le monde apprécie {S}.", "*enfin du concret avec {S} !",
      "l'engagement « {T} » est tenu, et ça se voit {WHERE}.", "{S}, c'est exactement ce qu'il fallait {LOC}.",
      "je voulais remercier les équipes de la ville pour {S}.",
      "très [satisfait|satisfaite] {DS}, continuez comme ça !",
      "{S}, on {l'|les }attendait depuis longtemps, et ça y est.", "je vois une vraie amélioration pour {S} {TIME}.",
      "il faut le dire quand ça marche : bravo pour {S}.", "avec {S}, on sent que les choses bougent {LOC}."},
     {"Franchement, ", "Sincèrement, ", "Honnêtement, ", "Vraiment, "},
     true,
     {"Mes voisins sont contents aussi.", "Il faut continuer dans ce sens.", "Ça rend le quartier plus agréable.",
      "J'ai pu le constater {WHEN}.", "On sent que les choses bougent {LOC}.",
      "C'est le genre de choses qu'on attend d'une mairie.", "Il faudrait juste mieux le faire savoir.",
      "Je le remarque {OFTEN} en passant {PLACE}.", "Ça fait plaisir de voir que nos remarques ont été entendues.",
      "Bravo aux agents qui s'en occupent au quotidien.", "Il reste des choses à faire, mais c'est bien parti."},
     {"Continuez !", "Merci encore.", "Bravo à toute l'équipe.", "Bonne continuation."},
     {"merci pour {S} !", "{S} : bravo", "{S} c'est top, continuez", "super {S} {LOC}", "bravo pour {S}",
      "{S} = bien, merci"},
     {"Merci pour {S}", "Bravo pour {S} !", "{S} : enfin du concret", "{S}, une réussite", "Bien joué pour {S}"}},
    // Criticism
    {{"rien n'a vraiment changé pour {S} {TIME}.", "{S}, c'est beaucoup trop lent.",
      "l'engagement « {T} », on l'attend toujours {LOC}.",
      "je suis [déçu|déçue] par {S}, on est loin de ce qui était annoncé.",
      "concernant {S}, on a surtout vu des annonces et peu de résultats.", "{WHERE}, on ne voit pas grand-chose {DS}.",
      "pour {S}, les délais ne sont pas tenus.", "pour {S}, ça n'avance pas, ou alors très lentement.",
      "on nous parle {DS} {TIME}, mais concrètement, qu'est-ce qui a changé ?",
      "j'ai l'impression que {S} {passe|passent} toujours après le reste.",
      "*{S} : beaucoup de communication, mais sur le terrain c'est une autre histoire.",
      "ce n'est pas normal d'attendre autant pour {S}.", "*{S} ? On en est toujours au même point {LOC}.",
      "je ne suis pas [convaincu|convaincue] par la façon dont la ville gère {S}.",
      "trop de retard sur {S}, et personne ne nous explique pourquoi.",
      "{S}, c'était une promesse, mais {LOC} on ne voit rien venir.",
      "{S} ne {répond|répondent} pas aux besoins du quartier."},
     {"Franchement, ", "Honnêtement, ", "Je suis [désolé|désolée] de le dire, mais ",
      "Soyons clairs : ", "Pour être honnête, "},
     true,
     {"{WHEN}, j'ai écrit à la mairie et je n'ai jamais eu de réponse.",
      "J'ai l'impression de ne pas être [écouté|écoutée].", "{LOC}, on mérite mieux que ça.",
      "Ce n'est pas faute d'en avoir parlé en réunion de quartier.", "Il y a trop de promesses et pas assez d'actes.",
      "Je le dis sans colère, mais il faut accélérer.", "Pendant ce temps, les problèmes s'accumulent {PLACE}.",
      "On a l'impression que notre quartier passe toujours en dernier.",
      "Il va falloir des actes avant la fin du mandat.", "Et ce n'est pas faute d'avoir signalé les problèmes."},
     {"J'attends des réponses.", "Il est temps d'agir.", "Merci d'en tenir compte.", "On compte sur vous."},
     {"{S} : toujours rien", "{S} trop lent !!", "et {S} ? rien vu {LOC}", "{S}, on attend encore",
      "{S} = promesse pas tenue", "{S} ça avance pas"},
     {"{S} : trop lent", "Et {S} ?", "Déception sur {S}", "{S}, toujours rien", "Trop d'attente pour {S}"}},
    // Proposal
    {{"il faudrait aller plus loin sur {S}, par exemple {IDEA}.", "*pour {S}, pourquoi ne pas {IDEA} ?",
      "il faudrait {IDEA}, surtout {WHERE}.", "je propose {dIDEA}.", "*une idée pour {S} : {IDEA}.",
      "*et si on essayait {dIDEA} ? Ce serait un bon début.", "{LOC}, ce serait bien {dIDEA}.",
      "pour améliorer {S}, on pourrait {IDEA}.", "*{S} : il faudrait {IDEA}, et vite.",
      "*mon idée : {IDEA}, à tester d'abord {LOC}.", "il serait utile {dIDEA}, au moins à titre d'essai.",
      "*pourquoi ne pas demander davantage l'avis des habitants sur {S} ?",
      "je suggère que la ville mette plus de moyens sur {S}.",
      "sur {S}, on pourrait s'inspirer de ce qui se fait à Montreuil ou à Vitry.",
      "plus de moyens pour {S} et un calendrier clair, ce serait déjà bien.", "pour {S}, le mieux serait {dIDEA}."},
     {"Petite suggestion : ", "Juste une idée : ", "Sinon, "},
     true,
     {"Ça ne coûterait pas très cher.", "On pourrait commencer par un test dans un quartier.",
      "Je suis [prêt|prête] à donner un coup de main.", "Les associations du quartier pourraient aider.",
      "L'important, c'est de demander l'avis des premiers concernés.",
      "Il faudrait aussi mieux faire connaître ce qui existe déjà.", "Autre idée : {IDEA}.",
      "On pourrait aussi {IDEA}.", "D'autres villes le font déjà, pourquoi pas nous ?",
      "Et surtout, qu'on nous tienne au courant de l'avancement."},
     {"Merci de transmettre l'idée.", "À étudier !", "Merci d'avance.", "J'espère que ce sera retenu."},
     {"{IDEA} svp", "idée : {IDEA}", "{S} → {IDEA}", "pour {S} : {IDEA}", "il faut {IDEA} !",
      "plus de moyens pour {S} svp"},
     {"Une idée pour {S}", "Proposition sur {S}", "Améliorer {S}", "Une suggestion pour {S}", "Idée pour {S}"}},
    // Question
    {{"où en {est|sont} {S} ?", "quand est-ce que {S} {sera|seront} vraiment en place {LOC} ?",
      "est-ce qu'il y a un calendrier pour {S} ?", "qui faut-il contacter pour {S} ?",
      "quel est le budget prévu pour {S} ?", "pourquoi est-ce que ça prend autant de temps pour {S} ?",
      "est-ce que {S} {concerne|concernent} aussi notre quartier ?",
      "comment les habitants peuvent-ils donner leur avis sur {S} ?",
      "est-ce que l'engagement « {T} » sera tenu d'ici la fin du mandat ?",
      "où peut-on trouver des informations sur {S} ?", "y a-t-il eu un bilan {DS} {LOC} ?",
      "pour {S}, qu'est-ce qui est prévu {LOC} ?", "est-ce que vous allez consulter les habitants sur {S} ?",
      "{S}, c'est pour quand ?", "à qui s'adresser quand on a un souci avec {S} ?",
      "qu'est-ce qui a été fait concrètement pour {S} {TIME} ?"},
     {"Simple question : ", "Petite question : ", "Je me demande : ", "Question : ", "Je voulais savoir : "},
     false,
     {"Merci de nous tenir informés.", "Personne n'a su me répondre à l'accueil de la mairie.",
      "On n'a aucune information {LOC}.", "J'ai posé la question {WHEN}, sans réponse pour l'instant.",
      "Ce serait bien d'avoir un calendrier précis.", "Est-ce que quelqu'un peut me répondre ?",
      "Je n'ai rien trouvé sur le site de la ville.", "Les voisins se posent la même question.",
      "Et qui décide des priorités ?"},
     {"Merci d'avance pour votre réponse.", "Merci de me répondre.", "Bonne journée.", "J'attends votre retour."},
     {"{S} c'est pour quand ?", "et {S} ??", "où en {est|sont} {S} ?", "{S} {LOC} ? quand ?",
      "{S} : quel calendrier ?"},
     {"Où en {est|sont} {S} ?", "{S} : quel calendrier ?", "Question sur {S}", "{S}, c'est pour quand ?", "Et {S} ?"}},
    // Observation
    {{"je constate que {S} {a|ont} un peu évolué {TIME}.",
      "{WHERE}, on voit des changements pour {S}, mais pas partout.",
      "j'ai remarqué que {S} {fait|font} beaucoup parler {LOC}.",
      "je constate que {S} ne {profite|profitent} pas à tout le monde de la même façon.",
      "pour {S}, les avis sont partagés autour de moi.", "*{S} : certaines choses ont bougé, d'autres pas du tout.",
      "dans mon entourage, peu de gens sont au courant {DS}.", "ces derniers mois, {S} {a|ont} pas mal changé {LOC}.",
      "on sent que {S} {est|sont} une priorité, mais les moyens ne suivent pas toujours.",
      "{S}, on en parle souvent entre voisins {LOC}.",
      "je remarque qu'on parle beaucoup {DS}, mais que l'information arrive mal jusqu'aux habitants.",
      "pour {S}, il y a du mieux {LOC}, mais c'est inégal d'une rue à l'autre.",
      "par rapport à il y a trois ans, {S} {a|ont} un peu progressé.",
      "je note que les choses bougent pour {S}, sans que les habitants soient vraiment informés.",
      "l'engagement « {T} » est en route, mais on n'en voit que le début {LOC}.",
      "*{S} : je vois des efforts {WHERE}, même si tout n'est pas réglé."},
     {"Pour info, ", "Simple constat : ", "De ce que je vois, ", "Objectivement, "},
     true,
     {"C'est juste un constat, pas une critique.", "Je le vois {OFTEN} en passant {PLACE}.",
      "Les gens en parlent pas mal au marché.", "À voir dans un an.", "Il faudra faire le point à la fin du mandat.",
      "Certains voisins sont satisfaits, d'autres beaucoup moins.", "Ça dépend vraiment des rues.",
      "Je donne mon avis tel quel, pour que ça remonte.", "Ce n'était pas comme ça il y a trois ans."},
     {"Voilà mon avis.", "À suivre.", "Merci pour la démarche."},
     {"{S} : ça bouge un peu", "{S} pas vu de changement {LOC}", "{S} : moyen", "{S}, des progrès mais lent",
      "{S} {LOC} : bof"},
     {"Constat sur {S}", "À propos {DS}", "{S} dans le quartier", "Mon regard sur {S}", "{S} : état des lieux"}},
};

// Emerging subjects: the sentence that frames the topic; facts and ideas come from the topic itself.
const Texts kOffCores[] = {
    {}, // Support is not drawn for off-programme subjects
    {"il y a un vrai problème avec {S} {LOC}, et ça ne s'arrange pas.", "{S}, ça ne va pas du tout {LOC}.",
     "personne ne parle {DS} dans ce bilan, pourtant c'est ce qui pèse le plus au quotidien.",
     "je ne vois rien dans le programme sur {S}, c'est dommage.", "{S}, c'est devenu un vrai sujet {TIME}.",
     "on alerte sur {S} {TIME} et rien ne bouge.", "{S}, c'est pire qu'avant {LOC}.",
     "pour {S}, on a l'impression que tout le monde s'en fiche.",
     "on parle de grands projets, mais {S}, c'est notre quotidien {LOC}."},
    {"il faudrait {IDEA}.", "*pourquoi ne pas {IDEA} ?", "concernant {S}, je propose {dIDEA}.",
     "{LOC}, ce serait bien {dIDEA}.", "*pour {S}, une solution simple : {IDEA}.",
     "la ville devrait {IDEA}, ce n'est pas si compliqué.", "il serait temps {dIDEA}, au moins {LOC}.",
     "pour {S}, on pourrait déjà {IDEA}."},
    {"*que compte faire la mairie au sujet {DS} ?", "*est-ce que quelque chose est prévu concernant {S} ?",
     "*qui s'occupe {DS} {LOC} ?", "*pourquoi {S} ne {fait|font} pas partie du bilan ?",
     "*à qui faut-il s'adresser pour {S} ?", "*est-ce que la ville peut agir sur {S}, ou ce n'est pas de son ressort ?",
     "*quand est-ce qu'on s'occupera enfin {DS} {LOC} ?"},
    {"je constate qu'on parle de plus en plus {DS} {LOC}.", "{S}, c'est le sujet dont tout le monde parle au marché.",
     "je remarque que {S} n'{apparaît|apparaissent} nulle part dans le programme.",
     "*{S} : la situation s'est dégradée {TIME}.",
     "ce n'est pas dans le programme, mais {S}, ça compte pour les habitants {LOC}.",
     "{TIME}, on parle beaucoup {DS} autour de moi.",
     "*je ne sais pas si c'est de la compétence de la ville, mais {S}, ça pose problème {LOC}."},
};
const Texts kOffSlips = {
    "{LABEL} {LOC} !!!",
    "{LABEL} {LOC}, faites quelque chose svp",
    "et {S} {LOC} ??",
    "{IDEA} svp",
    "{LABEL} {PLACE} : ras-le-bol",
    "{LABEL} {PLACE} !!",
    "{S} {LOC} = catastrophe",
    "{LABEL} ??? {IDEA}",
};
const Texts kOffTitles[] = {
    {},
    {"{LABEL} : il faut agir", "Alerte : {LABEL}", "{LABEL}, ça suffit", "{LABEL} : ras-le-bol"},
    {"Suggestion : {LABEL}", "{LABEL} : une idée", "Une proposition : {LABEL}"},
    {"Et {S} ?", "Question : {LABEL}", "{LABEL} : que fait la ville ?"},
    {"{LABEL} dans le quartier", "À propos {DS}", "Constat : {LABEL}"},
};

// ---- Per contributor profile ---------------------------------------------------------------------

enum class Voice { Resident, Agent, Shopkeeper, Association, Youth, Parent, Senior };

struct VoiceText {
    Texts sentences; // a personal detail that situates the speaker
    Texts leadIns;   // "En tant que ..., " glued in front of a core
};

const VoiceText kVoices[] = {
    // Resident
    {{"J'habite le quartier depuis {N} ans.", "Je vis {LOC} depuis {N} ans.",
      "Je suis locataire dans une résidence de l'office.", "Je suis [arrivé|arrivée] à Ivry il y a {N} ans.",
      "J'ai grandi ici, et mes enfants aussi.", "Je prends le métro tous les jours pour aller travailler.",
      "J'habite au quatrième étage, sans ascenseur."},
     {"En tant qu'[habitant|habitante] du quartier, ", "Pour ma part, ", "Comme beaucoup de voisins, "}},
    // Agent
    {{"Je suis [agent|agente] de la ville depuis {N} ans.", "Je travaille au service des espaces verts.",
      "Je travaille dans une école du quartier, à l'entretien.",
      "Je suis [animateur|animatrice] dans un centre de loisirs.", "Je travaille à l'accueil de la mairie.",
      "Je suis [agent|agente] de la ville et j'habite aussi {LOC}."},
     {"En tant qu'[agent|agente] de la ville, ", "Côté agents, "}},
    // Shopkeeper
    {{"J'ai une boutique {LOC} depuis {N} ans.", "Je suis [commerçant|commerçante] sur le marché.",
      "Je tiens une boulangerie près de la place.", "Mes clients m'en parlent souvent.",
      "Je tiens un petit restaurant {LOC}.", "J'ai un salon de coiffure {LOC}."},
     {"En tant que [commerçant|commerçante], ", "Côté commerçants, "}},
    // Association
    {{"Je suis bénévole dans une amicale de locataires.", "Notre association accompagne des familles {LOC}.",
      "Je m'exprime au nom de notre association de quartier.",
      "Je suis [président|présidente] d'un club sportif de la ville.",
      "Notre collectif d'habitants en discute depuis longtemps.",
      "Nous organisons l'aide aux devoirs dans notre local, {LOC}."},
     {"Au nom de notre association, ", "Pour ma part, "}},
    // Youth
    {{"Je suis en terminale au lycée Romain-Rolland.",
      "Je suis [étudiant|étudiante] et j'habite encore chez mes parents.", "Avec mes potes, on traîne souvent {PLACE}.",
      "Je suis en apprentissage dans une entreprise d'Ivry.", "Je cherche mon premier job.",
      "J'ai {AGE} ans et j'ai grandi {LOC}."},
     {"En tant que jeune, ", "Perso, "}},
    // Parent
    {{"J'ai deux enfants à l'école du quartier.", "Mes enfants sont en maternelle et en CM1.",
      "Je suis [délégué|déléguée] des parents d'élèves.", "J'emmène ma fille à l'école tous les matins.",
      "Comme beaucoup de parents, je jongle entre le travail et l'école.", "Mon fils entre au collège l'an prochain."},
     {"En tant que parent d'élève, ", "Comme [papa|maman] de deux enfants, "}},
    // Senior
    {{"Je suis à la retraite depuis {N} ans.", "J'habite Ivry depuis plus de quarante ans.",
      "Je vis [seul|seule] dans mon appartement.", "Je ne conduis plus, je me déplace à pied ou en bus.",
      "J'ai connu le quartier quand il y avait encore les usines.", "Mes petits-enfants viennent souvent me voir."},
     {"En tant que [retraité|retraitée], ", "Pour ma part, "}},
};

bool StartsWith(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

Voice VoiceOf(std::string_view profile)
{
    if (StartsWith(profile, "agent"))
        return Voice::Agent;
    if (StartsWith(profile, "commer"))
        return Voice::Shopkeeper;
    if (StartsWith(profile, "asso"))
        return Voice::Association;
    if (StartsWith(profile, "jeune") || StartsWith(profile, "étudiant") || StartsWith(profile, "lycéen"))
        return Voice::Youth;
    if (StartsWith(profile, "parent"))
        return Voice::Parent;
    if (StartsWith(profile, "retrait"))
        return Voice::Senior;
    return Voice::Resident;
}

// Uppercases the letter at `pos`, including the two-byte UTF-8 Latin-1 letters (é -> É, à -> À):
// sentences may start with a slot such as "à la rentrée" or "l'engagement".
void CapitaliseAt(std::string& text, std::size_t pos)
{
    if (pos >= text.size())
        return;
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c >= 'a' && c <= 'z') {
        text[pos] = static_cast<char>(c - 'a' + 'A');
    } else if (c == 0xC3 && pos + 1 < text.size()) {
        const auto d = static_cast<unsigned char>(text[pos + 1]);
        if (d >= 0xA0 && d <= 0xBE && d != 0xB7) // U+00E0..U+00FE except the division sign
            text[pos + 1] = static_cast<char>(d - 0x20);
    }
}

bool StartsWithVowelSound(const char* text)
{
    const auto c = static_cast<unsigned char>(text[0]);
    // 0xC3 leads every accented Latin-1 letter used here (é, è, ê, à, â, î, ô); elision before them is right.
    return c == 0xC3 || std::string_view("aeiouyhAEIOUYH").find(static_cast<char>(c)) != std::string_view::npos;
}

enum Slot { kSlotPlace, kSlotLocation, kSlotDuration, kSlotMoment, kSlotFrequency, kSlotIdea, kSlotYears, kSlotCount };

// Expands fragments into one output string. Remembers the last pick of each slot so that one text
// does not say "depuis des mois" twice.
class Writer {
public:
    explicit Writer(Random& random) : m_random(random) {}

    std::string* out = nullptr;
    std::string_view subject;
    std::string_view commitmentTitle;
    std::string_view label;
    bool plural = false;
    bool feminine = false;
    const Texts* ideas = nullptr; // ideas of the commitment (or its theme) or of the emerging topic
    bool genericIdeas = false;    // mix in kGenericIdeas (commitments only: they fit any programme item)
    std::size_t neighbourhood = 0;

    void SetSubject(std::string_view text)
    {
        subject = text;
        plural = StartsWith(text, "les ");
    }

    void Expand(std::string_view text)
    {
        std::size_t i = 0;
        while (i < text.size()) {
            const char c = text[i];
            if (c == '{' || c == '[') {
                const std::size_t end = text.find(c == '{' ? '}' : ']', i + 1);
                const std::string_view inner = text.substr(i + 1, end - i - 1);
                const std::size_t bar = inner.find('|');
                if (bar != std::string_view::npos)
                    out->append((c == '{' ? plural : feminine) ? inner.substr(bar + 1) : inner.substr(0, bar));
                else
                    ExpandSlot(inner);
                i = end + 1;
            } else {
                std::size_t next = text.find_first_of("{[", i);
                if (next == std::string_view::npos)
                    next = text.size();
                out->append(text, i, next - i);
                i = next;
            }
        }
    }

    /// Appends a sentence (with an optional lead-in) and capitalises its first letter.
    void Sentence(std::string_view text, std::string_view leadIn = {})
    {
        if (!out->empty() && out->back() != '\n')
            out->push_back(' ');
        const std::size_t start = out->size();
        Expand(leadIn);
        Expand(text);
        CapitaliseAt(*out, start);
    }

    const char* PickOnce(const Texts& list, Slot slot)
    {
        std::size_t index = m_random.Below(list.size());
        if (list[index] == m_last[slot] && list.size() > 1)
            index = (index + 1 + m_random.Below(list.size() - 1)) % list.size();
        return m_last[slot] = list[index];
    }

    /// A sentence of `list` whose index is not in the bit set `used`, so that a text never repeats itself.
    const char* PickUnused(const Texts& list, std::uint32_t& used)
    {
        std::size_t index = m_random.Below(list.size());
        for (std::size_t tries = 0; tries < list.size() && ((used >> index) & 1u); ++tries)
            index = (index + 1) % list.size();
        used |= 1u << index;
        return list[index];
    }

private:
    void AppendContracted(bool de)
    {
        if (StartsWith(subject, "les ")) {
            out->append(de ? "des " : "aux ").append(subject.substr(4));
        } else if (StartsWith(subject, "le ")) {
            out->append(de ? "du " : "au ").append(subject.substr(3));
        } else {
            out->append(de ? "de " : "à ").append(subject);
        }
    }

    const char* PickIdea()
    {
        const bool own = ideas && !ideas->empty() && (!genericIdeas || m_random.Chance(0.7));
        return PickOnce(own ? *ideas : kGenericIdeas, kSlotIdea);
    }

    void ExpandLocation()
    {
        const Texts& list = m_random.Chance(0.8) ? data::NeighbourhoodLocations(neighbourhood) : kGenericLocations;
        Expand(PickOnce(list, kSlotLocation));
    }

    void ExpandSlot(std::string_view name)
    {
        if (name == "S") {
            out->append(subject);
        } else if (name == "DS") {
            AppendContracted(true);
        } else if (name == "AS") {
            AppendContracted(false);
        } else if (name == "T") {
            out->append(commitmentTitle);
        } else if (name == "LABEL") {
            out->append(label);
        } else if (name == "LOC") {
            ExpandLocation();
        } else if (name == "PLACE") {
            out->append(PickOnce(kPlaces, kSlotPlace));
        } else if (name == "WHERE") {
            const double u = m_random.Unit();
            if (u < 0.8)
                out->append(PickOnce(kPlaces, kSlotPlace));
            if (u >= 0.45) {
                if (u < 0.8)
                    out->push_back(' ');
                ExpandLocation();
            }
        } else if (name == "TIME") {
            out->append(PickOnce(kDurations, kSlotDuration));
        } else if (name == "WHEN") {
            out->append(PickOnce(kMoments, kSlotMoment));
        } else if (name == "OFTEN") {
            out->append(PickOnce(kFrequencies, kSlotFrequency));
        } else if (name == "IDEA") {
            Expand(PickIdea());
        } else if (name == "dIDEA") {
            const char* idea = PickIdea();
            out->append(StartsWithVowelSound(idea) ? "d'" : "de ");
            Expand(idea);
        } else if (name == "N") {
            out->append(PickOnce(kYears, kSlotYears));
        } else if (name == "AGE") {
            const auto age = static_cast<int>(m_random.Between(15, 24));
            out->push_back(static_cast<char>('0' + age / 10));
            out->push_back(static_cast<char>('0' + age % 10));
        }
    }

    Random& m_random;
    const char* m_last[kSlotCount] = {};
};

enum class Shape { Slip, Short, Medium, Long };

Shape DrawShape(Random& random, bool platform)
{
    // Platform texts are typed at home and run longer; paper slips are often a single line.
    const double u = random.Unit();
    if (platform)
        return u < 0.03 ? Shape::Slip : u < 0.15 ? Shape::Short : u < 0.6 ? Shape::Medium : Shape::Long;
    return u < 0.18 ? Shape::Slip : u < 0.48 ? Shape::Short : u < 0.85 ? Shape::Medium : Shape::Long;
}

int SentenceCount(Random& random, Shape shape)
{
    switch (shape) {
    case Shape::Short:
        return 1;
    case Shape::Medium:
        return static_cast<int>(random.Between(2, 3));
    default:
        return static_cast<int>(random.Between(4, 5));
    }
}

enum class Channel { Paper, Platform, Unknown };

// The optional frame around the stance sentences: how many of the text's sentences go to an opening,
// a personal detail and a closing; the rest is filled with follow-up sentences.
struct Frame {
    bool opening = false;
    bool profileFirst = false;
    bool profileLater = false;
    bool closing = false;
    bool formal = false;
    int extras = 0;
};

Frame DrawFrame(Random& random, int sentences, int fixed, Channel channel)
{
    Frame frame;
    frame.formal = random.Chance(channel == Channel::Platform ? 0.45 : 0.25);
    int remaining = sentences - fixed;
    if (remaining > 0 && random.Chance(sentences >= 4 ? 0.5 : 0.2)) {
        frame.opening = true;
        --remaining;
    }
    if (remaining > 0 && random.Chance(0.45)) {
        (random.Chance(0.75) ? frame.profileFirst : frame.profileLater) = true;
        --remaining;
    }
    if (remaining > 0 && random.Chance(0.35)) {
        frame.closing = true;
        --remaining;
    }
    frame.extras = remaining > 0 ? remaining : 0;
    return frame;
}

void WriteOpening(Writer& writer, Random& random, const Frame& frame, Channel channel)
{
    if (frame.formal) {
        writer.Sentence(random.Pick(kOpeningsFormal));
    } else if (channel != Channel::Unknown && random.Chance(0.3)) {
        writer.Sentence(random.Pick(channel == Channel::Paper ? kOpeningsPaper : kOpeningsPlatform));
    } else {
        writer.Sentence(random.Pick(kOpeningsNeutral));
    }
}

void WriteClosing(Writer& writer, Random& random, const Frame& frame, const StanceText& stance)
{
    if (random.Chance(0.5))
        writer.Sentence(random.Pick(stance.closings));
    else
        writer.Sentence(random.Pick(frame.formal ? kClosingsFormal : kClosingsInformal));
}

/// True when "En tant que parent d'élève, " reads well in front of the core: the speaker or the subject
/// must come next ("..., je trouve", "..., la cantine, c'est"), not "la ville devrait" or "pour la cantine".
bool AcceptsVoiceLeadIn(std::string_view text)
{
    for (std::string_view opening : {"je ", "j'", "on ", "{S}", "merci", "bravo", "il faudrait", "c'est"})
        if (StartsWith(text, opening))
            return true;
    return false;
}

/// True when the core opens on a circumstantial phrase ("pour la cantine, ...", "par rapport à ...").
bool OpensOnCircumstance(std::string_view text)
{
    for (std::string_view opening : {"pour ", "par ", "concernant ", "ces ", "dans ", "sur ", "avec "})
        if (StartsWith(text, opening))
            return true;
    return false;
}

/// Writes a core sentence, sometimes behind a lead-in that suits it.
void WriteCore(Writer& writer, Random& random, const char* core, const StanceText& stance, const VoiceText& voice,
               bool allowVoiceLeadIn)
{
    std::string_view text = core;
    std::string_view leadIn;
    const bool circumstance = text.front() != '*' && OpensOnCircumstance(text);
    if (text.front() == '*') {
        text.remove_prefix(1);
    } else if (allowVoiceLeadIn && stance.voiceLeadIns && AcceptsVoiceLeadIn(text) && random.Chance(0.2)) {
        leadIn = random.Pick(voice.leadIns);
    } else if (random.Chance(0.2)) {
        leadIn = random.Pick(stance.leadIns);
        // "Simple constat : la cantine : ..." reads badly; keep one colon per sentence.
        if (leadIn.back() == ' ' && leadIn[leadIn.size() - 2] == ':' && text.find(':') != std::string_view::npos)
            leadIn = {};
        // Nor "Pour info, pour la cantine, ...".
        if (circumstance && leadIn.front() == 'P' && StartsWith(text, "p"))
            leadIn = {};
    }
    writer.Sentence(text, leadIn);
}

void WriteTitle(Writer& writer, std::string& title, const char* pattern)
{
    writer.out = &title;
    writer.Expand(pattern);
    CapitaliseAt(title, 0);
}

} // namespace

GeneratedText WriteContribution(Random& random, const CommitmentSeed& commitment, DemoStance stance,
                                const std::string& profile, bool withTitle)
{
    const StanceText& text = kStances[static_cast<int>(stance)];
    const VoiceText& voice = kVoices[static_cast<int>(VoiceOf(profile))];
    const Channel channel = withTitle ? Channel::Platform : Channel::Paper;

    Writer writer(random);
    writer.SetSubject(commitment.subjects.empty() ? std::string_view("cet engagement")
                                                  : std::string_view(random.Pick(commitment.subjects)));
    writer.commitmentTitle = commitment.title;
    // Ideas written for the commitment fit its subjects; theme ideas only cover commitments added later.
    const Texts& ideas = data::CommitmentIdeas(commitment.ref);
    writer.ideas = ideas.empty() ? &data::ThemeIdeas(commitment.theme) : &ideas;
    writer.genericIdeas = true;
    writer.feminine = random.Chance(0.5);
    writer.neighbourhood = random.Below(Neighbourhoods().size());

    GeneratedText result;
    result.body.reserve(512);
    writer.out = &result.body;

    const Shape shape = DrawShape(random, withTitle);
    if (shape == Shape::Slip) {
        writer.Expand(random.Pick(text.slips));
    } else {
        const Frame frame = DrawFrame(random, SentenceCount(random, shape), 1, channel);
        if (frame.opening)
            WriteOpening(writer, random, frame, channel);
        if (frame.profileFirst)
            writer.Sentence(random.Pick(voice.sentences));
        WriteCore(writer, random, random.Pick(text.cores), text, voice, !frame.profileFirst);
        if (frame.profileLater)
            writer.Sentence(random.Pick(voice.sentences));
        std::uint32_t used = 0;
        for (int i = 0; i < frame.extras; ++i)
            writer.Sentence(writer.PickUnused(text.extras, used));
        if (frame.closing)
            WriteClosing(writer, random, frame, text);
    }

    if (withTitle)
        WriteTitle(writer, result.title, random.Pick(text.titles));
    return result;
}

GeneratedText WriteOffProgramme(Random& random, std::string& label)
{
    const auto& topics = data::EmergingTopics();
    const std::size_t topicIndex = random.Below(topics.size());
    const data::EmergingTopic& topic = topics[topicIndex];
    label = EmergingLabels()[topicIndex];

    // Residents raise unlisted subjects mostly to complain or to report; praise is not drawn.
    const double u = random.Unit();
    const DemoStance stance = u < 0.4    ? DemoStance::Criticism
                              : u < 0.65 ? DemoStance::Observation
                              : u < 0.85 ? DemoStance::Proposal
                                         : DemoStance::Question;
    const StanceText& text = kStances[static_cast<int>(stance)];
    const VoiceText& voice = kVoices[random.Below(sizeof kVoices / sizeof kVoices[0])];

    Writer writer(random);
    writer.SetSubject(topic.subject);
    writer.label = topic.label;
    writer.ideas = &topic.ideas;
    writer.feminine = random.Chance(0.5);
    writer.neighbourhood = random.Below(Neighbourhoods().size());

    GeneratedText result;
    result.body.reserve(512);
    writer.out = &result.body;

    const bool platform = random.Chance(0.3);
    const Shape shape = DrawShape(random, platform);
    if (shape == Shape::Slip) {
        writer.Expand(random.Pick(kOffSlips));
    } else {
        // A fact about the topic always comes with the stance sentence, so even short texts say what is wrong.
        const int sentences = shape == Shape::Short ? 2 : SentenceCount(random, shape);
        const Frame frame = DrawFrame(random, sentences, 2, Channel::Unknown);
        if (frame.opening)
            WriteOpening(writer, random, frame, Channel::Unknown);
        if (frame.profileFirst)
            writer.Sentence(random.Pick(voice.sentences));
        std::uint32_t usedFacts = 0;
        const char* core = random.Pick(kOffCores[static_cast<int>(stance)]);
        if (random.Chance(0.7)) {
            writer.Sentence(writer.PickUnused(topic.facts, usedFacts));
            WriteCore(writer, random, core, text, voice, !frame.profileFirst);
        } else {
            WriteCore(writer, random, core, text, voice, !frame.profileFirst);
            writer.Sentence(writer.PickUnused(topic.facts, usedFacts));
        }
        if (frame.profileLater)
            writer.Sentence(random.Pick(voice.sentences));
        std::uint32_t usedExtras = 0;
        for (int i = 0; i < frame.extras; ++i) {
            if (i == 0 && random.Chance(0.5))
                writer.Sentence(writer.PickUnused(topic.facts, usedFacts));
            else
                writer.Sentence(writer.PickUnused(text.extras, usedExtras));
        }
        if (frame.closing)
            WriteClosing(writer, random, frame, text);
    }

    if (platform)
        WriteTitle(writer, result.title, random.Pick(kOffTitles[static_cast<int>(stance)]));
    return result;
}

} // namespace concerto::demo
