// The main frame's commands: its menus, its toolbar and what they do. Kept apart from
// main_frame.cpp, which is about the pages, the database and the status.

#include "app/access_ui.h"
#include "app/commands.h"
#include "app/connection_opener.h"
#include "app/frame_ids.h"
#include "app/frame_prompt.h"
#include "app/import_window.h"
#include "app/install_paths.h"
#include "app/main_frame.h"
#include "app/preferences.h"
#include "core/errors.h"
#include "db/backup.h"
#include "db/database.h"
#include "db/repositories.h"

#include <wx/aboutdlg.h>
#include <wx/artprov.h>
#include <wx/config.h>
#include <wx/control.h>
#include <wx/datetime.h>
#include <wx/filedlg.h>
#include <wx/filehistory.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/srchctrl.h>
#include <wx/stdpaths.h>
#include <wx/timer.h>
#include <wx/toolbar.h>
#include <wx/utils.h>

namespace concerto {

namespace {

const char* const kRecentFilesGroup = "/RecentFiles";
constexpr int kMaxRecentFiles = 8;

// The licence shown in the About box; kept in one place so that packaging can match it.
const char* const kLicence = "European Union Public Licence, version 1.2 (EUPL-1.2).\n"
                             "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12";

wxString DatabaseWildcard()
{
    return _("Concerto databases (*.concerto;*.db)|*.concerto;*.db|All files|*");
}

/// The first search box (wxSearchCtrl) inside `window`, or nullptr.
wxWindow* FindSearchBox(wxWindow* window)
{
    if (dynamic_cast<wxSearchCtrl*>(window))
        return window;
    for (wxWindow* child : window->GetChildren())
        if (wxWindow* found = FindSearchBox(child))
            return found;
    return nullptr;
}

/// Runs `body` with the settings positioned in the recent files' group.
template <class Body> void InRecentFilesGroup(Body body)
{
    auto* config = wxConfigBase::Get();
    const wxString previous = config->GetPath();
    config->SetPath(kRecentFilesGroup);
    body(*config);
    config->SetPath(previous);
}

} // namespace

void MainFrame::BuildMenus()
{
    auto* edit = new wxMenu;
    edit->Append(wxID_PREFERENCES, _("&Preferences…") + "\tCtrl+,", _("Choose the interface language"));

    auto* view = new wxMenu;
    const auto texts = AreaTexts();
    for (int area = 0; area < AreaCount; ++area)
        view->AppendRadioItem(frame_ids::kFirstArea + area, texts[area].name + wxString::Format("\tCtrl+%d", area + 1));
    view->AppendSeparator();
    view->Append(frame_ids::kRefresh, _("&Refresh") + "\tF5", _("Read the consultation again from the database"));

    m_consultationMenu = new wxMenu; // filled by RebuildConsultationMenu()

    auto* contributions = new wxMenu;
    contributions->Append(frame_ids::kQuickEntry, _("&Quick entry…") + "\tCtrl+E",
                          _("Type in paper contributions, one after the other"));
    contributions->Append(frame_ids::kSearch, _("&Search…") + "\tCtrl+F", _("Search the contributions' text"));

    auto* help = new wxMenu;
    help->Append(wxID_HELP_CONTENTS, _("&User guide"), _("Open the user guide (in French)"));
    help->AppendSeparator();
    help->Append(wxID_ABOUT, _("&About Concerto"));

    auto* bar = new wxMenuBar;
    bar->Append(BuildFileMenu(), _("&File"));
    // In context: "&Edit" alone is already the French "&Modifier" of edit buttons.
    bar->Append(edit, wxGETTEXT_IN_CONTEXT("menu", "&Edit"));
    bar->Append(view, _("&View"));
    bar->Append(m_consultationMenu, _("&Consultation"));
    bar->Append(contributions, _("C&ontributions"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);
}

wxMenu* MainFrame::BuildFileMenu()
{
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&New database…") + "\tCtrl+N", _("Create an empty database file and open it"));
    file->Append(wxID_OPEN, _("&Open database…") + "\tCtrl+O", _("Open another database file"));
    file->Append(frame_ids::kConnect, _("&Connect to a server…") + "\tCtrl+Shift+O",
                 _("Open a database shared on a PostgreSQL server"));
    auto* recent = new wxMenu;
    file->Append(frame_ids::kRecentFilesMenu, _("&Recent files"), recent);
    file->AppendSeparator();
    file->Append(frame_ids::kImport, _("&Import…") + "\tCtrl+I",
                 _("Import contributions, commitments or meetings from a CSV file or an Excel workbook"));
    file->Append(frame_ids::kExport, _("&Export…") + "\tCtrl+Shift+X",
                 _("Export the contributions, commitments or meetings to a file that can be imported again"));
    file->AppendSeparator();
    file->Append(frame_ids::kSaveCopy, _("Save a &copy…") + "\tCtrl+Shift+S",
                 _("Save a consistent copy of this database file, for a backup or a colleague"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit") + "\tCtrl+Q", _("Close Concerto"));

    m_recentFiles = std::make_unique<wxFileHistory>(kMaxRecentFiles);
    m_recentFiles->UseMenu(recent);
    InRecentFilesGroup([this](wxConfigBase& config) { m_recentFiles->Load(config); });
    file->Enable(frame_ids::kRecentFilesMenu, m_recentFiles->GetCount() > 0);
    return file;
}

void MainFrame::BuildToolBar()
{
    auto* bar = CreateToolBar(wxTB_HORIZONTAL | wxTB_FLAT | wxTB_TEXT | wxTB_HORZ_LAYOUT);
    auto icon = [](const wxArtID& id) { return wxArtProvider::GetBitmapBundle(id, wxART_TOOLBAR); };
    bar->AddTool(wxID_NEW, _("New database"), icon(wxART_NEW), _("Create an empty database file (Ctrl+N)"));
    bar->AddTool(wxID_OPEN, _("Open"), icon(wxART_FILE_OPEN), _("Open a database file (Ctrl+O)"));
    bar->AddSeparator();
    bar->AddTool(frame_ids::kQuickEntry, _("Quick entry"), icon(wxART_EDIT), _("Type in paper contributions (Ctrl+E)"));
    bar->AddTool(frame_ids::kSearch, _("Search"), icon(wxART_FIND), _("Search the contributions (Ctrl+F)"));
    bar->AddSeparator();
    bar->AddTool(frame_ids::kRefresh, _("Refresh"), icon(wxART_REFRESH),
                 _("Read everything again from the database (F5)"));
    bar->Realize();
}

void MainFrame::BindCommands()
{
    auto command = [this](int id, void (MainFrame::*handler)()) {
        Bind(
            wxEVT_MENU, [this, handler](wxCommandEvent&) { (this->*handler)(); }, id);
    };
    command(wxID_NEW, &MainFrame::OnNewDatabase);
    command(wxID_OPEN, &MainFrame::OnOpenDatabase);
    command(frame_ids::kConnect, &MainFrame::OnConnect);
    command(frame_ids::kSaveCopy, &MainFrame::OnSaveCopy);
    command(wxID_PREFERENCES, &MainFrame::OnPreferences);
    command(frame_ids::kRefresh, &MainFrame::RefreshAll);
    command(frame_ids::kNewConsultation, &MainFrame::OnNewConsultation);
    command(frame_ids::kSearch, &MainFrame::FocusSearch);
    command(wxID_ABOUT, &MainFrame::OnAbout);
    command(wxID_HELP_CONTENTS, &MainFrame::OnUserGuide);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { OpenQuickEntry(this, Context()); }, frame_ids::kQuickEntry);
    Bind(wxEVT_MENU, &MainFrame::OnRecentFile, this, wxID_FILE1, wxID_FILE1 + kMaxRecentFiles - 1);
    Bind(wxEVT_MENU, &MainFrame::OnTransferCommand, this, frame_ids::kImport, frame_ids::kExport);
    AcceptImportDrops(this, Context());
    // Whoever may not write has these commands greyed out (and their shortcuts inert).
    for (int id : {int(frame_ids::kQuickEntry), int(frame_ids::kImport)})
        EnableCommandWhenAllowed(Context(), this, id);
    Bind(wxEVT_MENU, &MainFrame::OnAreaMenu, this, frame_ids::kFirstArea, frame_ids::kFirstArea + AreaCount - 1);
    Bind(wxEVT_MENU, &MainFrame::OnConsultationMenu, this, frame_ids::kFirstConsultation,
         frame_ids::kFirstConsultation + frame_ids::kMaxConsultationItems - 1);
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::OnClose, this);
    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { SetStatusText(wxString(), MessageField); }, frame_ids::kMessageTimer);
}

void MainFrame::RebuildConsultationMenu()
{
    // Later, not now: the call may come from one of the menu's own items, which must not
    // see their menu deleted under them.
    if (m_consultationMenuPending)
        return;
    m_consultationMenuPending = true;
    CallAfter([this] {
        m_consultationMenuPending = false;
        ReplaceConsultationMenu();
    });
}

void MainFrame::ReplaceConsultationMenu()
{
    // A new menu each time, filled before it enters the bar: wxGTK does not draw a separator
    // added to a menu that is already there.
    auto* menu = new wxMenu;
    const int count = std::min(static_cast<int>(m_consultations.size()), frame_ids::kMaxConsultationItems);
    for (int i = 0; i < count; ++i) {
        const Consultation& consultation = m_consultations[i];
        auto* item = menu->AppendRadioItem(frame_ids::kFirstConsultation + i,
                                           wxControl::EscapeMnemonics(wxString::FromUTF8(consultation.title)));
        if (m_consultation && m_consultation->id == consultation.id)
            item->Check();
    }
    if (count == 0)
        menu->Append(wxID_ANY, _("No consultation yet"))->Enable(false);
    menu->AppendSeparator();
    menu->Append(frame_ids::kNewConsultation, _("&New consultation…"), _("Start a new consultation in this database"));
    menu->Enable(frame_ids::kNewConsultation, Allows(Context().GetAccess(), AccessNeed::Administer));
    wxMenuBar* bar = GetMenuBar();
    for (size_t i = 0; i < bar->GetMenuCount(); ++i)
        if (bar->GetMenu(i) == m_consultationMenu) {
            delete bar->Replace(i, menu, bar->GetMenuLabel(i));
            break;
        }
    m_consultationMenu = menu;
}

void MainFrame::OnConsultationMenu(wxCommandEvent& event)
{
    const int index = event.GetId() - frame_ids::kFirstConsultation;
    if (index < 0 || index >= static_cast<int>(m_consultations.size()))
        return;
    const Consultation chosen = m_consultations[index]; // ReloadConsultation() refills the list
    ReloadConsultation(chosen.id);
    ShowMessage(wxString::Format(_("Consultation shown: %s"), wxString::FromUTF8(chosen.title)));
}

void MainFrame::OnNewConsultation()
{
    if (!CheckAllowed(Context(), AccessNeed::Administer))
        return;
    wxString title;
    if (AskConsultationTitle(this, title))
        CreateEmptyConsultation(title);
}

void MainFrame::FocusSearch()
{
    ShowArea(ContributionsArea);
    AreaView* view = m_views[ContributionsArea];
    if (!view)
        return;
    wxCommandEvent event(wxEVT_MENU, kFocusSearchId);
    event.SetEventObject(this);
    if (view->Window()->GetEventHandler()->ProcessEvent(event))
        return;
    // A view that does not handle the event yet: its search box, if it has one, takes the focus.
    if (wxWindow* box = FindSearchBox(view->Window()))
        box->SetFocus();
}

std::vector<wxString> MainFrame::RecentFiles() const
{
    std::vector<wxString> files;
    for (size_t i = 0; i < m_recentFiles->GetCount(); ++i)
        files.push_back(m_recentFiles->GetHistoryFile(i));
    return files;
}

void MainFrame::AddToRecentFiles()
{
    // Server databases are reached through their connection profiles, not this list.
    if (m_db->GetBackend() != Backend::Sqlite)
        return;
    wxFileName file(wxString::FromUTF8(m_db->GetLocation().target));
    file.MakeAbsolute();
    m_recentFiles->AddFileToHistory(file.GetFullPath());
    InRecentFilesGroup([this](wxConfigBase& config) { m_recentFiles->Save(config); });
    wxConfigBase::Get()->Flush();
    GetMenuBar()->Enable(frame_ids::kRecentFilesMenu, true);
}

void MainFrame::OnRecentFile(wxCommandEvent& event)
{
    const size_t index = static_cast<size_t>(event.GetId() - wxID_FILE1);
    if (index >= m_recentFiles->GetCount())
        return;
    const wxString path = m_recentFiles->GetHistoryFile(index);
    if (!wxFileName::FileExists(path)) {
        // Opening it would create an empty database in its place.
        m_recentFiles->RemoveFileFromHistory(index);
        InRecentFilesGroup([this](wxConfigBase& config) { m_recentFiles->Save(config); });
        GetMenuBar()->Enable(frame_ids::kRecentFilesMenu, m_recentFiles->GetCount() > 0);
        wxMessageBox(wxString::Format(_("The file %s no longer exists (moved, renamed or on a removed drive). It "
                                        "has been taken off the recent files."),
                                      path),
                     _("Recent files"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    OpenDatabaseFile(path);
}

bool MainFrame::OpenDatabaseFile(const wxString& path)
{
    std::unique_ptr<Database> db;
    try {
        wxBusyCursor busy;
        db = Database::Open("sqlite:" + path.utf8_string());
    } catch (const Error& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("Cannot open the database"), wxOK | wxICON_ERROR, this);
        return false;
    }
    UseDatabase(std::move(db));
    return true;
}

void MainFrame::OnNewDatabase()
{
    wxFileDialog dialog(this, _("New database"), wxStandardPaths::Get().GetDocumentsDir(), "consultation.concerto",
                        DatabaseWildcard(), wxFD_SAVE);
    if (dialog.ShowModal() != wxID_OK)
        return;
    wxFileName file(dialog.GetPath());
    if (!file.HasExt())
        file.SetExt("concerto");
    // Never reuse an existing file here: "new" must not quietly open, or worse replace, old data.
    if (file.FileExists()) {
        wxMessageBox(wxString::Format(_("The file %s already exists. Choose another name, or use File ▸ Open "
                                        "database… to open it."),
                                      file.GetFullPath()),
                     _("New database"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    OpenDatabaseFile(file.GetFullPath());
}

void MainFrame::OnOpenDatabase()
{
    wxString folder;
    if (m_db->GetBackend() == Backend::Sqlite)
        folder = wxFileName(wxString::FromUTF8(m_db->GetLocation().target)).GetPath();
    wxFileDialog dialog(this, _("Open a database"), folder, wxString(), DatabaseWildcard(),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK)
        OpenDatabaseFile(dialog.GetPath());
}

void MainFrame::OnConnect()
{
    if (IsGeneratingDemo()) {
        wxMessageBox(_("Wait until the demo consultation is ready, then connect."), _("Connect to a server"),
                     wxOK | wxICON_INFORMATION, this);
        return;
    }
    if (auto db = ConnectToServer(this))
        UseDatabase(std::move(db));
}

void MainFrame::OnSaveCopy()
{
    if (m_db->GetBackend() != Backend::Sqlite) {
        wxMessageBox(_("A copy can be saved only of a database file on this computer. A database shared on a "
                       "server is backed up on the server by its administrator (pg_dump)."),
                     _("Save a copy"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    const wxFileName source(wxString::FromUTF8(m_db->GetLocation().target));
    const wxString name = wxString::Format(_("%s copy of %s"), source.GetName(), wxDateTime::Today().FormatISODate());
    wxFileDialog dialog(this, _("Save a copy of the database"), wxStandardPaths::Get().GetDocumentsDir(),
                        name + ".concerto", DatabaseWildcard(), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK)
        return;
    wxFileName destination(dialog.GetPath());
    if (!destination.HasExt())
        destination.SetExt("concerto");
    SaveCopy(destination.GetFullPath());
}

void MainFrame::SaveCopy(const wxString& path, std::function<void(bool)> done)
{
    SetStatusText(_("Saving a copy of the database…"), MessageField);
    const std::string destination = path.utf8_string();
    // On the worker's own connection: the copy reads one consistent snapshot while the
    // window, and colleagues' writes, carry on.
    m_context->Worker().Run<bool>(
        m_lifetime,
        [destination](Database& db) {
            BackupSqlite(db, destination);
            return true;
        },
        [this, path, done](bool) {
            ShowMessage(wxString::Format(_("Copy saved: %s"), wxFileName(path).GetFullName()));
            if (done)
                done(true);
        },
        [this, done](const Error& e) {
            SetStatusText(wxString(), MessageField);
            wxMessageBox(wxString::FromUTF8(e.what()), _("The copy was not saved"), wxOK | wxICON_ERROR, this);
            if (done)
                done(false);
        });
}

void MainFrame::OnPreferences()
{
    const PreferenceValues before = LoadPreferences();
    PreferencesDialog dialog(this, before);
    if (dialog.ShowModal() != wxID_OK)
        return;
    SavePreferences(dialog.GetValues());
    if (dialog.GetValues().language != before.language)
        ShowMessage(_("The new interface language applies the next time Concerto starts."));
}

void MainFrame::OnUserGuide()
{
    const auto guide = UserGuidePath();
    if (!guide) {
        wxMessageBox(_("The user guide is not installed with this copy of Concerto. It is the file "
                       "docs/guide-utilisateur.md of Concerto's sources."),
                     _("User guide"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    if (!wxLaunchDefaultApplication(wxString::FromUTF8(*guide)))
        wxMessageBox(wxString::Format(_("No application on this computer opens the user guide. It is the text file "
                                        "%s."),
                                      wxString::FromUTF8(*guide)),
                     _("User guide"), wxOK | wxICON_INFORMATION, this);
}

void MainFrame::OnAbout()
{
    wxAboutDialogInfo info;
    info.SetName("Concerto");
    info.SetVersion(CONCERTO_VERSION);
    info.SetDescription(_("The administration suite of citizen consultations: contributions, meetings, coding "
                          "against the programme's commitments, synthesis and reports."));
    info.SetLicence(kLicence);
    wxAboutBox(info, this);
}

void MainFrame::OnAreaMenu(wxCommandEvent& event)
{
    ShowArea(event.GetId() - frame_ids::kFirstArea);
}

} // namespace concerto
