#pragma once
// The evidence side of the insights page: for the flag selected in the tree, what it says and
// the contributions behind it — one two-line entry each (entry number, date, channel,
// neighbourhood; then the title and the start of the text) — and the full text of the one
// selected. The page reads the contributions through the worker and hands them here.

#include "db/insight_evidence.h"

#include <vector>
#include <wx/panel.h>
#include <wx/vlbox.h>

class wxButton;
class wxSplitterWindow;
class wxStaticText;
class wxTextCtrl;

namespace concerto {

/// The contributions of a flag, two lines each, drawn by hand so that the list stays
/// readable in a narrow pane and fast with thousands of entries.
class EvidenceList : public wxVListBox {
public:
    explicit EvidenceList(wxWindow* parent);

    /// Replaces the entries (selection cleared).
    void SetItems(std::vector<EvidenceContribution> items);
    const std::vector<EvidenceContribution>& Items() const { return m_items; }
    /// The first line of entry `n`: « N° 12 · 02/10/2023 · Caravane citoyenne · Ivry-Port ».
    wxString HeadingOf(std::size_t n) const;
    /// The second line: the title, then the start of the text.
    wxString ExcerptOf(std::size_t n) const;

protected:
    void OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const override;
    wxCoord OnMeasureItem(size_t n) const override;

private:
    std::vector<EvidenceContribution> m_items;
};

/// Heading, explanation, the « Propose a reorientation point… » button, the list and the text.
class InsightsEvidencePanel : public wxPanel {
public:
    explicit InsightsEvidencePanel(wxWindow* parent);

    /// Shows what the selected tree item is: `heading` in bold, `explanation` below it;
    /// `canPropose` enables the button. Clears the list and the text.
    void ShowFlag(const wxString& heading, const wxString& explanation, bool canPropose);
    /// « Loading the contributions… » while they are read.
    void ShowLoading();
    /// The contributions read, the first one selected and shown in full; `emptyText` is what
    /// the list says when there are none.
    void ShowEvidence(std::vector<EvidenceContribution> items, const wxString& emptyText);
    /// A failure to read them, in the list's place.
    void ShowError(const wxString& message);

    /// The button the page binds to its command.
    wxButton* ProposeButton() const { return m_propose; }
    EvidenceList* List() const { return m_list; }
    /// The text shown for the selected contribution (empty when none).
    wxString FullText() const;
    /// Each entry's two lines joined by " | "; for tests.
    std::vector<wxString> RowTexts() const;

private:
    void ShowSelected();

    wxStaticText* m_heading = nullptr;
    wxStaticText* m_explanation = nullptr;
    wxStaticText* m_listState = nullptr;
    wxButton* m_propose = nullptr;
    wxSplitterWindow* m_split = nullptr;
    EvidenceList* m_list = nullptr;
    wxTextCtrl* m_text = nullptr;
};

} // namespace concerto
