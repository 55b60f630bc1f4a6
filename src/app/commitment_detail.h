#pragma once
// The lower pane of the commitments view: the selected commitment's title, theme, origin and
// description on the left, its dated status history as a timeline on the right.

#include "core/model.h"
#include "db/restitution.h"

#include <vector>
#include <wx/panel.h>

class wxStaticBitmap;
class wxStaticText;
class wxTextCtrl;

namespace concerto {

/// Shows one commitment (or a hint when none is selected). The history arrives separately,
/// as it is read off the UI thread.
class CommitmentDetailPane : public wxPanel {
public:
    explicit CommitmentDetailPane(wxWindow* parent);

    /// Shows `hint` instead of a commitment (nothing selected, a theme row selected…).
    void ShowHint(const wxString& hint);
    /// Shows `commitment` of `themeTitle`; its history shows "loading" until ShowHistory().
    void ShowCommitment(const Commitment& commitment, const wxString& themeTitle);
    /// Shows the history of the commitment shown (oldest first, as History() returns it),
    /// newest at the top.
    void ShowHistory(const std::vector<StatusChange>& history);
    /// Shows the timeline of the commitment shown (oldest first, as CommitmentTimeline()
    /// returns it), newest at the top: status changes, and the reorientation points that
    /// touched it with their own marker.
    void ShowTimeline(const std::vector<TimelineEvent>& timeline);
    /// Says the history could not be read, and why.
    void ShowHistoryError(const wxString& message);

    /// The id of the commitment shown, or empty.
    const std::string& CommitmentId() const { return m_commitmentId; }
    /// The timeline as plain text (for tests and screen readers).
    wxString HistoryText() const;
    /// The number of entries in the timeline shown.
    std::size_t HistoryCount() const { return m_historyCount; }

private:
    void AppendEntry(const TimelineEvent& event);
    void AppendOrigin();

    std::string m_commitmentId;
    std::string m_origin; ///< of the commitment shown
    std::size_t m_historyCount = 0;
    wxStaticText* m_title = nullptr;
    wxStaticBitmap* m_marker = nullptr;
    wxStaticText* m_meta = nullptr;
    wxTextCtrl* m_description = nullptr;
    wxStaticText* m_historyHeading = nullptr;
    wxTextCtrl* m_history = nullptr;
};

/// A day as the French interface writes it: JJ/MM/AAAA.
wxString FormatDay(const Date& day);
/// The user's today, as a calendar day in local time (a change recorded at 00:30 is today's).
Date LocalToday();

} // namespace concerto
