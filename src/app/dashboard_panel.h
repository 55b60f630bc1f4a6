#pragma once
// The dashboard: the current consultation at a glance — key figures, then contributions by
// channel, by neighbourhood and by processing state, and how many records each part holds.
// With no consultation it invites the user to get started instead.

#include "app/database_worker.h"

#include <functional>
#include <string>
#include <vector>
#include <wx/panel.h>

class wxScrolledWindow;
class wxSimplebook;
class wxStaticText;
class wxGauge;

namespace concerto {

class AppContext;
class BarChart;
class Database;
struct Consultation;
struct Stats;

/// The "Dashboard" area. Fill it with ShowConsultation(); `onGetStarted` runs when the user
/// asks to start from the empty state (the frame then offers the first-run choices).
class DashboardPanel : public wxPanel {
public:
    DashboardPanel(wxWindow* parent, std::function<void()> onGetStarted);

    /// Shows `consultation` at once and its totals as soon as the background worker has counted
    /// them (a million contributions take a moment); nullptr shows the empty state.
    void ShowConsultation(AppContext& context, const Consultation* consultation);
    /// True while totals are being counted.
    bool IsLoading() const { return m_loading; }

    /// The count shown for the table `table` ("contribution", "meeting"…), as displayed, or an
    /// empty string when the dashboard does not show it; lets tests check figures without pixels.
    wxString FigureText(const std::string& table) const;

private:
    /// A count on the page and the table it counts.
    struct Figure {
        std::string table;
        wxStaticText* value = nullptr;
    };

    wxWindow* BuildContent(wxWindow* parent);
    wxWindow* BuildKeyFigure(wxWindow* parent, const std::string& table, const wxString& label);
    void ShowStats(const Stats& stats);

    wxSimplebook* m_pages = nullptr;
    wxScrolledWindow* m_content = nullptr;
    wxStaticText* m_title = nullptr;
    wxStaticText* m_description = nullptr;
    std::vector<Figure> m_figures; ///< key figures, then the "also in this consultation" counts
    BarChart* m_byChannel = nullptr;
    BarChart* m_byNeighbourhood = nullptr;
    BarChart* m_byState = nullptr;
    BarChart* m_byCoder = nullptr;
    wxStaticText* m_taggedShare = nullptr; ///< "60 % des contributions codées"
    wxGauge* m_taggedGauge = nullptr;
    bool m_loading = false;
    Lifetime m_lifetime = NewLifetime();
};

} // namespace concerto
