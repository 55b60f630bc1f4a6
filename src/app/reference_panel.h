#pragma once
// The "Reference data" area: on the left the kinds of reference data (neighbourhoods,
// channels, thematic cards, themes, consultations), on the right the chosen kind's rows with
// the commands to add, edit, delete and order them.

#include "app/app_context.h"
#include "app/area_view.h"
#include "app/reference_kinds.h"
#include "dialogs/conflict_dialog.h"

#include <memory>
#include <string>
#include <vector>
#include <wx/panel.h>

class wxButton;
class wxInfoBar;
class wxListCtrl;
class wxListEvent;
class wxSimplebook;
class wxStaticText;

namespace concerto {

/// What became of a save asked by the dialog (or a test).
struct ReferenceSaveOutcome {
    bool saved = false;       ///< written to the database
    bool closeDialog = false; ///< the dialog can close (saved, or the user took the other version)
    wxString error;           ///< why nothing was saved; empty when saved or cancelled
    std::string field;        ///< the key of the field the error is about, if any
};

class NavigationList;

/// The reference data view. Rows load through the worker; saves run on the UI thread and are
/// announced with NotifyChanged(<the kind's table>).
class ReferenceDataPanel : public wxPanel, public AreaView {
public:
    /// The kinds, in the order of the list on the left.
    enum KindIndex { Neighbourhoods, Channels, Cards, Themes, Consultations };

    ReferenceDataPanel(wxWindow* parent, AppContext& context);
    ~ReferenceDataPanel() override;

    wxWindow* Window() override { return this; }
    void Reload() override;
    void OnShown() override;

    /// Shows the kind `index` (a KindIndex) and loads its rows.
    void ShowKind(int index);
    int CurrentKind() const { return m_kindIndex; }
    const ReferenceKind& Kind() const { return *m_kinds[m_kindIndex]; }
    /// True while rows are on their way (tests wait for it to become false).
    bool IsLoading() const { return m_loading; }
    /// The rows shown, in display order.
    const std::vector<ReferenceRow>& Rows() const { return m_data.rows; }
    wxListCtrl* List() const { return m_list; }
    /// The selected row's index, or -1.
    int SelectedRow() const;
    void SelectRow(int index);
    /// The last message shown in the bar above the list (an error, usually); empty when none.
    const wxString& Message() const { return m_message; }

    /// Saves `values` over `row` (as the user opened it) or as a new row when `row` is null.
    /// On a conflict asks the user (AskConflict, parented to `parent`).
    ReferenceSaveOutcome SaveRow(const ReferenceRow* row, const ReferenceValues& values, wxWindow* parent);
    /// Deletes the row `index` without asking; on refusal shows why and returns false.
    bool DeleteRow(int index);
    /// Moves the row `index` by `delta` places (-1 up, +1 down); false when it cannot.
    bool MoveRow(int index, int delta);

    /// The commands of the buttons and keys.
    void NewItem();
    void EditSelected();
    void DeleteSelected();
    void MoveSelected(int delta);

private:
    wxWindow* BuildRightSide(wxWindow* parent);
    void Load();
    void Apply(ReferenceList data);
    void FillList();
    void UpdateHeading();
    void UpdateButtons();
    void FitLastColumn();
    void ShowMessage(const wxString& message);
    void HideMessage();
    void OpenDialog(const ReferenceRow* row);
    std::vector<FieldVersions> Versions(const ReferenceValues& mine, const std::optional<ReferenceRow>& theirs) const;
    void OnCharHook(wxKeyEvent& event);

    AppContext& m_context;
    Lifetime m_lifetime = NewLifetime();
    int m_subscription = 0;
    std::vector<std::unique_ptr<ReferenceKind>> m_kinds;
    int m_kindIndex = Neighbourhoods;
    ReferenceList m_data;
    bool m_stale = true;
    bool m_loading = false;
    int m_generation = 0;
    std::string m_selectAfterLoad;
    wxString m_message;

    NavigationList* m_kindList = nullptr;
    wxStaticText* m_heading = nullptr;
    wxStaticText* m_scope = nullptr;
    wxStaticText* m_explanation = nullptr;
    wxButton* m_new = nullptr;
    wxButton* m_edit = nullptr;
    wxButton* m_delete = nullptr;
    wxButton* m_up = nullptr;
    wxButton* m_down = nullptr;
    wxInfoBar* m_infoBar = nullptr;
    wxSimplebook* m_pages = nullptr;
    wxListCtrl* m_list = nullptr;
    wxStaticText* m_empty = nullptr;
};

} // namespace concerto
