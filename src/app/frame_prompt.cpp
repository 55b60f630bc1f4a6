#include "app/frame_prompt.h"

#include "dialogs/standard_dialog.h"

#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {

/// One titled text field, refusing an empty answer.
class ConsultationTitleDialog : public StandardDialog {
public:
    explicit ConsultationTitleDialog(wxWindow* parent) : StandardDialog(parent, _("New consultation"))
    {
        AddHeading(_("New consultation"));
        AddParagraph(_("A consultation gathers one campaign's meetings and contributions. Its reference data "
                       "(neighbourhoods, channels, themes) is shared with the other consultations of this database."),
                     420);
        m_title = new wxTextCtrl(this, wxID_ANY);
        m_title->SetHint(_("e.g. Mid-term review 2026"));
        AddField(AddFieldGrid(), _("Title:"), m_title);
        SetAffirmativeLabel(_("Create"));
        FinishLayout();
        m_title->SetFocus();
    }

    bool TransferDataFromWindow() override
    {
        m_value = m_title->GetValue();
        m_value.Trim(true).Trim(false);
        if (m_value.empty()) {
            wxMessageBox(_("Give the consultation a title, for example the name of the campaign."), _("Title missing"),
                         wxOK | wxICON_INFORMATION, this);
            m_title->SetFocus();
            return false;
        }
        return true;
    }

    const wxString& Value() const { return m_value; }

private:
    wxTextCtrl* m_title = nullptr;
    wxString m_value;
};

} // namespace

bool AskConsultationTitle(wxWindow* parent, wxString& title)
{
    ConsultationTitleDialog dialog(parent);
    if (dialog.ShowModal() != wxID_OK)
        return false;
    title = dialog.Value();
    return true;
}

} // namespace concerto
