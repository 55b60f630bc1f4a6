#include "dialogs/contribution_dialog.h"

#include "dialogs/contact_fields.h"
#include "dialogs/domain_labels.h"

#include <algorithm>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/intl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/timectrl.h>
#include <wx/utils.h>

namespace concerto {

namespace {

wxArrayString Suggestions(const std::vector<std::string>& values)
{
    wxArrayString list;
    for (const auto& value : values)
        list.Add(wxString::FromUTF8(value));
    return list;
}

wxString Trimmed(const wxString& text)
{
    wxString copy = text;
    return copy.Trim(true).Trim(false);
}

} // namespace

ContributionDialog::ContributionDialog(wxWindow* parent, const ContributionChoices& choices, const wxString& heading)
    : StandardDialog(parent, heading, wxOK | wxCANCEL, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER), m_choices(choices)
{
    SetName("contribution-dialog");
    AddHeading(heading);
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    columns->Add(BuildContextFields(), wxSizerFlags().Border(wxRIGHT, LargeGap() * 2));
    columns->Add(BuildTextFields(), wxSizerFlags(1).Expand());
    ContentSizer()->Add(columns, wxSizerFlags(1).Expand());
    // Personal data: built hidden, shown by ShowContactSection() to those who may see it.
    m_contact = new ContactFields(this);
    m_contact->Hide();
    ContentSizer()->Add(m_contact, WideFlags().Border(wxTOP, LargeGap()));

    m_problem = new wxStaticText(this, wxID_ANY, wxString());
    m_problem->SetForegroundColour(wxColour(0xA4, 0x00, 0x00)); // Tango dark red: an error, readable on any theme
    m_problem->SetFont(m_problem->GetFont().Bold());
    ContentSizer()->Add(m_problem, WideFlags().Border(wxTOP, LargeGap()));
    m_problem->Hide();

    SetAffirmativeLabel(_("Save"));
    FinishLayout();
    SetMinSize(GetSize());

    m_channel->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        FillMeetings(SelectedId(m_channel, m_choices.channels, false), SelectedId(m_meeting, m_meetingsShown, true));
    });
    m_meeting->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { OnMeetingChosen(); });
    m_state->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { UpdateEnabling(); });
}

wxSizer* ContributionDialog::BuildContextFields()
{
    auto* grid = new wxFlexGridSizer(2, wxSize(LargeGap(), SmallGap()));
    grid->AddGrowableCol(1, 1);
    const wxSize choiceSize(FromDIP(300), -1);

    m_channel = new wxChoice(this, wxID_ANY, wxDefaultPosition, choiceSize);
    AddField(grid, _("Channel:"), m_channel);
    m_meeting = new wxChoice(this, wxID_ANY, wxDefaultPosition, choiceSize);
    AddField(grid, _("Meeting:"), m_meeting);
    m_neighbourhood = new wxChoice(this, wxID_ANY, wxDefaultPosition, choiceSize);
    AddField(grid, _("Neighbourhood:"), m_neighbourhood);
    m_card = new wxChoice(this, wxID_ANY, wxDefaultPosition, choiceSize);
    AddField(grid, _("Thematic card:"), m_card);

    m_day = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                 wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_time = new wxTimePickerCtrl(this, wxID_ANY);
    auto* when = new wxBoxSizer(wxHORIZONTAL);
    when->Add(m_day, wxSizerFlags(1).CenterVertical());
    when->Add(new wxStaticText(this, wxID_ANY, _("at")),
              wxSizerFlags().CenterVertical().Border(wxLEFT | wxRIGHT, SmallGap()));
    when->Add(m_time, wxSizerFlags().CenterVertical());
    grid->Add(new wxStaticText(this, wxID_ANY, _("Received on:")), wxSizerFlags().Right().CenterVertical());
    grid->Add(when, wxSizerFlags().Expand());

    m_profile =
        new wxComboBox(this, wxID_ANY, wxString(), wxDefaultPosition, choiceSize, Suggestions(m_choices.profiles));
    m_profile->SetHint(_("e.g. resident, staff, shopkeeper"));
    AddField(grid, _("Profile:"), m_profile);
    m_ageBracket =
        new wxComboBox(this, wxID_ANY, wxString(), wxDefaultPosition, choiceSize, Suggestions(m_choices.ageBrackets));
    AddField(grid, _("Age bracket:"), m_ageBracket);
    m_sourceRef = new wxTextCtrl(this, wxID_ANY);
    m_sourceRef->SetHint(_("slip number, platform id…"));
    AddField(grid, _("Source reference:"), m_sourceRef);

    m_state = new wxChoice(this, wxID_ANY);
    for (const auto state : StatesInOrder())
        m_state->Append(StateName(state));
    AddField(grid, _("State:"), m_state);
    m_exclusionReason = new wxTextCtrl(this, wxID_ANY);
    m_exclusionReason->SetHint(_("off-topic, abusive, duplicate…"));
    m_exclusionLabel = AddField(grid, _("Reason for exclusion:"), m_exclusionReason);

    m_quote = new wxCheckBox(this, wxID_ANY, _("&Quote: fit to be cited word for word in the deliverable"));
    grid->AddSpacer(0);
    grid->Add(m_quote, wxSizerFlags().Border(wxTOP, SmallGap()));
    return grid;
}

wxSizer* ContributionDialog::BuildTextFields()
{
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto label = [&](const wxString& text, int top) {
        column->Add(new wxStaticText(this, wxID_ANY, text), wxSizerFlags().Border(wxTOP, top).Border(wxBOTTOM, 2));
    };
    label(_("Title (optional):"), 0);
    m_title = new wxTextCtrl(this, wxID_ANY);
    column->Add(m_title, WideFlags());
    label(_("Text (required):"), SmallGap());
    m_body = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(440, 230)),
                            wxTE_MULTILINE | wxTE_WORDWRAP);
    m_body->SetName("body");
    column->Add(m_body, wxSizerFlags(3).Expand());
    label(_("Notes of the team (never published):"), SmallGap());
    m_notes = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(440, 70)),
                             wxTE_MULTILINE | wxTE_WORDWRAP);
    column->Add(m_notes, wxSizerFlags(1).Expand());
    return column;
}

void ContributionDialog::Select(wxChoice* choice, const std::vector<ContributionChoice>& items, const std::string& id,
                                bool withNone)
{
    const int offset = withNone ? 1 : 0;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) {
            choice->SetSelection(static_cast<int>(i) + offset);
            return;
        }
    choice->SetSelection(withNone || items.empty() ? 0 : wxNOT_FOUND);
}

std::string ContributionDialog::SelectedId(const wxChoice* choice, const std::vector<ContributionChoice>& items,
                                           bool withNone)
{
    const int index = choice->GetSelection() - (withNone ? 1 : 0);
    if (index < 0 || index >= static_cast<int>(items.size()))
        return {};
    return items[static_cast<std::size_t>(index)].id;
}

void ContributionDialog::FillMeetings(const std::string& channelId, const std::string& selectedId)
{
    // Only the channel's meetings: a slip from the caravane cannot come from a café de quartier.
    m_meetingsShown.clear();
    for (const auto& meeting : m_choices.meetings)
        if (channelId.empty() || meeting.channelId == channelId)
            m_meetingsShown.push_back(meeting);
    m_meeting->Clear();
    m_meeting->Append(m_meetingsShown.empty() ? _("(no meeting for this channel)") : _("(no meeting)"));
    for (const auto& meeting : m_meetingsShown)
        m_meeting->Append(wxString::FromUTF8(meeting.label));
    Select(m_meeting, m_meetingsShown, selectedId, true);
    m_meeting->Enable(!m_meetingsShown.empty());
}

void ContributionDialog::OnMeetingChosen()
{
    // The neighbourhood of the meeting is the likely one; never overwrite one already chosen.
    const std::string meetingId = SelectedId(m_meeting, m_meetingsShown, true);
    if (meetingId.empty() || !SelectedId(m_neighbourhood, m_choices.neighbourhoods, true).empty())
        return;
    for (const auto& meeting : m_meetingsShown)
        if (meeting.id == meetingId)
            Select(m_neighbourhood, m_choices.neighbourhoods, meeting.neighbourhoodId, true);
}

void ContributionDialog::UpdateEnabling()
{
    const bool excluded = m_state->GetSelection() == 3;
    m_exclusionReason->Enable(excluded);
    m_exclusionLabel->Enable(excluded);
}

bool ContributionDialog::TransferDataToWindow()
{
    const Contribution& c = m_contribution;
    m_channel->Clear();
    for (const auto& channel : m_choices.channels)
        m_channel->Append(wxString::FromUTF8(channel.label));
    Select(m_channel, m_choices.channels, c.channelId, false);
    FillMeetings(c.channelId, c.meetingId);
    m_neighbourhood->Clear();
    m_neighbourhood->Append(_("(not known)"));
    for (const auto& neighbourhood : m_choices.neighbourhoods)
        m_neighbourhood->Append(wxString::FromUTF8(neighbourhood.label));
    Select(m_neighbourhood, m_choices.neighbourhoods, c.neighbourhoodId, true);
    m_card->Clear();
    m_card->Append(_("(no card)"));
    for (const auto& card : m_choices.cards)
        m_card->Append(wxString::FromUTF8(card.label));
    Select(m_card, m_choices.cards, c.cardId, true);

    const wxDateTime when =
        c.receivedAt.seconds ? wxDateTime(static_cast<time_t>(c.receivedAt.seconds)) : wxDateTime::Now();
    m_day->SetValue(when);
    m_time->SetTime(when.GetHour(), when.GetMinute(), when.GetSecond());
    m_profile->ChangeValue(wxString::FromUTF8(c.profile));
    m_ageBracket->ChangeValue(wxString::FromUTF8(c.ageBracket));
    m_title->ChangeValue(wxString::FromUTF8(c.title));
    m_body->ChangeValue(wxString::FromUTF8(c.body));
    m_sourceRef->ChangeValue(wxString::FromUTF8(c.sourceRef));
    for (std::size_t i = 0; i < std::size(StatesInOrder()); ++i)
        if (StatesInOrder()[i] == c.state)
            m_state->SetSelection(static_cast<int>(i));
    m_exclusionReason->ChangeValue(wxString::FromUTF8(c.exclusionReason));
    m_quote->SetValue(c.isQuote);
    m_notes->ChangeValue(wxString::FromUTF8(c.notes));
    UpdateEnabling();
    // The text is what one comes to type or correct, unless a problem points elsewhere.
    FieldWindow(ProblemText().empty() ? Field::Text : m_problemField)->SetFocus();
    return true;
}

bool ContributionDialog::TransferDataFromWindow()
{
    const std::string channelId = SelectedId(m_channel, m_choices.channels, false);
    if (channelId.empty()) {
        ShowProblem(Field::Channel, _("Choose the channel the contribution came through: the field “Channel” is "
                                      "required."));
        return false;
    }
    const wxString body = Trimmed(m_body->GetValue());
    if (body.empty()) {
        ShowProblem(Field::Text, _("Type what the contributor wrote: the field “Text” is required."));
        return false;
    }
    const int state = m_state->GetSelection();
    wxDateTime day = m_day->GetValue();
    int hour = 0, minute = 0, second = 0;
    m_time->GetTime(&hour, &minute, &second);
    if (!day.IsValid()) {
        ShowProblem(Field::ReceivedAt, _("Enter the day the contribution was received (field “Received on”)."));
        return false;
    }
    day.SetHour(static_cast<wxDateTime::wxDateTime_t>(hour))
        .SetMinute(static_cast<wxDateTime::wxDateTime_t>(minute))
        .SetSecond(static_cast<wxDateTime::wxDateTime_t>(second));

    Contribution& c = m_contribution;
    c.channelId = channelId;
    c.meetingId = SelectedId(m_meeting, m_meetingsShown, true);
    c.neighbourhoodId = SelectedId(m_neighbourhood, m_choices.neighbourhoods, true);
    c.cardId = SelectedId(m_card, m_choices.cards, true);
    c.receivedAt.seconds = static_cast<std::int64_t>(day.GetTicks());
    c.profile = Trimmed(m_profile->GetValue()).utf8_string();
    c.ageBracket = Trimmed(m_ageBracket->GetValue()).utf8_string();
    c.title = Trimmed(m_title->GetValue()).utf8_string();
    c.body = body.utf8_string();
    c.sourceRef = Trimmed(m_sourceRef->GetValue()).utf8_string();
    c.state = state >= 0 ? StatesInOrder()[state] : ContributionState::New;
    c.exclusionReason =
        c.state == ContributionState::Excluded ? Trimmed(m_exclusionReason->GetValue()).utf8_string() : std::string();
    c.isQuote = m_quote->GetValue();
    c.notes = Trimmed(m_notes->GetValue()).utf8_string();
    if (HasContactSection()) {
        wxString problem;
        if (!m_contact->ReadContact(m_contactValues, problem, m_contactProblemWindow)) {
            ShowProblem(Field::Contact, problem);
            return false;
        }
    }
    return true;
}

void ContributionDialog::ShowContactSection(const ContactDetails& contact, const Date& defaultPurge)
{
    m_contactValues = contact;
    m_contact->SetContact(contact, defaultPurge);
    if (m_contact->IsShown())
        return;
    m_contact->Show();
    // The dialog grows by the section's height; its minimum follows.
    const wxSize needed = GetSizer()->ComputeFittingWindowSize(this);
    SetMinSize(wxSize(std::max(needed.x, GetMinSize().x), needed.y));
    SetSize(wxSize(std::max(needed.x, GetSize().x), std::max(needed.y, GetSize().y)));
    Layout();
}

bool ContributionDialog::HasContactSection() const
{
    return m_contact->IsShown();
}

void ContributionDialog::SetContribution(const Contribution& contribution)
{
    m_contribution = contribution;
    ShowProblem(Field::Text, wxString());
}

void ContributionDialog::ShowProblem(Field field, const wxString& message)
{
    m_problemField = field;
    m_problem->SetLabel(message);
    m_problem->Wrap(GetClientSize().GetWidth() - 2 * LargeGap());
    m_problem->Show(!message.empty());
    // The line needs room of its own: grow the dialog rather than squeeze the form over it.
    const wxSize needed = GetSizer()->ComputeFittingWindowSize(this);
    if (needed.y > GetSize().y || needed.x > GetSize().x)
        SetSize(wxSize(std::max(needed.x, GetSize().x), std::max(needed.y, GetSize().y)));
    Layout();
    if (message.empty() || !IsShown())
        return;
    wxBell();
    if (wxWindow* window = FieldWindow(field))
        window->SetFocus();
}

wxString ContributionDialog::ProblemText() const
{
    return m_problem->IsShown() ? m_problem->GetLabel() : wxString();
}

wxWindow* ContributionDialog::FieldWindow(Field field) const
{
    switch (field) {
    case Field::Channel:
        return m_channel;
    case Field::Meeting:
        return m_meeting;
    case Field::Neighbourhood:
        return m_neighbourhood;
    case Field::Card:
        return m_card;
    case Field::ReceivedAt:
        return m_day;
    case Field::Profile:
        return m_profile;
    case Field::AgeBracket:
        return m_ageBracket;
    case Field::Title:
        return m_title;
    case Field::Text:
        return m_body;
    case Field::SourceRef:
        return m_sourceRef;
    case Field::State:
        return m_state;
    case Field::ExclusionReason:
        return m_exclusionReason;
    case Field::Quote:
        return m_quote;
    case Field::Notes:
        return m_notes;
    case Field::Contact:
        return m_contactProblemWindow ? m_contactProblemWindow : m_contact;
    }
    return nullptr;
}

} // namespace concerto
