#pragma once
// The detail of the selected reorientation point: what was decided, where, by whom, with
// what follow-up; the commitments it changes and the topics it answers; its dated notes,
// newest first; and its evidence contributions, with the whole text of the one selected
// (read on the worker).

#include "app/app_context.h"
#include "db/restitution.h"

#include <optional>
#include <wx/panel.h>

class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace concerto {

class ReorientationDetailPane : public wxPanel {
public:
    ReorientationDetailPane(wxWindow* parent, AppContext& context);

    /// Shows `point`, or an invitation to select one when null.
    void ShowPoint(const ReorientationDetail* point);
    /// The summary as shown (tests read the notes and links in it).
    wxString SummaryText() const;
    /// Number of evidence lines listed.
    int EvidenceCount() const;
    /// Selects the evidence line `row` and loads its whole text.
    void SelectEvidence(int row);
    /// The whole text shown for the selected evidence.
    wxString FullText() const;
    /// True while the whole text of the selected evidence is being read.
    bool IsLoadingText() const { return m_loadingText; }

private:
    void WriteSummary(const ReorientationDetail& point);
    void ShowFullText();

    AppContext& m_context;
    std::optional<ReorientationDetail> m_point;
    wxTextCtrl* m_summary = nullptr;
    wxStaticText* m_evidenceHeading = nullptr;
    wxListCtrl* m_evidence = nullptr;
    wxTextCtrl* m_fullText = nullptr;
    bool m_loadingText = false;
    bool m_sashPlaced = false;
    Lifetime m_lifetime = NewLifetime();
};

} // namespace concerto
