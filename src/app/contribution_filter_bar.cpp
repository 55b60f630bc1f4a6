#include "app/contribution_filter_bar.h"

#include "app/contribution_text.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>

namespace concerto {

namespace {

// A pause in typing this long applies the search; Enter applies it at once.
constexpr int kTypingPauseMs = 350;

Date DayOf(const wxDateTime& when)
{
    return Date{when.GetYear(), static_cast<int>(when.GetMonth()) + 1, when.GetDay()};
}

} // namespace

ContributionFilterBar::ContributionFilterBar(wxWindow* parent, wxSearchCtrl* search, std::function<void()> onChanged)
    : wxPanel(parent), m_onChanged(std::move(onChanged)), m_search(search), m_typing(this)
{
    BuildControls();
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { Changed(); });
}

void ContributionFilterBar::BuildControls()
{
    const int gap = FromDIP(8);
    // Every list shrinks and grows with the window, never below a readable width: the two rows
    // then fill the area at 1366 px as on a wide screen, and line up at both ends.
    auto choice = [this](int minWidth) {
        auto* control = new wxChoice(this, wxID_ANY);
        control->SetMinSize(wxSize(FromDIP(minWidth), -1));
        return control;
    };
    m_search->SetName("search");
    m_search->SetDescriptiveText(_("Search the texts (Ctrl+F)"));
    m_search->ShowCancelButton(true);
    m_channel = choice(150);
    m_channel->SetName("channel-filter");
    m_meeting = choice(170);
    m_neighbourhood = choice(150);
    m_theme = choice(150);
    m_commitment = choice(200);
    m_clear = new wxButton(this, wxID_ANY, _("Clear filters"));
    m_clear->Disable(); // nothing to clear yet

    m_state = choice(110);
    m_state->Append(_("All states"));
    for (const auto state : StatesInOrder())
        m_state->Append(StateName(state));
    m_state->SetSelection(0);
    m_tagged = choice(110);
    m_tagged->Append({_("Coded or not"), _("Coded"), _("Not coded yet")});
    m_tagged->SetSelection(0);
    for (wxChoice* control : {m_state, m_tagged}) // their longest choice readable, not "Tous les …"
        control->SetMinSize(wxSize(std::max(control->GetMinSize().x, control->GetBestSize().x), -1));
    m_useFrom = new wxCheckBox(this, wxID_ANY, _("From"));
    m_from = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                  wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_useTo = new wxCheckBox(this, wxID_ANY, _("to"));
    m_to = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_quotes = new wxCheckBox(this, wxID_ANY, _("Quotes only"));
    m_contacts = new wxCheckBox(this, wxID_ANY, _("With contact details"));
    m_contacts->SetName("contacts-filter");
    m_contacts->SetToolTip(_("Contributions whose title, text or notes hold an e-mail address or a phone "
                             "number: to review before anything leaves the team."));

    auto* first = new wxBoxSizer(wxHORIZONTAL);
    const std::pair<wxWindow*, int> firstRow[] = {
        {m_channel, 3}, {m_meeting, 4}, {m_neighbourhood, 3}, {m_theme, 3}, {m_commitment, 5}};
    for (const auto& [window, share] : firstRow)
        first->Add(window, wxSizerFlags(share).CenterVertical().Border(wxRIGHT, gap));
    first->Add(m_clear, wxSizerFlags().CenterVertical()); // here, where there is room for it
    auto* second = new wxBoxSizer(wxHORIZONTAL);
    for (wxChoice* choice : {m_state, m_tagged})
        second->Add(choice, wxSizerFlags(1).CenterVertical().Border(wxRIGHT, gap));
    second->AddSpacer(gap);
    second->Add(m_useFrom, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(2)));
    second->Add(m_from, wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
    second->Add(m_useTo, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(2)));
    second->Add(m_to, wxSizerFlags().CenterVertical().Border(wxRIGHT, 2 * gap));
    second->Add(m_quotes, wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
    second->Add(m_contacts, wxSizerFlags().CenterVertical());
    auto* rows = new wxBoxSizer(wxVERTICAL);
    rows->Add(first, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(6)));
    rows->Add(second, wxSizerFlags().Expand());
    SetSizer(rows);

    m_search->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (!m_silent)
            m_typing.StartOnce(kTypingPauseMs);
    });
    m_search->Bind(wxEVT_SEARCH, [this](wxCommandEvent&) { Changed(); });
    m_search->Bind(wxEVT_SEARCH_CANCEL, [this](wxCommandEvent&) {
        m_silent = true;
        m_search->Clear();
        m_silent = false;
        Changed();
    });
    m_channel->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        FillMeetings();
        Changed();
    });
    m_theme->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        FillCommitments();
        Changed();
    });
    for (wxChoice* choice : {m_meeting, m_neighbourhood, m_commitment, m_state, m_tagged})
        choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Changed(); });
    for (wxCheckBox* box : {m_useFrom, m_useTo, m_quotes, m_contacts})
        box->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { Changed(); });
    m_from->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) {
        if (m_silent)
            return;
        m_useFrom->SetValue(true); // picking a day means filtering on it
        Changed();
    });
    m_to->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) {
        if (m_silent)
            return;
        m_useTo->SetValue(true);
        Changed();
    });
    m_clear->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Clear(); });
}

void ContributionFilterBar::FillChoice(wxChoice* choice, const wxString& all,
                                       const std::vector<ContributionChoice>& items,
                                       std::vector<ContributionChoice>& shown, const std::string& parentId,
                                       const std::string& keep)
{
    shown.clear();
    for (const auto& item : items)
        if (parentId.empty() || item.channelId == parentId)
            shown.push_back(item);
    choice->Clear();
    choice->Append(all);
    int selection = 0;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        choice->Append(wxString::FromUTF8(shown[i].label));
        if (shown[i].id == keep)
            selection = static_cast<int>(i) + 1;
    }
    choice->SetSelection(selection);
}

void ContributionFilterBar::FillMeetings()
{
    FillChoice(m_meeting, _("All meetings"), m_data.choices.meetings, m_meetings, SelectedId(m_channel, m_channels),
               SelectedId(m_meeting, m_meetings));
}

void ContributionFilterBar::FillCommitments()
{
    FillChoice(m_commitment, _("All commitments"), m_data.commitments, m_commitments, SelectedId(m_theme, m_themes),
               SelectedId(m_commitment, m_commitments));
}

std::string ContributionFilterBar::SelectedId(const wxChoice* choice, const std::vector<ContributionChoice>& shown)
{
    const int index = choice->GetSelection() - 1; // 0 is "all"
    return index >= 0 && index < static_cast<int>(shown.size()) ? shown[static_cast<std::size_t>(index)].id
                                                                : std::string();
}

void ContributionFilterBar::SetReferenceData(const ContributionReferenceData& data)
{
    m_silent = true;
    const std::string channel = SelectedId(m_channel, m_channels), meeting = SelectedId(m_meeting, m_meetings),
                      neighbourhood = SelectedId(m_neighbourhood, m_neighbourhoods),
                      theme = SelectedId(m_theme, m_themes), commitment = SelectedId(m_commitment, m_commitments);
    m_data = data;
    FillChoice(m_channel, _("All channels"), m_data.choices.channels, m_channels, {}, channel);
    m_meetings.clear();
    FillChoice(m_meeting, _("All meetings"), m_data.choices.meetings, m_meetings, SelectedId(m_channel, m_channels),
               meeting);
    FillChoice(m_neighbourhood, _("All neighbourhoods"), m_data.choices.neighbourhoods, m_neighbourhoods, {},
               neighbourhood);
    FillChoice(m_theme, _("All themes"), m_data.themes, m_themes, {}, theme);
    FillChoice(m_commitment, _("All commitments"), m_data.commitments, m_commitments, SelectedId(m_theme, m_themes),
               commitment);
    m_clear->Enable(IsFiltering());
    m_silent = false;
}

ContributionFilter ContributionFilterBar::Filter() const
{
    ContributionFilter filter;
    filter.channelId = SelectedId(m_channel, m_channels);
    filter.meetingId = SelectedId(m_meeting, m_meetings);
    filter.neighbourhoodId = SelectedId(m_neighbourhood, m_neighbourhoods);
    filter.themeId = SelectedId(m_theme, m_themes);
    filter.commitmentId = SelectedId(m_commitment, m_commitments);
    if (const int state = m_state->GetSelection(); state > 0)
        filter.state = StatesInOrder()[static_cast<std::size_t>(state - 1)];
    if (const int tagged = m_tagged->GetSelection(); tagged > 0)
        filter.tagged = tagged == 1;
    if (m_quotes->GetValue())
        filter.isQuote = true;
    if (m_contacts->GetValue())
        filter.mentionsContact = true;
    if (m_useFrom->GetValue() && m_from->GetValue().IsValid())
        filter.from = DayOf(m_from->GetValue());
    if (m_useTo->GetValue() && m_to->GetValue().IsValid())
        filter.to = DayOf(m_to->GetValue());
    wxString search = m_search->GetValue();
    filter.search = search.Trim(true).Trim(false).utf8_string();
    return filter;
}

bool ContributionFilterBar::IsFiltering() const
{
    const ContributionFilter f = Filter();
    return !f.channelId.empty() || !f.meetingId.empty() || !f.neighbourhoodId.empty() || !f.themeId.empty() ||
           !f.commitmentId.empty() || f.state || f.tagged || f.isQuote || f.mentionsContact || f.from || f.to || !f.search.empty();
}

void ContributionFilterBar::Clear()
{
    m_silent = true;
    m_typing.Stop();
    m_search->Clear();
    for (wxChoice* choice : {m_channel, m_neighbourhood, m_theme, m_state, m_tagged})
        choice->SetSelection(0);
    FillMeetings();
    FillCommitments();
    m_meeting->SetSelection(0);
    m_commitment->SetSelection(0);
    for (wxCheckBox* box : {m_useFrom, m_useTo, m_quotes, m_contacts})
        box->SetValue(false);
    m_silent = false;
    Changed();
}

void ContributionFilterBar::SuggestDates(const std::optional<Date>& from, const std::optional<Date>& to)
{
    auto toWx = [](const Date& day) {
        return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(day.day), static_cast<wxDateTime::Month>(day.month - 1),
                          day.year);
    };
    const bool silent = m_silent;
    m_silent = true;
    if (!m_useFrom->GetValue())
        m_from->SetValue(from ? toWx(*from) : wxDateTime::Today());
    if (!m_useTo->GetValue())
        m_to->SetValue(to ? toWx(*to) : wxDateTime::Today());
    m_silent = silent;
}

void ContributionFilterBar::FocusSearch()
{
    m_search->SetFocus();
    m_search->SelectAll();
}

void ContributionFilterBar::SelectChannel(const std::string& id)
{
    int selection = 0;
    for (std::size_t i = 0; i < m_channels.size(); ++i)
        if (m_channels[i].id == id)
            selection = static_cast<int>(i) + 1;
    m_channel->SetSelection(selection);
    FillMeetings();
    Changed();
}

void ContributionFilterBar::Changed()
{
    m_typing.Stop();
    if (m_silent || !m_onChanged)
        return;
    m_clear->Enable(IsFiltering());
    m_onChanged();
}

} // namespace concerto
