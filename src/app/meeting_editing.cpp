#include "app/meeting_editing.h"

#include "core/errors.h"
#include "db/repositories.h"
#include "dialogs/conflict_dialog.h"

#include <wx/intl.h>

namespace concerto {

MeetingEditor::MeetingEditor(AppContext& context, MeetingChoices choices)
    : m_context(context), m_choices(std::move(choices))
{
}

MeetingDialog::Saver MeetingEditor::Saver()
{
    return [this](MeetingDialog& dialog, Meeting& meeting) { return Save(dialog, meeting); };
}

std::optional<Meeting> MeetingEditor::Edit(wxWindow* parent, const Meeting& meeting)
{
    MeetingDialog dialog(parent, m_choices, meeting, Saver());
    if (dialog.ShowModal() != wxID_OK)
        return std::nullopt;
    return dialog.GetMeeting();
}

bool MeetingEditor::Save(MeetingDialog& dialog, Meeting& meeting)
{
    using Field = MeetingDialog::Field;
    meeting.consultationId = m_context.ConsultationId();
    try {
        MeetingRepository meetings(m_context.Db());
        meeting = meeting.version == 0 ? meetings.Create(meeting) : meetings.Update(meeting);
    } catch (const ConflictError&) {
        return ResolveConflict(dialog, meeting);
    } catch (const ValidationError& e) {
        // The one unique key of a meeting is its reference within the consultation.
        const auto same = MeetingRepository(m_context.Db())
                              .List({MeetingRepository::Equals("consultation_id", meeting.consultationId),
                                     MeetingRepository::Equals("ref", meeting.ref)},
                                    1);
        if (!same.empty() && same.front().id != meeting.id)
            dialog.ShowProblem(Field::Reference,
                               wxString::Format(_("Reference: %s is already used by the meeting “%s”. Choose "
                                                  "another reference. Nothing was saved."),
                                                wxString::FromUTF8(meeting.ref),
                                                wxString::FromUTF8(same.front().title)));
        else
            dialog.ShowProblem(Field::Channel,
                               wxString::Format(_("The meeting was not saved: %s"), wxString::FromUTF8(e.what())));
        return false;
    } catch (const Error& e) {
        dialog.ShowProblem(Field::Title,
                           wxString::Format(_("The meeting was not saved: %s"), wxString::FromUTF8(e.what())));
        return false;
    }
    m_context.NotifyChanged("meeting");
    return true;
}

bool MeetingEditor::ResolveConflict(MeetingDialog& dialog, Meeting& meeting)
{
    std::optional<Meeting> stored;
    try {
        stored = MeetingRepository(m_context.Db()).Find(meeting.id);
    } catch (const Error& e) {
        dialog.ShowProblem(MeetingDialog::Field::Title,
                           wxString::Format(_("The meeting was not saved: %s"), wxString::FromUTF8(e.what())));
        return false;
    }
    const wxString what = wxString::Format(_("the meeting %s"), wxString::FromUTF8(meeting.ref));
    const auto fields = stored ? Compare(meeting, *stored) : Compare(meeting, Meeting{});
    switch (AskConflict(&dialog, what, fields, !stored)) {
    case ConflictChoice::KeepMine:
        // Knowingly over the stored version; a deleted meeting is created again under its id.
        meeting.version = stored ? stored->version : 0;
        return Save(dialog, meeting);
    case ConflictChoice::TakeTheirs:
        if (stored) {
            dialog.SetMeeting(*stored);
            dialog.ShowProblem(MeetingDialog::Field::Title,
                               _("The form now shows the version saved by someone else. Change it or cancel."));
        } else {
            m_context.NotifyChanged("meeting"); // it is gone: the list must drop it
            dialog.EndModal(wxID_CANCEL);
        }
        return false;
    case ConflictChoice::Cancel:
        break;
    }
    return false;
}

std::vector<FieldVersions> MeetingEditor::Compare(const Meeting& mine, const Meeting& theirs) const
{
    auto text = [](const std::string& value) { return wxString::FromUTF8(value); };
    auto when = [](const std::optional<Timestamp>& at) { return at ? FormatDayTime(*at) : wxString(); };
    auto people = [](const std::optional<int>& count) { return count ? wxString::Format("%d", *count) : wxString(); };
    return {{_("Channel"), ChannelName(mine.channelId), ChannelName(theirs.channelId)},
            {_("Reference"), text(mine.ref), text(theirs.ref)},
            {_("Title"), text(mine.title), text(theirs.title)},
            {_("Kind"), MeetingKindLabel(mine.kind), MeetingKindLabel(theirs.kind)},
            {_("Starts"), when(mine.startsAt), theirs.id.empty() ? wxString() : when(theirs.startsAt)},
            {_("Ends"), when(mine.endsAt), when(theirs.endsAt)},
            {_("Place"), text(mine.place), text(theirs.place)},
            {_("Kind of place"), text(mine.placeKind), text(theirs.placeKind)},
            {_("Neighbourhood"), NeighbourhoodName(mine.neighbourhoodId), NeighbourhoodName(theirs.neighbourhoodId)},
            {_("Attendance"), people(mine.attendance), people(theirs.attendance)},
            {_("Facilitators"), text(mine.facilitators), text(theirs.facilitators)},
            {_("Notes"), text(mine.notes), text(theirs.notes)}};
}

wxString MeetingEditor::ChannelName(const std::string& id) const
{
    for (const auto& channel : m_choices.channels)
        if (channel.id == id)
            return wxString::FromUTF8(channel.name);
    return wxString();
}

wxString MeetingEditor::NeighbourhoodName(const std::string& id) const
{
    for (const auto& neighbourhood : m_choices.neighbourhoods)
        if (neighbourhood.id == id)
            return wxString::FromUTF8(neighbourhood.name);
    return wxString();
}

} // namespace concerto
