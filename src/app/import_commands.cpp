// File ▸ Import… and File ▸ Export… of the main frame, and files dropped on it.

#include "app/frame_ids.h"
#include "app/import_window.h"
#include "app/main_frame.h"

#include <wx/dnd.h>
#include <wx/filename.h>

namespace concerto {

namespace {

/// Opens the import wizard on a table file dropped anywhere on the frame (a control that takes
/// drops of its own, such as a text box, keeps them).
class ImportDropTarget final : public wxFileDropTarget {
public:
    ImportDropTarget(wxWindow* frame, AppContext& context) : m_frame(frame), m_context(context) {}

    bool OnDropFiles(wxCoord, wxCoord, const wxArrayString& files) override
    {
        if (files.size() != 1)
            return false;
        const wxString extension = wxFileName(files[0]).GetExt().Lower();
        if (extension != "csv" && extension != "xlsx" && extension != "txt")
            return false;
        const wxString path = files[0];
        AppContext* context = &m_context;
        wxWindow* frame = m_frame;
        // After the drag has ended: the wizard is a new window that must not appear inside it.
        frame->CallAfter([frame, context, path] { OpenImportWizard(frame, *context, path); });
        return true;
    }

private:
    wxWindow* m_frame;
    AppContext& m_context;
};

} // namespace

void AcceptImportDrops(wxWindow* frame, AppContext& context)
{
    frame->SetDropTarget(new ImportDropTarget(frame, context));
}

void MainFrame::OnTransferCommand(wxCommandEvent& event)
{
    if (event.GetId() == frame_ids::kImport)
        OpenImportWizard(this, Context());
    else
        OpenExportDialog(this, Context());
}

} // namespace concerto
