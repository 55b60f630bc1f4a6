#include "dialogs/commitment_dialog.h"

#include <cmath>
#include <wx/choice.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {
// Dark enough for white text never to be needed, distinct for colour-blind readers in hue
// and lightness (Tango palette, as the dashboard).
const wxColour kDone(0x4E, 0x9A, 0x06);
const wxColour kInProgress(0x34, 0x65, 0xA4);
const wxColour kPlanned(0xF5, 0x79, 0x00);
const wxColour kDropped(0x88, 0x8A, 0x85);

const wxColour kErrorColour(0xCC, 0x00, 0x00);

int IndexOf(CommitmentStatus status)
{
    const auto& all = AllCommitmentStatuses();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i] == status)
            return static_cast<int>(i);
    return 0;
}
} // namespace

wxString CommitmentStatusLabel(CommitmentStatus status)
{
    switch (status) {
    case CommitmentStatus::Done:
        return wxGETTEXT_IN_CONTEXT("commitment status", "Done");
    case CommitmentStatus::InProgress:
        return wxGETTEXT_IN_CONTEXT("commitment status", "In progress");
    case CommitmentStatus::Planned:
        return wxGETTEXT_IN_CONTEXT("commitment status", "Planned");
    case CommitmentStatus::Dropped:
        return wxGETTEXT_IN_CONTEXT("commitment status", "Dropped");
    }
    return wxString();
}

wxColour CommitmentStatusColour(CommitmentStatus status)
{
    switch (status) {
    case CommitmentStatus::Done:
        return kDone;
    case CommitmentStatus::InProgress:
        return kInProgress;
    case CommitmentStatus::Planned:
        return kPlanned;
    case CommitmentStatus::Dropped:
        return kDropped;
    }
    return kDropped;
}

wxBitmap CommitmentStatusMarker(CommitmentStatus status, int size)
{
    // Drawn pixel by pixel with an antialiased edge: wxDC cannot draw alpha on every platform.
    const wxColour colour = CommitmentStatusColour(status);
    wxImage image(size, size);
    image.InitAlpha();
    const double centre = (size - 1) / 2.0, radius = size / 2.0 - 0.5;
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            const double distance = std::hypot(x - centre, y - centre);
            const double cover = std::max(0.0, std::min(1.0, radius - distance + 0.5));
            image.SetRGB(x, y, colour.Red(), colour.Green(), colour.Blue());
            image.SetAlpha(x, y, static_cast<unsigned char>(cover * 255));
        }
    return wxBitmap(image);
}

const std::vector<CommitmentStatus>& AllCommitmentStatuses()
{
    static const std::vector<CommitmentStatus> all = {CommitmentStatus::Done, CommitmentStatus::InProgress,
                                                      CommitmentStatus::Planned, CommitmentStatus::Dropped};
    return all;
}

CommitmentDialog::CommitmentDialog(wxWindow* parent, bool isNew, const std::vector<ThemeChoice>& themes,
                                   const CommitmentValues& values)
    : StandardDialog(parent, isNew ? _("New commitment") : _("Edit the commitment")), m_isNew(isNew), m_themes(themes),
      m_values(values)
{
    auto* grid = AddFieldGrid();
    m_theme = new wxChoice(this, wxID_ANY);
    for (const auto& theme : m_themes)
        m_theme->Append(theme.label);
    AddField(grid, _("Theme:"), m_theme);

    m_ref = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(140, -1)));
    m_ref->SetHint(_("e.g. MOB-04"));
    m_ref->SetMaxLength(40);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Reference:")), wxSizerFlags().Right().CenterVertical());
    grid->Add(m_ref, wxSizerFlags().CenterVertical()); // a short code: no need for the full width

    m_title = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(480, -1)));
    AddField(grid, _("Title:"), m_title);

    m_description = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(480, 110)),
                                   wxTE_MULTILINE | wxTE_WORDWRAP);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Description:")), wxSizerFlags().Right().Top().Border(wxTOP, 4));
    grid->Add(m_description, wxSizerFlags().Expand());
    grid->AddGrowableRow(3, 1);

    m_status = new wxChoice(this, wxID_ANY);
    for (auto status : AllCommitmentStatuses())
        m_status->Append(CommitmentStatusLabel(status));
    AddField(grid, _("Status:"), m_status);
    grid->AddSpacer(0);
    m_statusHint = new wxStaticText(this, wxID_ANY,
                                    isNew ? _("Recorded in the status history with today's date.")
                                          : _("A new status is recorded in the history with today's date; to "
                                              "choose the date, use “Change the status…” instead."));
    m_statusHint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_statusHint->Wrap(FromDIP(480));
    grid->Add(m_statusHint);

    m_origin = new wxChoice(this, wxID_ANY);
    m_origin->Append(_("Municipal programme"));
    m_origin->Append(_("Born at the restitution evening"));
    AddField(grid, _("Origin:"), m_origin);

    m_error = new wxStaticText(this, wxID_ANY, wxString());
    // Names let assistive technology and tests find the fields.
    m_theme->SetName("theme");
    m_ref->SetName("reference");
    m_title->SetName("title");
    m_description->SetName("description");
    m_status->SetName("status");
    m_origin->SetName("origin");
    m_error->SetName("error");
    m_error->SetForegroundColour(kErrorColour);
    m_error->SetFont(m_error->GetFont().Bold());
    ContentSizer()->Add(m_error, wxSizerFlags().Border(wxTOP, LargeGap()));
    m_error->Hide();

    SetAffirmativeLabel(isNew ? _("Create") : _("Save"));
    FinishLayout();
    SetMinSize(GetSize());
}

void CommitmentDialog::ShowError(const wxString& message, bool onReference)
{
    ShowInlineProblem(m_error, message, 600);
    if (onReference) {
        m_ref->SetFocus();
        m_ref->SelectAll();
    }
}

bool CommitmentDialog::Refuse(const wxString& message, wxWindow* field)
{
    ShowError(message);
    field->SetFocus();
    return false;
}

bool CommitmentDialog::TransferDataToWindow()
{
    int theme = 0;
    for (std::size_t i = 0; i < m_themes.size(); ++i)
        if (m_themes[i].id == m_values.themeId)
            theme = static_cast<int>(i);
    if (!m_themes.empty())
        m_theme->SetSelection(theme);
    m_ref->ChangeValue(wxString::FromUTF8(m_values.ref));
    m_title->ChangeValue(wxString::FromUTF8(m_values.title));
    m_description->ChangeValue(wxString::FromUTF8(m_values.description));
    m_status->SetSelection(IndexOf(m_values.status));
    m_origin->SetSelection(m_values.origin == "restitution" ? 1 : 0);
    (m_isNew ? m_ref : m_title)->SetFocus();
    return true;
}

bool CommitmentDialog::TransferDataFromWindow()
{
    CommitmentValues values;
    const int theme = m_theme->GetSelection();
    if (theme == wxNOT_FOUND || theme >= static_cast<int>(m_themes.size()))
        return Refuse(_("Theme: choose the theme the commitment belongs to."), m_theme);
    values.themeId = m_themes[theme].id;
    values.ref = m_ref->GetValue().Strip(wxString::both).utf8_string();
    if (values.ref.empty())
        return Refuse(_("Reference: enter a short reference, such as MOB-04."), m_ref);
    values.title = m_title->GetValue().Strip(wxString::both).utf8_string();
    if (values.title.empty())
        return Refuse(_("Title: enter the commitment's title."), m_title);
    values.description = m_description->GetValue().Strip(wxString::both).utf8_string();
    values.status = AllCommitmentStatuses()[std::max(0, m_status->GetSelection())];
    values.origin = m_origin->GetSelection() == 1 ? "restitution" : "programme";
    m_values = values;
    if (m_accept && !m_accept(m_values))
        return false;
    return true;
}

} // namespace concerto
