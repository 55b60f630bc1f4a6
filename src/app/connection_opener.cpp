#include "app/connection_opener.h"

#include "app/connection_store.h"
#include "core/errors.h"
#include "db/database.h"

#include <chrono>
#include <future>
#include <thread>
#include <wx/app.h>
#include <wx/busyinfo.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/utils.h>

namespace concerto {

namespace {

// A refused password is asked again this many times before giving up.
constexpr int kPasswordAttempts = 3;

/// Runs `work` on another thread while the windows stay painted but take no input, with a
/// small message saying what is happening. Returns its result or rethrows its exception.
template <class Work> auto WhileBusy(wxWindow* parent, const wxString& message, Work work) -> decltype(work())
{
    using Result = decltype(work());
    std::packaged_task<Result()> task(std::move(work));
    std::future<Result> result = task.get_future();
    std::thread thread(std::move(task));
    {
        wxWindowDisabler disabler;
        wxBusyInfo info(wxBusyInfoFlags().Parent(parent).Text(message));
        while (result.wait_for(std::chrono::milliseconds(20)) != std::future_status::ready)
            if (wxTheApp)
                wxTheApp->Yield(true);
    }
    thread.join();
    return result.get();
}

/// "user@host/db" split into the server part and the user, for the password prompt.
void SplitDescription(const std::string& conninfo, wxString& server, wxString& user)
{
    const wxString description = wxString::FromUTF8(DescribeConnection(conninfo));
    server = description.AfterFirst('@');
    user = description.Contains("@") ? description.BeforeFirst('@') : wxString();
    if (server.empty())
        server = description;
}

void ShowFailure(wxWindow* parent, const wxString& message, const wxString& afterFailure)
{
    wxMessageBox(afterFailure.empty() ? message : message + "\n\n" + afterFailure, _("Connection failed"),
                 wxOK | wxICON_ERROR, parent);
}

/// Probes `conninfo`, then again with a password as long as the server asks for one and the
/// user gives one. On success `connectable` is what to open (with the password, if one was
/// needed). Returns the last probe.
ConnectionProbe ProbeAskingPassword(wxWindow* parent, const std::string& conninfo, std::string& connectable)
{
    wxString server, user;
    SplitDescription(conninfo, server, user);
    const wxString connecting = wxString::Format(_("Connecting to %s…"), server);
    connectable = conninfo;
    ConnectionProbe probe = WhileBusy(parent, connecting, [conninfo] { return ProbeConnection(conninfo); });
    // A URI cannot take one more key=value pair: the password goes into the key=value form.
    const std::string base = WithoutPassword(conninfo);
    for (int attempt = 0; attempt < kPasswordAttempts && (probe.needsPassword || probe.passwordRejected); ++attempt) {
        PasswordDialog ask(parent, server, user,
                           probe.passwordRejected ? wxString::FromUTF8(probe.message) : wxString());
        if (ask.ShowModal() != wxID_OK) {
            probe.message.clear(); // cancelled: nothing to report
            return probe;
        }
        connectable = base + " password=" + QuoteConnectionValue(ask.GetPassword().utf8_string());
        probe = WhileBusy(parent, connecting, [connectable] { return ProbeConnection(connectable); });
    }
    return probe;
}

} // namespace

std::unique_ptr<Database> OpenInteractively(wxWindow* parent, const std::string& location, const wxString& afterFailure)
{
    try {
        const Location parsed = Location::Parse(location);
        std::string connectable = location;
        if (parsed.backend == Backend::Postgresql) {
            const ConnectionProbe probe = ProbeAskingPassword(parent, parsed.target, connectable);
            if (!probe.connected) {
                if (!probe.message.empty())
                    ShowFailure(parent, wxString::FromUTF8(probe.message), afterFailure);
                return nullptr;
            }
        }
        // Opening also brings the schema up to date, which may take a moment on a server.
        return WhileBusy(parent, _("Opening the database…"), [connectable] { return Database::Open(connectable); });
    } catch (const Error& e) {
        ShowFailure(parent, wxString::FromUTF8(e.what()), afterFailure);
    }
    return nullptr;
}

ConnectionTestResult TestConnectionProfile(wxWindow* parent, const ConnectionProfile& profile)
{
    std::string connectable;
    const ConnectionProbe probe = ProbeAskingPassword(parent, ConnectionString(profile), connectable);
    ConnectionTestResult result;
    result.ok = probe.connected;
    if (probe.connected) {
        const bool withPassword = connectable.find("password=") != std::string::npos;
        result.message = wxString::Format(_("Connection successful: PostgreSQL %s server."),
                                          wxString::FromUTF8(probe.serverVersion));
        if (withPassword)
            result.message += " " + _("The password will be asked for at each connection; it is never saved.");
    } else {
        result.message = probe.message.empty() ? _("Test cancelled.") : wxString::FromUTF8(probe.message);
    }
    return result;
}

std::unique_ptr<Database> ConnectToServer(wxWindow* parent)
{
    ConnectDialog dialog(parent, LoadConnectionProfiles(), &TestConnectionProfile);
    dialog.SelectAtStart(LastConnectionProfile());
    const int answer = dialog.ShowModal();
    // Saved whatever the answer: adding or editing a profile is worth keeping even when the
    // user then decides not to connect.
    if (dialog.ProfilesChanged())
        SaveConnectionProfiles(dialog.GetProfiles());
    if (answer != wxID_OK)
        return nullptr;
    const ConnectionProfile chosen = dialog.GetChosen();
    auto db = OpenInteractively(parent, ConnectionString(chosen));
    if (db)
        RememberConnectionProfile(chosen.name);
    return db;
}

} // namespace concerto
