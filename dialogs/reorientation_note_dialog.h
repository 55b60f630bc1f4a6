#pragma once
// The small dialogs of a reorientation point's follow-up: a dated note, and the commitment
// born from the point at the restitution. Both give back plain values; the caller saves.

#include "core/model.h"
#include "dialogs/commitment_dialog.h"
#include "dialogs/standard_dialog.h"

#include <functional>
#include <vector>

class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace concerto {

/// "16/01/2024" for a day.
wxString FormatFrenchDay(const Date& day);
/// Reads "JJ/MM/AAAA" (or "JJ/MM/AA"); nullopt when it is not a real day.
std::optional<Date> ParseFrenchDay(const wxString& text);

/// Asks for a dated note on a point: the day (today by default) and the text.
class ReorientationNoteDialog : public StandardDialog {
public:
    ReorientationNoteDialog(wxWindow* parent, const wxString& pointTitle, const Date& today);
    /// The day and text typed (valid after TransferDataFromWindow).
    const Date& GetDay() const { return m_day; }
    const std::string& GetBody() const { return m_body; }
    /// The controls, for tests.
    wxTextCtrl* DayField() const { return m_dayField; }
    wxTextCtrl* BodyField() const { return m_bodyField; }
    /// Checks the values; closes with wxID_OK when they are good (what OK does).
    bool Submit();

    bool TransferDataFromWindow() override;

private:
    Date m_day;
    std::string m_body;
    wxTextCtrl* m_dayField = nullptr;
    wxTextCtrl* m_bodyField = nullptr;
    wxStaticText* m_problem = nullptr;
};

/// The commitment a point gives birth to: theme, reference, title, description, status. The
/// accept handler saves; returning false keeps the dialog open (it calls ShowError()).
class PointCommitmentDialog : public StandardDialog {
public:
    PointCommitmentDialog(wxWindow* parent, const wxString& pointTitle, const std::vector<ThemeChoice>& themes,
                          const CommitmentValues& values);
    const CommitmentValues& GetValues() const { return m_values; }
    void SetAcceptHandler(std::function<bool(const CommitmentValues&)> accept) { m_accept = std::move(accept); }
    /// Shows `message` in red; focuses the reference when `onReference`.
    void ShowError(const wxString& message, bool onReference = false);
    /// The controls, for tests.
    wxTextCtrl* RefField() const { return m_ref; }
    wxTextCtrl* TitleField() const { return m_title; }
    /// Checks, then saves through the accept handler; closes on success (what OK does).
    bool Submit();

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

private:
    bool Refuse(const wxString& message, wxWindow* field);

    std::vector<ThemeChoice> m_themes;
    CommitmentValues m_values;
    std::function<bool(const CommitmentValues&)> m_accept;
    wxChoice* m_theme = nullptr;
    wxTextCtrl* m_ref = nullptr;
    wxTextCtrl* m_title = nullptr;
    wxTextCtrl* m_description = nullptr;
    wxChoice* m_status = nullptr;
    wxStaticText* m_problem = nullptr;
};

} // namespace concerto
