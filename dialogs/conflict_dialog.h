#pragma once
// What an editor shows when its save meets a newer version written by someone else: both
// versions side by side, the differing fields marked, and the choice of what to keep.
// Nothing is ever overwritten without this choice.

#include "dialogs/standard_dialog.h"

#include <vector>
#include <wx/string.h>

class wxWindow;

namespace concerto {

/// One field of the edited row: its label and its value in each version, as shown to the user.
struct FieldVersions {
    wxString label;
    wxString mine;   ///< what this user was about to save
    wxString theirs; ///< what is in the database now
};

enum class ConflictChoice {
    KeepMine,   ///< save this user's version over the newer one, knowingly
    TakeTheirs, ///< drop this user's changes and show the stored version
    Cancel      ///< go back to editing; nothing saved
};

/// Asks the user what to do. `what` names the row ("la contribution n° 1234"); `theirsDeleted`
/// says the row was deleted meanwhile (then KeepMine means "recreate"). `theirsAuthor`, when
/// known, names who saved the stored version (the row's updated_by).
ConflictChoice AskConflict(wxWindow* parent, const wxString& what, const std::vector<FieldVersions>& fields,
                           bool theirsDeleted = false, const wxString& theirsAuthor = {});

/// The dialog behind AskConflict(), for callers and tests that drive it themselves. Its three
/// buttons end it with KeepMineId, TakeTheirsId or wxID_CANCEL (Escape: keep editing).
class ConflictDialog : public StandardDialog {
public:
    /// Button ids; ShowModal() returns one of them, or wxID_CANCEL.
    enum { KeepMineId = wxID_HIGHEST + 1, TakeTheirsId };

    ConflictDialog(wxWindow* parent, const wxString& what, const std::vector<FieldVersions>& fields,
                   bool theirsDeleted = false, const wxString& theirsAuthor = {});

    /// The choice the dialog ended with (Cancel until a button ends it).
    ConflictChoice GetChoice() const { return m_choice; }
    /// How many fields differ between the two versions (those shown highlighted).
    int DifferingFieldCount() const { return m_differing; }

private:
    wxWindow* BuildComparison(const std::vector<FieldVersions>& fields, bool theirsDeleted,
                              const wxString& theirsAuthor);
    void BuildButtons(bool theirsDeleted);
    void Finish(int id);

    ConflictChoice m_choice = ConflictChoice::Cancel;
    int m_differing = 0;
};

} // namespace concerto
