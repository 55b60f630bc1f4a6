#include "dialogs/coding_label_dialog.h"

#include <wx/arrstr.h>
#include <wx/combobox.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {

const wxColour kProblem(0xCC, 0x00, 0x00);
constexpr int kWidth = 380;

wxStaticText* ProblemLine(wxWindow* parent)
{
    auto* line = new wxStaticText(parent, wxID_ANY, wxString());
    line->SetForegroundColour(kProblem);
    line->Hide();
    return line;
}

std::string Trimmed(wxString text)
{
    return text.Trim(true).Trim(false).utf8_string();
}

} // namespace

CodingLabelDialog::CodingLabelDialog(wxWindow* parent, const std::vector<std::string>& known,
                                     const std::vector<std::string>& attached)
    : StandardDialog(parent, _("Add a label"))
{
    AddParagraph(_("A label names a subject the programme does not cover. Type the beginning of an existing label to "
                   "pick it, or a new name to create it."),
                 kWidth);
    m_name = new wxTextCtrl(this, wxID_ANY);
    m_name->SetName("label-name");
    m_name->SetHint(_("e.g. noise at night"));
    wxArrayString completions;
    for (const auto& name : known)
        completions.push_back(wxString::FromUTF8(name));
    m_name->AutoComplete(completions);
    ContentSizer()->Add(m_name, WideFlags().Border(wxTOP | wxBOTTOM, SmallGap()));
    if (!attached.empty()) {
        wxString list;
        for (const auto& name : attached)
            list += (list.empty() ? "" : ", ") + wxString::FromUTF8(name);
        auto* already = AddParagraph(wxString::Format(_("Already attached: %s"), list), kWidth);
        already->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    }
    m_problem = ProblemLine(this);
    ContentSizer()->Add(m_problem, wxSizerFlags());
    SetAffirmativeLabel(_("Attach"));
    FinishLayout();
    m_name->SetFocus();
}

bool CodingLabelDialog::TransferDataFromWindow()
{
    m_label = Trimmed(m_name->GetValue());
    if (m_label.empty()) {
        ShowInlineProblem(m_problem, _("Type the label's name, or press Escape to attach none."), kWidth);
        m_name->SetFocus();
        return false;
    }
    return true;
}

CodingExcludeDialog::CodingExcludeDialog(wxWindow* parent, const wxString& contribution)
    : StandardDialog(parent, _("Exclude from the analysis"))
{
    AddParagraph(wxString::Format(_("%s will no longer count in the figures and reports. Why?"), contribution), kWidth);
    const wxString reasons[] = {_("Off-topic"), _("Abusive"), _("Duplicate"), _("Unreadable"), _("Personal data only")};
    m_box = new wxComboBox(this, wxID_ANY, reasons[0], wxDefaultPosition, wxDefaultSize, WXSIZEOF(reasons), reasons);
    m_box->SetName("exclusion-reason");
    ContentSizer()->Add(m_box, WideFlags().Border(wxTOP | wxBOTTOM, SmallGap()));
    m_problem = ProblemLine(this);
    ContentSizer()->Add(m_problem, wxSizerFlags());
    SetAffirmativeLabel(_("Exclude"));
    FinishLayout();
    m_box->SetFocus();
    m_box->SelectAll();
}

bool CodingExcludeDialog::TransferDataFromWindow()
{
    m_reason = Trimmed(m_box->GetValue());
    if (m_reason.empty()) {
        ShowInlineProblem(m_problem, _("Give a reason: the team reads it when the exclusion is questioned."), kWidth);
        m_box->SetFocus();
        return false;
    }
    return true;
}

} // namespace concerto
