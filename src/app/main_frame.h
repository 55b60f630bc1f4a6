#pragma once
// The main window: a sidebar of areas, one page per area, the menus and the status bar. It
// owns the open Database and the current consultation, and delegates everything shown to
// the area panels.

#include "app/areas.h"
#include "core/model.h"

#include <memory>
#include <optional>
#include <string>
#include <wx/frame.h>

class wxSimplebook;

namespace concerto {

class DashboardPanel;
class Database;
class DemoGeneration;
class NavigationList;

/// The application's main frame. Constructing it does not prompt the user: call
/// OfferFirstRunIfEmpty() once it is shown. Tests can build it on any database.
class MainFrame : public wxFrame {
public:
    /// The fields of the status bar, left to right.
    enum StatusField { DatabaseField, ConsultationField, UserField, StatusFieldCount };

    /// Takes ownership of an open database (never null) and shows its most recent consultation.
    explicit MainFrame(std::unique_ptr<Database> db);
    ~MainFrame() override;

    /// The area shown, an Area value.
    int CurrentArea() const;
    /// Shows `area` (an Area value) and selects it in the sidebar; out-of-range values are ignored.
    void ShowArea(int area);
    /// The text of a status bar field (a StatusField value).
    wxString StatusText(int field) const;

    /// When the database holds no consultation, shows the first-run dialog and acts on the choice.
    void OfferFirstRunIfEmpty();
    /// Replaces the open database with `db` (never null), remembers it as the last one opened,
    /// shows its consultation, and offers the first-run choices when it has none.
    void UseDatabase(std::unique_ptr<Database> db);
    /// Re-reads the consultations and shows `preferredId`, else the current one, else the latest.
    void ReloadConsultation(const std::string& preferredId = {});

    Database& GetDatabase() { return *m_db; }
    /// The dashboard page (always present).
    DashboardPanel& GetDashboard() { return *m_dashboard; }
    /// The consultation shown, if the database has one.
    const std::optional<Consultation>& GetConsultation() const { return m_consultation; }
    /// True while the demo consultation is being generated.
    bool IsGeneratingDemo() const;

    /// The location to open at start-up when none is given: the last one opened, if any.
    static std::string LastDatabase();
    /// Records `db` as the last database opened, for the next start-up.
    static void RememberDatabase(const Database& db);

private:
    void BuildMenus();
    void BuildPages();
    void RestoreGeometry();
    void UpdateTitleAndStatus();
    void RunFirstRun();
    void CreateEmptyConsultation(const wxString& title);
    void StartDemo();

    void OnNewDatabase(wxCommandEvent& event);
    void OnOpenDatabase(wxCommandEvent& event);
    void OnQuit(wxCommandEvent& event);
    void OnAbout(wxCommandEvent& event);
    void OnAreaMenu(wxCommandEvent& event);
    bool OpenAndUse(const wxString& path);

    std::unique_ptr<Database> m_db;
    std::optional<Consultation> m_consultation;
    NavigationList* m_sidebar = nullptr;
    wxSimplebook* m_book = nullptr;
    DashboardPanel* m_dashboard = nullptr;
    std::unique_ptr<DemoGeneration> m_demo;
    int m_firstAreaMenuId = wxID_NONE;
};

} // namespace concerto
