#pragma once
// The "Users" page of the Administration area: the personal logins of the shared server with
// their role, and the commands that manage them (add, change the role, reset the password,
// remove) through db/server_admin.h on the worker. On a database file there are no accounts,
// and on a server where `concerto-cli server init` never ran there are no Concerto roles: the
// page then says so and how to set one up.

#include "app/app_context.h"
#include "app/area_view.h"
#include "app/background_jobs.h"
#include "db/server_admin.h"
#include "dialogs/user_dialog.h"

#include <functional>
#include <wx/panel.h>

class wxButton;
class wxListCtrl;
class wxSimplebook;
class wxStaticText;

namespace concerto {

class UsersPage final : public wxPanel, public AreaView {
public:
    UsersPage(wxWindow* parent, AppContext& context);

    wxWindow* Window() override { return this; }
    void Reload() override;
    void OnShown() override;

    /// What the page shows in place of the list.
    enum Shown { LocalFileShown, NotSetUpShown, NotAdminShown, NoUserShown, ListShown };
    Shown ShownState() const;
    /// True while the list is read or a change saved.
    bool IsBusy() const { return m_jobs.Busy(); }
    /// The logins as last read, in list order.
    const std::vector<UserAccount>& Users() const { return m_users; }
    /// The text of a cell of the list.
    wxString CellText(int row, int column) const;
    /// The problem or result line under the list, as shown.
    wxString StatusText() const;
    /// Selects the login `login`; false when it is not listed.
    bool Select(const std::string& login);

    /// The commands of the buttons and keys.
    void AddUser();             ///< Ctrl+N
    void ChangeRoleOfSelected(); ///< Ctrl+R
    void ResetPasswordOfSelected();
    void RemoveSelected(); ///< Delete, after a confirmation naming the login
    /// Removes `login` without asking, on the worker, then reloads.
    void RemoveLogin(const std::string& login);

    /// The list's columns, left to right.
    enum Column { LoginColumn, RoleColumn, CanLogInColumn, ColumnCount };

private:
    using Job = std::function<void(Database&, const UserDialog::Values&)>;

    wxWindow* BuildList(wxWindow* parent);
    void Loaded(std::vector<UserAccount> users);
    void UpdateButtons();
    void SetStatus(const wxString& message, bool problem);
    void ShowFailure(const Error& error);
    const UserAccount* Selected() const;
    /// Shows the dialog in `mode`, saving through `job` on the worker; `done` says what was done.
    void RunDialog(UserDialog::Mode mode, const UserDialog::Values& initial, Job job, const wxString& done);
    void OnCharHook(wxKeyEvent& event);

    AppContext& m_context;
    Lifetime m_lifetime = NewLifetime();
    BackgroundJobs m_jobs{m_context, m_lifetime, [this](const Error& error) { ShowFailure(error); }};
    std::vector<UserAccount> m_users;
    std::string m_wanted; ///< the login to select after the next load
    bool m_loadedOnce = false;

    wxSimplebook* m_pages = nullptr;
    wxListCtrl* m_list = nullptr;
    wxStaticText* m_count = nullptr;
    wxStaticText* m_status = nullptr;
    wxButton* m_add = nullptr;
    wxButton* m_role = nullptr;
    wxButton* m_password = nullptr;
    wxButton* m_remove = nullptr;
};

} // namespace concerto
