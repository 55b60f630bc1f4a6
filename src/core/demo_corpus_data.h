#pragma once
// Internal to demo_corpus.cpp: raw text material of the demo consultation that the text
// generator needs beyond the public seeds (idea lists, place phrases, emerging topics).
// Kept apart so that demo_corpus.cpp stays about the generator and this file about content.

#include <cstddef>
#include <string>
#include <vector>

namespace concerto::demo::data {

/// Plain C strings: the generator only appends them, so std::string copies would be waste.
using Texts = std::vector<const char*>;

/// An emerging subject (not in the programme) with material specific to it.
struct EmergingTopic {
    const char* label;   ///< free label, as returned by EmergingLabels()
    const char* subject; ///< noun phrase starting with le/la/l'/les, usable in any template slot
    Texts facts;         ///< first-person or factual sentences; may contain {PLACE}, {LOC}, {TIME}...
    Texts ideas;         ///< infinitive phrases ("installer des corbeilles"), lowercase
};

/// Same order as EmergingLabels().
const std::vector<EmergingTopic>& EmergingTopics();

/// Infinitive phrases suggesting improvements for one commitment, by reference; empty if unknown.
const Texts& CommitmentIdeas(const std::string& ref);

/// Infinitive phrases suggesting improvements for a theme (index into Themes()); empty for unknown themes.
const Texts& ThemeIdeas(std::size_t theme);

/// Locative phrases for a neighbourhood ("à Ivry-Port", "du côté de Marat"), usable after any verb.
const Texts& NeighbourhoodLocations(std::size_t neighbourhood);

} // namespace concerto::demo::data
