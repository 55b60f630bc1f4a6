#pragma once
// Content of the fictitious demo consultation "Bilan de mi-mandat 2023": themes,
// commitments, places and a generator of natural French contribution texts.
// Pure data and text; no database. Everything is deterministic for a given Random.

#include "core/random.h"

#include <string>
#include <vector>

namespace concerto::demo {

/// A programme axis.
struct ThemeSeed {
    std::string code;        ///< short code, e.g. "LOG"
    std::string title;       ///< e.g. "Logement et cadre de vie"
    std::string description; ///< one or two sentences
};

/// A commitment of the municipal programme, attached to a theme by index.
struct CommitmentSeed {
    std::string ref;                   ///< reference code, e.g. "LOG-07"; unique
    std::size_t theme = 0;             ///< index into Themes()
    std::string title;                 ///< short French title
    std::string description;           ///< one or two French sentences
    std::vector<std::string> subjects; ///< noun phrases the texts can talk about ("la rénovation des écoles")
};

/// A caravane citoyenne stop (market, shop exit, school gate, building entrance, open day).
struct StopSeed {
    std::string place;        ///< e.g. "Marché Jeanne-Hachette"
    std::string placeKind;    ///< "marché", "sortie de commerce", "sortie d'école", "pied d'immeuble", "maison de quartier"
    std::size_t neighbourhood; ///< index into the six neighbourhoods (0..5), see Neighbourhoods()
};

/// The six neighbourhoods of the city, in the order used by StopSeed::neighbourhood.
const std::vector<std::string>& Neighbourhoods();
/// About 8 themes.
const std::vector<ThemeSeed>& Themes();
/// About 120 commitments spread over the themes (10 to 20 each).
const std::vector<CommitmentSeed>& Commitments();
/// Exactly 23 stops, covering all six neighbourhoods.
const std::vector<StopSeed>& CaravaneStops();

/// Stance of a contribution toward a commitment; values match the database codes.
enum class DemoStance { Support, Criticism, Proposal, Question, Observation };

/// A generated contribution.
struct GeneratedText {
    std::string title; ///< may be empty (most paper slips have no title)
    std::string body;  ///< one to five sentences of natural French
};

/// Writes a contribution about `commitment` with the given stance, in the voice of `profile`
/// (one of Profiles()). Texts vary in length, register and structure; the same Random state
/// gives the same text. `withTitle` asks for a short title (platform contributions have one).
GeneratedText WriteContribution(Random& random, const CommitmentSeed& commitment, DemoStance stance,
                                const std::string& profile, bool withTitle);

/// Writes a contribution about nothing in the programme (an emerging subject), returning
/// the subject's label too (e.g. "propreté des rues", "nuisances sonores").
GeneratedText WriteOffProgramme(Random& random, std::string& label);

/// Contributor profiles: "habitant·e", "agent·e", "commerçant·e", "association", "jeune", "parent d'élève", ...
const std::vector<std::string>& Profiles();
/// Age brackets: "moins de 18 ans", "18-25 ans", "26-40 ans", "41-60 ans", "61-75 ans", "plus de 75 ans".
const std::vector<std::string>& AgeBrackets();
/// Free labels for emerging subjects used by WriteOffProgramme (10 to 20).
const std::vector<std::string>& EmergingLabels();

} // namespace concerto::demo
