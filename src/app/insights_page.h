#pragma once
// The insights page of the Synthèse area: what the coding says about each commitment, read
// against its official status. Above, the commitment × stance matrix with a filter; below, on
// the left, the flags (status disagreeing with citizens, commitments nobody mentioned,
// contributions linked to no commitment by label) and, on the right, either the contributions
// per neighbourhood as a chart or the evidence of the selected flag. A flag on a commitment
// becomes a reorientation point in one step. Everything is read through the worker; changes
// to the coding refresh the page (later, when it is hidden).

#include "app/area_view.h"
#include "app/database_worker.h"
#include "db/synthesis.h"

#include <optional>
#include <string>
#include <vector>
#include <wx/panel.h>
#include <wx/timer.h>

class wxSearchCtrl;
class wxSimplebook;
class wxSplitterWindow;
class wxStaticText;

namespace concerto {

class AppContext;
class BarChart;
class InsightsEvidencePanel;
class InsightsFlagTree;
class InsightsMatrix;
struct FlagRef;

/// The insights of the current consultation.
class InsightsPage : public wxPanel, public AreaView {
public:
    InsightsPage(wxWindow* parent, AppContext& context);
    ~InsightsPage() override;

    wxWindow* Window() override { return this; }
    /// Reads the insights again, for the consultation now current in the context.
    void Reload() override;
    /// Catches up with changes that came while the page was hidden.
    void OnShown() override;

    /// Opens the reorientation point editor prefilled from the selected flag (a commitment or
    /// a label group); does nothing for the other items.
    void ProposeReorientation();

    /// True while the insights are being read.
    bool IsLoading() const { return m_loading; }
    /// True while the selected flag's contributions are being read.
    bool IsLoadingEvidence() const { return m_loadingEvidence; }
    /// How many readings have been shown since construction; for tests.
    int LoadCount() const { return m_loads; }
    /// The insights shown (empty before the first reading arrives).
    const Insights& Shown() const { return m_shown; }
    /// The totals line as shown.
    wxString TotalsText() const;
    InsightsMatrix& Matrix() const { return *m_matrix; }
    InsightsFlagTree& Flags() const { return *m_flags; }
    InsightsEvidencePanel& Evidence() const { return *m_evidence; }
    BarChart& NeighbourhoodChart() const { return *m_chart; }
    /// True when the chart, not the evidence, is shown beside the flags.
    bool ShowsChart() const;

private:
    enum Page { ContentPage, NoConsultationPage, NoContributionPage, NothingCodedPage };

    wxWindow* BuildContent(wxWindow* parent);
    wxWindow* BuildBottom(wxWindow* parent);
    void BindEvents();
    void OnTableChanged(const std::string& table);
    void OnIdle(wxIdleEvent& event);
    void OnCharHook(wxKeyEvent& event);
    bool IsVisibleToUser() const;
    void Display(Insights insights);
    void ShowFlag(const std::optional<FlagRef>& ref);
    void LoadEvidence(std::vector<std::string> ids, const wxString& emptyText);
    void ShowStatus(const wxString& text, bool error);

    AppContext& m_context;
    int m_subscription = 0;
    wxSimplebook* m_pages = nullptr;
    wxStaticText* m_totals = nullptr;
    wxStaticText* m_status = nullptr;
    wxSearchCtrl* m_filter = nullptr;
    wxSplitterWindow* m_split = nullptr;
    wxSplitterWindow* m_bottom = nullptr;
    InsightsMatrix* m_matrix = nullptr;
    InsightsFlagTree* m_flags = nullptr;
    wxSimplebook* m_detail = nullptr;
    BarChart* m_chart = nullptr;
    InsightsEvidencePanel* m_evidence = nullptr;
    wxTimer m_refresh;     ///< throttles refreshes after changes
    bool m_stale = false;  ///< a change came while the page could not be seen
    bool m_sashPlaced = false;
    bool m_loading = false;
    bool m_loadingEvidence = false;
    int m_loads = 0;
    int m_evidenceRequest = 0; ///< the latest evidence request: older answers are dropped
    Insights m_shown;
    Lifetime m_lifetime = NewLifetime();
};

} // namespace concerto
