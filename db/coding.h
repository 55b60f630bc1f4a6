#pragma once
// Coding: the actions a coder takes on contributions (tag with a commitment or a theme and a
// stance, free labels, quote / to-review / off-topic flags, a note, "done"), each one undoable.
// An action runs in one transaction and remembers exactly what it changed, so that Revert puts
// back that and nothing else: tags are independent rows, so two people coding the same
// contribution never undo each other's work.
//
// Coding writes either the final tags (table tag) or, in a double-coding sample, one coder's
// blind tags (table sample_tag): a CodingTarget says which.

#include "db/contribution_heading.h"
#include "db/repositories.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace concerto {

/// Where coding actions write.
struct CodingTarget {
    std::string sampleId; ///< empty: the final tags; otherwise this sample's blind tags
    std::string coder;    ///< who codes, stored on every tag; empty: the database user name
};

/// What a tag applies: a commitment (its theme is implied) or a theme alone, with a stance.
struct TagSpec {
    std::string commitmentId; ///< empty for a theme-only tag
    std::string themeId;      ///< the theme of a theme-only tag; ignored when commitmentId is set
    Stance stance = Stance::Observation;
};

/// One tag as the coding view shows it.
struct CodingTag {
    std::string id, commitmentId, themeId; ///< themeId: the commitment's theme for a commitment tag
    std::string commitmentRef, commitmentTitle, themeCode, themeTitle;
    Stance stance = Stance::Observation;
    std::string coder;
};

/// One contribution with everything the coding view shows of it.
struct CodingItem : ContributionHeading {
    std::vector<CodingTag> tags; ///< the target's tags: final ones, or only this coder's blind ones
    std::vector<Label> labels;
    bool done = false; ///< final: state is no longer "new"; sample: this coder marked it done
};

/// The contribution `contributionId` as seen by `target`; NotFoundError when it is gone.
CodingItem LoadCodingItem(Database& db, const std::string& contributionId, const CodingTarget& target);

/// One undoable coding action. Apply and Revert each run in one transaction: on an exception
/// nothing was written and the action keeps its state (it can be applied again).
class CodingAction {
public:
    virtual ~CodingAction() = default;
    virtual void Apply(Database& db) = 0;
    /// Puts back what Apply changed. Rows others changed meanwhile raise ConflictError, nothing written.
    virtual void Revert(Database& db) = 0;
    /// What it does, in French, for the Edit menu and the status bar ("soutien à 2.3 Cantines bio").
    virtual std::string Describe() const = 0;
    /// The contributions it touches (to refresh in the views). Complete once applied (a tag
    /// removal learns its contribution, a bulk action its matches, when it runs).
    virtual std::vector<std::string> Contributions() const = 0;
    /// False when its last Apply found nothing to do (the same tag already there, a state already
    /// set, no tag to mark done): undoing it then changes nothing. The view may say so.
    virtual bool ChangedAnything() const { return true; }
};

/// The reason stored when a contribution is excluded without one.
extern const char* const kDefaultExclusionReason;

/// Tags the contribution. Applying a tag the same coder already gave (same commitment or
/// theme, same stance) changes nothing and reverts to nothing. The contribution itself is left
/// as it is (its state and version too): a "new" contribution becomes "tagged" only through
/// MarkDone, so that other coders' open copies never conflict with a tag. As in the demo data, a
/// commitment tag stores no theme (tag.theme_id is NULL: the commitment's theme is implied, and
/// follows the commitment if it moves); a sample target must name one of the sample's two coders
/// and a contribution of that sample (ValidationError otherwise).
std::unique_ptr<CodingAction> MakeAddTag(const std::string& contributionId, const TagSpec& spec,
                                         const CodingTarget& target);
/// Removes one tag (final or blind, as `target` says) by id.
std::unique_ptr<CodingAction> MakeRemoveTag(const std::string& tagId, const CodingTarget& target);
/// Attaches the label `name` of the contribution's consultation, creating the label if new
/// (its revert removes a label it created). Names are trimmed; an empty one is a ValidationError
/// (from Apply). An existing label matches whatever its case and accents ("Vélo" = "velo").
std::unique_ptr<CodingAction> MakeAddLabel(const std::string& contributionId, const std::string& name);
std::unique_ptr<CodingAction> MakeRemoveLabel(const std::string& contributionId, const std::string& labelId);
std::unique_ptr<CodingAction> MakeSetQuote(const std::string& contributionId, bool isQuote);
/// Sets the state (to review, excluded as off-topic with a reason, back to new or tagged). An
/// empty reason for an exclusion stores kDefaultExclusionReason; any other state clears the reason.
/// These contribution edits (quote, state, note, final "done") are version-checked: Revert (and a
/// Redo after it) meets a ConflictError when someone changed the contribution in between. A newer
/// version whose every column still reads as the action left it is accepted: the session's own
/// later actions, undone since, move the version on without changing anything.
std::unique_ptr<CodingAction> MakeSetState(const std::string& contributionId, ContributionState state,
                                           const std::string& exclusionReason = {});
/// Sets the note. With `seen` (the note as the coder found it before writing), Apply meets a
/// ConflictError and writes nothing when the stored note is neither `seen` nor `notes` any more:
/// someone else changed it meanwhile, and their text is never overwritten unread.
std::unique_ptr<CodingAction> MakeSetNote(const std::string& contributionId, const std::string& notes,
                                          std::optional<std::string> seen = std::nullopt);
/// "Done": for final coding, a "new" contribution with at least one tag becomes "tagged";
/// in a sample, the coder's item is stamped done (done_by_a or done_by_b, as the coder is the
/// sample's coder A or B; ValidationError when neither) and Revert clears that stamp.
std::unique_ptr<CodingAction> MakeMarkDone(const std::string& contributionId, const CodingTarget& target);

/// Tags every contribution matching `filter` (final tags only) that does not already carry
/// that tag from that coder; "new" ones become "tagged". One transaction. filter.consultationId
/// is required (ValidationError). Revert deletes exactly the tags it inserted and puts the
/// contributions it moved back to "new" (ConflictError, nothing written, if any of them is no
/// longer "tagged" or one of its tags was edited; other edits, a note say, are kept); Redo applies
/// the filter again, giving the contributions it tags again their former tag ids. On PostgreSQL
/// the rows send no notification each: one "tag:*" (and "contribution:*" when states moved) goes
/// out at commit.
std::unique_ptr<CodingAction> MakeBulkTag(const ContributionFilter& filter, const TagSpec& spec,
                                          const CodingTarget& target = {});
/// Attaches the label `name` (created if new) to every contribution matching `filter`.
/// Same rules as MakeBulkTag; its notification is "contribution_label:*".
std::unique_ptr<CodingAction> MakeBulkLabel(const ContributionFilter& filter, const std::string& name);

/// The undo and redo stacks of one coding session.
class CodingHistory {
public:
    /// Applies `action`; on success it becomes the newest undo and the redo stack is cleared.
    /// On an exception nothing changes (the exception goes on).
    void Do(Database& db, std::unique_ptr<CodingAction> action);
    bool CanUndo() const { return !m_done.empty(); }
    bool CanRedo() const { return !m_undone.empty(); }
    /// Describe() of what Undo / Redo would act on; empty when nothing.
    std::string UndoDescription() const;
    std::string RedoDescription() const;
    /// Reverts the newest action and returns it (nullptr when none). On an exception the stacks stay.
    const CodingAction* Undo(Database& db);
    /// Applies again the newest undone action and returns it (nullptr when none).
    const CodingAction* Redo(Database& db);
    void Clear();

private:
    std::vector<std::unique_ptr<CodingAction>> m_done, m_undone;
};

} // namespace concerto
