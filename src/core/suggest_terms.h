#pragma once
// The terms the suggestion model sees in a text: each word as written, and the key it is
// indexed under (folded, Snowball-stemmed), French stop words and one-letter words left out.
// Shared by the model (suggest.cpp), its tests and its benchmark, so that all of them read
// text the same way.

#include <string>
#include <vector>

namespace concerto {

/// One word of a text that carries meaning.
struct SuggestionTerm {
    std::string stem; ///< folded Snowball French stem: the index key ("écoles" -> "ecol")
    std::string word; ///< the word exactly as written in the text ("Écoles")
};

/// The meaningful words of `text`, in text order, repeats included. Thread-safe (each thread
/// keeps its own stemmer and a bounded cache of the stems it has computed).
std::vector<SuggestionTerm> SuggestionTerms(const std::string& text);

/// True for a French stop word, given in folded form ("etaient", "ca", "tres"): the grammatical
/// words, auxiliaries and fillers of spoken French ("ya", "svp", "bon") that say nothing of a subject.
bool IsFrenchStopWord(const std::string& folded);

} // namespace concerto
