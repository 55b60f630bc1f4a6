#include "app/admin_users_page.h"

#include "app/localization.h"
#include "app/main_frame.h"
#include "app/page_widgets.h"
#include "app/placeholder_panel.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace concerto {

namespace {

// The pages of the book, in the order they are added.
enum Page { LocalFilePage, NotSetUpPage, NotAdminPage, ContentPage };

} // namespace

UsersPage::UsersPage(wxWindow* parent, AppContext& context) : wxPanel(parent), m_context(context)
{
    SetName("users-page");
    m_pages = new wxSimplebook(this);
    m_pages->AddPage(
        new PlaceholderPanel(
            m_pages, _("A database file has no user accounts"),
            _("Whoever can open this file can read and change everything in it: its protection is the folder's. "
              "To give each person their own login and role, and to have the database itself enforce them, the "
              "team needs a shared PostgreSQL server."),
            _("IT sets one up once with “concerto-cli server init” (see docs/shared-server.md); then connect to it "
              "with File ▸ Connect to a server… (Ctrl+Shift+O) and add the users here."),
            wxString(), {}),
        wxString());
    m_pages->AddPage(
        new PlaceholderPanel(
            m_pages, _("Concerto roles are not set up on this server"),
            _("This PostgreSQL database has no Concerto roles yet: every login keeps the rights PostgreSQL gives it, "
              "and nothing stops a login from changing anything."),
            _("Ask IT to run “concerto-cli server init” once on this database with a privileged account (see "
              "docs/shared-server.md). The users can then be added here."),
            wxString(), {}),
        wxString());
    m_pages->AddPage(new PlaceholderPanel(m_pages, _("Users are managed by an administrator"),
                                          _("Your role on this server does not allow managing the users. Ask one of "
                                            "Concerto's administrators for a new login or another role."),
                                          wxString(), wxString(), {}),
                     wxString());

    auto* content = new wxPanel(m_pages);
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxPanel(content);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* heading = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(bar, wxID_ANY, _("Users of the server"));
    title->SetFont(title->GetFont().Bold().Scaled(1.3f));
    heading->Add(title);
    m_count = new wxStaticText(bar, wxID_ANY, wxString());
    m_count->SetName("users-count");
    m_count->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    heading->Add(m_count);
    row->Add(heading, wxSizerFlags().CenterVertical());
    row->AddStretchSpacer();
    m_add = AddBarButton(bar, row, _("&Add a user…"), _("Create a personal login with a role (Ctrl+N)"), this,
                         &UsersPage::AddUser);
    m_role = AddBarButton(bar, row, _("Change the &role…"), _("Move the selected login to another role (Ctrl+R)"),
                          this, &UsersPage::ChangeRoleOfSelected);
    m_password = AddBarButton(bar, row, _("Reset the &password…"), _("Give the selected login a new password"), this,
                              &UsersPage::ResetPasswordOfSelected);
    m_remove = AddBarButton(bar, row, _("Re&move…"), _("Remove the selected login from the server (Delete)"), this,
                            &UsersPage::RemoveSelected);
    bar->SetSizer(row);
    column->Add(bar, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    column->Add(BuildList(content), wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(8)));
    m_status = new wxStaticText(content, wxID_ANY, wxString());
    m_status->SetName("users-status");
    column->Add(m_status, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    content->SetSizer(column);
    m_pages->AddPage(content, wxString());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_pages, wxSizerFlags(1).Expand());
    SetSizer(sizer);
    Bind(wxEVT_CHAR_HOOK, &UsersPage::OnCharHook, this);
    UpdateButtons();
}

wxWindow* UsersPage::BuildList(wxWindow* parent)
{
    m_list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->SetName("users");
    m_list->AppendColumn(_("Login"), wxLIST_FORMAT_LEFT, FromDIP(260));
    m_list->AppendColumn(_("Role"), wxLIST_FORMAT_LEFT, FromDIP(180));
    m_list->AppendColumn(_("Can log in"), wxLIST_FORMAT_LEFT, FromDIP(120));
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { UpdateButtons(); });
    m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { UpdateButtons(); });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { ChangeRoleOfSelected(); });
    return m_list;
}

UsersPage::Shown UsersPage::ShownState() const
{
    switch (m_pages->GetSelection()) {
    case LocalFilePage:
        return LocalFileShown;
    case NotSetUpPage:
        return NotSetUpShown;
    case NotAdminPage:
        return NotAdminShown;
    default:
        return m_users.empty() ? NoUserShown : ListShown;
    }
}

void UsersPage::OnShown()
{
    if (!m_loadedOnce && !m_jobs.Busy())
        Reload();
    if (m_pages->GetSelection() == ContentPage)
        m_list->SetFocus();
}

void UsersPage::Reload()
{
    const Access& access = m_context.GetAccess();
    m_jobs.Forget(); // another database comes with another worker
    if (m_context.Db().GetBackend() == Backend::Sqlite) {
        m_pages->ChangeSelection(LocalFilePage);
        return;
    }
    if (access.unmanaged) {
        m_pages->ChangeSelection(NotSetUpPage);
        return;
    }
    if (!access.CanAdminister()) {
        m_pages->ChangeSelection(NotAdminPage);
        return;
    }
    m_pages->ChangeSelection(ContentPage);
    if (m_wanted.empty())
        if (const UserAccount* selected = Selected())
            m_wanted = selected->login;
    m_count->SetLabel(_("Loading…"));
    m_jobs.Run<std::vector<UserAccount>>([](Database& db) { return ListUsers(db); },
                                         [this](std::vector<UserAccount> users) { Loaded(std::move(users)); },
                                         "users-list", [this](const Error& error) {
                                             m_count->SetLabel(wxString());
                                             ShowFailure(error);
                                         });
}

void UsersPage::Loaded(std::vector<UserAccount> users)
{
    m_loadedOnce = true;
    m_users = std::move(users);
    m_list->Freeze();
    m_list->DeleteAllItems();
    for (std::size_t i = 0; i < m_users.size(); ++i) {
        const UserAccount& user = m_users[i];
        const long item = m_list->InsertItem(static_cast<long>(i), wxString::FromUTF8(user.login));
        m_list->SetItem(item, RoleColumn, UserDialog::LevelText(user.level));
        m_list->SetItem(item, CanLogInColumn, user.canLogin ? _("Yes") : _("No (disabled)"));
    }
    m_list->Thaw();
    const auto count = static_cast<long long>(m_users.size());
    m_count->SetLabel(m_users.empty() ? _("No login yet")
                                      : wxString::Format(wxPLURAL("%s login", "%s logins", static_cast<int>(count)),
                                                         FormatCount(count)));
    if (m_users.empty())
        SetStatus(_("No personal login has a Concerto role yet: add one for each person of the team (Ctrl+N)."),
                  false);
    if (!m_wanted.empty())
        Select(m_wanted);
    m_wanted.clear();
    UpdateButtons();
    Layout();
}

wxString UsersPage::CellText(int row, int column) const
{
    return m_list->GetItemText(row, column);
}

wxString UsersPage::StatusText() const
{
    return m_status->GetLabel();
}

bool UsersPage::Select(const std::string& login)
{
    const auto at = std::find_if(m_users.begin(), m_users.end(),
                                 [&](const UserAccount& user) { return user.login == login; });
    if (at == m_users.end())
        return false;
    SelectListRow(*m_list, static_cast<long>(at - m_users.begin()));
    UpdateButtons();
    return true;
}

const UserAccount* UsersPage::Selected() const
{
    const long row = SelectedListRow(*m_list, m_users.size());
    return row >= 0 ? &m_users[static_cast<std::size_t>(row)] : nullptr;
}

void UsersPage::UpdateButtons()
{
    const bool selected = Selected() != nullptr;
    m_role->Enable(selected);
    m_password->Enable(selected);
    m_remove->Enable(selected);
}

void UsersPage::SetStatus(const wxString& message, bool problem)
{
    m_status->SetForegroundColour(problem ? wxColour(0xA4, 0x00, 0x00)
                                          : wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
    m_status->SetLabel(message);
    m_status->Wrap(std::max(FromDIP(300), GetClientSize().GetWidth() - FromDIP(16)));
    Layout();
}

void UsersPage::ShowFailure(const Error& error)
{
    if (!ReportConnectionTrouble(this, error))
        SetStatus(wxString::FromUTF8(error.what()), true);
}

void UsersPage::RunDialog(UserDialog::Mode mode, const UserDialog::Values& initial, Job job, const wxString& done)
{
    // The dialog's own lifetime: an answer arriving after it was cancelled must not touch it.
    Lifetime dialogAlive = NewLifetime();
    UserDialog dialog(this, mode, initial, [this, &dialogAlive, job](UserDialog& asking, const UserDialog::Values& values) {
        UserDialog* target = &asking;
        m_context.Worker().Run<bool>(
            dialogAlive,
            [job, values](Database& db) {
                job(db, values);
                return true;
            },
            [target](bool) { target->Saved(); },
            [this, target](const Error& error) {
                if (!ReportConnectionTrouble(this, error))
                    target->ShowProblem(wxString::FromUTF8(error.what()));
                else
                    target->EndModal(wxID_CANCEL);
            });
    });
    const bool saved = dialog.ShowModal() == wxID_OK;
    dialogAlive.reset();
    if (saved) {
        m_wanted = dialog.GetValues().login;
        SetStatus(wxString::Format(done, wxString::FromUTF8(dialog.GetValues().login)), false);
    }
    // Even after a cancel: a save may have gone through while the dialog was closing.
    Reload();
}

void UsersPage::AddUser()
{
    if (m_pages->GetSelection() != ContentPage)
        return;
    RunDialog(UserDialog::Mode::Add, UserDialog::Values{},
              [](Database& db, const UserDialog::Values& values) {
                  concerto::AddUser(db, values.login, values.password, values.level);
              },
              _("The login “%s” was created. Give the person their password in person."));
}

void UsersPage::ChangeRoleOfSelected()
{
    const UserAccount* user = Selected();
    if (!user)
        return;
    UserDialog::Values initial;
    initial.login = user->login;
    initial.level = user->level;
    RunDialog(UserDialog::Mode::ChangeRole, initial,
              [](Database& db, const UserDialog::Values& values) { SetUserRole(db, values.login, values.level); },
              _("The role of “%s” was changed; it applies from their next connection."));
}

void UsersPage::ResetPasswordOfSelected()
{
    const UserAccount* user = Selected();
    if (!user)
        return;
    UserDialog::Values initial;
    initial.login = user->login;
    initial.level = user->level;
    RunDialog(UserDialog::Mode::ResetPassword, initial,
              [](Database& db, const UserDialog::Values& values) {
                  SetUserPassword(db, values.login, values.password);
              },
              _("The password of “%s” was changed."));
}

void UsersPage::RemoveSelected()
{
    const UserAccount* user = Selected();
    if (!user)
        return;
    const std::string login = user->login;
    wxMessageDialog confirm(this,
                            wxString::Format(_("Remove the login “%s” from the server? This person will no longer be "
                                               "able to connect. What they typed and coded stays, and the change log "
                                               "keeps their name."),
                                             wxString::FromUTF8(login)),
                            _("Remove a user"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    confirm.SetYesNoLabels(_("Remove"), _("Keep"));
    if (confirm.ShowModal() == wxID_YES)
        RemoveLogin(login);
}

void UsersPage::RemoveLogin(const std::string& login)
{
    m_jobs.Run<bool>(
        [login](Database& db) {
            RemoveUser(db, login);
            return true;
        },
        [this, login](bool) {
            SetStatus(wxString::Format(_("The login “%s” was removed."), wxString::FromUTF8(login)), false);
            Reload();
        });
}

void UsersPage::OnCharHook(wxKeyEvent& event)
{
    const int key = event.GetKeyCode();
    if (m_pages->GetSelection() == ContentPage) {
        if (event.GetModifiers() == wxMOD_CONTROL && key == 'N') {
            AddUser();
            return;
        }
        if (event.GetModifiers() == wxMOD_CONTROL && key == 'R') {
            ChangeRoleOfSelected();
            return;
        }
        if (event.GetModifiers() == wxMOD_NONE && FindFocus() == m_list &&
            (key == WXK_DELETE || key == WXK_NUMPAD_DELETE)) {
            RemoveSelected();
            return;
        }
    }
    event.Skip();
}

} // namespace concerto
