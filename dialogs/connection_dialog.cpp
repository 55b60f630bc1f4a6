#include "dialogs/connection_dialog.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

namespace concerto {

namespace {

constexpr TlsMode kTlsModes[] = {TlsMode::VerifyFull, TlsMode::VerifyCa, TlsMode::Require, TlsMode::Disable};

int TlsIndex(TlsMode mode)
{
    return static_cast<int>(std::find(std::begin(kTlsModes), std::end(kTlsModes), mode) - std::begin(kTlsModes));
}

wxString Trimmed(const wxTextCtrl* control)
{
    wxString value = control->GetValue();
    return value.Trim(true).Trim(false);
}

wxColour ResultColour(bool ok)
{
    // Dark enough to read on the dialog's background, in light and dark themes alike.
    if (wxSystemSettings::GetAppearance().IsDark())
        return ok ? wxColour(120, 210, 120) : wxColour(255, 130, 120);
    return ok ? wxColour(0, 110, 40) : wxColour(180, 30, 20);
}

} // namespace

wxString TlsModeLabel(TlsMode mode)
{
    switch (mode) {
    case TlsMode::Disable:
        return _("Not encrypted (trusted network only)");
    case TlsMode::Require:
        return _("Encrypted, server not verified");
    case TlsMode::VerifyCa:
        return _("Encrypted, server certificate verified");
    case TlsMode::VerifyFull:
        break;
    }
    return _("Encrypted, certificate and server name verified (recommended)");
}

// --- ConnectionProfileDialog ------------------------------------------------------------------

ConnectionProfileDialog::ConnectionProfileDialog(wxWindow* parent, const ConnectionProfile& profile,
                                                 std::vector<std::string> takenNames, ConnectionTester tester)
    : StandardDialog(parent, profile.name.empty() ? _("New connection") : _("Edit the connection")), m_profile(profile),
      m_takenNames(std::move(takenNames)), m_tester(std::move(tester))
{
    AddHeading(profile.name.empty() ? _("New connection") : _("Edit the connection"));
    AddParagraph(_("Ask the administrator of the shared database for these details, and for the root certificate "
                   "file of the server. The password is never written in a file: Concerto asks for it when "
                   "connecting, and can keep it in the system keyring."),
                 540);
    auto* grid = AddFieldGrid();
    m_name = new wxTextCtrl(this, wxID_ANY);
    m_name->SetHint(_("e.g. Town hall server"));
    AddField(grid, _("Name:"), m_name);
    m_host = new wxTextCtrl(this, wxID_ANY);
    m_host->SetHint(_("e.g. db.example.org"));
    AddField(grid, _("Server:"), m_host);
    m_port = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1, 65535,
                            5432);
    auto* portRow = new wxBoxSizer(wxHORIZONTAL);
    portRow->Add(m_port);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Port:")), wxSizerFlags().Right().CenterVertical());
    grid->Add(portRow);
    m_database = new wxTextCtrl(this, wxID_ANY);
    m_database->SetHint(_("e.g. concerto"));
    AddField(grid, _("Database:"), m_database);
    m_user = new wxTextCtrl(this, wxID_ANY);
    m_user->SetHint(_("empty: your session's user name"));
    AddField(grid, _("User:"), m_user);

    m_tls = new wxChoice(this, wxID_ANY);
    for (TlsMode mode : kTlsModes)
        m_tls->Append(TlsModeLabel(mode));
    AddField(grid, _("Encryption (TLS):"), m_tls);
    m_rootCertificate = new wxTextCtrl(this, wxID_ANY);
    m_rootCertificate->SetHint(_("empty: ~/.postgresql/root.crt"));
    m_browse = new wxButton(this, wxID_ANY, _("Choose…"));
    auto* certificateRow = new wxBoxSizer(wxHORIZONTAL);
    certificateRow->Add(m_rootCertificate, wxSizerFlags(1).CenterVertical());
    certificateRow->Add(m_browse, wxSizerFlags().CenterVertical().Border(wxLEFT, SmallGap()));
    m_rootCertificateLabel = new wxStaticText(this, wxID_ANY, _("Root certificate:"));
    grid->Add(m_rootCertificateLabel, wxSizerFlags().Right().CenterVertical());
    grid->Add(certificateRow, wxSizerFlags().Expand());
    m_allowNonScram = new wxCheckBox(this, wxID_ANY,
                                     _("Accept a server without SCRAM-SHA-256 authentication (less safe: only for an "
                                       "old server, on the administrator's advice)"));
    ContentSizer()->Add(m_allowNonScram, wxSizerFlags().Border(wxTOP, SmallGap()));

    m_test = new wxButton(this, wxID_ANY, _("&Test the connection"));
    m_testResult = new wxStaticText(this, wxID_ANY, wxString());
    // Room for a two-line answer, so that the dialog does not jump when it arrives.
    m_testResult->SetMinSize(wxSize(FromDIP(540), 2 * GetCharHeight() + FromDIP(4)));
    ContentSizer()->Add(m_test, wxSizerFlags().Border(wxTOP, LargeGap()));
    ContentSizer()->Add(m_testResult, WideFlags().Border(wxTOP, SmallGap()));

    SetAffirmativeLabel(_("Save"));
    FinishLayout();
    SetMinSize(GetSize());

    m_tls->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { UpdateEnabling(); });
    m_browse->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnBrowse(); });
    m_test->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { RunTest(); });
    m_test->Enable(static_cast<bool>(m_tester));
}

bool ConnectionProfileDialog::TransferDataToWindow()
{
    m_name->ChangeValue(wxString::FromUTF8(m_profile.name));
    m_host->ChangeValue(wxString::FromUTF8(m_profile.host));
    m_port->SetValue(m_profile.port);
    m_database->ChangeValue(wxString::FromUTF8(m_profile.database));
    m_user->ChangeValue(wxString::FromUTF8(m_profile.user));
    m_tls->SetSelection(TlsIndex(m_profile.tls));
    m_rootCertificate->ChangeValue(wxString::FromUTF8(m_profile.rootCertificate));
    m_allowNonScram->SetValue(!m_profile.requireScram);
    UpdateEnabling();
    (m_profile.name.empty() ? m_name : m_host)->SetFocus();
    return true;
}

bool ConnectionProfileDialog::TransferDataFromWindow()
{
    ConnectionProfile profile;
    if (!ReadFields(profile, true))
        return false;
    m_profile = profile;
    return true;
}

bool ConnectionProfileDialog::ReadFields(ConnectionProfile& profile, bool complain)
{
    auto refuse = [this, complain](wxWindow* field, const wxString& message) {
        if (complain) {
            wxMessageBox(message, _("Connection"), wxOK | wxICON_INFORMATION, this);
            field->SetFocus();
        }
        return false;
    };
    const wxString name = Trimmed(m_name);
    if (name.empty())
        return refuse(m_name, _("Give the connection a name, for example the name of the server or of the team."));
    if (name.Contains("/"))
        return refuse(m_name, _("The name cannot contain a slash (/)."));
    if (std::count(m_takenNames.begin(), m_takenNames.end(), name.utf8_string()) > 0)
        return refuse(m_name,
                      wxString::Format(_("Another connection is already named “%s”: choose another name."), name));
    if (Trimmed(m_host).empty())
        return refuse(m_host, _("Enter the server's name or address, as given by the administrator."));
    if (Trimmed(m_database).empty())
        return refuse(m_database, _("Enter the name of the database on the server."));
    const wxString certificate = Trimmed(m_rootCertificate);
    const TlsMode tls = kTlsModes[std::max(0, m_tls->GetSelection())];
    if (tls != TlsMode::Disable && !certificate.empty() && !wxFileName::FileExists(certificate))
        return refuse(m_rootCertificate,
                      wxString::Format(_("The root certificate file %s does not exist."), certificate));
    profile.name = name.utf8_string();
    profile.host = Trimmed(m_host).utf8_string();
    profile.port = m_port->GetValue();
    profile.database = Trimmed(m_database).utf8_string();
    profile.user = Trimmed(m_user).utf8_string();
    profile.tls = tls;
    profile.rootCertificate = certificate.utf8_string();
    profile.requireScram = !m_allowNonScram->GetValue();
    return true;
}

void ConnectionProfileDialog::UpdateEnabling()
{
    const bool encrypted = m_tls->GetSelection() != TlsIndex(TlsMode::Disable);
    m_rootCertificate->Enable(encrypted);
    m_browse->Enable(encrypted);
    m_rootCertificateLabel->Enable(encrypted);
}

void ConnectionProfileDialog::OnBrowse()
{
    wxFileDialog dialog(this, _("Root certificate of the server"), wxFileName(m_rootCertificate->GetValue()).GetPath(),
                        wxString(), _("Certificates (*.crt;*.pem;*.cer)|*.crt;*.pem;*.cer|All files|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK)
        m_rootCertificate->ChangeValue(dialog.GetPath());
}

void ConnectionProfileDialog::RunTest()
{
    ConnectionProfile profile;
    if (!m_tester || !ReadFields(profile, true))
        return;
    m_testResult->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_testMessage = _("Connecting…");
    m_testResult->SetLabel(m_testMessage);
    m_testResult->Update();
    ConnectionTestResult result;
    {
        wxBusyCursor busy;
        result = m_tester(this, profile);
    }
    m_testResult->SetForegroundColour(ResultColour(result.ok));
    m_testMessage = result.message;
    m_testResult->SetLabel(result.message);
    m_testResult->Wrap(FromDIP(540));
    // A certificate problem and what to do about it may take more lines than reserved.
    const wxSize fitting = GetSizer()->ComputeFittingWindowSize(this);
    if (fitting.y > GetSize().y)
        SetSize(wxSize(GetSize().x, fitting.y));
    Layout();
}

wxString ConnectionProfileDialog::TestResultText() const
{
    return m_testMessage;
}

// --- ConnectDialog ----------------------------------------------------------------------------

ConnectDialog::ConnectDialog(wxWindow* parent, std::vector<ConnectionProfile> profiles, ConnectionTester tester)
    : StandardDialog(parent, _("Connect to a server")), m_profiles(std::move(profiles)), m_tester(std::move(tester))
{
    AddHeading(_("Connect to a server"));
    AddParagraph(_("A database shared on a PostgreSQL server lets the whole team work on the same consultation. "
                   "Choose a connection, or create one with the details the administrator gave you."),
                 540);

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_list =
        new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(440, 200)), wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(160));
    m_list->AppendColumn(_("Server"), wxLIST_FORMAT_LEFT, FromDIP(270));
    // The server column takes whatever width the name leaves.
    m_list->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        m_list->SetColumnWidth(1, std::max(FromDIP(120), m_list->GetClientSize().x - m_list->GetColumnWidth(0)));
    });
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* add = new wxButton(this, wxID_ANY, _("&New connection…"));
    m_edit = new wxButton(this, wxID_ANY, _("&Edit…"));
    m_delete = new wxButton(this, wxID_ANY, _("&Delete"));
    for (wxButton* button : {add, m_edit, m_delete})
        column->Add(button, wxSizerFlags().Expand().Border(wxBOTTOM, SmallGap()));
    row->Add(m_list, wxSizerFlags(1).Expand());
    row->Add(column, wxSizerFlags().Border(wxLEFT, SmallGap()));
    ContentSizer()->Add(row, wxSizerFlags(1).Expand().Border(wxTOP, SmallGap()));
    m_empty = new wxStaticText(this, wxID_ANY, _("No connection yet: create one with “New connection…”."));
    m_empty->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    ContentSizer()->Add(m_empty, wxSizerFlags().Border(wxTOP, SmallGap()));

    SetAffirmativeLabel(_("Connect"));
    FinishLayout();

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnNew(); });
    m_edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnEdit(); });
    m_delete->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnDelete(); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { UpdateEnabling(); });
    m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { UpdateEnabling(); });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
        if (Validate() && TransferDataFromWindow())
            EndModal(wxID_OK);
    });
}

bool ConnectDialog::TransferDataToWindow()
{
    RefillSelecting(m_chosen.name); // the last one chosen, when the app passes it back
    if (Selected() < 0 && !m_profiles.empty())
        Refill(0);
    return true;
}

bool ConnectDialog::TransferDataFromWindow()
{
    const int selected = Selected();
    if (selected < 0) {
        wxMessageBox(_("Choose a connection in the list, or create one with “New connection…”."),
                     _("Connect to a server"), wxOK | wxICON_INFORMATION, this);
        return false;
    }
    m_chosen = m_profiles[selected];
    return true;
}

void ConnectDialog::Refill(int select)
{
    m_list->DeleteAllItems();
    for (size_t i = 0; i < m_profiles.size(); ++i) {
        const long item = m_list->InsertItem(static_cast<long>(i), wxString::FromUTF8(m_profiles[i].name));
        m_list->SetItem(item, 1, wxString::FromUTF8(DescribeConnection(ConnectionString(m_profiles[i]))));
    }
    if (select >= 0 && select < m_list->GetItemCount()) {
        m_list->Select(select);
        m_list->Focus(select);
    }
    m_empty->Show(m_profiles.empty());
    Layout();
    UpdateEnabling();
    m_list->SetFocus();
}

void ConnectDialog::RefillSelecting(const std::string& name)
{
    std::sort(m_profiles.begin(), m_profiles.end(),
              [](const ConnectionProfile& a, const ConnectionProfile& b) { return a.name < b.name; });
    int index = -1;
    for (size_t i = 0; i < m_profiles.size(); ++i)
        if (m_profiles[i].name == name)
            index = static_cast<int>(i);
    Refill(index);
}

int ConnectDialog::Selected() const
{
    return static_cast<int>(m_list->GetFirstSelected());
}

std::vector<std::string> ConnectDialog::NamesExcept(int index) const
{
    std::vector<std::string> names;
    for (size_t i = 0; i < m_profiles.size(); ++i)
        if (static_cast<int>(i) != index)
            names.push_back(m_profiles[i].name);
    return names;
}

void ConnectDialog::OnNew()
{
    ConnectionProfileDialog dialog(this, ConnectionProfile{}, NamesExcept(-1), m_tester);
    if (dialog.ShowModal() != wxID_OK)
        return;
    m_profiles.push_back(dialog.GetProfile());
    m_changed = true;
    RefillSelecting(dialog.GetProfile().name);
}

void ConnectDialog::OnEdit()
{
    const int selected = Selected();
    if (selected < 0)
        return;
    ConnectionProfileDialog dialog(this, m_profiles[selected], NamesExcept(selected), m_tester);
    if (dialog.ShowModal() != wxID_OK)
        return;
    m_profiles[selected] = dialog.GetProfile();
    m_changed = true;
    RefillSelecting(dialog.GetProfile().name);
}

void ConnectDialog::OnDelete()
{
    const int selected = Selected();
    if (selected < 0)
        return;
    wxMessageDialog confirm(this,
                            wxString::Format(_("Delete the connection “%s”? The database on the server is not "
                                               "affected."),
                                             wxString::FromUTF8(m_profiles[selected].name)),
                            _("Delete the connection"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    confirm.SetYesNoLabels(_("Delete"), _("Keep"));
    if (confirm.ShowModal() != wxID_YES)
        return;
    m_profiles.erase(m_profiles.begin() + selected);
    m_changed = true;
    Refill(std::min(selected, static_cast<int>(m_profiles.size()) - 1));
}

void ConnectDialog::UpdateEnabling()
{
    const bool any = Selected() >= 0;
    m_edit->Enable(any);
    m_delete->Enable(any);
    if (auto* connect = FindWindow(wxID_OK))
        connect->Enable(any);
}

// --- PasswordDialog ---------------------------------------------------------------------------

PasswordDialog::PasswordDialog(wxWindow* parent, const wxString& server, const wxString& user, const wxString& problem,
                               bool offerKeyring)
    : StandardDialog(parent, _("Password"))
{
    AddHeading(_("Password"));
    AddParagraph(user.empty() ? wxString::Format(_("The server %s asks for your password."), server)
                              : wxString::Format(_("The server %s asks for the password of “%s”."), server, user),
                 400);
    if (!problem.empty()) {
        auto* text = AddParagraph(problem, 400);
        text->SetForegroundColour(ResultColour(false));
    }
    m_input = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    auto* grid = AddFieldGrid();
    AddField(grid, _("Password:"), m_input);
    if (offerKeyring) {
        m_remember = new wxCheckBox(this, wxID_ANY, _("&Remember in the system keyring"));
        ContentSizer()->Add(m_remember, wxSizerFlags().Border(wxTOP, SmallGap()));
    }
    auto* note = AddParagraph(offerKeyring ? _("Otherwise it is kept in memory for this session only. It is never "
                                               "written in a file.")
                                           : _("It is kept in memory for this session only, never saved."),
                              400);
    note->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    SetAffirmativeLabel(_("Connect"));
    FinishLayout();
    m_input->SetFocus();
}

void PasswordDialog::SetRememberInKeyring(bool remember)
{
    if (m_remember)
        m_remember->SetValue(remember);
}

bool PasswordDialog::TransferDataFromWindow()
{
    m_password = m_input->GetValue();
    m_rememberChosen = m_remember && m_remember->GetValue();
    if (m_password.empty()) {
        wxMessageBox(_("Type the password, or choose Cancel."), _("Password"), wxOK | wxICON_INFORMATION, this);
        m_input->SetFocus();
        return false;
    }
    return true;
}

} // namespace concerto
