// The suggestion model. Each commitment c is scored for a text by summing, over the distinct
// stems t of the text it shares with c:
//
//   idf(t) × [ textWeight × bm25(tf of t in c's text)
//            + exampleWeight × n/(n + examplesForHalf) × share/(share + shareForHalf) ]
//
// where idf is computed over every commitment text and every example together, n is the number
// of examples of c and share = (examples of c holding t) / (n + examplePseudo).
//
// Why this shape:
// - The commitment's own text is always there, so a commitment nobody has tagged yet is still
//   found; as its examples grow, the vocabulary of the people who write in (which is rarely
//   the programme's) takes over, through the n/(n + h) confidence.
// - Examples count by the SHARE of a commitment's examples holding a word, not by how many
//   hold it: a commitment with 2,000 examples is not favoured over one with 20 just for its
//   size, and a word used once among thousands weighs almost nothing. The pseudo-example keeps
//   one example out of one from looking like a certainty.
// - Both parts saturate (BM25, share/(share + s)), so no single word decides, and the idf
//   keeps the words every contribution uses ("ville", "quartier") from deciding anything.
//
// Everything is an inverted index from stem to per-commitment counts, so Suggest() reads only
// the postings of the text's stems: no example is scanned at query time, and adding or removing
// an example touches only the postings of its own stems.

#include "core/suggest.h"

#include "core/suggest_terms.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_map>
#include <unordered_set>

namespace concerto {

namespace {

/// How often one commitment's text or examples hold one stem.
struct Posting {
    int commitment = 0;
    int count = 0; ///< text: occurrences in the text; examples: examples holding the stem
};

/// Everything known of one stem.
struct Term {
    std::vector<Posting> text, examples; ///< each sorted by commitment index
    int examplesHolding = 0;             ///< examples (of every commitment) holding the stem
};

struct CommitmentEntry {
    std::string id;
    std::vector<std::pair<int, int>> textTerms; ///< (term id, occurrences) of its own text
    int textLength = 0;
    int examples = 0;
    /// How many times each distinct stem set was added, so that RemoveExample of a text never
    /// added (or already removed) changes nothing instead of corrupting the counts.
    std::unordered_map<std::size_t, int> exampleKeys;
};

/// Adds `delta` to the posting of `commitment` in a sorted list, dropping it at zero.
void Bump(std::vector<Posting>& postings, int commitment, int delta)
{
    auto at = std::lower_bound(postings.begin(), postings.end(), commitment,
                               [](const Posting& p, int c) { return p.commitment < c; });
    if (at == postings.end() || at->commitment != commitment)
        at = postings.insert(at, Posting{commitment, 0});
    at->count += delta;
    if (at->count <= 0)
        postings.erase(at);
}

/// One contribution of one stem to one commitment's score, kept to explain the suggestion.
struct Part {
    int commitment;
    int queryTerm;
    double value;
};

} // namespace

struct SuggestionModel::Impl {
    SuggestionTuning tuning;
    std::unordered_map<std::string, int> termIds;
    std::vector<Term> terms;
    std::unordered_map<std::string, int> commitmentIndex;
    std::vector<CommitmentEntry> commitments;
    long long textLengthTotal = 0;
    long long exampleTotal = 0;

    int TermId(const std::string& stem)
    {
        const auto [at, added] = termIds.emplace(stem, static_cast<int>(terms.size()));
        if (added)
            terms.emplace_back();
        return at->second;
    }

    /// The distinct stems of a text as term ids, sorted (creating ids for new stems).
    std::vector<int> DistinctTerms(const std::string& text)
    {
        std::vector<int> ids;
        for (const auto& term : SuggestionTerms(text))
            ids.push_back(TermId(term.stem));
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        return ids;
    }

    /// A key of a set of stems given as sorted term ids (stable for the model's life).
    static std::size_t SetKey(const std::vector<int>& ids)
    {
        std::size_t key = ids.size();
        for (const int id : ids)
            key ^= std::hash<int>()(id) + 0x9e3779b97f4a7c15ULL + (key << 6) + (key >> 2);
        return key;
    }

    void ChangeExample(const std::string& commitmentId, const std::string& text, int delta)
    {
        const auto found = commitmentIndex.find(commitmentId);
        if (found == commitmentIndex.end())
            return;
        const int index = found->second;
        CommitmentEntry& entry = commitments[index];
        const std::vector<int> ids = DistinctTerms(text);
        const std::size_t key = SetKey(ids);
        int& copies = entry.exampleKeys[key];
        if (copies + delta < 0) {
            entry.exampleKeys.erase(key);
            return;
        }
        copies += delta;
        if (copies == 0)
            entry.exampleKeys.erase(key);
        for (const int id : ids) {
            Bump(terms[id].examples, index, delta);
            terms[id].examplesHolding += delta;
        }
        entry.examples += delta;
        exampleTotal += delta;
    }

    double Idf(const Term& term) const
    {
        const double documents = static_cast<double>(commitments.size() + exampleTotal);
        const double holding = static_cast<double>(term.text.size()) + term.examplesHolding;
        return std::log(1.0 + (documents - holding + 0.5) / (holding + 0.5));
    }

    /// Adds what query term number `queryTerm` (stem `term`) gives every commitment it touches.
    void Score(const Term& term, int queryTerm, std::vector<double>& scores, std::vector<Part>& parts) const
    {
        const SuggestionTuning& t = tuning;
        const double idf = Idf(term);
        const double averageLength =
            commitments.empty() ? 1.0 : std::max(1.0, double(textLengthTotal) / commitments.size());
        for (const Posting& p : term.text) {
            const double length = commitments[p.commitment].textLength;
            const double norm = t.textK1 * (1 - t.textB + t.textB * length / averageLength);
            const double value = t.textWeight * idf * p.count * (t.textK1 + 1) / (p.count + norm);
            scores[p.commitment] += value;
            parts.push_back({p.commitment, queryTerm, value});
        }
        for (const Posting& p : term.examples) {
            const double n = commitments[p.commitment].examples;
            const double share = p.count / (n + t.examplePseudo);
            const double value = t.exampleWeight * idf * n / (n + t.examplesForHalf) * share / (share + t.shareForHalf);
            scores[p.commitment] += value;
            parts.push_back({p.commitment, queryTerm, value});
        }
    }

    /// The words of the query that gave commitment `c` the most, best first (ties in text order).
    std::vector<std::string> Explain(int c, const std::vector<Part>& parts,
                                     const std::vector<std::string>& queryWords) const
    {
        std::vector<std::pair<double, int>> byTerm(queryWords.size());
        for (std::size_t i = 0; i < byTerm.size(); ++i)
            byTerm[i] = {0.0, static_cast<int>(i)};
        for (const Part& part : parts)
            if (part.commitment == c)
                byTerm[part.queryTerm].first += part.value;
        std::stable_sort(byTerm.begin(), byTerm.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        std::vector<std::string> words;
        for (const auto& [value, term] : byTerm)
            if (value > 0 && words.size() < tuning.explainWords)
                words.push_back(queryWords[term]);
        return words;
    }
};

SuggestionModel::SuggestionModel() : m_impl(std::make_unique<Impl>()) {}
SuggestionModel::~SuggestionModel() = default;
SuggestionModel::SuggestionModel(SuggestionModel&&) noexcept = default;
SuggestionModel& SuggestionModel::operator=(SuggestionModel&&) noexcept = default;

void SuggestionModel::AddCommitment(const std::string& commitmentId, const std::string& text)
{
    Impl& m = *m_impl;
    const auto [found, added] = m.commitmentIndex.emplace(commitmentId, static_cast<int>(m.commitments.size()));
    const int index = found->second;
    if (added) {
        m.commitments.emplace_back();
        m.commitments.back().id = commitmentId;
    }
    CommitmentEntry& entry = m.commitments[index];
    for (const auto& [id, count] : entry.textTerms)
        Bump(m.terms[id].text, index, -count);
    m.textLengthTotal -= entry.textLength;
    entry.textTerms.clear();
    entry.textLength = 0;
    std::unordered_map<int, int> counts;
    for (const auto& term : SuggestionTerms(text)) {
        ++counts[m.TermId(term.stem)];
        ++entry.textLength;
    }
    for (const auto& [id, count] : counts) {
        entry.textTerms.emplace_back(id, count);
        Bump(m.terms[id].text, index, count);
    }
    m.textLengthTotal += entry.textLength;
}

void SuggestionModel::AddExample(const std::string& commitmentId, const std::string& text)
{
    m_impl->ChangeExample(commitmentId, text, +1);
}

void SuggestionModel::RemoveExample(const std::string& commitmentId, const std::string& text)
{
    m_impl->ChangeExample(commitmentId, text, -1);
}

std::vector<Suggestion> SuggestionModel::Suggest(const std::string& text, std::size_t k) const
{
    const Impl& m = *m_impl;
    std::vector<Suggestion> result;
    if (k == 0 || m.commitments.empty())
        return result;
    // The distinct known stems of the text, each with the first word that produced it.
    std::vector<const Term*> queryTerms;
    std::vector<std::string> queryWords;
    std::unordered_set<int> seen;
    for (auto& term : SuggestionTerms(text)) {
        const auto found = m.termIds.find(term.stem);
        if (found != m.termIds.end() && seen.insert(found->second).second) {
            queryTerms.push_back(&m.terms[found->second]);
            queryWords.push_back(std::move(term.word));
        }
    }
    std::vector<double> scores(m.commitments.size(), 0.0);
    std::vector<Part> parts;
    for (std::size_t i = 0; i < queryTerms.size(); ++i)
        m.Score(*queryTerms[i], static_cast<int>(i), scores, parts);

    std::vector<int> ranked;
    for (std::size_t c = 0; c < scores.size(); ++c)
        if (scores[c] > 0)
            ranked.push_back(static_cast<int>(c));
    const auto better = [&](int a, int b) {
        if (scores[a] != scores[b])
            return scores[a] > scores[b];
        return m.commitments[a].id < m.commitments[b].id;
    };
    const std::size_t kept = std::min(k, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + kept, ranked.end(), better);
    ranked.resize(kept);

    for (const int c : ranked)
        result.push_back({m.commitments[c].id, scores[c], m.Explain(c, parts, queryWords)});
    return result;
}

std::size_t SuggestionModel::CommitmentCount() const
{
    return m_impl->commitments.size();
}

std::size_t SuggestionModel::ExampleCount() const
{
    return static_cast<std::size_t>(m_impl->exampleTotal);
}

std::size_t SuggestionModel::ExampleCount(const std::string& commitmentId) const
{
    const auto found = m_impl->commitmentIndex.find(commitmentId);
    return found == m_impl->commitmentIndex.end() ? 0 : m_impl->commitments[found->second].examples;
}

void SuggestionModel::SetTuning(const SuggestionTuning& tuning)
{
    m_impl->tuning = tuning;
}

const SuggestionTuning& SuggestionModel::Tuning() const
{
    return m_impl->tuning;
}

} // namespace concerto
