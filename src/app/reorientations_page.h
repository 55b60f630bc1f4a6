#pragma once
// The "Reorientation points" page of the Synthèse area, used at and after the restitution
// evening: the points by decision (adopted first) with their owner, commitments, evidence and
// latest note; the detail of the selected one; and the commands — new, edit, delete, add a
// dated note, create the commitment born from the point — with their keyboard shortcuts.

#include "app/app_context.h"
#include "app/area_view.h"
#include "db/reorientation_candidates.h"
#include "db/restitution.h"

#include <optional>
#include <wx/panel.h>

class wxButton;
class wxChoice;
class wxListCtrl;
class wxSimplebook;
class wxSplitterWindow;
class wxStaticText;

namespace concerto {

class ReorientationDetailPane;

class ReorientationsPage final : public wxPanel, public AreaView {
public:
    enum Column {
        TitleColumn,
        DecisionColumn,
        OwnerColumn,
        CommitmentsColumn,
        EvidenceColumn,
        NoteColumn,
        ColumnCount
    };

    ReorientationsPage(wxWindow* parent, AppContext& context);
    ~ReorientationsPage() override;

    wxWindow* Window() override { return this; }
    void Reload() override;
    void OnShown() override;

    /// True while the points are being read.
    bool IsLoading() const { return m_loading; }
    /// Number of points listed (after the decision filter).
    int ListedCount() const;
    /// The text of a cell of the list.
    wxString CellText(int row, int column) const;
    /// Shows only the points with this decision (nullopt: all).
    void FilterDecision(std::optional<Decision> decision);
    /// Selects the point with this id; false when it is not listed.
    bool Select(const std::string& id);
    /// The selected point, or null.
    const ReorientationDetail* Selected() const;
    /// The detail pane (tests read it).
    ReorientationDetailPane& Detail() { return *m_detail; }
    /// What the editor offers, as last read.
    const ReorientationChoices& Choices() const { return m_data.choices; }
    /// The status line under the heading (count, loading, error).
    wxString StatusText() const;

    /// The commands (buttons and shortcuts).
    void NewPoint();
    void EditSelected();
    void DeleteSelected();
    void AddNote();
    void CreateCommitment();

private:
    struct Data {
        std::vector<ReorientationDetail> points;
        ReorientationChoices choices;
    };

    wxWindow* BuildToolbar(wxWindow* parent);
    wxWindow* BuildList(wxWindow* parent);
    void Loaded(Data data);
    void Refill();
    void UpdateStatus();
    void UpdateButtons();
    void FitTitleColumn();
    void PlaceSash();
    void OnCharHook(wxKeyEvent& event);

    AppContext& m_context;
    Data m_data;
    std::vector<const ReorientationDetail*> m_listed; ///< into m_data.points, in the list's order
    std::optional<Decision> m_filter;
    std::string m_wantedSelection;
    bool m_loading = false;
    bool m_loadedOnce = false;
    bool m_sashPlaced = false;
    wxString m_error;
    int m_subscription = 0;

    wxSimplebook* m_pages = nullptr;
    wxStaticText* m_status = nullptr;
    wxChoice* m_decision = nullptr;
    wxButton* m_new = nullptr;
    wxButton* m_edit = nullptr;
    wxButton* m_delete = nullptr;
    wxButton* m_note = nullptr;
    wxButton* m_commitment = nullptr;
    wxSplitterWindow* m_splitter = nullptr;
    wxListCtrl* m_list = nullptr;
    ReorientationDetailPane* m_detail = nullptr;
    Lifetime m_lifetime = NewLifetime();
};

} // namespace concerto
