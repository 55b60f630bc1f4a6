#pragma once
// The page shown for an area whose view is not built yet, or for a view with nothing to show:
// its name, what it will hold, and what the user can do in the meantime, centred in the page.

#include <functional>
#include <wx/panel.h>

namespace concerto {

class AppContext;

/// A centred heading, a description of the area and a hint for the meantime (omitted when
/// empty), with a button that runs `onShortcut` (typically "go to the dashboard") when
/// `shortcutLabel` is not empty.
class PlaceholderPanel : public wxPanel {
public:
    PlaceholderPanel(wxWindow* parent, const wxString& heading, const wxString& description, const wxString& meanwhile,
                     const wxString& shortcutLabel, std::function<void()> onShortcut);
};

/// The page of a view that shows a consultation's data when none is open: `description` says
/// what the view holds; its button goes to the dashboard, where one is loaded or created.
PlaceholderPanel* NewNoConsultationPanel(wxWindow* parent, AppContext& context, const wxString& description);

} // namespace concerto
