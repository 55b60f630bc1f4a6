#pragma once
// The main window: a sidebar of areas, one page per area, the menus, the toolbar, the
// connection banner and the status bar. It owns the open Database and the current
// consultation, and delegates everything shown to the area panels.

#include "app/app_context.h"
#include "app/area_view.h"
#include "app/areas.h"
#include "core/model.h"

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <wx/frame.h>

class wxFileHistory;
class wxMenu;
class wxSimplebook;
class wxTimer;

namespace concerto {

class ConnectionMonitor;
class DashboardPanel;
class Database;
class DemoGeneration;
class Error;
class NavigationList;

/// The id of the wxEVT_MENU event the frame sends to the Contributions view's window when the
/// user asks to search (toolbar "Rechercher", Contributions ▸ Rechercher, Ctrl+F): the view
/// binds it to put the keyboard focus in its search box.
constexpr int kFocusSearchId = wxID_HIGHEST + 7000;

/// Tells the main frame holding `window` that an operation failed with `error`. Returns true
/// when the error means the connection to the server was lost: the frame then shows its
/// reconnection banner and the caller should not show a message of its own.
bool ReportConnectionTrouble(wxWindow* window, const Error& error);

/// The application's main frame. Constructing it does not prompt the user: call
/// OfferFirstRunIfEmpty() once it is shown. Tests can build it on any database.
class MainFrame : public wxFrame {
public:
    /// The fields of the status bar, left to right. MessageField shows passing messages and
    /// the menus' help.
    enum StatusField { DatabaseField, ConsultationField, UserField, MessageField, StatusFieldCount };

    /// Takes ownership of an open database (never null) and shows its most recent consultation.
    explicit MainFrame(std::unique_ptr<Database> db);
    ~MainFrame() override;

    /// The area shown, an Area value.
    int CurrentArea() const;
    /// Shows `area` (an Area value) and selects it in the sidebar; out-of-range values are ignored.
    /// The area is remembered for the next start.
    void ShowArea(int area);
    /// Shows the area shown when Concerto was last closed (the application calls it at start-up).
    void RestoreLastArea();
    /// The text of a status bar field (a StatusField value).
    wxString StatusText(int field) const;

    /// When the database holds no consultation, shows the first-run dialog and acts on the choice.
    void OfferFirstRunIfEmpty();
    /// Replaces the open database with `db` (never null), remembers it as the last one opened
    /// (and a database file among the recent files), shows its consultation, and offers the
    /// first-run choices when it has none.
    void UseDatabase(std::unique_ptr<Database> db);
    /// Opens the SQLite database file at `path` and uses it; shows the error and returns false
    /// when it cannot be opened.
    bool OpenDatabaseFile(const wxString& path);
    /// Re-reads the consultations and shows `preferredId`, else the current one, else the latest.
    void ReloadConsultation(const std::string& preferredId = {});
    /// Reloads the consultation and every view (View ▸ Refresh, F5).
    void RefreshAll();

    Database& GetDatabase() { return *m_db; }
    /// What the area views share (database, worker, consultation, change notifications).
    AppContext& Context() { return *m_context; }
    /// The view of an area, or nullptr when the area still shows a placeholder.
    AreaView* View(int area) const { return area >= 0 && area < AreaCount ? m_views[area] : nullptr; }
    /// The dashboard page (always present).
    DashboardPanel& GetDashboard() { return *m_dashboard; }
    /// The consultation shown, if the database has one.
    const std::optional<Consultation>& GetConsultation() const { return m_consultation; }
    /// True while the demo consultation is being generated.
    bool IsGeneratingDemo() const;

    /// The Consultation menu: one radio item per consultation (labelled with its title), then
    /// "New consultation…". A new menu replaces it whenever the consultations change.
    wxMenu* ConsultationMenu() const { return m_consultationMenu; }
    /// The recent database files, most recent first.
    std::vector<wxString> RecentFiles() const;
    /// Puts the open database at the top of the recent files when it is a file (the application
    /// calls it for the database opened at start-up; UseDatabase() does it by itself).
    void AddToRecentFiles();
    /// The Concerto role shown for the user ("local", "concerto_editor"…, "—" for none), or an
    /// empty string while it is being read.
    const wxString& RoleText() const { return m_role; }

    /// Copies the open SQLite database to `path` in the background (File ▸ Save a copy…);
    /// `done(true)` follows on the UI thread once the copy is complete, `done(false)` when it
    /// failed (the error has then been shown).
    void SaveCopy(const wxString& path, std::function<void(bool)> done = {});

    /// Checks now, rather than at the next periodic check, that the server is still there.
    void CheckConnectionNow();
    /// True while the connection to the server is lost and being re-established.
    bool IsConnectionLost() const;
    /// True while the "connection lost" banner is shown.
    bool IsConnectionBannerShown() const;
    /// Treats `error`: when it means a lost connection, shows the banner and reconnects and
    /// returns true; otherwise returns false and the caller reports it.
    bool HandleConnectionTrouble(const Error& error);

    /// The location to open at start-up when none is given: the last one opened, if any.
    static std::string LastDatabase();
    /// Records `db` as the last database opened, for the next start-up (never with a password).
    static void RememberDatabase(const Database& db);

private:
    void BuildMenus();
    wxMenu* BuildFileMenu();
    void BuildToolBar();
    void BuildPages();
    void BindCommands();
    void RestoreGeometry();
    void UpdateTitleAndStatus();
    void RebuildConsultationMenu();
    void ReplaceConsultationMenu();
    void RefreshRole();
    void ShowMessage(const wxString& message);
    void RunFirstRun();
    void CreateEmptyConsultation(const wxString& title);
    void StartDemo();
    void Reconnected(std::unique_ptr<Database> db);
    void FocusSearch();

    void OnNewDatabase();
    void OnOpenDatabase();
    void OnConnect();
    void OnRecentFile(wxCommandEvent& event);
    void OnSaveCopy();
    void OnPreferences();
    void OnConsultationMenu(wxCommandEvent& event);
    void OnNewConsultation();
    void OnAbout();
    void OnUserGuide();
    void OnAreaMenu(wxCommandEvent& event);
    void OnTransferCommand(wxCommandEvent& event); ///< Import… and Export… (import_commands.cpp)
    void OnClose(wxCloseEvent& event);
    /// Reads the dashboard's figures again (they are stale after a change).
    void RefreshDashboard();

    std::unique_ptr<Database> m_db;
    std::unique_ptr<AppContext> m_context;
    std::array<AreaView*, AreaCount> m_views{};
    std::optional<Consultation> m_consultation;
    std::vector<Consultation> m_consultations; ///< in the order of the Consultation menu
    wxString m_role;
    NavigationList* m_sidebar = nullptr;
    wxSimplebook* m_book = nullptr;
    DashboardPanel* m_dashboard = nullptr;
    bool m_dashboardStale = false; ///< data changed since the dashboard last read its figures
    wxMenu* m_consultationMenu = nullptr;
    bool m_consultationMenuPending = false;
    std::unique_ptr<wxFileHistory> m_recentFiles;
    std::unique_ptr<ConnectionMonitor> m_monitor;
    std::unique_ptr<DemoGeneration> m_demo;
    std::unique_ptr<wxTimer> m_messageTimer;
    Lifetime m_lifetime = NewLifetime();
};

} // namespace concerto
