#pragma once
// Asks for the name of a new report definition stored in the database (a copy of another one,
// or a blank one). The name is how the CLI and the list refer to it: letters, digits and
// dashes, unique among the definitions already listed.

#include "dialogs/standard_dialog.h"

#include <vector>
#include <wx/string.h>

class wxStaticText;
class wxTextCtrl;

namespace concerto {

class ReportNameDialog : public StandardDialog {
public:
    /// `proposed` pre-fills the field; `taken` are the names already in use (compared
    /// ignoring case), refused with a message naming the field.
    ReportNameDialog(wxWindow* parent, const wxString& title, const wxString& proposed, std::vector<wxString> taken);

    /// The name typed, trimmed (valid after the dialog ended with wxID_OK).
    const wxString& GetDefinitionName() const { return m_name; }

    bool TransferDataFromWindow() override;

private:
    wxTextCtrl* m_field;
    wxStaticText* m_error;
    std::vector<wxString> m_taken;
    wxString m_name;
};

/// The problem with `name` as a definition name, or an empty string when it is fine.
wxString CheckReportName(const wxString& name, const std::vector<wxString>& taken);

} // namespace concerto
