// The export dialog bound to the open database: the export runs on a thread of its own with
// its own connection (a million contributions take a while), reporting to the dialog's gauge.

#include "app/import_window.h"
#include "app/localization.h"
#include "app/report_run.h"
#include "core/errors.h"
#include "db/export.h"
#include "dialogs/export_dialog.h"

#include <memory>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/weakref.h>

namespace concerto {

namespace {

class ExportWindow final : public ExportDialog {
public:
    ExportWindow(wxWindow* parent, AppContext& context)
        : ExportDialog(parent, wxString::FromUTF8(context.CurrentConsultation()->title),
                       wxStandardPaths::Get().GetDocumentsDir(), [](long long value) { return FormatCount(value); }),
          m_context(context), m_consultationId(context.ConsultationId()),
          m_thread({[this](const wxString& phase, unsigned long long total) { ShowPhase(phase, total); },
                    [this](unsigned long long done) { ShowAdvance(done); },
                    [this](const wxString& error, bool cancelled) { ShowEnd(*m_rows, error, cancelled); }}),
          m_switch(CloseOnSwitch(*this, context))
    {
    }

protected:
    void StartExport(ImportKind kind, const std::string& path) override
    {
        ExportOptions options;
        options.kind = kind;
        options.consultationId = m_consultationId;
        auto rows = std::make_shared<unsigned long long>(0);
        m_rows = rows;
        try {
            m_thread.Start(m_context.Db(), [path, options, rows](Database& db, Progress& progress) {
                *rows = ExportTable(db, path, options, progress);
            });
        } catch (const Error& e) {
            ShowEnd(0, wxString::FromUTF8(e.what()), false);
        }
    }

    void StopExport() override { m_thread.Cancel(); }

private:
    AppContext& m_context;
    std::string m_consultationId;
    std::shared_ptr<unsigned long long> m_rows = std::make_shared<unsigned long long>(0);
    ReportThread m_thread;
    std::shared_ptr<void> m_switch; ///< closes the dialog when the main window turns to other data
};

wxWeakRef<ExportDialog> g_openExport; ///< the export dialog open, if any (one at a time)

} // namespace

ExportDialog* OpenExportDialog(wxWindow* parent, AppContext& context)
{
    if (g_openExport) {
        g_openExport->Raise();
        return g_openExport.get();
    }
    if (!context.CurrentConsultation()) {
        wxMessageBox(_("There is no consultation to export yet."), _("Export"), wxOK | wxICON_INFORMATION, parent);
        return nullptr;
    }
    auto* dialog = new ExportWindow(parent, context);
    g_openExport = dialog;
    dialog->Show();
    return dialog;
}

} // namespace concerto
