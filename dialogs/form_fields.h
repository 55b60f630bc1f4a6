#pragma once
// Pieces the form dialogs share beyond StandardDialog's "label: control" rows: a field followed
// by a grey hint, the red problem line under a form, and the OK path of a dialog that saves
// through its owner (check, save, close only when saved).

#include <functional>

class wxDialog;
class wxFlexGridSizer;
class wxSizer;
class wxStaticText;
class wxString;
class wxWindow;

namespace concerto {

/// Adds one row to a two-column field grid of `parent`: a right-aligned `label`, then `line`
/// (a control with what stands beside it), taking the width of the second column.
void AddFieldLine(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label, wxSizer* line);

/// A line holding `control` then, `gap` pixels after it, a grey `hint` (a unit, what the value
/// does) for AddFieldLine.
wxSizer* ControlWithHint(wxWindow* parent, wxWindow* control, const wxString& hint, int gap);

/// A new text line of `parent` in the error colour, empty, for the problems of a form; the
/// caller places it (usually under the form) and shows it when there is a problem.
wxStaticText* NewProblemLine(wxWindow* parent);

/// Shows `message` on the problem line `problem` of `dialog`, wrapped to the client width less
/// `margin`, growing the dialog when the sentence needs another line (rather than hiding it);
/// then, when there is a message, focuses `field` (may be null).
void ShowProblemLine(wxWindow& dialog, wxStaticText* problem, const wxString& message, int margin, wxWindow* field);

/// What the OK button of a form dialog does: TransferDataFromWindow() (which shows what is
/// wrong), then `save` (may be empty; returns false when it refused and said why), then closes
/// `dialog` with wxID_OK. Returns true when the values were checked and saved.
bool SubmitForm(wxDialog& dialog, const std::function<bool()>& save);

} // namespace concerto
