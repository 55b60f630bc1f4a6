#include "app/placeholder_panel.h"

#include "app/app_context.h"
#include "app/areas.h"
#include "app/main_frame.h"

#include <wx/button.h>
#include <wx/dcclient.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace concerto {

namespace {

/// Gives `text` the room its lines take. wxGTK's labels wrap again, after layout, at a width of
/// GTK's choosing, narrower than the lines wxStaticText::Wrap() made: without this, a long
/// French sentence loses its last line.
void FitLines(wxStaticText* text)
{
    wxClientDC dc(text);
    dc.SetFont(text->GetFont());
    wxCoord width = 0, height = 0;
    dc.GetMultiLineTextExtent(text->GetLabel(), &width, &height);
    text->SetMinSize(wxSize(width + text->FromDIP(4), height));
}

} // namespace

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
    FitLines(title);
    column->Add(title, wxSizerFlags().CentreHorizontal().Border(wxBOTTOM, FromDIP(14)));

    auto* body =
        new wxStaticText(this, wxID_ANY, description, wxDefaultPosition, wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
    body->SetFont(body->GetFont().Scaled(1.1f));
    body->Wrap(width);
    FitLines(body);
    column->Add(body, wxSizerFlags().CentreHorizontal().Border(wxBOTTOM, FromDIP(10)));

    if (!meanwhile.empty()) {
        auto* hint =
            new wxStaticText(this, wxID_ANY, meanwhile, wxDefaultPosition, wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
        hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        hint->Wrap(width);
        FitLines(hint);
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

PlaceholderPanel* NewNoConsultationPanel(wxWindow* parent, AppContext& context, const wxString& description)
{
    return new PlaceholderPanel(parent, _("No consultation"), description, wxString(), _("Go to the dashboard"),
                                [&context] {
                                    if (auto* frame = dynamic_cast<MainFrame*>(context.Frame()))
                                        frame->ShowArea(DashboardArea);
                                });
}

} // namespace concerto
