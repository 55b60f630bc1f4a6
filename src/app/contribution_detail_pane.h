#pragma once
// The pane under the contributions list: the selected contribution's full text, with the
// words of the current search highlighted, and its context — when and where it was received,
// the meeting, neighbourhood and card, the contributor's profile, its codings with their
// commitments and stances, its state and the team's notes.

#include "db/contribution_list.h"

#include <string>
#include <vector>
#include <wx/panel.h>

class wxTextCtrl;

namespace concerto {

class ContributionDetailPane : public wxPanel {
public:
    explicit ContributionDetailPane(wxWindow* parent);

    /// Shows `detail`, highlighting the words that start with one of `stems` (see SearchStems).
    void ShowDetail(const ContributionDetail& detail, const std::vector<std::string>& stems);
    /// Says that nothing is selected, and what to do.
    void ShowNothing();
    /// Says how many rows are selected and what can be done with them.
    void ShowSelectionOf(long long count);
    /// Says that the contribution is being read.
    void ShowLoading();
    /// Whether the user may change contributions: the hints offer only what their role allows.
    void SetCanEdit(bool canEdit);

    /// The entry number shown, or 0.
    long long ShownKey() const { return m_shown; }
    /// The text shown, and the [start, end) ranges highlighted in it (for tests).
    wxString Text() const;
    const std::vector<std::pair<long, long>>& Highlights() const { return m_highlights; }

private:
    void Append(const wxString& text, bool bold = false, bool grey = false);
    void ShowMessage(const wxString& message);

    wxTextCtrl* m_text = nullptr;
    long long m_shown = 0;
    bool m_canEdit = true;
    enum class Hint { None, Nothing, Selection } m_hint = Hint::None; ///< the hint on screen, to follow the role
    long long m_selected = 0;
    std::vector<std::pair<long, long>> m_highlights;
};

} // namespace concerto
