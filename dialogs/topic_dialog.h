#pragma once
// The editor of one salient topic: its title and description, the labels of the coding it
// gathers (several labels merge into one topic), the programme commitments it concerns, and
// the agoras that worked on it with what each concluded. It transfers plain values only: the
// choices are read by its owner beforehand, and saving is the owner's job, done through the
// Saver, so that a refusal keeps the dialog open with the problem shown under the form.

#include "db/restitution.h"
#include "dialogs/standard_dialog.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

class wxCheckListBox;
class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace concerto {

class TopicChecklist;

/// What the topic dialog offers to choose from, read by its owner beforehand.
struct TopicChoices {
    struct LabelChoice {
        std::string id, name;
        long long contributions = 0; ///< contributions carrying the label
    };
    struct CommitmentChoice {
        std::string id, ref, title, themeId;
    };
    std::vector<LabelChoice> labels;           ///< most used first
    std::vector<Theme> themes;                 ///< in programme order
    std::vector<CommitmentChoice> commitments; ///< in programme order
    std::vector<Meeting> agoras;               ///< the consultation's agoras, by date
};

/// Creates or edits a topic, shown modally. On OK the values are checked, then given to the
/// Saver; the dialog closes with wxID_OK only when the Saver says it saved.
class TopicDialog : public StandardDialog {
public:
    /// The fields, to name the one a problem is about.
    enum class Field { Title, Description, Labels, Commitments, Agoras };
    /// Saves `draft` (its topic updated in place with the stored id and version); returns true
    /// when saved. On a refusal it calls dialog.ShowProblem() or dialog.SetDraft() and returns false.
    using Saver = std::function<bool(TopicDialog& dialog, TopicDraft& draft)>;

    /// `draft` with an empty topic id is a new topic. `save` may be empty (values only checked).
    TopicDialog(wxWindow* parent, const TopicChoices& choices, const TopicDraft& draft, Saver save);
    ~TopicDialog() override;

    /// The draft with the values chosen (after a successful TransferDataFromWindow).
    const TopicDraft& GetDraft() const { return m_draft; }
    /// Replaces the draft edited and shows its values (after a conflict, "take theirs").
    void SetDraft(const TopicDraft& draft);
    /// Shows `message` under the form with the field focused; an empty message clears it.
    void ShowProblem(Field field, const wxString& message);
    /// The problem shown, or an empty string.
    wxString ProblemText() const { return m_problemText; }
    /// Checks and transfers the values, then saves through the Saver; closes on success.
    bool Submit();

    /// For tests and keyboard users: the control of a field.
    wxWindow* FieldWindow(Field field) const;
    /// Checks or unchecks the label / commitment / agora `id` (as a click in its list would);
    /// false when it is not offered.
    bool CheckLabel(const std::string& id, bool checked = true);
    bool CheckCommitment(const std::string& id, bool checked = true);
    bool CheckAgora(const std::string& meetingId, bool checked = true);
    /// Sets the outcome recorded for the agora `meetingId` (checking it).
    void SetAgoraOutcome(const std::string& meetingId, const wxString& outcome);
    /// Narrows the label list to names containing `text` (case and accents ignored).
    void FilterLabels(const wxString& text);
    /// Number of labels listed after the filter.
    unsigned ListedLabelCount() const;

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

private:
    wxSizer* BuildLabels(const TopicChoices& choices);
    wxSizer* BuildCommitments(const TopicChoices& choices);
    wxSizer* BuildAgoras(const TopicChoices& choices);
    wxStaticText* ColumnHeading(const wxString& text);
    void ShowAgoraOutcome();
    void KeepAgoraOutcome();
    bool Refuse(Field field, const wxString& message);

    wxTextCtrl* m_title = nullptr;
    wxTextCtrl* m_description = nullptr;
    TopicChecklist* m_labels = nullptr;
    TopicChecklist* m_commitments = nullptr;
    wxChoice* m_theme = nullptr;
    std::vector<std::string> m_themeIds; ///< parallel to m_theme's items after "every theme"
    wxCheckListBox* m_agoras = nullptr;
    std::vector<std::string> m_agoraIds; ///< parallel to m_agoras' items
    wxStaticText* m_outcomeLabel = nullptr;
    wxTextCtrl* m_outcome = nullptr;
    int m_outcomeOf = -1; ///< the agora item whose outcome m_outcome shows
    std::map<std::string, wxString> m_outcomes; ///< by meeting id, as typed
    wxStaticText* m_problem = nullptr;
    wxString m_problemText;

    TopicDraft m_draft;
    Saver m_save;
};

} // namespace concerto
