#pragma once
// The dialogs of Fichier ▸ Se connecter à un serveur…: the list of saved connection profiles
// (ConnectDialog), the editor of one profile with its "Test the connection" button
// (ConnectionProfileDialog) and the password prompt asked at connection time (PasswordDialog).
// They transfer plain values only: the app tests, connects and stores the profiles. A password
// typed here is handed to the app and never kept by a dialog.

#include "db/connection_profile.h"
#include "dialogs/standard_dialog.h"

#include <functional>
#include <vector>

class wxButton;
class wxCheckBox;
class wxChoice;
class wxListEvent;
class wxListView;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace concerto {

/// What a connection test found, as shown under the test button.
struct ConnectionTestResult {
    bool ok = false;
    wxString message; ///< a sentence: what works, or what is wrong and what to do
};

/// Runs a connection test for a profile (the app's job: it may ask for a password, with
/// `parent`, the dialog that asked, as the prompt's parent).
using ConnectionTester = std::function<ConnectionTestResult(wxWindow* parent, const ConnectionProfile&)>;

/// Edits one profile. Shown modally; on wxID_OK, GetProfile() holds the valid profile.
class ConnectionProfileDialog : public StandardDialog {
public:
    /// `takenNames` are the names of the other profiles, which this one may not reuse.
    ConnectionProfileDialog(wxWindow* parent, const ConnectionProfile& profile, std::vector<std::string> takenNames,
                            ConnectionTester tester);

    const ConnectionProfile& GetProfile() const { return m_profile; }

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

    /// Runs the tester on the fields as they are and shows its result (the test button's action).
    void RunTest();
    /// The result line under the test button (unwrapped).
    wxString TestResultText() const;

private:
    bool ReadFields(ConnectionProfile& profile, bool complain);
    void UpdateEnabling();
    void OnBrowse();

    wxTextCtrl* m_name = nullptr;
    wxTextCtrl* m_host = nullptr;
    wxSpinCtrl* m_port = nullptr;
    wxTextCtrl* m_database = nullptr;
    wxTextCtrl* m_user = nullptr;
    wxChoice* m_tls = nullptr;
    wxTextCtrl* m_rootCertificate = nullptr;
    wxButton* m_browse = nullptr;
    wxStaticText* m_rootCertificateLabel = nullptr;
    wxCheckBox* m_allowNonScram = nullptr;
    wxButton* m_test = nullptr;
    wxStaticText* m_testResult = nullptr;
    wxString m_testMessage;

    ConnectionProfile m_profile;
    std::vector<std::string> m_takenNames;
    ConnectionTester m_tester;
};

/// Lists the saved profiles, lets the user add, edit and delete them, and choose one to
/// connect to. On wxID_OK, GetChosen() is the profile to connect to. Whatever the outcome,
/// GetProfiles() is the list as edited, for the app to save.
class ConnectDialog : public StandardDialog {
public:
    ConnectDialog(wxWindow* parent, std::vector<ConnectionProfile> profiles, ConnectionTester tester);

    const std::vector<ConnectionProfile>& GetProfiles() const { return m_profiles; }
    /// The profile chosen to connect to (valid after wxID_OK).
    const ConnectionProfile& GetChosen() const { return m_chosen; }
    /// Selects the profile named `name` when the dialog opens (the one used last time).
    void SelectAtStart(const std::string& name) { m_chosen.name = name; }
    /// True when the list was changed (a profile added, edited or deleted).
    bool ProfilesChanged() const { return m_changed; }

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

private:
    void Refill(int select);
    void RefillSelecting(const std::string& name);
    int Selected() const;
    std::vector<std::string> NamesExcept(int index) const;
    void OnNew();
    void OnEdit();
    void OnDelete();
    void UpdateEnabling();

    wxListView* m_list = nullptr;
    wxStaticText* m_empty = nullptr;
    wxButton* m_edit = nullptr;
    wxButton* m_delete = nullptr;

    std::vector<ConnectionProfile> m_profiles;
    ConnectionProfile m_chosen;
    ConnectionTester m_tester;
    bool m_changed = false;
};

/// Asks for the password of a connection. On wxID_OK, GetPassword() holds what was typed and
/// RememberInKeyring() whether the user asked to keep it in the system keyring.
class PasswordDialog : public StandardDialog {
public:
    /// `server` and `user` say where the password goes; `problem`, when not empty, says why it
    /// is asked again (a refused password). `offerKeyring` shows the « Remember in the system
    /// keyring » box (unticked): the app passes true only when a keyring can be reached.
    PasswordDialog(wxWindow* parent, const wxString& server, const wxString& user, const wxString& problem = {},
                   bool offerKeyring = false);

    const wxString& GetPassword() const { return m_password; }
    /// True when the box was shown and ticked (valid after wxID_OK).
    bool RememberInKeyring() const { return m_rememberChosen; }
    /// Ticks or unticks the box, when shown (for tests and for a remembered choice).
    void SetRememberInKeyring(bool remember);
    /// True when the « Remember in the system keyring » box is shown.
    bool OffersKeyring() const { return m_remember != nullptr; }

    bool TransferDataFromWindow() override;

private:
    wxTextCtrl* m_input = nullptr;
    wxCheckBox* m_remember = nullptr;
    wxString m_password;
    bool m_rememberChosen = false;
};

/// The words for a TLS mode in the interface ("Vérifier le certificat et le nom du serveur").
wxString TlsModeLabel(TlsMode mode);

} // namespace concerto
