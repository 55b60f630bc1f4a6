#include "app/placeholder_panel.h"

#include <wx/button.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace concerto {

PlaceholderPanel::PlaceholderPanel(wxWindow* parent, const wxString& heading, const wxString& description,
                                   const wxString& meanwhile, const wxString& shortcutLabel,
                                   std::function<void()> onShortcut)
    : wxPanel(parent)
{
    const int width = FromDIP(520);
    auto* column = new wxBoxSizer(wxVERTICAL);

    auto* title =
        new wxStaticText(this, wxID_ANY, heading, wxDefaultPosition, wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
    title->SetFont(title->GetFont().Bold().Scaled(1.6f));
    column->Add(title, wxSizerFlags().CentreHorizontal().Border(wxBOTTOM, FromDIP(14)));

    auto* body =
        new wxStaticText(this, wxID_ANY, description, wxDefaultPosition, wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
    body->SetFont(body->GetFont().Scaled(1.1f));
    body->Wrap(width);
    column->Add(body, wxSizerFlags().CentreHorizontal().Border(wxBOTTOM, FromDIP(10)));

    if (!meanwhile.empty()) {
        auto* hint =
            new wxStaticText(this, wxID_ANY, meanwhile, wxDefaultPosition, wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
        hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        hint->Wrap(width);
        column->Add(hint, wxSizerFlags().CentreHorizontal());
    }

    if (!shortcutLabel.empty() && onShortcut) {
        auto* button = new wxButton(this, wxID_ANY, shortcutLabel);
        button->Bind(wxEVT_BUTTON, [onShortcut](wxCommandEvent&) { onShortcut(); });
        column->Add(button, wxSizerFlags().CentreHorizontal().Border(wxTOP, FromDIP(20)));
    }

    // Stretch spacers above and below keep the block in the middle whatever the page's height;
    // the block sits a little above the centre, where the eye expects it.
    auto* page = new wxBoxSizer(wxVERTICAL);
    page->AddStretchSpacer(2);
    page->Add(column, wxSizerFlags().CentreHorizontal().Border(wxLEFT | wxRIGHT, FromDIP(24)));
    page->AddStretchSpacer(3);
    SetSizer(page);
}

} // namespace concerto
