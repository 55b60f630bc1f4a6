#pragma once
// Saving a reorientation point from its editor — SaveReorientation on the UI thread (one
// transaction), refusals shown in the dialog naming the field, a newer version resolved with
// the user through AskConflict — and the point's follow-up commands: a dated note, and the
// commitment born from the point at the restitution.

#include "app/app_context.h"
#include "db/reorientation_candidates.h"
#include "db/restitution.h"
#include "dialogs/conflict_dialog.h"
#include "dialogs/reorientation_dialog.h"

#include <optional>

class wxWindow;

namespace concerto {

/// The draft that edits `detail` as stored (its point and its links).
ReorientationDraft DraftFrom(const ReorientationDetail& detail);

class ReorientationEditor {
public:
    /// `choices` are what the dialog offers (read beforehand, on the worker or the UI thread).
    ReorientationEditor(AppContext& context, ReorientationChoices choices);

    /// Shows the editor modally on `draft` (`evidence`: the lines of its contributions). A new
    /// point with no meeting is set to the latest restitution evening. Returns the point as
    /// saved, or nullopt when the user cancelled. Announces NotifyChanged("reorientation").
    std::optional<Reorientation> Edit(wxWindow* parent, ReorientationDraft draft,
                                      const std::vector<EvidenceItem>& evidence);

    /// The dialog's Saver: saves `draft` and returns true, or shows the problem and returns false.
    bool Save(ReorientationDialog& dialog, ReorientationDraft& draft);
    /// A Saver bound to this editor (tests build the dialog themselves).
    ReorientationDialog::Saver Saver();
    /// Candidates for the evidence picker, read on the worker.
    ReorientationDialog::EvidenceSource EvidenceSource();
    const ReorientationChoices& Choices() const { return m_choices; }

private:
    bool ResolveConflict(ReorientationDialog& dialog, ReorientationDraft& draft);
    std::vector<FieldVersions> Compare(const ReorientationDraft& mine, const std::vector<EvidenceItem>& mineEvidence,
                                       const std::optional<ReorientationDetail>& theirs) const;
    wxString MeetingName(const std::string& id) const;
    wxString CommitmentsText(const std::vector<ReorientationDraft::CommitmentLink>& links) const;
    wxString TopicsText(const std::vector<std::string>& ids) const;

    AppContext& m_context;
    ReorientationChoices m_choices;
    Lifetime m_lifetime = NewLifetime(); ///< evidence answers after the editor is gone are dropped
};

/// Asks for a dated note on `point` and saves it (AddReorientationNote), announcing
/// NotifyChanged("reorientation_note"). Returns true when a note was added.
bool AddNoteToPoint(wxWindow* parent, AppContext& context, const ReorientationDetail& point);

/// Asks for the commitment born from `point` (theme — that of its first commitment —, ref — the next free NOUV-n
/// suggested —, title, description, status) and creates it with CreateCommitmentFromPoint, announcing
/// NotifyChanged("commitment"). When the point already has a new commitment, asks first.
/// Returns the commitment created, or nullopt.
std::optional<Commitment> CreateCommitmentForPoint(wxWindow* parent, AppContext& context,
                                                   const ReorientationDetail& point,
                                                   const ReorientationChoices& choices);

} // namespace concerto
