#include "dialogs/form_fields.h"

#include <wx/dialog.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace concerto {

void AddFieldLine(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label, wxSizer* line)
{
    grid->Add(new wxStaticText(parent, wxID_ANY, label), wxSizerFlags().Right().CenterVertical());
    grid->Add(line, wxSizerFlags().Expand());
}

wxSizer* ControlWithHint(wxWindow* parent, wxWindow* control, const wxString& hint, int gap)
{
    auto* line = new wxBoxSizer(wxHORIZONTAL);
    line->Add(control, wxSizerFlags().CenterVertical());
    auto* text = new wxStaticText(parent, wxID_ANY, hint);
    text->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    line->Add(text, wxSizerFlags().CenterVertical().Border(wxLEFT, gap));
    return line;
}

wxStaticText* NewProblemLine(wxWindow* parent)
{
    auto* line = new wxStaticText(parent, wxID_ANY, wxString());
    line->SetForegroundColour(wxColour(0xA4, 0x00, 0x00)); // Tango dark red: an error, readable on any theme
    return line;
}

void ShowProblemLine(wxWindow& dialog, wxStaticText* problem, const wxString& message, int margin, wxWindow* field)
{
    problem->SetLabel(message);
    problem->Wrap(dialog.GetClientSize().GetWidth() - margin);
    const wxSize fitting = dialog.GetSizer()->ComputeFittingClientSize(&dialog);
    if (fitting.GetHeight() > dialog.GetClientSize().GetHeight())
        dialog.SetClientSize(dialog.GetClientSize().GetWidth(), fitting.GetHeight());
    dialog.Layout();
    if (!message.empty() && field)
        field->SetFocus();
}

bool SubmitForm(wxDialog& dialog, const std::function<bool()>& save)
{
    if (!dialog.TransferDataFromWindow())
        return false;
    if (save && !save())
        return false;
    // A dialog shown without ShowModal (tests, a parent that embeds it) still records the answer.
    if (dialog.IsModal())
        dialog.EndModal(wxID_OK);
    else
        dialog.SetReturnCode(wxID_OK);
    return true;
}

} // namespace concerto
