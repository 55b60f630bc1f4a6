#pragma once
// The editor of one contribution: where it came from (channel, meeting, neighbourhood, card,
// when), who wrote it (profile, age bracket), what it says (title, text), and where it stands
// (state, quote, notes). It transfers a plain Contribution to and from its controls and checks
// what it can (the text is required); saving is its owner's job.

#include "core/model.h"
#include "dialogs/standard_dialog.h"

#include <string>
#include <vector>

class wxCheckBox;
class wxChoice;
class wxComboBox;
class wxDatePickerCtrl;
class wxStaticText;
class wxTextCtrl;
class wxTimePickerCtrl;

namespace concerto {

class ContactFields;

/// An entry of a list the editor offers: the id stored and the label shown.
struct ContributionChoice {
    std::string id;
    std::string label;           ///< UTF-8
    std::string channelId;       ///< meetings: their channel
    std::string neighbourhoodId; ///< meetings: where they took place
};

/// What the editor offers to choose from, read by its owner beforehand.
struct ContributionChoices {
    std::vector<ContributionChoice> channels, meetings, neighbourhoods, cards;
    std::vector<std::string> profiles, ageBrackets; ///< suggestions; any other value can be typed
};

/// Creates or edits a contribution, shown modally. OK closes the dialog only when the values
/// are complete; GetContribution() then holds them (id, version and the fields the dialog does
/// not show are kept from SetContribution()).
class ContributionDialog : public StandardDialog {
public:
    /// The fields, to name the one a problem is about.
    enum class Field {
        Channel,
        Meeting,
        Neighbourhood,
        Card,
        ReceivedAt,
        Profile,
        AgeBracket,
        Title,
        Text,
        SourceRef,
        State,
        ExclusionReason,
        Quote,
        Notes,
        Contact ///< the contact details section (the problem names the field)
    };

    /// `heading` names what is edited ("Contribution n° 1 234", "New contribution").
    ContributionDialog(wxWindow* parent, const ContributionChoices& choices, const wxString& heading);

    /// The contribution to show at the next TransferDataToWindow (ShowModal does one); clears
    /// the problem shown.
    void SetContribution(const Contribution& contribution);
    /// The contribution with the values typed (after a successful TransferDataFromWindow).
    const Contribution& GetContribution() const { return m_contribution; }

    /// Shows the contact details section with `contact` (purge date `defaultPurge` when it has
    /// none). Call only when the user may see personal data: the section stays hidden otherwise.
    void ShowContactSection(const ContactDetails& contact, const Date& defaultPurge);
    /// True when the section is shown.
    bool HasContactSection() const;
    /// The contact details typed (after a successful TransferDataFromWindow; the section shown).
    const ContactDetails& GetContact() const { return m_contactValues; }
    /// The section (for tests), or nullptr.
    ContactFields* ContactSection() const { return m_contact; }

    /// Shows `message` next to the form about `field`, and puts the focus there (when the dialog
    /// is next shown, if it is hidden).
    void ShowProblem(Field field, const wxString& message);
    /// The problem shown, or an empty string.
    wxString ProblemText() const;
    /// The control of a field (for focus, and for tests).
    wxWindow* FieldWindow(Field field) const;

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

private:
    wxSizer* BuildContextFields();
    wxSizer* BuildTextFields();
    void FillMeetings(const std::string& channelId, const std::string& selectedId);
    void OnMeetingChosen();
    void UpdateEnabling();
    static void Select(wxChoice* choice, const std::vector<ContributionChoice>& items, const std::string& id,
                       bool withNone);
    static std::string SelectedId(const wxChoice* choice, const std::vector<ContributionChoice>& items, bool withNone);

    ContributionChoices m_choices;
    std::vector<ContributionChoice> m_meetingsShown; ///< the channel's meetings, as listed
    Contribution m_contribution;
    wxChoice* m_channel = nullptr;
    wxChoice* m_meeting = nullptr;
    wxChoice* m_neighbourhood = nullptr;
    wxChoice* m_card = nullptr;
    wxDatePickerCtrl* m_day = nullptr;
    wxTimePickerCtrl* m_time = nullptr;
    wxComboBox* m_profile = nullptr;
    wxComboBox* m_ageBracket = nullptr;
    wxTextCtrl* m_title = nullptr;
    wxTextCtrl* m_body = nullptr;
    wxTextCtrl* m_sourceRef = nullptr;
    wxChoice* m_state = nullptr;
    wxTextCtrl* m_exclusionReason = nullptr;
    wxStaticText* m_exclusionLabel = nullptr;
    wxCheckBox* m_quote = nullptr;
    wxTextCtrl* m_notes = nullptr;
    wxStaticText* m_problem = nullptr;
    ContactFields* m_contact = nullptr;
    ContactDetails m_contactValues;
    wxWindow* m_contactProblemWindow = nullptr; ///< the contact field a problem is about
    Field m_problemField = Field::Text;
};

} // namespace concerto
