#pragma once
// The "Contributions" area: a toolbar, the filters, the virtual list and the detail pane of the
// selected contribution. Lists, counts, bulk edits and exports run on the worker; a single
// contribution is read and saved on the UI thread (one short statement each). The panel loads
// only while shown and refreshes when another part of the application announces a change.

#include "app/app_context.h"
#include "app/area_view.h"
#include "app/background_jobs.h"
#include "app/contribution_filter_bar.h"
#include "db/contribution_list.h"
#include "dialogs/conflict_dialog.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>
#include <wx/panel.h>
#include <wx/progdlg.h>
#include <wx/timer.h>

class wxButton;
class wxSearchCtrl;
class wxSimplebook;
class wxSplitterWindow;
class wxStaticText;

namespace concerto {

class ContributionDetailPane;
class ContributionListCtrl;

/// The page of the "Contributions" area (see the file comment); CreateContributionsView makes it.
class ContributionPanel : public wxPanel, public AreaView {
public:
    ContributionPanel(wxWindow* parent, AppContext& context);
    ~ContributionPanel() override;

    wxWindow* Window() override { return this; }
    void Reload() override;
    void OnShown() override;

    /// Opens the editor on a new contribution (Insert).
    void NewContribution();
    /// Opens the editor on the row at `index` (Enter, double-click).
    void EditContribution(long index);
    /// Deletes the selected rows after confirmation (Delete).
    void DeleteSelection();
    /// Deletes the rows of `keys` (in one transaction on the worker, or with a version check on
    /// this thread for one row whose version is known), then announces the change.
    void DeleteKeys(const std::vector<long long>& keys);
    /// Asks for a meeting, a neighbourhood or a state and gives it to every selected row.
    void ChooseMeetingForSelection();
    void ChooseNeighbourhoodForSelection();
    void ChooseStateForSelection();
    /// Gives `meetingId` (empty: none), `neighbourhoodId` or `state` to the rows of `keys`, in one
    /// transaction on the worker, then announces the change.
    void SetMeetingOf(const std::vector<long long>& keys, const std::string& meetingId);
    void SetNeighbourhoodOf(const std::vector<long long>& keys, const std::string& neighbourhoodId);
    void SetStateOf(const std::vector<long long>& keys, ContributionState state);
    /// Asks where to save, then exports the selection (or every row listed) to Excel.
    void ExportToExcel();
    /// Exports the rows of `keys` to the workbook `path`, on the worker.
    void ExportTo(const wxString& path, const std::vector<long long>& keys);
    /// Sorts the list (a header click does this); the sort is remembered for the next start.
    void SetSort(const ContributionSort& sort);
    /// The sort of the list.
    const ContributionSort& Sort() const { return m_sort; }

    /// The parts, for tests.
    ContributionListCtrl& List() const { return *m_list; }
    ContributionFilterBar& Filters() const { return *m_filters; }
    ContributionDetailPane& Detail() const { return *m_detail; }
    /// "12 345 contributions", as shown.
    wxString CountText() const;
    /// The last message about what was done ("3 contributions changed."), as shown.
    wxString StatusText() const;
    /// True while anything is loading or being saved in the background.
    bool IsBusy() const;
    /// The page shown in place of the list: 0 the list, 1 no contribution, 2 no match, 3 no consultation.
    int ShownPage() const;

private:
    void BuildLayout();
    wxWindow* BuildToolbar();
    void BindKeys();
    void LoadAll(bool fromTop);
    void LoadReferenceData();
    void LoadList(bool fromTop);
    void RefreshData(bool referenceData);
    void OnTableChanged(const std::string& table);
    void OnFilterChanged();
    void OnColumnClick(int column);
    void ScheduleDetail();
    void UpdateDetail();
    void UpdateCount();
    void UpdatePage();
    void UpdateButtons();
    void SetStatus(const wxString& message);
    /// The actions on the selection, as a menu at `at` (the mouse when omitted).
    void ShowContextMenu(const wxPoint& at = wxDefaultPosition);
    ContributionFilter CurrentFilter() const;

    // Editing (contribution_panel_actions.cpp).
    enum class SaveResult { Saved, KeepEditing, Closed };
    void EditLoop(Contribution contribution, bool isNew);
    SaveResult SaveEdited(ContributionDialog& dialog, Contribution edited, bool isNew);
    std::vector<FieldVersions> Differences(const Contribution& mine, const Contribution& theirs) const;
    ContributionChoices EditorChoices() const;
    wxString Describe(const Contribution& contribution) const;
    void RunBulk(const std::vector<long long>& keys, std::function<long long(ContributionList&)> change,
                 std::function<wxString(long long)> message);
    std::vector<long long> SelectionOrWarn();
    void OnExportTimer();
    void EndExport();
    void ShowProblem(const Error& error);

    AppContext& m_context;
    Lifetime m_lifetime = NewLifetime();
    /// The panel's jobs on the worker; errors without a handler go to the status line.
    BackgroundJobs m_jobs{m_context, m_lifetime, [this](const Error& error) { ShowProblem(error); }};
    ContributionFilterBar* m_filters = nullptr;
    ContributionListCtrl* m_list = nullptr;
    ContributionDetailPane* m_detail = nullptr;
    wxSimplebook* m_pages = nullptr;
    wxSplitterWindow* m_splitter = nullptr;
    wxSearchCtrl* m_search = nullptr;
    wxStaticText* m_count = nullptr;
    wxStaticText* m_status = nullptr;
    wxButton* m_edit = nullptr;
    wxButton* m_delete = nullptr;
    wxButton* m_bulk = nullptr;
    wxButton* m_export = nullptr;
    ContributionReferenceData m_reference;
    ContributionSort m_sort{ContributionSortKey::ReceivedAt, true};
    std::string m_consultationId; ///< of what is shown
    bool m_dirty = true;          ///< something changed while hidden: load when shown
    bool m_referenceDirty = true;
    bool m_forget = true;          ///< the database or consultation changed: drop every row kept
    bool m_loadingFilters = false; ///< filters being reset by a reload: no callback
    bool m_detailScheduled = false;
    bool m_detailStale = false;
    int m_detailRequest = 0;
    struct ExportState;
    std::shared_ptr<ExportState> m_exporting; ///< the export running, if any
    std::unique_ptr<wxProgressDialog> m_exportProgress;
    wxTimer m_exportTimer;
    int m_subscription = 0;
};

} // namespace concerto
