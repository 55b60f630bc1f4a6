#pragma once
// The dialog that sets up a double-coding sample: its name, the two coders, its size (a number
// of contributions or a percentage) and the seed of the draw. It transfers plain values; the
// owner draws and saves the sample through the Saver it gets, so that a refusal (a name already
// used, a size above the population) keeps the dialog open with the problem shown under the form.

#include "db/double_coding.h"
#include "dialogs/standard_dialog.h"

#include <functional>
#include <string>
#include <vector>

class wxChoice;
class wxComboBox;
class wxStaticText;
class wxTextCtrl;

namespace concerto {

/// What the sample dialog offers, read by its owner beforehand.
struct SampleDialogChoices {
    std::vector<std::string> coders; ///< known coders, offered in both coder fields (still editable)
    long long population = 0;        ///< contributions a sample is drawn from, for the size preview
    /// Formats a count for the preview ("3 500"); plain digits when empty.
    std::function<wxString(long long)> formatCount;
};

/// Creates a sample, shown modally. On OK the typed values are checked (name, two different
/// coders, a positive size, a whole seed), then given to the Saver; the dialog closes with
/// wxID_OK only when the Saver says it saved.
class SampleDialog : public StandardDialog {
public:
    /// Draws and stores the sample of `request`; returns true when done. On a refusal it calls
    /// dialog.ShowProblem() and returns false.
    using Saver = std::function<bool(SampleDialog& dialog, const SampleRequest& request)>;

    /// `initial` gives the values shown first (its consultation and filter are passed through).
    /// `save` may be empty (the values are then only checked).
    SampleDialog(wxWindow* parent, const SampleDialogChoices& choices, const SampleRequest& initial, Saver save);

    /// The request with the values typed (after a successful TransferDataFromWindow).
    const SampleRequest& GetRequest() const { return m_request; }
    /// Shows `message` under the form with `field` focused; an empty message hides the line.
    void ShowProblem(SampleField field, const wxString& message);
    /// The problem shown, or an empty string.
    wxString ProblemText() const { return m_problemText; }
    /// The control of a field (for focus, and for tests that type into the form). For Size it
    /// is the number; UnitChoice() is the count / percentage choice beside it.
    wxWindow* FieldWindow(SampleField field) const;
    wxChoice* UnitChoice() const { return m_unit; }
    /// The size preview line as shown ("≈ 350 contributions out of 3,500…").
    wxString PreviewText() const;
    /// Checks and transfers the values, then saves through the Saver; closes on success.
    /// Returns true when the sample was created. (What the OK button and Enter do.)
    bool Submit();

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

private:
    void BuildForm(const SampleDialogChoices& choices);
    void UpdatePreview();
    bool Refuse(SampleField field, const wxString& message);
    wxString FormatCount(long long count) const;

    wxTextCtrl* m_name = nullptr;
    wxComboBox* m_coderA = nullptr;
    wxComboBox* m_coderB = nullptr;
    wxTextCtrl* m_size = nullptr;
    wxChoice* m_unit = nullptr;
    wxStaticText* m_preview = nullptr;
    wxTextCtrl* m_seed = nullptr;
    wxStaticText* m_problem = nullptr;
    wxString m_problemText;

    long long m_population = 0;
    std::function<wxString(long long)> m_formatCount;
    SampleRequest m_request;
    Saver m_save;
};

} // namespace concerto
