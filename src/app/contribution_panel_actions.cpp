// What the contributions area does to contributions: add, edit (with the conflict choice when
// someone saved meanwhile), delete, bulk changes of a selection, and the export to Excel.

#include "app/access_ui.h"
#include "app/contact_saving.h"
#include "app/contribution_detail_pane.h"
#include "app/contribution_list_ctrl.h"
#include "app/contribution_panel.h"
#include "app/contribution_text.h"
#include "app/localization.h"
#include "app/main_frame.h"
#include "db/connection_profile.h"
#include "reports/xlsx_table.h"

#include <atomic>
#include <wx/choicdlg.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>

namespace concerto {

/// Shared by the UI and the export job: how far it got, and whether the user cancelled.
struct ContributionPanel::ExportState {
    std::atomic<long long> written{0};
    std::atomic<bool> cancel{false};
    long long total = 0;
};

namespace {

wxString LabelOf(const std::vector<ContributionChoice>& items, const std::string& id, const wxString& none)
{
    for (const auto& item : items)
        if (item.id == id)
            return wxString::FromUTF8(item.label);
    return none;
}

} // namespace

ContributionChoices ContributionPanel::EditorChoices() const
{
    return m_reference.choices;
}

wxString ContributionPanel::Describe(const Contribution& contribution) const
{
    const long long seq = contribution.id.empty() ? 0 : ContributionList(m_context.Db()).SeqOf(contribution.id);
    return seq ? wxString::Format(_("contribution no. %s"), FormatCount(seq)) : _("this contribution");
}

void ContributionPanel::NewContribution()
{
    if (!CheckAllowed(m_context))
        return;
    if (m_consultationId.empty())
        return;
    if (m_reference.choices.channels.empty()) {
        wxMessageBox(_("Add at least one channel in the reference data first: every contribution comes through a "
                       "channel."),
                     _("No channel"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    Contribution contribution;
    contribution.consultationId = m_consultationId;
    // The filters say what the user is looking at: a new contribution most likely belongs there.
    const ContributionFilter filter = m_filters->Filter();
    contribution.channelId = filter.channelId.empty() ? m_reference.choices.channels.front().id : filter.channelId;
    contribution.meetingId = filter.meetingId;
    contribution.neighbourhoodId = filter.neighbourhoodId;
    contribution.receivedAt = Timestamp::Now();
    EditLoop(contribution, true);
}

void ContributionPanel::EditContribution(long index)
{
    const long long key = m_list->KeyAt(index);
    if (!key || !CheckAllowed(m_context)) // a reader reads it in the detail pane
        return;
    try {
        // One row on the UI thread, so that the editor opens at once.
        const auto detail = ContributionList(m_context.Db()).Detail(key);
        if (!detail) {
            SetStatus(_("This contribution was deleted by someone else meanwhile."));
            RefreshData(false);
            return;
        }
        EditLoop(detail->contribution, false);
    } catch (const Error& error) {
        ShowProblem(error);
    }
}

void ContributionPanel::EditLoop(Contribution contribution, bool isNew)
{
    const long long seq = isNew ? 0 : ContributionList(m_context.Db()).SeqOf(contribution.id);
    ContributionDialog dialog(this, EditorChoices(),
                              isNew ? _("New contribution")
                                    : wxString::Format(_("Contribution no. %s"), FormatCount(seq)));
    dialog.SetContribution(contribution);
    try {
        OfferContactSection(dialog, m_context, contribution);
    } catch (const Error& error) {
        ShowProblem(error); // the contribution can still be edited
    }
    while (dialog.ShowModal() == wxID_OK) {
        const SaveResult result = SaveEdited(dialog, dialog.GetContribution(), isNew);
        if (result != SaveResult::KeepEditing)
            return;
    }
}

ContributionPanel::SaveResult ContributionPanel::SaveEdited(ContributionDialog& dialog, Contribution edited, bool isNew)
{
    ContributionRepository repository(m_context.Db());
    try {
        Contribution saved;
        // One transaction: the contact details are never saved without their contribution.
        m_context.Db().InTransaction([&] {
            saved = isNew ? repository.Create(edited) : repository.Update(edited);
            SaveContactSection(dialog, m_context.Db(), saved.id);
        });
        const long long seq = ContributionList(m_context.Db()).SeqOf(saved.id);
        m_list->SelectKey(seq);
        m_context.NotifyChanged("contribution");
        SetStatus(wxString::Format(isNew ? _("Contribution no. %s added.") : _("Contribution no. %s saved."),
                                   FormatCount(seq)));
        return SaveResult::Saved;
    } catch (const ConflictError&) {
        const auto stored = repository.Find(edited.id);
        const ConflictChoice choice = AskConflict(
            this, Describe(edited), stored ? Differences(edited, *stored) : Differences(edited, {}), !stored);
        if (choice == ConflictChoice::KeepMine) {
            // Knowingly over the newer version; a deleted row is created again with the same id.
            edited.version = stored ? stored->version : 0;
            return SaveEdited(dialog, edited, !stored);
        }
        if (choice == ConflictChoice::TakeTheirs) {
            if (!stored) {
                RefreshData(false);
                return SaveResult::Closed;
            }
            dialog.SetContribution(*stored);
            RefreshData(false);
        } else {
            dialog.SetContribution(edited);
        }
        return SaveResult::KeepEditing;
    } catch (const Error& error) {
        dialog.SetContribution(edited);
        // A lost connection: the frame's banner reconnects; the editor keeps what was typed and
        // says what became of this save, so that the user saves again once reconnected.
        if (ReportConnectionTrouble(this, error)) {
            dialog.ShowProblem(ContributionDialog::Field::Text,
                               IsSaveOutcomeUnknown(error)
                                   ? _("The connection to the server was lost while saving: the save may not have "
                                       "gone through. Once reconnected, check this contribution in the list before "
                                       "saving again.")
                                   : _("The connection to the server was lost: this contribution was NOT saved. "
                                       "Your text is kept: save again once reconnected."));
            return SaveResult::KeepEditing;
        }
        // A refusal of the database (a slip number already used on this channel…): keep editing.
        dialog.ShowProblem(ContributionDialog::Field::SourceRef, wxString::FromUTF8(error.what()));
        return SaveResult::KeepEditing;
    }
}

std::vector<FieldVersions> ContributionPanel::Differences(const Contribution& mine, const Contribution& theirs) const
{
    const auto& choices = m_reference.choices;
    const wxString none = wxString::FromUTF8("—");
    auto text = [](const std::string& value) { return wxString::FromUTF8(value); };
    std::vector<FieldVersions> fields = {
        {_("Channel"), LabelOf(choices.channels, mine.channelId, none),
         LabelOf(choices.channels, theirs.channelId, none)},
        {_("Meeting"), LabelOf(choices.meetings, mine.meetingId, none),
         LabelOf(choices.meetings, theirs.meetingId, none)},
        {_("Neighbourhood"), LabelOf(choices.neighbourhoods, mine.neighbourhoodId, none),
         LabelOf(choices.neighbourhoods, theirs.neighbourhoodId, none)},
        {_("Thematic card"), LabelOf(choices.cards, mine.cardId, none), LabelOf(choices.cards, theirs.cardId, none)},
        {_("Received"), FormatReceivedAt(mine.receivedAt), FormatReceivedAt(theirs.receivedAt)},
        {_("Profile"), text(mine.profile), text(theirs.profile)},
        {_("Age bracket"), text(mine.ageBracket), text(theirs.ageBracket)},
        {_("Title"), text(mine.title), text(theirs.title)},
        {_("Text"), text(mine.body), text(theirs.body)},
        {_("Source reference"), text(mine.sourceRef), text(theirs.sourceRef)},
        {_("State"), StateName(mine.state), StateName(theirs.state)},
        {_("Quote"), mine.isQuote ? _("Yes") : _("No"), theirs.isQuote ? _("Yes") : _("No")},
        {_("Notes"), text(mine.notes), text(theirs.notes)},
    };
    return fields;
}

void ContributionPanel::DeleteSelection()
{
    const std::vector<long long> keys = m_list->SelectedKeys();
    if (keys.empty() || !CheckAllowed(m_context))
        return;
    const long long count = static_cast<long long>(keys.size());
    wxMessageDialog ask(
        this,
        wxString::Format(wxPLURAL("Delete %s contribution?", "Delete %s contributions?", count), FormatCount(count)),
        _("Delete"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    ask.SetExtendedMessage(wxPLURAL("Its codings and contact details are deleted with it. This cannot be undone.",
                                    "Their codings and contact details are deleted with them. This cannot be undone.",
                                    count));
    ask.SetYesNoLabels(_("Delete"), _("Cancel"));
    if (ask.ShowModal() == wxID_YES)
        DeleteKeys(keys);
}

void ContributionPanel::DeleteKeys(const std::vector<long long>& keys)
{
    if (keys.empty())
        return;
    const ContributionRow* row = keys.size() == 1 ? m_list->RowOf(keys.front()) : nullptr;
    if (!row) {
        RunBulk(
            keys, [keys](ContributionList& list) { return list.Remove(keys); },
            [](long long done) {
                return wxString::Format(wxPLURAL("%s contribution deleted.", "%s contributions deleted.", done),
                                        FormatCount(done));
            });
        return;
    }
    try {
        // One row whose version is known: never delete what someone has just changed.
        ContributionRepository(m_context.Db()).Remove(row->id, row->version);
        SetStatus(wxString::Format(_("Contribution no. %s deleted."), FormatCount(keys.front())));
        m_context.NotifyChanged("contribution");
    } catch (const Error& error) {
        ShowProblem(error);
        RefreshData(false);
    }
}

std::vector<long long> ContributionPanel::SelectionOrWarn()
{
    auto keys = m_list->SelectedKeys();
    if (keys.empty())
        SetStatus(_("Select one or more contributions first (Shift or Ctrl with a click, Ctrl+A for all)."));
    return keys;
}

void ContributionPanel::ChooseMeetingForSelection()
{
    const auto keys = SelectionOrWarn();
    if (keys.empty())
        return;
    wxArrayString labels;
    labels.Add(_("(no meeting)"));
    for (const auto& meeting : m_reference.choices.meetings)
        labels.Add(wxString::FromUTF8(meeting.label));
    wxSingleChoiceDialog dialog(this, _("Meeting of the selected contributions (their channel follows the meeting):"),
                                _("Set the meeting"), labels);
    if (dialog.ShowModal() != wxID_OK)
        return;
    const int index = dialog.GetSelection() - 1;
    SetMeetingOf(keys, index >= 0 ? m_reference.choices.meetings[static_cast<std::size_t>(index)].id : std::string());
}

void ContributionPanel::ChooseNeighbourhoodForSelection()
{
    const auto keys = SelectionOrWarn();
    if (keys.empty())
        return;
    wxArrayString labels;
    labels.Add(_("(not known)"));
    for (const auto& place : m_reference.choices.neighbourhoods)
        labels.Add(wxString::FromUTF8(place.label));
    wxSingleChoiceDialog dialog(this, _("Neighbourhood of the selected contributions:"), _("Set the neighbourhood"),
                                labels);
    if (dialog.ShowModal() != wxID_OK)
        return;
    const int index = dialog.GetSelection() - 1;
    SetNeighbourhoodOf(keys, index >= 0 ? m_reference.choices.neighbourhoods[static_cast<std::size_t>(index)].id
                                        : std::string());
}

void ContributionPanel::ChooseStateForSelection()
{
    const auto keys = SelectionOrWarn();
    if (keys.empty())
        return;
    wxArrayString labels;
    for (const auto state : StatesInOrder())
        labels.Add(StateName(state));
    wxSingleChoiceDialog dialog(this, _("State of the selected contributions:"), _("Set the state"), labels);
    if (dialog.ShowModal() == wxID_OK)
        SetStateOf(keys, StatesInOrder()[static_cast<std::size_t>(dialog.GetSelection())]);
}

void ContributionPanel::SetMeetingOf(const std::vector<long long>& keys, const std::string& meetingId)
{
    RunBulk(
        keys, [keys, meetingId](ContributionList& list) { return list.SetMeeting(keys, meetingId); },
        [](long long done) {
            return wxString::Format(
                wxPLURAL("Meeting set on %s contribution.", "Meeting set on %s contributions.", done),
                FormatCount(done));
        });
}

void ContributionPanel::SetNeighbourhoodOf(const std::vector<long long>& keys, const std::string& neighbourhoodId)
{
    RunBulk(
        keys, [keys, neighbourhoodId](ContributionList& list) { return list.SetNeighbourhood(keys, neighbourhoodId); },
        [](long long done) {
            return wxString::Format(
                wxPLURAL("Neighbourhood set on %s contribution.", "Neighbourhood set on %s contributions.", done),
                FormatCount(done));
        });
}

void ContributionPanel::SetStateOf(const std::vector<long long>& keys, ContributionState state)
{
    RunBulk(
        keys, [keys, state](ContributionList& list) { return list.SetState(keys, state); },
        [state](long long done) {
            return wxString::Format(wxPLURAL("%s contribution set to “%s”.", "%s contributions set to “%s”.", done),
                                    FormatCount(done), StateName(state));
        });
}

void ContributionPanel::RunBulk(const std::vector<long long>& keys, std::function<long long(ContributionList&)> change,
                                std::function<wxString(long long)> message)
{
    if (keys.empty())
        return;
    SetStatus(wxString::FromUTF8("…"));
    m_jobs.Run<long long>(
        [change](Database& db) {
            ContributionList list(db);
            return change(list);
        },
        [this, message](long long done) {
            SetStatus(message(done));
            m_context.NotifyChanged("contribution");
        },
        {},
        [this](const Error& error) {
            ShowProblem(error);
            wxMessageBox(wxString::FromUTF8(error.what()) + "\n\n" + _("Nothing was changed."),
                         _("The change was not made"), wxOK | wxICON_ERROR, this);
        });
}

void ContributionPanel::ExportToExcel()
{
    std::vector<long long> keys = m_list->SelectedKeys();
    if (keys.empty()) {
        if (!m_list->KeysLoaded()) {
            SetStatus(_("The list is still loading: export again in a moment."));
            return;
        }
        keys = m_list->AllKeys();
    }
    if (keys.empty())
        return;
    wxFileDialog dialog(this, _("Export to Excel"), wxStandardPaths::Get().GetDocumentsDir(), "contributions.xlsx",
                        _("Excel workbooks (*.xlsx)|*.xlsx"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK)
        return;
    wxFileName file(dialog.GetPath());
    if (file.GetExt().Lower() != "xlsx")
        file.SetFullName(file.GetFullName() + ".xlsx");
    ExportTo(file.GetFullPath(), keys);
}

void ContributionPanel::ExportTo(const wxString& path, const std::vector<long long>& keys)
{
    if (m_exporting) {
        SetStatus(_("An export is already running."));
        return;
    }
    auto state = std::make_shared<ExportState>();
    state->total = static_cast<long long>(keys.size());
    m_exporting = state;
    // Texts are translated here, on the UI thread; the job only copies them.
    const std::vector<XlsxColumn> columns = {
        {_("No.").utf8_string(), XlsxKind::Number, 9},          {_("Received").utf8_string(), XlsxKind::DateTime, 17},
        {_("Channel").utf8_string(), XlsxKind::Text, 22},       {_("Meeting").utf8_string(), XlsxKind::Text, 30},
        {_("Neighbourhood").utf8_string(), XlsxKind::Text, 22}, {_("Thematic card").utf8_string(), XlsxKind::Text, 20},
        {_("Profile").utf8_string(), XlsxKind::Text, 14},       {_("Title").utf8_string(), XlsxKind::Text, 24},
        {_("Text").utf8_string(), XlsxKind::Text, 80},          {_("State").utf8_string(), XlsxKind::Text, 11},
        {_("Codings").utf8_string(), XlsxKind::Number, 9},      {_("Quote").utf8_string(), XlsxKind::Text, 9}};
    std::vector<std::string> states;
    for (const auto s :
         {ContributionState::New, ContributionState::Tagged, ContributionState::ToReview, ContributionState::Excluded})
        states.push_back(StateName(s).utf8_string());
    const std::string yes = _("Yes").utf8_string(), sheet = _("Contributions").utf8_string();
    const std::string target = path.utf8_string();

    if (keys.size() > 20000) { // long enough to deserve a progress bar and a way out
        m_exportProgress = std::make_unique<wxProgressDialog>(
            _("Export to Excel"), wxString::Format(_("Exporting %s contributions…"), FormatCount(state->total)), 1000,
            this, wxPD_CAN_ABORT | wxPD_SMOOTH);
        m_exportTimer.Start(200);
    }
    SetStatus(_("Exporting…"));
    m_jobs.Run<long long>(
        [keys, columns, states, yes, sheet, target, state](Database& db) {
            ContributionList list(db);
            std::vector<ContributionRow> rows;
            std::size_t next = 0, at = 0;
            WriteTable(target, sheet, columns, [&](XlsxRow& out) {
                while (at == rows.size()) {
                    if (state->cancel)
                        throw CancelledError();
                    if (next >= keys.size())
                        return false;
                    const std::size_t count = std::min(ContributionList::kKeysPerStatement, keys.size() - next);
                    rows = list.Rows(std::vector<long long>(keys.begin() + static_cast<long>(next),
                                                            keys.begin() + static_cast<long>(next + count)));
                    next += count;
                    at = 0;
                }
                const ContributionRow& r = rows[at++];
                out = {std::to_string(r.seq),
                       LocalIso(r.receivedAt),
                       r.channel,
                       r.meeting,
                       r.neighbourhood,
                       r.card,
                       r.profile,
                       r.title,
                       r.body,
                       states[static_cast<std::size_t>(r.state)],
                       std::to_string(r.tagCount),
                       r.isQuote ? yes : std::string()};
                ++state->written;
                return true;
            });
            return state->written.load();
        },
        [this, path](long long written) {
            EndExport();
            SetStatus(wxString::Format(
                wxPLURAL("%s contribution exported to %s.", "%s contributions exported to %s.", written),
                FormatCount(written), wxFileName(path).GetFullName()));
        },
        {},
        [this, state](const Error& error) {
            EndExport();
            if (state->cancel) {
                SetStatus(_("Export cancelled: no file was written."));
                return;
            }
            ShowProblem(error);
            wxMessageBox(wxString::FromUTF8(error.what()), _("The export failed"), wxOK | wxICON_ERROR, this);
        });
}

void ContributionPanel::OnExportTimer()
{
    // The job only counts; the dialog is updated here, on the UI thread.
    if (!m_exporting || !m_exportProgress)
        return;
    const int permille = static_cast<int>(1000 * m_exporting->written / std::max(1LL, m_exporting->total));
    if (!m_exportProgress->Update(std::min(permille, 999)))
        m_exporting->cancel = true;
}

void ContributionPanel::EndExport()
{
    m_exportTimer.Stop();
    m_exportProgress.reset();
    m_exporting.reset();
}

} // namespace concerto
