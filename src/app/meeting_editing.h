#pragma once
// Saving a meeting from the meeting dialog: create or version-checked update on the UI thread,
// refusals shown in the dialog next to the field at fault, and a newer version written by
// someone else resolved with the user through AskConflict — never overwritten silently.

#include "app/app_context.h"
#include "dialogs/conflict_dialog.h"
#include "dialogs/meeting_dialog.h"

#include <optional>

namespace concerto {

class MeetingEditor {
public:
    /// `choices` are what the dialog offers (channels, neighbourhoods, kinds of place).
    MeetingEditor(AppContext& context, MeetingChoices choices);

    /// Shows the dialog modally on `meeting` (an empty id for a new one); returns the meeting as
    /// saved, or nullopt when the user cancelled. Announces the save with NotifyChanged("meeting").
    std::optional<Meeting> Edit(wxWindow* parent, const Meeting& meeting);

    /// The dialog's Saver: saves `meeting` (completing its id and version) and returns true, or
    /// shows the problem in `dialog` and returns false.
    bool Save(MeetingDialog& dialog, Meeting& meeting);

    /// A Saver bound to this editor, for a dialog built elsewhere (tests).
    MeetingDialog::Saver Saver();
    /// What the dialog offers.
    const MeetingChoices& Choices() const { return m_choices; }

private:
    bool ResolveConflict(MeetingDialog& dialog, Meeting& meeting);
    std::vector<FieldVersions> Compare(const Meeting& mine, const Meeting& theirs) const;
    wxString ChannelName(const std::string& id) const;
    wxString NeighbourhoodName(const std::string& id) const;

    AppContext& m_context;
    MeetingChoices m_choices;
};

} // namespace concerto
