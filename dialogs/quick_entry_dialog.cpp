#include "dialogs/quick_entry_dialog.h"

#include "db/meeting_queries.h"
#include "dialogs/meeting_dialog.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/combobox.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {

const wxColour kProblemColour(0xA4, 0x00, 0x00);
const wxColour kNoticeColour(0x2E, 0x6B, 0x0A);

// The letter a choice item is found by: lower case, without accent ("É" -> 'e').
wxChar FoldedInitial(const wxString& text)
{
    if (text.empty())
        return 0;
    const wxString accented = wxString::FromUTF8("àâäáçéèêëîïíôöóùûüúÀÂÄÁÇÉÈÊËÎÏÍÔÖÓÙÛÜÚ");
    const wxString plain = "aaaaceeeeiiiooouuuuaaaaceeeeiiiooouuuu";
    wxChar c = text[0];
    const int at = accented.Find(c);
    if (at != wxNOT_FOUND)
        c = plain[at];
    return wxTolower(c);
}

// The first line of a text, cut to `length` characters with an ellipsis.
wxString FirstLine(const std::string& text, size_t length = 90)
{
    wxString line = wxString::FromUTF8(text).BeforeFirst('\n');
    if (line.length() > length)
        line = line.Left(length - 1) + wxString::FromUTF8("…");
    return line;
}

// A drop-down list of fixed items. A read-only combo box rather than a wxChoice: GTK gives the
// keyboard focus of a wxChoice to an inner button that wxWidgets does not see, and the form
// must know which list has the focus to choose by letter and by arrow.
wxComboBox* NewList(wxWindow* parent)
{
    return new wxComboBox(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, nullptr, wxCB_READONLY);
}

void SelectId(wxComboBox* choice, const std::vector<std::string>& ids, const std::string& id)
{
    const auto found = std::find(ids.begin(), ids.end(), id);
    choice->SetSelection(found == ids.end() ? (ids.empty() || !ids.front().empty() ? wxNOT_FOUND : 0)
                                            : static_cast<int>(found - ids.begin()));
}

std::string SelectedId(const wxComboBox* choice, const std::vector<std::string>& ids)
{
    const int selection = choice->GetSelection();
    return selection >= 0 && static_cast<size_t>(selection) < ids.size() ? ids[selection] : std::string();
}

void SelectText(wxComboBox* choice, const std::string& text)
{
    const int found = text.empty() ? 0 : choice->FindString(wxString::FromUTF8(text), true);
    choice->SetSelection(found == wxNOT_FOUND ? 0 : found);
}

std::string ChoiceValue(const wxComboBox* choice)
{
    // Item 0 is "(not given)": the value is empty then.
    return choice->GetSelection() > 0 ? choice->GetStringSelection().utf8_string() : std::string();
}

} // namespace

const std::vector<std::string>& UsualProfiles()
{
    static const std::vector<std::string> profiles = {"habitant·e", "agent·e",        "commerçant·e", "association",
                                                      "jeune",      "parent d'élève", "retraité·e"};
    return profiles;
}

const std::vector<std::string>& UsualAgeBrackets()
{
    static const std::vector<std::string> brackets = {"moins de 18 ans", "18-25 ans", "26-40 ans",
                                                      "41-60 ans",       "61-75 ans", "plus de 75 ans"};
    return brackets;
}

QuickEntryDialog::QuickEntryDialog(wxWindow* parent)
    : StandardDialog(parent, _("Quick entry of paper contributions"), wxOK | wxCLOSE,
                     wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER | wxMINIMIZE_BOX)
{
    ContentSizer()->Add(BuildStickyPart(), WideFlags().Border(wxBOTTOM, LargeGap()));
    ContentSizer()->Add(BuildEntryPart(), wxSizerFlags(3).Expand().Border(wxBOTTOM, LargeGap()));
    ContentSizer()->Add(BuildSessionPart(), wxSizerFlags(2).Expand());
    SetAffirmativeLabel(_("Save"));
    FinishLayout();
    SetMinSize(FromDIP(wxSize(720, 600)));
    SetSize(FromDIP(wxSize(860, 680)));
    CentreOnParent();

    Bind(wxEVT_CHAR_HOOK, &QuickEntryDialog::OnCharHook, this);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { SaveEntry(); }, wxID_OK);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); }, wxID_CANCEL);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) {
        Closing();
        Destroy();
    });
    m_channel->Bind(wxEVT_COMBOBOX, [this](wxCommandEvent&) { OnChannelChosen(); });
    m_meeting->Bind(wxEVT_COMBOBOX, [this](wxCommandEvent&) { OnMeetingChosen(); });
    m_slip->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { m_slipTouched = true; });

    // Usable once the owner has given the choices.
    for (wxWindow* field : {FieldWindow(Field::Channel), FieldWindow(Field::Text)})
        field->GetParent()->Enable(false);
    ShowNotice(_("Loading the channels and meetings…"));
}

wxSizer* QuickEntryDialog::BuildStickyPart()
{
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Where the slips come from (stays set between entries)"));
    wxWindow* parent = box->GetStaticBox();
    auto* grid = new wxFlexGridSizer(4, wxSize(LargeGap(), SmallGap()));
    grid->AddGrowableCol(1, 2);
    grid->AddGrowableCol(3, 3);
    auto add = [&](const wxString& label, wxWindow* control) {
        grid->Add(new wxStaticText(parent, wxID_ANY, label), wxSizerFlags().Right().CenterVertical());
        grid->Add(control, wxSizerFlags().Expand().CenterVertical());
    };
    m_channel = NewList(parent);
    m_meeting = NewList(parent);
    m_neighbourhood = NewList(parent);
    m_card = NewList(parent);
    m_receivedAt = new wxTextCtrl(parent, wxID_ANY);
    m_receivedAt->SetHint(_("DD/MM/YYYY HH:MM"));
    // Choices size to their longest item; a meeting title must not widen the window.
    for (wxComboBox* choice : {m_channel, m_meeting, m_neighbourhood, m_card})
        choice->SetMinSize(FromDIP(wxSize(120, -1)));
    add(_("Channel:"), m_channel);
    add(_("Meeting:"), m_meeting);
    add(_("Neighbourhood:"), m_neighbourhood);
    add(_("Card:"), m_card);
    add(_("Received:"), m_receivedAt);
    box->Add(grid, wxSizerFlags().Expand().Border(wxALL, SmallGap()));
    return box;
}

wxSizer* QuickEntryDialog::BuildEntryPart()
{
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Contribution"));
    wxWindow* parent = box->GetStaticBox();
    auto* grid = new wxFlexGridSizer(2, wxSize(LargeGap(), SmallGap()));
    grid->AddGrowableCol(1, 1);
    auto label = [&](const wxString& text, bool top = false) {
        grid->Add(new wxStaticText(parent, wxID_ANY, text), top ? wxSizerFlags().Right().Top().Border(wxTOP, FromDIP(4))
                                                                : wxSizerFlags().Right().CenterVertical());
    };

    // Created in the order the keyboard goes through them: the text first.
    m_text = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, FromDIP(96)),
                            wxTE_MULTILINE | wxTE_WORDWRAP);
    label(_("Text:"), true);
    grid->Add(m_text, wxSizerFlags(1).Expand());
    grid->AddGrowableRow(0, 1);

    m_profile = NewList(parent);
    m_profile->Append(_("(not given)"));
    for (const auto& profile : UsualProfiles())
        m_profile->Append(wxString::FromUTF8(profile));
    m_ageBracket = NewList(parent);
    m_ageBracket->Append(_("(not given)"));
    for (const auto& bracket : UsualAgeBrackets())
        m_ageBracket->Append(wxString::FromUTF8(bracket));
    for (wxComboBox* list : {m_profile, m_ageBracket}) {
        list->SetSelection(0);
        list->SetMinSize(FromDIP(wxSize(170, -1)));
    }
    auto* who = new wxBoxSizer(wxHORIZONTAL);
    who->Add(m_profile, wxSizerFlags().CenterVertical());
    who->AddSpacer(LargeGap());
    who->Add(new wxStaticText(parent, wxID_ANY, _("Age:")), wxSizerFlags().CenterVertical());
    who->AddSpacer(SmallGap());
    who->Add(m_ageBracket, wxSizerFlags().CenterVertical());
    auto* typing = new wxStaticText(parent, wxID_ANY, _("(type the first letter to choose)"));
    typing->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    who->Add(typing, wxSizerFlags().CenterVertical().Border(wxLEFT, LargeGap()));
    label(_("Profile:"));
    grid->Add(who, wxSizerFlags().Expand());

    m_title = new wxTextCtrl(parent, wxID_ANY);
    m_title->SetHint(_("optional"));
    label(_("Title:"));
    grid->Add(m_title, wxSizerFlags().Expand());

    m_slip = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(150), -1));
    m_slip->SetHint(_("e.g. CAR-3-12"));
    m_quote = new wxCheckBox(parent, wxID_ANY, _("&Quote: fit to be cited word for word"));
    auto* slipRow = new wxBoxSizer(wxHORIZONTAL);
    slipRow->Add(m_slip, wxSizerFlags().CenterVertical());
    slipRow->AddSpacer(LargeGap() * 2);
    slipRow->Add(m_quote, wxSizerFlags().CenterVertical());
    label(_("Slip number:"));
    grid->Add(slipRow, wxSizerFlags().Expand());

    box->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, SmallGap()));
    m_message = new wxStaticText(parent, wxID_ANY, wxString());
    m_message->SetMinSize(wxDefaultSize); // sized by its text, which changes
    box->Add(m_message, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, SmallGap()));
    return box;
}

wxSizer* QuickEntryDialog::BuildSessionPart()
{
    auto* column = new wxBoxSizer(wxVERTICAL);
    m_summary = new wxStaticText(this, wxID_ANY, wxString());
    m_summary->SetFont(m_summary->GetFont().Bold());
    m_summary->SetMinSize(wxDefaultSize);
    column->Add(m_summary, wxSizerFlags().Border(wxBOTTOM, SmallGap()));
    m_session =
        new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, FromDIP(110)), wxLC_REPORT | wxLC_SINGLE_SEL);
    m_session->AppendColumn(_("Slip"), wxLIST_FORMAT_LEFT, FromDIP(110));
    m_session->AppendColumn(_("Profile"), wxLIST_FORMAT_LEFT, FromDIP(120));
    m_session->AppendColumn(_("Text"), wxLIST_FORMAT_LEFT, FromDIP(540));
    column->Add(m_session, wxSizerFlags(1).Expand());
    // The text column takes the width left by the others.
    m_session->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        const int rest = m_session->GetClientSize().GetWidth() - m_session->GetColumnWidth(0) -
                         m_session->GetColumnWidth(1) - FromDIP(4);
        m_session->SetColumnWidth(2, std::max(FromDIP(200), rest));
    });
    auto* keys = new wxStaticText(this, wxID_ANY,
                                  _("Enter: save and go on · Shift+Enter: new line · Ctrl+Z: remove the last one "
                                    "saved · Esc: close"));
    keys->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    column->Add(keys, wxSizerFlags().Border(wxTOP, SmallGap()));
    return column;
}

wxWindow* QuickEntryDialog::FieldWindow(Field field) const
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
        return m_receivedAt;
    case Field::Text:
        return m_text;
    case Field::Profile:
        return m_profile;
    case Field::AgeBracket:
        return m_ageBracket;
    case Field::Title:
        return m_title;
    case Field::Slip:
        return m_slip;
    case Field::Quote:
        return m_quote;
    }
    return nullptr;
}

void QuickEntryDialog::SetChoices(QuickEntryChoices choices)
{
    const std::string channel = ChannelId(), meeting = MeetingId();
    const std::string neighbourhood = SelectedId(m_neighbourhood, m_neighbourhoodIds);
    const std::string card = SelectedId(m_card, m_cardIds);
    m_choices = std::move(choices);

    m_channel->Clear();
    for (const auto& item : m_choices.channels)
        m_channel->Append(wxString::FromUTF8(item.name));
    m_neighbourhood->Clear();
    m_neighbourhoodIds.assign(1, std::string());
    m_neighbourhood->Append(_("(not given)"));
    for (const auto& item : m_choices.neighbourhoods) {
        m_neighbourhood->Append(wxString::FromUTF8(item.name));
        m_neighbourhoodIds.push_back(item.id);
    }
    m_card->Clear();
    m_cardIds.assign(1, std::string());
    m_card->Append(_("(no card)"));
    for (const auto& item : m_choices.cards) {
        m_card->Append(wxString::FromUTF8(item.code + " — " + item.title));
        m_cardIds.push_back(item.id);
    }
    std::vector<std::string> channelIds;
    for (const auto& item : m_choices.channels)
        channelIds.push_back(item.id);
    SelectId(m_channel, channelIds, channel);
    SelectId(m_neighbourhood, m_neighbourhoodIds, neighbourhood);
    SelectId(m_card, m_cardIds, card);
    FillMeetings();
    SelectId(m_meeting, m_meetingIds, meeting);

    const bool first = !m_loaded;
    m_loaded = true;
    m_channel->GetParent()->Enable(true);
    m_text->GetParent()->Enable(true);
    if (first) {
        m_receivedAt->ChangeValue(FormatDayTime(Timestamp::Now()));
        ShowNotice(wxString());
        (ChannelId().empty() ? static_cast<wxWindow*>(m_channel) : m_text)->SetFocus();
    }
    UpdateSummary();
}

void QuickEntryDialog::FillMeetings()
{
    const std::string channel = ChannelId();
    const std::string previous = SelectedId(m_meeting, m_meetingIds);
    // The channel is chosen beside: a title that repeats it ("Caravane citoyenne — Marché…") is shortened.
    const std::string lead = m_channel->GetStringSelection().utf8_string() + " — ";
    m_meeting->Clear();
    m_meetingIds.assign(1, std::string());
    m_meeting->Append(_("(no meeting)"));
    for (const auto& meeting : m_choices.meetings) {
        if (meeting.channelId != channel)
            continue;
        std::string title = meeting.title;
        if (title.size() > lead.size() && title.compare(0, lead.size(), lead) == 0)
            title.erase(0, lead.size());
        m_meeting->Append(
            wxString::FromUTF8(FormatDay(meeting.startsAt).utf8_string() + " · " + title + " (" + meeting.ref + ")"));
        m_meetingIds.push_back(meeting.id);
    }
    SelectId(m_meeting, m_meetingIds, previous);
}

std::string QuickEntryDialog::ChannelId() const
{
    const int selection = m_channel->GetSelection();
    return selection >= 0 && static_cast<size_t>(selection) < m_choices.channels.size()
               ? m_choices.channels[selection].id
               : std::string();
}

std::string QuickEntryDialog::MeetingId() const
{
    return SelectedId(m_meeting, m_meetingIds);
}

const Meeting* QuickEntryDialog::FindMeeting(const std::string& id) const
{
    for (const auto& meeting : m_choices.meetings)
        if (!id.empty() && meeting.id == id)
            return &meeting;
    return nullptr;
}

void QuickEntryDialog::PresetMeeting(const std::string& meetingId)
{
    const Meeting* meeting = FindMeeting(meetingId);
    if (!meeting)
        return;
    for (size_t i = 0; i < m_choices.channels.size(); ++i)
        if (m_choices.channels[i].id == meeting->channelId)
            m_channel->SetSelection(static_cast<int>(i));
    FillMeetings();
    SelectId(m_meeting, m_meetingIds, meetingId);
    OnMeetingChosen();
    m_text->SetFocus();
}

void QuickEntryDialog::OnChannelChosen()
{
    const std::string before = MeetingId();
    FillMeetings();
    if (MeetingId() != before) {
        OnMeetingChosen();
        return;
    }
    m_slipTouched = false;
    m_slip->ChangeValue(wxString());
    TargetChanged(ChannelId(), MeetingId());
    UpdateSummary();
}

void QuickEntryDialog::OnMeetingChosen()
{
    // A meeting brings its own place and time; without one the slips are dated today.
    if (const Meeting* meeting = FindMeeting(MeetingId())) {
        if (!meeting->neighbourhoodId.empty())
            SelectId(m_neighbourhood, m_neighbourhoodIds, meeting->neighbourhoodId);
        m_receivedAt->ChangeValue(FormatDayTime(meeting->startsAt));
    } else {
        m_receivedAt->ChangeValue(FormatDayTime(Timestamp::Now()));
    }
    m_slipTouched = false;
    m_slip->ChangeValue(wxString());
    TargetChanged(ChannelId(), MeetingId());
    UpdateSummary();
}

void QuickEntryDialog::SuggestSlipNumber(const std::string& channelId, const std::string& meetingId,
                                         const std::string& slip)
{
    if (m_slipTouched || channelId != ChannelId() || meetingId != MeetingId())
        return;
    m_slip->ChangeValue(wxString::FromUTF8(slip));
}

void QuickEntryDialog::OnCharHook(wxKeyEvent& event)
{
    const int key = event.GetKeyCode();
    const int modifiers = event.GetModifiers();
    wxWindow* focus = FindFocus();
    if (key == WXK_ESCAPE && modifiers == wxMOD_NONE) {
        Close();
        return;
    }
    if (key == WXK_RETURN || key == WXK_NUMPAD_ENTER) {
        // Shift+Enter is a new line in the text; a focused button (Close) does what it says.
        if (modifiers == wxMOD_SHIFT ||
            (focus && focus->IsKindOf(wxCLASSINFO(wxButton)) && focus->GetId() != wxID_OK)) {
            event.Skip();
            return;
        }
        SaveEntry();
        return;
    }
    if (key == 'Z' && modifiers == wxMOD_CONTROL) {
        UndoLastEntry();
        return;
    }
    if (key == WXK_TAB && (modifiers == wxMOD_NONE || modifiers == wxMOD_SHIFT) &&
        MoveFocus(modifiers == wxMOD_SHIFT ? -1 : 1))
        return;
    // Closed drop-down lists ignore typing: a letter picks the next item starting with it, and
    // the arrows move through the items without opening the list.
    if (wxComboBox* list = FocusedList(); list && (modifiers == wxMOD_NONE || modifiers == wxMOD_SHIFT)) {
        if (key == WXK_UP || key == WXK_DOWN) {
            SelectNeighbour(list, key == WXK_UP ? -1 : 1);
            return;
        }
        const wxChar letter = event.GetUnicodeKey();
        if (letter != WXK_NONE && wxIsalnum(letter)) {
            SelectByFirstLetter(list, letter);
            return;
        }
    }
    event.Skip();
}

bool QuickEntryDialog::MoveFocus(int step)
{
    // The form's own order, one stop per field: GTK would also stop on each list's arrow button.
    const std::vector<wxWindow*> order = {m_channel,
                                          m_meeting,
                                          m_neighbourhood,
                                          m_card,
                                          m_receivedAt,
                                          m_text,
                                          m_profile,
                                          m_ageBracket,
                                          m_title,
                                          m_slip,
                                          m_quote,
                                          m_session,
                                          FindWindow(wxID_CLOSE),
                                          FindWindow(wxID_OK)};
    const wxWindow* focus = FindFocus();
    const auto at = std::find_if(order.begin(), order.end(), [focus](const wxWindow* field) {
        return focus && field && (focus == field || focus->GetParent() == field);
    });
    if (at == order.end())
        return false;
    const int count = static_cast<int>(order.size());
    int index = static_cast<int>(at - order.begin());
    for (int tries = 0; tries < count; ++tries) {
        index = (index + step + count) % count;
        if (order[index] && order[index]->IsEnabled() && order[index]->IsShownOnScreen()) {
            order[index]->SetFocus();
            return true;
        }
    }
    return false;
}

wxComboBox* QuickEntryDialog::FocusedList() const
{
    const wxWindow* focus = FindFocus();
    for (wxComboBox* list : {m_channel, m_meeting, m_neighbourhood, m_card, m_profile, m_ageBracket})
        if (focus && (focus == list || focus->GetParent() == list))
            return list;
    return nullptr;
}

void QuickEntryDialog::ListChosen(wxComboBox* list)
{
    if (list == m_channel)
        OnChannelChosen();
    else if (list == m_meeting)
        OnMeetingChosen();
}

bool QuickEntryDialog::SelectNeighbour(wxComboBox* list, int step)
{
    const int target = list->GetSelection() + step;
    if (target < 0 || target >= static_cast<int>(list->GetCount()))
        return false;
    list->SetSelection(target);
    ListChosen(list);
    return true;
}

bool QuickEntryDialog::SelectByFirstLetter(wxComboBox* list, wxChar letter)
{
    const wxChar wanted = FoldedInitial(wxString(letter));
    const int count = static_cast<int>(list->GetCount());
    // Item 0 of most lists is "(not given)": reached with the arrows, not by a letter.
    const bool skipFirst = list != m_channel;
    for (int step = 1; step <= count; ++step) {
        const int index = (list->GetSelection() + step) % count; // from the first item when none is chosen
        if ((skipFirst && index == 0) || FoldedInitial(list->GetString(index)) != wanted)
            continue;
        list->SetSelection(index);
        ListChosen(list);
        return true;
    }
    return false;
}

bool QuickEntryDialog::SaveEntry()
{
    if (!m_loaded)
        return false;
    Contribution contribution;
    contribution.channelId = ChannelId();
    if (contribution.channelId.empty()) {
        ShowProblem(Field::Channel, _("Channel: choose where the slips come from. Nothing was saved."));
        return false;
    }
    wxString body = m_text->GetValue();
    body.Trim(true).Trim(false);
    if (body.empty()) {
        ShowProblem(Field::Text, _("Text: type the contribution before pressing Enter. Nothing was saved."));
        return false;
    }
    const auto received = ParseDayTime(m_receivedAt->GetValue());
    if (!received) {
        ShowProblem(Field::ReceivedAt, _("Received: type the date as DD/MM/YYYY HH:MM, for example 23/09/2023 "
                                         "09:30. Nothing was saved."));
        return false;
    }
    contribution.meetingId = MeetingId();
    contribution.neighbourhoodId = SelectedId(m_neighbourhood, m_neighbourhoodIds);
    contribution.cardId = SelectedId(m_card, m_cardIds);
    contribution.receivedAt = *received;
    contribution.body = body.utf8_string();
    contribution.title = wxString(m_title->GetValue()).Trim(true).Trim(false).utf8_string();
    contribution.profile = ChoiceValue(m_profile);
    contribution.ageBracket = ChoiceValue(m_ageBracket);
    contribution.sourceRef = wxString(m_slip->GetValue()).Trim(true).Trim(false).utf8_string();
    contribution.isQuote = m_quote->GetValue();
    if (!SaveContribution(contribution))
        return false;

    m_saved.push_back(contribution);
    const long row = m_session->InsertItem(0, wxString::FromUTF8(contribution.sourceRef));
    m_session->SetItem(row, 1, wxString::FromUTF8(contribution.profile));
    m_session->SetItem(row, 2, FirstLine(contribution.body));
    ClearPerSlipFields();
    if (!contribution.sourceRef.empty())
        m_slip->ChangeValue(wxString::FromUTF8(IncrementTrailingNumber(contribution.sourceRef)));
    m_slipTouched = true; // a late suggestion must not undo the increment
    ShowNotice(contribution.sourceRef.empty()
                   ? _("Contribution saved.")
                   : wxString::Format(_("Contribution %s saved."), wxString::FromUTF8(contribution.sourceRef)));
    UpdateSummary();
    m_text->SetFocus();
    return true;
}

bool QuickEntryDialog::UndoLastEntry()
{
    if (m_saved.empty()) {
        ShowNotice(_("Nothing to undo: no contribution has been saved from this window yet."));
        return false;
    }
    const Contribution last = m_saved.back();
    if (!RemoveContribution(last))
        return false;
    m_saved.pop_back();
    m_session->DeleteItem(0);
    const bool restored = wxString(m_text->GetValue()).Trim(true).Trim(false).empty();
    if (restored)
        RestoreEntry(last);
    const wxString slip = m_slip->GetValue();
    if (!last.sourceRef.empty() && (slip.empty() || slip.utf8_string() == IncrementTrailingNumber(last.sourceRef)))
        m_slip->ChangeValue(wxString::FromUTF8(last.sourceRef));
    const wxString what = last.sourceRef.empty()
                              ? wxString(_("The last contribution"))
                              : wxString::Format(_("Contribution %s"), wxString::FromUTF8(last.sourceRef));
    ShowNotice(restored ? wxString::Format(_("%s was removed; its text is back in the form to be corrected."), what)
                        : wxString::Format(_("%s was removed."), what));
    UpdateSummary();
    m_text->SetFocus();
    return true;
}

void QuickEntryDialog::ClearPerSlipFields()
{
    m_text->Clear();
    m_title->Clear();
    m_profile->SetSelection(0);
    m_ageBracket->SetSelection(0);
    m_quote->SetValue(false);
}

void QuickEntryDialog::RestoreEntry(const Contribution& contribution)
{
    m_text->ChangeValue(wxString::FromUTF8(contribution.body));
    m_text->SetInsertionPointEnd();
    m_title->ChangeValue(wxString::FromUTF8(contribution.title));
    SelectText(m_profile, contribution.profile);
    SelectText(m_ageBracket, contribution.ageBracket);
    m_quote->SetValue(contribution.isQuote);
}

wxString QuickEntryDialog::TargetName() const
{
    if (const Meeting* meeting = FindMeeting(MeetingId()))
        return wxString::FromUTF8(meeting->title);
    return m_channel->GetStringSelection();
}

void QuickEntryDialog::UpdateSummary()
{
    const std::string channel = ChannelId(), meeting = MeetingId();
    const auto count = std::count_if(m_saved.begin(), m_saved.end(), [&](const Contribution& c) {
        return c.channelId == channel && c.meetingId == meeting;
    });
    wxString summary;
    if (channel.empty())
        summary = _("Choose the channel, then type the first contribution.");
    else if (count == 0)
        summary = wxString::Format(_("No contribution entered yet for %s."), TargetName());
    else
        summary = wxString::Format(
            wxPLURAL("%d contribution entered for %s", "%d contributions entered for %s", static_cast<int>(count)),
            static_cast<int>(count), TargetName());
    if (static_cast<size_t>(count) != m_saved.size())
        summary += " " + wxString::Format(_("(%d in all from this window)"), static_cast<int>(m_saved.size()));
    m_summary->SetLabel(summary);
}

void QuickEntryDialog::ShowProblem(Field field, const wxString& message)
{
    ShowMessage(message, true);
    if (wxWindow* window = FieldWindow(field))
        window->SetFocus();
}

void QuickEntryDialog::ShowNotice(const wxString& message)
{
    ShowMessage(message, false);
}

void QuickEntryDialog::ShowMessage(const wxString& message, bool problem)
{
    m_messageText = message;
    m_message->SetForegroundColour(problem ? kProblemColour : kNoticeColour);
    m_message->SetLabel(message);
    m_message->Wrap(m_message->GetParent()->GetClientSize().GetWidth() - 2 * SmallGap());
    m_message->GetParent()->Layout();
    Layout();
}

wxString QuickEntryDialog::SummaryText() const
{
    return m_summary->GetLabel();
}

wxString QuickEntryDialog::MessageText() const
{
    return m_messageText;
}

} // namespace concerto
