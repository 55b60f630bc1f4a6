#pragma once
// The adjudication pane of the double-coding panel: one contribution of a sample, its text, the
// tags each coder gave side by side, a box to tick for each tag to keep as final, and the button
// that writes the ticked ones (db/double_coding.h Adjudicate: adds, never removes).

#include "db/double_coding.h"

#include <functional>
#include <wx/panel.h>

class wxButton;
class wxDataViewEvent;
class wxDataViewListCtrl;
class wxSimplebook;
class wxStaticText;
class wxTextCtrl;

namespace concerto {

class AdjudicationPane : public wxPanel {
public:
    /// `onValidate(comparison, chosen)` writes the adjudication and returns an error message, or
    /// an empty string when it was saved.
    using Validator =
        std::function<wxString(const ContributionComparison& comparison, const std::vector<TagChoice>& chosen)>;

    AdjudicationPane(wxWindow* parent, Validator onValidate);

    /// Shows `comparison` of the sample coded by `coderA` and `coderB`; the agreed tags and those
    /// already final start ticked.
    void Show(const ContributionComparison& comparison, const std::string& coderA, const std::string& coderB);
    /// Shows the "choose a disagreement" message instead.
    void Clear();
    /// The contribution shown, or an empty string.
    const std::string& ContributionId() const { return m_comparison.contributionId; }

    /// Number of proposed tags listed, whether row `row` is ticked, and ticking it (as a click would).
    int TagCount() const;
    bool IsKept(int row) const;
    void SetKept(int row, bool keep);
    /// The tags ticked.
    std::vector<TagChoice> Chosen() const;
    /// Writes the adjudication through the Validator (what the button does); true when saved.
    bool Validate();
    /// The message line under the button, as shown.
    wxString MessageText() const;

    /// The columns of the tag list.
    enum Column { KeepColumn, TargetColumn, StanceColumn, CoderAColumn, CoderBColumn, FinalColumn };

private:
    void ShowMessage(const wxString& message, bool isError);

    wxSimplebook* m_pages = nullptr;
    wxStaticText* m_heading = nullptr;
    wxTextCtrl* m_text = nullptr;
    wxDataViewListCtrl* m_tags = nullptr;
    wxButton* m_validate = nullptr;
    wxStaticText* m_message = nullptr;
    ContributionComparison m_comparison;
    Validator m_onValidate;
};

} // namespace concerto
