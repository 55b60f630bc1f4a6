#include "app/contribution_list_ctrl.h"

#include "app/contribution_text.h"
#include "app/localization.h"

#include <algorithm>
#include <wx/config.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/tokenzr.h>

namespace concerto {

namespace {

const char* const kColumnsKey = "/Contributions/Columns";
// Rows asked for in one request: about three screens, so that a page down finds its rows ready.
constexpr std::size_t kRowsPerFetch = 300;
// Rows kept in the cache around what is visible when it grows beyond kCacheLimit.
constexpr long kCacheMargin = 1500;
constexpr std::size_t kCacheLimit = 6000;
// Beyond this many selected rows a reload does not try to reselect them one by one.
constexpr std::size_t kMaxRestoredSelection = 20000;

struct ColumnSpec {
    wxString title;
    int width; // DIPs
    wxListColumnFormat format;
};

std::vector<ColumnSpec> ColumnSpecs()
{
    return {{_("No."), 56, wxLIST_FORMAT_RIGHT},           {_("Received"), 122, wxLIST_FORMAT_LEFT},
            {_("Channel"), 115, wxLIST_FORMAT_LEFT},       {_("Meeting"), 125, wxLIST_FORMAT_LEFT},
            {_("Neighbourhood"), 110, wxLIST_FORMAT_LEFT}, {_("Profile"), 85, wxLIST_FORMAT_LEFT},
            {_("Text"), 300, wxLIST_FORMAT_LEFT},          {_("State"), 78, wxLIST_FORMAT_LEFT},
            {_("Codings"), 66, wxLIST_FORMAT_RIGHT},       {_("Quote"), 62, wxLIST_FORMAT_LEFT}};
}

} // namespace

ContributionListCtrl::ContributionListCtrl(wxWindow* parent, FetchRows fetch)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_VIRTUAL | wxBORDER_NONE),
      m_fetch(std::move(fetch))
{
    SetName("contributions-list");
    CreateColumns();
    m_greyed = std::make_unique<wxItemAttr>();
    m_greyed->SetTextColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    EnableAlternateRowColours();
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter(&ContributionListCtrl::FitTextColumn);
    });
    Bind(wxEVT_LIST_COL_END_DRAG, [this](wxListEvent& event) {
        event.Skip();
        CallAfter([this] { SaveColumns(); });
    });
}

ContributionListCtrl::~ContributionListCtrl()
{
    SaveColumns();
}

void ContributionListCtrl::CreateColumns()
{
    const auto specs = ColumnSpecs();
    // Saved as "w0,w1,…;o0,o1,…": widths in DIPs, then the display order where the platform lets
    // the user reorder columns.
    const wxString saved = wxConfigBase::Get()->Read(kColumnsKey, wxString());
    const wxArrayString widths = wxStringTokenize(saved.BeforeFirst(';'), ",");
    const wxArrayString order = wxStringTokenize(saved.AfterFirst(';'), ",");
    for (std::size_t i = 0; i < specs.size(); ++i) {
        long width = specs[i].width;
        if (widths.size() == specs.size())
            widths[i].ToLong(&width);
        AppendColumn(specs[i].title, specs[i].format, FromDIP(static_cast<int>(std::clamp(width, 24L, 2000L))));
    }
    if (order.size() == specs.size()) {
        wxArrayInt orders;
        bool moved = false;
        for (std::size_t i = 0; i < order.size(); ++i) {
            long at = static_cast<long>(i);
            order[i].ToLong(&at);
            orders.push_back(static_cast<int>(at));
            moved = moved || at != static_cast<long>(i);
        }
        if (moved)
            SetColumnsOrder(orders);
    }
}

void ContributionListCtrl::SaveColumns() const
{
    wxString widths, order;
    const wxArrayInt orders = GetColumnsOrder();
    for (int i = 0; i < ColumnCount; ++i) {
        widths += wxString::Format(i ? ",%d" : "%d", ToDIP(GetColumnWidth(i)));
        order += wxString::Format(i ? ",%d" : "%d", orders.size() == ColumnCount ? orders[i] : i);
    }
    wxConfigBase::Get()->Write(kColumnsKey, widths + ";" + order);
}

void ContributionListCtrl::FitTextColumn()
{
    // The text column takes the width the others leave, so that no space is wasted at 1366 px
    // and no horizontal scrollbar appears; it never gets narrower than a readable minimum.
    int others = 0;
    for (int i = 0; i < ColumnCount; ++i)
        if (i != TextColumn)
            others += GetColumnWidth(i);
    const int available = GetClientSize().GetWidth() - others - FromDIP(4);
    const int width = std::max(available, FromDIP(200));
    if (width != GetColumnWidth(TextColumn))
        SetColumnWidth(TextColumn, width);
}

int ContributionListCtrl::BeginList(bool fromTop)
{
    m_restore = CapturePosition();
    m_fromTop = fromTop;
    m_loadPending = true;
    return ++m_listGeneration;
}

void ContributionListCtrl::ShowFirstPage(int generation, std::vector<ContributionRow> rows)
{
    if (generation != m_listGeneration || !m_fromTop)
        return;
    m_keys.clear();
    for (auto& row : rows) {
        m_keys.push_back(row.seq);
        m_cache[row.seq] = CachedRow{std::move(row), true, false};
    }
    m_keysLoaded = false;
    ClearSelection();
    SetItemCount(static_cast<long>(m_keys.size()));
    if (!m_keys.empty())
        ScrollToTop(0);
    Refresh();
}

void ContributionListCtrl::ShowKeys(int generation, std::vector<long long> keys)
{
    if (generation != m_listGeneration)
        return;
    m_keys = std::move(keys);
    m_keysLoaded = true;
    m_loadPending = false;
    ClearSelection();
    SetItemCount(static_cast<long>(m_keys.size()));
    RestorePosition(m_restore);
    m_restore = Position();
    if (m_selectAfterLoad) {
        const long long key = m_selectAfterLoad;
        m_selectAfterLoad = 0;
        SelectKey(key);
    }
    Trim();
    Refresh();
}

void ContributionListCtrl::MarkStale()
{
    ++m_dataGeneration;
    for (auto& [key, cached] : m_cache)
        cached.fresh = false;
    ScheduleFetch();
}

void ContributionListCtrl::Clear()
{
    ++m_listGeneration;
    m_keys.clear();
    m_cache.clear();
    m_keysLoaded = true;
    m_loadPending = false;
    ClearSelection();
    SetItemCount(0);
    Refresh();
}

void ContributionListCtrl::Forget()
{
    ++m_dataGeneration; // rows on their way belong to what is forgotten
    ++m_request;        // and their answer, if it ever comes, is not awaited any more
    m_inFlight = false;
    m_keys.clear();
    m_cache.clear();
    m_keysLoaded = false;
    m_restore = Position();
    ClearSelection();
    SetItemCount(0);
    Refresh();
}

void ContributionListCtrl::ScheduleFetch()
{
    if (m_fetchScheduled)
        return;
    m_fetchScheduled = true;
    // After the paint that noticed the missing rows, once the visible range is settled.
    CallAfter(&ContributionListCtrl::FetchVisible);
}

void ContributionListCtrl::FetchVisible()
{
    m_fetchScheduled = false;
    const long count = GetItemCount();
    if (m_inFlight || count == 0 || !m_fetch)
        return;
    const long top = std::clamp(GetTopItem(), 0L, count - 1);
    const long page = std::max(GetCountPerPage(), 20);
    std::vector<long long> keys;
    auto want = [&](long from, long to) {
        for (long i = std::max(from, 0L); i < std::min(to, count) && keys.size() < kRowsPerFetch; ++i) {
            const long long key = m_keys[static_cast<std::size_t>(i)];
            const CachedRow* cached = Cached(key);
            if (!cached || (!cached->fresh && !cached->deleted))
                keys.push_back(key);
        }
    };
    want(top, top + page + 1); // what is visible first
    if (keys.empty())
        return; // nothing missing on screen: no prefetch for its own sake
    want(top + page + 1, top + 3 * page);
    want(top - page, top);
    m_inFlight = true;
    m_requestGeneration = m_dataGeneration;
    m_fetch(keys, ++m_request);
}

void ContributionListCtrl::AcceptRows(int request, const std::vector<long long>& asked,
                                      std::vector<ContributionRow> rows)
{
    if (request != m_request)
        return;
    m_inFlight = false;
    // Rows read before the latest data change are better than "…", but are asked for again.
    const bool fresh = m_requestGeneration == m_dataGeneration;
    std::unordered_set<long long> answered;
    for (auto& row : rows) {
        answered.insert(row.seq);
        m_cache[row.seq] = CachedRow{std::move(row), fresh, false};
    }
    for (const long long key : asked)
        if (!answered.count(key)) {
            CachedRow& gone = m_cache[key];
            gone.row.seq = key;
            gone.deleted = true;
            gone.fresh = fresh;
        }
    Trim();
    const long count = GetItemCount();
    if (count > 0) {
        const long top = std::clamp(GetTopItem(), 0L, count - 1);
        RefreshItems(top, std::min(count - 1, top + GetCountPerPage() + 1));
    }
    ScheduleFetch(); // the user may have scrolled on meanwhile
}

void ContributionListCtrl::FetchFailed(int request)
{
    if (request == m_request)
        m_inFlight = false;
}

void ContributionListCtrl::Trim()
{
    if (m_cache.size() <= kCacheLimit || m_keys.empty())
        return;
    const long count = static_cast<long>(m_keys.size());
    const long top = std::clamp(GetTopItem(), 0L, count - 1);
    std::unordered_set<long long> keep;
    for (long i = std::max(0L, top - kCacheMargin); i < std::min(count, top + kCacheMargin); ++i)
        keep.insert(m_keys[static_cast<std::size_t>(i)]);
    for (auto it = m_cache.begin(); it != m_cache.end();)
        it = keep.count(it->first) ? std::next(it) : m_cache.erase(it);
}

const ContributionListCtrl::CachedRow* ContributionListCtrl::Cached(long long key) const
{
    const auto it = m_cache.find(key);
    return it == m_cache.end() ? nullptr : &it->second;
}

long long ContributionListCtrl::KeyAt(long index) const
{
    if (index < 0 || index >= static_cast<long>(m_keys.size()))
        return 0;
    return m_keys[static_cast<std::size_t>(index)];
}

const ContributionRow* ContributionListCtrl::RowOf(long long key) const
{
    const CachedRow* cached = Cached(key);
    return cached && !cached->deleted ? &cached->row : nullptr;
}

const ContributionRow* ContributionListCtrl::RowAt(long index) const
{
    return RowOf(KeyAt(index));
}

std::vector<long long> ContributionListCtrl::SelectedKeys() const
{
    std::vector<long long> keys;
    for (long i = GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); i != -1;
         i = GetNextItem(i, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED))
        if (const long long key = KeyAt(i))
            keys.push_back(key);
    return keys;
}

void ContributionListCtrl::ClearSelection()
{
    if (GetItemCount() > 0 && GetSelectedItemCount() > 0)
        SetItemState(-1, 0, wxLIST_STATE_SELECTED);
}

ContributionListCtrl::Position ContributionListCtrl::CapturePosition() const
{
    Position position;
    if (GetItemCount() == 0)
        return position;
    if (static_cast<std::size_t>(GetSelectedItemCount()) <= kMaxRestoredSelection)
        for (const long long key : SelectedKeys())
            position.selected.insert(key);
    position.focused = KeyAt(FocusedIndex());
    position.topIndex = GetTopItem();
    position.top = KeyAt(position.topIndex);
    return position;
}

void ContributionListCtrl::RestorePosition(const Position& position)
{
    const long count = static_cast<long>(m_keys.size());
    if (count == 0)
        return;
    auto indexOf = [this](long long key) -> long {
        if (!key)
            return -1;
        const auto it = std::find(m_keys.begin(), m_keys.end(), key);
        return it == m_keys.end() ? -1 : static_cast<long>(it - m_keys.begin());
    };
    // One pass over the keys only when there is a selection to find again.
    if (!position.selected.empty())
        for (long i = 0; i < count; ++i)
            if (position.selected.count(m_keys[static_cast<std::size_t>(i)]))
                SetItemState(i, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    const long focused = indexOf(position.focused);
    if (focused >= 0)
        SetItemState(focused, wxLIST_STATE_FOCUSED, wxLIST_STATE_FOCUSED);
    if (!m_fromTop) { // the same list, refreshed: the same rows stay in view
        const long top = indexOf(position.top);
        ScrollToTop(top >= 0 ? top : std::min(position.topIndex, count - 1));
    } else if (focused >= 0) { // a new order or filter: follow the row the user was on
        EnsureVisible(focused);
    } else {
        ScrollToTop(0);
    }
}

void ContributionListCtrl::ScrollToTop(long index)
{
    const long count = GetItemCount();
    if (count == 0)
        return;
    // Scrolling down to the row a page below, then up to the row, leaves the row at the top.
    EnsureVisible(std::min(count - 1, index + std::max(GetCountPerPage(), 1) - 1));
    EnsureVisible(index);
}

void ContributionListCtrl::SelectKey(long long key)
{
    if (!m_keysLoaded || m_loadPending) { // the row may only be in the list on its way
        m_selectAfterLoad = key;
        return;
    }
    const auto it = std::find(m_keys.begin(), m_keys.end(), key);
    if (it == m_keys.end())
        return;
    const long index = static_cast<long>(it - m_keys.begin());
    ClearSelection();
    SetItemState(index, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    EnsureVisible(index);
}

void ContributionListCtrl::ShowSort(const ContributionSort& sort)
{
    int column = ReceivedColumn;
    switch (sort.key) {
    case ContributionSortKey::ReceivedAt:
        column = ReceivedColumn;
        break;
    case ContributionSortKey::Channel:
        column = ChannelColumn;
        break;
    case ContributionSortKey::Neighbourhood:
        column = NeighbourhoodColumn;
        break;
    case ContributionSortKey::State:
        column = StateColumn;
        break;
    case ContributionSortKey::EntryOrder:
        column = NumberColumn;
        break;
    }
    ShowSortIndicator(column, !sort.descending);
}

bool ContributionListCtrl::SortKeyOf(int column, ContributionSortKey& key)
{
    switch (column) {
    case NumberColumn:
        key = ContributionSortKey::EntryOrder;
        return true;
    case ReceivedColumn:
        key = ContributionSortKey::ReceivedAt;
        return true;
    case ChannelColumn:
        key = ContributionSortKey::Channel;
        return true;
    case NeighbourhoodColumn:
        key = ContributionSortKey::Neighbourhood;
        return true;
    case StateColumn:
        key = ContributionSortKey::State;
        return true;
    default:
        return false;
    }
}

wxString ContributionListCtrl::OnGetItemText(long item, long column) const
{
    const CachedRow* cached = Cached(KeyAt(item));
    if (!cached || (!cached->fresh && !cached->deleted)) {
        // wxListCtrl asks for texts through a const function; a miss still has to ask for the row.
        const_cast<ContributionListCtrl*>(this)->ScheduleFetch();
        if (!cached)
            return column == NumberColumn || column == TextColumn ? wxString::FromUTF8("…") : wxString();
    }
    const ContributionRow& row = cached->row;
    if (cached->deleted)
        return column == TextColumn ? _("(deleted meanwhile)") : column == NumberColumn ? FormatCount(row.seq) : "";
    switch (column) {
    case NumberColumn:
        return FormatCount(row.seq);
    case ReceivedColumn:
        return FormatReceivedAt(row.receivedAt);
    case ChannelColumn:
        return wxString::FromUTF8(row.channel);
    case MeetingColumn:
        return wxString::FromUTF8(row.meeting);
    case NeighbourhoodColumn:
        return wxString::FromUTF8(row.neighbourhood);
    case ProfileColumn:
        return wxString::FromUTF8(row.profile);
    case TextColumn:
        return row.title.empty() ? FirstTextLine(row.body) : FirstTextLine(row.title + " — " + row.body);
    case StateColumn:
        return StateName(row.state);
    case TagsColumn:
        return row.tagCount ? wxString::Format("%d", row.tagCount) : wxString();
    case QuoteColumn:
        return row.isQuote ? _("Yes") : wxString();
    default:
        return wxString();
    }
}

wxItemAttr* ContributionListCtrl::OnGetItemAttr(long item) const
{
    // Rows set aside (excluded, deleted) read as such without hiding them.
    const CachedRow* cached = Cached(KeyAt(item));
    if (cached && (cached->deleted || cached->row.state == ContributionState::Excluded))
        return m_greyed.get();
    return wxListCtrl::OnGetItemAttr(item);
}

} // namespace concerto
