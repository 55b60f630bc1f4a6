#pragma once
// Commitment suggestions for a contribution being coded. The model learns from two sources:
// each commitment's own text (reference, title, description, theme), and the contributions
// already tagged with it, so that it improves as coding goes on. Words are folded (case,
// accents), stop words dropped and the rest reduced to their Snowball French stem. Every
// suggestion carries the words that weighed most in its score, so a coder sees why.
//
// The model is plain memory, with no database: db/suggestion_source.h fills it. Adding or
// removing one example is cheap, so the coding view keeps it current as tags come and go.
// Suggest() may run on several threads at once as long as nothing modifies the model meanwhile.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace concerto {

/// One suggested commitment for a text.
struct Suggestion {
    std::string commitmentId;
    double score = 0;               ///< higher is better; comparable within one Suggest() call
    std::vector<std::string> words; ///< the words of the text that weighed most, as written there, best first
};

/// The knobs of the scoring (see suggest.cpp for the formula). The defaults were set on the
/// training half of tests/data/suggestions, never on its test half; change them only with
/// that evaluation at hand.
struct SuggestionTuning {
    double textWeight = 1.0;          ///< weight of a commitment's own text
    double exampleWeight = 1.0;       ///< weight of the contributions already tagged with it, once it has many
    double examplesForHalf = 3.0;     ///< examples at which the examples count half as much as with many
    double examplePseudo = 1.0;       ///< pseudo-examples in the share of examples holding a word (damps 1 of 1)
    double shareForHalf = 0.08;       ///< share of a commitment's examples holding a word for half its weight
    double textK1 = 1.2, textB = 0.5; ///< BM25 saturation and length normalisation of commitment texts
    std::size_t explainWords = 3;     ///< words given with each suggestion, at most
};

class SuggestionModel {
public:
    SuggestionModel();
    ~SuggestionModel();
    SuggestionModel(SuggestionModel&&) noexcept;
    SuggestionModel& operator=(SuggestionModel&&) noexcept;

    /// Declares a commitment and its own text (typically title, description and theme title:
    /// see CommitmentSuggestionText in db/suggestion_source.h). Declaring an id again replaces
    /// its text and keeps its examples.
    void AddCommitment(const std::string& commitmentId, const std::string& text);
    /// Records that `text` was tagged with `commitmentId` (unknown ids are ignored).
    void AddExample(const std::string& commitmentId, const std::string& text);
    /// Forgets one AddExample(commitmentId, text) (after an untag or an undo). A text that was
    /// never added for that commitment, or already forgotten, changes nothing.
    void RemoveExample(const std::string& commitmentId, const std::string& text);

    /// The `k` best commitments for `text`, best first; fewer (or none) when few commitments
    /// share any word with it.
    std::vector<Suggestion> Suggest(const std::string& text, std::size_t k) const;

    std::size_t CommitmentCount() const;
    std::size_t ExampleCount() const;
    /// Examples currently recorded for one commitment (0 for an unknown id).
    std::size_t ExampleCount(const std::string& commitmentId) const;

    /// Replaces the scoring knobs; takes effect at the next Suggest().
    void SetTuning(const SuggestionTuning& tuning);
    const SuggestionTuning& Tuning() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace concerto
