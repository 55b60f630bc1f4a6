#pragma once
// The user account dialog of the Administration area: a new login (name, password typed twice,
// role), another role for a login, or a new password. It checks what it can (a name, a password
// of 8 characters typed the same twice) and transfers plain values; saving is its owner's job,
// done through the Saver, which may work in the background: the dialog stays open until the
// owner calls Saved(), and shows the server's refusal under the form (ShowProblem()).

#include "db/access.h"
#include "dialogs/standard_dialog.h"

#include <functional>
#include <string>

class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace concerto {

class UserDialog : public StandardDialog {
public:
    /// What the dialog asks for.
    enum class Mode { Add, ChangeRole, ResetPassword };
    /// The values typed; the password only in Add and ResetPassword.
    struct Values {
        std::string login;
        std::string password;
        AccessLevel level = AccessLevel::Editor;
    };
    /// Starts saving `values` (checked); calls dialog.Saved() once saved, or dialog.ShowProblem()
    /// when refused. May return before either (work on a background thread).
    using Saver = std::function<void(UserDialog& dialog, const Values& values)>;

    /// `initial.login` is the login concerned (ChangeRole, ResetPassword) or empty (Add).
    UserDialog(wxWindow* parent, Mode mode, const Values& initial, Saver save);

    /// The values typed (after a successful TransferDataFromWindow).
    const Values& GetValues() const { return m_values; }
    /// Checks the values and starts saving them (what OK does). False when a value is refused.
    bool Submit();
    /// Closes the dialog with wxID_OK (the Saver saved).
    void Saved();
    /// Shows `message` under the form, with the field it is about focused, and lets the user try again.
    void ShowProblem(const wxString& message);
    /// The problem shown, or an empty string.
    wxString ProblemText() const { return m_problemText; }
    /// True between Submit() and Saved() or ShowProblem().
    bool IsSaving() const { return m_saving; }

    /// For tests and the keyboard: the fields (null when the mode does not ask for it).
    wxTextCtrl* LoginField() const { return m_login; }
    wxTextCtrl* PasswordField() const { return m_password; }
    wxTextCtrl* RepeatField() const { return m_repeat; }
    wxChoice* RoleField() const { return m_role; }
    /// Chooses the role shown.
    void SetLevel(AccessLevel level);

    bool TransferDataFromWindow() override;

    /// The role of a level as a list shows it: "Administrator", "Editor", "Reader".
    static wxString LevelText(AccessLevel level);
    /// What a level may do, in one sentence.
    static wxString LevelDescription(AccessLevel level);

private:
    wxTextCtrl* AddPasswordField(wxFlexGridSizer* grid, const wxString& label, const wxString& name);
    void UpdateRoleHint();
    bool Refuse(wxWindow* field, const wxString& message);

    Mode m_mode;
    Values m_values;
    Saver m_save;
    bool m_saving = false;
    wxTextCtrl* m_login = nullptr;
    wxTextCtrl* m_password = nullptr;
    wxTextCtrl* m_repeat = nullptr;
    wxChoice* m_role = nullptr;
    wxStaticText* m_roleHint = nullptr;
    wxStaticText* m_problem = nullptr;
    wxString m_problemText;
};

} // namespace concerto
