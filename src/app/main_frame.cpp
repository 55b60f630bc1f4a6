#include "app/main_frame.h"
#include "app/install_paths.h"

#include "app/access_ui.h"
#include "app/area_views.h"
#include "app/connection_monitor.h"
#include "app/dashboard_panel.h"
#include "app/demo_generation.h"
#include "app/frame_ids.h"
#include "app/navigation_list.h"
#include "app/placeholder_panel.h"
#include "core/errors.h"
#include "db/connection_profile.h"
#include "db/database.h"
#include "db/demo.h"
#include "db/repositories.h"
#include "dialogs/user_dialog.h"
#include "dialogs/first_run_dialog.h"

#include <wx/config.h>
#include <wx/display.h>
#include <wx/filehistory.h>
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
#include <wx/timer.h>

namespace concerto {

namespace {

const char* const kLastDatabaseKey = "/Database/Last";
const char* const kLastAreaKey = "/MainFrame/LastArea";
// Wide literals, so that they never depend on the C library's character set.
const wchar_t* const kDash = L" \u2014 ";
const wchar_t* const kNoRole = L"\u2014";
// A passing message in the status bar stays this long.
constexpr int kMessageMs = 8000;

/// Where the database lives, as the user knows it: a file path, or user@server/database.
wxString DisplayLocation(const Database& db)
{
    const Location& location = db.GetLocation();
    return wxString::FromUTF8(location.backend == Backend::Sqlite ? location.target
                                                                  : DescribeConnection(location.target));
}

/// The same, short enough for the title bar: the file's name, or the server connection.
wxString ShortLocation(const Database& db)
{
    const Location& location = db.GetLocation();
    if (location.backend == Backend::Sqlite)
        return wxFileName(wxString::FromUTF8(location.target)).GetFullName();
    return DisplayLocation(db);
}

} // namespace

bool ReportConnectionTrouble(wxWindow* window, const Error& error)
{
    for (wxWindow* w = window; w; w = w->GetParent())
        if (auto* frame = dynamic_cast<MainFrame*>(w))
            return frame->HandleConnectionTrouble(error);
    if (auto* frame = wxTheApp ? dynamic_cast<MainFrame*>(wxTheApp->GetTopWindow()) : nullptr)
        return frame->HandleConnectionTrouble(error);
    return false;
}

MainFrame::MainFrame(std::unique_ptr<Database> db) : wxFrame(nullptr, wxID_ANY, "Concerto"), m_db(std::move(db))
{
    wxASSERT(m_db);
    m_context = std::make_unique<AppContext>(*m_db, this);
    m_messageTimer = std::make_unique<wxTimer>(this, frame_ids::kMessageTimer);
    if (const wxIconBundle icons = ApplicationIcons(); !icons.IsEmpty())
        SetIcons(icons); // the window manager's title bar and task switcher
    BuildMenus();
    BuildToolBar();
    BuildPages();
    CreateStatusBar(StatusFieldCount);
    const int widths[StatusFieldCount] = {-3, -3, -3, -2};
    GetStatusBar()->SetStatusWidths(StatusFieldCount, widths);
    SetStatusBarPane(MessageField); // menu help there, never over the database's name
    BindCommands();
    RestoreGeometry();
    m_monitor->Watch(*m_db);
    // The dashboard's figures count rows of every table: any change (an import, an entry, another
    // client's work) makes them stale; they are read again when the dashboard is next shown.
    // Our own changes refresh it at once when it is on screen; other clients' (which may come
    // many a second) only mark it stale.
    m_context->SubscribeWithOrigin([this](const std::string&, bool remote) {
        m_dashboardStale = true;
        if (!remote && m_book->GetSelection() == DashboardArea)
            RefreshDashboard();
    });
    ReloadConsultation();
    RefreshRole();
    ShowArea(DashboardArea);
}

MainFrame::~MainFrame()
{
    // The views and the banners hold the context: they go first, while it still exists.
    if (m_book)
        m_book->DeleteAllPages();
    DestroyChildren();
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

    auto* pages = new wxPanel(root);
    m_monitor = std::make_unique<ConnectionMonitor>(
        pages, *m_context, [this](std::unique_ptr<Database> db) { Reconnected(std::move(db)); });
    m_book = new wxSimplebook(pages);
    m_book->SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW));
    m_dashboard = new DashboardPanel(m_book, [this]() { RunFirstRun(); });
    m_book->AddPage(m_dashboard, texts[DashboardArea].name);
    using Factory = AreaView* (*)(wxWindow*, AppContext&);
    std::array<Factory, AreaCount> factories{};
    factories[ContributionsArea] = &CreateContributionsView;
    factories[CommitmentsArea] = &CreateCommitmentsView;
    factories[MeetingsArea] = &CreateMeetingsView;
    factories[ReferenceDataArea] = &CreateReferenceDataView;
    factories[CodingArea] = &CreateCodingView;
    factories[SynthesisArea] = &CreateSynthesisView;
    factories[AdministrationArea] = &CreateAdministrationView;
    factories[ReportsArea] = &CreateReportsView;
    for (int area = DashboardArea + 1; area < AreaCount; ++area) {
        m_views[area] = factories[area] ? factories[area](m_book, *m_context) : nullptr;
        if (m_views[area]) {
            m_book->AddPage(m_views[area]->Window(), texts[area].name);
            continue;
        }
        m_book->AddPage(new PlaceholderPanel(m_book, texts[area].name, texts[area].description, texts[area].meanwhile,
                                             _("Go to the dashboard"), [this]() { ShowArea(DashboardArea); }),
                        texts[area].name);
    }
    // The banner sits above the page, never over the sidebar: navigation stays where it is.
    auto* pagesSizer = new wxBoxSizer(wxVERTICAL);
    pagesSizer->Add(m_monitor->Banner(), wxSizerFlags().Expand());
    pagesSizer->Add(CreateReadOnlyBanner(pages, *m_context), wxSizerFlags().Expand());
    pagesSizer->Add(m_book, wxSizerFlags(1).Expand());
    pages->SetSizer(pagesSizer);

    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(side, wxSizerFlags().Expand());
    sizer->Add(new wxStaticLine(root, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLI_VERTICAL),
               wxSizerFlags().Expand());
    sizer->Add(pages, wxSizerFlags(1).Expand());
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
    if (auto* item = GetMenuBar()->FindItem(frame_ids::kFirstArea + area))
        item->Check();
    if (m_views[area])
        m_views[area]->OnShown();
    if (area == DashboardArea && m_dashboardStale)
        RefreshDashboard();
}

void MainFrame::RefreshDashboard()
{
    m_dashboardStale = false;
    m_dashboard->ShowConsultation(*m_context, m_consultation ? &*m_consultation : nullptr);
}

void MainFrame::RestoreLastArea()
{
    ShowArea(static_cast<int>(wxConfigBase::Get()->ReadLong(kLastAreaKey, DashboardArea)));
}

void MainFrame::OnClose(wxCloseEvent& event)
{
    // Remembered on closing rather than on each change: a frame built by a test never
    // overwrites what the user's last session left.
    auto* config = wxConfigBase::Get();
    config->Write(kLastAreaKey, static_cast<long>(CurrentArea()));
    config->Flush();
    event.Skip();
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
        m_consultations = consultations.List({}, 0, "created_at");
        auto find = [this](const std::string& id) -> std::optional<Consultation> {
            for (const auto& consultation : m_consultations)
                if (consultation.id == id)
                    return consultation;
            return std::nullopt;
        };
        std::optional<Consultation> chosen;
        if (!preferredId.empty())
            chosen = find(preferredId);
        if (!chosen && m_consultation)
            chosen = find(m_consultation->id);
        if (!chosen && !m_consultations.empty())
            chosen = m_consultations.back(); // the most recent campaign is the one being worked on
        m_consultation = chosen;
        m_context->SetConsultation(m_consultation);
        m_dashboard->ShowConsultation(*m_context, m_consultation ? &*m_consultation : nullptr);
        for (AreaView* view : m_views)
            if (view)
                view->Reload();
    } catch (const Error& e) {
        if (!HandleConnectionTrouble(e))
            wxMessageBox(wxString::FromUTF8(e.what()), _("Cannot read the database"), wxOK | wxICON_ERROR, this);
    }
    RebuildConsultationMenu();
    UpdateTitleAndStatus();
}

void MainFrame::RefreshAll()
{
    ReloadConsultation();
    RefreshRole();
    ShowMessage(_("Refreshed."));
}

void MainFrame::UpdateTitleAndStatus()
{
    const wxString user = wxString::FromUTF8(m_db->UserName());
    const wxString role = m_role.empty() ? wxString(L"\u2026") : m_role;
    wxString title = "Concerto";
    if (m_consultation)
        title += kDash + wxString::FromUTF8(m_consultation->title);
    SetTitle(title + kDash + ShortLocation(*m_db) + kDash + wxString::Format(_("%s (%s)"), user, role));
    SetStatusText(wxString::FromUTF8(m_db->GetDialect().DisplayName()) + kDash + DisplayLocation(*m_db), DatabaseField);
    SetStatusText(m_consultation ? wxString::Format(_("Consultation: %s"), wxString::FromUTF8(m_consultation->title))
                                 : _("No consultation"),
                  ConsultationField);
    SetStatusText(wxString::Format(_("User: %s"), user) + kDash + wxString::Format(_("role: %s"), role), UserField);
}

void MainFrame::RefreshRole()
{
    if (m_db->GetBackend() == Backend::Sqlite) {
        // No roles in a file: whoever can open it can change it.
        m_role = _("local");
        m_context->SetAccess(AccessOf(*m_db));
        UpdateTitleAndStatus();
        return;
    }
    m_role.clear();
    UpdateTitleAndStatus();
    // The rights follow the role: the views offer editing, and ask for personal data, only
    // when the server would allow it.
    using RoleAndAccess = std::pair<std::string, Access>;
    m_context->Worker().Run<RoleAndAccess>(
        m_lifetime, [](Database& db) { return RoleAndAccess(ConcertoRole(db), AccessOf(db)); },
        [this](RoleAndAccess answer) {
            // The level in the user's words (« lecteur »), not the server's group name.
            m_role = answer.first.empty() ? wxString(kNoRole)
                                          : UserDialog::LevelText(ParseAccessLevel(answer.first)).Lower();
            m_context->SetAccess(answer.second);
            UpdateTitleAndStatus();
        },
        [this](const Error& e) {
            m_role = kNoRole;
            UpdateTitleAndStatus();
            HandleConnectionTrouble(e);
        },
        "frame-role");
}

void MainFrame::ShowMessage(const wxString& message)
{
    SetStatusText(message, MessageField);
    m_messageTimer->StartOnce(kMessageMs);
}

void MainFrame::OfferFirstRunIfEmpty()
{
    if (!m_consultation && !IsGeneratingDemo())
        RunFirstRun();
}

void MainFrame::RunFirstRun()
{
    if (!CheckAllowed(*m_context, AccessNeed::Administer)) // it creates a consultation
        return;
    FirstRunDialog dialog(this, DisplayLocation(*m_db), wxString::FromUTF8(kDemoConsultationTitle));
    if (dialog.ShowModal() != wxID_OK)
        return;
    switch (dialog.GetStart()) {
    case FirstRunDialog::Start::Demo:
        StartDemo();
        break;
    case FirstRunDialog::Start::Empty:
        CreateEmptyConsultation(dialog.GetConsultationTitle());
        break;
    case FirstRunDialog::Start::Server:
        OnConnect(); // the connection dialog; this database stays open if it is cancelled
        break;
    }
}

void MainFrame::CreateEmptyConsultation(const wxString& title)
{
    try {
        Consultation consultation;
        consultation.title = title.utf8_string();
        consultation = ConsultationRepository(*m_db).Create(consultation);
        ReloadConsultation(consultation.id);
    } catch (const Error& e) {
        if (!HandleConnectionTrouble(e))
            wxMessageBox(wxString::FromUTF8(e.what()), _("The consultation was not created"), wxOK | wxICON_ERROR,
                         this);
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
    std::unique_ptr<Database> previous = std::move(m_db);
    m_db = std::move(db);
    m_context->SetDatabase(*m_db);
    previous.reset();
    m_consultation.reset();
    RememberDatabase(*m_db);
    AddToRecentFiles();
    m_monitor->Watch(*m_db);
    ReloadConsultation();
    RefreshRole();
    ShowArea(DashboardArea);
    // After the file dialog that led here has gone, not on top of it.
    CallAfter(&MainFrame::OfferFirstRunIfEmpty);
}

void MainFrame::Reconnected(std::unique_ptr<Database> db)
{
    // Same database, new connection: the area, the consultation and the views stay as they
    // are (a view's open dialog holds plain values and is saved on the new connection).
    m_demo.reset(); // its connection went with the server
    std::unique_ptr<Database> previous = std::move(m_db);
    m_db = std::move(db);
    m_context->SetDatabase(*m_db);
    m_context->SetConsultation(m_consultation);
    previous.reset();
    m_monitor->Watch(*m_db);
    ReloadConsultation(m_consultation ? m_consultation->id : std::string());
    RefreshRole();
    ShowMessage(_("Connection to the server re-established."));
}

void MainFrame::CheckConnectionNow()
{
    m_monitor->CheckNow();
}

bool MainFrame::IsConnectionLost() const
{
    return m_monitor->IsLost();
}

bool MainFrame::IsConnectionBannerShown() const
{
    return m_monitor->IsBannerShown();
}

bool MainFrame::HandleConnectionTrouble(const Error& error)
{
    return m_monitor->Report(error);
}

std::string MainFrame::LastDatabase()
{
    return wxConfigBase::Get()->Read(kLastDatabaseKey, wxString()).utf8_string();
}

void MainFrame::RememberDatabase(const Database& db)
{
    const Location& location = db.GetLocation();
    // A server's connection string may carry the password typed at connection: it is
    // rewritten without it, never stored as given.
    const std::string remembered =
        location.backend == Backend::Sqlite ? "sqlite:" + location.target : WithoutPassword(location.target);
    if (remembered.empty())
        return;
    auto* config = wxConfigBase::Get();
    config->Write(kLastDatabaseKey, wxString::FromUTF8(remembered));
    config->Flush();
}

} // namespace concerto
