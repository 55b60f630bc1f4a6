#pragma once
// The import wizard and the export dialog bound to the open database: previews and saved
// mappings through the worker, simulations, imports and exports on a thread of their own with
// progress and cancel, and change notifications once an import has written.

#include "app/app_context.h"
#include "core/import_spec.h"

#include <memory>
#include <string>
#include <vector>
#include <wx/string.h>

class wxWindow;

namespace concerto {

class ExportDialog;
class ImportWizard;

/// Opens the import wizard for the consultation shown (one at a time: an open one is raised),
/// with `path` already chosen when given. Returns nullptr, after telling the user, when no
/// consultation is shown. After an import the touched tables are announced with NotifyChanged.
ImportWizard* OpenImportWizard(wxWindow* parent, AppContext& context, const wxString& path = {});

/// Opens the export dialog for the consultation shown (one at a time). Returns nullptr, after
/// telling the user, when no consultation is shown.
ExportDialog* OpenExportDialog(wxWindow* parent, AppContext& context);

/// Makes a file dropped on `frame` open the import wizard with that file chosen.
void AcceptImportDrops(wxWindow* frame, AppContext& context);

/// Makes `window`, bound to the consultation shown, close when the main window turns to another
/// database or consultation (AppContext::SubscribeToSwitch): there its work could only be refused.
/// Close(), so a run in progress is cancelled (an import rolls back) before it goes. The window
/// keeps the returned token as long as it lives.
std::shared_ptr<void> CloseOnSwitch(wxWindow& window, AppContext& context);

/// The tables an import of `kind` may write, for NotifyChanged.
const std::vector<std::string>& ImportedTables(ImportKind kind);

} // namespace concerto
