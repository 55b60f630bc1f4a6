#pragma once
// Fills a SuggestionModel (core/suggest.h) from the database: the commitments of one
// consultation with their theme, and every final tag on a commitment as an example, with the
// text of the contribution it tags. The coding view loads it once in the background, then keeps
// it current itself with AddExample/RemoveExample as the coder tags and untags, passing the
// texts built by the two helpers below so that they match what was loaded.

#include "core/progress.h"
#include "core/suggest.h"
#include "db/database.h"

#include <string>

namespace concerto {

/// The text a commitment is known by in the model: its title, description and theme title.
/// (Not its reference: "MOB-07" would only add the tokens "mob" and "07" to every match.)
std::string CommitmentSuggestionText(const std::string& title, const std::string& description,
                                     const std::string& themeTitle);

/// The text a tagged contribution teaches the model: its title (often empty) and body.
std::string ContributionSuggestionText(const std::string& title, const std::string& body);

/// The model of consultation `consultationId`: every commitment of it (theme titles joined) and
/// every final tag (table tag) on a commitment, one example per tag row. Rows are streamed, not
/// kept. `progress` (optional) sees one phase counting the examples; cancelling it throws
/// CancelledError. An unknown consultation gives an empty model.
SuggestionModel LoadSuggestionModel(Database& db, const std::string& consultationId, Progress* progress = nullptr);

/// The number of examples LoadSuggestionModel loads for that consultation.
long long CountSuggestionExamples(Database& db, const std::string& consultationId);

} // namespace concerto
