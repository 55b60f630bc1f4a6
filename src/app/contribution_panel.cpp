#include "app/contribution_panel.h"

#include "app/access_ui.h"
#include "app/contribution_detail_pane.h"
#include "app/contribution_history.h"
#include "app/contribution_list_ctrl.h"
#include "app/localization.h"
#include "app/placeholder_panel.h"
#include "core/text.h"
#include "dialogs/quick_entry_dialog.h"
#include "reports/french.h"

#include <algorithm>
#include <set>
#include <wx/button.h>
#include <wx/config.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {

enum Page { ListPage, NoContributionPage, NoMatchPage, NoConsultationPage };

const char* const kSortKey = "/Contributions/Sort";
const char* const kSashKey = "/Contributions/DetailHeight";
// Rows shown at once while the keys of a long list load.
constexpr int kFirstPageRows = 100;

ContributionChoice Choice(const std::string& id, const std::string& label, const std::string& channelId = {},
                          const std::string& neighbourhoodId = {})
{
    return ContributionChoice{id, label, channelId, neighbourhoodId};
}

/// The reference lists of one consultation; runs on the worker.
ContributionReferenceData ReadReferenceData(Database& db, const std::string& consultationId)
{
    ContributionReferenceData data;
    for (const auto& channel : ChannelRepository(db).List({}, 0, "position"))
        data.choices.channels.push_back(Choice(channel.id, channel.name));
    for (const auto& place : NeighbourhoodRepository(db).List({}, 0, "position"))
        data.choices.neighbourhoods.push_back(Choice(place.id, place.name));
    for (const auto& meeting : MeetingRepository(db).ListBy("consultation_id", consultationId, "starts_at"))
        data.choices.meetings.push_back(Choice(meeting.id,
                                               french::ShortDate(meeting.startsAt.Day()) + " — " + meeting.title,
                                               meeting.channelId, meeting.neighbourhoodId));
    for (const auto& card : CardRepository(db).ListBy("consultation_id", consultationId, "code"))
        data.choices.cards.push_back(Choice(card.id, card.title));
    for (const auto& theme : ThemeRepository(db).ListBy("consultation_id", consultationId, "position"))
        data.themes.push_back(Choice(theme.id, theme.title));
    auto commitments = CommitmentRepository(db).ListBy("consultation_id", consultationId, "position");
    std::stable_sort(commitments.begin(), commitments.end(),
                     [](const Commitment& a, const Commitment& b) { return a.themeId < b.themeId; });
    for (const auto& theme : data.themes) // grouped by theme, in the programme's order
        for (const auto& commitment : commitments)
            if (commitment.themeId == theme.id)
                data.commitments.push_back(
                    Choice(commitment.id, commitment.ref + " — " + commitment.title, commitment.themeId));
    return data;
}

/// The usual values, then those already typed in this consultation.
std::vector<std::string> Merged(const std::vector<std::string>& usual, const std::vector<std::string>& used)
{
    std::vector<std::string> all = usual;
    std::set<std::string> seen(usual.begin(), usual.end());
    for (const auto& value : used)
        if (seen.insert(value).second)
            all.push_back(value);
    return all;
}

} // namespace

ContributionPanel::ContributionPanel(wxWindow* parent, AppContext& context) : wxPanel(parent), m_context(context)
{
    SetName("contributions-view");
    long sort = 0, descending = 1;
    const wxString saved = wxConfigBase::Get()->Read(kSortKey, "0,1");
    if (saved.BeforeFirst(',').ToLong(&sort) && saved.AfterFirst(',').ToLong(&descending) && sort >= 0 && sort <= 4)
        m_sort = ContributionSort{static_cast<ContributionSortKey>(sort), descending != 0};
    BuildLayout();
    BindKeys();
    m_exportTimer.SetOwner(this);
    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { OnExportTimer(); }, m_exportTimer.GetId());
    // The context outlives the views in normal use, but never call into a destroyed panel.
    std::weak_ptr<int> alive = m_lifetime;
    m_subscription = m_context.Subscribe([this, alive](const std::string& table) {
        if (alive.lock())
            OnTableChanged(table);
    });
}

ContributionPanel::~ContributionPanel()
{
    // The frame destroys its context before its child windows, so the context is not touched
    // here: the subscription above stays harmless once m_lifetime has gone.
    auto* config = wxConfigBase::Get();
    config->Write(kSortKey, wxString::Format("%d,%d", static_cast<int>(m_sort.key), m_sort.descending ? 1 : 0));
    if (m_splitter->IsSplit())
        config->Write(kSashKey, ToDIP(m_splitter->GetSize().GetHeight() - m_splitter->GetSashPosition()));
}

void ContributionPanel::BuildLayout()
{
    const int margin = FromDIP(10);
    wxWindow* toolbar = BuildToolbar();
    m_filters = new ContributionFilterBar(this, m_search, [this] { OnFilterChanged(); });

    m_splitter = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                      wxSP_LIVE_UPDATE | wxSP_3DSASH | wxSP_NO_XP_THEME);
    m_splitter->SetMinimumPaneSize(FromDIP(80));
    m_splitter->SetSashGravity(1.0); // a taller window gives its height to the list
    auto* listArea = new wxPanel(m_splitter);
    m_pages = new wxSimplebook(listArea);
    m_list = new ContributionListCtrl(m_pages, [this](const std::vector<long long>& keys, int request) {
        m_jobs.Run<std::vector<ContributionRow>>([keys](Database& db) { return ContributionList(db).Rows(keys); },
                                                 [this, keys, request](std::vector<ContributionRow> rows) {
                                                     m_list->AcceptRows(request, keys, std::move(rows));
                                                 },
                                                 "contribution-rows",
                                                 [this, request](const Error& error) {
                                                     m_list->FetchFailed(request);
                                                     ShowProblem(error);
                                                 });
    });
    m_pages->AddPage(m_list, wxString());
    m_pages->AddPage(new PlaceholderPanel(m_pages, _("No contributions yet"),
                                          _("The contributions of this consultation will be listed here: typed in "
                                            "from paper slips, imported from the online platform or added one by "
                                            "one."),
                                          _("Press Insert to add one, use the quick entry form to type a pile of paper "
                                            "slips, or import a file (File ▸ Import…, Ctrl+I)."),
                                          _("New contribution…"), [this] { NewContribution(); }),
                     wxString());
    m_pages->AddPage(new PlaceholderPanel(m_pages, _("No contribution matches these filters"),
                                          _("Nothing in this consultation matches the search and the filters chosen "
                                            "above."),
                                          _("Check the spelling of the search, choose “All” in a filter or widen the "
                                            "date range."),
                                          _("Clear filters"), [this] { m_filters->Clear(); }),
                     wxString());
    m_pages->AddPage(NewNoConsultationPanel(m_pages, m_context,
                                            _("Contributions belong to a consultation. Load the demo consultation or "
                                              "create one from the dashboard first.")),
                     wxString());
    // Under the list, like a status line of its own: how many rows, and what was just done.
    auto* footer = new wxBoxSizer(wxHORIZONTAL);
    footer->AddSpacer(margin);
    m_count = new wxStaticText(listArea, wxID_ANY, wxString());
    m_count->SetFont(m_count->GetFont().Bold());
    m_count->SetName("count");
    footer->Add(m_count, wxSizerFlags().CenterVertical());
    m_status = new wxStaticText(listArea, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    m_status->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    footer->Add(m_status, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(16)));
    auto* listSizer = new wxBoxSizer(wxVERTICAL);
    listSizer->Add(m_pages, wxSizerFlags(1).Expand());
    listSizer->Add(footer, wxSizerFlags().Expand().Border(wxTOP | wxBOTTOM | wxRIGHT, FromDIP(5)));
    listArea->SetSizer(listSizer);

    m_detail = new ContributionDetailPane(m_splitter);
    FollowAccess(m_context, m_detail, [this] { m_detail->SetCanEdit(m_context.GetAccess().CanEdit()); });
    const int detailHeight = FromDIP(static_cast<int>(wxConfigBase::Get()->ReadLong(kSashKey, 170)));
    m_splitter->SplitHorizontally(listArea, m_detail, -std::max(detailHeight, FromDIP(80)));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(toolbar, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));
    sizer->Add(m_filters, wxSizerFlags().Expand().Border(wxALL, margin));
    sizer->Add(m_splitter, wxSizerFlags(1).Expand());
    SetSizer(sizer);
    UpdateButtons();

    m_list->ShowSort(m_sort);
    m_list->Bind(wxEVT_LIST_COL_CLICK, [this](wxListEvent& event) { OnColumnClick(event.GetColumn()); });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) { EditContribution(event.GetIndex()); });
    m_list->Bind(wxEVT_LIST_ITEM_RIGHT_CLICK, [this](wxListEvent&) { ShowContextMenu(); });
    for (const auto type : {wxEVT_LIST_ITEM_SELECTED, wxEVT_LIST_ITEM_DESELECTED, wxEVT_LIST_ITEM_FOCUSED})
        m_list->Bind(type, [this](wxListEvent& event) {
            event.Skip();
            ScheduleDetail();
        });
    // A range selected with Shift in a virtual list does not announce each row: look after the click.
    for (wxWindow* part : m_list->GetChildren()) { // the rows are drawn by a child window
        part->Bind(wxEVT_LEFT_UP, [this](wxMouseEvent& event) {
            event.Skip();
            ScheduleDetail();
        });
        part->Bind(wxEVT_KEY_UP, [this](wxKeyEvent& event) {
            event.Skip();
            ScheduleDetail();
        });
    }
}

wxWindow* ContributionPanel::BuildToolbar()
{
    auto* bar = new wxPanel(this);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto add = [&](const wxString& label, const wxString& tip, std::function<void()> action) {
        auto* button = new wxButton(bar, wxID_ANY, label);
        button->SetToolTip(tip);
        button->Bind(wxEVT_BUTTON, [action](wxCommandEvent&) { action(); });
        row->Add(button, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
        return button;
    };
    auto* create = add(_("New contribution"), _("Add a contribution (Insert)"), [this] { NewContribution(); });
    create->SetName("new");
    m_edit = add(_("Edit…"), _("Edit the selected contribution (Enter)"),
                 [this] { EditContribution(m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED)); });
    m_delete = add(_("Delete"), _("Delete the selected contributions (Delete)"), [this] { DeleteSelection(); });
    m_bulk = add(_("Change selection") + wxString::FromUTF8(" ▾"),
                 _("Set the meeting, neighbourhood or state of every selected contribution"),
                 [this] { ShowContextMenu(ScreenToClient(m_bulk->GetScreenRect().GetBottomLeft())); });
    for (wxWindow* button : {static_cast<wxWindow*>(create), static_cast<wxWindow*>(m_edit),
                             static_cast<wxWindow*>(m_delete), static_cast<wxWindow*>(m_bulk)})
        ShowWhenAllowed(m_context, button);
    m_export = add(_("Export to Excel…"), _("Export the selected contributions, or all those listed, to an .xlsx file"),
                   [this] { ExportToExcel(); });
    m_search = new wxSearchCtrl(bar, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    m_search->SetMinSize(wxSize(FromDIP(220), -1));
    row->Add(m_search, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(24)));
    bar->SetSizer(row);
    return bar;
}

void ContributionPanel::BindKeys()
{
    // Char hook: seen before the focused control, so that Ctrl+F works from anywhere in the area.
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& event) {
        const int key = event.GetKeyCode();
        wxWindow* focus = FindFocus();
        const bool inList = focus && (focus == m_list || focus->GetParent() == m_list);
        const bool typing =
            focus && (wxDynamicCast(focus, wxTextCtrl) != nullptr || wxDynamicCast(focus, wxSearchCtrl) != nullptr);
        if (event.GetModifiers() == wxMOD_CONTROL && key == 'F') {
            m_filters->FocusSearch();
        } else if (event.GetModifiers() == wxMOD_NONE && key == WXK_INSERT && !typing) {
            NewContribution();
        } else if (event.GetModifiers() == wxMOD_NONE && key == WXK_DELETE && inList) {
            DeleteSelection();
        } else if (event.GetModifiers() == wxMOD_CONTROL && key == 'A' && inList && m_list->GetItemCount() > 0) {
            m_list->SetItemState(-1, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
            ScheduleDetail();
        } else if (event.GetModifiers() == wxMOD_NONE && key == WXK_F5) {
            RefreshData(true);
        } else if (event.GetModifiers() == wxMOD_CONTROL && key == 'H') {
            ShowHistoryOfSelection(this, m_context, *m_list);
        } else {
            event.Skip();
        }
    });
}

ContributionFilter ContributionPanel::CurrentFilter() const
{
    ContributionFilter filter = m_filters->Filter();
    filter.consultationId = m_consultationId;
    return filter;
}

void ContributionPanel::Reload()
{
    m_dirty = true;
    m_referenceDirty = true;
    m_forget = true; // another database or consultation: nothing shown still holds
    // A new database comes with a new worker: jobs queued on the old one will never answer.
    m_jobs.Forget();
    if (IsShownOnScreen())
        OnShown();
}

void ContributionPanel::OnShown()
{
    if (m_dirty) {
        const std::string consultation = m_context.ConsultationId();
        const bool another = consultation != m_consultationId;
        m_consultationId = consultation;
        if (another) { // filters of another consultation mean nothing here
            m_loadingFilters = true;
            m_filters->Clear();
            const auto& current = m_context.CurrentConsultation();
            m_filters->SuggestDates(current ? current->startsOn : std::nullopt,
                                    current ? current->endsOn : std::nullopt);
            m_loadingFilters = false;
        }
        const bool fromTop = m_forget || another || m_list->GetItemCount() == 0;
        if (m_forget || another)
            m_list->Forget();
        else
            m_list->MarkStale(); // changed while hidden
        m_forget = false;
        m_detailStale = true;
        LoadAll(fromTop);
    }
    // The list takes the keyboard, unless the user is moving through the sidebar with the arrows.
    wxWindow* focus = FindFocus();
    if (!focus || (!IsDescendant(focus) && focus->GetName() != "navigation"))
        m_list->SetFocus();
}

void ContributionPanel::LoadAll(bool fromTop)
{
    m_dirty = false;
    if (m_consultationId.empty()) {
        m_list->Clear();
        m_detail->ShowNothing();
        UpdatePage();
        UpdateCount();
        return;
    }
    LoadList(fromTop); // first: the rows are what the user waits for
    if (m_referenceDirty)
        LoadReferenceData();
}

void ContributionPanel::LoadReferenceData()
{
    m_referenceDirty = false;
    const std::string consultation = m_consultationId;
    m_jobs.Run<ContributionReferenceData>([consultation](Database& db) { return ReadReferenceData(db, consultation); },
                                          [this](ContributionReferenceData data) {
                                              // Profiles typed so far come from a scan of the contributions: loaded
                                              // last, after the list.
                                              data.choices.profiles = m_reference.choices.profiles;
                                              data.choices.ageBrackets = m_reference.choices.ageBrackets;
                                              m_reference = std::move(data);
                                              m_loadingFilters = true;
                                              m_filters->SetReferenceData(m_reference);
                                              m_loadingFilters = false;
                                              Layout();
                                          },
                                          "contribution-reference");
    using Suggestions = std::pair<std::vector<std::string>, std::vector<std::string>>;
    m_jobs.Run<Suggestions>(
        [consultation](Database& db) {
            ContributionList list(db);
            return Suggestions{list.DistinctValues(consultation, "profile"),
                               list.DistinctValues(consultation, "age_bracket")};
        },
        [this](Suggestions used) {
            m_reference.choices.profiles = Merged(UsualProfiles(), used.first);
            m_reference.choices.ageBrackets = Merged(UsualAgeBrackets(), used.second);
        },
        "contribution-suggestions");
}

void ContributionPanel::LoadList(bool fromTop)
{
    const ContributionFilter filter = CurrentFilter();
    const ContributionSort sort = m_sort;
    const int generation = m_list->BeginList(fromTop);
    if (fromTop)
        m_jobs.Run<std::vector<ContributionRow>>(
            [filter, sort](Database& db) { return ContributionList(db).FirstPage(filter, sort, kFirstPageRows); },
            [this, generation](std::vector<ContributionRow> rows) {
                m_list->ShowFirstPage(generation, std::move(rows));
                UpdateCount();
                UpdatePage();
            },
            "contribution-first");
    m_jobs.Run<std::vector<long long>>([filter, sort](Database& db) { return ContributionList(db).Keys(filter, sort); },
                                       [this, generation](std::vector<long long> keys) {
                                           m_list->ShowKeys(generation, std::move(keys));
                                           UpdateCount();
                                           UpdatePage();
                                           ScheduleDetail();
                                       },
                                       "contribution-keys");
    UpdateCount();
}

void ContributionPanel::RefreshData(bool referenceData)
{
    if (!IsShownOnScreen()) {
        m_dirty = true;
        m_referenceDirty = m_referenceDirty || referenceData;
        return;
    }
    if (m_consultationId.empty())
        return;
    m_list->MarkStale();
    m_detailStale = true;
    LoadList(false);
    if (referenceData)
        LoadReferenceData();
}

void ContributionPanel::OnTableChanged(const std::string& table)
{
    static const std::set<std::string> reference = {"channel", "neighbourhood", "meeting",
                                                    "card",    "theme",         "commitment"};
    if (table == "contribution" || table == "tag" || table == "contact_details")
        RefreshData(false);
    else if (reference.count(table))
        RefreshData(true);
}

void ContributionPanel::OnFilterChanged()
{
    if (m_loadingFilters || m_consultationId.empty())
        return;
    m_detailStale = true;  // the highlighted words follow the search
    SetStatus(wxString()); // what was done before speaks of another list
    LoadList(true);
}

void ContributionPanel::OnColumnClick(int column)
{
    ContributionSortKey key;
    if (!ContributionListCtrl::SortKeyOf(column, key)) {
        SetStatus(_("This column cannot be sorted: sort by number, date, channel, neighbourhood or state."));
        return;
    }
    // A second click on the same column turns the order round; dates start with the latest.
    ContributionSort sort{key, key == ContributionSortKey::ReceivedAt};
    if (key == m_sort.key)
        sort.descending = !m_sort.descending;
    SetSort(sort);
}

void ContributionPanel::SetSort(const ContributionSort& sort)
{
    m_sort = sort;
    m_list->ShowSort(m_sort);
    if (!m_consultationId.empty())
        LoadList(true);
}

void ContributionPanel::ScheduleDetail()
{
    if (m_detailScheduled)
        return;
    m_detailScheduled = true;
    CallAfter([this] {
        m_detailScheduled = false;
        UpdateDetail();
        UpdateCount();
        UpdateButtons();
    });
}

void ContributionPanel::UpdateDetail()
{
    const int selected = m_list->GetSelectedItemCount();
    if (selected > 1) {
        m_detail->ShowSelectionOf(selected);
        return;
    }
    long index = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    const long long key = m_list->KeyAt(index);
    if (!key) {
        m_detail->ShowNothing();
        return;
    }
    // The contact data flag (core/personal_data.h) said where the eye is, as the list has no room left.
    const wxString contactNote = _("Contains contact details: an e-mail address or a phone number, masked in "
                                   "every report and export.");
    const ContributionRow* shown = m_list->RowAt(index);
    if (shown && shown->mentionsContact)
        SetStatus(contactNote);
    else if (m_status->GetLabel() == contactNote)
        SetStatus(wxString());
    if (key == m_detail->ShownKey() && !m_detailStale)
        return;
    m_detailStale = false;
    const int request = ++m_detailRequest;
    if (key != m_detail->ShownKey())
        m_detail->ShowLoading();
    m_jobs.Run<std::optional<ContributionDetail>>([key](Database& db) { return ContributionList(db).Detail(key); },
                                                  [this, request](std::optional<ContributionDetail> detail) {
                                                      if (request != m_detailRequest)
                                                          return; // the selection moved on meanwhile
                                                      if (detail)
                                                          m_detail->ShowDetail(*detail,
                                                                               SearchStems(m_filters->Filter().search));
                                                      else
                                                          m_detail->ShowNothing();
                                                  },
                                                  "contribution-detail");
}

void ContributionPanel::UpdateCount()
{
    wxString text;
    if (m_consultationId.empty()) {
        text = wxString();
    } else if (!m_list->KeysLoaded()) {
        text = _("Counting…");
    } else {
        const long long count = static_cast<long long>(m_list->AllKeys().size());
        text = wxString::Format(wxPLURAL("%s contribution", "%s contributions", count), FormatCount(count));
    }
    if (text != m_count->GetLabel()) {
        m_count->SetLabel(text);
        m_count->GetParent()->Layout();
    }
}

void ContributionPanel::UpdatePage()
{
    int page = ListPage;
    if (m_consultationId.empty())
        page = NoConsultationPage;
    else if (m_list->KeysLoaded() && m_list->AllKeys().empty())
        page = m_filters->IsFiltering() ? NoMatchPage : NoContributionPage;
    if (m_pages->GetSelection() != page)
        m_pages->ChangeSelection(static_cast<size_t>(page));
    UpdateButtons();
}

void ContributionPanel::UpdateButtons()
{
    if (!m_list)
        return;
    const int selected = m_list->GetSelectedItemCount();
    m_edit->Enable(selected == 1);
    m_delete->Enable(selected > 0);
    m_bulk->Enable(selected > 0);
    m_export->Enable(m_list->GetItemCount() > 0);
}

void ContributionPanel::SetStatus(const wxString& message)
{
    m_status->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_status->SetLabel(message);
    m_status->SetToolTip(message);
}

void ContributionPanel::ShowProblem(const Error& error)
{
    m_status->SetForegroundColour(wxColour(0xA4, 0x00, 0x00));
    m_status->SetLabel(wxString::FromUTF8(error.what()));
    m_status->SetToolTip(wxString::FromUTF8(error.what()));
}

wxString ContributionPanel::CountText() const
{
    return m_count->GetLabel();
}

wxString ContributionPanel::StatusText() const
{
    return m_status->GetLabel();
}

bool ContributionPanel::IsBusy() const
{
    return m_jobs.Busy() || m_list->IsFetching() || m_detailScheduled;
}

int ContributionPanel::ShownPage() const
{
    return m_pages->GetSelection();
}

void ContributionPanel::ShowContextMenu(const wxPoint& at)
{
    const int selected = m_list->GetSelectedItemCount();
    const bool editing = m_context.GetAccess().CanEdit(); // a reader only exports
    wxMenu menu;
    auto item = [&](const wxString& label, std::function<void()> action, bool enabled = true) {
        wxMenuItem* entry = menu.Append(wxID_ANY, label);
        entry->Enable(enabled);
        menu.Bind(
            wxEVT_MENU, [action](wxCommandEvent&) { action(); }, entry->GetId());
    };
    item(
        _("Edit…") + "\tEnter",
        [this] { EditContribution(m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED)); },
        selected == 1 && editing);
    item(
        _("Change history…") + "\tCtrl+H", [this] { ShowHistoryOfSelection(this, m_context, *m_list); },
        selected == 1);
    menu.AppendSeparator();
    item(
        _("Set the meeting…"), [this] { ChooseMeetingForSelection(); }, selected > 0 && editing);
    item(
        _("Set the neighbourhood…"), [this] { ChooseNeighbourhoodForSelection(); }, selected > 0 && editing);
    item(
        _("Set the state…"), [this] { ChooseStateForSelection(); }, selected > 0 && editing);
    menu.AppendSeparator();
    item(
        _("Export the selection to Excel…"), [this] { ExportToExcel(); }, selected > 0);
    item(
        _("Delete…") + "\tDel", [this] { DeleteSelection(); }, selected > 0 && editing);
    PopupMenu(&menu, at);
}

} // namespace concerto
