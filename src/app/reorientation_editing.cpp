#include "app/reorientation_editing.h"

#include "app/main_frame.h"
#include "app/synthesis_pages.h"
#include "core/errors.h"
#include "dialogs/domain_labels.h"
#include "dialogs/meeting_dialog.h"
#include "dialogs/reorientation_note_dialog.h"

#include <algorithm>
#include <set>
#include <wx/datetime.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>

namespace concerto {

namespace {

wxString Text(const std::string& value)
{
    return wxString::FromUTF8(value);
}

// The field a refusal of SaveReorientation is about, from the words of its French message.
ReorientationDialog::Field FieldOf(const std::string& message)
{
    using Field = ReorientationDialog::Field;
    const std::pair<const char*, Field> words[] = {{"titre", Field::Title},       {"réunion", Field::Meeting},
                                                   {"rencontre", Field::Meeting}, {"engagement", Field::Commitments},
                                                   {"thématique", Field::Topics}, {"contribution", Field::Evidence}};
    for (const auto& [word, field] : words)
        if (message.find(word) != std::string::npos)
            return field;
    return Field::Title;
}

// The day a new note defaults to: today, in local time.
Date Today()
{
    const wxDateTime now = wxDateTime::Now();
    return Date{now.GetYear(), static_cast<int>(now.GetMonth()) + 1, now.GetDay()};
}

} // namespace

ReorientationDraft DraftFrom(const ReorientationDetail& detail)
{
    ReorientationDraft draft;
    draft.point = detail.point;
    for (const auto& change : detail.commitments)
        draft.commitments.push_back({change.commitmentId, change.change});
    for (const auto& topic : detail.topics)
        draft.topicIds.push_back(topic.id);
    for (const auto& item : detail.evidence)
        draft.contributionIds.push_back(item.contributionId);
    return draft;
}

ReorientationEditor::ReorientationEditor(AppContext& context, ReorientationChoices choices)
    : m_context(context), m_choices(std::move(choices))
{
}

ReorientationDialog::Saver ReorientationEditor::Saver()
{
    return [this](ReorientationDialog& dialog, ReorientationDraft& draft) { return Save(dialog, draft); };
}

ReorientationDialog::EvidenceSource ReorientationEditor::EvidenceSource()
{
    return [this](const EvidenceQuery& query, ReorientationDialog::Done done) {
        const std::string consultationId = m_context.ConsultationId();
        m_context.Worker().Run<std::vector<EvidenceItem>>(
            m_lifetime,
            [consultationId, query](Database& db) { return FindEvidenceCandidates(db, consultationId, query); }, done,
            [done](const Error&) { done({}); }, "reorientation-evidence");
    };
}

std::optional<Reorientation> ReorientationEditor::Edit(wxWindow* parent, ReorientationDraft draft,
                                                       const std::vector<EvidenceItem>& evidence)
{
    if (draft.point.consultationId.empty())
        draft.point.consultationId = m_context.ConsultationId();
    if (draft.point.id.empty() && draft.point.meetingId.empty()) {
        // Points are decided at the restitution evening: the latest one is the likely meeting.
        for (const auto& meeting : m_choices.meetings)
            if (meeting.kind == MeetingKind::Restitution)
                draft.point.meetingId = meeting.id;
    }
    ReorientationDialog dialog(parent, m_choices, draft, evidence, Saver(), EvidenceSource());
    if (dialog.ShowModal() != wxID_OK)
        return std::nullopt;
    return dialog.GetDraft().point;
}

bool ReorientationEditor::Save(ReorientationDialog& dialog, ReorientationDraft& draft)
{
    if (draft.point.consultationId.empty())
        draft.point.consultationId = m_context.ConsultationId();
    try {
        draft.point = SaveReorientation(m_context.Db(), draft);
    } catch (const ConflictError&) {
        return ResolveConflict(dialog, draft);
    } catch (const ValidationError& e) {
        dialog.ShowProblem(FieldOf(e.what()), wxString::Format(_("The point was not saved: %s"), Text(e.what())));
        return false;
    } catch (const Error& e) {
        if (!ReportConnectionTrouble(&dialog, e))
            dialog.ShowProblem(ReorientationDialog::Field::Title,
                               wxString::Format(_("The point was not saved: %s"), Text(e.what())));
        return false;
    }
    m_context.NotifyChanged("reorientation");
    return true;
}

bool ReorientationEditor::ResolveConflict(ReorientationDialog& dialog, ReorientationDraft& draft)
{
    std::optional<ReorientationDetail> stored;
    try {
        stored = LoadReorientation(m_context.Db(), draft.point.id);
    } catch (const NotFoundError&) {
    } catch (const Error& e) {
        dialog.ShowProblem(ReorientationDialog::Field::Title,
                           wxString::Format(_("The point was not saved: %s"), Text(e.what())));
        return false;
    }
    std::vector<EvidenceItem> mineEvidence;
    try {
        mineEvidence = EvidenceItemsFor(m_context.Db(), draft.contributionIds);
    } catch (const Error&) {
    }
    const wxString what = wxString::Format(_("the reorientation point “%s”"), Text(draft.point.title));
    switch (AskConflict(&dialog, what, Compare(draft, mineEvidence, stored), !stored,
                        stored ? Text(stored->point.updatedBy) : wxString())) {
    case ConflictChoice::KeepMine:
        // Knowingly over the stored version; a deleted point is created again.
        if (stored) {
            draft.point.version = stored->point.version;
        } else {
            draft.point.id.clear();
            draft.point.version = 0;
        }
        return Save(dialog, draft);
    case ConflictChoice::TakeTheirs:
        if (stored) {
            dialog.SetDraft(DraftFrom(*stored), stored->evidence);
            dialog.ShowProblem(ReorientationDialog::Field::Title,
                               _("The form now shows the version saved by someone else. Change it or cancel."));
        } else {
            m_context.NotifyChanged("reorientation"); // it is gone: the list must drop it
            dialog.EndModal(wxID_CANCEL);
        }
        return false;
    case ConflictChoice::Cancel:
        break;
    }
    return false;
}

std::vector<FieldVersions> ReorientationEditor::Compare(const ReorientationDraft& mine,
                                                        const std::vector<EvidenceItem>& mineEvidence,
                                                        const std::optional<ReorientationDetail>& theirs) const
{
    const ReorientationDraft stored = theirs ? DraftFrom(*theirs) : ReorientationDraft{};
    auto numbers = [](const std::vector<EvidenceItem>& items) {
        wxString text;
        for (const auto& item : items)
            text += (text.empty() ? "" : ", ") + wxString::Format("%lld", item.seq);
        return text;
    };
    auto decision = [&theirs](const ReorientationDraft& draft, bool isTheirs) {
        return isTheirs && !theirs ? wxString() : DecisionName(draft.point.decision);
    };
    return {{_("Title"), Text(mine.point.title), Text(stored.point.title)},
            {_("Rationale"), Text(mine.point.rationale), Text(stored.point.rationale)},
            {_("Decision"), decision(mine, false), decision(stored, true)},
            {_("Decided at"), MeetingName(mine.point.meetingId), MeetingName(stored.point.meetingId)},
            {_("Owner"), Text(mine.point.owner), Text(stored.point.owner)},
            {_("Follow-up"), Text(mine.point.followUp), Text(stored.point.followUp)},
            {_("Commitments"), CommitmentsText(mine.commitments), CommitmentsText(stored.commitments)},
            {_("Topics"), TopicsText(mine.topicIds), TopicsText(stored.topicIds)},
            {_("Evidence"), numbers(mineEvidence), theirs ? numbers(theirs->evidence) : wxString()}};
}

wxString ReorientationEditor::MeetingName(const std::string& id) const
{
    for (const auto& meeting : m_choices.meetings)
        if (meeting.id == id)
            return FormatDay(meeting.startsAt) + " — " + Text(meeting.title);
    return wxString();
}

wxString ReorientationEditor::CommitmentsText(const std::vector<ReorientationDraft::CommitmentLink>& links) const
{
    wxString text;
    for (const auto& link : links) {
        auto commitment = std::find_if(m_choices.commitments.begin(), m_choices.commitments.end(),
                                       [&](const Commitment& c) { return c.id == link.commitmentId; });
        const wxString ref = commitment != m_choices.commitments.end() ? Text(commitment->ref) : wxString("?");
        text += (text.empty() ? "" : ", ") + ref + (link.change ? " (" + ChangeName(*link.change) + ")" : wxString());
    }
    return text;
}

wxString ReorientationEditor::TopicsText(const std::vector<std::string>& ids) const
{
    wxString text;
    for (const auto& topic : m_choices.topics)
        if (std::find(ids.begin(), ids.end(), topic.id) != ids.end())
            text += (text.empty() ? "" : "; ") + Text(topic.title);
    return text;
}

bool AddNoteToPoint(wxWindow* parent, AppContext& context, const ReorientationDetail& point)
{
    ReorientationNoteDialog dialog(parent, Text(point.point.title), Today());
    while (dialog.ShowModal() == wxID_OK) {
        try {
            AddReorientationNote(context.Db(), point.point.id, dialog.GetDay(), dialog.GetBody());
        } catch (const Error& e) {
            if (!ReportConnectionTrouble(parent, e))
                wxMessageBox(Text(e.what()), _("The note was not added"), wxOK | wxICON_ERROR, parent);
            continue; // the dialog keeps what was typed
        }
        context.NotifyChanged("reorientation_note");
        return true;
    }
    return false;
}

std::optional<Commitment> CreateCommitmentForPoint(wxWindow* parent, AppContext& context,
                                                   const ReorientationDetail& point,
                                                   const ReorientationChoices& choices)
{
    const wxString title = Text(point.point.title);
    wxString born;
    for (const auto& change : point.commitments)
        if (change.change == ChangeKind::New)
            born += (born.empty() ? "" : ", ") + Text(change.ref);
    if (!born.empty()) {
        // A point usually gives birth to one commitment; a second one must be meant.
        wxMessageDialog ask(parent,
                            wxString::Format(_("The point “%s” already gave birth to %s. Create another commitment "
                                               "from it?"),
                                             title, born),
                            _("New commitment from the point"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
        ask.SetYesNoLabels(_("Create another"), _("Cancel"));
        if (ask.ShowModal() != wxID_YES)
            return std::nullopt;
    }
    if (choices.themes.empty()) {
        wxMessageBox(_("The programme has no theme yet: create the themes in the Commitments area first."),
                     _("New commitment from the point"), wxOK | wxICON_INFORMATION, parent);
        return std::nullopt;
    }
    std::vector<ThemeChoice> themes;
    for (const auto& theme : choices.themes)
        themes.push_back({theme.id, Text(theme.code.empty() ? theme.title : theme.code + " — " + theme.title)});
    CommitmentValues values;
    values.title = point.point.title;
    values.description = point.point.rationale;
    values.origin = "restitution";
    values.status = CommitmentStatus::Planned;
    for (const auto& change : point.commitments)
        for (const auto& commitment : choices.commitments)
            if (values.themeId.empty() && commitment.id == change.commitmentId)
                values.themeId = commitment.themeId;
    try {
        values.ref = NextNewCommitmentRef(context.Db(), context.ConsultationId());
    } catch (const Error&) {
        values.ref = "NOUV-1"; // only a suggestion: the save checks the reference
    }
    PointCommitmentDialog dialog(parent, title, themes, values);
    std::optional<Commitment> created;
    dialog.SetAcceptHandler([&](const CommitmentValues& typed) {
        Commitment draft;
        draft.consultationId = context.ConsultationId();
        draft.themeId = typed.themeId;
        draft.ref = typed.ref;
        draft.title = typed.title;
        draft.description = typed.description;
        draft.status = typed.status;
        draft.origin = "restitution";
        try {
            created = CreateCommitmentFromPoint(context.Db(), point.point.id, draft);
        } catch (const ValidationError& e) {
            dialog.ShowError(wxString::Format(_("The commitment was not created: %s"), Text(e.what())),
                             std::string(e.what()).find(typed.ref) != std::string::npos);
            return false;
        } catch (const Error& e) {
            if (!ReportConnectionTrouble(&dialog, e))
                dialog.ShowError(wxString::Format(_("The commitment was not created: %s"), Text(e.what())));
            return false;
        }
        return true;
    });
    if (dialog.ShowModal() != wxID_OK || !created)
        return std::nullopt;
    context.NotifyChanged("commitment");
    context.NotifyChanged("reorientation_link");
    return created;
}

std::string EditReorientationPoint(wxWindow* parent, AppContext& context, const ReorientationDraft& draft)
{
    const std::string consultationId =
        draft.point.consultationId.empty() ? context.ConsultationId() : draft.point.consultationId;
    ReorientationChoices choices;
    std::vector<EvidenceItem> evidence;
    try {
        // A few hundred rows: read here so that the command answers at once from any page.
        choices = LoadReorientationChoices(context.Db(), consultationId);
        evidence = EvidenceItemsFor(context.Db(), draft.contributionIds);
    } catch (const Error& e) {
        if (!ReportConnectionTrouble(parent, e))
            wxMessageBox(Text(e.what()), _("The point editor could not open"), wxOK | wxICON_ERROR, parent);
        return {};
    }
    ReorientationEditor editor(context, std::move(choices));
    const auto saved = editor.Edit(parent, draft, evidence);
    return saved ? saved->id : std::string();
}

} // namespace concerto
