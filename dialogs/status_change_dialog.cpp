#include "dialogs/status_change_dialog.h"

#include "dialogs/commitment_dialog.h"

#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {
wxDateTime ToWx(const Date& day)
{
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(day.day), static_cast<wxDateTime::Month>(day.month - 1),
                      day.year);
}

Date FromWx(const wxDateTime& when)
{
    return Date{when.GetYear(), static_cast<int>(when.GetMonth()) + 1, when.GetDay()};
}
} // namespace

CommitmentStatus StatusChangeDialog::NextStatus(CommitmentStatus current)
{
    switch (current) {
    case CommitmentStatus::Planned:
        return CommitmentStatus::InProgress;
    case CommitmentStatus::InProgress:
        return CommitmentStatus::Done;
    case CommitmentStatus::Done:
    case CommitmentStatus::Dropped:
        return CommitmentStatus::InProgress; // reopened
    }
    return CommitmentStatus::InProgress;
}

StatusChangeDialog::StatusChangeDialog(wxWindow* parent, const wxString& commitment, CommitmentStatus current,
                                       const Date& today)
    : StandardDialog(parent, _("Change the status"))
{
    m_values.status = NextStatus(current);
    m_values.effectiveOn = today;

    auto* heading = AddParagraph(commitment, 460);
    heading->SetFont(heading->GetFont().Bold());

    auto* now = new wxBoxSizer(wxHORIZONTAL);
    now->Add(new wxStaticText(this, wxID_ANY, _("Current status:")), wxSizerFlags().CenterVertical());
    now->Add(new wxStaticBitmap(this, wxID_ANY, CommitmentStatusMarker(current, FromDIP(10))),
             wxSizerFlags().CenterVertical().Border(wxLEFT, SmallGap()));
    now->Add(new wxStaticText(this, wxID_ANY, CommitmentStatusLabel(current)),
             wxSizerFlags().CenterVertical().Border(wxLEFT, SmallGap() / 2));
    ContentSizer()->Add(now, wxSizerFlags().Border(wxBOTTOM, SmallGap()));

    auto* grid = AddFieldGrid();
    m_status = new wxChoice(this, wxID_ANY);
    for (auto status : AllCommitmentStatuses())
        m_status->Append(CommitmentStatusLabel(status));
    AddField(grid, _("New status:"), m_status);

    m_date = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                  wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Effective on:")), wxSizerFlags().Right().CenterVertical());
    grid->Add(m_date, wxSizerFlags().CenterVertical());

    m_comment = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(420, 90)),
                               wxTE_MULTILINE | wxTE_WORDWRAP);
    m_comment->SetHint(_("e.g. Works delivered, council decision of 12 June"));
    grid->Add(new wxStaticText(this, wxID_ANY, _("Comment:")), wxSizerFlags().Right().Top().Border(wxTOP, 4));
    grid->Add(m_comment, wxSizerFlags().Expand());
    grid->AddGrowableRow(2, 1);

    m_error = new wxStaticText(this, wxID_ANY, wxString());
    // Names let assistive technology and tests find the fields.
    m_status->SetName("status");
    m_date->SetName("effective on");
    m_comment->SetName("comment");
    m_error->SetName("error");
    m_error->SetForegroundColour(wxColour(0xCC, 0x00, 0x00));
    m_error->SetFont(m_error->GetFont().Bold());
    ContentSizer()->Add(m_error, wxSizerFlags().Border(wxTOP, LargeGap()));
    m_error->Hide();

    SetAffirmativeLabel(_("Record"));
    FinishLayout();
    SetMinSize(GetSize());
}

void StatusChangeDialog::ShowError(const wxString& message)
{
    ShowInlineProblem(m_error, message, 520);
}

bool StatusChangeDialog::TransferDataToWindow()
{
    const auto& all = AllCommitmentStatuses();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i] == m_values.status)
            m_status->SetSelection(static_cast<int>(i));
    m_date->SetValue(ToWx(m_values.effectiveOn));
    m_comment->ChangeValue(wxString::FromUTF8(m_values.comment));
    m_status->SetFocus();
    return true;
}

bool StatusChangeDialog::TransferDataFromWindow()
{
    StatusChangeValues values;
    values.status = AllCommitmentStatuses()[std::max(0, m_status->GetSelection())];
    const wxDateTime when = m_date->GetValue();
    if (!when.IsValid()) {
        ShowError(_("Effective on: choose the day the new status took effect."));
        m_date->SetFocus();
        return false;
    }
    values.effectiveOn = FromWx(when);
    values.comment = m_comment->GetValue().Strip(wxString::both).utf8_string();
    m_values = values;
    return !m_accept || m_accept(m_values);
}

} // namespace concerto
