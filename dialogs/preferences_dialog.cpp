#include "dialogs/preferences_dialog.h"

#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/stattext.h>

namespace concerto {

PreferencesDialog::PreferencesDialog(wxWindow* parent, const PreferenceValues& values)
    : StandardDialog(parent, _("Preferences")), m_values(values)
{
    AddHeading(_("Preferences"));
    auto* grid = AddFieldGrid();
    // In the order of InterfaceLanguage. The language names are written in their own
    // language, so that someone lost in the wrong one still finds theirs.
    const wxString choices[] = {_("System language"), wxString::FromUTF8("Français"), "English"};
    m_language = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 3, choices);
    m_language->SetMinSize(FromDIP(wxSize(240, -1)));
    AddField(grid, _("Interface language:"), m_language);
    ContentSizer()->AddSpacer(SmallGap());
    auto* note = AddParagraph(_("The new language applies the next time Concerto starts."), 400);
    note->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    FinishLayout();
    m_language->SetFocus();
}

bool PreferencesDialog::TransferDataToWindow()
{
    m_language->SetSelection(static_cast<int>(m_values.language));
    return true;
}

bool PreferencesDialog::TransferDataFromWindow()
{
    const int selection = m_language->GetSelection();
    m_values.language =
        selection == wxNOT_FOUND ? InterfaceLanguage::System : static_cast<InterfaceLanguage>(selection);
    return true;
}

} // namespace concerto
