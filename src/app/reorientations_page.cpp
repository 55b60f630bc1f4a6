#include "app/reorientations_page.h"

#include "app/localization.h"
#include "app/access_ui.h"
#include "app/main_frame.h"
#include "app/page_widgets.h"
#include "app/placeholder_panel.h"
#include "app/reorientation_detail.h"
#include "app/reorientation_editing.h"
#include "app/synthesis_pages.h"
#include "db/repositories.h"
#include "dialogs/domain_labels.h"
#include "dialogs/reorientation_note_dialog.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

namespace concerto {

namespace {

enum Page { NoConsultationPage, NoPointPage, ContentPage };

// Widths of the fixed columns in DIPs; the title column takes what is left.
constexpr int kColumnWidths[ReorientationsPage::ColumnCount] = {0, 100, 210, 210, 110, 110};
constexpr Decision kDecisionOrder[] = {Decision::Adopted, Decision::Proposed, Decision::Deferred, Decision::Rejected};

int DecisionRank(Decision decision)
{
    return static_cast<int>(std::find(std::begin(kDecisionOrder), std::end(kDecisionOrder), decision) -
                            std::begin(kDecisionOrder));
}

wxString Text(const std::string& value)
{
    return wxString::FromUTF8(value);
}

wxString CommitmentsCell(const ReorientationDetail& point)
{
    wxString text;
    for (const auto& change : point.commitments)
        text += (text.empty() ? "" : ", ") + Text(change.ref) +
                (change.change ? " (" + ChangeName(*change.change).Lower() + ")" : wxString());
    return text.empty() ? wxString::FromUTF8("—") : text;
}

wxString LatestNoteCell(const ReorientationDetail& point)
{
    if (point.notes.empty())
        return wxString::FromUTF8("—");
    Date latest = point.notes.front().notedOn;
    for (const auto& note : point.notes)
        if (latest < note.notedOn)
            latest = note.notedOn;
    return FormatFrenchDay(latest);
}

} // namespace

ReorientationsPage::ReorientationsPage(wxWindow* parent, AppContext& context) : wxPanel(parent), m_context(context)
{
    SetName("reorientations-page");
    m_pages = new wxSimplebook(this);
    m_pages->AddPage(NewNoConsultationPanel(m_pages, context,
                                            _("Reorientation points belong to a consultation: they are decided at "
                                              "its restitution evening.")),
                     wxString());
    m_pages->AddPage(new PlaceholderPanel(m_pages, _("No reorientation point yet"),
                                          _("No reorientation point yet. Create one (Ctrl+N) or start from a topic "
                                            "or a flag of the insights."),
                                          wxString(), _("New point…"), [this] { NewPoint(); }),
                     wxString());

    auto* content = new wxPanel(m_pages);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(BuildToolbar(content), wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    m_splitter =
        new wxSplitterWindow(content, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    m_splitter->SetMinimumPaneSize(FromDIP(120));
    m_splitter->SetSashGravity(0.4);
    m_detail = new ReorientationDetailPane(m_splitter, context);
    m_splitter->SplitHorizontally(BuildList(m_splitter), m_detail, FromDIP(220));
    m_splitter->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter(&ReorientationsPage::PlaceSash);
    });
    column->Add(m_splitter, wxSizerFlags(1).Expand());
    content->SetSizer(column);
    m_pages->AddPage(content, wxString());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_pages, wxSizerFlags(1).Expand());
    SetSizer(sizer);

    Bind(wxEVT_CHAR_HOOK, &ReorientationsPage::OnCharHook, this);
    std::weak_ptr<int> alive = m_lifetime;
    m_subscription = m_context.Subscribe([this, alive](const std::string& table) {
        static const char* const kTables[] = {
            "reorientation", "reorientation_link", "reorientation_note", "commitment", "topic", "meeting"};
        if (alive.lock() && std::find(std::begin(kTables), std::end(kTables), table) != std::end(kTables))
            Reload();
    });
    UpdateButtons();
}

ReorientationsPage::~ReorientationsPage()
{
    // The context outlives the pages: stop its calls into this one.
    m_context.Unsubscribe(m_subscription);
}

wxWindow* ReorientationsPage::BuildToolbar(wxWindow* parent)
{
    auto* bar = new wxPanel(parent);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    // The notebook's tab names the page, and the filter's items carry their counts: no heading
    // and no label, so that the commands fit a 1366-pixel screen.
    m_decision = new wxChoice(bar, wxID_ANY);
    m_decision->SetName("decision-filter");
    m_decision->SetToolTip(_("Show the points of one decision only"));
    m_decision->SetMinSize(FromDIP(wxSize(200, -1)));
    m_decision->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int selection = m_decision->GetSelection();
        m_filter = selection > 0 ? std::optional<Decision>(kDecisionOrder[selection - 1]) : std::nullopt;
        Refill();
    });
    row->Add(m_decision, wxSizerFlags().CenterVertical());
    m_status = new wxStaticText(bar, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    m_status->SetName("status");
    m_status->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    row->Add(m_status, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(8)));

    auto button = [&](const wxString& label, const wxString& tip, void (ReorientationsPage::*command)()) {
        return AddBarButton(bar, row, label, tip, this, command);
    };
    row->AddSpacer(FromDIP(6));
    m_new = button(_("&New point…"), _("Create a reorientation point (Ctrl+N)"), &ReorientationsPage::NewPoint);
    m_edit = button(_("Ed&it…"), _("Edit the selected point and its links (Enter)"), &ReorientationsPage::EditSelected);
    m_delete = button(_("&Delete"), _("Delete the selected point (Delete)"), &ReorientationsPage::DeleteSelected);
    m_note = button(_("Add a n&ote…"), _("Add a dated follow-up note to the selected point (Ctrl+Shift+N)"),
                    &ReorientationsPage::AddNote);
    m_commitment =
        button(_("New co&mmitment…"), _("Create the new commitment born from the selected point at the restitution"),
               &ReorientationsPage::CreateCommitment);
    for (wxWindow* editing : {m_new, m_edit, m_delete, m_note})
        ShowWhenAllowed(m_context, editing);
    ShowWhenAllowed(m_context, m_commitment, AccessNeed::Administer); // commitments are the administrators'
    bar->SetSizer(row);
    return bar;
}

wxWindow* ReorientationsPage::BuildList(wxWindow* parent)
{
    m_list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->SetName("reorientations");
    const wxString headers[ColumnCount] = {_("Point"),       _("Decision"), _("Owner"),
                                           _("Commitments"), _("Evidence"), _("Latest note")};
    for (int column = 0; column < ColumnCount; ++column)
        m_list->AppendColumn(headers[column], column == EvidenceColumn ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT,
                             FromDIP(kColumnWidths[column] ? kColumnWidths[column] : 360));
    auto selectionChanged = [this](wxListEvent&) {
        m_detail->ShowPoint(Selected());
        UpdateButtons();
    };
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, selectionChanged);
    m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, selectionChanged);
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { EditSelected(); });
    m_list->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter(&ReorientationsPage::FitTitleColumn);
    });
    return m_list;
}

void ReorientationsPage::FitTitleColumn()
{
    int fixed = 0;
    for (int column = 0; column < ColumnCount; ++column)
        if (column != TitleColumn)
            fixed += m_list->GetColumnWidth(column);
    const int free = m_list->GetClientSize().GetWidth() - fixed - FromDIP(4);
    m_list->SetColumnWidth(TitleColumn, std::max(FromDIP(240), free));
}

void ReorientationsPage::OnShown()
{
    if (!m_loadedOnce && !m_loading)
        Reload();
    if (m_pages->GetSelection() == ContentPage)
        m_list->SetFocus();
}

void ReorientationsPage::PlaceSash()
{
    // Once the page has its real size: the list of a few dozen points takes a third, the
    // detail (links, notes, evidence and its text) the rest.
    const int height = m_splitter->GetSize().GetHeight();
    if (m_sashPlaced || height < FromDIP(300))
        return;
    m_sashPlaced = true;
    m_splitter->SetSashPosition(std::max(FromDIP(150), height / 3));
}

void ReorientationsPage::Reload()
{
    const std::string consultationId = m_context.ConsultationId();
    if (consultationId.empty()) {
        m_listed.clear(); // it points into m_data
        m_data = Data{};
        m_pages->ChangeSelection(NoConsultationPage);
        Refill();
        return;
    }
    if (const ReorientationDetail* point = Selected(); point && m_wantedSelection.empty())
        m_wantedSelection = point->point.id;
    m_loading = true;
    m_error.clear();
    UpdateStatus();
    m_context.Worker().Run<Data>(
        m_lifetime,
        [consultationId](Database& db) {
            Data data;
            data.points = ListReorientations(db, consultationId);
            data.choices = LoadReorientationChoices(db, consultationId);
            return data;
        },
        [this, consultationId](Data data) {
            if (consultationId != m_context.ConsultationId())
                return; // a newer load for the new consultation follows
            Loaded(std::move(data));
        },
        [this](const Error& e) {
            m_loading = false;
            if (!ReportConnectionTrouble(this, e))
                m_error = wxString::Format(_("The points could not be read: %s"), Text(e.what()));
            m_pages->ChangeSelection(ContentPage);
            UpdateStatus();
            UpdateButtons();
        },
        "reorientations-list");
}

void ReorientationsPage::Loaded(Data data)
{
    m_loading = false;
    m_loadedOnce = true;
    if (const ReorientationDetail* point = Selected(); point && m_wantedSelection.empty())
        m_wantedSelection = point->point.id;
    m_listed.clear(); // it points into m_data
    m_data = std::move(data);
    // Adopted first, then proposed, deferred, rejected (whatever order the query gave).
    std::stable_sort(m_data.points.begin(), m_data.points.end(),
                     [](const ReorientationDetail& a, const ReorientationDetail& b) {
                         return DecisionRank(a.point.decision) < DecisionRank(b.point.decision);
                     });

    int counts[std::size(kDecisionOrder)] = {};
    for (const auto& point : m_data.points)
        ++counts[DecisionRank(point.point.decision)];
    m_decision->Clear();
    m_decision->Append(
        wxString::Format(_("All decisions (%s)"), FormatCount(static_cast<long long>(m_data.points.size()))));
    m_decision->SetSelection(0);
    for (std::size_t i = 0; i < std::size(kDecisionOrder); ++i) {
        m_decision->Append(wxString::Format("%s (%s)", DecisionName(kDecisionOrder[i]), FormatCount(counts[i])));
        if (m_filter == kDecisionOrder[i])
            m_decision->SetSelection(static_cast<int>(i + 1));
    }
    m_pages->ChangeSelection(m_data.points.empty() ? NoPointPage : ContentPage);
    Refill();
}

void ReorientationsPage::Refill()
{
    std::string keep = m_wantedSelection;
    m_wantedSelection.clear();
    if (keep.empty())
        if (const ReorientationDetail* point = Selected())
            keep = point->point.id;
    m_listed.clear();
    for (const auto& point : m_data.points)
        if (!m_filter || point.point.decision == *m_filter)
            m_listed.push_back(&point);

    m_list->Freeze();
    m_list->DeleteAllItems();
    for (std::size_t i = 0; i < m_listed.size(); ++i) {
        const ReorientationDetail& point = *m_listed[i];
        const long item = m_list->InsertItem(static_cast<long>(i), Text(point.point.title));
        m_list->SetItem(item, DecisionColumn, DecisionName(point.point.decision));
        m_list->SetItem(item, OwnerColumn, Text(point.point.owner));
        m_list->SetItem(item, CommitmentsColumn, CommitmentsCell(point));
        m_list->SetItem(item, EvidenceColumn, FormatCount(static_cast<long long>(point.evidence.size())));
        m_list->SetItem(item, NoteColumn, LatestNoteCell(point));
    }
    m_list->Thaw();
    if (keep.empty() || !Select(keep)) {
        if (!m_listed.empty())
            Select(m_listed.front()->point.id);
        else
            m_detail->ShowPoint(nullptr);
    }
    UpdateStatus();
    UpdateButtons();
}

void ReorientationsPage::UpdateStatus()
{
    wxString status;
    if (m_loading) {
        status = _("Loading…");
    } else if (!m_error.empty()) {
        status = m_error;
    } else {
        const long long all = static_cast<long long>(m_data.points.size());
        long long adopted = 0;
        for (const auto& point : m_data.points)
            adopted += point.point.decision == Decision::Adopted ? 1 : 0;
        const int plural = static_cast<int>(std::min<long long>(all, 1000000));
        status =
            wxString::Format(wxPLURAL("%s point", "%s points", plural), FormatCount(all)) + wxString::FromUTF8(" · ") +
            wxString::Format(wxPLURAL("%s adopted", "%s adopted", static_cast<int>(adopted)), FormatCount(adopted));
        if (m_filter)
            status += wxString::FromUTF8(" · ") +
                      wxString::Format(_("%s shown"), FormatCount(static_cast<long long>(m_listed.size())));
    }
    m_status->SetLabel(status);
    m_status->SetToolTip(status);
    if (GetSizer())
        Layout();
}

void ReorientationsPage::UpdateButtons()
{
    const bool any = Selected() != nullptr;
    const bool open = !m_context.ConsultationId().empty() && m_loadedOnce;
    m_new->Enable(open);
    m_edit->Enable(any);
    m_delete->Enable(any);
    m_note->Enable(any);
    // Always offered for a point: a second new commitment from the same point is asked for.
    m_commitment->Enable(any);
}

int ReorientationsPage::ListedCount() const
{
    return m_list->GetItemCount();
}

wxString ReorientationsPage::CellText(int row, int column) const
{
    return m_list->GetItemText(row, column);
}

wxString ReorientationsPage::StatusText() const
{
    return m_status->GetLabel();
}

void ReorientationsPage::FilterDecision(std::optional<Decision> decision)
{
    m_filter = decision;
    m_decision->SetSelection(decision ? DecisionRank(*decision) + 1 : 0);
    Refill();
}

bool ReorientationsPage::Select(const std::string& id)
{
    for (std::size_t i = 0; i < m_listed.size(); ++i) {
        if (m_listed[i]->point.id != id)
            continue;
        SelectListRow(*m_list, static_cast<long>(i));
        m_detail->ShowPoint(m_listed[i]);
        UpdateButtons();
        return true;
    }
    return false;
}

const ReorientationDetail* ReorientationsPage::Selected() const
{
    const long item = SelectedListRow(*m_list, m_listed.size());
    return item >= 0 ? m_listed[static_cast<std::size_t>(item)] : nullptr;
}

void ReorientationsPage::NewPoint()
{
    if (!CheckAllowed(m_context))
        return;
    if (m_context.ConsultationId().empty() || !m_loadedOnce)
        return;
    ReorientationEditor editor(m_context, m_data.choices);
    if (auto saved = editor.Edit(this, ReorientationDraft{}, {}))
        m_wantedSelection = saved->id; // the reload announced by the save selects it
}

void ReorientationsPage::EditSelected()
{
    if (!CheckAllowed(m_context))
        return;
    const ReorientationDetail* point = Selected();
    if (!point)
        return;
    ReorientationEditor editor(m_context, m_data.choices);
    const ReorientationDetail shown = *point; // the list may reload while the dialog is open
    if (auto saved = editor.Edit(this, DraftFrom(shown), shown.evidence))
        m_wantedSelection = saved->id;
}

void ReorientationsPage::DeleteSelected()
{
    if (!CheckAllowed(m_context))
        return;
    const ReorientationDetail* selected = Selected();
    if (!selected)
        return;
    const Reorientation point = selected->point;
    const wxString title = Text(point.title);
    wxMessageDialog confirm(this,
                            wxString::Format(_("Delete the reorientation point “%s”? Its links and notes are deleted "
                                               "with it; the commitments, topics and contributions stay."),
                                             title),
                            _("Delete a reorientation point"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    confirm.SetYesNoLabels(_("Delete"), _("Keep"));
    if (confirm.ShowModal() != wxID_YES)
        return;
    try {
        ReorientationRepository(m_context.Db()).Remove(point.id, point.version);
    } catch (const ConflictError&) {
        wxMessageBox(wxString::Format(_("The point “%s” was changed or deleted by someone else meanwhile, so it was "
                                        "not deleted. The list now shows its current state."),
                                      title),
                     _("Delete a reorientation point"), wxOK | wxICON_INFORMATION, this);
        Reload();
        return;
    } catch (const Error& e) {
        if (!ReportConnectionTrouble(this, e))
            wxMessageBox(Text(e.what()), _("The point was not deleted"), wxOK | wxICON_ERROR, this);
        return;
    }
    const auto at = std::find_if(m_listed.begin(), m_listed.end(),
                                 [&point](const ReorientationDetail* listed) { return listed->point.id == point.id; });
    if (at != m_listed.end() && m_listed.size() > 1)
        m_wantedSelection = (at + 1 != m_listed.end() ? *(at + 1) : *(at - 1))->point.id;
    m_context.NotifyChanged("reorientation");
}

void ReorientationsPage::AddNote()
{
    if (!CheckAllowed(m_context))
        return;
    if (const ReorientationDetail* point = Selected()) {
        const ReorientationDetail shown = *point;
        if (AddNoteToPoint(this, m_context, shown))
            m_wantedSelection = shown.point.id;
    }
}

void ReorientationsPage::CreateCommitment()
{
    if (!CheckAllowed(m_context, AccessNeed::Administer))
        return;
    if (const ReorientationDetail* point = Selected()) {
        const ReorientationDetail shown = *point;
        if (CreateCommitmentForPoint(this, m_context, shown, m_data.choices))
            m_wantedSelection = shown.point.id;
    }
}

void ReorientationsPage::OnCharHook(wxKeyEvent& event)
{
    const int key = event.GetKeyCode();
    const int modifiers = event.GetModifiers();
    if (m_pages->GetSelection() != NoConsultationPage) {
        if (modifiers == wxMOD_CONTROL && key == 'N') {
            NewPoint();
            return;
        }
        if (modifiers == (wxMOD_CONTROL | wxMOD_SHIFT) && key == 'N') {
            AddNote();
            return;
        }
        // Delete acts on the list's selection only when the list has the focus.
        if (modifiers == wxMOD_NONE && FindFocus() == m_list && (key == WXK_DELETE || key == WXK_NUMPAD_DELETE)) {
            DeleteSelected();
            return;
        }
    }
    event.Skip();
}

AreaView* CreateReorientationsPage(wxWindow* parent, AppContext& context)
{
    return new ReorientationsPage(parent, context);
}

} // namespace concerto
