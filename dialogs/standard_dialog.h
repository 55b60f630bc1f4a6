#pragma once
// The base of every Concerto dialog: a wxDialog laid out in code with one vertical content
// sizer, helpers for "label: control" rows, and the platform's standard button row. Keeping
// margins and button order here is what makes all dialogs look like one application.

#include <wx/dialog.h>
#include <wx/sizer.h>

class wxStdDialogButtonSizer;
class wxStaticText;

namespace concerto {

/// A dialog with a content area and a standard button row. A derived class adds its controls
/// to ContentSizer() in its constructor, then calls FinishLayout() once.
class StandardDialog : public wxDialog {
public:
    /// `buttons` is a combination of wxOK, wxCANCEL, wxYES, wxNO, wxCLOSE, wxHELP, as for
    /// wxDialog::CreateStdDialogButtonSizer(); 0 for a dialog without a button row.
    StandardDialog(wxWindow* parent, const wxString& title, long buttons = wxOK | wxCANCEL,
                   long style = wxDEFAULT_DIALOG_STYLE);

    /// Space between related controls, in pixels at the current DPI.
    int SmallGap() const { return FromDIP(6); }
    /// Space between groups of controls and around the content, at the current DPI.
    int LargeGap() const { return FromDIP(12); }

protected:
    /// The vertical sizer the derived dialog fills; it is inside the dialog's margins.
    wxBoxSizer* ContentSizer() const { return m_content; }

    /// Adds a two-column grid (labels, then controls that grow) to the content and returns it.
    wxFlexGridSizer* AddFieldGrid();
    /// Adds one row to `grid`: a right-aligned label for `control`, then the control itself.
    /// Returns the label so that it can be enabled or hidden together with the control.
    wxStaticText* AddField(wxFlexGridSizer* grid, const wxString& label, wxWindow* control);
    /// Adds a bold, slightly larger line of text to the content, used as the dialog's heading.
    wxStaticText* AddHeading(const wxString& text);
    /// Adds a paragraph of explanatory text to the content, wrapped to `width` DIPs.
    wxStaticText* AddParagraph(const wxString& text, int width = 480);

    /// Shows `message` in `line` (an inline problem line of the dialog), wrapped to `width`
    /// DIPs, and grows the dialog if the line needs room: the form is never squeezed over it.
    void ShowInlineProblem(wxStaticText* line, const wxString& message, int width);

    /// Renames the affirmative button (OK/Yes) so that it says what it does ("Start", "Open").
    void SetAffirmativeLabel(const wxString& label);

    /// Appends the button row and sizes the dialog to fit its content. Call once, last.
    void FinishLayout();

    /// Flags for a control that takes the full width of the content.
    static wxSizerFlags WideFlags() { return wxSizerFlags().Expand(); }

private:
    wxBoxSizer* m_content = nullptr;
    wxStdDialogButtonSizer* m_buttons = nullptr;
};

} // namespace concerto
