#include "dialogs/report_name_dialog.h"

#include <wx/intl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

wxString CheckReportName(const wxString& name, const std::vector<wxString>& taken)
{
    if (name.empty())
        return _("Name: type a name for the definition, for example « synthese-ecoles ».");
    for (const wxUniChar c : name) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                             c == '-' || c == '_';
        if (!allowed)
            return _("Name: use only letters without accents, digits and dashes (it names the definition in the "
                     "command line too).");
    }
    for (const wxString& other : taken)
        if (other.IsSameAs(name, false))
            return wxString::Format(_("Name: « %s » is already used by another definition."), name);
    return {};
}

ReportNameDialog::ReportNameDialog(wxWindow* parent, const wxString& title, const wxString& proposed,
                                   std::vector<wxString> taken)
    : StandardDialog(parent, title), m_taken(std::move(taken))
{
    AddParagraph(_("The definition is stored in the database, where everyone using it can run it. Its name "
                   "identifies it in the list and on the command line."));
    auto* grid = AddFieldGrid();
    m_field = new wxTextCtrl(this, wxID_ANY, proposed, wxDefaultPosition, FromDIP(wxSize(300, -1)));
    m_field->SetName("name");
    AddField(grid, _("Name:"), m_field);
    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetName("error");
    m_error->SetForegroundColour(wxColour(0xCC, 0x00, 0x00));
    m_error->SetFont(m_error->GetFont().Bold());
    ContentSizer()->Add(m_error, wxSizerFlags().Border(wxTOP, LargeGap()));
    m_error->Hide();
    SetAffirmativeLabel(_("Create"));
    FinishLayout();
    m_field->SetFocus();
    m_field->SelectAll();
}

bool ReportNameDialog::TransferDataFromWindow()
{
    const wxString name = m_field->GetValue().Strip(wxString::both);
    const wxString problem = CheckReportName(name, m_taken);
    if (!problem.empty()) {
        ShowInlineProblem(m_error, problem, 420);
        m_field->SetFocus();
        return false;
    }
    m_name = name;
    return true;
}

} // namespace concerto
