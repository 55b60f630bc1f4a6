#include "app/reference_panel.h"

#include "app/access_ui.h"
#include "app/navigation_list.h"
#include "core/errors.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/infobar.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>

namespace concerto {

namespace {

enum Page { ListPage, EmptyPage };

wxString Utf8(const std::string& text)
{
    return wxString::FromUTF8(text);
}

} // namespace

ReferenceDataPanel::ReferenceDataPanel(wxWindow* parent, AppContext& context)
    : wxPanel(parent), m_context(context), m_kinds(MakeReferenceKinds())
{
    SetName("reference data");
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    std::vector<wxString> names;
    for (const auto& kind : m_kinds)
        names.push_back(kind->Name());
    // Roomy rows like the main sidebar's, on the page's colour: a second level, not a second sidebar.
    m_kindList = new NavigationList(this, names, {});
    m_kindList->SetFont(GetFont());
    m_kindList->SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW));
    m_kindList->SetName("reference kinds");
    m_kindList->SetMinSize(FromDIP(wxSize(190, -1)));
    m_kindList->SetSelection(m_kindIndex);
    row->Add(m_kindList, wxSizerFlags().Expand().Border(wxTOP, FromDIP(10)));
    row->Add(new wxStaticLine(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLI_VERTICAL),
             wxSizerFlags().Expand());
    row->Add(BuildRightSide(this), wxSizerFlags(1).Expand());
    SetSizer(row);

    m_kindList->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& event) { ShowKind(event.GetSelection()); });
    Bind(wxEVT_CHAR_HOOK, &ReferenceDataPanel::OnCharHook, this);
    m_subscription = m_context.Subscribe([this](const std::string& table) {
        // Cards show their theme's title, so a theme's change concerns them too.
        if (table == Kind().Table() || (m_kindIndex == Cards && table == "theme"))
            Reload();
        else if (table == "access")
            UpdateButtons();
    });
    UpdateHeading();
    UpdateButtons();
}

ReferenceDataPanel::~ReferenceDataPanel()
{
    m_context.Unsubscribe(m_subscription);
}

wxWindow* ReferenceDataPanel::BuildRightSide(wxWindow* parent)
{
    auto* side = new wxPanel(parent);
    const int gap = FromDIP(12);
    auto* column = new wxBoxSizer(wxVERTICAL);

    auto* titleRow = new wxBoxSizer(wxHORIZONTAL);
    m_heading = new wxStaticText(side, wxID_ANY, wxString());
    m_heading->SetFont(m_heading->GetFont().Bold().Scaled(1.3f));
    titleRow->Add(m_heading, wxSizerFlags().Bottom());
    m_scope = new wxStaticText(side, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    m_scope->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    titleRow->Add(m_scope, wxSizerFlags(1).Bottom().Border(wxLEFT, gap));
    column->Add(titleRow, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap));

    m_explanation = new wxStaticText(side, wxID_ANY, wxString());
    m_explanation->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    column->Add(m_explanation, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap / 2));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_new = new wxButton(side, wxID_ANY, _("&New…"));
    m_new->SetToolTip(_("Add an item (Insert)"));
    m_edit = new wxButton(side, wxID_ANY, _("&Edit…"));
    m_edit->SetToolTip(_("Edit the selected item (Enter or double-click)"));
    m_delete = new wxButton(side, wxID_ANY, _("&Delete"));
    m_delete->SetToolTip(_("Delete the selected item (Delete)"));
    m_up = new wxButton(side, wxID_ANY, _("Move &up"));
    m_up->SetToolTip(_("Move the selected item up in the order of lists and reports (Alt+Up)"));
    m_down = new wxButton(side, wxID_ANY, _("Move do&wn"));
    m_down->SetToolTip(_("Move the selected item down in the order of lists and reports (Alt+Down)"));
    buttons->Add(m_new);
    buttons->Add(m_edit, wxSizerFlags().Border(wxLEFT, FromDIP(6)));
    buttons->Add(m_delete, wxSizerFlags().Border(wxLEFT, FromDIP(6)));
    buttons->AddStretchSpacer();
    buttons->Add(m_up);
    buttons->Add(m_down, wxSizerFlags().Border(wxLEFT, FromDIP(6)));
    column->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap));

    m_infoBar = new wxInfoBar(side);
    column->Add(m_infoBar, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));

    m_pages = new wxSimplebook(side);
    m_list = new wxListCtrl(m_pages, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->SetName("reference rows");
    m_pages->AddPage(m_list, "list");
    auto* emptyPage = new wxPanel(m_pages);
    m_empty =
        new wxStaticText(emptyPage, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
    m_empty->SetFont(m_empty->GetFont().Scaled(1.1f));
    auto* emptySizer = new wxBoxSizer(wxVERTICAL);
    emptySizer->AddStretchSpacer(1);
    emptySizer->Add(m_empty, wxSizerFlags().CentreHorizontal().Border(wxALL, gap));
    emptySizer->AddStretchSpacer(2);
    emptyPage->SetSizer(emptySizer);
    m_pages->AddPage(emptyPage, "empty");
    column->Add(m_pages, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));
    side->SetSizer(column);

    m_new->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { NewItem(); });
    m_edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EditSelected(); });
    m_delete->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { DeleteSelected(); });
    m_up->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { MoveSelected(-1); });
    m_down->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { MoveSelected(+1); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { UpdateButtons(); });
    m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { UpdateButtons(); });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { EditSelected(); });
    m_list->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter(&ReferenceDataPanel::FitLastColumn);
    });
    return side;
}

void ReferenceDataPanel::Reload()
{
    m_stale = true;
    if (IsShownOnScreen())
        Load();
}

void ReferenceDataPanel::OnShown()
{
    if (m_stale)
        Load();
    if (m_pages->GetSelection() == ListPage)
        m_list->SetFocus();
    else
        m_kindList->SetFocus(); // the keys (Insert) work from anywhere in the page
}

void ReferenceDataPanel::ShowKind(int index)
{
    if (index < 0 || index >= static_cast<int>(m_kinds.size()))
        return;
    if (m_kindList->GetSelection() != index)
        m_kindList->SetSelection(index);
    if (index != m_kindIndex) {
        m_kindIndex = index;
        m_data = ReferenceList();
        m_selectAfterLoad.clear();
        HideMessage();
        FillList();
    }
    UpdateHeading();
    Load();
}

void ReferenceDataPanel::Load()
{
    m_stale = false;
    m_loading = true;
    const int generation = ++m_generation;
    const ReferenceKind* kind = m_kinds[m_kindIndex].get();
    const std::string consultationId = m_context.ConsultationId();
    m_context.Worker().Run<ReferenceList>(
        m_lifetime, [kind, consultationId](Database& db) { return kind->Load(db, consultationId); },
        [this, generation](ReferenceList data) {
            if (generation == m_generation)
                Apply(std::move(data));
        },
        [this, generation](const Error& error) {
            if (generation != m_generation)
                return;
            m_loading = false;
            ShowMessage(Utf8(error.what()));
        },
        "reference:list");
}

void ReferenceDataPanel::Apply(ReferenceList data)
{
    m_loading = false;
    const int selected = SelectedRow();
    std::string keep = m_selectAfterLoad;
    if (keep.empty() && selected >= 0 && selected < static_cast<int>(m_data.rows.size()))
        keep = m_data.rows[selected].id;
    m_selectAfterLoad.clear();
    m_data = std::move(data);
    UpdateHeading();
    FillList();
    for (std::size_t i = 0; i < m_data.rows.size(); ++i)
        if (m_data.rows[i].id == keep)
            SelectRow(static_cast<int>(i));
    if (SelectedRow() < 0 && !m_data.rows.empty())
        SelectRow(0); // so that Enter edits and the arrows move from the first row at once
    UpdateButtons();
}

void ReferenceDataPanel::FillList()
{
    const ReferenceKind& kind = Kind();
    const auto columns = kind.Columns();
    m_list->Freeze();
    m_list->ClearAll();
    for (std::size_t c = 0; c < columns.size(); ++c)
        m_list->AppendColumn(columns[c].label, wxLIST_FORMAT_LEFT, FromDIP(columns[c].width));
    for (std::size_t r = 0; r < m_data.rows.size(); ++r) {
        const long item = m_list->InsertItem(static_cast<long>(r), kind.Cell(m_data.rows[r], columns[0].key));
        for (std::size_t c = 1; c < columns.size(); ++c)
            m_list->SetItem(item, static_cast<int>(c), kind.Cell(m_data.rows[r], columns[c].key));
    }
    m_list->Thaw();
    FitLastColumn();

    const bool noConsultation = kind.PerConsultation() && m_context.ConsultationId().empty();
    if (m_data.rows.empty() && !m_loading) {
        m_empty->SetLabel(noConsultation ? _("No consultation is open: open or create one first.") : kind.EmptyText());
        m_empty->Wrap(FromDIP(480));
        m_pages->GetPage(EmptyPage)->Layout();
        m_pages->ChangeSelection(EmptyPage);
    } else {
        m_pages->ChangeSelection(ListPage);
    }
}

void ReferenceDataPanel::FitLastColumn()
{
    const int count = m_list->GetColumnCount();
    if (count == 0)
        return;
    int others = 0;
    for (int c = 0; c + 1 < count; ++c)
        others += m_list->GetColumnWidth(c);
    const int width = m_list->GetClientSize().x - others - FromDIP(4);
    if (width > FromDIP(120) && m_list->GetColumnWidth(count - 1) != width)
        m_list->SetColumnWidth(count - 1, width);
}

void ReferenceDataPanel::UpdateHeading()
{
    const ReferenceKind& kind = Kind();
    m_heading->SetLabel(kind.Name());
    const auto& consultation = m_context.CurrentConsultation();
    m_scope->SetLabel(!kind.PerConsultation() ? wxString()
                      : consultation          ? wxString::Format(_("Consultation: %s"), Utf8(consultation->title))
                                              : _("No consultation"));
    m_explanation->SetLabel(kind.Explanation());
    m_explanation->Wrap(std::max(FromDIP(400), m_explanation->GetParent()->GetClientSize().x - FromDIP(24)));
    Layout();
}

void ReferenceDataPanel::UpdateButtons()
{
    const ReferenceKind& kind = Kind();
    const int selected = SelectedRow();
    const bool canCreate = kind.Creatable() && (!kind.PerConsultation() || !m_context.ConsultationId().empty());
    // Commands a kind never offers are hidden rather than greyed: nothing to wonder about. The
    // same for those the user's role does not allow (reference data are the administrators').
    const bool administer = Allows(m_context.GetAccess(), AccessNeed::Administer);
    m_new->Show(administer && kind.Creatable());
    m_edit->Show(administer);
    m_delete->Show(administer && kind.Deletable());
    m_new->Enable(canCreate);
    m_edit->Enable(selected >= 0);
    m_delete->Enable(selected >= 0 && kind.Deletable());
    m_up->Show(administer && kind.Ordered());
    m_down->Show(administer && kind.Ordered());
    m_up->Enable(kind.Ordered() && selected > 0);
    m_down->Enable(kind.Ordered() && selected >= 0 && selected + 1 < static_cast<int>(m_data.rows.size()));
    m_new->GetParent()->Layout();
}

int ReferenceDataPanel::SelectedRow() const
{
    return static_cast<int>(m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED));
}

void ReferenceDataPanel::SelectRow(int index)
{
    if (index < 0 || index >= m_list->GetItemCount())
        return;
    m_list->SetItemState(index, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                         wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    m_list->EnsureVisible(index);
    UpdateButtons();
}

void ReferenceDataPanel::ShowMessage(const wxString& message)
{
    m_message = message;
    m_infoBar->ShowMessage(message, wxICON_WARNING);
    Layout();
}

void ReferenceDataPanel::HideMessage()
{
    m_message.clear();
    if (m_infoBar->IsShown())
        m_infoBar->Dismiss();
}

void ReferenceDataPanel::OnCharHook(wxKeyEvent& event)
{
    const int key = event.GetKeyCode();
    const int modifiers = event.GetModifiers();
    const bool inList = FindFocus() == m_list;
    if ((key == WXK_INSERT || key == WXK_NUMPAD_INSERT) && modifiers == wxMOD_NONE)
        NewItem();
    else if (inList && (key == WXK_DELETE || key == WXK_NUMPAD_DELETE) && modifiers == wxMOD_NONE)
        DeleteSelected();
    else if (inList && (key == WXK_UP || key == WXK_DOWN) && (modifiers == wxMOD_ALT || modifiers == wxMOD_CONTROL))
        MoveSelected(key == WXK_UP ? -1 : +1);
    else
        event.Skip();
}

void ReferenceDataPanel::NewItem()
{
    if (m_new->IsEnabled())
        OpenDialog(nullptr);
}

void ReferenceDataPanel::EditSelected()
{
    const int selected = SelectedRow();
    if (selected >= 0 && selected < static_cast<int>(m_data.rows.size()))
        OpenDialog(&m_data.rows[selected]);
}

void ReferenceDataPanel::OpenDialog(const ReferenceRow* row)
{
    if (!CheckAllowed(m_context, AccessNeed::Administer))
        return;
    const ReferenceKind& kind = Kind();
    // A copy: the list may reload while the dialog is open; the user edits what they opened.
    const std::optional<ReferenceRow> original = row ? std::optional<ReferenceRow>(*row) : std::nullopt;
    ReferenceItemDialog dialog(this, original ? kind.EditTitle() : kind.NewTitle(), kind.Fields(m_data),
                               original ? original->values : ReferenceValues(), original ? _("Save") : _("Create"));
    dialog.SetAcceptHandler([this, &dialog, original](const ReferenceValues& values) {
        const ReferenceSaveOutcome outcome = SaveRow(original ? &*original : nullptr, values, &dialog);
        if (!outcome.error.empty())
            dialog.ShowError(outcome.error, outcome.field);
        return outcome.closeDialog;
    });
    dialog.ShowModal();
    m_list->SetFocus();
}

void ReferenceDataPanel::DeleteSelected()
{
    const int selected = SelectedRow();
    if (selected < 0 || !Kind().Deletable() || selected >= static_cast<int>(m_data.rows.size()) ||
        !CheckAllowed(m_context, AccessNeed::Administer))
        return;
    const wxString name = Kind().RowName(m_data.rows[selected]);
    wxMessageDialog ask(this, Kind().DeleteQuestion(name), _("Delete"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    ask.SetYesNoLabels(_("&Delete"), _("&Keep"));
    if (ask.ShowModal() == wxID_YES)
        DeleteRow(selected);
}

void ReferenceDataPanel::MoveSelected(int delta)
{
    const int selected = SelectedRow();
    if (selected >= 0 && CheckAllowed(m_context, AccessNeed::Administer))
        MoveRow(selected, delta);
}

} // namespace concerto
