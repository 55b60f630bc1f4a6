#pragma once
// The keyboard scheme of the coding queue, in one place: which key runs which command, the
// Codage menu that lists them, and the legend and help that teach them. Single keys (J, 1, S…)
// act only when the keyboard is not in a text field, so that typing a note, a label or a filter
// never codes anything; Ctrl combinations and Escape act everywhere in the page.

#include "core/model.h"

#include <optional>
#include <wx/colour.h>
#include <wx/string.h>

class wxKeyEvent;
class wxMenu;

namespace concerto {

/// What the coder can ask for, by key, menu or button.
enum class CodingCommand {
    Next,
    Previous,
    DoneAndNext,
    Suggestion1,
    Suggestion2,
    Suggestion3,
    Suggestion4,
    Suggestion5,
    Support,
    Criticism,
    Proposal,
    Question,
    Observation,
    ApplySelected, ///< the commitment or theme highlighted in the tree, with the current stance
    FilterCommitments,
    AddLabel,
    ToggleQuote,
    ToggleReview,
    Exclude,
    EditNote,
    FocusText,
    Undo,
    Redo,
    BulkTag,
    ShowKeys,
    Count
};

/// Where the keyboard focus is, which decides what a key means.
enum class KeyFocus {
    Reading,    ///< the text, a button, a list: single keys are commands
    Tree,       ///< the commitment tree: arrows move in it, Enter applies
    TreeFilter, ///< the tree's filter box: typing filters, Enter applies, arrows move in the tree
    Typing      ///< any other text field: only Ctrl combinations, F1 and Escape are commands
};

/// The command `event` asks for with the focus in `focus`, or nothing (the key then goes on
/// to the focused control). Digits are also read on the French keyboard's top row (& é " ' ().
std::optional<CodingCommand> CommandForKey(const wxKeyEvent& event, KeyFocus focus);

/// The stance a stance command sets (Support for CodingCommand::Support…), or nothing.
std::optional<Stance> StanceOf(CodingCommand command);
/// The index 0…4 of a suggestion command, or -1.
int SuggestionIndexOf(CodingCommand command);
/// The letter of a stance's key ("S" for support…), as the legend shows it.
wxString StanceKey(Stance stance);
/// The colour a stance is drawn with, the same in every part of the coding view.
wxColour StanceColour(Stance stance);

/// The menu id of a command in the Codage menu: `firstId` + its rank.
inline int MenuIdOf(CodingCommand command, int firstId)
{
    return firstId + static_cast<int>(command);
}
/// The Codage menu: every command with its key, ids from `firstId` (see MenuIdOf). Undo and
/// redo are left to the Edit menu.
wxMenu* BuildCodingMenu(int firstId);
/// One line of the main keys, for the legend under the coding page.
wxString KeysLegend();
/// Every key with what it does, one per line, for the help popup (F1).
wxString KeysHelp();

} // namespace concerto
