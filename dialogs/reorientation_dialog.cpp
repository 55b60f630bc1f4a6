#include "dialogs/reorientation_dialog.h"

#include "dialogs/domain_labels.h"
#include "dialogs/form_fields.h"
#include "dialogs/meeting_dialog.h"
#include "dialogs/reorientation_pickers.h"

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <set>
#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {

constexpr Decision kDecisions[] = {Decision::Proposed, Decision::Adopted, Decision::Rejected, Decision::Deferred};
// The change choice: "no change" first, then the kinds.
constexpr ChangeKind kChanges[] = {ChangeKind::Amended, ChangeKind::New, ChangeKind::Dropped};
enum { TabCommitments, TabTopics, TabEvidence };

wxString Trimmed(const wxString& text)
{
    wxString value = text;
    return value.Trim(true).Trim(false);
}

wxString MeetingText(const Meeting& meeting)
{
    wxString text = FormatDay(meeting.startsAt) + " — " + wxString::FromUTF8(meeting.title);
    // The kind helps pick the agoras and the restitution evening, unless the title says it.
    const wxString kind = MeetingKindLabel(meeting.kind);
    if (meeting.kind != MeetingKind::Ordinary && !text.Lower().Contains(kind.Lower()))
        text += " (" + kind + ")";
    return text;
}

/// One column of a link list: title, alignment and width in DIP.
struct LinkColumn {
    wxString title;
    wxListColumnFormat format;
    int width;
};

/// A report list of the links of the point, named `name` (tests find it by it), with `columns`;
/// Delete on it calls `remove`, as the Remove button under it does.
wxListCtrl* NewLinkList(wxWindow* page, const char* name, std::initializer_list<LinkColumn> columns,
                        std::function<void()> remove)
{
    auto* list = new wxListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
    list->SetName(name);
    for (const LinkColumn& column : columns)
        list->AppendColumn(column.title, column.format, page->FromDIP(column.width));
    list->Bind(wxEVT_KEY_DOWN, [remove = std::move(remove)](wxKeyEvent& event) {
        if (event.GetKeyCode() == WXK_DELETE || event.GetKeyCode() == WXK_NUMPAD_DELETE)
            remove();
        else
            event.Skip();
    });
    return list;
}

} // namespace

wxString EvidenceExcerptText(const EvidenceItem& item)
{
    wxString text = wxString::FromUTF8(item.title.empty() ? item.excerpt : item.title + " — " + item.excerpt);
    text.Replace("\n", " ");
    return item.isQuote ? _("[Quote]") + " " + text : text;
}

wxString ChangeText(const std::optional<ChangeKind>& change)
{
    return change ? ChangeName(*change) : wxString::FromUTF8("—");
}

ReorientationDialog::ReorientationDialog(wxWindow* parent, const ReorientationChoices& choices,
                                         const ReorientationDraft& draft, const std::vector<EvidenceItem>& evidence,
                                         Saver save, EvidenceSource source)
    : StandardDialog(parent,
                     draft.point.id.empty()
                         ? _("New reorientation point")
                         : wxString::Format(_("Reorientation point “%s”"), wxString::FromUTF8(draft.point.title)),
                     wxOK | wxCANCEL, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_choices(choices), m_draft(draft), m_links(draft.commitments), m_evidence(evidence), m_save(std::move(save)),
      m_source(std::move(source))
{
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    columns->Add(BuildFields(), wxSizerFlags(5).Expand());
    columns->AddSpacer(LargeGap());
    m_linksBook = new wxNotebook(this, wxID_ANY);
    m_linksBook->SetName("links");
    m_linksBook->AddPage(BuildCommitmentsPage(m_linksBook), wxString(), true);
    m_linksBook->AddPage(BuildTopicsPage(m_linksBook), wxString());
    m_linksBook->AddPage(BuildEvidencePage(m_linksBook), wxString());
    columns->Add(m_linksBook, wxSizerFlags(6).Expand());
    ContentSizer()->Add(columns, wxSizerFlags(1).Expand());

    m_problem = NewProblemLine(this);
    m_problem->SetMinSize(wxDefaultSize);
    ContentSizer()->Add(m_problem, WideFlags().Border(wxTOP, SmallGap()));

    SetAffirmativeLabel(draft.point.id.empty() ? _("Create") : _("Save"));
    FinishLayout();
    // Room for the lists at 1366×768 without covering the whole screen.
    SetSize(FromDIP(wxSize(1060, 620)));
    SetMinSize(FromDIP(wxSize(900, 520)));
    CentreOnParent();
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { Submit(); }, wxID_OK);
}

wxSizer* ReorientationDialog::BuildFields()
{
    auto* grid = new wxFlexGridSizer(2, wxSize(LargeGap(), SmallGap()));
    grid->AddGrowableCol(1, 1);
    auto add = [&](const wxString& label, wxWindow* control) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().Right().CenterVertical());
        grid->Add(control, wxSizerFlags().Expand().CenterVertical());
    };
    m_title = new wxTextCtrl(this, wxID_ANY);
    m_title->SetHint(_("e.g. A cleanliness plan for each neighbourhood"));
    add(_("Title:"), m_title);

    m_decision = new wxChoice(this, wxID_ANY);
    for (Decision decision : kDecisions)
        m_decision->Append(DecisionName(decision));
    add(_("Decision:"), m_decision);

    m_meeting = new wxChoice(this, wxID_ANY);
    m_meeting->Append(_("(not decided at a meeting)"));
    for (const auto& meeting : m_choices.meetings)
        m_meeting->Append(MeetingText(meeting));
    add(_("Decided at:"), m_meeting);

    wxArrayString owners;
    for (const auto& owner : m_choices.owners)
        owners.Add(wxString::FromUTF8(owner));
    m_owner = new wxComboBox(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, owners);
    m_owner->SetHint(_("elected official or department"));
    add(_("Owner:"), m_owner);

    m_followUp = new wxTextCtrl(this, wxID_ANY);
    m_followUp->SetHint(_("e.g. In the 2024 budget"));
    add(_("Follow-up:"), m_followUp);

    m_rationale =
        new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(360, 160)), wxTE_MULTILINE);
    // No hint: GTK shows a multi-line control's hint as grey text, and its value stayed grey.
    m_rationale->SetToolTip(_("Why: what the residents said, what the agoras concluded"));
    grid->Add(new wxStaticText(this, wxID_ANY, _("Rationale:")), wxSizerFlags().Right().Top().Border(wxTOP, 4));
    grid->Add(m_rationale, wxSizerFlags(1).Expand());
    grid->AddGrowableRow(grid->GetEffectiveRowsCount() - 1, 1);

    const std::pair<wxWindow*, const char*> names[] = {{m_title, "title"},        {m_decision, "decision"},
                                                       {m_meeting, "meeting"},    {m_owner, "owner"},
                                                       {m_followUp, "follow-up"}, {m_rationale, "rationale"}};
    for (const auto& [window, name] : names)
        window->SetName(name);
    return grid;
}

wxWindow* ReorientationDialog::BuildCommitmentsPage(wxWindow* book)
{
    auto* page = new wxPanel(book);
    auto* column = new wxBoxSizer(wxVERTICAL);
    m_commitments = NewLinkList(page, "commitments",
                                {{_("Ref."), wxLIST_FORMAT_LEFT, 90},
                                 {_("Commitment"), wxLIST_FORMAT_LEFT, 330},
                                 {_("Change"), wxLIST_FORMAT_LEFT, 110}},
                                [this] { RemoveSelectedCommitments(); });
    column->Add(m_commitments, wxSizerFlags(1).Expand().Border(wxALL, SmallGap()));

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(page, wxID_ANY, _("&Add commitments…"));
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { PickCommitments(); });
    row->Add(add, wxSizerFlags().CenterVertical());
    m_removeCommitment = new wxButton(page, wxID_ANY, _("Remo&ve"));
    m_removeCommitment->SetToolTip(_("Unlink the selected commitments from the point (Delete)"));
    m_removeCommitment->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { RemoveSelectedCommitments(); });
    row->Add(m_removeCommitment, wxSizerFlags().CenterVertical().Border(wxLEFT, SmallGap()));
    row->AddStretchSpacer();
    row->Add(new wxStaticText(page, wxID_ANY, _("Change:")), wxSizerFlags().CenterVertical());
    m_change = new wxChoice(page, wxID_ANY);
    m_change->SetName("change");
    m_change->Append(_("(no change)"));
    for (ChangeKind change : kChanges)
        m_change->Append(ChangeName(change));
    m_change->SetToolTip(_("How the point changes the selected commitments"));
    m_change->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ApplyChangeToSelection(); });
    row->Add(m_change, wxSizerFlags().CenterVertical().Border(wxLEFT, SmallGap()));
    column->Add(row, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, SmallGap()));
    page->SetSizer(column);

    m_commitments->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { UpdateLinkButtons(); });
    m_commitments->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { UpdateLinkButtons(); });
    return page;
}

wxWindow* ReorientationDialog::BuildTopicsPage(wxWindow* book)
{
    auto* page = new wxPanel(book);
    auto* column = new wxBoxSizer(wxVERTICAL);
    if (m_choices.topics.empty()) {
        auto* none = new wxStaticText(page, wxID_ANY,
                                      _("The consultation has no salient topic yet. Topics are created in the "
                                        "“Salient topics” page, from labels and commitments."));
        none->Wrap(FromDIP(480));
        column->Add(none, wxSizerFlags().Border(wxALL, LargeGap()));
    }
    m_topics = new wxCheckListBox(page, wxID_ANY);
    m_topics->SetName("topics");
    for (const auto& topic : m_choices.topics)
        m_topics->Append(wxString::FromUTF8(topic.title));
    m_topics->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent&) { UpdateTabs(); });
    column->Add(m_topics, wxSizerFlags(1).Expand().Border(wxALL, SmallGap()));
    page->SetSizer(column);
    return page;
}

wxWindow* ReorientationDialog::BuildEvidencePage(wxWindow* book)
{
    auto* page = new wxPanel(book);
    auto* column = new wxBoxSizer(wxVERTICAL);
    m_evidenceList = NewLinkList(page, "evidence",
                                 {{_("No."), wxLIST_FORMAT_RIGHT, 60},
                                  {_("Channel"), wxLIST_FORMAT_LEFT, 140},
                                  {_("Neighbourhood"), wxLIST_FORMAT_LEFT, 140},
                                  {_("Excerpt"), wxLIST_FORMAT_LEFT, 420}},
                                 [this] { RemoveSelectedEvidence(); });
    column->Add(m_evidenceList, wxSizerFlags(3).Expand().Border(wxALL, SmallGap()));
    // The list cuts the excerpt: the selected one is shown whole below it.
    m_excerpt = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(-1, 70)),
                               wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
    m_excerpt->SetName("excerpt");
    column->Add(m_excerpt, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, SmallGap()));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_addEvidence = new wxButton(page, wxID_ANY, _("Add &evidence…"));
    m_addEvidence->SetToolTip(_("Choose among the contributions behind the linked topics and commitments, or "
                                "search by words"));
    m_addEvidence->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { PickEvidence(); });
    m_addEvidence->Enable(static_cast<bool>(m_source));
    row->Add(m_addEvidence, wxSizerFlags().CenterVertical());
    m_removeEvidence = new wxButton(page, wxID_ANY, _("Remove"));
    m_removeEvidence->SetToolTip(_("Unlink the selected contributions from the point (Delete)"));
    m_removeEvidence->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { RemoveSelectedEvidence(); });
    row->Add(m_removeEvidence, wxSizerFlags().CenterVertical().Border(wxLEFT, SmallGap()));
    column->Add(row, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, SmallGap()));
    page->SetSizer(column);
    m_evidenceList->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) {
        const auto row = static_cast<std::size_t>(event.GetIndex());
        if (row < m_evidence.size()) {
            const EvidenceItem& item = m_evidence[row];
            m_excerpt->ChangeValue(
                wxString::FromUTF8(item.title.empty() ? item.excerpt : item.title + " — " + item.excerpt));
        }
        UpdateLinkButtons();
    });
    m_evidenceList->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { UpdateLinkButtons(); });
    return page;
}

const Commitment* ReorientationDialog::FindCommitment(const std::string& id) const
{
    for (const auto& commitment : m_choices.commitments)
        if (commitment.id == id)
            return &commitment;
    return nullptr;
}

std::vector<long> ReorientationDialog::SelectedRows(const wxListCtrl* list) const
{
    std::vector<long> rows;
    for (long item = list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); item >= 0;
         item = list->GetNextItem(item, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED))
        rows.push_back(item);
    return rows;
}

void ReorientationDialog::FillCommitments()
{
    m_commitments->Freeze();
    m_commitments->DeleteAllItems();
    for (std::size_t i = 0; i < m_links.size(); ++i) {
        const Commitment* commitment = FindCommitment(m_links[i].commitmentId);
        const long item = m_commitments->InsertItem(static_cast<long>(i),
                                                    commitment ? wxString::FromUTF8(commitment->ref) : wxString("?"));
        m_commitments->SetItem(item, 1, commitment ? wxString::FromUTF8(commitment->title) : wxString());
        m_commitments->SetItem(item, 2, ChangeText(m_links[i].change));
    }
    m_commitments->Thaw();
    UpdateTabs();
    UpdateLinkButtons();
}

void ReorientationDialog::FillEvidence()
{
    m_evidenceList->Freeze();
    m_evidenceList->DeleteAllItems();
    for (std::size_t i = 0; i < m_evidence.size(); ++i) {
        const EvidenceItem& line = m_evidence[i];
        const long item = m_evidenceList->InsertItem(static_cast<long>(i), wxString::Format("%lld", line.seq));
        m_evidenceList->SetItem(item, 1, wxString::FromUTF8(line.channel));
        m_evidenceList->SetItem(item, 2, wxString::FromUTF8(line.neighbourhood));
        m_evidenceList->SetItem(item, 3, EvidenceExcerptText(line));
    }
    m_evidenceList->Thaw();
    m_excerpt->Clear();
    UpdateTabs();
    UpdateLinkButtons();
}

void ReorientationDialog::UpdateTabs()
{
    int topics = 0;
    for (unsigned i = 0; i < m_topics->GetCount(); ++i)
        topics += m_topics->IsChecked(i) ? 1 : 0;
    m_linksBook->SetPageText(TabCommitments, wxString::Format(_("Commitments (%d)"), static_cast<int>(m_links.size())));
    m_linksBook->SetPageText(TabTopics, wxString::Format(_("Topics (%d)"), topics));
    m_linksBook->SetPageText(TabEvidence, wxString::Format(_("Evidence (%d)"), static_cast<int>(m_evidence.size())));
}

void ReorientationDialog::UpdateLinkButtons()
{
    const auto selected = SelectedRows(m_commitments);
    m_removeCommitment->Enable(!selected.empty());
    m_change->Enable(!selected.empty());
    if (!selected.empty()) {
        const auto& change = m_links[static_cast<std::size_t>(selected.front())].change;
        m_change->SetSelection(change
                                   ? 1 + static_cast<int>(std::find(std::begin(kChanges), std::end(kChanges), *change) -
                                                          std::begin(kChanges))
                                   : 0);
    }
    m_removeEvidence->Enable(!SelectedRows(m_evidenceList).empty());
}

void ReorientationDialog::LinkCommitment(const std::string& commitmentId, std::optional<ChangeKind> change)
{
    auto known = std::find_if(m_links.begin(), m_links.end(),
                              [&](const auto& link) { return link.commitmentId == commitmentId; });
    if (known != m_links.end())
        known->change = change;
    else
        m_links.push_back({commitmentId, change});
    FillCommitments();
}

void ReorientationDialog::AddEvidence(const std::vector<EvidenceItem>& items)
{
    for (const auto& item : items)
        if (std::none_of(m_evidence.begin(), m_evidence.end(),
                         [&](const EvidenceItem& known) { return known.contributionId == item.contributionId; }))
            m_evidence.push_back(item);
    std::stable_sort(m_evidence.begin(), m_evidence.end(),
                     [](const EvidenceItem& a, const EvidenceItem& b) { return a.seq < b.seq; });
    FillEvidence();
}

void ReorientationDialog::PickCommitments()
{
    std::set<std::string> linked;
    for (const auto& link : m_links)
        linked.insert(link.commitmentId);
    CommitmentPickerDialog picker(this, m_choices.themes, m_choices.commitments, linked);
    if (picker.ShowModal() != wxID_OK)
        return;
    // A point usually amends what it links; the change is corrected line by line.
    for (const auto& id : picker.Chosen())
        m_links.push_back({id, ChangeKind::Amended});
    FillCommitments();
    m_commitments->SetFocus();
}

void ReorientationDialog::PickEvidence()
{
    if (!m_source)
        return;
    EvidenceQuery query;
    for (const auto& link : m_links)
        query.commitmentIds.push_back(link.commitmentId);
    for (unsigned i = 0; i < m_topics->GetCount(); ++i)
        if (m_topics->IsChecked(i))
            query.topicIds.push_back(m_choices.topics[i].id);
    std::set<std::string> linked;
    for (const auto& item : m_evidence)
        linked.insert(item.contributionId);
    EvidencePickerDialog picker(this, m_source, query, linked);
    if (picker.ShowModal() == wxID_OK)
        AddEvidence(picker.Chosen());
    m_evidenceList->SetFocus();
}

void ReorientationDialog::RemoveSelectedCommitments()
{
    const auto rows = SelectedRows(m_commitments);
    for (auto row = rows.rbegin(); row != rows.rend(); ++row)
        m_links.erase(m_links.begin() + *row);
    FillCommitments();
}

void ReorientationDialog::RemoveSelectedEvidence()
{
    const auto rows = SelectedRows(m_evidenceList);
    for (auto row = rows.rbegin(); row != rows.rend(); ++row)
        m_evidence.erase(m_evidence.begin() + *row);
    FillEvidence();
}

void ReorientationDialog::ApplyChangeToSelection()
{
    const int choice = m_change->GetSelection();
    const std::optional<ChangeKind> change =
        choice > 0 ? std::optional<ChangeKind>(kChanges[choice - 1]) : std::nullopt;
    for (long row : SelectedRows(m_commitments)) {
        m_links[static_cast<std::size_t>(row)].change = change;
        m_commitments->SetItem(row, 2, ChangeText(change));
    }
}

wxWindow* ReorientationDialog::FieldWindow(Field field) const
{
    switch (field) {
    case Field::Title:
        return m_title;
    case Field::Rationale:
        return m_rationale;
    case Field::Decision:
        return m_decision;
    case Field::Meeting:
        return m_meeting;
    case Field::Owner:
        return m_owner;
    case Field::FollowUp:
        return m_followUp;
    case Field::Commitments:
        return m_commitments;
    case Field::Topics:
        return m_topics;
    case Field::Evidence:
        return m_evidenceList;
    }
    return nullptr;
}

void ReorientationDialog::ShowProblem(Field field, const wxString& message)
{
    m_problemText = message;
    m_problem->SetLabel(message);
    m_problem->Wrap(GetClientSize().GetWidth() - 2 * LargeGap());
    Layout();
    if (message.empty())
        return;
    const int tab = field == Field::Commitments ? TabCommitments
                    : field == Field::Topics    ? TabTopics
                    : field == Field::Evidence  ? TabEvidence
                                                : -1;
    if (tab >= 0)
        m_linksBook->SetSelection(static_cast<std::size_t>(tab));
    if (wxWindow* window = FieldWindow(field))
        window->SetFocus();
}

void ReorientationDialog::SetDraft(const ReorientationDraft& draft, const std::vector<EvidenceItem>& evidence)
{
    m_draft = draft;
    m_links = draft.commitments;
    m_evidence = evidence;
    TransferDataToWindow();
}

bool ReorientationDialog::TransferDataToWindow()
{
    const Reorientation& point = m_draft.point;
    m_title->ChangeValue(wxString::FromUTF8(point.title));
    m_rationale->ChangeValue(wxString::FromUTF8(point.rationale));
    for (std::size_t i = 0; i < std::size(kDecisions); ++i)
        if (kDecisions[i] == point.decision)
            m_decision->SetSelection(static_cast<int>(i));
    m_meeting->SetSelection(0);
    for (std::size_t i = 0; i < m_choices.meetings.size(); ++i)
        if (m_choices.meetings[i].id == point.meetingId)
            m_meeting->SetSelection(static_cast<int>(i + 1));
    m_owner->ChangeValue(wxString::FromUTF8(point.owner));
    m_followUp->ChangeValue(wxString::FromUTF8(point.followUp));
    const std::set<std::string> topics(m_draft.topicIds.begin(), m_draft.topicIds.end());
    for (std::size_t i = 0; i < m_choices.topics.size(); ++i)
        m_topics->Check(static_cast<unsigned>(i), topics.count(m_choices.topics[i].id) > 0);
    FillCommitments();
    FillEvidence();
    ShowProblem(Field::Title, wxString());
    m_title->SetFocus();
    return true;
}

bool ReorientationDialog::TransferDataFromWindow()
{
    ReorientationDraft typed = m_draft;
    typed.point.title = Trimmed(m_title->GetValue()).utf8_string();
    if (typed.point.title.empty()) {
        ShowProblem(Field::Title, _("Title: say in a few words what the point changes."));
        return false;
    }
    typed.point.rationale = wxString(m_rationale->GetValue()).Trim(true).utf8_string();
    typed.point.decision = kDecisions[std::max(0, m_decision->GetSelection())];
    const int meeting = m_meeting->GetSelection();
    typed.point.meetingId = meeting > 0 ? m_choices.meetings[static_cast<std::size_t>(meeting - 1)].id : std::string();
    typed.point.owner = Trimmed(m_owner->GetValue()).utf8_string();
    typed.point.followUp = Trimmed(m_followUp->GetValue()).utf8_string();
    typed.commitments = m_links;
    typed.topicIds.clear();
    for (unsigned i = 0; i < m_topics->GetCount(); ++i)
        if (m_topics->IsChecked(i))
            typed.topicIds.push_back(m_choices.topics[i].id);
    typed.contributionIds.clear();
    for (const auto& item : m_evidence)
        typed.contributionIds.push_back(item.contributionId);
    m_draft = typed;
    ShowProblem(Field::Title, wxString());
    return true;
}

bool ReorientationDialog::Submit()
{
    return SubmitForm(*this, [this] { return !m_save || m_save(*this, m_draft); });
}

} // namespace concerto
