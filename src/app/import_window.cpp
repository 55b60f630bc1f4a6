// The import wizard bound to the open database. The saved mappings are a short job for the
// shared worker; the preview needs no database, so it reads the file on a thread of its own
// rather than wait behind the views' loads; a simulation or an import can read a million rows,
// so it runs on a thread of its own with its own connection (ReportThread), like a report: the
// views keep loading meanwhile, and Cancel makes RunImport throw CancelledError after rolling back.

#include "app/import_window.h"
#include "app/access_ui.h"

#include "app/localization.h"
#include "app/report_run.h"
#include "core/csv_reader.h"
#include "core/errors.h"
#include "core/xlsx_reader.h"
#include "db/import.h"
#include "dialogs/import_wizard.h"

#include <memory>
#include <thread>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/weakref.h>

namespace concerto {

namespace {

/// How many data rows the preview reads.
constexpr std::size_t kPreviewRows = 20;

/// Reads the header and the first rows of `path`; a reading error ends the preview with its
/// message (which names the line) rather than failing.
ImportPreview ReadFirstRows(const std::string& path, const TabularOptions& options)
{
    ImportPreview preview;
    try {
        auto reader = OpenTabular(path, options);
        preview.headerRead = true;
        preview.header = reader->Header();
        if (auto* workbook = dynamic_cast<XlsxReader*>(reader.get())) {
            preview.isWorkbook = true;
            preview.sheets = workbook->SheetNames();
            preview.sheet = workbook->SheetName();
        } else if (auto* csv = dynamic_cast<CsvReader*>(reader.get())) {
            preview.encoding = csv->Encoding();
            preview.delimiter = csv->Delimiter();
        }
        std::vector<std::string> cells;
        while (preview.rows.size() < kPreviewRows && reader->Next(cells)) {
            preview.rows.push_back(cells);
            preview.lines.push_back(reader->Line());
        }
    } catch (const std::exception& e) {
        preview.error = e.what();
    }
    return preview;
}

class ImportWindow final : public ImportWizard {
public:
    ImportWindow(wxWindow* parent, AppContext& context)
        : ImportWizard(parent, wxString::FromUTF8(context.CurrentConsultation()->title),
                       [](long long value) { return FormatCount(value); }),
          m_context(context), m_consultationId(context.ConsultationId()),
          m_thread({[this](const wxString& phase, unsigned long long total) { ShowPhase(phase, total); },
                    [this](unsigned long long done) { ShowAdvance(done); },
                    [this](const wxString& error, bool cancelled) { OnRunFinished(error, cancelled); }}),
          m_switch(CloseOnSwitch(*this, context))
    {
    }

    ~ImportWindow() override
    {
        // Before the window goes: what the thread queues with CallAfter then dies with it.
        if (m_previewThread.joinable())
            m_previewThread.join();
    }

protected:
    void RequestPreview(const std::string& path, const TabularOptions& options) override
    {
        // Reading a workbook's shared strings can take a while: not on the UI thread. Only the
        // latest request is shown; an earlier read still running is waited for (20 rows).
        if (m_previewThread.joinable())
            m_previewThread.join();
        const int request = ++m_previewRequest;
        m_previewThread = std::thread([this, path, options, request] {
            ImportPreview preview = ReadFirstRows(path, options);
            CallAfter([this, preview, request] {
                if (request == m_previewRequest)
                    ShowPreview(preview);
            });
        });
    }

    void RequestSavedMappings(ImportKind kind) override
    {
        m_context.Worker().Run<std::vector<ColumnMapping>>(
            m_lifetime, [kind](Database& db) { return ListSavedMappings(db, kind); },
            [this](std::vector<ColumnMapping> mappings) { ShowSavedMappings(mappings); }, {}, "import-mappings");
    }

    wxString SaveMapping(const ColumnMapping& mapping) override
    {
        try {
            concerto::SaveMapping(m_context.Db(), mapping); // one row: fine on the UI thread
            return wxString();
        } catch (const Error& e) {
            return wxString::FromUTF8(e.what());
        }
    }

    void StartRun(const std::string& path, const ImportOptions& options) override
    {
        ImportOptions run = options;
        run.consultationId = m_consultationId;
        m_kind = run.kind;
        m_dryRun = run.dryRun;
        auto report = std::make_shared<ImportReport>();
        m_report = report;
        try {
            m_thread.Start(m_context.Db(), [path, run, report](Database& db, Progress& progress) {
                *report = RunImport(db, path, run, progress);
            });
        } catch (const Error& e) {
            ShowRunEnd(std::nullopt, wxString::FromUTF8(e.what()), false);
        }
    }

    void StopRun() override { m_thread.Cancel(); }

private:
    void OnRunFinished(const wxString& error, bool cancelled)
    {
        if (!error.empty() || cancelled) {
            ShowRunEnd(std::nullopt, error, cancelled);
            return;
        }
        const ImportReport report = *m_report;
        // Before the wizard shows the summary, so that the views are already refreshing.
        if (!m_dryRun && report.created + report.updated > 0)
            for (const std::string& table : ImportedTables(m_kind))
                m_context.NotifyChanged(table);
        ShowRunEnd(report, wxString(), false);
    }

    AppContext& m_context;
    std::string m_consultationId;
    ImportKind m_kind = ImportKind::Contributions;
    bool m_dryRun = false;
    std::shared_ptr<ImportReport> m_report;
    ReportThread m_thread;
    std::thread m_previewThread;
    int m_previewRequest = 0;
    Lifetime m_lifetime = NewLifetime();
    std::shared_ptr<void> m_switch; ///< closes the wizard when the main window turns to other data
};

wxWeakRef<ImportWizard> g_openWizard; ///< the wizard open, if any (one at a time)

bool HasConsultation(wxWindow* parent, AppContext& context, const wxString& title)
{
    if (context.CurrentConsultation())
        return true;
    wxMessageBox(_("There is no consultation yet. Create one (Consultation ▸ New consultation…), then import into it."),
                 title, wxOK | wxICON_INFORMATION, parent);
    return false;
}

} // namespace

const std::vector<std::string>& ImportedTables(ImportKind kind)
{
    static const std::vector<std::string> contributions = {
        "contribution", "tag", "contribution_label", "label", "channel", "neighbourhood", "theme"};
    static const std::vector<std::string> commitments = {"commitment", "theme"};
    static const std::vector<std::string> meetings = {"meeting", "channel", "neighbourhood"};
    switch (kind) {
    case ImportKind::Commitments:
        return commitments;
    case ImportKind::Meetings:
        return meetings;
    default:
        return contributions;
    }
}

std::shared_ptr<void> CloseOnSwitch(wxWindow& window, AppContext& context)
{
    return context.SubscribeToSwitch([&window] {
        if (!window.IsBeingDeleted())
            window.Close();
    });
}

ImportWizard* OpenImportWizard(wxWindow* parent, AppContext& context, const wxString& path)
{
    if (!CheckAllowed(context))
        return nullptr; // a file dropped on a reader's window
    if (g_openWizard) {
        if (!path.empty() && g_openWizard->CurrentPage() == ImportWizard::SourcePage)
            g_openWizard->ChooseFile(path);
        g_openWizard->Raise();
        return g_openWizard.get();
    }
    if (!HasConsultation(parent, context, _("Import")))
        return nullptr;
    auto* wizard = new ImportWindow(parent, context);
    g_openWizard = wizard;
    if (!path.empty())
        wizard->ChooseFile(path);
    wizard->Show();
    return wizard;
}

} // namespace concerto
