#include "app/main_frame.h"

#include "app/dashboard_panel.h"
#include "app/demo_generation.h"
#include "app/navigation_list.h"
#include "app/placeholder_panel.h"
#include "core/errors.h"
#include "db/database.h"
#include "db/demo.h"
#include "db/repositories.h"
#include "dialogs/first_run_dialog.h"

#include <wx/aboutdlg.h>
#include <wx/config.h>
#include <wx/display.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/persist/toplevel.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/statusbr.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

namespace concerto {

namespace {

const char* const kLastDatabaseKey = "/Database/Last";
// The View menu's area items use consecutive ids from here, one per Area.
constexpr int kFirstAreaId = wxID_HIGHEST + 100;
// A wide literal, so that it never depends on the C library's character set.
const wchar_t* const kDash = L" \u2014 ";

// The licence shown in the About box; kept in one place so that packaging can match it.
const char* const kLicence = "European Union Public Licence, version 1.2 (EUPL-1.2).\n"
                             "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12";

/// Where the database lives, as the user knows it: a file path, or a server URI without password.
wxString DisplayLocation(const Database& db)
{
    const Location& location = db.GetLocation();
    return wxString::FromUTF8(location.backend == Backend::Sqlite ? location.target : location.ToDisplayString());
}

wxString DatabaseWildcard()
{
    return _("Concerto databases (*.concerto;*.db)|*.concerto;*.db|All files|*");
}

} // namespace

MainFrame::MainFrame(std::unique_ptr<Database> db) : wxFrame(nullptr, wxID_ANY, "Concerto"), m_db(std::move(db))
{
    wxASSERT(m_db);
    BuildMenus();
    BuildPages();
    CreateStatusBar(StatusFieldCount);
    const int widths[StatusFieldCount] = {-3, -2, -1};
    GetStatusBar()->SetStatusWidths(StatusFieldCount, widths);
    RestoreGeometry();
    ReloadConsultation();
    ShowArea(DashboardArea);
}

MainFrame::~MainFrame() = default;

void MainFrame::BuildMenus()
{
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&New database…") + "\tCtrl+N", _("Create an empty database file and open it"));
    file->Append(wxID_OPEN, _("&Open database…") + "\tCtrl+O", _("Open another database file"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit") + "\tCtrl+Q", _("Close Concerto"));

    auto* view = new wxMenu;
    const auto texts = AreaTexts();
    for (int area = 0; area < AreaCount; ++area)
        view->AppendRadioItem(kFirstAreaId + area, texts[area].name + wxString::Format("\tCtrl+%d", area + 1));

    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, _("&About Concerto"));

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(view, _("&View"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(wxEVT_MENU, &MainFrame::OnNewDatabase, this, wxID_NEW);
    Bind(wxEVT_MENU, &MainFrame::OnOpenDatabase, this, wxID_OPEN);
    Bind(wxEVT_MENU, &MainFrame::OnQuit, this, wxID_EXIT);
    Bind(wxEVT_MENU, &MainFrame::OnAbout, this, wxID_ABOUT);
    Bind(wxEVT_MENU, &MainFrame::OnAreaMenu, this, kFirstAreaId, kFirstAreaId + AreaCount - 1);
}

void MainFrame::BuildPages()
{
    auto* root = new wxPanel(this);
    const auto texts = AreaTexts();

    auto* side = new wxPanel(root);
    side->SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_FRAMEBK));
    std::vector<wxString> names, shortcuts;
    for (int area = 0; area < AreaCount; ++area) {
        names.push_back(texts[area].name);
        shortcuts.push_back(wxString::Format("Ctrl+%d", area + 1));
    }
    m_sidebar = new NavigationList(side, names, shortcuts);
    m_sidebar->SetName("navigation");
    auto* sideSizer = new wxBoxSizer(wxVERTICAL);
    sideSizer->Add(m_sidebar, wxSizerFlags(1).Expand().Border(wxTOP, FromDIP(10)));
    side->SetSizer(sideSizer);
    m_sidebar->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& event) { ShowArea(event.GetSelection()); });

    m_book = new wxSimplebook(root);
    m_book->SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW));
    m_dashboard = new DashboardPanel(m_book, [this]() { RunFirstRun(); });
    m_book->AddPage(m_dashboard, texts[DashboardArea].name);
    for (int area = DashboardArea + 1; area < AreaCount; ++area)
        m_book->AddPage(new PlaceholderPanel(m_book, texts[area].name, texts[area].description, texts[area].meanwhile,
                                             _("Go to the dashboard"), [this]() { ShowArea(DashboardArea); }),
                        texts[area].name);

    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(side, wxSizerFlags().Expand());
    sizer->Add(new wxStaticLine(root, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLI_VERTICAL),
               wxSizerFlags().Expand());
    sizer->Add(m_book, wxSizerFlags(1).Expand());
    root->SetSizer(sizer);
}

void MainFrame::RestoreGeometry()
{
    SetMinSize(FromDIP(wxSize(900, 560)));
    if (wxPersistentRegisterAndRestore(this, "MainFrame"))
        return;
    // First start: large, but never larger than the screen of a 1366×768 laptop at a street stand.
    const int display = wxDisplay::GetFromWindow(this);
    const wxRect area = wxDisplay(display == wxNOT_FOUND ? 0 : display).GetClientArea();
    wxSize size = FromDIP(wxSize(1280, 800));
    size.DecTo(area.GetSize());
    SetSize(size);
    CentreOnScreen();
}

int MainFrame::CurrentArea() const
{
    return m_book->GetSelection();
}

void MainFrame::ShowArea(int area)
{
    if (area < 0 || area >= AreaCount)
        return;
    if (m_book->GetSelection() != area)
        m_book->ChangeSelection(area);
    if (m_sidebar->GetSelection() != area)
        m_sidebar->SetSelection(area);
    if (auto* item = GetMenuBar()->FindItem(kFirstAreaId + area))
        item->Check();
}

wxString MainFrame::StatusText(int field) const
{
    if (field < 0 || field >= StatusFieldCount)
        return wxString();
    return GetStatusBar()->GetStatusText(field);
}

bool MainFrame::IsGeneratingDemo() const
{
    return m_demo && m_demo->IsRunning();
}

void MainFrame::ReloadConsultation(const std::string& preferredId)
{
    try {
        ConsultationRepository consultations(*m_db);
        const auto all = consultations.List({}, 0, "created_at");
        auto find = [&all](const std::string& id) -> std::optional<Consultation> {
            for (const auto& consultation : all)
                if (consultation.id == id)
                    return consultation;
            return std::nullopt;
        };
        std::optional<Consultation> chosen;
        if (!preferredId.empty())
            chosen = find(preferredId);
        if (!chosen && m_consultation)
            chosen = find(m_consultation->id);
        if (!chosen && !all.empty())
            chosen = all.back(); // the most recent campaign is the one being worked on
        m_consultation = chosen;
        m_dashboard->ShowConsultation(*m_db, m_consultation ? &*m_consultation : nullptr);
    } catch (const Error& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("Cannot read the database"), wxOK | wxICON_ERROR, this);
    }
    UpdateTitleAndStatus();
}

void MainFrame::UpdateTitleAndStatus()
{
    const wxString where = DisplayLocation(*m_db);
    wxString title = "Concerto";
    if (m_consultation)
        title += kDash + wxString::FromUTF8(m_consultation->title);
    SetTitle(title + kDash + where);
    SetStatusText(wxString::FromUTF8(m_db->GetDialect().DisplayName()) + kDash + where, DatabaseField);
    SetStatusText(m_consultation ? wxString::Format(_("Consultation: %s"), wxString::FromUTF8(m_consultation->title))
                                 : _("No consultation"),
                  ConsultationField);
    SetStatusText(wxString::Format(_("User: %s"), wxString::FromUTF8(m_db->UserName())), UserField);
}

void MainFrame::OfferFirstRunIfEmpty()
{
    if (!m_consultation && !IsGeneratingDemo())
        RunFirstRun();
}

void MainFrame::RunFirstRun()
{
    FirstRunDialog dialog(this, DisplayLocation(*m_db), wxString::FromUTF8(kDemoConsultationTitle));
    if (dialog.ShowModal() != wxID_OK)
        return;
    if (dialog.GetStart() == FirstRunDialog::Start::Demo)
        StartDemo();
    else
        CreateEmptyConsultation(dialog.GetConsultationTitle());
}

void MainFrame::CreateEmptyConsultation(const wxString& title)
{
    try {
        Consultation consultation;
        consultation.title = title.utf8_string();
        consultation = ConsultationRepository(*m_db).Create(consultation);
        ReloadConsultation(consultation.id);
    } catch (const Error& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("The consultation was not created"), wxOK | wxICON_ERROR, this);
    }
}

void MainFrame::StartDemo()
{
    if (IsGeneratingDemo())
        return;
    m_demo = std::make_unique<DemoGeneration>(this, *m_db, [this](const std::string& consultationId) {
        if (consultationId.empty())
            return;
        ReloadConsultation(consultationId);
        ShowArea(DashboardArea);
    });
    try {
        m_demo->Start();
    } catch (const Error& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("The demo consultation was not created"), wxOK | wxICON_ERROR,
                     this);
    }
}

void MainFrame::UseDatabase(std::unique_ptr<Database> db)
{
    wxCHECK_RET(db, "null database");
    if (IsGeneratingDemo())
        return;
    m_demo.reset(); // it refers to the database being replaced
    m_db = std::move(db);
    m_consultation.reset();
    RememberDatabase(*m_db);
    ReloadConsultation();
    ShowArea(DashboardArea);
    // After the file dialog that led here has gone, not on top of it.
    CallAfter(&MainFrame::OfferFirstRunIfEmpty);
}

bool MainFrame::OpenAndUse(const wxString& path)
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

void MainFrame::OnNewDatabase(wxCommandEvent&)
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
    OpenAndUse(file.GetFullPath());
}

void MainFrame::OnOpenDatabase(wxCommandEvent&)
{
    wxString folder;
    if (m_db->GetBackend() == Backend::Sqlite)
        folder = wxFileName(DisplayLocation(*m_db)).GetPath();
    wxFileDialog dialog(this, _("Open a database"), folder, wxString(), DatabaseWildcard(),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK)
        OpenAndUse(dialog.GetPath());
}

void MainFrame::OnQuit(wxCommandEvent&)
{
    Close();
}

void MainFrame::OnAbout(wxCommandEvent&)
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
    ShowArea(event.GetId() - kFirstAreaId);
}

std::string MainFrame::LastDatabase()
{
    return wxConfigBase::Get()->Read(kLastDatabaseKey, wxString()).utf8_string();
}

void MainFrame::RememberDatabase(const Database& db)
{
    auto* config = wxConfigBase::Get();
    config->Write(kLastDatabaseKey, wxString::FromUTF8(db.GetLocation().ToDisplayString()));
    config->Flush();
}

} // namespace concerto
