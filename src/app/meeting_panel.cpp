#include "app/meeting_panel.h"

#include "app/access_ui.h"
#include "app/commands.h"
#include "app/localization.h"
#include "app/main_frame.h"
#include "app/meeting_detail.h"
#include "app/page_widgets.h"
#include "app/placeholder_panel.h"
#include "core/text.h"
#include "db/repositories.h"

#include <algorithm>
#include <map>
#include <set>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

namespace concerto {

namespace {

enum Page { NoConsultationPage, NoMeetingPage, ContentPage };

// Widths of the fixed columns in DIPs; the title column takes what is left.
constexpr int kColumnWidths[MeetingPanel::ColumnCount] = {130, 165, 0, 150, 150, 80, 90, 100};

wxString KindText(const Meeting& meeting)
{
    return MeetingKindLabel(meeting.kind);
}

// The title without the channel's name when it starts with it ("Caravane citoyenne — Marché
// du Centre" under the channel "Caravane citoyenne"): the channel has its own column.
wxString ShortTitle(const MeetingRow& row)
{
    const std::string& title = row.meeting.title;
    const std::string lead = row.channelName + " — ";
    if (!row.channelName.empty() && title.size() > lead.size() && title.compare(0, lead.size(), lead) == 0)
        return wxString::FromUTF8(title.substr(lead.size()));
    return wxString::FromUTF8(title);
}

// Sorts text as a French reader expects: case and accents do not separate "École" from "ecole".
bool TextBefore(const std::string& a, const std::string& b)
{
    return Fold(a) < Fold(b);
}

} // namespace

MeetingPanel::MeetingPanel(wxWindow* parent, AppContext& context) : wxPanel(parent), m_context(context)
{
    m_pages = new wxSimplebook(this);
    m_pages->AddPage(new PlaceholderPanel(m_pages, _("No consultation yet"),
                                          _("Meetings belong to a consultation. Load the demo consultation or "
                                            "create one from the dashboard first."),
                                          wxString(), wxString(), {}),
                     wxString());
    m_pages->AddPage(new PlaceholderPanel(m_pages, _("No meeting yet"),
                                          _("Record here each meeting of the consultation: street stops of the "
                                            "caravane, neighbourhood cafés, agoras, the restitution evening. Their "
                                            "paper contributions can then be typed meeting by meeting."),
                                          _("Press Insert to add a meeting."), _("New meeting…"),
                                          [this]() { NewMeeting(); }),
                     wxString());

    auto* content = new wxPanel(m_pages);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(BuildToolbar(content), wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    m_splitter =
        new wxSplitterWindow(content, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    m_splitter->SetMinimumPaneSize(FromDIP(120));
    m_splitter->SetSashGravity(0.55);
    m_detail = new MeetingDetail(m_splitter, context, [this]() { EnterContributions(); });
    m_splitter->SplitHorizontally(BuildList(m_splitter), m_detail, FromDIP(300));
    column->Add(m_splitter, wxSizerFlags(1).Expand());
    content->SetSizer(column);
    m_pages->AddPage(content, wxString());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_pages, wxSizerFlags(1).Expand());
    SetSizer(sizer);

    Bind(wxEVT_CHAR_HOOK, &MeetingPanel::OnCharHook, this);
    std::weak_ptr<int> alive = m_lifetime;
    // Counts follow the contributions typed or deleted anywhere; the list follows meeting edits.
    context.Subscribe([this, alive](const std::string& table) {
        if (alive.lock() &&
            (table == "meeting" || table == "contribution" || table == "channel" || table == "neighbourhood"))
            Reload();
    });
    UpdateButtons();
}

wxWindow* MeetingPanel::BuildToolbar(wxWindow* parent)
{
    auto* bar = new wxPanel(parent);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    // The title and its figures are stacked, so that the commands fit a 1366-pixel screen.
    auto* heading = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(bar, wxID_ANY, _("Meetings"));
    title->SetFont(title->GetFont().Bold().Scaled(1.3f));
    heading->Add(title);
    m_count = new wxStaticText(bar, wxID_ANY, wxString());
    m_count->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_count->SetMinSize(wxDefaultSize);
    heading->Add(m_count);
    row->Add(heading, wxSizerFlags().CenterVertical());
    row->AddStretchSpacer();
    row->Add(new wxStaticText(bar, wxID_ANY, _("Channel:")), wxSizerFlags().CenterVertical());
    m_channel = new wxChoice(bar, wxID_ANY);
    m_channel->SetName("channel-filter");
    m_channel->SetMinSize(FromDIP(wxSize(150, -1)));
    m_channel->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int selection = m_channel->GetSelection();
        auto* id = selection > 0 ? static_cast<wxStringClientData*>(m_channel->GetClientObject(selection)) : nullptr;
        m_channelFilter = id ? id->GetData().utf8_string() : std::string();
        Refill();
    });
    row->Add(m_channel, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(6)));

    auto button = [&](const wxString& label, const wxString& tip, void (MeetingPanel::*command)()) {
        return AddBarButton(bar, row, label, tip, this, command);
    };
    row->AddSpacer(FromDIP(10));
    m_new = button(_("&New meeting…"), _("Record a new meeting (Insert)"), &MeetingPanel::NewMeeting);
    m_edit = button(_("Ed&it…"), _("Edit the selected meeting (Enter)"), &MeetingPanel::EditSelected);
    m_delete = button(_("&Delete"), _("Delete the selected meeting (Delete)"), &MeetingPanel::DeleteSelected);
    m_enter = button(_("Ente&r contributions…"), _("Type the paper contributions of the selected meeting"),
                     &MeetingPanel::EnterContributions);
    for (wxWindow* editing : {m_new, m_edit, m_delete, m_enter})
        ShowWhenAllowed(m_context, editing);
    bar->SetSizer(row);
    return bar;
}

wxWindow* MeetingPanel::BuildList(wxWindow* parent)
{
    m_list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->SetName("meetings");
    const wxString headers[ColumnCount] = {_("Date"),          _("Channel"), _("Title"),        _("Place"),
                                           _("Neighbourhood"), _("Kind"),    _("Participants"), _("Contributions")};
    for (int column = 0; column < ColumnCount; ++column) {
        const bool number = column == AttendanceColumn || column == ContributionsColumn;
        m_list->AppendColumn(headers[column], number ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT,
                             FromDIP(kColumnWidths[column] ? kColumnWidths[column] : 260));
    }
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) {
        m_detail->ShowMeeting(Selected());
        UpdateButtons();
    });
    m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) {
        m_detail->ShowMeeting(Selected());
        UpdateButtons();
    });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { EditSelected(); });
    m_list->Bind(wxEVT_LIST_COL_CLICK, &MeetingPanel::OnColumnClick, this);
    m_list->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter(&MeetingPanel::FitTitleColumn);
    });
    m_list->ShowSortIndicator(m_sortColumn, m_sortAscending);
    return m_list;
}

void MeetingPanel::FitTitleColumn()
{
    int fixed = 0;
    for (int column = 0; column < ColumnCount; ++column)
        if (column != TitleColumn)
            fixed += m_list->GetColumnWidth(column);
    const int free = m_list->GetClientSize().GetWidth() - fixed - FromDIP(4);
    m_list->SetColumnWidth(TitleColumn, std::max(FromDIP(200), free));
}

void MeetingPanel::OnShown()
{
    if (!m_sashPlaced && m_splitter->GetSize().GetHeight() > FromDIP(300)) {
        // Half and half once the page has its real size: the detail needs room for its list too.
        m_sashPlaced = true;
        m_splitter->SetSashPosition(m_splitter->GetSize().GetHeight() / 2);
    }
    if (!m_loadedOnce && !m_loading)
        Reload();
    if (m_pages->GetSelection() == ContentPage)
        m_list->SetFocus();
}

void MeetingPanel::Reload()
{
    const std::string consultationId = m_context.ConsultationId();
    if (consultationId.empty()) {
        m_listed.clear(); // it points into m_data
        m_data = Data{};
        m_consultationId.clear();
        m_pages->ChangeSelection(NoConsultationPage);
        Refill();
        return;
    }
    if (const MeetingRow* row = Selected(); row && m_wantedSelection.empty())
        m_wantedSelection = row->meeting.id;
    m_loading = true;
    m_count->SetLabel(_("Loading…"));
    m_context.Worker().Run<Data>(
        m_lifetime,
        [consultationId](Database& db) {
            Data data;
            data.rows = ListMeetingRows(db, consultationId);
            data.channels = ChannelRepository(db).List({}, 0, "position");
            data.neighbourhoods = NeighbourhoodRepository(db).List({}, 0, "position");
            return data;
        },
        [this, consultationId](Data data) {
            if (consultationId != m_context.ConsultationId())
                return; // a newer load for the new consultation follows
            m_consultationId = consultationId;
            Loaded(std::move(data));
        },
        [this](const Error& e) {
            m_loading = false;
            if (!ReportConnectionTrouble(this, e))
                m_count->SetLabel(
                    wxString::Format(_("The meetings could not be read: %s"), wxString::FromUTF8(e.what())));
        },
        "meetings-list");
}

void MeetingPanel::Loaded(Data data)
{
    m_loading = false;
    m_loadedOnce = true;
    if (const MeetingRow* row = Selected(); row && m_wantedSelection.empty())
        m_wantedSelection = row->meeting.id;
    m_listed.clear(); // it points into m_data
    m_data = std::move(data);

    // The filter offers the channels that have meetings, with their number.
    std::map<std::string, int> perChannel;
    for (const auto& row : m_data.rows)
        ++perChannel[row.meeting.channelId];
    m_channel->Clear();
    m_channel->Append(_("All channels"));
    m_channel->SetSelection(0);
    for (const auto& channel : m_data.channels) {
        if (!perChannel.count(channel.id))
            continue;
        const int item = m_channel->Append(
            wxString::Format("%s (%s)", wxString::FromUTF8(channel.name), FormatCount(perChannel[channel.id])),
            new wxStringClientData(wxString::FromUTF8(channel.id)));
        if (channel.id == m_channelFilter)
            m_channel->SetSelection(item);
    }
    if (m_channel->GetSelection() == 0)
        m_channelFilter.clear();
    m_pages->ChangeSelection(m_data.rows.empty() ? NoMeetingPage : ContentPage);
    Refill();
}

void MeetingPanel::Refill()
{
    std::string keep = m_wantedSelection;
    m_wantedSelection.clear();
    if (keep.empty())
        if (const MeetingRow* row = Selected())
            keep = row->meeting.id;
    m_listed.clear();
    for (const auto& row : m_data.rows)
        if (m_channelFilter.empty() || row.meeting.channelId == m_channelFilter)
            m_listed.push_back(&row);
    Sort(m_sortColumn, m_sortAscending);
    if (keep.empty() || !Select(keep))
        m_detail->ShowMeeting(nullptr);
    UpdateCount();
    UpdateButtons();
}

void MeetingPanel::Sort(int column, bool ascending)
{
    m_sortColumn = column;
    m_sortAscending = ascending;
    auto before = [column](const MeetingRow* a, const MeetingRow* b) {
        const Meeting& x = a->meeting;
        const Meeting& y = b->meeting;
        switch (column) {
        case ChannelColumn:
            return TextBefore(a->channelName, b->channelName);
        case TitleColumn:
            return TextBefore(x.title, y.title);
        case PlaceColumn:
            return TextBefore(x.place, y.place);
        case NeighbourhoodColumn:
            return TextBefore(a->neighbourhoodName, b->neighbourhoodName);
        case KindColumn:
            return static_cast<int>(x.kind) < static_cast<int>(y.kind);
        case AttendanceColumn:
            return x.attendance.value_or(-1) < y.attendance.value_or(-1);
        case ContributionsColumn:
            return a->contributions < b->contributions;
        default:
            return x.startsAt.seconds < y.startsAt.seconds;
        }
    };
    // Stable, and ties kept in date order, so that a sort by channel lists each channel's meetings by date.
    std::stable_sort(m_listed.begin(), m_listed.end(),
                     [&](const MeetingRow* a, const MeetingRow* b) { return ascending ? before(a, b) : before(b, a); });

    // The caller selects again: until the items are rebuilt, the list's selection is stale.
    m_list->Freeze();
    m_list->DeleteAllItems();
    for (std::size_t i = 0; i < m_listed.size(); ++i) {
        const MeetingRow& row = *m_listed[i];
        const Meeting& meeting = row.meeting;
        const long item = m_list->InsertItem(static_cast<long>(i), FormatDayTime(meeting.startsAt));
        m_list->SetItem(item, ChannelColumn, wxString::FromUTF8(row.channelName));
        m_list->SetItem(item, TitleColumn, ShortTitle(row));
        m_list->SetItem(item, PlaceColumn, wxString::FromUTF8(meeting.place));
        m_list->SetItem(item, NeighbourhoodColumn, wxString::FromUTF8(row.neighbourhoodName));
        m_list->SetItem(item, KindColumn, KindText(meeting));
        m_list->SetItem(item, AttendanceColumn,
                        meeting.attendance ? FormatCount(*meeting.attendance) : wxString::FromUTF8("—"));
        m_list->SetItem(item, ContributionsColumn, FormatCount(row.contributions));
    }
    m_list->ShowSortIndicator(column, ascending);
    m_list->Thaw();
}

void MeetingPanel::OnColumnClick(wxListEvent& event)
{
    const int column = event.GetColumn();
    if (column < 0 || column >= ColumnCount)
        return;
    const std::string selected = Selected() ? Selected()->meeting.id : std::string();
    Sort(column, column == m_sortColumn ? !m_sortAscending : true);
    if (!selected.empty())
        Select(selected);
}

void MeetingPanel::UpdateCount()
{
    if (m_loading)
        return;
    const long long shown = static_cast<long long>(m_listed.size());
    long long contributions = 0;
    for (const MeetingRow* row : m_listed)
        contributions += row->contributions;
    auto plural = [](long long n) { return static_cast<int>(std::min<long long>(n, 1000000)); };
    m_count->SetLabel(wxString::Format(wxPLURAL("%s meeting", "%s meetings", plural(shown)), FormatCount(shown)) +
                      wxString::FromUTF8(" · ") +
                      wxString::Format(wxPLURAL("%s contribution", "%s contributions", plural(contributions)),
                                       FormatCount(contributions)));
    GetSizer()->Layout();
}

void MeetingPanel::UpdateButtons()
{
    const bool any = Selected() != nullptr;
    const bool open = !m_context.ConsultationId().empty();
    m_new->Enable(open);
    m_edit->Enable(any);
    m_delete->Enable(any);
    m_enter->Enable(any);
}

int MeetingPanel::ListedCount() const
{
    return m_list->GetItemCount();
}

wxString MeetingPanel::CellText(int row, int column) const
{
    return m_list->GetItemText(row, column);
}

void MeetingPanel::FilterChannel(const std::string& channelId)
{
    m_channelFilter = channelId;
    m_channel->SetSelection(0);
    for (unsigned i = 1; i < m_channel->GetCount(); ++i)
        if (static_cast<wxStringClientData*>(m_channel->GetClientObject(i))->GetData().utf8_string() == channelId)
            m_channel->SetSelection(static_cast<int>(i));
    Refill();
}

bool MeetingPanel::Select(const std::string& id)
{
    for (std::size_t i = 0; i < m_listed.size(); ++i) {
        if (m_listed[i]->meeting.id != id)
            continue;
        SelectListRow(*m_list, static_cast<long>(i));
        m_detail->ShowMeeting(m_listed[i]);
        UpdateButtons();
        return true;
    }
    return false;
}

const MeetingRow* MeetingPanel::Selected() const
{
    const long item = SelectedListRow(*m_list, m_listed.size());
    return item >= 0 ? m_listed[static_cast<std::size_t>(item)] : nullptr;
}

MeetingEditor MeetingPanel::Editor()
{
    MeetingChoices choices;
    choices.channels = m_data.channels;
    choices.neighbourhoods = m_data.neighbourhoods;
    std::set<std::string> kinds;
    for (const auto& row : m_data.rows)
        if (!row.meeting.placeKind.empty())
            kinds.insert(row.meeting.placeKind);
    choices.placeKinds.assign(kinds.begin(), kinds.end());
    return MeetingEditor(m_context, std::move(choices));
}

void MeetingPanel::NewMeeting()
{
    if (m_context.ConsultationId().empty() || m_loading || !CheckAllowed(m_context))
        return;
    Meeting meeting;
    // A new meeting starts from what the user is looking at: the channel filtered, or the selected one's.
    const MeetingRow* current = Selected();
    meeting.channelId = !m_channelFilter.empty() ? m_channelFilter : current ? current->meeting.channelId : "";
    meeting.startsAt = Timestamp{Timestamp::Now().seconds / 3600 * 3600}; // this hour, to be corrected
    if (auto saved = Editor().Edit(this, meeting))
        m_wantedSelection = saved->id; // the reload announced by the save selects it
}

void MeetingPanel::EditSelected()
{
    const MeetingRow* row = Selected();
    if (!row || !CheckAllowed(m_context))
        return;
    if (auto saved = Editor().Edit(this, row->meeting))
        m_wantedSelection = saved->id;
}

void MeetingPanel::DeleteSelected()
{
    const MeetingRow* row = Selected();
    if (!row || !CheckAllowed(m_context))
        return;
    const Meeting meeting = row->meeting;
    const wxString title = wxString::FromUTF8(meeting.title);
    long long linked = row->contributions;
    try {
        linked = CountMeetingContributions(m_context.Db(), meeting.id); // the list may be a moment old
    } catch (const Error&) {
    }
    const wxString question =
        linked == 0
            ? wxString::Format(_("Delete the meeting “%s”? No contribution is linked to it."), title)
            : wxString::Format(wxPLURAL("Delete the meeting “%s”? Its %s contribution will be kept but will no "
                                        "longer be linked to any meeting.",
                                        "Delete the meeting “%s”? Its %s contributions will be kept but will no "
                                        "longer be linked to any meeting.",
                                        static_cast<int>(std::min<long long>(linked, 1000000))),
                               title, FormatCount(linked));
    wxMessageDialog confirm(this, question, _("Delete a meeting"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    confirm.SetYesNoLabels(_("Delete"), _("Keep"));
    if (confirm.ShowModal() != wxID_YES)
        return;
    try {
        MeetingRepository(m_context.Db()).Remove(meeting.id, meeting.version);
    } catch (const ConflictError&) {
        wxMessageBox(wxString::Format(_("The meeting “%s” was changed or deleted by someone else meanwhile, so it "
                                        "was not deleted. The list now shows its current state."),
                                      title),
                     _("Delete a meeting"), wxOK | wxICON_INFORMATION, this);
        Reload();
        return;
    } catch (const Error& e) {
        if (!ReportConnectionTrouble(this, e))
            wxMessageBox(wxString::FromUTF8(e.what()), _("The meeting was not deleted"), wxOK | wxICON_ERROR, this);
        return;
    }
    // The keyboard goes on from the next meeting of the list (the previous one for the last).
    // (Found again by id: the list may have been reloaded while the question was asked.)
    const auto at = std::find_if(m_listed.begin(), m_listed.end(),
                                 [&meeting](const MeetingRow* listed) { return listed->meeting.id == meeting.id; });
    if (at != m_listed.end() && m_listed.size() > 1)
        m_wantedSelection = (at + 1 != m_listed.end() ? *(at + 1) : *(at - 1))->meeting.id;
    m_context.NotifyChanged("meeting");
    if (linked > 0)
        m_context.NotifyChanged("contribution");
}

void MeetingPanel::EnterContributions()
{
    if (const MeetingRow* row = Selected())
        OpenQuickEntry(this, m_context, row->meeting.id);
}

void MeetingPanel::OnCharHook(wxKeyEvent& event)
{
    const int key = event.GetKeyCode();
    if (event.GetModifiers() == wxMOD_NONE && m_pages->GetSelection() != NoConsultationPage) {
        if (key == WXK_INSERT || key == WXK_NUMPAD_INSERT) {
            NewMeeting();
            return;
        }
        // Delete and Enter act on the list's selection only when the list has the focus.
        if (FindFocus() == m_list && (key == WXK_DELETE || key == WXK_NUMPAD_DELETE)) {
            DeleteSelected();
            return;
        }
    }
    event.Skip();
}

} // namespace concerto
