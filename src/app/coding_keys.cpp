#include "app/coding_keys.h"

#include "dialogs/domain_labels.h"

#include <array>
#include <wx/event.h>
#include <wx/intl.h>
#include <wx/menu.h>

namespace concerto {

namespace {

/// The character a key event typed, upper-cased for ASCII letters; 0 when none.
wxChar TypedChar(const wxKeyEvent& event)
{
    wxChar typed = event.GetUnicodeKey();
    if (typed == WXK_NONE) {
        const int code = event.GetKeyCode();
        typed = code > 0 && code < WXK_START ? static_cast<wxChar>(code) : 0;
    }
    if (typed >= 'a' && typed <= 'z')
        typed = static_cast<wxChar>(typed - 'a' + 'A');
    return typed;
}

/// 0…4 for the keys of suggestions 1…5 (digit row, numeric pad, or the unshifted French top
/// row, where the digits need Shift), else -1.
int SuggestionKey(const wxKeyEvent& event, wxChar typed)
{
    static const wxChar frenchRow[] = {L'&', L'\u00E9', L'"', L'\'', L'('};
    for (int i = 0; i < 5; ++i) {
        if (typed == static_cast<wxChar>('1' + i) || typed == frenchRow[i] || event.GetKeyCode() == WXK_NUMPAD1 + i ||
            event.GetKeyCode() == '1' + i)
            return i;
    }
    return -1;
}

std::optional<CodingCommand> GlobalCommand(const wxKeyEvent& event)
{
    const int code = event.GetKeyCode();
    const int modifiers = event.GetModifiers();
    if (modifiers == wxMOD_CONTROL && code == 'Z')
        return CodingCommand::Undo;
    if ((modifiers == wxMOD_CONTROL && code == 'Y') || (modifiers == (wxMOD_CONTROL | wxMOD_SHIFT) && code == 'Z'))
        return CodingCommand::Redo;
    if (modifiers == wxMOD_CONTROL && code == 'F')
        return CodingCommand::FilterCommitments;
    if (modifiers == wxMOD_CONTROL && code == 'B')
        return CodingCommand::BulkTag;
    if (modifiers == wxMOD_NONE && code == WXK_F1)
        return CodingCommand::ShowKeys;
    if (modifiers == wxMOD_NONE && code == WXK_ESCAPE)
        return CodingCommand::FocusText;
    return std::nullopt;
}

std::optional<CodingCommand> ReadingCommand(const wxKeyEvent& event)
{
    const int code = event.GetKeyCode();
    const int modifiers = event.GetModifiers();
    // Shift is allowed: the French keyboard needs it for the digits, "/" and "?".
    if (modifiers & ~wxMOD_SHIFT)
        return std::nullopt;
    const wxChar typed = TypedChar(event);
    const bool plain = modifiers == wxMOD_NONE;
    if (plain && (code == WXK_DOWN || code == WXK_PAGEDOWN || code == WXK_NUMPAD_DOWN || code == WXK_NUMPAD_PAGEDOWN))
        return CodingCommand::Next;
    if (plain && (code == WXK_UP || code == WXK_PAGEUP || code == WXK_NUMPAD_UP || code == WXK_NUMPAD_PAGEUP))
        return CodingCommand::Previous;
    if (plain && (code == WXK_RETURN || code == WXK_NUMPAD_ENTER))
        return CodingCommand::DoneAndNext;
    if (const int suggestion = SuggestionKey(event, typed); suggestion >= 0)
        return static_cast<CodingCommand>(static_cast<int>(CodingCommand::Suggestion1) + suggestion);
    if (typed == '/')
        return CodingCommand::FilterCommitments;
    if (typed == '?')
        return CodingCommand::ShowKeys;
    if (!plain)
        return std::nullopt;
    switch (typed) {
    case 'J':
        return CodingCommand::Next;
    case 'K':
        return CodingCommand::Previous;
    case 'S':
        return CodingCommand::Support;
    case 'C':
        return CodingCommand::Criticism;
    case 'P':
        return CodingCommand::Proposal;
    case 'Q':
        return CodingCommand::Question;
    case 'O':
        return CodingCommand::Observation;
    case 'L':
        return CodingCommand::AddLabel;
    case 'M':
        return CodingCommand::ToggleQuote;
    case 'R':
        return CodingCommand::ToggleReview;
    case 'X':
        return CodingCommand::Exclude;
    case 'N':
        return CodingCommand::EditNote;
    default:
        return std::nullopt;
    }
}

} // namespace

std::optional<CodingCommand> CommandForKey(const wxKeyEvent& event, KeyFocus focus)
{
    if (auto global = GlobalCommand(event))
        return global;
    const int code = event.GetKeyCode();
    const bool enter = event.GetModifiers() == wxMOD_NONE && (code == WXK_RETURN || code == WXK_NUMPAD_ENTER);
    switch (focus) {
    case KeyFocus::Typing:
        return std::nullopt;
    case KeyFocus::TreeFilter:
        return enter ? std::optional<CodingCommand>(CodingCommand::ApplySelected) : std::nullopt;
    case KeyFocus::Tree:
        if (enter)
            return CodingCommand::ApplySelected;
        // The arrows move in the tree; J and K still move in the queue.
        if (code == WXK_UP || code == WXK_DOWN || code == WXK_PAGEUP || code == WXK_PAGEDOWN || code == WXK_LEFT ||
            code == WXK_RIGHT || code == WXK_HOME || code == WXK_END)
            return std::nullopt;
        return ReadingCommand(event);
    case KeyFocus::Reading:
        return ReadingCommand(event);
    }
    return std::nullopt;
}

std::optional<Stance> StanceOf(CodingCommand command)
{
    switch (command) {
    case CodingCommand::Support:
        return Stance::Support;
    case CodingCommand::Criticism:
        return Stance::Criticism;
    case CodingCommand::Proposal:
        return Stance::Proposal;
    case CodingCommand::Question:
        return Stance::Question;
    case CodingCommand::Observation:
        return Stance::Observation;
    default:
        return std::nullopt;
    }
}

int SuggestionIndexOf(CodingCommand command)
{
    const int rank = static_cast<int>(command) - static_cast<int>(CodingCommand::Suggestion1);
    return rank >= 0 && rank < 5 ? rank : -1;
}

wxString StanceKey(Stance stance)
{
    switch (stance) {
    case Stance::Support:
        return "S";
    case Stance::Criticism:
        return "C";
    case Stance::Proposal:
        return "P";
    case Stance::Question:
        return "Q";
    case Stance::Observation:
        return "O";
    }
    return wxString();
}

wxColour StanceColour(Stance stance)
{
    // Tango colours, dark enough for white text on them.
    switch (stance) {
    case Stance::Support:
        return wxColour(0x4E, 0x9A, 0x06);
    case Stance::Criticism:
        return wxColour(0xCC, 0x00, 0x00);
    case Stance::Proposal:
        return wxColour(0x34, 0x65, 0xA4);
    case Stance::Question:
        return wxColour(0x75, 0x50, 0x7B);
    case Stance::Observation:
        return wxColour(0x55, 0x57, 0x53);
    }
    return *wxBLACK;
}

wxMenu* BuildCodingMenu(int firstId)
{
    auto* menu = new wxMenu;
    auto add = [&](CodingCommand command, const wxString& label, const wxString& help) {
        menu->Append(MenuIdOf(command, firstId), label, help);
    };
    add(CodingCommand::Next, _("&Next contribution") + "\tJ", _("Show the next contribution of the queue (J, Down)"));
    add(CodingCommand::Previous, _("&Previous contribution") + "\tK",
        _("Show the previous contribution of the queue (K, Up)"));
    add(CodingCommand::DoneAndNext, _("&Done, next") + "\tEnter",
        _("Mark the contribution as coded and show the next one"));
    menu->AppendSeparator();
    for (int i = 0; i < 5; ++i)
        add(static_cast<CodingCommand>(static_cast<int>(CodingCommand::Suggestion1) + i),
            wxString::Format(_("Apply suggestion %d"), i + 1) + wxString::Format("\t%d", i + 1),
            _("Tag the contribution with this suggestion, with the current stance"));
    menu->AppendSeparator();
    const std::array<std::pair<CodingCommand, Stance>, 5> stances = {
        {{CodingCommand::Support, Stance::Support},
         {CodingCommand::Criticism, Stance::Criticism},
         {CodingCommand::Proposal, Stance::Proposal},
         {CodingCommand::Question, Stance::Question},
         {CodingCommand::Observation, Stance::Observation}}};
    for (const auto& [command, stance] : stances)
        add(command, wxString::Format(_("Stance: %s"), StanceName(stance)) + "\t" + StanceKey(stance),
            _("Set the stance; with a commitment highlighted in the tree, apply it"));
    menu->AppendSeparator();
    add(CodingCommand::FilterCommitments, _("&Find a commitment…") + "\t/",
        _("Type words of a commitment's title or its reference (/ or Ctrl+F)"));
    add(CodingCommand::AddLabel, _("Add a &label…") + "\tL", _("Attach a free label, created if new"));
    add(CodingCommand::ToggleQuote, _("&Quote for the deliverable") + "\tM", _("Mark or unmark as a quote"));
    add(CodingCommand::ToggleReview, _("To &review") + "\tR", _("Set aside for a second look, or take back"));
    add(CodingCommand::Exclude, _("E&xclude as off-topic…") + "\tX", _("Exclude, with a reason, or take back"));
    add(CodingCommand::EditNote, _("&Note") + "\tN", _("Write a note on this contribution"));
    menu->AppendSeparator();
    add(CodingCommand::BulkTag, _("Code the &whole selection…") + "\tCtrl+B",
        _("Apply a commitment or a label to every contribution of the queue's filters and search"));
    add(CodingCommand::ShowKeys, _("&Keyboard shortcuts") + "\tF1", _("Every key of the coding queue"));
    return menu;
}

wxString KeysLegend()
{
    // The keys of labels, flags and note are on their buttons: the legend keeps to the rest.
    return _("J/K next/previous · 1–5 suggestion · S C P Q O stance · / find · Enter done · Ctrl+Z undo · "
             "F1 all keys");
}

wxString KeysHelp()
{
    return _("J or Down, PageDown: next contribution\n"
             "K or Up, PageUp: previous contribution\n"
             "Enter: done (coded), then next\n"
             "1 to 5: apply that suggestion with the current stance\n"
             "S, C, P, Q, O: stance support, criticism, proposal, question, observation; applies the commitment "
             "highlighted in the tree, if any\n"
             "/ or Ctrl+F: find a commitment (arrows to choose, Enter to apply)\n"
             "L: add a label · M: quote · R: to review · X: exclude as off-topic · N: note\n"
             "Escape: back to the text, where single keys act\n"
             "Ctrl+Z: undo · Ctrl+Y or Ctrl+Shift+Z: redo\n"
             "Ctrl+B: code the whole selection");
}

} // namespace concerto
