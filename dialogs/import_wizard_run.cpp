// The import wizard's last pages: the options, the simulation's report (counts, refused rows,
// changes to existing rows) and the import with its progress, cancel and summary.

#include "dialogs/import_wizard.h"

#include <algorithm>
#include <wx/checkbox.h>
#include <wx/filename.h>
#include <wx/filepicker.h>
#include <wx/gauge.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/stattext.h>

namespace concerto {

namespace {

// The gauge counts in thousandths so that phases of any size share one gauge.
constexpr int kGaugeRange = 1000;

wxListCtrl* NewReportList(wxWindow* parent, std::initializer_list<std::pair<wxString, int>> columns)
{
    auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_HRULES);
    for (const auto& [title, width] : columns)
        list->AppendColumn(title, wxLIST_FORMAT_LEFT, parent->FromDIP(width));
    return list;
}

wxString OneLine(const std::string& text)
{
    wxString line = wxString::FromUTF8(text);
    line.Replace("\r", "");
    line.Replace("\n", " ⏎ ");
    return line.Left(300);
}

/// A rejection's message without the « Fichier « x », ligne N » its Line column already shows.
wxString ReasonText(const ImportRejection& rejection)
{
    const std::string line = "ligne " + std::to_string(rejection.line);
    const auto at = rejection.message.find(line);
    if (rejection.line == 0 || at == std::string::npos || at > 200)
        return OneLine(rejection.message);
    std::string rest = rejection.message.substr(at + line.size());
    for (const char* separator : {", ", " : ", "\xC2\xA0: "})
        if (rest.rfind(separator, 0) == 0) {
            rest = rest.substr(std::string(separator).size());
            break;
        }
    return OneLine(rest);
}

} // namespace

wxWindow* ImportWizard::BuildOptionsPage(wxWindow* parent)
{
    auto* page = new wxPanel(parent);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    auto note = [&](const wxString& text) {
        auto* line = new wxStaticText(page, wxID_ANY, text);
        line->SetForegroundColour(grey);
        line->Wrap(FromDIP(780));
        auto* indented = new wxBoxSizer(wxHORIZONTAL);
        indented->AddSpacer(FromDIP(26));
        indented->Add(line);
        sizer->Add(indented, wxSizerFlags().Border(wxBOTTOM, LargeGap()));
    };
    m_createMissing =
        new wxCheckBox(page, wxID_ANY, _("&Create the missing themes, channels, neighbourhoods and labels"));
    sizer->Add(m_createMissing, wxSizerFlags().Border(wxBOTTOM, SmallGap()));
    note(_("Otherwise a row naming one that does not exist is refused. Meetings, cards and commitments are never "
           "created by an import."));
    m_skipInvalid = new wxCheckBox(page, wxID_ANY, _("S&kip the invalid rows and import the others"));
    sizer->Add(m_skipInvalid, wxSizerFlags().Border(wxBOTTOM, SmallGap()));
    auto* rejects = new wxBoxSizer(wxHORIZONTAL);
    rejects->AddSpacer(FromDIP(26));
    rejects->Add(new wxStaticText(page, wxID_ANY, _("Refused rows written to:")),
                 wxSizerFlags().CenterVertical().Border(wxRIGHT, SmallGap()));
    m_rejectsFile = new wxFilePickerCtrl(page, wxID_ANY, wxString(), _("File of the refused rows"),
                                         _("CSV files (*.csv)|*.csv"), wxDefaultPosition, wxDefaultSize,
                                         wxFLP_SAVE | wxFLP_OVERWRITE_PROMPT | wxFLP_USE_TEXTCTRL);
    rejects->Add(m_rejectsFile, wxSizerFlags(1).CenterVertical());
    sizer->Add(rejects, wxSizerFlags().Expand().Border(wxBOTTOM, SmallGap()));
    TranslateBrowseButton(m_rejectsFile);
    note(_("Otherwise one invalid row refuses the whole file, and nothing is imported."));
    note(_("Next, a simulation reads the whole file and shows what the import would create, change and refuse, "
           "without saving anything."));
    page->SetSizer(sizer);
    m_skipInvalid->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { UpdateRejectsPicker(); });
    return page;
}

void ImportWizard::UpdateRejectsPicker()
{
    m_rejectsFile->Enable(m_skipInvalid->GetValue());
    if (m_rejectsFile->GetPath().empty() && !m_file->GetPath().empty()) {
        wxFileName rejects(m_file->GetPath());
        rejects.SetName(wxString::Format(_("%s-refused"), rejects.GetName()));
        rejects.SetExt("csv");
        m_rejectsFile->SetPath(rejects.GetFullPath());
    }
}

ImportOptions ImportWizard::Options(bool dryRun) const
{
    ImportOptions options;
    options.kind = Kind();
    options.mapping = Mapping();
    options.file = ReadingOptions();
    options.dryRun = dryRun;
    options.skipInvalid = m_skipInvalid->GetValue();
    if (options.skipInvalid && !dryRun)
        options.rejectsPath = m_rejectsFile->GetPath().utf8_string();
    options.createMissing = m_createMissing->GetValue();
    return options;
}

wxWindow* ImportWizard::BuildSimulationPage(wxWindow* parent)
{
    auto* page = new wxPanel(parent);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_simulationText = new wxStaticText(page, wxID_ANY, wxString());
    m_simulationText->SetFont(m_simulationText->GetFont().Bold());
    sizer->Add(m_simulationText, wxSizerFlags().Expand().Border(wxBOTTOM, SmallGap()));
    m_simulationPhase = new wxStaticText(page, wxID_ANY, wxString());
    sizer->Add(m_simulationPhase, wxSizerFlags().Expand().Border(wxBOTTOM, SmallGap()));
    m_simulationGauge = new wxGauge(page, wxID_ANY, kGaugeRange);
    sizer->Add(m_simulationGauge, wxSizerFlags().Expand().Border(wxBOTTOM, SmallGap()));
    auto* tabs = new wxNotebook(page, wxID_ANY);
    tabs->SetName("report-tabs");
    m_rejections = NewReportList(tabs, {{_("Line"), 70}, {_("Reason"), 780}});
    m_changes = NewReportList(
        tabs, {{_("Line"), 60}, {_("Key"), 120}, {_("Field"), 130}, {_("Before"), 270}, {_("After"), 270}});
    tabs->AddPage(m_rejections, _("Refused rows"));
    tabs->AddPage(m_changes, _("Changes to existing rows"));
    sizer->Add(tabs, wxSizerFlags(1).Expand());
    page->SetSizer(sizer);
    // The lists cut long texts: a double-click (or Enter) shows the whole row.
    m_rejections->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) {
        const auto index = static_cast<size_t>(event.GetIndex());
        if (m_simulated && index < m_simulated->rejections.size())
            wxMessageBox(wxString::FromUTF8(m_simulated->rejections[index].message), _("Refused row"),
                         wxOK | wxICON_INFORMATION, this);
    });
    m_changes->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) {
        const auto index = static_cast<size_t>(event.GetIndex());
        if (!m_simulated || index >= m_simulated->changes.size())
            return;
        const ImportChange& change = m_simulated->changes[index];
        wxMessageBox(wxString::Format(_("Line %s, %s, field « %s »\n\nBefore:\n%s\n\nAfter:\n%s"),
                                      m_formatCount(static_cast<long long>(change.line)),
                                      wxString::FromUTF8(change.key), NativeFieldLabel(change.field),
                                      wxString::FromUTF8(change.before), wxString::FromUTF8(change.after)),
                     _("Change"), wxOK | wxICON_INFORMATION, this);
    });
    return page;
}

wxWindow* ImportWizard::BuildImportPage(wxWindow* parent)
{
    auto* page = new wxPanel(parent);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_importPhase = new wxStaticText(page, wxID_ANY, wxString());
    sizer->Add(m_importPhase, wxSizerFlags().Expand().Border(wxBOTTOM, SmallGap()));
    m_importGauge = new wxGauge(page, wxID_ANY, kGaugeRange);
    sizer->Add(m_importGauge, wxSizerFlags().Expand().Border(wxBOTTOM, LargeGap()));
    m_importText = new wxStaticText(page, wxID_ANY, wxString());
    sizer->Add(m_importText, wxSizerFlags(1).Expand());
    page->SetSizer(sizer);
    return page;
}

void ImportWizard::StartSimulation()
{
    m_simulated.reset();
    m_running = true;
    m_dryRun = true;
    m_total = 0;
    m_rejections->DeleteAllItems();
    m_changes->DeleteAllItems();
    m_simulationText->SetLabel(_("Simulating the import: the whole file is read and checked…"));
    m_simulationPhase->SetLabel(wxString());
    m_simulationGauge->SetValue(0);
    m_simulationGauge->Show();
    UpdateButtons();
    StartRun(FilePath(), Options(true));
}

void ImportWizard::StartImport()
{
    ShowPage(ImportPage);
    m_imported.reset();
    m_running = true;
    m_dryRun = false;
    m_total = 0;
    m_importPhase->SetLabel(_("Importing…"));
    m_importGauge->SetValue(0);
    m_importGauge->Show();
    m_importText->SetLabel(_("Cancel stops the import and leaves the database as it was."));
    UpdateButtons();
    StartRun(FilePath(), Options(false));
}

void ImportWizard::ShowPhase(const wxString& phase, unsigned long long total)
{
    m_total = total;
    (m_dryRun ? m_simulationPhase : m_importPhase)->SetLabel(phase);
    wxGauge* gauge = m_dryRun ? m_simulationGauge : m_importGauge;
    if (total == 0)
        gauge->Pulse();
    else
        gauge->SetValue(0);
}

void ImportWizard::ShowAdvance(unsigned long long done)
{
    wxGauge* gauge = m_dryRun ? m_simulationGauge : m_importGauge;
    if (m_total == 0)
        gauge->Pulse();
    else
        gauge->SetValue(static_cast<int>(std::min<unsigned long long>(done * kGaugeRange / m_total, kGaugeRange)));
}

void ImportWizard::ShowRunEnd(const std::optional<ImportReport>& report, const wxString& error, bool cancelled)
{
    m_running = false;
    m_cancel->Enable();
    if (m_closeWhenStopped) {
        Destroy();
        return;
    }
    if (m_dryRun) {
        m_simulationGauge->Hide();
        m_simulationPhase->SetLabel(wxString());
        if (report)
            ShowSimulation(*report);
        else
            m_simulationText->SetLabel(cancelled ? _("Simulation stopped: go back, or simulate again.")
                                                 : _("The file cannot be imported."));
        if (!report && !cancelled)
            SetProblem(error);
    } else {
        m_importGauge->Hide();
        m_importPhase->SetLabel(wxString());
        if (report) {
            m_imported = report;
            ShowImportSummary(*report);
        } else if (cancelled) {
            m_importText->SetLabel(_("Import cancelled: the database has not changed."));
        } else {
            m_importText->SetLabel(_("Nothing was imported: the database has not changed."));
            SetProblem(error);
        }
    }
    m_book->GetCurrentPage()->Layout();
    UpdateButtons();
}

wxString ImportWizard::CountsText(const ImportReport& report) const
{
    const wxString format = report.dryRun
                                ? _("Rows read: %s. To create: %s, to update: %s, unchanged: %s, refused: %s.")
                                : _("Rows read: %s. Created: %s, updated: %s, unchanged: %s, refused: %s.");
    auto count = [this](std::uint64_t value) { return m_formatCount(static_cast<long long>(value)); };
    return wxString::Format(format, count(report.rows), count(report.created), count(report.updated),
                            count(report.unchanged), count(report.rejected));
}

void ImportWizard::FillReportLists(const ImportReport& report)
{
    m_rejections->Freeze();
    m_rejections->DeleteAllItems();
    for (const ImportRejection& rejection : report.rejections) {
        const long item = m_rejections->InsertItem(m_rejections->GetItemCount(),
                                                   m_formatCount(static_cast<long long>(rejection.line)));
        m_rejections->SetItem(item, 1, ReasonText(rejection));
    }
    m_rejections->Thaw();
    m_changes->Freeze();
    m_changes->DeleteAllItems();
    for (const ImportChange& change : report.changes) {
        const long item =
            m_changes->InsertItem(m_changes->GetItemCount(), m_formatCount(static_cast<long long>(change.line)));
        m_changes->SetItem(item, 1, OneLine(change.key));
        m_changes->SetItem(item, 2, NativeFieldLabel(change.field));
        m_changes->SetItem(item, 3, OneLine(change.before));
        m_changes->SetItem(item, 4, OneLine(change.after));
    }
    m_changes->Thaw();
    if (auto* tabs = dynamic_cast<wxNotebook*>(FindWindowByName("report-tabs", this))) {
        tabs->SetPageText(0, wxString::Format(_("Refused rows (%s)"), m_formatCount(report.rejected)));
        tabs->SetPageText(1, wxString::Format(_("Changes to existing rows (%s)"),
                                              m_formatCount(static_cast<long long>(report.changes.size()))));
        tabs->SetSelection(report.rejected > 0 || report.changes.empty() ? 0 : 1);
    }
}

void ImportWizard::ShowSimulation(const ImportReport& report)
{
    m_simulated = report;
    wxString text = CountsText(report);
    if (!report.createdReferences.empty())
        text += "\n" + wxString::Format(_("Would also create: %s."),
                                        wxString::FromUTF8(report.createdReferences.front()) +
                                            (report.createdReferences.size() > 1 ? wxString(", …") : wxString()));
    m_simulationText->SetLabel(text);
    FillReportLists(report);
    if (report.rejected > 0 && !m_skipInvalid->GetValue())
        SetProblem(wxString::Format(_("Refused rows: %s. One invalid row refuses the whole file: correct the file, "
                                      "or go back and choose to skip the invalid rows."),
                                    m_formatCount(static_cast<long long>(report.rejected))));
    else if (report.rows == report.rejected)
        SetProblem(_("No row of the file can be imported."));
    else
        SetProblem(wxString());
}

void ImportWizard::ShowImportSummary(const ImportReport& report)
{
    wxString text = CountsText(report);
    if (!report.createdReferences.empty()) {
        wxString created;
        for (const std::string& reference : report.createdReferences)
            created += (created.empty() ? "" : ", ") + wxString::FromUTF8(reference);
        text += "\n\n" + wxString::Format(_("Created too: %s."), created);
    }
    if (report.rejected > 0 && !m_rejectsFile->GetPath().empty())
        text +=
            "\n\n" + wxString::Format(_("The refused rows, with their reason, are in %s."), m_rejectsFile->GetPath());
    m_importPhase->SetLabel(_("The import is done."));
    m_importPhase->SetFont(m_importPhase->GetFont().Bold());
    m_importText->SetLabel(text);
    m_importText->Wrap(FromDIP(820));
}

wxString ImportWizard::PhaseText() const
{
    return m_page == ImportPage ? m_importPhase->GetLabel() : m_simulationPhase->GetLabel();
}

wxString ImportWizard::SummaryText() const
{
    return m_page == ImportPage ? m_importText->GetLabel() : m_simulationText->GetLabel();
}

} // namespace concerto
