#include "app/connection_opener.h"

#include "app/connection_store.h"
#include "app/secret_store.h"
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

/// Where the password of a successful connection came from.
enum class PasswordSource { None, Keyring, Typed, TypedAndRemembered };

/// Probes `conninfo`; when the server asks for a password, tries the one remembered in the
/// keyring (forgotten if refused), then asks the user as long as the server refuses and the user
/// gives one, keeping it in the keyring when asked to. On success `connectable` is what to open
/// (with the password, if one was needed). Returns the last probe.
ConnectionProbe ProbeAskingPassword(wxWindow* parent, const std::string& conninfo, std::string& connectable,
                                    PasswordSource& source)
{
    wxString server, user;
    SplitDescription(conninfo, server, user);
    const wxString connecting = wxString::Format(_("Connecting to %s…"), server);
    connectable = conninfo;
    source = PasswordSource::None;
    ConnectionProbe probe = WhileBusy(parent, connecting, [conninfo] { return ProbeConnection(conninfo); });
    // A URI cannot take one more key=value pair: the password goes into the key=value form.
    const std::string base = WithoutPassword(conninfo);
    const ConnectionProfile key = ProfileFromConnection(conninfo);
    auto tryPassword = [&](const std::string& password) {
        connectable = base + " password=" + QuoteConnectionValue(password);
        probe = WhileBusy(parent, connecting, [connectable] { return ProbeConnection(connectable); });
    };
    if (probe.needsPassword) {
        if (const auto remembered = LoadPassword(key)) {
            tryPassword(*remembered);
            source = PasswordSource::Keyring;
            if (probe.passwordRejected)
                ForgetPassword(key); // changed on the server: asked below, and remembered again if wished
        }
    }
    const bool offerKeyring = (probe.needsPassword || probe.passwordRejected) && KeyringAvailable();
    for (int attempt = 0; attempt < kPasswordAttempts && (probe.needsPassword || probe.passwordRejected); ++attempt) {
        PasswordDialog ask(parent, server, user,
                           probe.passwordRejected ? wxString::FromUTF8(probe.message) : wxString(), offerKeyring);
        if (ask.ShowModal() != wxID_OK) {
            probe.message.clear(); // cancelled: nothing to report
            return probe;
        }
        tryPassword(ask.GetPassword().utf8_string());
        source = PasswordSource::Typed;
        if (probe.connected && ask.RememberInKeyring()) {
            if (SavePassword(key, ask.GetPassword().utf8_string()))
                source = PasswordSource::TypedAndRemembered;
            else
                wxMessageBox(_("The system keyring did not accept the password (it may be locked): it will be asked "
                               "for at the next connection."),
                             _("Password"), wxOK | wxICON_WARNING, parent);
        }
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
            PasswordSource source = PasswordSource::None;
            const ConnectionProbe probe = ProbeAskingPassword(parent, parsed.target, connectable, source);
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
    PasswordSource source = PasswordSource::None;
    const ConnectionProbe probe = ProbeAskingPassword(parent, ConnectionString(profile), connectable, source);
    ConnectionTestResult result;
    result.ok = probe.connected;
    if (probe.connected) {
        result.message = wxString::Format(_("Connection successful: PostgreSQL %s server."),
                                          wxString::FromUTF8(probe.serverVersion));
        if (source == PasswordSource::Typed)
            result.message += " " + _("The password will be asked for at each connection; it is never saved.");
        else if (source != PasswordSource::None)
            result.message += " " + _("The password is kept in the system keyring.");
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
