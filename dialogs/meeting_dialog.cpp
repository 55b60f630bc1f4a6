#include "dialogs/meeting_dialog.h"

#include "dialogs/form_fields.h"

#include <cstdio>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/datetime.h>
#include <wx/intl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {

constexpr MeetingKind kKinds[] = {MeetingKind::Ordinary, MeetingKind::Agora, MeetingKind::Restitution};

wxDateTime Local(const Timestamp& when)
{
    return wxDateTime(static_cast<time_t>(when.seconds));
}

wxString Trimmed(const wxTextCtrl* text)
{
    wxString value = text->GetValue();
    return value.Trim(true).Trim(false);
}

// Reads "HH:MM", "HHhMM", "HH h MM" or "HH" (as people write times in French); false otherwise.
bool ParseTimeOfDay(const std::string& text, int& hour, int& minute)
{
    hour = minute = 0;
    char separator = 0;
    int used = 0;
    if (text.empty())
        return false;
    if (std::sscanf(text.c_str(), "%d %c %d %n", &hour, &separator, &minute, &used) == 3) {
        if (separator != ':' && separator != 'h' && separator != 'H')
            return false;
    } else if (std::sscanf(text.c_str(), "%d %c %n", &hour, &separator, &used) == 2 &&
               (separator == 'h' || separator == 'H')) {
        minute = 0;
    } else if (std::sscanf(text.c_str(), "%d %n", &hour, &used) == 1) {
        minute = 0;
    } else {
        return false;
    }
    return used == static_cast<int>(text.size()) && hour >= 0 && hour < 24 && minute >= 0 && minute < 60;
}

// The Unix time of a local day and time, or nullopt when that moment does not exist.
std::optional<Timestamp> LocalInstant(int day, int month, int year, int hour, int minute)
{
    if (!IsValidDay(year, month, day))
        return std::nullopt;
    const wxDateTime local(static_cast<wxDateTime::wxDateTime_t>(day), static_cast<wxDateTime::Month>(month - 1), year,
                           static_cast<wxDateTime::wxDateTime_t>(hour), static_cast<wxDateTime::wxDateTime_t>(minute));
    if (!local.IsValid())
        return std::nullopt;
    return Timestamp{static_cast<std::int64_t>(local.GetTicks())};
}

} // namespace

wxString FormatDayTime(const Timestamp& when)
{
    return Local(when).Format("%d/%m/%Y %H:%M");
}

wxString FormatDay(const Timestamp& when)
{
    return Local(when).Format("%d/%m/%Y");
}

wxString FormatTimeOfDay(const Timestamp& when)
{
    return Local(when).Format("%H:%M");
}

std::optional<Timestamp> ParseDayTime(const wxString& input)
{
    wxString text = input;
    text.Trim(true).Trim(false);
    const std::string utf8 = text.utf8_string();
    int day = 0, month = 0, year = 0, yearStart = 0, used = 0;
    if (std::sscanf(utf8.c_str(), "%d/%d/%n%d%n", &day, &month, &yearStart, &year, &used) != 3)
        return std::nullopt;
    // "23/09/23" is read as 2023; any other year must be written in full.
    if (used - yearStart == 2)
        year += 2000;
    else if (used - yearStart != 4)
        return std::nullopt;
    std::string rest = utf8.substr(used);
    rest.erase(0, rest.find_first_not_of(' '));
    int hour = 0, minute = 0;
    if (!rest.empty() && !ParseTimeOfDay(rest, hour, minute))
        return std::nullopt;
    return LocalInstant(day, month, year, hour, minute);
}

wxString MeetingKindLabel(MeetingKind kind)
{
    switch (kind) {
    case MeetingKind::Agora:
        return wxGETTEXT_IN_CONTEXT("meeting kind", "Agora");
    case MeetingKind::Restitution:
        return wxGETTEXT_IN_CONTEXT("meeting kind", "Restitution");
    case MeetingKind::Ordinary:
        break;
    }
    return wxGETTEXT_IN_CONTEXT("meeting kind", "Ordinary");
}

MeetingDialog::MeetingDialog(wxWindow* parent, const MeetingChoices& choices, const Meeting& meeting, Saver save)
    : StandardDialog(parent,
                     meeting.id.empty() ? _("New meeting")
                                        : wxString::Format(_("Meeting %s"), wxString::FromUTF8(meeting.ref)),
                     wxOK | wxCANCEL, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_meeting(meeting), m_save(std::move(save))
{
    BuildForm(choices);
    SetAffirmativeLabel(meeting.id.empty() ? _("Create") : _("Save"));
    FinishLayout();
    SetMinSize(GetSize());
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { Submit(); }, wxID_OK);
}

void MeetingDialog::BuildForm(const MeetingChoices& choices)
{
    auto* grid = AddFieldGrid();
    const auto fixed = [this](int width) { return wxSize(FromDIP(width), -1); };
    auto row = [&](const wxString& label, wxWindow* first, const wxString& secondLabel = {}, wxWindow* second = nullptr,
                   int secondProportion = 1) {
        if (!second) {
            AddField(grid, label, first);
            return;
        }
        auto* line = new wxBoxSizer(wxHORIZONTAL);
        line->Add(first, wxSizerFlags().CenterVertical());
        line->AddSpacer(LargeGap());
        line->Add(new wxStaticText(this, wxID_ANY, secondLabel), wxSizerFlags().CenterVertical());
        line->AddSpacer(SmallGap());
        line->Add(second, wxSizerFlags(secondProportion).CenterVertical());
        AddFieldLine(this, grid, label, line);
    };

    m_channel = new wxChoice(this, wxID_ANY);
    for (const auto& channel : choices.channels) {
        m_channel->Append(wxString::FromUTF8(channel.name));
        m_channelIds.push_back(channel.id);
    }
    row(_("Channel:"), m_channel);

    m_ref = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, fixed(150));
    m_ref->SetHint(_("e.g. CAR-12"));
    m_kind = new wxChoice(this, wxID_ANY);
    for (MeetingKind kind : kKinds)
        m_kind->Append(MeetingKindLabel(kind));
    row(_("Reference:"), m_ref, _("Kind:"), m_kind);

    m_title = new wxTextCtrl(this, wxID_ANY);
    m_title->SetHint(_("e.g. Caravane citoyenne — Marché du Centre"));
    row(_("Title:"), m_title);

    m_start = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, fixed(150));
    m_start->SetHint(_("DD/MM/YYYY HH:MM"));
    m_end = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, fixed(70));
    m_end->SetHint(_("HH:MM"));
    row(_("Starts:"), m_start, _("Ends at:"), m_end, 0);

    m_place = new wxTextCtrl(this, wxID_ANY);
    m_place->SetHint(_("e.g. Marché Parmentier"));
    row(_("Place:"), m_place);

    wxArrayString kinds;
    for (const auto& kind : choices.placeKinds)
        kinds.Add(wxString::FromUTF8(kind));
    m_placeKind = new wxComboBox(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, kinds);
    row(_("Kind of place:"), m_placeKind);

    m_neighbourhood = new wxChoice(this, wxID_ANY);
    m_neighbourhood->Append(_("(not given)"));
    m_neighbourhoodIds.emplace_back();
    for (const auto& neighbourhood : choices.neighbourhoods) {
        m_neighbourhood->Append(wxString::FromUTF8(neighbourhood.name));
        m_neighbourhoodIds.push_back(neighbourhood.id);
    }
    row(_("Neighbourhood:"), m_neighbourhood);

    m_attendance = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, fixed(80));
    AddFieldLine(this, grid, _("Attendance:"),
                 ControlWithHint(this, m_attendance, _("people met (leave empty when not counted)"), SmallGap()));

    m_facilitators = new wxTextCtrl(this, wxID_ANY);
    row(_("Facilitators:"), m_facilitators);

    m_notes = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(420), FromDIP(70)),
                             wxTE_MULTILINE);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Notes:")), wxSizerFlags().Right().Top().Border(wxTOP, 4));
    grid->Add(m_notes, wxSizerFlags(1).Expand());
    grid->AddGrowableRow(grid->GetEffectiveRowsCount() - 1, 1);

    m_problem = NewProblemLine(this);
    m_problem->SetMinSize(wxDefaultSize); // sized by its text, which changes
    ContentSizer()->Add(m_problem, WideFlags().Border(wxTOP, LargeGap()));

    const std::pair<wxWindow*, const char*> names[] = {{m_channel, "channel"},
                                                       {m_ref, "reference"},
                                                       {m_title, "title"},
                                                       {m_kind, "kind"},
                                                       {m_start, "start"},
                                                       {m_end, "end"},
                                                       {m_place, "place"},
                                                       {m_placeKind, "place-kind"},
                                                       {m_neighbourhood, "neighbourhood"},
                                                       {m_attendance, "attendance"},
                                                       {m_facilitators, "facilitators"},
                                                       {m_notes, "notes"}};
    for (const auto& [window, name] : names)
        window->SetName(name);
}

wxWindow* MeetingDialog::FieldWindow(Field field) const
{
    switch (field) {
    case Field::Channel:
        return m_channel;
    case Field::Reference:
        return m_ref;
    case Field::Title:
        return m_title;
    case Field::Kind:
        return m_kind;
    case Field::Start:
        return m_start;
    case Field::End:
        return m_end;
    case Field::Place:
        return m_place;
    case Field::PlaceKind:
        return m_placeKind;
    case Field::Neighbourhood:
        return m_neighbourhood;
    case Field::Attendance:
        return m_attendance;
    case Field::Facilitators:
        return m_facilitators;
    case Field::Notes:
        return m_notes;
    }
    return nullptr;
}

void MeetingDialog::SetMeeting(const Meeting& meeting)
{
    m_meeting = meeting;
    TransferDataToWindow();
}

void MeetingDialog::ShowProblem(Field field, const wxString& message)
{
    m_problemText = message;
    ShowProblemLine(*this, m_problem, message, 2 * LargeGap(), message.empty() ? nullptr : FieldWindow(field));
}

wxString MeetingDialog::ProblemText() const
{
    return m_problemText;
}

bool MeetingDialog::Refuse(Field field, const wxString& message)
{
    ShowProblem(field, message);
    return false;
}

bool MeetingDialog::TransferDataToWindow()
{
    auto select = [](wxChoice* choice, const std::vector<std::string>& ids, const std::string& id) {
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (ids[i] == id)
                return choice->SetSelection(static_cast<int>(i));
        choice->SetSelection(ids.empty() || !ids.front().empty() ? wxNOT_FOUND : 0);
    };
    select(m_channel, m_channelIds, m_meeting.channelId);
    m_ref->ChangeValue(wxString::FromUTF8(m_meeting.ref));
    m_title->ChangeValue(wxString::FromUTF8(m_meeting.title));
    for (std::size_t i = 0; i < std::size(kKinds); ++i)
        if (kKinds[i] == m_meeting.kind)
            m_kind->SetSelection(static_cast<int>(i));
    m_start->ChangeValue(m_meeting.startsAt.seconds != 0 ? FormatDayTime(m_meeting.startsAt) : wxString());
    m_end->ChangeValue(m_meeting.endsAt ? FormatTimeOfDay(*m_meeting.endsAt) : wxString());
    m_place->ChangeValue(wxString::FromUTF8(m_meeting.place));
    m_placeKind->ChangeValue(wxString::FromUTF8(m_meeting.placeKind));
    select(m_neighbourhood, m_neighbourhoodIds, m_meeting.neighbourhoodId);
    m_attendance->ChangeValue(m_meeting.attendance ? wxString::Format("%d", *m_meeting.attendance) : wxString());
    m_facilitators->ChangeValue(wxString::FromUTF8(m_meeting.facilitators));
    m_notes->ChangeValue(wxString::FromUTF8(m_meeting.notes));
    ShowProblem(Field::Channel, wxString());
    // The channel is usually known already: the reference is what is typed first.
    (m_channel->GetSelection() == wxNOT_FOUND ? static_cast<wxWindow*>(m_channel) : m_ref)->SetFocus();
    return true;
}

bool MeetingDialog::TransferDataFromWindow()
{
    Meeting typed = m_meeting;
    if (m_channel->GetSelection() == wxNOT_FOUND)
        return Refuse(Field::Channel, _("Channel: choose how this meeting collected contributions."));
    typed.channelId = m_channelIds[m_channel->GetSelection()];
    typed.ref = Trimmed(m_ref).utf8_string();
    if (typed.ref.empty())
        return Refuse(Field::Reference, _("Reference: give the meeting a short reference, such as CAR-12."));
    typed.title = Trimmed(m_title).utf8_string();
    if (typed.title.empty())
        return Refuse(Field::Title, _("Title: say what the meeting was, for example “Caravane citoyenne — Marché "
                                      "du Centre”."));
    typed.kind = kKinds[std::max(0, m_kind->GetSelection())];
    const auto start = ParseDayTime(Trimmed(m_start));
    if (!start)
        return Refuse(Field::Start, _("Starts: type the day and time as DD/MM/YYYY HH:MM, for example 23/09/2023 "
                                      "09:30."));
    typed.startsAt = *start;
    typed.endsAt.reset();
    if (const wxString end = Trimmed(m_end); !end.empty()) {
        const auto endsAt = ParseDayTime(FormatDay(*start) + " " + end);
        if (!endsAt)
            return Refuse(Field::End, _("Ends at: type the time as HH:MM, for example 12:30, or leave it empty."));
        if (endsAt->seconds < start->seconds)
            return Refuse(Field::End, _("Ends at: the meeting cannot end before it starts."));
        typed.endsAt = endsAt;
    }
    typed.place = Trimmed(m_place).utf8_string();
    typed.placeKind = wxString(m_placeKind->GetValue()).Trim(true).Trim(false).utf8_string();
    typed.neighbourhoodId = m_neighbourhoodIds[std::max(0, m_neighbourhood->GetSelection())];
    typed.attendance.reset();
    if (const wxString attendance = Trimmed(m_attendance); !attendance.empty()) {
        long people = -1;
        if (!attendance.ToLong(&people) || people < 0 || people > 1000000)
            return Refuse(Field::Attendance,
                          _("Attendance: type the number of people met (0 or more), or leave it empty."));
        typed.attendance = static_cast<int>(people);
    }
    typed.facilitators = Trimmed(m_facilitators).utf8_string();
    typed.notes = wxString(m_notes->GetValue()).Trim(true).utf8_string();
    m_meeting = typed;
    ShowProblem(Field::Channel, wxString());
    return true;
}

bool MeetingDialog::Submit()
{
    return SubmitForm(*this, [this] { return !m_save || m_save(*this, m_meeting); });
}

} // namespace concerto
