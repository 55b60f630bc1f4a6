#pragma once
// The two small questions of the coding queue: which free label to attach (completed from the
// consultation's labels, a new name creates one), and why a contribution is excluded (with
// the usual reasons offered, "Hors sujet" first). Both are answered from the keyboard: type,
// Enter.

#include "dialogs/standard_dialog.h"

#include <string>
#include <vector>

class wxComboBox;
class wxStaticText;
class wxTextCtrl;

namespace concerto {

/// Asks for the name of a label to attach.
class CodingLabelDialog : public StandardDialog {
public:
    /// `known`: the consultation's labels, offered as completions; `attached`: those the
    /// contribution already carries (named in the dialog, so that none is added twice).
    CodingLabelDialog(wxWindow* parent, const std::vector<std::string>& known,
                      const std::vector<std::string>& attached);

    /// The name typed, trimmed (UTF-8); valid after OK.
    const std::string& GetLabelName() const { return m_label; }
    /// The name box, for tests.
    wxTextCtrl* NameBox() const { return m_name; }

    bool TransferDataFromWindow() override;

private:
    wxTextCtrl* m_name = nullptr;
    wxStaticText* m_problem = nullptr;
    std::string m_label;
};

/// Asks why a contribution is excluded from the analysis.
class CodingExcludeDialog : public StandardDialog {
public:
    /// `contribution` names it in the heading ("Contribution nº 1 234").
    CodingExcludeDialog(wxWindow* parent, const wxString& contribution);

    /// The reason chosen or typed, trimmed (UTF-8); valid after OK.
    const std::string& GetReason() const { return m_reason; }
    /// The reason box, for tests.
    wxComboBox* ReasonBox() const { return m_box; }

    bool TransferDataFromWindow() override;

private:
    wxComboBox* m_box = nullptr;
    wxStaticText* m_problem = nullptr;
    std::string m_reason;
};

} // namespace concerto
