#pragma once
// The quick entry of paper contributions: a modeless form whose upper part (channel, meeting,
// neighbourhood, card, date received) stays set from one slip to the next, and whose lower part
// (text, profile, age, title, slip number, quote) is typed for each slip. Enter saves and clears,
// Shift+Enter starts a new line, Ctrl+Z removes the contribution just saved, Escape closes.
// The form does no database work: a derived class saves, removes and proposes slip numbers.

#include "core/model.h"
#include "dialogs/standard_dialog.h"

#include <string>
#include <vector>

class wxCheckBox;
class wxComboBox;
class wxKeyEvent;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace concerto {

/// What the sticky fields offer, read by the owner of the form.
struct QuickEntryChoices {
    std::vector<Channel> channels;
    std::vector<Meeting> meetings; ///< of the consultation, every channel, oldest first
    std::vector<Neighbourhood> neighbourhoods;
    std::vector<Card> cards;
};

/// The usual contributor profiles, as stored ("habitant·e", "agent·e"…). They are data shared
/// with imports and reports, not interface text, so they are not translated.
const std::vector<std::string>& UsualProfiles();
/// The usual age brackets, as stored ("moins de 18 ans", "18-25 ans"…).
const std::vector<std::string>& UsualAgeBrackets();

/// The form; a derived class implements the three database operations.
class QuickEntryDialog : public StandardDialog {
public:
    /// The fields, to name the one a problem is about.
    enum class Field {
        Channel,
        Meeting,
        Neighbourhood,
        Card,
        ReceivedAt,
        Text,
        Profile,
        AgeBracket,
        Title,
        Slip,
        Quote
    };

    explicit QuickEntryDialog(wxWindow* parent);

    /// Fills the sticky choices (keeping what is selected when it is still offered) and enables the form.
    void SetChoices(QuickEntryChoices choices);
    /// True once SetChoices has been called.
    bool HasChoices() const { return m_loaded; }
    /// Selects the meeting (its channel, neighbourhood and start too) and puts the focus on the text.
    void PresetMeeting(const std::string& meetingId);
    /// Proposes `slip` for the next contribution, if channel and meeting are still these and the
    /// slip field has not been typed in or used since they were chosen.
    void SuggestSlipNumber(const std::string& channelId, const std::string& meetingId, const std::string& slip);

    /// Checks the form and saves the contribution typed; on success clears the per-slip fields,
    /// increments the slip number and puts the focus back on the text. (What Enter does.)
    bool SaveEntry();
    /// Removes the last contribution saved in this session. (What Ctrl+Z does.)
    bool UndoLastEntry();

    /// Shows `message` as a problem about `field` (focused); nothing was saved.
    void ShowProblem(Field field, const wxString& message);
    /// Shows a neutral message in the same place (what was just done).
    void ShowNotice(const wxString& message);
    /// The problem or notice shown, or an empty string.
    wxString MessageText() const;
    /// "3 contributions entered for …", as shown above the session's list.
    wxString SummaryText() const;
    /// The contributions saved in this session and still there, oldest first.
    const std::vector<Contribution>& SavedEntries() const { return m_saved; }
    /// The control of a field (for focus, and for tests).
    wxWindow* FieldWindow(Field field) const;

protected:
    /// Saves a new contribution (its id empty) and completes it with its id and version; returns
    /// true when saved, or calls ShowProblem() and returns false.
    virtual bool SaveContribution(Contribution& contribution) = 0;
    /// Deletes a contribution saved in this session; true when done, else ShowProblem() and false.
    virtual bool RemoveContribution(const Contribution& contribution) = 0;
    /// The channel or meeting changed: the owner may answer later with SuggestSlipNumber().
    virtual void TargetChanged(const std::string& channelId, const std::string& meetingId) = 0;
    /// The window is closing (it is destroyed right after): let go of subscriptions.
    virtual void Closing() {}

    /// The selected channel's and meeting's ids (empty when none).
    std::string ChannelId() const;
    std::string MeetingId() const;
    /// The meeting of that id among the choices, or nullptr.
    const Meeting* FindMeeting(const std::string& id) const;

private:
    wxSizer* BuildStickyPart();
    wxSizer* BuildEntryPart();
    wxSizer* BuildSessionPart();
    void FillMeetings();
    void OnChannelChosen();
    void OnMeetingChosen();
    void OnCharHook(wxKeyEvent& event);
    bool SelectByFirstLetter(wxComboBox* list, wxChar letter);
    bool SelectNeighbour(wxComboBox* list, int step);
    void ListChosen(wxComboBox* list);
    wxComboBox* FocusedList() const;
    bool MoveFocus(int step);
    void ClearPerSlipFields();
    void RestoreEntry(const Contribution& contribution);
    void UpdateSummary();
    void ShowMessage(const wxString& message, bool problem);
    wxString TargetName() const;

    QuickEntryChoices m_choices;
    bool m_loaded = false;
    std::vector<std::string> m_meetingIds, m_neighbourhoodIds, m_cardIds; ///< parallel to the choices' items
    bool m_slipTouched = false; ///< typed in, or used, since the channel or meeting was chosen

    wxComboBox* m_channel = nullptr;
    wxComboBox* m_meeting = nullptr;
    wxComboBox* m_neighbourhood = nullptr;
    wxComboBox* m_card = nullptr;
    wxTextCtrl* m_receivedAt = nullptr;
    wxTextCtrl* m_text = nullptr;
    wxComboBox* m_profile = nullptr;
    wxComboBox* m_ageBracket = nullptr;
    wxTextCtrl* m_title = nullptr;
    wxTextCtrl* m_slip = nullptr;
    wxCheckBox* m_quote = nullptr;
    wxStaticText* m_message = nullptr;
    wxString m_messageText; ///< as given, without the line breaks of wrapping
    wxStaticText* m_summary = nullptr;
    wxListCtrl* m_session = nullptr;

    std::vector<Contribution> m_saved;
};

} // namespace concerto
