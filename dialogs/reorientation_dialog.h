#pragma once
// The editor of one reorientation point: its fields (title, rationale, decision, the meeting
// where it was decided, owner, follow-up) on the left, and on the right its links — the
// commitments it changes (with the kind of change), the salient topics and the evidence
// contributions. It transfers plain values only: the lists it chooses from, and the evidence
// it can add, come from its owner (EvidenceSource runs the search off the UI thread).

#include "db/reorientation_candidates.h"
#include "db/restitution.h"
#include "dialogs/standard_dialog.h"

#include <functional>
#include <string>
#include <vector>

class wxButton;
class wxCheckListBox;
class wxChoice;
class wxComboBox;
class wxListCtrl;
class wxNotebook;
class wxStaticText;
class wxTextCtrl;

namespace concerto {

/// Creates or edits a reorientation point, shown modally. On OK the values are checked, then
/// given to the Saver; the dialog closes with wxID_OK only when the Saver says it saved.
class ReorientationDialog : public StandardDialog {
public:
    /// The fields and link lists, to name the one a problem is about.
    enum class Field { Title, Rationale, Decision, Meeting, Owner, FollowUp, Commitments, Topics, Evidence };
    /// Saves `draft` (its point updated in place with the stored id and version); returns true
    /// when saved. On a refusal it calls dialog.ShowProblem() or dialog.SetDraft() and returns false.
    using Saver = std::function<bool(ReorientationDialog& dialog, ReorientationDraft& draft)>;
    /// Calls `done` later, on the UI thread, with the candidates answering `query`.
    using Done = std::function<void(std::vector<EvidenceItem>)>;
    using EvidenceSource = std::function<void(const EvidenceQuery& query, Done done)>;

    /// `draft` with an empty point id is a new point; `evidence` holds the lines of its
    /// contributions. `save` and `source` may be empty (values only checked; no evidence picker).
    ReorientationDialog(wxWindow* parent, const ReorientationChoices& choices, const ReorientationDraft& draft,
                        const std::vector<EvidenceItem>& evidence, Saver save, EvidenceSource source = {});

    /// The point and links as typed (after a successful TransferDataFromWindow).
    const ReorientationDraft& GetDraft() const { return m_draft; }
    /// Replaces what is edited and shows it (after a conflict, "take theirs").
    void SetDraft(const ReorientationDraft& draft, const std::vector<EvidenceItem>& evidence);
    /// Shows `message` under the form with the field focused; an empty message clears it.
    void ShowProblem(Field field, const wxString& message);
    /// The problem shown, or an empty string.
    wxString ProblemText() const { return m_problemText; }
    /// The control of a field or link list (for focus, and for tests).
    wxWindow* FieldWindow(Field field) const;
    /// Links a commitment (kept once; a known one only changes its kind of change).
    void LinkCommitment(const std::string& commitmentId, std::optional<ChangeKind> change);
    /// Adds evidence lines (those already linked are skipped).
    void AddEvidence(const std::vector<EvidenceItem>& items);
    /// Checks and transfers the values, then saves through the Saver; closes on success.
    bool Submit();

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

private:
    wxSizer* BuildFields();
    wxWindow* BuildCommitmentsPage(wxWindow* book);
    wxWindow* BuildTopicsPage(wxWindow* book);
    wxWindow* BuildEvidencePage(wxWindow* book);
    void FillCommitments();
    void FillEvidence();
    void UpdateTabs();
    void UpdateLinkButtons();
    void PickCommitments();
    void PickEvidence();
    void RemoveSelectedCommitments();
    void RemoveSelectedEvidence();
    void ApplyChangeToSelection();
    std::vector<long> SelectedRows(const wxListCtrl* list) const;
    const Commitment* FindCommitment(const std::string& id) const;

    ReorientationChoices m_choices;
    ReorientationDraft m_draft;
    std::vector<ReorientationDraft::CommitmentLink> m_links; ///< as edited, in the list's order
    std::vector<EvidenceItem> m_evidence;                    ///< as edited, in the list's order
    Saver m_save;
    EvidenceSource m_source;

    wxTextCtrl* m_title = nullptr;
    wxTextCtrl* m_rationale = nullptr;
    wxChoice* m_decision = nullptr;
    wxChoice* m_meeting = nullptr;
    wxComboBox* m_owner = nullptr;
    wxTextCtrl* m_followUp = nullptr;
    wxNotebook* m_linksBook = nullptr;
    wxListCtrl* m_commitments = nullptr;
    wxChoice* m_change = nullptr;
    wxButton* m_removeCommitment = nullptr;
    wxCheckListBox* m_topics = nullptr;
    wxListCtrl* m_evidenceList = nullptr;
    wxTextCtrl* m_excerpt = nullptr;
    wxButton* m_addEvidence = nullptr;
    wxButton* m_removeEvidence = nullptr;
    wxStaticText* m_problem = nullptr;
    wxString m_problemText;
};

/// How an evidence line shows its excerpt: marked when it is a quote, on one line.
wxString EvidenceExcerptText(const EvidenceItem& item);
/// The kind of change as a list shows it; "—" for none.
wxString ChangeText(const std::optional<ChangeKind>& change);

} // namespace concerto
