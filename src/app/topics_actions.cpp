// The salient topics page's commands: the editor (save, refusals shown next to the field,
// conflicts resolved with the user), delete, merge, and a reorientation point from a topic.

#include "app/topics_page.h"
#include "app/access_ui.h"

#include "app/localization.h"
#include "app/main_frame.h"
#include "app/synthesis_pages.h"
#include "app/topics_detail.h"
#include "core/errors.h"
#include "core/text.h"
#include "db/repositories.h"
#include "dialogs/conflict_dialog.h"

#include <algorithm>
#include <wx/choicdlg.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>

namespace concerto {

namespace {

/// The most quotes a new point takes from a topic: enough to show, few enough to read.
constexpr std::size_t kMaxQuotes = 10;

TopicDraft DraftOf(const TopicSummary& summary)
{
    TopicDraft draft;
    draft.topic = summary.topic;
    for (const auto& label : summary.labels)
        draft.labelIds.push_back(label.id);
    for (const auto& commitment : summary.commitments)
        draft.commitmentIds.push_back(commitment.id);
    draft.agoras = summary.agoras;
    return draft;
}

// The draft's links by name, one per line, for the conflict dialog.
wxString LabelNames(const TopicChoices& choices, const std::vector<std::string>& ids)
{
    wxString text;
    for (const auto& label : choices.labels)
        if (std::find(ids.begin(), ids.end(), label.id) != ids.end())
            text += (text.empty() ? "" : ", ") + wxString::FromUTF8(label.name);
    return text;
}

wxString CommitmentRefs(const TopicChoices& choices, const std::vector<std::string>& ids)
{
    wxString text;
    for (const auto& commitment : choices.commitments)
        if (std::find(ids.begin(), ids.end(), commitment.id) != ids.end())
            text += (text.empty() ? "" : ", ") + wxString::FromUTF8(commitment.ref);
    return text;
}

wxString AgoraLines(const TopicChoices& choices, const std::vector<TopicAgora>& agoras)
{
    wxString text;
    for (const auto& agora : agoras)
        for (const auto& meeting : choices.agoras)
            if (meeting.id == agora.meetingId)
                text += (text.empty() ? "" : "\n") + wxString::FromUTF8(meeting.title) +
                        (agora.outcome.empty() ? wxString() : wxString::FromUTF8(" : " + agora.outcome));
    return text;
}

// Which field a refusal of SaveTopic is about: its message names it in French.
TopicDialog::Field FieldOfRefusal(const std::string& message)
{
    const std::string folded = Fold(message);
    if (folded.find("agora") != std::string::npos || folded.find("rencontre") != std::string::npos)
        return TopicDialog::Field::Agoras;
    if (folded.find("etiquette") != std::string::npos)
        return TopicDialog::Field::Labels;
    if (folded.find("engagement") != std::string::npos)
        return TopicDialog::Field::Commitments;
    return TopicDialog::Field::Title;
}

wxString FieldName(TopicDialog::Field field)
{
    switch (field) {
    case TopicDialog::Field::Agoras:
        return _("Agoras");
    case TopicDialog::Field::Labels:
        return _("Labels");
    case TopicDialog::Field::Commitments:
        return _("Commitments");
    case TopicDialog::Field::Description:
        return _("Description");
    case TopicDialog::Field::Title:
        break;
    }
    return _("Title");
}

} // namespace

void TopicsPage::NewTopic()
{
    if (!CheckAllowed(m_context))
        return;
    if (m_context.ConsultationId().empty() || m_loading)
        return;
    TopicDraft draft;
    draft.topic.consultationId = m_context.ConsultationId();
    Edit(draft);
}

void TopicsPage::EditSelected()
{
    if (!CheckAllowed(m_context))
        return;
    const auto ids = SelectedIds();
    const TopicSummary* current = Current();
    if (ids.size() != 1 || !current)
        return;
    Edit(DraftOf(*current));
}

void TopicsPage::Edit(const TopicDraft& draft)
{
    TopicDialog dialog(this, m_choices, draft,
                       [this](TopicDialog& shown, TopicDraft& typed) { return Save(shown, typed); });
    // On OK the save has announced itself; the reload it caused selects the topic again.
    dialog.ShowModal();
}

bool TopicsPage::Save(TopicDialog& dialog, TopicDraft& draft)
{
    draft.topic.consultationId = m_context.ConsultationId();
    try {
        draft.topic = SaveTopic(m_context.Db(), draft);
    } catch (const ConflictError&) {
        return ResolveConflict(dialog, draft);
    } catch (const ValidationError& e) {
        const TopicDialog::Field field = FieldOfRefusal(e.what());
        dialog.ShowProblem(field, wxString::Format(_("%s: %s Nothing was saved."), FieldName(field),
                                                   wxString::FromUTF8(e.what())));
        return false;
    } catch (const Error& e) {
        if (!ReportConnectionTrouble(&dialog, e))
            dialog.ShowProblem(TopicDialog::Field::Title,
                               wxString::Format(_("The topic was not saved: %s"), wxString::FromUTF8(e.what())));
        return false;
    }
    m_wantedSelection = {draft.topic.id};
    m_context.NotifyChanged("topic");
    return true;
}

bool TopicsPage::ResolveConflict(TopicDialog& dialog, TopicDraft& draft)
{
    std::optional<TopicSummary> stored;
    try {
        stored = LoadTopic(m_context.Db(), draft.topic.id);
    } catch (const NotFoundError&) {
    } catch (const Error& e) {
        dialog.ShowProblem(TopicDialog::Field::Title,
                           wxString::Format(_("The topic was not saved: %s"), wxString::FromUTF8(e.what())));
        return false;
    }
    const TopicDraft theirs = stored ? DraftOf(*stored) : TopicDraft{};
    auto text = [](const std::string& value) { return wxString::FromUTF8(value); };
    const std::vector<FieldVersions> fields = {
        {_("Title"), text(draft.topic.title), text(theirs.topic.title)},
        {_("Description"), text(draft.topic.description), text(theirs.topic.description)},
        {_("Labels"), LabelNames(m_choices, draft.labelIds), LabelNames(m_choices, theirs.labelIds)},
        {_("Commitments"), CommitmentRefs(m_choices, draft.commitmentIds),
         CommitmentRefs(m_choices, theirs.commitmentIds)},
        {_("Agoras"), AgoraLines(m_choices, draft.agoras), AgoraLines(m_choices, theirs.agoras)}};
    const wxString what = wxString::Format(_("the topic “%s”"), text(draft.topic.title));
    switch (AskConflict(&dialog, what, fields, !stored, stored ? text(stored->topic.updatedBy) : wxString())) {
    case ConflictChoice::KeepMine:
        if (stored) {
            draft.topic.version = stored->topic.version;
        } else {
            // Deleted meanwhile: saved again as a new topic.
            draft.topic.id.clear();
            draft.topic.version = 0;
        }
        return Save(dialog, draft);
    case ConflictChoice::TakeTheirs:
        if (stored) {
            dialog.SetDraft(theirs);
            dialog.ShowProblem(TopicDialog::Field::Title,
                               _("The form now shows the version saved by someone else. Change it or cancel."));
        } else {
            m_context.NotifyChanged("topic"); // it is gone: the list must drop it
            dialog.EndModal(wxID_CANCEL);
        }
        return false;
    case ConflictChoice::Cancel:
        break;
    }
    return false;
}

void TopicsPage::DeleteSelected()
{
    if (!CheckAllowed(m_context))
        return;
    const TopicSummary* current = Current();
    if (SelectedIds().size() != 1 || !current)
        return;
    const Topic topic = current->topic;
    const wxString title = wxString::FromUTF8(topic.title);
    wxMessageDialog confirm(this,
                            wxString::Format(_("Delete the topic “%s”? Its labels, commitments and contributions are "
                                               "kept; only the topic and its links to agoras and reorientation "
                                               "points are removed."),
                                             title),
                            _("Delete a topic"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    confirm.SetYesNoLabels(_("Delete"), _("Keep"));
    if (confirm.ShowModal() != wxID_YES)
        return;
    try {
        TopicRepository(m_context.Db()).Remove(topic.id, topic.version);
    } catch (const ConflictError&) {
        wxMessageBox(wxString::Format(_("The topic “%s” was changed or deleted by someone else meanwhile, so it was "
                                        "not deleted. The list now shows its current state."),
                                      title),
                     _("Delete a topic"), wxOK | wxICON_INFORMATION, this);
        Reload();
        return;
    } catch (const Error& e) {
        if (!ReportConnectionTrouble(this, e))
            wxMessageBox(wxString::FromUTF8(e.what()), _("The topic was not deleted"), wxOK | wxICON_ERROR, this);
        return;
    }
    // The keyboard goes on from the next topic of the list (the previous one for the last).
    const auto at = std::find_if(m_topics.begin(), m_topics.end(),
                                 [&](const TopicSummary& listed) { return listed.topic.id == topic.id; });
    m_wantedSelection.clear();
    if (at != m_topics.end() && m_topics.size() > 1)
        m_wantedSelection = {(at + 1 != m_topics.end() ? *(at + 1) : *(at - 1)).topic.id};
    m_context.NotifyChanged("topic");
}

void TopicsPage::MergeSelected()
{
    if (!CheckAllowed(m_context))
        return;
    const auto ids = SelectedIds();
    if (ids.size() < 2) {
        if (!m_topics.empty())
            wxMessageBox(_("Select the topics to merge first: hold Ctrl and click each of them in the list."),
                         _("Merge topics"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    wxArrayString titles;
    int largest = 0; // the topic with the most evidence is offered as the one kept
    long long most = -1;
    for (const auto& id : ids)
        for (const auto& topic : m_topics)
            if (topic.topic.id == id) {
                if (topic.contributions > most) {
                    most = topic.contributions;
                    largest = static_cast<int>(titles.size());
                }
                titles.Add(wxString::Format(_("%s (%s contributions)"), wxString::FromUTF8(topic.topic.title),
                                            FormatCount(topic.contributions)));
            }
    wxSingleChoiceDialog choose(this,
                                _("Which topic is kept? The others are folded into it: their labels, commitments, "
                                  "agoras and reorientation points move to it, then they are deleted."),
                                _("Merge topics"), titles);
    choose.SetName("merge-topics");
    choose.SetSelection(largest);
    if (choose.ShowModal() != wxID_OK || choose.GetSelection() < 0)
        return;
    const std::string into = ids[static_cast<std::size_t>(choose.GetSelection())];
    std::vector<std::string> others;
    for (const auto& id : ids)
        if (id != into)
            others.push_back(id);
    Merge(into, others);
}

bool TopicsPage::Merge(const std::string& intoId, const std::vector<std::string>& otherIds)
{
    try {
        MergeTopics(m_context.Db(), intoId, otherIds);
    } catch (const Error& e) {
        if (!ReportConnectionTrouble(this, e))
            wxMessageBox(wxString::FromUTF8(e.what()), _("The topics were not merged"), wxOK | wxICON_ERROR, this);
        Reload();
        return false;
    }
    m_wantedSelection = {intoId};
    m_context.NotifyChanged("topic");
    return true;
}

void TopicsPage::NewPointFromSelected()
{
    if (!CheckAllowed(m_context))
        return;
    const TopicSummary* current = Current();
    if (SelectedIds().size() != 1 || !current || m_detail->TopicId() != current->topic.id || !m_detail->HasEvidence())
        return;
    ReorientationDraft draft;
    draft.point.consultationId = m_context.ConsultationId();
    draft.point.title = current->topic.title;
    draft.point.rationale = current->topic.description;
    draft.topicIds = {current->topic.id};
    for (const auto& item : m_detail->Evidence().items)
        if (item.isQuote && draft.contributionIds.size() < kMaxQuotes)
            draft.contributionIds.push_back(item.contributionId);
    EditReorientationPoint(this, m_context, draft);
}

} // namespace concerto
