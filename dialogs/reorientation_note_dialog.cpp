#include "dialogs/reorientation_note_dialog.h"

#include "dialogs/form_fields.h"

#include <cstdio>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {

wxString Trimmed(const wxTextCtrl* text)
{
    wxString value = text->GetValue();
    return value.Trim(true).Trim(false);
}

} // namespace

wxString FormatFrenchDay(const Date& day)
{
    return wxString::Format("%02d/%02d/%04d", day.day, day.month, day.year);
}

std::optional<Date> ParseFrenchDay(const wxString& input)
{
    wxString text = input;
    const std::string utf8 = text.Trim(true).Trim(false).utf8_string();
    int day = 0, month = 0, year = 0, yearStart = 0, used = 0;
    if (std::sscanf(utf8.c_str(), "%d/%d/%n%d%n", &day, &month, &yearStart, &year, &used) != 3 ||
        used != static_cast<int>(utf8.size()))
        return std::nullopt;
    if (used - yearStart == 2)
        year += 2000;
    else if (used - yearStart != 4)
        return std::nullopt;
    if (!IsValidDay(year, month, day))
        return std::nullopt;
    return Date{year, month, day};
}

// ---- Note -------------------------------------------------------------------------------------

ReorientationNoteDialog::ReorientationNoteDialog(wxWindow* parent, const wxString& pointTitle, const Date& today)
    : StandardDialog(parent, _("Add a note"), wxOK | wxCANCEL, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER), m_day(today)
{
    AddParagraph(wxString::Format(_("A dated follow-up note on the point “%s”: what was done, decided or "
                                    "scheduled."),
                                  pointTitle),
                 460);
    auto* grid = AddFieldGrid();
    m_dayField = new wxTextCtrl(this, wxID_ANY, FormatFrenchDay(today), wxDefaultPosition, FromDIP(wxSize(120, -1)));
    m_dayField->SetName("day");
    AddFieldLine(this, grid, _("Date:"), ControlWithHint(this, m_dayField, _("DD/MM/YYYY"), SmallGap()));
    m_bodyField =
        new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(420, 120)), wxTE_MULTILINE);
    m_bodyField->SetName("text");
    grid->Add(new wxStaticText(this, wxID_ANY, _("Note:")), wxSizerFlags().Right().Top().Border(wxTOP, 4));
    grid->Add(m_bodyField, wxSizerFlags(1).Expand());
    grid->AddGrowableRow(grid->GetEffectiveRowsCount() - 1, 1);
    m_problem = NewProblemLine(this);
    ContentSizer()->Add(m_problem, WideFlags().Border(wxTOP, SmallGap()));
    SetAffirmativeLabel(_("Add"));
    FinishLayout();
    SetMinSize(GetSize());
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { Submit(); }, wxID_OK);
    m_bodyField->SetFocus();
}

bool ReorientationNoteDialog::TransferDataFromWindow()
{
    const auto day = ParseFrenchDay(Trimmed(m_dayField));
    if (!day) {
        ShowInlineProblem(m_problem, _("Date: type the day as DD/MM/YYYY, for example 16/01/2024."), 420);
        m_dayField->SetFocus();
        return false;
    }
    const std::string body = wxString(m_bodyField->GetValue()).Trim(true).Trim(false).utf8_string();
    if (body.empty()) {
        ShowInlineProblem(m_problem, _("Note: write what happened or what was decided."), 420);
        m_bodyField->SetFocus();
        return false;
    }
    m_day = *day;
    m_body = body;
    return true;
}

bool ReorientationNoteDialog::Submit()
{
    return SubmitForm(*this, {});
}

// ---- Commitment born from a point -------------------------------------------------------------

PointCommitmentDialog::PointCommitmentDialog(wxWindow* parent, const wxString& pointTitle,
                                             const std::vector<ThemeChoice>& themes, const CommitmentValues& values)
    : StandardDialog(parent, _("New commitment from the point"), wxOK | wxCANCEL,
                     wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_themes(themes), m_values(values)
{
    AddParagraph(wxString::Format(_("The commitment is born from the point “%s” at the restitution: it is linked to "
                                    "the point as a new commitment and its history starts on the day of the "
                                    "point's meeting."),
                                  pointTitle),
                 500);
    auto* grid = AddFieldGrid();
    m_theme = new wxChoice(this, wxID_ANY);
    m_theme->SetName("theme");
    for (const auto& theme : m_themes)
        m_theme->Append(theme.label);
    AddField(grid, _("Theme:"), m_theme);
    m_ref = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(140, -1)));
    m_ref->SetName("reference");
    AddFieldLine(this, grid, _("Reference:"),
                 ControlWithHint(this, m_ref, _("the next free NOUV number is suggested"), SmallGap()));
    m_title = new wxTextCtrl(this, wxID_ANY);
    m_title->SetName("title");
    AddField(grid, _("Title:"), m_title);
    m_status = new wxChoice(this, wxID_ANY);
    m_status->SetName("status");
    for (CommitmentStatus status : AllCommitmentStatuses())
        m_status->Append(CommitmentStatusLabel(status));
    AddField(grid, _("Status:"), m_status);
    m_description =
        new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(440, 100)), wxTE_MULTILINE);
    m_description->SetName("description");
    grid->Add(new wxStaticText(this, wxID_ANY, _("Description:")), wxSizerFlags().Right().Top().Border(wxTOP, 4));
    grid->Add(m_description, wxSizerFlags(1).Expand());
    grid->AddGrowableRow(grid->GetEffectiveRowsCount() - 1, 1);
    m_problem = NewProblemLine(this);
    ContentSizer()->Add(m_problem, WideFlags().Border(wxTOP, SmallGap()));
    SetAffirmativeLabel(_("Create"));
    FinishLayout();
    SetMinSize(GetSize());
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { Submit(); }, wxID_OK);
}

bool PointCommitmentDialog::TransferDataToWindow()
{
    m_theme->SetSelection(wxNOT_FOUND);
    for (std::size_t i = 0; i < m_themes.size(); ++i)
        if (m_themes[i].id == m_values.themeId)
            m_theme->SetSelection(static_cast<int>(i));
    m_ref->ChangeValue(wxString::FromUTF8(m_values.ref));
    m_title->ChangeValue(wxString::FromUTF8(m_values.title));
    m_description->ChangeValue(wxString::FromUTF8(m_values.description));
    const auto& statuses = AllCommitmentStatuses();
    for (std::size_t i = 0; i < statuses.size(); ++i)
        if (statuses[i] == m_values.status)
            m_status->SetSelection(static_cast<int>(i));
    (m_theme->GetSelection() == wxNOT_FOUND ? static_cast<wxWindow*>(m_theme) : m_title)->SetFocus();
    return true;
}

bool PointCommitmentDialog::Refuse(const wxString& message, wxWindow* field)
{
    ShowInlineProblem(m_problem, message, 460);
    field->SetFocus();
    return false;
}

bool PointCommitmentDialog::TransferDataFromWindow()
{
    CommitmentValues typed = m_values;
    if (m_theme->GetSelection() == wxNOT_FOUND)
        return Refuse(_("Theme: choose the theme of the programme the commitment belongs to."), m_theme);
    typed.themeId = m_themes[static_cast<std::size_t>(m_theme->GetSelection())].id;
    typed.ref = Trimmed(m_ref).utf8_string();
    if (typed.ref.empty())
        return Refuse(_("Reference: give the commitment a short reference, such as NOUV-3."), m_ref);
    typed.title = Trimmed(m_title).utf8_string();
    if (typed.title.empty())
        return Refuse(_("Title: say what the city commits to."), m_title);
    typed.description = wxString(m_description->GetValue()).Trim(true).utf8_string();
    typed.status = AllCommitmentStatuses()[static_cast<std::size_t>(std::max(0, m_status->GetSelection()))];
    typed.origin = "restitution";
    m_values = typed;
    return true;
}

void PointCommitmentDialog::ShowError(const wxString& message, bool onReference)
{
    ShowInlineProblem(m_problem, message, 460);
    if (onReference)
        m_ref->SetFocus();
}

bool PointCommitmentDialog::Submit()
{
    return SubmitForm(*this, [this] { return !m_accept || m_accept(m_values); });
}

} // namespace concerto
