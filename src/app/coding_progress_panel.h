#pragma once
// The coding progress panel (page « Avancement » of the coding area): per channel, how much
// of it is coded, with a gauge, and how much waits for review; per coder, their tags, the
// contributions they tagged and when they last worked; a total line. It follows coding work
// as it happens: changes announced through the AppContext — this program's own, and on
// PostgreSQL other coders' commits — refresh it, at most once per short interval, and only
// while it can be seen (a hidden page catches up when shown).

#include "app/database_worker.h"
#include "db/coding_progress.h"

#include <string>
#include <vector>
#include <wx/panel.h>
#include <wx/timer.h>

class wxListCtrl;
class wxScrolledWindow;
class wxSimplebook;
class wxStaticText;

namespace concerto {

class AppContext;

/// Coding progress of the current consultation, per channel and per coder.
class CodingProgressPanel : public wxPanel {
public:
    /// Loads the current consultation's progress at once (through the worker).
    CodingProgressPanel(wxWindow* parent, AppContext& context);
    ~CodingProgressPanel() override;

    /// Counts again, for the consultation now current in the context.
    void Reload();

    /// True while a count is on its way.
    bool IsLoading() const { return m_loading; }
    /// The figures shown (empty before the first count arrives).
    const CodingProgress& Shown() const { return m_shown; }
    /// Each channel row as shown, cells joined by " | ", the total line last; for tests.
    std::vector<wxString> ChannelRowTexts() const;
    /// Each coder row as shown, cells joined by " | "; for tests.
    std::vector<wxString> CoderRowTexts() const;
    /// How many counts have been shown since construction; for tests.
    int LoadCount() const { return m_loads; }

private:
    enum Page { ContentPage, NoConsultationPage, NoContributionPage };

    wxWindow* BuildContent(wxWindow* parent);
    void OnTableChanged(const std::string& table);
    void OnIdle(wxIdleEvent& event);
    /// True when the user can see the panel: shown, and on the selected page of every book around it.
    bool IsVisibleToUser() const;
    void Display(const CodingProgress& progress);
    void ShowChannels(const CodingProgress& progress);
    void ShowCoders(const CodingProgress& progress);

    AppContext& m_context;
    int m_subscription = 0;
    wxSimplebook* m_pages = nullptr;
    wxScrolledWindow* m_content = nullptr;
    wxStaticText* m_summary = nullptr;
    wxStaticText* m_status = nullptr;
    wxPanel* m_channels = nullptr;
    wxListCtrl* m_coders = nullptr;
    wxStaticText* m_noCoder = nullptr;
    std::vector<wxString> m_channelRows; ///< what ShowChannels wrote, for ChannelRowTexts()
    wxTimer m_refresh;   ///< throttles refreshes after changes
    bool m_stale = false; ///< a change came while the panel could not be seen
    bool m_loading = false;
    int m_loads = 0;
    CodingProgress m_shown;
    Lifetime m_lifetime = NewLifetime();
};

} // namespace concerto
