#include "core/suggest_terms.h"

#include "core/text.h"

#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace concerto {

namespace {

// Folded French stop words. Grammatical words, the auxiliaries and modal verbs in their
// common forms, and the fillers of the spoken and typed register contributions are written in.
// Words that look grammatical but carry a subject here stay out on purpose: "personne"
// (personnes âgées), "ans" (an age), "mal" (du mal en maths), "gens", "ville", "quartier".
const char* const kStopWords[] = {
    // articles, prepositions, conjunctions
    "au", "aux", "avec", "ce", "ces", "cet", "cette", "ceci", "cela", "ca", "celui", "celle", "celles", "ceux", "chez",
    "dans", "de", "des", "du", "en", "entre", "et", "ou", "par", "pour", "sur", "sous", "sans", "vers", "le", "la",
    "les", "un", "une", "qu", "mais", "donc", "or", "ni", "car", "si", "comme", "quand", "lorsque", "puisque", "parce",
    "pendant", "depuis", "avant", "apres", "contre", "selon", "via", "afin", "dont",
    // pronouns and determiners
    "je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "me", "te", "se", "moi", "toi", "lui", "leur",
    "leurs", "eux", "soi", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos",
    "qui", "que", "quoi", "lequel", "laquelle", "lesquels", "lesquelles", "auquel", "duquel", "quel", "quelle", "quels",
    "quelles", "chaque", "quelque", "quelques", "plusieurs", "certains", "certaines", "tel", "telle", "tels", "telles",
    "aucun", "aucune", "autre", "autres", "meme", "memes", "tout", "tous", "toute", "toutes", "rien", "chose", "choses",
    "cest", "jai", "ya", "yen", "y",
    // adverbs that qualify rather than name
    "ne", "pas", "plus", "moins", "tres", "trop", "peu", "beaucoup", "bien", "aussi", "encore", "deja", "toujours",
    "jamais", "souvent", "parfois", "alors", "ainsi", "ici", "voila", "voici", "oui", "non", "point", "juste",
    "vraiment", "franchement", "enfin", "surtout", "seulement", "bref", "puis", "ensuite", "fois", "comment",
    "pourquoi", "combien", "tant", "assez", "presque", "plutot", "vite",
    // etre, avoir and the modal verbs
    "etre", "suis", "es", "est", "sommes", "etes", "sont", "etais", "etait", "etions", "etiez", "etaient", "ete",
    "serai", "sera", "serons", "seront", "serais", "serait", "serions", "seraient", "sois", "soit", "soient", "avoir",
    "ai", "as", "avons", "avez", "ont", "avais", "avait", "avions", "aviez", "avaient", "eu", "aurai", "aura", "aurons",
    "auront", "aurais", "aurait", "auraient", "aie", "ait", "faire", "fais", "fait", "faites", "font", "faisait",
    "fera", "ferait", "aller", "vais", "va", "vont", "allait", "ira", "irait", "peut", "peux", "pouvons", "pouvez",
    "peuvent", "pourrait", "pourraient", "pourrions", "pouvoir", "pu", "veux", "veut", "voulons", "voulez", "veulent",
    "voudrait", "voudrais", "vouloir", "faut", "faudrait", "fallait", "doit", "doivent", "devrait", "devraient", "dois",
    "devoir",
    // verbs, nouns and adjectives so general they fit any subject
    "gens", "vrai", "vraie", "vrais", "vraies", "jour", "jours", "fin", "nouveau", "nouvel", "nouvelle", "nouveaux",
    "nouvelles", "mettre", "mettez", "met", "mis", "dire", "dit", "voir", "prendre", "venir", "donner", "trouver",
    "rester", "reste", "passe", "passer", "besoin", "idee", "idees", "mois", "annee", "annees", "semaine", "semaines",
    "quelqu", "quelquun", "super", "genial", "top", "bravo", "parfait",
    // fillers and politeness of the typed register
    "svp", "stp", "merci", "bonjour", "bon", "bonne", "ok", "etc", "ah", "oh", "eh", "hein", "bah", "ben", "pk", "pq",
    "pcq", "mdr", "lol", "genre", "truc", "trucs"};

// The index key of one word as written, or "" for a stop word or a one-letter word. Computed
// once per thread: a coding session sees the same few thousand words again and again, and
// loading 100,000 examples stems each distinct word only once.
const std::string& CachedKey(const std::string& word)
{
    thread_local FrenchStemmer stemmer;
    thread_local std::unordered_map<std::string, std::string> cache;
    if (cache.size() > 500000) // a bound against unbounded vocabularies (pasted logs, numbers)
        cache.clear();
    auto found = cache.find(word);
    if (found == cache.end()) {
        // Stemming the folded form makes "creche" and "crèche", "generaliste" and "généraliste"
        // one key: contributions are often typed without accents.
        const auto lower = Words(word);
        const std::string folded = lower.size() == 1 ? Fold(lower.front()) : std::string();
        std::string key = folded.size() < 2 || IsFrenchStopWord(folded) ? std::string() : stemmer.Stem(folded);
        found = cache.emplace(word, key.size() < 2 ? std::string() : std::move(key)).first;
    }
    return found->second;
}

} // namespace

bool IsFrenchStopWord(const std::string& folded)
{
    static const std::unordered_set<std::string_view> words(std::begin(kStopWords), std::end(kStopWords));
    return words.count(folded) > 0;
}

std::vector<SuggestionTerm> SuggestionTerms(const std::string& text)
{
    std::vector<SuggestionTerm> terms;
    std::size_t start = 0;
    auto flush = [&](std::size_t end) {
        if (end > start) {
            std::string word = text.substr(start, end - start);
            const std::string& key = CachedKey(word);
            if (!key.empty())
                terms.push_back({key, std::move(word)});
        }
    };
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t before = pos;
        if (!IsWordChar(DecodeUtf8(text, pos))) {
            flush(before);
            start = pos;
        }
    }
    flush(text.size());
    return terms;
}

} // namespace concerto
