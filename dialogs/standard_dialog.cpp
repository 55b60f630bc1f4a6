#include "dialogs/standard_dialog.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/stattext.h>

namespace concerto {

StandardDialog::StandardDialog(wxWindow* parent, const wxString& title, long buttons, long style)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize, style)
{
    m_content = new wxBoxSizer(wxVERTICAL);
    if (buttons != 0) {
        m_buttons = CreateStdDialogButtonSizer(buttons);
        // Without wxWidgets' own catalog installed the stock labels would stay in English in
        // a French interface, so the common buttons get labels from our catalog.
        if (auto* ok = m_buttons->GetAffirmativeButton(); ok && (buttons & wxOK))
            ok->SetLabel(_("OK"));
        if (auto* cancel = m_buttons->GetCancelButton(); cancel && (buttons & wxCANCEL))
            cancel->SetLabel(_("Cancel"));
        if (auto* cancel = m_buttons->GetCancelButton(); cancel && (buttons & wxCLOSE))
            cancel->SetLabel(_("Close"));
    }
}

wxFlexGridSizer* StandardDialog::AddFieldGrid()
{
    auto* grid = new wxFlexGridSizer(2, wxSize(LargeGap(), SmallGap()));
    grid->AddGrowableCol(1, 1);
    m_content->Add(grid, WideFlags().Border(wxTOP, SmallGap()));
    return grid;
}

wxStaticText* StandardDialog::AddField(wxFlexGridSizer* grid, const wxString& label, wxWindow* control)
{
    auto* text = new wxStaticText(this, wxID_ANY, label);
    grid->Add(text, wxSizerFlags().Right().CenterVertical());
    grid->Add(control, wxSizerFlags().Expand().CenterVertical());
    return text;
}

wxStaticText* StandardDialog::AddHeading(const wxString& text)
{
    auto* heading = new wxStaticText(this, wxID_ANY, text);
    heading->SetFont(heading->GetFont().Bold().Scaled(1.4f));
    m_content->Add(heading, wxSizerFlags().Border(wxBOTTOM, LargeGap()));
    return heading;
}

wxStaticText* StandardDialog::AddParagraph(const wxString& text, int width)
{
    auto* paragraph = new wxStaticText(this, wxID_ANY, text);
    paragraph->Wrap(FromDIP(width));
    m_content->Add(paragraph, wxSizerFlags().Border(wxBOTTOM, SmallGap()));
    return paragraph;
}

void StandardDialog::SetAffirmativeLabel(const wxString& label)
{
    if (m_buttons && m_buttons->GetAffirmativeButton())
        m_buttons->GetAffirmativeButton()->SetLabel(label);
}

void StandardDialog::ShowInlineProblem(wxStaticText* line, const wxString& message, int width)
{
    line->SetLabel(message);
    line->Wrap(FromDIP(width));
    line->Show();
    Layout();
    wxSize size = GetSize();
    size.IncTo(GetSizer()->ComputeFittingWindowSize(this));
    if (size != GetSize())
        SetSize(size);
}

void StandardDialog::FinishLayout()
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(m_content, wxSizerFlags(1).Expand().Border(wxALL, LargeGap()));
    if (m_buttons) {
        // wxGTK's button sizer pads its row by the same margin as the content already; elsewhere
        // the margin is added here, so that buttons line up with the content's edges.
#ifdef __WXGTK__
        const int side = 0;
#else
        const int side = LargeGap();
#endif
        auto* row = new wxBoxSizer(wxVERTICAL);
        row->Add(m_buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, side));
        top->Add(row, wxSizerFlags().Expand().Border(wxBOTTOM, LargeGap()));
    }
    SetSizerAndFit(top);
    CentreOnParent();
}

} // namespace concerto
