#include "app/report_panel.h"

#include "app/access_ui.h"
#include "app/report_editor.h"
#include "app/report_form.h"
#include "app/report_preview.h"
#include "app/report_run.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/filename.h>
#include <wx/utils.h>

namespace concerto {

namespace {

enum Tab { GenerateTab, DefinitionTab, PreviewTab };

const char* const kDefaultDefinition = "livrable-2024";

wxStaticText* Grey(wxWindow* parent, const wxString& text = {})
{
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    return label;
}

/// What identifies a definition's parameters: the form is rebuilt only when this changes, so
/// that typing in the editor does not reset the values the user picked.
std::string Signature(const report::Definition& definition)
{
    std::string signature;
    for (const report::ParameterInfo& p : report::DescribeParameters(definition))
        signature += p.name + ":" + report::ToName(p.type) + ":" + p.label + ":" + p.defaultValue + ":" +
                     p.description + "\n";
    return signature;
}

} // namespace

ReportsPanel::ReportsPanel(wxWindow* parent, AppContext& context) : wxPanel(parent, wxID_ANY), m_context(context)
{
    SetName("reports-view");
    m_shipped = ShippedEntries();
    BuildLayout();
    BindKeys();
    std::weak_ptr<int> alive = m_lifetime;
    m_subscription = m_context.Subscribe([this, alive](const std::string& table) {
        if (alive.lock() && table == "report_definition")
            LoadStored();
    });
    RebuildList();
    LoadStored();
}

ReportsPanel::~ReportsPanel()
{
    // The frame destroys its context before its child windows: the subscription above stays
    // harmless once m_lifetime has gone. A run still going is cancelled by its destructor.
}

void ReportsPanel::BuildLayout()
{
    const int margin = FromDIP(10);
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(BuildListSide(this), wxSizerFlags().Expand().Border(wxALL, margin));

    auto* right = new wxBoxSizer(wxVERTICAL);
    m_title = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    m_title->SetFont(m_title->GetFont().Bold().Scaled(1.3f));
    m_origin = Grey(this);
    m_description = new wxStaticText(this, wxID_ANY, wxString());
    right->Add(m_title, wxSizerFlags().Expand());
    right->Add(m_origin, wxSizerFlags().Expand().Border(wxTOP, FromDIP(2)));
    right->Add(m_description, wxSizerFlags().Expand().Border(wxTOP, FromDIP(6)));
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter([this] { WrapDescription(); }); // once the sizers have given the tabs their width
    });

    m_tabs = new wxNotebook(this, wxID_ANY);
    m_tabs->SetName("report-tabs");
    m_tabs->AddPage(BuildGeneratePage(m_tabs), _("Generate"));
    m_tabs->AddPage(BuildEditorPage(m_tabs), _("Definition"));
    m_preview = new ReportPreview(m_tabs);
    m_preview->OnRefreshRequested([this] { RefreshPreview(); });
    m_tabs->AddPage(m_preview, _("Preview"));
    m_tabs->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& event) {
        event.Skip();
        // The first visit of the preview produces it; later ones keep what is shown (F5 refreshes).
        if (event.GetSelection() == PreviewTab && !m_previewShown)
            RefreshPreview();
    });
    right->Add(m_tabs, wxSizerFlags(1).Expand().Border(wxTOP, FromDIP(10)));
    sizer->Add(right, wxSizerFlags(1).Expand().Border(wxTOP | wxBOTTOM | wxRIGHT, margin));
    SetSizer(sizer);
}

wxWindow* ReportsPanel::BuildListSide(wxWindow* parent)
{
    auto* side = new wxPanel(parent);
    auto* heading = new wxStaticText(side, wxID_ANY, _("Report definitions"));
    heading->SetFont(heading->GetFont().Bold());
    m_list = new wxListView(side, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(340, -1)),
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->SetName("definitions");
    m_list->AppendColumn(_("Report"), wxLIST_FORMAT_LEFT, FromDIP(210));
    m_list->AppendColumn(_("Source"), wxLIST_FORMAT_LEFT, FromDIP(120));
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, &ReportsPanel::OnListSelected, this);

    m_newButton = new wxButton(side, wxID_ANY, _("&New…"));
    m_newButton->SetToolTip(_("Start a new definition stored in the database"));
    m_newButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { DuplicateDefinition(true); });
    m_duplicateButton = new wxButton(side, wxID_ANY, _("D&uplicate…"));
    m_duplicateButton->SetToolTip(_("Copy the selected definition into the database to adapt it (Ctrl+D)"));
    m_duplicateButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { DuplicateDefinition(false); });
    m_deleteButton = new wxButton(side, wxID_ANY, _("De&lete"));
    m_deleteButton->SetToolTip(_("Delete the selected definition from the database"));
    m_deleteButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { DeleteDefinition(); });
    for (wxWindow* editing : {m_newButton, m_duplicateButton, m_deleteButton})
        ShowWhenAllowed(m_context, editing, AccessNeed::Administer);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(m_newButton);
    buttons->Add(m_duplicateButton, wxSizerFlags().Border(wxLEFT, FromDIP(6)));
    buttons->Add(m_deleteButton, wxSizerFlags().Border(wxLEFT, FromDIP(6)));

    auto* help = Grey(side, _("The definitions shipped with Concerto cannot be changed: duplicate one to adapt it. "
                              "Those stored in the database are shared by everyone who uses it."));
    help->Wrap(FromDIP(340));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(heading, wxSizerFlags().Border(wxBOTTOM, FromDIP(6)));
    sizer->Add(m_list, wxSizerFlags(1).Expand());
    sizer->Add(buttons, wxSizerFlags().Border(wxTOP, FromDIP(8)));
    sizer->Add(help, wxSizerFlags().Border(wxTOP, FromDIP(10)));
    side->SetSizer(sizer);
    return side;
}

wxWindow* ReportsPanel::BuildGeneratePage(wxWindow* parent)
{
    auto* page = new wxPanel(parent);
    const int gap = FromDIP(10);
    auto* heading = new wxStaticText(page, wxID_ANY, _("Parameters"));
    heading->SetFont(heading->GetFont().Bold());
    m_form = new ReportParameterForm(page);
    m_form->OnConsultationChanged([this] { LoadChoices(); });

    m_generateNote = new wxStaticText(page, wxID_ANY, wxString());
    m_generateNote->SetForegroundColour(wxColour(0xC6, 0x28, 0x28));
    m_pdfButton = new wxButton(page, wxID_ANY, _("Generate &PDF…"));
    m_pdfButton->SetName("generate-pdf");
    m_pdfButton->SetToolTip(_("Produce the report as a PDF to print or publish (Ctrl+P)"));
    m_pdfButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Generate("pdf"); });
    m_xlsxButton = new wxButton(page, wxID_ANY, _("Generate &Excel workbook…"));
    m_xlsxButton->SetName("generate-xlsx");
    m_xlsxButton->SetToolTip(_("Produce the report's tables as an Excel workbook (Ctrl+Shift+E)"));
    m_xlsxButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Generate("xlsx"); });
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(m_pdfButton);
    buttons->Add(m_xlsxButton, wxSizerFlags().Border(wxLEFT, FromDIP(8)));

    m_result = new wxStaticText(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                wxST_ELLIPSIZE_MIDDLE | wxST_NO_AUTORESIZE);
    m_result->SetMinSize(wxSize(FromDIP(80), -1));
    m_result->SetName("result");
    m_openButton = new wxButton(page, wxID_ANY, _("&Open"));
    m_openButton->SetToolTip(_("Open the report with the program this computer uses for such files"));
    m_openButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { wxLaunchDefaultApplication(m_lastOutput); });
    m_folderButton = new wxButton(page, wxID_ANY, _("Open the &folder"));
    m_folderButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxLaunchDefaultApplication(wxFileName(m_lastOutput).GetPath());
    });
    m_openButton->Hide();
    m_folderButton->Hide();
    m_runError = new wxStaticText(page, wxID_ANY, wxString());
    m_runError->SetName("run-error");
    m_runError->SetForegroundColour(wxColour(0xC6, 0x28, 0x28));
    m_runError->Hide();
    auto* result = new wxBoxSizer(wxHORIZONTAL);
    result->Add(m_result, wxSizerFlags(1).CenterVertical());
    result->Add(m_openButton, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(8)));
    result->Add(m_folderButton, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(6)));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(heading, wxSizerFlags().Border(wxLEFT | wxTOP | wxRIGHT, gap));
    sizer->Add(m_form, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(2)));
    sizer->Add(new wxStaticLine(page), wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));
    sizer->Add(m_generateNote, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    sizer->Add(buttons, wxSizerFlags().Border(wxALL, gap));
    sizer->Add(m_runError, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));
    sizer->Add(result, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));
    page->SetSizer(sizer);
    return page;
}

wxWindow* ReportsPanel::BuildEditorPage(wxWindow* parent)
{
    auto* page = new wxPanel(parent);
    const int gap = FromDIP(10);
    m_readOnlyNote = new wxStaticText(page, wxID_ANY, _("Shipped with Concerto, read-only: duplicate it to adapt it."));
    m_editCopyButton = new wxButton(page, wxID_ANY, _("Duplicate to &edit…"));
    m_editCopyButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { DuplicateDefinition(false); });
    auto* banner = new wxBoxSizer(wxHORIZONTAL);
    banner->Add(m_readOnlyNote, wxSizerFlags(1).CenterVertical());
    banner->Add(m_editCopyButton, wxSizerFlags().CenterVertical().Border(wxLEFT, gap));

    m_editor = new DefinitionEditor(page);
    m_editor->OnChanged([this] { OnEditorChanged(); });

    m_saveButton = new wxButton(page, wxID_ANY, _("&Save to the database"));
    m_saveButton->SetName("save-definition");
    m_saveButton->SetToolTip(_("Store this text as the definition everyone using the database runs (Ctrl+S)"));
    m_saveButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SaveDefinition(); });
    m_revertButton = new wxButton(page, wxID_ANY, _("&Revert"));
    m_revertButton->SetToolTip(_("Drop the changes and show the definition as stored"));
    m_revertButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (ConfirmDiscard())
            ShowEntry(m_list->GetFirstSelected());
    });
    for (wxWindow* editing : {m_editCopyButton, m_saveButton, m_revertButton})
        ShowWhenAllowed(m_context, editing, AccessNeed::Administer); // definitions are the administrators'
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(m_saveButton);
    buttons->Add(m_revertButton, wxSizerFlags().Border(wxLEFT, FromDIP(8)));
    auto* docs = Grey(page, _("All the keys: docs/report-definitions.md"));
    buttons->Add(docs, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(16)));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(banner, wxSizerFlags().Expand().Border(wxALL, gap));
    sizer->Add(m_editor, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, gap));
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap));
    page->SetSizer(sizer);
    return page;
}

void ReportsPanel::BindKeys()
{
    // Char hook: seen before the focused control, so that the shortcuts work anywhere in the area.
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& event) {
        const int key = event.GetKeyCode();
        const int modifiers = event.GetModifiers();
        if (modifiers == wxMOD_CONTROL && key == 'S' && m_saveButton->IsEnabled())
            SaveDefinition();
        else if (modifiers == wxMOD_CONTROL && key == 'P' && m_pdfButton->IsEnabled())
            Generate("pdf");
        else if (modifiers == (wxMOD_CONTROL | wxMOD_SHIFT) && key == 'E' && m_xlsxButton->IsEnabled())
            Generate("xlsx");
        else if (modifiers == wxMOD_CONTROL && key == 'D' && m_duplicateButton->IsEnabled())
            DuplicateDefinition(false);
        else if (modifiers == wxMOD_NONE && key == WXK_F5) {
            m_tabs->SetSelection(PreviewTab);
            RefreshPreview();
        } else
            event.Skip();
    });
}

void ReportsPanel::WrapDescription()
{
    const int width = m_tabs->GetSize().GetWidth();
    if (width <= 0 || width == m_wrappedAt)
        return;
    m_wrappedAt = width;
    m_description->SetLabel(m_descriptionText);
    m_description->Wrap(width);
    Layout();
}

// --- the list and the selection ------------------------------------------------------------------

void ReportsPanel::Reload()
{
    LoadStored();
}

void ReportsPanel::OnShown()
{
    m_list->SetFocus();
}

void ReportsPanel::LoadStored()
{
    m_context.Worker().Run<std::vector<ReportEntry>>(
        m_lifetime, [](Database& db) { return StoredEntries(db); },
        [this](std::vector<ReportEntry> stored) {
            m_stored = std::move(stored);
            m_loaded = true;
            RebuildList();
        },
        [this](const Error& error) {
            m_loaded = true;
            m_origin->SetLabel(wxString::Format(_("The stored definitions could not be read: %s"),
                                                wxString::FromUTF8(error.what())));
        },
        "report-definitions");
}

void ReportsPanel::RebuildList()
{
    m_entries = m_stored;
    m_entries.insert(m_entries.end(), m_shipped.begin(), m_shipped.end());
    m_selecting = true;
    m_list->DeleteAllItems();
    long selected = -1;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const ReportEntry& entry = m_entries[i];
        const long row = m_list->InsertItem(static_cast<long>(i), wxString::FromUTF8(entry.title));
        m_list->SetItem(row, 1, entry.IsShipped() ? _("Concerto") : _("Database"));
        if (entry.Key() == m_selectedKey)
            selected = row;
    }
    m_selecting = false;
    if (selected < 0 && !m_entries.empty()) {
        selected = 0;
        for (std::size_t i = 0; i < m_entries.size(); ++i)
            if (m_entries[i].IsShipped() && m_entries[i].name == kDefaultDefinition)
                selected = static_cast<long>(i); // the deliverable: what most visits are for
    }
    if (selected >= 0) {
        const bool same = m_entries[static_cast<std::size_t>(selected)].Key() == m_selectedKey;
        m_selecting = same; // the entry shown stays as it is (and so do unsaved edits)
        m_list->Select(selected);
        m_list->EnsureVisible(selected);
        m_selecting = false;
        if (!same)
            ShowEntry(selected);
    }
    UpdateButtons();
}

void ReportsPanel::OnListSelected(wxListEvent& event)
{
    if (m_selecting)
        return;
    const long index = event.GetIndex();
    if (index >= 0 && static_cast<std::size_t>(index) < m_entries.size() &&
        m_entries[static_cast<std::size_t>(index)].Key() == m_selectedKey)
        return;
    if (!ConfirmDiscard()) {
        // Back to the entry being edited.
        for (std::size_t i = 0; i < m_entries.size(); ++i)
            if (m_entries[i].Key() == m_selectedKey) {
                m_selecting = true;
                m_list->Select(static_cast<long>(i));
                m_selecting = false;
            }
        return;
    }
    ShowEntry(index);
}

bool ReportsPanel::ConfirmDiscard()
{
    if (!m_editor->IsModified())
        return true;
    return wxMessageBox(_("The definition has changes that are not saved. Drop them?"), _("Unsaved changes"),
                        wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this) == wxYES;
}

const ReportEntry* ReportsPanel::Selected() const
{
    for (const ReportEntry& entry : m_entries)
        if (entry.Key() == m_selectedKey)
            return &entry;
    return nullptr;
}

bool ReportsPanel::SelectDefinition(const std::string& name)
{
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].name == name) {
            m_selecting = true;
            m_list->Select(static_cast<long>(i));
            m_list->EnsureVisible(static_cast<long>(i));
            m_selecting = false;
            ShowEntry(static_cast<long>(i));
            return true;
        }
    return false;
}

void ReportsPanel::ShowEntry(int index)
{
    if (index < 0 || static_cast<std::size_t>(index) >= m_entries.size())
        return;
    const ReportEntry& entry = m_entries[static_cast<std::size_t>(index)];
    m_selectedKey = entry.Key();
    m_title->SetLabel(wxString::FromUTF8(entry.title));
    m_origin->SetLabel(wxString::Format(entry.IsShipped() ? _("%s · shipped with Concerto")
                                                          : _("%s · stored in the database"),
                                        wxString::FromUTF8(entry.name)));
    m_descriptionText = wxString::FromUTF8(entry.description);
    m_wrappedAt = 0;
    WrapDescription();
    m_readOnlyNote->GetContainingSizer()->Show(entry.IsShipped());
    m_editCopyButton->Show(entry.IsShipped() && Allows(m_context.GetAccess(), AccessNeed::Administer));
    m_readOnlyNote->GetParent()->Layout(); // the tab's page, which has no size event to do it
    m_editor->SetDefinitionText(entry.text, entry.FileName(), entry.IsShipped());
    m_previewShown = false;
    if (m_tabs->GetSelection() == PreviewTab)
        RefreshPreview();
    else
        m_preview->ShowMessage(_("Press « Refresh the preview » (F5) to see the report's pages."));
    Layout();
}

void ReportsPanel::OnEditorChanged()
{
    const report::ParseResult& result = m_editor->Result();
    if (result.definition) {
        m_definition = *result.definition;
        RebuildForm();
    } else if (!Selected()) {
        m_definition.reset();
    }
    // With errors, the last valid version stays usable for the form; generation waits.
    UpdateButtons();
}

void ReportsPanel::RebuildForm()
{
    if (!m_definition)
        return;
    const std::string signature = m_selectedKey + "\n" + Signature(*m_definition);
    if (signature == m_formSignature)
        return;
    m_formSignature = signature;
    m_form->Build(report::DescribeParameters(*m_definition), m_context.ConsultationId());
    LoadChoices();
}

void ReportsPanel::LoadChoices()
{
    if (!m_definition)
        return;
    std::vector<std::string> names;
    for (const report::ParameterInfo& p : m_form->Parameters())
        if (p.hasChoices)
            names.push_back(p.name);
    if (names.empty())
        return;
    const report::Definition definition = *m_definition;
    const std::string consultation = m_form->Consultation();
    using Choices = std::map<std::string, std::vector<report::Choice>>;
    m_context.Worker().Run<Choices>(
        m_lifetime,
        [definition, names, consultation](Database& db) {
            Choices choices;
            for (const std::string& name : names)
                choices[name] = report::ParameterChoices(db, definition, name, consultation);
            return choices;
        },
        [this](Choices choices) { m_form->SetChoices(choices); },
        [this](const Error& error) {
            m_generateNote->SetLabel(wxString::Format(_("The parameters' choices could not be read: %s"),
                                                      wxString::FromUTF8(error.what())));
        },
        "report-choices");
}

void ReportsPanel::UpdateButtons()
{
    const ReportEntry* entry = Selected();
    const bool stored = entry && !entry->IsShipped();
    const bool running = IsGenerating();
    const bool valid = m_editor->Result().definition.has_value();
    m_duplicateButton->Enable(entry != nullptr);
    m_deleteButton->Enable(stored);
    m_saveButton->Enable(stored && m_editor->IsModified());
    m_revertButton->Enable(stored && m_editor->IsModified());
    m_pdfButton->Enable(valid && !running && m_definition->Allows("pdf"));
    m_xlsxButton->Enable(valid && !running && m_definition->Allows("xlsx"));
    wxString note;
    if (!entry)
        note = _("Choose a definition in the list.");
    else if (!valid)
        note = _("The definition has problems: correct them in the « Definition » tab before generating.");
    else if (!m_definition->Allows("pdf"))
        note = _("This report exists only as an Excel workbook.");
    else if (!m_definition->Allows("xlsx"))
        note = _("This report exists only as a PDF.");
    m_generateNote->SetForegroundColour(valid ? wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT)
                                              : wxColour(0xC6, 0x28, 0x28));
    if (m_generateNote->GetLabel() != note) {
        m_generateNote->SetLabel(note);
        m_generateNote->GetParent()->Layout();
    }
}

} // namespace concerto
