#pragma once
// The meetings area: the consultation's meetings in a sortable list (read through the worker),
// filtered by channel, with the selected meeting's detail below and the commands to create,
// edit and delete meetings and to type the paper contributions of one.

#include "app/app_context.h"
#include "app/area_view.h"
#include "app/meeting_editing.h"
#include "db/meeting_queries.h"

#include <wx/panel.h>

class wxButton;
class wxChoice;
class wxListCtrl;
class wxListEvent;
class wxSimplebook;
class wxSplitterWindow;
class wxStaticText;

namespace concerto {

class MeetingDetail;

class MeetingPanel final : public wxPanel, public AreaView {
public:
    MeetingPanel(wxWindow* parent, AppContext& context);

    wxWindow* Window() override { return this; }
    void Reload() override;
    void OnShown() override;

    /// True while the list is being read.
    bool IsLoading() const { return m_loading; }
    /// Number of meetings listed (after the channel filter).
    int ListedCount() const;
    /// The text of a cell of the list, as shown.
    wxString CellText(int row, int column) const;
    /// Keeps only the meetings of `channelId` (empty: every channel).
    void FilterChannel(const std::string& channelId);
    /// Selects the meeting `id` in the list (and shows its detail); false when it is not listed.
    bool Select(const std::string& id);
    /// The selected meeting, or nullptr.
    const MeetingRow* Selected() const;
    /// The detail pane.
    MeetingDetail& Detail() { return *m_detail; }
    /// An editor with the channels and neighbourhoods read with the list.
    MeetingEditor Editor();

    /// The commands of the area's buttons and keys.
    void NewMeeting();
    void EditSelected();
    void DeleteSelected();
    void EnterContributions();

    /// The list's columns, left to right.
    enum Column {
        DateColumn,
        ChannelColumn,
        TitleColumn,
        PlaceColumn,
        NeighbourhoodColumn,
        KindColumn,
        AttendanceColumn,
        ContributionsColumn,
        ColumnCount
    };

private:
    /// What one read of the worker brings back.
    struct Data {
        std::vector<MeetingRow> rows;
        std::vector<Channel> channels;
        std::vector<Neighbourhood> neighbourhoods;
    };

    wxWindow* BuildToolbar(wxWindow* parent);
    wxWindow* BuildList(wxWindow* parent);
    void Loaded(Data data);
    void Refill();
    void Sort(int column, bool ascending);
    void UpdateButtons();
    void UpdateCount();
    void FitTitleColumn();
    void OnCharHook(wxKeyEvent& event);
    void OnColumnClick(wxListEvent& event);

    AppContext& m_context;
    Lifetime m_lifetime = NewLifetime();
    bool m_loading = false;
    bool m_loadedOnce = false;
    bool m_sashPlaced = false;
    std::string m_consultationId; ///< of the data shown
    Data m_data;
    std::vector<const MeetingRow*> m_listed; ///< the rows shown, in list order
    std::string m_channelFilter;
    std::string m_wantedSelection; ///< to select once the next load is shown
    int m_sortColumn = DateColumn;
    bool m_sortAscending = true;

    wxSimplebook* m_pages = nullptr;
    wxStaticText* m_count = nullptr;
    wxChoice* m_channel = nullptr;
    wxButton* m_new = nullptr;
    wxButton* m_edit = nullptr;
    wxButton* m_delete = nullptr;
    wxButton* m_enter = nullptr;
    wxSplitterWindow* m_splitter = nullptr;
    wxListCtrl* m_list = nullptr;
    MeetingDetail* m_detail = nullptr;
};

} // namespace concerto
