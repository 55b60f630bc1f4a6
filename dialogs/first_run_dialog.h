#pragma once
// "Welcome to Concerto": shown when the database holds no consultation yet, it explains
// where the data lives and lets the user start from the demo consultation, from nothing, or
// go to the team's shared server instead.

#include "dialogs/standard_dialog.h"

class wxRadioButton;
class wxTextCtrl;

namespace concerto {

/// Asks how to start with a database that has no consultation. Shown modally; on wxID_OK,
/// GetStart() tells what was chosen and, for an empty start, GetConsultationTitle() the title.
class FirstRunDialog : public StandardDialog {
public:
    /// How the user wants to start.
    enum class Start { Demo, Empty, Server };

    /// `databaseDisplay` is where the database lives, as the user would recognise it (a path).
    /// `demoTitle` is the demo consultation's title, shown in its choice.
    FirstRunDialog(wxWindow* parent, const wxString& databaseDisplay, const wxString& demoTitle);

    Start GetStart() const { return m_start; }
    /// The title for the first consultation when starting empty; trimmed, never empty.
    const wxString& GetConsultationTitle() const { return m_consultationTitle; }

    /// Selects a choice as a click would (for tests).
    void Choose(Start start, const wxString& title = {});

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

private:
    wxRadioButton* AddChoice(const wxString& label, const wxString& explanation, bool first);
    void UpdateEnabling();

    wxRadioButton* m_demo = nullptr;
    wxRadioButton* m_empty = nullptr;
    wxRadioButton* m_server = nullptr;
    wxTextCtrl* m_title = nullptr;
    wxWindow* m_titleLabel = nullptr;

    Start m_start = Start::Demo;
    wxString m_consultationTitle;
};

} // namespace concerto
