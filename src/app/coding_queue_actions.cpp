// The coding page's commands: every coding action goes through the page's CodingHistory on the
// UI connection (one short transaction each), keeps the suggestion model current, refreshes
// the contribution on screen and tells the other views.

#include "app/coding_commitment_tree.h"
#include "app/coding_item_pane.h"
#include "app/coding_queue_page.h"
#include "app/coding_stance_bar.h"
#include "app/localization.h"
#include "db/contribution_list.h"
#include "db/suggestion_source.h"
#include "dialogs/bulk_tag_dialog.h"
#include "dialogs/coding_label_dialog.h"
#include "dialogs/domain_labels.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/splitter.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/utils.h>

namespace concerto {

void CodingQueuePage::Run(CodingCommand command)
{
    if (const auto stance = StanceOf(command)) {
        ChooseStance(*stance, true);
        return;
    }
    if (const int suggestion = SuggestionIndexOf(command); suggestion >= 0) {
        ApplySuggestion(suggestion);
        return;
    }
    switch (command) {
    case CodingCommand::Next:
        Move(1);
        break;
    case CodingCommand::Previous:
        Move(-1);
        break;
    case CodingCommand::DoneAndNext:
        DoneAndNext();
        break;
    case CodingCommand::ApplySelected:
        ApplyTreeChoice(false);
        break;
    case CodingCommand::FilterCommitments:
        m_tree->FocusFilter();
        break;
    case CodingCommand::AddLabel:
        AddLabel();
        break;
    case CodingCommand::ToggleQuote:
        ToggleQuote();
        break;
    case CodingCommand::ToggleReview:
        ToggleReview();
        break;
    case CodingCommand::Exclude:
        Exclude();
        break;
    case CodingCommand::EditNote:
        if (NeedsItem(true))
            m_item->FocusNote();
        break;
    case CodingCommand::FocusText:
        m_item->FocusText();
        break;
    case CodingCommand::Undo:
        Undo();
        break;
    case CodingCommand::Redo:
        Redo();
        break;
    case CodingCommand::BulkTag:
        BulkTag();
        break;
    case CodingCommand::ShowKeys:
        ShowKeys();
        break;
    default:
        break;
    }
}

std::string CodingQueuePage::Me() const
{
    return m_target.coder.empty() ? m_context.Db().UserName() : m_target.coder;
}

std::string CodingQueuePage::ExampleText(const Contribution& contribution) const
{
    // The text LoadSuggestionModel gave AddExample, so that RemoveExample forgets exactly that.
    return ContributionSuggestionText(contribution.title, contribution.body);
}

bool CodingQueuePage::NeedsItem(bool editsRecord)
{
    if (!m_current) {
        SetStatus(_("No contribution on screen."));
        return false;
    }
    if (editsRecord && IsBlind()) {
        SetStatus(_("Blind double coding gives tags only: labels, flags and notes belong to the final coding."), true);
        return false;
    }
    return true;
}

bool CodingQueuePage::Do(std::unique_ptr<CodingAction> action, ModelEffect effect, bool keepNote)
{
    const CodingAction* raw = action.get();
    const auto contributions = action->Contributions();
    try {
        m_history.Do(m_context.Db(), std::move(action));
    } catch (const Error& error) {
        ShowProblem(error);
        return false;
    }
    m_effects[raw] = effect; // an address reused by a new action is overwritten here
    ApplyEffect(effect, true);
    // Described once applied: only then does it know what it named ("soutien à 2.3 Cantines bio").
    wxString said = wxString::FromUTF8(raw->Describe());
    if (!said.empty())
        said[0] = wxToupper(said[0]);
    SetStatus(wxString::Format(_("%s — Ctrl+Z to undo"), said));
    AfterChange(contributions, keepNote, false);
    return true;
}

void CodingQueuePage::ApplyEffect(const ModelEffect& effect, bool forward)
{
    if (effect.reload) {
        LoadModel();
        return;
    }
    // While the model loads, what it reads already includes the change (or nearly: a tag given
    // during the read may be missed until the next load).
    if (!m_model || m_modelState != ModelState::Ready)
        return;
    for (const auto& [commitment, text] : effect.added)
        forward ? m_model->AddExample(commitment, text) : m_model->RemoveExample(commitment, text);
    for (const auto& [commitment, text] : effect.removed)
        forward ? m_model->RemoveExample(commitment, text) : m_model->AddExample(commitment, text);
}

void CodingQueuePage::AfterChange(const std::vector<std::string>& contributionIds, bool keepNote, bool goThere)
{
    // The other views (lists, counts, progress) hear of it; this page knows already.
    m_notifying = true;
    m_context.NotifyChanged("tag");
    m_context.NotifyChanged("contribution");
    m_notifying = false;
    if (m_onHistory)
        m_onHistory();
    for (auto it = m_cache.begin(); it != m_cache.end();)
        it = std::count(contributionIds.begin(), contributionIds.end(), it->second.contribution.id) ? m_cache.erase(it)
                                                                                                    : std::next(it);
    // Undoing what was done on a contribution left behind brings the coder back to it.
    if (goThere && contributionIds.size() == 1 && contributionIds.front() != CurrentId()) {
        long long seq = 0;
        try {
            seq = ContributionList(m_context.Db()).SeqOf(contributionIds.front());
        } catch (const Error&) {
        }
        if (const auto at = std::find(m_keys.begin(), m_keys.end(), seq); seq != 0 && at != m_keys.end()) {
            m_index = static_cast<long>(at - m_keys.begin());
            ShowCurrent();
            return;
        }
    }
    if (!m_current || !std::count(contributionIds.begin(), contributionIds.end(), m_current->contribution.id))
        return;
    try {
        CodingItem item = LoadCodingItem(m_context.Db(), m_current->contribution.id, m_target);
        m_cache[item.seq] = item;
        Display(item, keepNote);
    } catch (const Error& error) {
        ShowProblem(error);
    }
}

void CodingQueuePage::Undo()
{
    m_item->FlushNote(); // the note being typed is an action too: undone first
    if (!m_history.CanUndo()) {
        SetStatus(_("Nothing to undo."));
        return;
    }
    wxString description = wxString::FromUTF8(m_history.UndoDescription());
    const CodingAction* action = nullptr;
    try {
        action = m_history.Undo(m_context.Db());
    } catch (const Error& error) {
        ShowProblem(error);
        return;
    }
    if (!action)
        return;
    ApplyEffect(m_effects[action], false);
    SetStatus(wxString::Format(_("Undone: %s"), description));
    AfterChange(action->Contributions(), false, true);
}

void CodingQueuePage::Redo()
{
    m_item->FlushNote();
    if (!m_history.CanRedo()) {
        SetStatus(_("Nothing to redo."));
        return;
    }
    const wxString description = wxString::FromUTF8(m_history.RedoDescription());
    const CodingAction* action = nullptr;
    try {
        action = m_history.Redo(m_context.Db());
    } catch (const Error& error) {
        ShowProblem(error);
        return;
    }
    if (!action)
        return;
    ApplyEffect(m_effects[action], true);
    SetStatus(wxString::Format(_("Redone: %s"), description));
    AfterChange(action->Contributions(), false, true);
}

void CodingQueuePage::Tag(const TagSpec& spec)
{
    if (!NeedsItem(false))
        return;
    const std::string me = Me();
    for (const auto& tag : m_current->tags) {
        const bool sameSubject = spec.commitmentId.empty() ? tag.commitmentId.empty() && tag.themeId == spec.themeId
                                                           : tag.commitmentId == spec.commitmentId;
        if (sameSubject && tag.stance == spec.stance && tag.coder == me) {
            SetStatus(wxString::Format(_("Already tagged so: %s, %s."),
                                       m_tree->Describe({spec.commitmentId, spec.themeId}), StanceName(spec.stance)));
            return;
        }
    }
    ModelEffect effect;
    if (!IsBlind() && !spec.commitmentId.empty())
        effect.added.emplace_back(spec.commitmentId, ExampleText(m_current->contribution));
    Do(MakeAddTag(m_current->contribution.id, spec, m_target), effect);
}

void CodingQueuePage::ApplySuggestion(int index)
{
    if (IsBlind()) {
        SetStatus(_("No suggestions in blind double coding: find the commitment with /."));
        return;
    }
    const auto& rows = m_suggestions->Rows();
    if (index < 0 || index >= static_cast<int>(rows.size())) {
        SetStatus(rows.empty() ? _("No suggestion for this contribution: find a commitment with /.")
                               : wxString::Format(_("There is no suggestion %d."), index + 1));
        return;
    }
    Tag(TagSpec{rows[static_cast<std::size_t>(index)].commitmentId, std::string(), m_stance});
}

void CodingQueuePage::ApplyTreeChoice(bool fromFilter)
{
    const TreeChoice choice = m_tree->Highlighted();
    if (choice.IsEmpty()) {
        SetStatus(_("Highlight a commitment or a theme in the programme first: / to find one."));
        return;
    }
    Tag(TagSpec{choice.commitmentId, choice.commitmentId.empty() ? choice.themeId : std::string(), m_stance});
    if (fromFilter) {
        // Back to reading: the next key is Enter (done) or another code.
        m_tree->ClearFilter();
        m_tree->Highlight(choice.commitmentId);
        m_item->FocusText();
    }
}

void CodingQueuePage::ChooseStance(Stance stance, bool apply)
{
    m_stance = stance;
    m_stanceBar->SetStance(stance);
    if (apply && m_current && !m_tree->Highlighted().IsEmpty()) {
        ApplyTreeChoice(false);
        return;
    }
    SetStatus(IsBlind() ? wxString::Format(_("Stance: %s. / finds a commitment, Enter applies it."), StanceName(stance))
                        : wxString::Format(_("Stance: %s. 1 to 5 apply a suggestion with it."), StanceName(stance)));
}

void CodingQueuePage::RemoveTag(const std::string& tagId)
{
    if (!NeedsItem(false))
        return;
    ModelEffect effect;
    for (const auto& tag : m_current->tags)
        if (tag.id == tagId && !tag.commitmentId.empty() && !IsBlind())
            effect.removed.emplace_back(tag.commitmentId, ExampleText(m_current->contribution));
    Do(MakeRemoveTag(tagId, m_target), effect);
}

void CodingQueuePage::AddLabel()
{
    if (!NeedsItem(true))
        return;
    std::vector<std::string> attached;
    for (const auto& label : m_current->labels)
        attached.push_back(label.name);
    CodingLabelDialog dialog(this, m_reference.labels, attached);
    if (dialog.ShowModal() != wxID_OK) {
        m_item->FocusText();
        return;
    }
    const std::string name = dialog.GetLabelName();
    if (Do(MakeAddLabel(m_current->contribution.id, name)) &&
        std::find(m_reference.labels.begin(), m_reference.labels.end(), name) == m_reference.labels.end())
        m_reference.labels.push_back(name);
    m_item->FocusText();
}

void CodingQueuePage::RemoveLabel(const std::string& labelId)
{
    if (NeedsItem(true))
        Do(MakeRemoveLabel(m_current->contribution.id, labelId));
}

void CodingQueuePage::ToggleQuote()
{
    if (NeedsItem(true))
        Do(MakeSetQuote(m_current->contribution.id, !m_current->contribution.isQuote));
}

void CodingQueuePage::ToggleReview()
{
    if (!NeedsItem(true))
        return;
    const Contribution& c = m_current->contribution;
    if (c.state == ContributionState::ToReview)
        Do(MakeSetState(c.id, m_current->tags.empty() ? ContributionState::New : ContributionState::Tagged));
    else
        Do(MakeSetState(c.id, ContributionState::ToReview));
}

void CodingQueuePage::Exclude()
{
    if (!NeedsItem(true))
        return;
    const Contribution& c = m_current->contribution;
    if (c.state == ContributionState::Excluded) { // taken back into the analysis
        Do(MakeSetState(c.id, m_current->tags.empty() ? ContributionState::New : ContributionState::Tagged));
        return;
    }
    CodingExcludeDialog dialog(this, wxString::Format(_("Contribution no. %s"), FormatCount(m_current->seq)));
    if (dialog.ShowModal() == wxID_OK)
        Do(MakeSetState(c.id, ContributionState::Excluded, dialog.GetReason()));
    m_item->FocusText();
}

void CodingQueuePage::SaveNote(const std::string& contributionId, const wxString& text, const wxString& seen)
{
    if (IsBlind())
        return;
    // Someone else changed the note while the coder was writing: nobody's text is lost, both
    // are stored, theirs first, and the field shows them to be read again.
    wxString base = seen, wanted = text;
    try {
        if (const auto stored = ContributionRepository(m_context.Db()).Find(contributionId)) {
            const wxString now = wxString::FromUTF8(stored->notes);
            if (now != seen && now != text) {
                base = now;
                wanted = now + "\n\n" + text;
            }
        }
    } catch (const Error&) {
        // Saving says what went wrong.
    }
    if (!Do(MakeSetNote(contributionId, wanted.utf8_string(), base.utf8_string()), {}, true))
        return; // the field keeps the coder's text; the next pause tries again
    m_item->NoteSaved(wanted);
    if (wanted != text)
        SetStatus(_("Someone else had changed this note meanwhile: both texts are kept, theirs first. Read them "
                    "again."));
}

void CodingQueuePage::DoneAndNext()
{
    m_item->FlushNote();
    if (!NeedsItem(false))
        return;
    const Contribution& c = m_current->contribution;
    if (IsBlind()) {
        if (!m_current->done && !Do(MakeMarkDone(c.id, m_target)))
            return;
    } else if (c.state == ContributionState::New) {
        if (m_current->tags.empty()) {
            SetStatus(_("Nothing coded yet: 1–5 or / to tag, R to review, X to exclude; J moves on without marking."),
                      true);
            return;
        }
        if (!Do(MakeMarkDone(c.id, m_target)))
            return;
    }
    ++m_doneThisSession;
    UpdatePosition();
    Move(1);
}

void CodingQueuePage::BulkTag()
{
    if (IsBlind()) {
        SetStatus(_("Bulk tagging is not offered in blind double coding: each contribution is coded on its own."),
                  true);
        return;
    }
    if (m_consultationId.empty())
        return;
    m_item->FlushNote();
    const ContributionFilter filter = m_filter;
    SetStatus(_("Counting the contributions the filters select…"));
    m_jobs.Run<long long>([filter](Database& db) { return ContributionRepository(db).CountMatching(filter); },
                          [this, filter](long long count) { OpenBulkDialog(filter, count); }, "coding-bulk-count");
}

void CodingQueuePage::OpenBulkDialog(const ContributionFilter& filter, long long count)
{
    SetStatus(wxString());
    BulkTagChoices choices;
    for (const auto& theme : m_reference.themes) {
        choices.targets.push_back({std::string(), theme.id, theme.code + " " + theme.title});
        for (const auto& commitment : m_reference.commitments)
            if (commitment.themeId == theme.id)
                choices.targets.push_back({commitment.id, theme.id, commitment.ref + " " + commitment.title});
    }
    choices.labels = m_reference.labels;
    choices.count = count;
    choices.scope = m_filterSummary->GetLabel().utf8_string();
    choices.stance = m_stance;
    choices.preselectedCommitmentId = m_tree->Highlighted().commitmentId;
    BulkTagDialog dialog(this, choices);
    if (dialog.ShowModal() != wxID_OK) {
        m_item->FocusText();
        return;
    }
    const BulkTagRequest request = dialog.GetRequest();
    ModelEffect effect;
    std::unique_ptr<CodingAction> action;
    if (request.isLabel) {
        action = MakeBulkLabel(filter, request.label);
    } else {
        action = MakeBulkTag(filter, TagSpec{request.commitmentId, request.themeId, request.stance});
        effect.reload = !request.commitmentId.empty(); // thousands of examples: read the model again
    }
    {
        wxBusyCursor busy;
        SetStatus(wxString::Format(wxPLURAL("Coding %s contribution…", "Coding %s contributions…", count),
                                   FormatCount(count)));
        m_status->Update();
        Do(std::move(action), effect);
    }
    m_cache.clear();
    LoadKeys(true);
    if (request.isLabel &&
        std::find(m_reference.labels.begin(), m_reference.labels.end(), request.label) == m_reference.labels.end())
        m_reference.labels.push_back(request.label);
    m_item->FocusText();
}

void CodingQueuePage::ShowKeys()
{
    wxMessageBox(KeysHelp(), _("Coding keys"), wxOK | wxICON_INFORMATION, this);
    m_item->FocusText();
}

void CodingQueuePage::StartBlind(const CodingSample& sample, const std::string& coder)
{
    m_item->FlushNote();
    if (!m_sample)
        m_filtersShown = m_filters->IsShown();
    m_sample = sample;
    m_target = CodingTarget{sample.id, coder};
    m_bannerText->SetLabel(wxString::Format(_("Blind double coding: sample “%s”, coded as %s"),
                                            wxString::FromUTF8(sample.name), wxString::FromUTF8(coder)));
    m_banner->Show();
    if (m_rightSplit->IsSplit()) { // no suggestions: the programme takes the whole column
        m_suggestionsHeight = m_rightSplit->GetSashPosition();
        m_rightSplit->Unsplit(m_suggestionsArea);
    }
    m_filters->Hide();
    m_search->Disable();
    m_filtersButton->Disable();
    m_cache.clear();
    m_current.reset();
    m_visited.clear();
    UpdateFilterSummary();
    Layout();
    LoadKeys(false);
    SetStatus(wxString());
    if (m_onBlind)
        m_onBlind();
}

void CodingQueuePage::StopBlind()
{
    if (!m_sample)
        return;
    m_item->FlushNote();
    m_sample.reset();
    m_target = CodingTarget{};
    m_banner->Hide();
    if (!m_rightSplit->IsSplit()) {
        m_suggestionsArea->Show();
        m_rightSplit->SplitHorizontally(m_suggestionsArea, m_treeArea, m_suggestionsHeight);
    }
    m_filters->Show(m_filtersShown);
    m_search->Enable();
    m_filtersButton->Enable();
    m_cache.clear();
    m_current.reset();
    m_visited.clear();
    UpdateFilterSummary();
    Layout();
    if (!m_consultationId.empty())
        LoadKeys(false);
    SetStatus(_("Back to the queue of final tags."));
    if (m_onBlind)
        m_onBlind();
}

} // namespace concerto
