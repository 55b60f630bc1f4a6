#pragma once
// The "Commitments" area: the programme as a tree of themes and commitments with the
// contributions linked to each by stance, a type-to-filter box, the selected commitment's
// description and status history, and the commands to add, edit and change the status.

#include "app/app_context.h"
#include "app/area_view.h"
#include "dialogs/commitment_dialog.h"
#include "dialogs/status_change_dialog.h"

#include <set>
#include <string>
#include <wx/object.h>
#include <wx/panel.h>

class wxButton;
class wxDataViewCtrl;
class wxDataViewEvent;
class wxSearchCtrl;
class wxSimplebook;
class wxSplitterWindow;
class wxStaticText;

namespace concerto {

class CommitmentDetailPane;
class CommitmentTreeModel;
struct CommitmentTreeData;

/// What became of a save asked by a dialog (or a test): saved, or not and why.
struct SaveOutcome {
    bool saved = false;       ///< written to the database
    bool closeDialog = false; ///< the dialog can close (saved, or the user took the other version)
    wxString error;           ///< why nothing was saved, for the user; empty when saved or cancelled
    bool onReference = false; ///< the error is about the reference field
};

/// The commitments view. Loads through the worker when shown and after every change to
/// commitments, themes, tags or contributions that any view announces.
class CommitmentsPanel : public wxPanel, public AreaView {
public:
    CommitmentsPanel(wxWindow* parent, AppContext& context);
    ~CommitmentsPanel() override;

    wxWindow* Window() override { return this; }
    void Reload() override;
    void OnShown() override;

    /// True while a load is on its way (tests wait for it to become false).
    bool IsLoading() const { return m_loading; }
    /// True while the selected commitment's history is being read.
    bool IsLoadingHistory() const { return m_loadingHistory; }
    CommitmentTreeModel& Model() { return *m_model; }
    wxDataViewCtrl* Tree() const { return m_tree; }
    wxSearchCtrl* FilterBox() const { return m_filter; }
    CommitmentDetailPane& Detail() const { return *m_detail; }
    /// The line under the toolbar: how many commitments are shown, or what to do.
    wxString Summary() const;

    /// Selects the commitment `id` (clearing the filter if it hides it); false when unknown.
    bool SelectCommitment(const std::string& id);
    /// The selected commitment's id, or empty (nothing, or a theme row, selected).
    std::string SelectedCommitmentId() const;

    /// Saves `values` over `original` (the commitment as the user opened it), or as a new
    /// commitment of the current consultation when `original` is null. A changed status is
    /// recorded in the history, dated today. On a conflict asks the user (AskConflict,
    /// parented to `parent`). Announces the change with NotifyChanged("commitment").
    SaveOutcome SaveCommitment(const Commitment* original, const CommitmentValues& values, wxWindow* parent);
    /// Records a dated status change of `original` (CommitmentRepository::ChangeStatus), with
    /// the same conflict handling; announces the change.
    SaveOutcome ChangeStatus(const Commitment& original, const StatusChangeValues& values, wxWindow* parent);

    /// The commands of the toolbar, keyboard and context menu.
    void NewCommitment();
    void EditSelected();
    void ChangeSelectedStatus();

private:
    wxWindow* BuildToolbar(wxWindow* parent);
    wxWindow* BuildTree(wxWindow* parent);
    wxWindow* BuildEmptyPage(wxWindow* parent);
    void Load();
    void Apply(CommitmentTreeData data);
    void ShowLoadError(const wxString& message);
    void ApplyFilter();
    void RestoreExpansion();
    void UpdateSummary();
    void UpdateButtons();
    void UpdateDetail();
    void LoadHistory(const std::string& commitmentId);
    void FitTitleColumn();
    void OnCharHook(wxKeyEvent& event);
    void OnActivated(wxDataViewEvent& event);
    void OnContextMenu(wxDataViewEvent& event);
    std::vector<ThemeChoice> ThemeChoices() const;
    /// Saves `mine` over its stored row, recording a new `status` in the history; on a conflict
    /// asks the user. False when nothing was saved (`outcome` then says whether to close).
    bool UpdateResolvingConflicts(Commitment& mine, CommitmentStatus status, wxWindow* parent, SaveOutcome& outcome);

    AppContext& m_context;
    Lifetime m_lifetime = NewLifetime();
    int m_subscription = 0;
    bool m_stale = true;
    bool m_loading = false;
    bool m_loadingHistory = false;
    int m_generation = 0;
    std::string m_selectAfterLoad;
    std::set<std::string> m_collapsedThemes;
    bool m_restoringExpansion = false;
    bool m_focusWhenLoaded = false;

    wxObjectDataPtr<CommitmentTreeModel> m_model;
    wxSimplebook* m_pages = nullptr;
    wxSearchCtrl* m_filter = nullptr;
    wxStaticText* m_summary = nullptr;
    wxButton* m_new = nullptr;
    wxButton* m_edit = nullptr;
    wxButton* m_status = nullptr;
    wxSplitterWindow* m_splitter = nullptr;
    wxDataViewCtrl* m_tree = nullptr;
    CommitmentDetailPane* m_detail = nullptr;
    wxStaticText* m_emptyTitle = nullptr;
    wxStaticText* m_emptyText = nullptr;
};

} // namespace concerto
