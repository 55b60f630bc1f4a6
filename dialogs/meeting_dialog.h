#pragma once
// The editor of one meeting (rencontre): channel, reference, title, kind, when, where, who.
// It transfers plain values only; saving is the owner's job, done through the Saver it gets,
// so that a refusal (a reference already used, a newer version) keeps the dialog open with the
// problem shown next to the form.

#include "core/model.h"
#include "dialogs/standard_dialog.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

class wxChoice;
class wxComboBox;
class wxStaticText;
class wxTextCtrl;

namespace concerto {

/// "23/09/2023 09:30": an instant in local time, in French form (the form both meeting
/// forms accept back).
wxString FormatDayTime(const Timestamp& when);
/// "23/09/2023": the local day of an instant, in French form.
wxString FormatDay(const Timestamp& when);
/// "09:30": the local time of day of an instant.
wxString FormatTimeOfDay(const Timestamp& when);
/// Parses "JJ/MM/AAAA HH:MM" (also "JJ/MM/AA", "JJ/MM/AAAA HHhMM", or a day alone for midnight)
/// in local time; nullopt when it is not a real day and time.
std::optional<Timestamp> ParseDayTime(const wxString& text);

/// "Ordinary", "Agora", "Restitution" in the interface language.
wxString MeetingKindLabel(MeetingKind kind);

/// What the meeting dialog offers to choose from, read by its owner beforehand.
struct MeetingChoices {
    std::vector<Channel> channels;
    std::vector<Neighbourhood> neighbourhoods;
    std::vector<std::string> placeKinds; ///< kinds of place already in use, offered as suggestions
};

/// Creates or edits a meeting, shown modally. On OK the typed values are checked, then given to
/// the Saver; the dialog closes with wxID_OK only when the Saver says it saved.
class MeetingDialog : public StandardDialog {
public:
    /// The fields, to name the one a problem is about.
    enum class Field {
        Channel,
        Reference,
        Title,
        Kind,
        Start,
        End,
        Place,
        PlaceKind,
        Neighbourhood,
        Attendance,
        Facilitators,
        Notes
    };
    /// Saves `meeting` (updated in place with its stored id and version); returns true when
    /// saved. On a refusal it calls dialog.ShowProblem() or dialog.SetMeeting() and returns false.
    using Saver = std::function<bool(MeetingDialog& dialog, Meeting& meeting)>;

    /// `meeting` with an empty id is a new one. `save` may be empty (the values are then only checked).
    MeetingDialog(wxWindow* parent, const MeetingChoices& choices, const Meeting& meeting, Saver save);

    /// The meeting with the values typed (after a successful TransferDataFromWindow).
    const Meeting& GetMeeting() const { return m_meeting; }
    /// Replaces the meeting edited and shows its values (after a conflict, "take theirs").
    void SetMeeting(const Meeting& meeting);
    /// Shows `message` under the form, with the field focused; an empty message clears it.
    void ShowProblem(Field field, const wxString& message);
    /// The problem shown, or an empty string.
    wxString ProblemText() const;
    /// The control of a field (for focus, and for tests that type into the form).
    wxWindow* FieldWindow(Field field) const;
    /// Checks and transfers the values, then saves through the Saver; closes on success.
    /// Returns true when the meeting was saved. (What the OK button and Enter do.)
    bool Submit();

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

private:
    void BuildForm(const MeetingChoices& choices);
    bool Refuse(Field field, const wxString& message);

    std::vector<std::string> m_channelIds, m_neighbourhoodIds; ///< parallel to the choices' items
    wxChoice* m_channel = nullptr;
    wxTextCtrl* m_ref = nullptr;
    wxTextCtrl* m_title = nullptr;
    wxChoice* m_kind = nullptr;
    wxTextCtrl* m_start = nullptr;
    wxTextCtrl* m_end = nullptr;
    wxTextCtrl* m_place = nullptr;
    wxComboBox* m_placeKind = nullptr;
    wxChoice* m_neighbourhood = nullptr;
    wxTextCtrl* m_attendance = nullptr;
    wxTextCtrl* m_facilitators = nullptr;
    wxTextCtrl* m_notes = nullptr;
    wxStaticText* m_problem = nullptr;
    wxString m_problemText; ///< as given, without the line breaks of wrapping

    Meeting m_meeting;
    Saver m_save;
};

} // namespace concerto
