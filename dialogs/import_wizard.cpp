// The import wizard's frame: its pages, the navigation between them, and the first two pages
// (what and which file; how to read it, with the preview). The mapping page is in
// import_wizard_mapping.cpp, the options, simulation and import pages in import_wizard_run.cpp.

#include "dialogs/import_wizard.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filename.h>
#include <wx/filepicker.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/radiobox.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/statline.h>
#include <wx/stattext.h>

namespace concerto {

namespace {

/// How many data rows the reading page shows.
constexpr int kPreviewRows = 20;
/// The width problem lines wrap to, in DIPs.
constexpr int kProblemWidth = 820;

wxString FileWildcard()
{
    return _("Tables (*.csv;*.xlsx;*.txt)|*.csv;*.xlsx;*.CSV;*.XLSX;*.txt|CSV files (*.csv)|*.csv;*.CSV|Excel "
             "workbooks (*.xlsx)|*.xlsx;*.XLSX|All files|*");
}

wxString StepTitle(int page)
{
    switch (page) {
    case ImportWizard::SourcePage:
        return _("What to import");
    case ImportWizard::ReadingPage:
        return _("Reading the file");
    case ImportWizard::MappingPage:
        return _("Columns of the file");
    case ImportWizard::OptionsPage:
        return _("Options");
    case ImportWizard::SimulationPage:
        return _("Simulation");
    default:
        return _("Import");
    }
}

wxString NativeColumnsText(ImportKind kind)
{
    wxString columns;
    for (const std::string& field : NativeFields(kind))
        columns += (columns.empty() ? "" : ", ") + wxString::FromUTF8(field);
    return wxString::Format(_("Columns of Concerto's own format: %s. Exports of the Decidim platform are recognised "
                              "too, and any other file can be matched column by column."),
                            columns);
}

} // namespace

void TranslateBrowseButton(wxFilePickerCtrl* picker)
{
    // Its label comes from wxWidgets' own catalog, which is often not installed.
    if (auto* button = dynamic_cast<wxButton*>(picker->GetPickerCtrl()))
        button->SetLabel(_("Browse…"));
}

wxString NativeFieldLabel(const std::string& field)
{
    static const std::map<std::string, wxString> labels = {
        {"external_id", _("Identifier in the source")},
        {"received_at", _("Received on")},
        {"channel", _("Channel")},
        {"meeting", _("Meeting")},
        {"neighbourhood", _("Neighbourhood")},
        {"card", _("Card")},
        {"profile", _("Profile")},
        {"title", _("Title")},
        {"text", _("Text")},
        {"tags", _("Tags")},
        {"labels", _("Labels")},
        {"quote", _("Quote")},
        {"ref", _("Reference")},
        {"theme", _("Theme")},
        {"description", _("Description")},
        {"status", _("Status")},
        {"date", _("Date")},
        {"place", _("Place")},
        {"attendance", _("Attendance")},
    };
    const auto found = labels.find(field);
    return found == labels.end() ? wxString::FromUTF8(field) : found->second;
}

ImportWizard::ImportWizard(wxWindow* parent, const wxString& consultationTitle,
                           std::function<wxString(long long)> formatCount)
    : StandardDialog(parent, wxString::Format(_("Import into « %s »"), consultationTitle), 0,
                     wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_formatCount(std::move(formatCount))
{
    if (!m_formatCount)
        m_formatCount = [](long long value) { return wxString::Format("%lld", value); };
    m_step = AddHeading(StepTitle(SourcePage));
    m_book = new wxSimplebook(this);
    m_book->AddPage(BuildSourcePage(m_book), wxString());
    m_book->AddPage(BuildReadingPage(m_book), wxString());
    m_book->AddPage(BuildMappingPage(m_book), wxString());
    m_book->AddPage(BuildOptionsPage(m_book), wxString());
    m_book->AddPage(BuildSimulationPage(m_book), wxString());
    m_book->AddPage(BuildImportPage(m_book), wxString());
    ContentSizer()->Add(m_book, wxSizerFlags(1).Expand());
    m_problem = new wxStaticText(this, wxID_ANY, wxString());
    m_problem->SetForegroundColour(wxColour(176, 0, 32));
    m_problem->Hide();
    ContentSizer()->Add(m_problem, wxSizerFlags().Expand().Border(wxTOP, SmallGap()));
    ContentSizer()->Add(new wxStaticLine(this), wxSizerFlags().Expand().Border(wxTOP | wxBOTTOM, LargeGap()));
    ContentSizer()->Add(BuildButtonRow(), wxSizerFlags().Expand());
    FinishLayout();
    SetMinSize(FromDIP(wxSize(900, 620)));
    SetSize(FromDIP(wxSize(900, 620)));
    CentreOnParent();
    Bind(wxEVT_CLOSE_WINDOW, &ImportWizard::OnClose, this);
    ShowPage(SourcePage);
}

ImportWizard::~ImportWizard() = default;

wxBoxSizer* ImportWizard::BuildButtonRow()
{
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_cancel = new wxButton(this, wxID_CANCEL, _("Cancel"));
    m_back = new wxButton(this, wxID_BACKWARD, _("< &Back"));
    m_next = new wxButton(this, wxID_FORWARD, _("&Next >"));
    m_next->SetDefault();
    row->Add(m_cancel);
    row->AddStretchSpacer();
    row->Add(m_back, wxSizerFlags().Border(wxRIGHT, SmallGap()));
    row->Add(m_next);
    m_cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnCancelButton(); });
    m_back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { GoBack(); });
    m_next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { GoNext(); });
    return row;
}

wxWindow* ImportWizard::BuildSourcePage(wxWindow* parent)
{
    auto* page = new wxPanel(parent);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const wxString kinds[] = {_("Contributions"), _("Commitments of the programme"), _("Meetings")};
    m_kind = new wxRadioBox(page, wxID_ANY, _("What the file holds"), wxDefaultPosition, wxDefaultSize, 3, kinds, 1,
                            wxRA_SPECIFY_COLS);
    sizer->Add(m_kind, wxSizerFlags().Expand().Border(wxBOTTOM, LargeGap()));
    sizer->Add(new wxStaticText(page, wxID_ANY, _("&File (CSV or Excel workbook):")),
               wxSizerFlags().Border(wxBOTTOM, SmallGap()));
    m_file =
        new wxFilePickerCtrl(page, wxID_ANY, wxString(), _("Choose the file to import"), FileWildcard(),
                             wxDefaultPosition, wxDefaultSize, wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
    sizer->Add(m_file, wxSizerFlags().Expand().Border(wxBOTTOM, LargeGap()));
    TranslateBrowseButton(m_file);
    auto* columns = new wxStaticText(page, wxID_ANY, NativeColumnsText(ImportKind::Contributions));
    columns->SetName("native-columns");
    columns->Wrap(FromDIP(kProblemWidth));
    sizer->Add(columns, wxSizerFlags().Expand().Border(wxBOTTOM, SmallGap()));
    auto* note = new wxStaticText(page, wxID_ANY,
                                  _("Nothing is saved before the last step: a simulation first shows what the import "
                                    "would create and change. An import is all or nothing; cancelling it leaves the "
                                    "database as it was."));
    note->Wrap(FromDIP(kProblemWidth));
    sizer->Add(note, wxSizerFlags().Expand());
    page->SetSizer(sizer);
    m_kind->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent&) { OnKindChanged(); });
    m_file->Bind(wxEVT_FILEPICKER_CHANGED, [this](wxFileDirPickerEvent&) { OnFileChanged(); });
    return page;
}

wxWindow* ImportWizard::BuildReadingPage(wxWindow* parent)
{
    auto* page = new wxPanel(parent);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto label = [&](const wxString& text) {
        row->Add(new wxStaticText(page, wxID_ANY, text), wxSizerFlags().CenterVertical().Border(wxRIGHT, SmallGap()));
    };
    label(_("&Encoding:"));
    const wxString encodings[] = {_("Automatic"), "UTF-8", "Windows-1252"};
    m_encoding = new wxChoice(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, 3, encodings);
    m_encoding->SetSelection(0);
    row->Add(m_encoding, wxSizerFlags().CenterVertical().Border(wxRIGHT, LargeGap()));
    label(_("&Separator:"));
    const wxString delimiters[] = {_("Automatic"), _("; (semicolon)"), _(", (comma)"), _("tab")};
    m_delimiter = new wxChoice(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, 4, delimiters);
    m_delimiter->SetSelection(0);
    row->Add(m_delimiter, wxSizerFlags().CenterVertical().Border(wxRIGHT, LargeGap()));
    label(_("S&heet:"));
    m_sheet = new wxChoice(page, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(180, -1)));
    row->Add(m_sheet, wxSizerFlags().CenterVertical());
    sizer->Add(row, wxSizerFlags().Expand().Border(wxBOTTOM, SmallGap()));
    m_detected = new wxStaticText(page, wxID_ANY, wxString());
    m_detected->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    sizer->Add(m_detected, wxSizerFlags().Expand().Border(wxBOTTOM, SmallGap()));
    m_preview = new wxListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_HRULES);
    sizer->Add(m_preview, wxSizerFlags(1).Expand());
    m_previewProblem = new wxStaticText(page, wxID_ANY, wxString());
    m_previewProblem->SetForegroundColour(wxColour(176, 0, 32));
    sizer->Add(m_previewProblem, wxSizerFlags().Expand().Border(wxTOP, SmallGap()));
    page->SetSizer(sizer);
    for (wxChoice* choice : {m_encoding, m_delimiter, m_sheet})
        choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ReadPreview(); });
    return page;
}

void ImportWizard::ShowPage(int page)
{
    m_page = page;
    m_book->ChangeSelection(static_cast<size_t>(page));
    m_step->SetLabel(wxString::Format(_("Step %d of %d: %s"), page + 1, static_cast<int>(PageCount), StepTitle(page)));
    SetProblem(wxString());
    UpdateButtons();
    Layout();
}

void ImportWizard::UpdateButtons()
{
    const bool done = m_page == ImportPage && !m_running;
    m_back->Enable(m_page > SourcePage && !m_running && !m_imported);
    m_back->Show(!m_imported);
    // Once the import has ended, the button on the right closes, as the last step of a wizard does.
    m_next->Show(m_page != ImportPage || done);
    m_cancel->Show(!done);
    bool nextEnabled = !m_running;
    if (m_page == ReadingPage)
        nextEnabled = nextEnabled && !m_previewPending && m_previewData.headerRead;
    if (m_page == SimulationPage)
        nextEnabled = nextEnabled && m_simulated && (m_simulated->rejected == 0 || m_skipInvalid->GetValue()) &&
                      m_simulated->rows > m_simulated->rejected;
    m_next->Enable(nextEnabled);
    m_next->SetLabel(m_page == OptionsPage      ? _("&Simulate >")
                     : m_page == SimulationPage ? _("&Import")
                     : done                     ? _("Close")
                                                : _("&Next >"));
    m_cancel->GetContainingSizer()->Layout();
}

void ImportWizard::SetProblem(const wxString& message)
{
    if (message.empty()) {
        m_problem->SetLabel(wxString());
        m_problem->Hide();
        Layout();
        return;
    }
    // Not ShowInlineProblem(): it grows the dialog to the lists' full width, off a small screen;
    // the pages give up the room instead.
    m_problem->SetLabel(message);
    m_problem->Wrap(FromDIP(kProblemWidth));
    m_problem->Show();
    Layout();
}

wxString ImportWizard::ProblemText() const
{
    return m_problem->IsShown() ? m_problem->GetLabel() : wxString();
}

bool ImportWizard::GoNext()
{
    if (m_running || !m_next->IsEnabled())
        return false;
    switch (m_page) {
    case SourcePage:
        if (!CheckSource())
            return false;
        ShowPage(ReadingPage);
        if (!m_previewData.headerRead)
            ReadPreview();
        return true;
    case ReadingPage:
        ShowPage(MappingPage);
        RebuildFieldRows();
        return true;
    case MappingPage:
        if (!CheckMapping())
            return false;
        UpdateRejectsPicker();
        ShowPage(OptionsPage);
        return true;
    case OptionsPage:
        ShowPage(SimulationPage);
        StartSimulation();
        return true;
    case SimulationPage:
        StartImport();
        return true;
    case ImportPage:
        Close();
        return true;
    default:
        return false;
    }
}

void ImportWizard::GoBack()
{
    if (m_running || m_page == SourcePage || m_imported)
        return;
    ShowPage(m_page == ImportPage ? OptionsPage : m_page - 1);
}

void ImportWizard::OnCancelButton()
{
    if (m_running)
        CancelRun();
    else
        Close();
}

void ImportWizard::OnClose(wxCloseEvent& event)
{
    if (m_running && event.CanVeto()) {
        // The work must end first (it rolls back); the wizard closes once it has.
        m_closeWhenStopped = true;
        CancelRun();
        event.Veto();
        return;
    }
    Destroy();
}

void ImportWizard::CancelRun()
{
    if (!m_running)
        return;
    m_next->Disable();
    m_cancel->Disable();
    StopRun();
}

ImportKind ImportWizard::Kind() const
{
    switch (m_kind->GetSelection()) {
    case 1:
        return ImportKind::Commitments;
    case 2:
        return ImportKind::Meetings;
    default:
        return ImportKind::Contributions;
    }
}

std::string ImportWizard::FilePath() const
{
    return m_file->GetPath().utf8_string();
}

TabularOptions ImportWizard::ReadingOptions() const
{
    TabularOptions options;
    const TextEncoding encodings[] = {TextEncoding::Auto, TextEncoding::Utf8, TextEncoding::Windows1252};
    options.encoding = encodings[std::max(0, m_encoding->GetSelection())];
    const char delimiters[] = {0, ';', ',', '\t'};
    options.delimiter = delimiters[std::max(0, m_delimiter->GetSelection())];
    if (m_sheet->GetSelection() != wxNOT_FOUND)
        options.sheet = m_sheet->GetStringSelection().utf8_string();
    return options;
}

void ImportWizard::ChooseFile(const wxString& path)
{
    m_file->SetPath(path);
    OnFileChanged();
}

bool ImportWizard::CheckSource()
{
    const wxString path = m_file->GetPath();
    if (path.empty()) {
        SetProblem(_("Choose the file to import."));
        m_file->SetFocus();
        return false;
    }
    if (!wxFileName::FileExists(path)) {
        SetProblem(wxString::Format(_("The file %s does not exist. Check its name and folder."), path));
        m_file->SetFocus();
        return false;
    }
    return true;
}

void ImportWizard::OnKindChanged()
{
    if (auto* columns = dynamic_cast<wxStaticText*>(FindWindowByName("native-columns", this))) {
        columns->SetLabel(NativeColumnsText(Kind()));
        columns->Wrap(FromDIP(kProblemWidth));
    }
    m_book->GetPage(SourcePage)->Layout();
    m_fieldRowsFor.clear();
    m_simulated.reset();
}

void ImportWizard::OnFileChanged()
{
    // Another file: its own sheets, its own preview, its own columns.
    m_previewData = ImportPreview();
    m_sheet->Clear();
    m_fieldRowsFor.clear();
    m_simulated.reset();
    SetProblem(wxString());
}

void ImportWizard::ReadPreview()
{
    m_previewPending = true;
    m_previewProblem->SetLabel(_("Reading the file…"));
    UpdateButtons();
    RequestPreview(FilePath(), ReadingOptions());
}

void ImportWizard::ShowPreview(const ImportPreview& preview)
{
    m_previewPending = false;
    m_previewData = preview;
    if (preview.isWorkbook && m_sheet->IsEmpty()) {
        for (const std::string& sheet : preview.sheets)
            m_sheet->Append(wxString::FromUTF8(sheet));
        m_sheet->SetStringSelection(wxString::FromUTF8(preview.sheet));
    }
    m_encoding->Enable(!preview.isWorkbook);
    m_delimiter->Enable(!preview.isWorkbook);
    m_sheet->Enable(preview.isWorkbook && m_sheet->GetCount() > 1);
    if (preview.isWorkbook)
        m_detected->SetLabel(wxString::Format(_("Excel workbook, sheet « %s »: the header and the first rows."),
                                              wxString::FromUTF8(preview.sheet)));
    else
        m_detected->SetLabel(wxString::Format(_("Read as %s, separated by %s: the header and the first rows."),
                                              preview.encoding == TextEncoding::Windows1252 ? "Windows-1252" : "UTF-8",
                                              preview.delimiter == '\t'  ? _("tabs")
                                              : preview.delimiter == ';' ? _("semicolons")
                                                                         : _("commas")));
    FillPreviewList();
    m_previewProblem->SetLabel(wxString::FromUTF8(preview.error));
    m_previewProblem->Wrap(m_previewProblem->GetParent()->GetClientSize().GetWidth() - 4);
    m_fieldRowsFor.clear();
    m_simulated.reset();
    m_book->GetPage(ReadingPage)->Layout();
    UpdateButtons();
}

void ImportWizard::FillPreviewList()
{
    m_preview->Freeze();
    m_preview->ClearAll();
    if (m_previewData.headerRead) {
        m_preview->AppendColumn(_("Line"), wxLIST_FORMAT_RIGHT, FromDIP(52));
        for (const std::string& name : m_previewData.header)
            m_preview->AppendColumn(wxString::FromUTF8(name), wxLIST_FORMAT_LEFT, FromDIP(130));
        const long count = std::min<long>(kPreviewRows, static_cast<long>(m_previewData.rows.size()));
        for (long i = 0; i < count; ++i) {
            const long item = m_preview->InsertItem(i, m_formatCount(static_cast<long long>(m_previewData.lines[i])));
            const auto& cells = m_previewData.rows[i];
            for (size_t c = 0; c < cells.size(); ++c) {
                // One line per cell: a multi-line text shows its first line and a mark.
                wxString text = wxString::FromUTF8(cells[c]);
                if (text.Find('\n') != wxNOT_FOUND)
                    text = text.BeforeFirst('\n').Trim() + " …";
                m_preview->SetItem(item, static_cast<long>(c + 1), text.Left(200));
            }
        }
    }
    m_preview->Thaw();
}

} // namespace concerto
