#include "dialogs/export_dialog.h"

#include "dialogs/import_wizard.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/filename.h>
#include <wx/filepicker.h>
#include <wx/gauge.h>
#include <wx/intl.h>
#include <wx/radiobox.h>
#include <wx/settings.h>
#include <wx/stattext.h>

namespace concerto {

namespace {

constexpr int kGaugeRange = 1000;

/// The file name proposed for a kind: « contributions.xlsx », « engagements.xlsx »…
wxString DefaultName(ImportKind kind)
{
    return wxString::FromUTF8(FrenchName(kind)) + ".xlsx";
}

} // namespace

ExportDialog::ExportDialog(wxWindow* parent, const wxString& consultationTitle, const wxString& folder,
                           std::function<wxString(long long)> formatCount)
    : StandardDialog(parent, _("Export"), wxOK | wxCANCEL), m_formatCount(std::move(formatCount)), m_folder(folder)
{
    if (!m_formatCount)
        m_formatCount = [](long long value) { return wxString::Format("%lld", value); };
    AddParagraph(
        wxString::Format(_("Writes a table of the consultation « %s » in Concerto's import format: edited in a "
                           "spreadsheet, the file can be imported again to apply the changes."),
                         consultationTitle),
        520);
    const wxString kinds[] = {_("Contributions"), _("Commitments of the programme"), _("Meetings")};
    m_kind = new wxRadioBox(this, wxID_ANY, _("What to export"), wxDefaultPosition, wxDefaultSize, 3, kinds, 1,
                            wxRA_SPECIFY_COLS);
    ContentSizer()->Add(m_kind, WideFlags().Border(wxBOTTOM, LargeGap()));
    auto* grid = AddFieldGrid();
    m_file = new wxFilePickerCtrl(
        this, wxID_ANY, wxFileName(folder, DefaultName(ImportKind::Contributions)).GetFullPath(), _("Export to"),
        _("Excel workbooks (*.xlsx)|*.xlsx|CSV files (*.csv)|*.csv"), wxDefaultPosition, FromDIP(wxSize(420, -1)),
        wxFLP_SAVE | wxFLP_OVERWRITE_PROMPT | wxFLP_USE_TEXTCTRL);
    AddField(grid, _("&File:"), m_file);
    TranslateBrowseButton(m_file);
    m_format = new wxStaticText(this, wxID_ANY, wxString());
    m_format->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    AddField(grid, wxString(), m_format);
    m_gauge = new wxGauge(this, wxID_ANY, kGaugeRange);
    ContentSizer()->Add(m_gauge, WideFlags().Border(wxTOP, LargeGap()));
    m_status = new wxStaticText(this, wxID_ANY, wxString());
    ContentSizer()->Add(m_status, WideFlags().Border(wxTOP, SmallGap()));
    SetAffirmativeLabel(_("&Export"));
    FinishLayout();
    m_ok = wxDynamicCast(FindWindow(wxID_OK), wxButton);
    m_cancel = wxDynamicCast(FindWindow(wxID_CANCEL), wxButton);
    m_cancel->SetLabel(_("Close"));
    UpdateFormat();
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { Submit(); }, wxID_OK);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { OnCancel(); }, wxID_CANCEL);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
        if (m_running && event.CanVeto()) {
            m_closeWhenStopped = true;
            StopExport();
            event.Veto();
            return;
        }
        Destroy();
    });
    m_kind->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent&) { OnKindChanged(); });
    m_file->Bind(wxEVT_FILEPICKER_CHANGED, [this](wxFileDirPickerEvent&) { UpdateFormat(); });
}

ImportKind ExportDialog::Kind() const
{
    const ImportKind kinds[] = {ImportKind::Contributions, ImportKind::Commitments, ImportKind::Meetings};
    return kinds[std::clamp(m_kind->GetSelection(), 0, 2)];
}

std::string ExportDialog::FilePath() const
{
    return m_file->GetPath().utf8_string();
}

bool ExportDialog::IsWorkbook() const
{
    return wxFileName(m_file->GetPath()).GetExt().Lower() == "xlsx";
}

void ExportDialog::ChooseFile(const wxString& path)
{
    m_file->SetPath(path);
    UpdateFormat();
}

void ExportDialog::ChooseKind(ImportKind kind)
{
    m_kind->SetSelection(kind == ImportKind::Commitments ? 1 : kind == ImportKind::Meetings ? 2 : 0);
    OnKindChanged();
}

void ExportDialog::OnKindChanged()
{
    // The proposed name follows the kind until the user names the file otherwise.
    wxFileName file(m_file->GetPath());
    for (ImportKind kind : {ImportKind::Contributions, ImportKind::Commitments, ImportKind::Meetings})
        if (file.GetName() == wxString::FromUTF8(FrenchName(kind))) {
            file.SetName(wxString::FromUTF8(FrenchName(Kind())));
            m_file->SetPath(file.GetFullPath());
            break;
        }
    UpdateFormat();
}

void ExportDialog::UpdateFormat()
{
    m_format->SetLabel(IsWorkbook() ? _("Format: Excel workbook (.xlsx)")
                                    : _("Format: CSV, UTF-8, comma-separated (any other extension than .xlsx)"));
    m_ok->Enable(!m_running && !m_file->GetPath().empty());
}

bool ExportDialog::Submit()
{
    if (m_running)
        return false;
    wxFileName file(m_file->GetPath());
    if (m_file->GetPath().empty() || !file.DirExists()) {
        m_status->SetLabel(_("Choose a file in an existing folder."));
        return false;
    }
    m_running = true;
    m_total = 0;
    m_gauge->SetValue(0);
    m_status->SetLabel(_("Exporting…"));
    m_ok->Disable();
    m_kind->Disable();
    m_file->Disable();
    m_cancel->SetLabel(_("Cancel"));
    StartExport(Kind(), FilePath());
    return true;
}

void ExportDialog::OnCancel()
{
    if (m_running)
        StopExport();
    else
        Close();
}

void ExportDialog::ShowPhase(const wxString& phase, unsigned long long total)
{
    m_total = total;
    m_status->SetLabel(phase);
    if (total == 0)
        m_gauge->Pulse();
    else
        m_gauge->SetValue(0);
}

void ExportDialog::ShowAdvance(unsigned long long done)
{
    if (m_total == 0)
        m_gauge->Pulse();
    else
        m_gauge->SetValue(static_cast<int>(std::min<unsigned long long>(done * kGaugeRange / m_total, kGaugeRange)));
}

void ExportDialog::ShowEnd(unsigned long long rows, const wxString& error, bool cancelled)
{
    m_running = false;
    if (m_closeWhenStopped) {
        Destroy();
        return;
    }
    m_kind->Enable();
    m_file->Enable();
    m_cancel->SetLabel(_("Close"));
    m_gauge->SetValue(error.empty() && !cancelled ? kGaugeRange : 0);
    if (cancelled)
        m_status->SetLabel(_("Export cancelled: no file was written."));
    else if (!error.empty())
        m_status->SetLabel(error);
    else
        m_status->SetLabel(wxString::Format(_("Rows written: %s, in %s."), m_formatCount(static_cast<long long>(rows)),
                                            wxFileName(m_file->GetPath()).GetFullName()));
    m_status->Wrap(FromDIP(520));
    UpdateFormat();
    Layout();
    Fit();
}

wxString ExportDialog::StatusText() const
{
    return m_status->GetLabel();
}

} // namespace concerto
