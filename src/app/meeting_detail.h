#pragma once
// The lower pane of the meetings area: the facts of the selected meeting and the beginning of
// the contributions it collected (read through the worker), with the command to type more.

#include "app/app_context.h"
#include "db/meeting_queries.h"

#include <functional>
#include <wx/panel.h>

class wxButton;
class wxFlexGridSizer;
class wxListCtrl;
class wxSimplebook;
class wxStaticText;

namespace concerto {

class MeetingDetail : public wxPanel {
public:
    /// `onEnterContributions` runs when the user asks to type contributions for the meeting shown.
    MeetingDetail(wxWindow* parent, AppContext& context, std::function<void()> onEnterContributions);

    /// Shows `row`, or the "select a meeting" hint when it is null; reloads its contributions.
    void ShowMeeting(const MeetingRow* row);
    /// The id of the meeting shown, or an empty string.
    const std::string& MeetingId() const { return m_meetingId; }
    /// Number of contributions listed (the first ones only for a large meeting).
    int ListedContributions() const;
    /// True while the contributions are being read.
    bool IsLoading() const { return m_loading; }

    /// How many contributions of a meeting the pane lists at most.
    static constexpr int kListed = 100;

private:
    wxWindow* BuildFacts(wxWindow* parent);
    wxWindow* BuildContributions(wxWindow* parent);
    wxStaticText* AddFact(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label);
    void LoadContributions(long long total);

    AppContext& m_context;
    std::function<void()> m_onEnter;
    Lifetime m_lifetime = NewLifetime();
    std::string m_meetingId;
    bool m_loading = false;

    wxSimplebook* m_pages = nullptr;
    wxStaticText* m_title = nullptr;
    wxStaticText* m_subtitle = nullptr;
    wxStaticText* m_when = nullptr;
    wxStaticText* m_place = nullptr;
    wxStaticText* m_neighbourhood = nullptr;
    wxStaticText* m_attendance = nullptr;
    wxStaticText* m_facilitators = nullptr;
    wxStaticText* m_notes = nullptr;
    wxStaticText* m_count = nullptr;
    wxStaticText* m_more = nullptr;
    wxListCtrl* m_contributions = nullptr;
    wxButton* m_enter = nullptr;
};

} // namespace concerto
