#include "dialogs/user_dialog.h"

#include "dialogs/form_fields.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {

constexpr int kMinimumPassword = 8; // as the server requires (AddUser, SetUserPassword)
constexpr int kTextWidth = 420;     // DIPs for the explanations

wxString TitleOf(UserDialog::Mode mode, const std::string& login)
{
    switch (mode) {
    case UserDialog::Mode::Add:
        return _("New user");
    case UserDialog::Mode::ChangeRole:
        return wxString::Format(_("Role of “%s”"), wxString::FromUTF8(login));
    case UserDialog::Mode::ResetPassword:
        return wxString::Format(_("New password for “%s”"), wxString::FromUTF8(login));
    }
    return wxString();
}

} // namespace

wxString UserDialog::LevelText(AccessLevel level)
{
    switch (level) {
    case AccessLevel::Admin:
        return _("Administrator");
    case AccessLevel::Editor:
        return _("Editor");
    case AccessLevel::Reader:
        return _("Reader");
    }
    return wxString();
}

wxString UserDialog::LevelDescription(AccessLevel level)
{
    switch (level) {
    case AccessLevel::Admin:
        return _("Everything: reference data, commitments, report definitions, users and the audit trail.");
    case AccessLevel::Editor:
        return _("Types in and codes contributions, meetings, topics and reorientation points; sees contact "
                 "details.");
    case AccessLevel::Reader:
        return _("Reads everything but personal data, and changes nothing (the elected officials' cabinet).");
    }
    return wxString();
}

UserDialog::UserDialog(wxWindow* parent, Mode mode, const Values& initial, Saver save)
    : StandardDialog(parent, TitleOf(mode, initial.login)), m_mode(mode), m_values(initial), m_save(std::move(save))
{
    SetName("user-dialog");
    if (mode == Mode::Add)
        AddParagraph(_("The new login is a personal PostgreSQL account: give one to each person, never a shared "
                       "one, so that the change log says who did what."),
                     kTextWidth);
    else if (mode == Mode::ResetPassword)
        AddParagraph(_("Give the new password to the person in person or by phone, never by e-mail."), kTextWidth);

    auto* grid = AddFieldGrid();
    if (mode == Mode::Add) {
        m_login = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(initial.login));
        m_login->SetName("login");
        m_login->SetHint(_("e.g. mdupont"));
        AddField(grid, _("&Login:"), m_login);
    }
    if (mode != Mode::ChangeRole) {
        m_password = AddPasswordField(grid, _("&Password:"), "password");
        m_repeat = AddPasswordField(grid, _("&Repeat it:"), "repeat");
    }
    if (mode != Mode::ResetPassword) {
        m_role = new wxChoice(this, wxID_ANY);
        m_role->SetName("role");
        for (AccessLevel level : {AccessLevel::Reader, AccessLevel::Editor, AccessLevel::Admin})
            m_role->Append(LevelText(level));
        AddField(grid, _("R&ole:"), m_role);
        grid->AddSpacer(0);
        m_roleHint = new wxStaticText(this, wxID_ANY, wxString());
        m_roleHint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        grid->Add(m_roleHint, wxSizerFlags().Expand());
        m_role->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { UpdateRoleHint(); });
        SetLevel(initial.level);
    }

    m_problem = NewProblemLine(this);
    m_problem->SetName("problem");
    ContentSizer()->Add(m_problem, WideFlags().Border(wxTOP, SmallGap()));

    SetAffirmativeLabel(mode == Mode::Add ? _("Create") : _("Save"));
    FinishLayout();
    // Room for the longest role description on two lines, so that choosing a role never resizes.
    SetMinSize(GetSize());
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { Submit(); }, wxID_OK);
    if (m_login)
        m_login->SetFocus();
    else if (m_password)
        m_password->SetFocus();
    else
        m_role->SetFocus();
}

wxTextCtrl* UserDialog::AddPasswordField(wxFlexGridSizer* grid, const wxString& label, const wxString& name)
{
    auto* field = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(260, -1)),
                                 wxTE_PASSWORD);
    field->SetName(name);
    AddField(grid, label, field);
    return field;
}

void UserDialog::SetLevel(AccessLevel level)
{
    if (!m_role)
        return;
    m_role->SetSelection(static_cast<int>(level));
    UpdateRoleHint();
}

void UserDialog::UpdateRoleHint()
{
    const int selection = m_role->GetSelection();
    if (selection == wxNOT_FOUND)
        return;
    m_roleHint->SetLabel(LevelDescription(static_cast<AccessLevel>(selection)));
    m_roleHint->Wrap(FromDIP(300));
    Layout();
}

bool UserDialog::Refuse(wxWindow* field, const wxString& message)
{
    m_problemText = message;
    ShowProblemLine(*this, m_problem, message, 2 * LargeGap(), field);
    return false;
}

bool UserDialog::TransferDataFromWindow()
{
    Values typed = m_values;
    if (m_login) {
        wxString login = m_login->GetValue();
        login.Trim(true).Trim(false);
        if (login.empty())
            return Refuse(m_login, _("Login: type the person's login, such as “mdupont”."));
        if (login.find_first_of(" \t") != wxString::npos)
            return Refuse(m_login, _("Login: no spaces; use letters, digits, “.” or “_”, such as “m.dupont”."));
        typed.login = login.utf8_string();
    }
    if (m_password) {
        const wxString password = m_password->GetValue();
        if (static_cast<int>(password.length()) < kMinimumPassword)
            return Refuse(m_password, wxString::Format(_("Password: at least %d characters."), kMinimumPassword));
        if (m_repeat->GetValue() != password) {
            m_repeat->Clear();
            return Refuse(m_repeat, _("Repeat it: the two passwords differ; type the password again."));
        }
        typed.password = password.utf8_string();
    }
    if (m_role)
        typed.level = static_cast<AccessLevel>(m_role->GetSelection());
    m_values = typed;
    Refuse(nullptr, wxString());
    return true;
}

bool UserDialog::Submit()
{
    if (m_saving || !TransferDataFromWindow())
        return false;
    if (!m_save) {
        Saved();
        return true;
    }
    m_saving = true;
    if (auto* ok = FindWindow(wxID_OK))
        ok->Disable();
    m_save(*this, m_values);
    return true;
}

void UserDialog::Saved()
{
    m_saving = false;
    if (IsModal())
        EndModal(wxID_OK);
    else
        SetReturnCode(wxID_OK);
}

void UserDialog::ShowProblem(const wxString& message)
{
    m_saving = false;
    if (auto* ok = FindWindow(wxID_OK))
        ok->Enable();
    // The server's refusal is about the login when one is typed (taken, invalid), else the password.
    Refuse(m_login ? static_cast<wxWindow*>(m_login) : m_password ? m_password : static_cast<wxWindow*>(m_role),
           message);
}

} // namespace concerto
