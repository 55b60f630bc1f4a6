#include "app/commitment_panel.h"

#include "dialogs/domain_labels.h"

#include "app/access_ui.h"
#include "app/commitment_detail.h"
#include "app/commitment_tree_model.h"
#include "app/localization.h"
#include "core/errors.h"
#include "db/repositories.h"
#include "dialogs/conflict_dialog.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/config.h>
#include <wx/dataview.h>
#include <wx/datetime.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/persist/dataview.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

namespace concerto {

namespace {

enum Page { ContentPage, EmptyPage };

const char* const kDetailHeightKey = "/CommitmentsView/DetailHeight";

// The tables whose changes alter what the view shows.
bool Concerns(const std::string& table)
{
    return table == "commitment" || table == "theme" || table == "tag" || table == "contribution" ||
           table == "commitment_status_change" || table == "consultation";
}

wxString Utf8(const std::string& text)
{
    return wxString::FromUTF8(text);
}

/// "MOB-04 — Sécuriser les abords des écoles", as dialogs and messages name a commitment.
wxString NameOf(const Commitment& commitment)
{
    return Utf8(commitment.ref) + L" \u2014 " + Utf8(commitment.title);
}

/// The next free reference after the last one of a theme: "MOB-07" after "MOB-06".
std::string SuggestRef(const std::vector<const Commitment*>& siblings, const std::string& themeCode)
{
    std::string prefix = themeCode + "-";
    long best = 0;
    std::size_t width = 2;
    for (const Commitment* sibling : siblings) {
        const std::string& ref = sibling->ref;
        std::size_t digits = ref.size();
        while (digits > 0 && std::isdigit(static_cast<unsigned char>(ref[digits - 1])))
            --digits;
        if (digits == ref.size())
            continue;
        const long number = std::stol(ref.substr(digits));
        if (number >= best) {
            best = number;
            prefix = ref.substr(0, digits);
            width = ref.size() - digits;
        }
    }
    std::string number = std::to_string(best + 1);
    if (number.size() < width)
        number.insert(0, width - number.size(), '0');
    return prefix + number;
}

} // namespace

CommitmentsPanel::CommitmentsPanel(wxWindow* parent, AppContext& context)
    : wxPanel(parent), m_context(context), m_model(new CommitmentTreeModel)
{
    SetName("commitments");
    m_pages = new wxSimplebook(this);
    auto* content = new wxPanel(m_pages);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(BuildToolbar(content), wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));

    m_splitter = new wxSplitterWindow(content, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                      wxSP_LIVE_UPDATE | wxSP_THIN_SASH | wxSP_NOBORDER);
    m_splitter->SetSashGravity(1.0); // the tree takes the extra height
    m_splitter->SetMinimumPaneSize(FromDIP(90));
    wxWindow* tree = BuildTree(m_splitter);
    m_detail = new CommitmentDetailPane(m_splitter);
    // The detail pane keeps the height the user gave it; the columns their widths and the sort.
    const int detailHeight = wxConfigBase::Get()->ReadLong(kDetailHeightKey, FromDIP(190));
    m_splitter->SplitHorizontally(tree, m_detail, -std::max(FromDIP(90), detailHeight));
    m_splitter->Bind(wxEVT_SPLITTER_SASH_POS_CHANGED, [this](wxSplitterEvent& event) {
        event.Skip();
        wxConfigBase::Get()->Write(kDetailHeightKey, m_splitter->GetClientSize().y - event.GetSashPosition());
    });
    wxPersistentRegisterAndRestore(m_tree, "CommitmentTree");
    column->Add(m_splitter, wxSizerFlags(1).Expand());
    content->SetSizer(column);

    m_pages->AddPage(content, "content");
    m_pages->AddPage(BuildEmptyPage(m_pages), "empty");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_pages, wxSizerFlags(1).Expand());
    SetSizer(sizer);

    Bind(wxEVT_CHAR_HOOK, &CommitmentsPanel::OnCharHook, this);
    m_subscription = m_context.Subscribe([this](const std::string& table) {
        if (Concerns(table))
            Reload();
    });
    UpdateButtons();
}

CommitmentsPanel::~CommitmentsPanel()
{
    m_context.Unsubscribe(m_subscription);
}

wxWindow* CommitmentsPanel::BuildToolbar(wxWindow* parent)
{
    auto* bar = new wxPanel(parent);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_filter = new wxSearchCtrl(bar, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(300, -1)));
    m_filter->SetDescriptiveText(_("Filter by reference or title (Ctrl+F)"));
    m_filter->ShowCancelButton(true);
    m_filter->SetName("commitment filter");
    row->Add(m_filter, wxSizerFlags().CenterVertical());
    m_summary = new wxStaticText(bar, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    m_summary->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_summary->SetMinSize(FromDIP(wxSize(80, -1))); // may shrink, with an ellipsis, before the buttons do
    row->Add(m_summary, wxSizerFlags(1).CenterVertical().Border(wxLEFT | wxRIGHT, FromDIP(12)));

    m_new = new wxButton(bar, wxID_ANY, _("&New commitment"));
    m_new->SetToolTip(_("Add a commitment to the programme (Insert)"));
    m_edit = new wxButton(bar, wxID_ANY, _("&Edit"));
    m_edit->SetToolTip(_("Edit the selected commitment (Enter or double-click)"));
    m_status = new wxButton(bar, wxID_ANY, _("Change the &status…"));
    m_status->SetToolTip(_("Record a dated change of the selected commitment's status (Ctrl+K)"));
    for (wxButton* button : {m_new, m_edit, m_status}) {
        row->Add(button, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(6)));
        ShowWhenAllowed(m_context, button, AccessNeed::Administer); // the programme is reference data
    }
    bar->SetSizer(row);

    m_filter->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { ApplyFilter(); });
    m_filter->Bind(wxEVT_SEARCH_CANCEL, [this](wxCommandEvent&) { m_filter->Clear(); });
    m_new->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { NewCommitment(); });
    m_edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EditSelected(); });
    m_status->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ChangeSelectedStatus(); });
    return bar;
}

wxWindow* CommitmentsPanel::BuildTree(wxWindow* parent)
{
    m_tree = new wxDataViewCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxDV_SINGLE | wxDV_VERT_RULES);
    m_tree->SetName("commitment tree");
    m_tree->AssociateModel(m_model.get());
    const int flags = wxDATAVIEW_COL_SORTABLE | wxDATAVIEW_COL_RESIZABLE;
    using Model = CommitmentTreeModel;
    // Count columns as wide as their header (the stance names differ in length by language).
    auto countWidth = [this](const wxString& header) {
        return std::max(FromDIP(64), GetTextExtent(header).x + FromDIP(40));
    };
    m_tree->AppendTextColumn(_("Ref."), Model::RefColumn, wxDATAVIEW_CELL_INERT, FromDIP(96), wxALIGN_LEFT, flags);
    wxDataViewColumn* title = m_tree->AppendTextColumn(_("Commitment"), Model::TitleColumn, wxDATAVIEW_CELL_INERT,
                                                       FromDIP(360), wxALIGN_LEFT, flags);
    title->GetRenderer()->EnableEllipsize(wxELLIPSIZE_END);
    m_tree->AppendIconTextColumn(_("Status"), Model::StatusColumn, wxDATAVIEW_CELL_INERT, FromDIP(124), wxALIGN_LEFT,
                                 flags);
    for (std::size_t i = 0; i < kStanceCount; ++i) {
        const wxString header = StanceName(static_cast<Stance>(i));
        m_tree->AppendTextColumn(header, Model::FirstStanceColumn + i, wxDATAVIEW_CELL_INERT, countWidth(header),
                                 wxALIGN_RIGHT, flags);
    }
    m_tree->AppendTextColumn(_("Total"), Model::TotalColumn, wxDATAVIEW_CELL_INERT, countWidth(_("Total")),
                             wxALIGN_RIGHT, flags);

    m_tree->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) {
        UpdateButtons();
        UpdateDetail();
    });
    m_tree->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, &CommitmentsPanel::OnActivated, this);
    m_tree->Bind(wxEVT_DATAVIEW_ITEM_CONTEXT_MENU, &CommitmentsPanel::OnContextMenu, this);
    auto trackExpansion = [this](wxDataViewEvent& event, bool collapsed) {
        const Theme* theme = m_model->CommitmentOf(event.GetItem()) ? nullptr : m_model->ThemeOf(event.GetItem());
        if (!m_restoringExpansion && theme && m_model->Filter().empty()) {
            if (collapsed)
                m_collapsedThemes.insert(theme->id);
            else
                m_collapsedThemes.erase(theme->id);
        }
    };
    m_tree->Bind(wxEVT_DATAVIEW_ITEM_COLLAPSED, [trackExpansion](wxDataViewEvent& e) { trackExpansion(e, true); });
    m_tree->Bind(wxEVT_DATAVIEW_ITEM_EXPANDED, [trackExpansion](wxDataViewEvent& e) { trackExpansion(e, false); });
    m_tree->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter(&CommitmentsPanel::FitTitleColumn);
    });
    return m_tree;
}

wxWindow* CommitmentsPanel::BuildEmptyPage(wxWindow* parent)
{
    auto* page = new wxPanel(parent);
    auto* column = new wxBoxSizer(wxVERTICAL);
    m_emptyTitle =
        new wxStaticText(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
    m_emptyTitle->SetFont(m_emptyTitle->GetFont().Bold().Scaled(1.6f));
    column->Add(m_emptyTitle, wxSizerFlags().CentreHorizontal().Border(wxBOTTOM, FromDIP(14)));
    m_emptyText =
        new wxStaticText(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
    m_emptyText->SetFont(m_emptyText->GetFont().Scaled(1.1f));
    column->Add(m_emptyText, wxSizerFlags().CentreHorizontal());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->AddStretchSpacer(2);
    sizer->Add(column, wxSizerFlags().CentreHorizontal().Border(wxLEFT | wxRIGHT, FromDIP(24)));
    sizer->AddStretchSpacer(3);
    page->SetSizer(sizer);
    return page;
}

void CommitmentsPanel::Reload()
{
    m_stale = true;
    if (IsShownOnScreen())
        Load();
}

void CommitmentsPanel::OnShown()
{
    if (m_stale)
        Load();
    // The keyboard belongs to the tree once shown, even when the rows are still on their way.
    m_focusWhenLoaded = m_loading;
    if (m_pages->GetSelection() == ContentPage)
        m_tree->SetFocus();
}

void CommitmentsPanel::Load()
{
    m_stale = false;
    m_loading = true;
    const int generation = ++m_generation;
    const std::string consultationId = m_context.ConsultationId();
    m_context.Worker().Run<CommitmentTreeData>(
        m_lifetime, [consultationId](Database& db) { return LoadCommitmentTree(db, consultationId); },
        [this, generation](CommitmentTreeData data) {
            if (generation == m_generation)
                Apply(std::move(data));
        },
        [this, generation](const Error& error) {
            if (generation == m_generation)
                ShowLoadError(Utf8(error.what()));
        },
        "commitments:tree");
}

void CommitmentsPanel::Apply(CommitmentTreeData data)
{
    m_loading = false;
    const std::string selected = m_selectAfterLoad.empty() ? SelectedCommitmentId() : m_selectAfterLoad;
    m_selectAfterLoad.clear();
    const bool rowsChanged = m_model->SetData(std::move(data));
    if (m_context.ConsultationId().empty() || m_model->ThemeCount() == 0) {
        const bool none = m_context.ConsultationId().empty();
        m_emptyTitle->SetLabel(none ? _("No consultation") : _("The programme is empty"));
        m_emptyText->SetLabel(none ? _("Open a database that holds a consultation, or create one, to see its "
                                       "programme's commitments here.")
                                   : _("Add the programme's themes first, in Reference data (Ctrl+5), then come "
                                       "back here to add their commitments."));
        m_emptyText->Wrap(FromDIP(520));
        m_pages->GetPage(EmptyPage)->Layout();
        m_pages->ChangeSelection(EmptyPage);
        m_detail->ShowHint(wxString());
        UpdateButtons();
        return;
    }
    m_pages->ChangeSelection(ContentPage);
    if (m_focusWhenLoaded && IsShownOnScreen())
        m_tree->SetFocus();
    m_focusWhenLoaded = false;
    if (rowsChanged)
        RestoreExpansion();
    if (rowsChanged || SelectedCommitmentId() != selected)
        if (const wxDataViewItem item = m_model->ItemOfCommitment(selected); item.IsOk()) {
            m_tree->Select(item);
            m_tree->EnsureVisible(item);
        }
    UpdateSummary();
    UpdateButtons();
    UpdateDetail();
}

void CommitmentsPanel::ShowLoadError(const wxString& message)
{
    m_loading = false;
    m_emptyTitle->SetLabel(_("The commitments could not be read"));
    m_emptyText->SetLabel(message);
    m_emptyText->Wrap(FromDIP(520));
    m_pages->GetPage(EmptyPage)->Layout();
    m_pages->ChangeSelection(EmptyPage);
}

void CommitmentsPanel::ApplyFilter()
{
    const std::string selected = SelectedCommitmentId();
    m_model->SetFilter(m_filter->GetValue());
    RestoreExpansion();
    if (const wxDataViewItem item = m_model->ItemOfCommitment(selected); item.IsOk()) {
        m_tree->Select(item);
        m_tree->EnsureVisible(item);
    }
    UpdateSummary();
    UpdateButtons();
    UpdateDetail();
}

void CommitmentsPanel::RestoreExpansion()
{
    m_restoringExpansion = true;
    const bool filtering = !m_model->Filter().empty();
    for (const wxDataViewItem& item : m_model->ThemeItems()) {
        const Theme* theme = m_model->ThemeOf(item);
        if (filtering || !m_collapsedThemes.count(theme->id))
            m_tree->Expand(item);
    }
    m_restoringExpansion = false;
}

void CommitmentsPanel::FitTitleColumn()
{
    // GTK gives the extra width to the last column; the title is the one that needs it.
    int others = 0;
    for (unsigned i = 0; i < m_tree->GetColumnCount(); ++i)
        if (m_tree->GetColumn(i)->GetModelColumn() != CommitmentTreeModel::TitleColumn)
            others += m_tree->GetColumn(i)->GetWidth();
    const int width = m_tree->GetClientSize().x - others - FromDIP(4);
    if (wxDataViewColumn* title = m_tree->GetColumn(1); width > FromDIP(220) && title->GetWidth() != width)
        title->SetWidth(width);
}

wxString CommitmentsPanel::Summary() const
{
    return m_summary->GetLabel();
}

void CommitmentsPanel::UpdateSummary()
{
    const wxString visible = FormatCount(static_cast<long long>(m_model->VisibleCommitmentCount()));
    const wxString total = FormatCount(static_cast<long long>(m_model->CommitmentCount()));
    wxString text;
    if (!m_model->Filter().empty() && m_model->VisibleCommitmentCount() == 0)
        text = wxString::Format(_("No commitment matches “%s”. Press Escape to clear the filter."), m_model->Filter());
    else if (!m_model->Filter().empty())
        text = wxString::Format(wxPLURAL("%s of %s commitment matches", "%s of %s commitments match",
                                         m_model->VisibleCommitmentCount()),
                                visible, total);
    else if (m_model->CommitmentCount() == 0)
        text = _("No commitment yet");
    else
        text = wxString::Format(wxPLURAL("%s commitment", "%s commitments", m_model->CommitmentCount()), total) + " " +
               wxString::Format(wxPLURAL("in %s theme", "in %s themes", m_model->ThemeCount()),
                                FormatCount(static_cast<long long>(m_model->ThemeCount())));
    m_summary->SetLabel(text);
    m_summary->SetToolTip(text);
}

void CommitmentsPanel::UpdateButtons()
{
    const bool ready = m_pages->GetSelection() == ContentPage && !m_context.ConsultationId().empty();
    const bool commitment = ready && m_model->CommitmentOf(m_tree->GetSelection()) != nullptr;
    m_new->Enable(ready && m_model->ThemeCount() > 0);
    m_edit->Enable(commitment);
    m_status->Enable(commitment);
}

void CommitmentsPanel::UpdateDetail()
{
    const wxDataViewItem item = m_tree->GetSelection();
    const Commitment* commitment = m_model->CommitmentOf(item);
    if (!commitment) {
        m_loadingHistory = false;
        const Theme* theme = m_model->ThemeOf(item);
        wxString hint = _("Select a commitment to see its description and the history of its status.");
        if (m_model->CommitmentCount() == 0)
            hint = _("No commitment yet: add the first one with “New commitment” (Insert).");
        else if (theme)
            hint = wxString::Format(
                _("Theme “%s”: select one of its commitments to see its description and status history."),
                Utf8(theme->title));
        m_detail->ShowHint(hint);
        return;
    }
    const Theme* theme = m_model->ThemeOf(item);
    m_detail->ShowCommitment(*commitment, theme ? Utf8(theme->title) : wxString());
    LoadHistory(commitment->id);
}

void CommitmentsPanel::LoadHistory(const std::string& commitmentId)
{
    m_loadingHistory = true;
    // The timeline: status changes and the reorientation points that touched the commitment.
    m_context.Worker().Run<std::vector<TimelineEvent>>(
        m_lifetime, [commitmentId](Database& db) { return CommitmentTimeline(db, commitmentId); },
        [this, commitmentId](std::vector<TimelineEvent> timeline) {
            if (m_detail->CommitmentId() != commitmentId)
                return;
            m_loadingHistory = false;
            m_detail->ShowTimeline(timeline);
        },
        [this, commitmentId](const Error& error) {
            if (m_detail->CommitmentId() != commitmentId)
                return;
            m_loadingHistory = false;
            m_detail->ShowHistoryError(Utf8(error.what()));
        },
        "commitments:history");
}

bool CommitmentsPanel::SelectCommitment(const std::string& id)
{
    wxDataViewItem item = m_model->ItemOfCommitment(id);
    if (!item.IsOk() && !m_model->Filter().empty()) {
        m_filter->Clear(); // sends wxEVT_TEXT, which refilters
        ApplyFilter();
        item = m_model->ItemOfCommitment(id);
    }
    if (!item.IsOk())
        return false;
    m_tree->Expand(m_model->GetParent(item));
    m_tree->Select(item);
    m_tree->EnsureVisible(item);
    UpdateButtons();
    UpdateDetail();
    return true;
}

std::string CommitmentsPanel::SelectedCommitmentId() const
{
    const Commitment* commitment = m_model->CommitmentOf(m_tree->GetSelection());
    return commitment ? commitment->id : std::string();
}

std::vector<ThemeChoice> CommitmentsPanel::ThemeChoices() const
{
    std::vector<ThemeChoice> choices;
    for (const Theme& theme : m_model->Themes())
        choices.push_back({theme.id, Utf8(theme.code) + L" \u2014 " + Utf8(theme.title)});
    return choices;
}

void CommitmentsPanel::OnCharHook(wxKeyEvent& event)
{
    const int key = event.GetKeyCode();
    const int modifiers = event.GetModifiers();
    wxWindow* focus = FindFocus();
    const bool inFilter = focus && (focus == m_filter || focus->GetParent() == m_filter);
    if ((key == WXK_INSERT || key == WXK_NUMPAD_INSERT) && modifiers == wxMOD_NONE)
        NewCommitment();
    else if (key == 'K' && modifiers == wxMOD_CONTROL)
        ChangeSelectedStatus();
    else if (key == 'F' && modifiers == wxMOD_CONTROL) {
        m_filter->SetFocus();
        m_filter->SelectAll();
    } else if (inFilter && key == WXK_ESCAPE && !m_filter->IsEmpty())
        m_filter->Clear();
    else if (inFilter && (key == WXK_DOWN || key == WXK_RETURN || key == WXK_NUMPAD_ENTER)) {
        // From the filter straight to the first match, keyboard only.
        if (!m_model->CommitmentOf(m_tree->GetSelection()))
            for (const wxDataViewItem& theme : m_model->ThemeItems())
                if (const auto items = m_model->CommitmentItems(theme); !items.empty()) {
                    SelectCommitment(m_model->CommitmentOf(items.front())->id);
                    break;
                }
        m_tree->SetFocus();
    } else
        event.Skip();
}

void CommitmentsPanel::OnActivated(wxDataViewEvent& event)
{
    const wxDataViewItem item = event.GetItem();
    if (m_model->CommitmentOf(item)) {
        m_tree->Select(item);
        EditSelected();
    } else if (item.IsOk()) {
        if (m_tree->IsExpanded(item))
            m_tree->Collapse(item);
        else
            m_tree->Expand(item);
    }
}

void CommitmentsPanel::OnContextMenu(wxDataViewEvent& event)
{
    if (event.GetItem().IsOk())
        m_tree->Select(event.GetItem());
    UpdateButtons();
    UpdateDetail();
    wxMenu menu;
    const int edit = wxWindow::NewControlId(), status = wxWindow::NewControlId(), add = wxWindow::NewControlId();
    menu.Append(edit, _("&Edit…") + "\tEnter")->Enable(m_edit->IsEnabled());
    menu.Append(status, _("Change the &status…") + "\tCtrl+K")->Enable(m_status->IsEnabled());
    menu.AppendSeparator();
    menu.Append(add, _("&New commitment…") + "\tInsert")->Enable(m_new->IsEnabled());
    const int chosen = GetPopupMenuSelectionFromUser(menu);
    if (chosen == edit)
        EditSelected();
    else if (chosen == status)
        ChangeSelectedStatus();
    else if (chosen == add)
        NewCommitment();
}

void CommitmentsPanel::NewCommitment()
{
    if (!m_new->IsEnabled() || !CheckAllowed(m_context, AccessNeed::Administer))
        return;
    CommitmentValues values;
    const Theme* theme = m_model->ThemeOf(m_tree->GetSelection());
    if (!theme)
        theme = &m_model->Themes().front();
    values.themeId = theme->id;
    std::vector<const Commitment*> siblings;
    for (const wxDataViewItem& themeItem : m_model->ThemeItems())
        if (m_model->ThemeOf(themeItem)->id == theme->id)
            for (const wxDataViewItem& item : m_model->CommitmentItems(themeItem))
                siblings.push_back(m_model->CommitmentOf(item));
    values.ref = SuggestRef(siblings, theme->code);
    CommitmentDialog dialog(this, true, ThemeChoices(), values);
    dialog.SetAcceptHandler([this, &dialog](const CommitmentValues& entered) {
        const SaveOutcome outcome = SaveCommitment(nullptr, entered, &dialog);
        if (!outcome.error.empty())
            dialog.ShowError(outcome.error, outcome.onReference);
        return outcome.closeDialog;
    });
    dialog.ShowModal();
}

void CommitmentsPanel::EditSelected()
{
    const Commitment* selected = m_model->CommitmentOf(m_tree->GetSelection());
    if (!selected || !CheckAllowed(m_context, AccessNeed::Administer))
        return;
    const Commitment original = *selected; // the version the user is editing, whatever reloads meanwhile
    CommitmentValues values{original.themeId,     original.ref,    original.title,
                            original.description, original.status, original.origin};
    CommitmentDialog dialog(this, false, ThemeChoices(), values);
    dialog.SetAcceptHandler([this, &dialog, original](const CommitmentValues& entered) {
        const SaveOutcome outcome = SaveCommitment(&original, entered, &dialog);
        if (!outcome.error.empty())
            dialog.ShowError(outcome.error, outcome.onReference);
        return outcome.closeDialog;
    });
    dialog.ShowModal();
}

void CommitmentsPanel::ChangeSelectedStatus()
{
    const Commitment* selected = m_model->CommitmentOf(m_tree->GetSelection());
    if (!selected || !CheckAllowed(m_context, AccessNeed::Administer))
        return;
    const Commitment original = *selected;
    StatusChangeDialog dialog(this, NameOf(original), original.status, LocalToday());
    dialog.SetAcceptHandler([this, &dialog, original](const StatusChangeValues& entered) {
        const SaveOutcome outcome = ChangeStatus(original, entered, &dialog);
        if (!outcome.error.empty())
            dialog.ShowError(outcome.error);
        return outcome.closeDialog;
    });
    dialog.ShowModal();
}

} // namespace concerto
