#pragma once
// The contributions list: a virtual wxListCtrl that holds only the ordered keys of the
// contributions shown (from ContributionList::Keys) and a cache of the rows around what is
// visible. A missing row shows "…" and is asked for, with its neighbours, through the fetch
// function its owner gives (a Worker job); one request is in flight at a time, and when it
// returns the list asks for whatever is visible then, so fast scrolling never queues pages
// nobody looks at any more. Answers for a list replaced meanwhile are dropped by generation.
// Selection, focus and scroll position are kept across reloads, by key.

#include "db/contribution_list.h"

#include <functional>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>
#include <wx/listctrl.h>

namespace concerto {

class ContributionListCtrl : public wxListCtrl {
public:
    /// The columns, left to right.
    enum Column {
        NumberColumn,
        ReceivedColumn,
        ChannelColumn,
        MeetingColumn,
        NeighbourhoodColumn,
        ProfileColumn,
        TextColumn,
        StateColumn,
        TagsColumn,
        QuoteColumn,
        ColumnCount
    };
    /// Asks for the rows of `keys`; the answer goes to AcceptRows(request, keys, rows), or a
    /// failure to FetchFailed(request).
    using FetchRows = std::function<void(const std::vector<long long>& keys, int request)>;

    ContributionListCtrl(wxWindow* parent, FetchRows fetch);
    ~ContributionListCtrl() override;

    /// Starts loading another list. `fromTop`: the filter or sort changed, so the list will show
    /// its first rows; otherwise (the data changed) it keeps its scroll position. What is shown
    /// stays until the new keys arrive. Returns the generation to pass back.
    int BeginList(bool fromTop);
    /// The first rows of the list loading, shown while its keys load (ignored when stale).
    void ShowFirstPage(int generation, std::vector<ContributionRow> rows);
    /// The keys of the list loading (ignored when stale); restores selection and position.
    void ShowKeys(int generation, std::vector<long long> keys);
    /// True when `generation` is the list being loaded or shown.
    bool IsCurrent(int generation) const { return generation == m_listGeneration; }
    /// The rows shown may have changed in the database: they stay shown but are asked for again.
    void MarkStale();
    /// Takes the answer to a FetchRows call; `asked` keys missing from `rows` were deleted.
    void AcceptRows(int request, const std::vector<long long>& asked, std::vector<ContributionRow> rows);
    /// The FetchRows call `request` failed: its rows will be asked for again when shown.
    void FetchFailed(int request);
    /// Selects the row with this key (only it) and scrolls to it, now or when the keys arrive.
    void SelectKey(long long key);
    /// Empties the list (no consultation).
    void Clear();
    /// Drops every key and row (another database or consultation): the list stays empty, as
    /// loading, until the next ShowFirstPage or ShowKeys.
    void Forget();

    /// True once the keys of the current list have arrived.
    bool KeysLoaded() const { return m_keysLoaded; }
    /// The key at `index`, or 0.
    long long KeyAt(long index) const;
    /// The row at `index` if it is in the cache, else nullptr.
    const ContributionRow* RowAt(long index) const;
    /// The row with this key if it is in the cache, else nullptr.
    const ContributionRow* RowOf(long long key) const;
    /// The keys of the selected rows, in list order.
    std::vector<long long> SelectedKeys() const;
    /// The index of the focused row, or -1.
    long FocusedIndex() const { return GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_FOCUSED); }
    /// All the keys of the list, in order.
    const std::vector<long long>& AllKeys() const { return m_keys; }
    /// True while rows of the list are being fetched.
    bool IsFetching() const { return m_inFlight || m_fetchScheduled; }

    /// Shows the sort arrow on the column of `sort`.
    void ShowSort(const ContributionSort& sort);
    /// The sort key a header click on `column` asks for; false when that column is not sortable.
    static bool SortKeyOf(int column, ContributionSortKey& key);

protected:
    wxString OnGetItemText(long item, long column) const override;
    wxItemAttr* OnGetItemAttr(long item) const override;

private:
    struct CachedRow {
        ContributionRow row;
        bool fresh = true;    ///< false: shown, but asked for again since the data changed
        bool deleted = false; ///< the database no longer has it
    };
    /// What to restore once new keys arrive.
    struct Position {
        std::unordered_set<long long> selected;
        long long focused = 0, top = 0;
        long topIndex = 0;
    };

    void CreateColumns();
    void SaveColumns() const;
    void FitTextColumn();
    void ScheduleFetch();
    void FetchVisible();
    void Trim();
    void ScrollToTop(long index);
    Position CapturePosition() const;
    void RestorePosition(const Position& position);
    void ClearSelection();
    const CachedRow* Cached(long long key) const;

    FetchRows m_fetch;
    std::vector<long long> m_keys; ///< the list's order (the first page's keys until the keys arrive)
    bool m_keysLoaded = false;
    bool m_loadPending = false; ///< a list was begun and its keys have not arrived yet
    std::unordered_map<long long, CachedRow> m_cache;
    int m_listGeneration = 0; ///< moves on with every list loaded
    int m_dataGeneration = 0; ///< moves on when the rows may have changed in the database
    bool m_fromTop = true;
    bool m_fetchScheduled = false;
    bool m_inFlight = false;
    int m_request = 0;           ///< serial of the latest fetch
    int m_requestGeneration = 0; ///< data generation when it was sent
    Position m_restore;
    long long m_selectAfterLoad = 0;
    std::unique_ptr<wxItemAttr> m_greyed;
};

} // namespace concerto
