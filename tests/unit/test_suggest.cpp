// Commitment suggestions: quality on the hand-labelled set of tests/data/suggestions (see its
// README) against a plain keyword match, and the model's contract (accents, incremental
// examples, explanations, determinism).

#include "core/suggest.h"
#include "core/suggest_terms.h"
#include "core/text.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace concerto;

namespace {

std::vector<std::string> SplitOn(const std::string& text, char separator)
{
    std::vector<std::string> fields;
    std::stringstream stream(text);
    std::string field;
    while (std::getline(stream, field, separator))
        fields.push_back(field);
    return fields;
}

/// The rows of a TSV file of the labelled set, comments and blank lines skipped.
std::vector<std::vector<std::string>> ReadTsv(const std::string& name, std::size_t columns)
{
    const std::string path = std::string(CONCERTO_TEST_DATA_DIR) + "/suggestions/" + name;
    std::ifstream in(path);
    BOOST_REQUIRE_MESSAGE(in, "cannot read " << path);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        rows.push_back(SplitOn(line, '\t'));
        BOOST_REQUIRE_MESSAGE(rows.back().size() == columns, name << ": wrong column count in: " << line);
    }
    return rows;
}

struct LabelledContribution {
    bool train = false;
    std::vector<std::string> refs;
    std::string text;
};

/// The labelled set: each commitment's text (title, description, theme title, as
/// db/suggestion_source builds it) by ref, and the contributions.
struct LabelledSet {
    std::map<std::string, std::string> commitments;
    std::vector<LabelledContribution> contributions;

    LabelledSet()
    {
        std::map<std::string, std::string> themes;
        for (const auto& row : ReadTsv("themes.tsv", 2))
            themes[row[0]] = row[1];
        for (const auto& row : ReadTsv("commitments.tsv", 4)) {
            BOOST_REQUIRE(themes.count(row[1]));
            commitments[row[0]] = row[2] + "\n" + row[3] + "\n" + themes[row[1]];
        }
        for (const auto& row : ReadTsv("contributions.tsv", 3)) {
            BOOST_REQUIRE(row[0] == "train" || row[0] == "test");
            LabelledContribution c{row[0] == "train", SplitOn(row[1], ','), row[2]};
            for (const auto& ref : c.refs)
                BOOST_REQUIRE_MESSAGE(commitments.count(ref), "unknown ref " << ref);
            contributions.push_back(std::move(c));
        }
    }
};

/// Precision at 1 and at 3 over the test split: a contribution is a hit at k when one of its
/// labelled refs is among the k first answers of `rank`.
template <class Rank> std::pair<double, double> Precision(const LabelledSet& set, Rank&& rank)
{
    int tested = 0, at1 = 0, at3 = 0;
    for (const auto& c : set.contributions) {
        if (c.train)
            continue;
        ++tested;
        const std::vector<std::string> ranked = rank(c.text);
        for (std::size_t i = 0; i < ranked.size() && i < 3; ++i)
            if (std::find(c.refs.begin(), c.refs.end(), ranked[i]) != c.refs.end()) {
                at1 += i == 0;
                ++at3;
                break;
            }
    }
    return {double(at1) / tested, double(at3) / tested};
}

/// The baseline: the commitments sharing the most distinct folded words with the text (no
/// stemming, no stop words, no learning), ties by ref.
class KeywordBaseline {
public:
    explicit KeywordBaseline(const LabelledSet& set)
    {
        for (const auto& [ref, text] : set.commitments)
            m_words.emplace_back(ref, FoldedWords(text));
    }
    std::vector<std::string> Rank(const std::string& text) const
    {
        const std::set<std::string> words = FoldedWords(text);
        std::vector<std::pair<int, std::string>> scored;
        for (const auto& [ref, own] : m_words) {
            int shared = 0;
            for (const auto& word : words)
                shared += static_cast<int>(own.count(word));
            if (shared > 0)
                scored.emplace_back(-shared, ref);
        }
        std::sort(scored.begin(), scored.end());
        std::vector<std::string> refs;
        for (const auto& [score, ref] : scored)
            refs.push_back(ref);
        return refs;
    }

private:
    static std::set<std::string> FoldedWords(const std::string& text)
    {
        std::set<std::string> words;
        for (const auto& word : Words(text))
            words.insert(Fold(word));
        return words;
    }
    std::vector<std::pair<std::string, std::set<std::string>>> m_words;
};

std::vector<std::string> Ids(const std::vector<Suggestion>& suggestions)
{
    std::vector<std::string> ids;
    for (const auto& s : suggestions)
        ids.push_back(s.commitmentId);
    return ids;
}

/// A small programme of four commitments, with no examples.
SuggestionModel SmallModel()
{
    SuggestionModel model;
    model.AddCommitment("velo", "Pistes cyclables\nRelier les quartiers par des pistes cyclables séparées.");
    model.AddCommitment("ecoles", "Rénover les écoles\nIsoler les bâtiments scolaires et changer les fenêtres.");
    model.AddCommitment("cantine", "Cantine bio\nDes repas bio et locaux dans les restaurants scolaires.");
    model.AddCommitment("parc", "Un nouveau parc\nAménager un parc avec des aires de jeux.");
    return model;
}

} // namespace

BOOST_AUTO_TEST_SUITE(suggestions)

BOOST_AUTO_TEST_CASE(labelled_set_is_complete)
{
    const LabelledSet set;
    BOOST_TEST(set.commitments.size() == 37u);
    BOOST_TEST(set.contributions.size() == 400u);
    const auto train = std::count_if(set.contributions.begin(), set.contributions.end(),
                                     [](const LabelledContribution& c) { return c.train; });
    BOOST_TEST(train > 220);
    BOOST_TEST(train < 260);
    // Every commitment is learnt from and tested on.
    std::set<std::string> trained, tested;
    for (const auto& c : set.contributions)
        (c.train ? trained : tested).insert(c.refs.front());
    BOOST_TEST(trained.size() == set.commitments.size());
    BOOST_TEST(tested.size() == set.commitments.size());
}

BOOST_AUTO_TEST_CASE(model_beats_keyword_matching_on_the_labelled_set)
{
    const LabelledSet set;
    SuggestionModel model;
    for (const auto& [ref, text] : set.commitments)
        model.AddCommitment(ref, text);
    for (const auto& c : set.contributions)
        if (c.train)
            for (const auto& ref : c.refs)
                model.AddExample(ref, c.text);
    const auto [model1, model3] = Precision(set, [&](const std::string& text) { return Ids(model.Suggest(text, 3)); });

    SuggestionModel textOnly;
    for (const auto& [ref, text] : set.commitments)
        textOnly.AddCommitment(ref, text);
    const auto [text1, text3] = Precision(set, [&](const std::string& text) { return Ids(textOnly.Suggest(text, 3)); });

    const KeywordBaseline baseline(set);
    const auto [base1, base3] = Precision(set, [&](const std::string& text) { return baseline.Rank(text); });

    BOOST_TEST_MESSAGE("suggestions on the labelled test split: model P@1 "
                       << model1 << ", P@3 " << model3 << "; same model without examples P@1 " << text1 << ", P@3 "
                       << text3 << "; keyword baseline P@1 " << base1 << ", P@3 " << base3);
    BOOST_TEST(model1 > base1);
    BOOST_TEST(model3 > base3);
    // Measured 0.53 and 0.69 when the set was written; the floors leave room for retuning only.
    BOOST_TEST(model1 > 0.45);
    BOOST_TEST(model3 > 0.62);
    // The examples are what the model learns from: they must help.
    BOOST_TEST(model1 > text1);
    BOOST_TEST(model3 > text3);
}

BOOST_AUTO_TEST_CASE(accents_case_and_plurals_do_not_matter)
{
    const SuggestionModel model = SmallModel();
    for (const char* text : {"ecole", "Écoles", "les ECOLES", "une école"}) {
        const auto suggestions = model.Suggest(text, 5);
        BOOST_TEST_REQUIRE(suggestions.size() == 1u, text);
        BOOST_TEST(suggestions.front().commitmentId == "ecoles");
    }
    BOOST_TEST(model.Suggest("cantines", 1).front().commitmentId == "cantine");
    BOOST_TEST(model.Suggest("piste cyclable", 1).front().commitmentId == "velo");
}

BOOST_AUTO_TEST_CASE(empty_or_stop_word_text_suggests_nothing)
{
    const SuggestionModel model = SmallModel();
    BOOST_TEST(model.Suggest("", 5).empty());
    BOOST_TEST(model.Suggest("   \n\t ", 5).empty());
    BOOST_TEST(model.Suggest("Et puis, c'est que ça ne va pas du tout, vraiment !", 5).empty());
    BOOST_TEST(model.Suggest("xylophone zébré", 5).empty());
    BOOST_TEST(model.Suggest("écoles", 0).empty());
    BOOST_TEST(SuggestionModel().Suggest("écoles", 5).empty());
}

BOOST_AUTO_TEST_CASE(words_say_why_as_written)
{
    const SuggestionModel model = SmallModel();
    const auto suggestions = model.Suggest("Les Pistes cyclables, et l'école du coin", 5);
    BOOST_TEST_REQUIRE(suggestions.size() >= 2u);
    BOOST_TEST(suggestions[0].commitmentId == "velo");
    BOOST_TEST(suggestions[0].words.size() == 2u);
    BOOST_TEST((std::set<std::string>(suggestions[0].words.begin(), suggestions[0].words.end()) ==
                std::set<std::string>{"Pistes", "cyclables"}));
    const auto school = std::find_if(suggestions.begin(), suggestions.end(),
                                     [](const Suggestion& s) { return s.commitmentId == "ecoles"; });
    BOOST_TEST_REQUIRE((school != suggestions.end()));
    BOOST_TEST(school->words == std::vector<std::string>{"école"});
    for (std::size_t i = 1; i < suggestions.size(); ++i)
        BOOST_TEST(suggestions[i - 1].score >= suggestions[i].score);
}

BOOST_AUTO_TEST_CASE(examples_teach_the_words_people_use)
{
    SuggestionModel model = SmallModel();
    BOOST_TEST(model.Suggest("les bagnoles me frôlent quand je pédale", 3).empty());
    model.AddExample("velo", "Je pédale tous les jours et les bagnoles me frôlent");
    model.AddExample("velo", "On pédale au milieu des voitures, c'est dangereux");
    BOOST_TEST(model.ExampleCount() == 2u);
    BOOST_TEST(model.ExampleCount("velo") == 2u);
    const auto suggestions = model.Suggest("les bagnoles me frôlent quand je pédale", 3);
    BOOST_TEST_REQUIRE(!suggestions.empty());
    BOOST_TEST(suggestions.front().commitmentId == "velo");
    const std::set<std::string> why(suggestions.front().words.begin(), suggestions.front().words.end());
    BOOST_TEST((why == std::set<std::string>{"bagnoles", "frôlent", "pédale"}));
    model.AddExample("unknown", "pédale"); // ignored
    BOOST_TEST(model.ExampleCount() == 2u);
}

BOOST_AUTO_TEST_CASE(add_then_remove_example_restores_the_exact_scores)
{
    SuggestionModel model = SmallModel();
    model.AddExample("parc", "un parc pour les enfants du quartier avec des jeux");
    model.AddExample("cantine", "la cantine des enfants est trop chère");
    const std::vector<std::string> queries = {"les enfants jouent au parc", "cantine trop chère pour les enfants",
                                              "pistes cyclables dans le quartier"};
    std::vector<std::vector<Suggestion>> before;
    for (const auto& q : queries)
        before.push_back(model.Suggest(q, 5));

    const std::string added = "les enfants du quartier veulent une cantine et des pistes, nouveau mot: trottinette";
    model.AddExample("velo", added);
    BOOST_TEST(model.Suggest(queries[2], 5).front().score != before[2].front().score);
    model.RemoveExample("velo", added);
    model.RemoveExample("velo", added);                    // a second removal finds nothing to remove
    model.RemoveExample("parc", "jamais ajouté ce texte"); // nor does one of a text never added
    BOOST_TEST(model.ExampleCount() == 2u);
    for (std::size_t i = 0; i < queries.size(); ++i) {
        const auto after = model.Suggest(queries[i], 5);
        BOOST_TEST_REQUIRE(after.size() == before[i].size());
        for (std::size_t j = 0; j < after.size(); ++j) {
            BOOST_TEST(after[j].commitmentId == before[i][j].commitmentId);
            BOOST_TEST(after[j].score == before[i][j].score); // exactly, not approximately
            BOOST_TEST(after[j].words == before[i][j].words);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_commitment_without_examples_is_found_from_its_text)
{
    SuggestionModel model = SmallModel();
    for (int i = 0; i < 200; ++i) {
        model.AddExample("velo", "vélo numéro " + std::to_string(i) + " dans la rue et le quartier");
        model.AddExample("cantine", "repas " + std::to_string(i) + " à la cantine du quartier");
    }
    const auto suggestions = model.Suggest("Il faut un parc avec des jeux dans le quartier", 3);
    BOOST_TEST_REQUIRE(!suggestions.empty());
    BOOST_TEST(suggestions.front().commitmentId == "parc");
}

BOOST_AUTO_TEST_CASE(many_examples_do_not_win_by_size_alone)
{
    // "garderie" is in 30 of the 300 examples of a busy commitment, and in all 10 of a quiet
    // one: counting examples would pick the busy one; the word is typical of the quiet one.
    SuggestionModel model;
    model.AddCommitment("busy", "Accueil du soir");
    model.AddCommitment("quiet", "Petite enfance");
    for (int i = 0; i < 300; ++i)
        model.AddExample("busy", i % 10 == 0 ? "la garderie ferme tôt le soir" : "accueil du soir trop court");
    for (int i = 0; i < 10; ++i)
        model.AddExample("quiet", "pas de garderie pour mon bébé");
    BOOST_TEST(Ids(model.Suggest("la garderie", 2)) == (std::vector<std::string>{"quiet", "busy"}));
}

BOOST_AUTO_TEST_CASE(ties_are_broken_by_id_and_results_repeat)
{
    SuggestionModel model;
    model.AddCommitment("c-2", "Jardins partagés");
    model.AddCommitment("c-1", "Jardins partagés");
    model.AddCommitment("c-3", "Jardins partagés");
    const auto first = model.Suggest("un jardin partagé", 5);
    BOOST_TEST(Ids(first) == (std::vector<std::string>{"c-1", "c-2", "c-3"}));
    BOOST_TEST(first[0].score == first[2].score);
    BOOST_TEST(Ids(model.Suggest("un jardin partagé", 2)) == (std::vector<std::string>{"c-1", "c-2"}));
    // Declaring a commitment again replaces its text.
    model.AddCommitment("c-1", "Composteurs collectifs");
    BOOST_TEST(Ids(model.Suggest("un jardin partagé", 5)) == (std::vector<std::string>{"c-2", "c-3"}));
    BOOST_TEST(model.CommitmentCount() == 3u);
}

BOOST_AUTO_TEST_CASE(terms_keep_the_words_as_written)
{
    const auto terms = SuggestionTerms("L'École, les écoles et l’ecole : 30 km/h !");
    std::vector<std::string> stems, words;
    for (const auto& t : terms) {
        stems.push_back(t.stem);
        words.push_back(t.word);
    }
    BOOST_TEST(words == (std::vector<std::string>{"École", "écoles", "ecole", "30", "km"}));
    BOOST_TEST(stems == (std::vector<std::string>{"ecol", "ecol", "ecol", "30", "km"}));
    BOOST_TEST(IsFrenchStopWord("etaient"));
    BOOST_TEST(!IsFrenchStopWord("ecole"));
}

BOOST_AUTO_TEST_SUITE_END()
