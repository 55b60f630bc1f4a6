// The import wizard's mapping page: one row per native field with the file column it reads (or
// a value given once for every row), the mapping the rows start from (native, a platform's
// preset, a saved one) and saving the rows as a new mapping.

#include "dialogs/import_wizard.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/panel.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>

namespace concerto {

namespace {

// The first two entries of every field's column choice; file columns follow.
constexpr int kNotImported = 0;
constexpr int kConstantOnly = 1;
constexpr int kFirstColumn = 2;

/// A header name as the importer compares it: trimmed, lower case, accents removed.
wxString Folded(const std::string& text)
{
    static const wxString from = wxString::FromUTF8("àâäáãåçéèêëîïíìôöóòõùûüúÿœ");
    static const wxString to = "aaaaaaceeeeiiiiooooouuuuyo";
    wxString folded = wxString::FromUTF8(text).Strip(wxString::both).Lower();
    for (auto it = folded.begin(); it != folded.end(); ++it) {
        const int at = from.Find(*it);
        if (at != wxNOT_FOUND)
            *it = to[static_cast<size_t>(at)];
    }
    return folded;
}

bool IsRequired(ImportKind kind, const std::string& field)
{
    const auto& required = RequiredFields(kind);
    return std::find(required.begin(), required.end(), field) != required.end();
}

} // namespace

wxWindow* ImportWizard::BuildMappingPage(wxWindow* parent)
{
    auto* page = new wxPanel(parent);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(page, wxID_ANY, _("Start &from:")),
             wxSizerFlags().CenterVertical().Border(wxRIGHT, SmallGap()));
    m_mappingChoice = new wxChoice(page, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(380, -1)));
    row->Add(m_mappingChoice, wxSizerFlags().CenterVertical().Border(wxRIGHT, LargeGap()));
    auto* save = new wxButton(page, wxID_ANY, _("&Save this mapping…"));
    row->Add(save, wxSizerFlags().CenterVertical());
    sizer->Add(row, wxSizerFlags().Expand().Border(wxBOTTOM, SmallGap()));
    auto* help = new wxStaticText(page, wxID_ANY,
                                  _("Choose the file column of each field (* = required). A default value fills empty "
                                    "cells, or every row when no column is chosen. A field not imported stays as it "
                                    "is on existing rows."));
    help->Wrap(FromDIP(840));
    sizer->Add(help, wxSizerFlags().Expand().Border(wxBOTTOM, SmallGap()));
    m_fieldPanel = new wxScrolledWindow(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    m_fieldPanel->SetScrollRate(0, FromDIP(10));
    m_fieldGrid = new wxFlexGridSizer(4, wxSize(LargeGap(), SmallGap()));
    m_fieldGrid->AddGrowableCol(1, 2);
    m_fieldGrid->AddGrowableCol(2, 1);
    m_fieldGrid->AddGrowableCol(3, 2);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(m_fieldGrid, wxSizerFlags(1).Expand().Border(wxRIGHT, LargeGap()));
    m_fieldPanel->SetSizer(outer);
    sizer->Add(m_fieldPanel, wxSizerFlags(1).Expand());
    page->SetSizer(sizer);
    m_mappingChoice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { OnMappingChosen(); });
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnSaveMapping(); });
    return page;
}

void ImportWizard::RebuildFieldRows()
{
    const ImportKind kind = Kind();
    std::string key = ToCode(kind);
    for (const std::string& name : m_previewData.header)
        key += '\x1f' + name;
    if (key == m_fieldRowsFor)
        return;
    m_fieldRowsFor = key;

    m_fieldPanel->Freeze();
    m_fieldGrid->Clear(true);
    m_fieldRows.clear();
    const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    for (const wxString& title : {_("Field"), _("File column"), _("Default value"), _("First row")}) {
        auto* text = new wxStaticText(m_fieldPanel, wxID_ANY, title);
        text->SetFont(text->GetFont().Bold());
        m_fieldGrid->Add(text);
    }
    wxArrayString columns;
    columns.Add(_("— not imported —"));
    columns.Add(_("(the default value)"));
    for (size_t i = 0; i < m_previewData.header.size(); ++i) {
        const wxString name = wxString::FromUTF8(m_previewData.header[i]);
        columns.Add(name.empty() ? wxString::Format(_("Column %d (no name)"), static_cast<int>(i + 1)) : name);
    }
    for (const std::string& field : NativeFields(kind)) {
        FieldRow row;
        row.field = field;
        const wxString label =
            NativeFieldLabel(field) + " (" + wxString::FromUTF8(field) + ")" + (IsRequired(kind, field) ? " *" : "");
        m_fieldGrid->Add(new wxStaticText(m_fieldPanel, wxID_ANY, label), wxSizerFlags().CenterVertical());
        row.choice = new wxChoice(m_fieldPanel, wxID_ANY, wxDefaultPosition, wxDefaultSize, columns);
        row.choice->SetName("field-" + wxString::FromUTF8(field));
        m_fieldGrid->Add(row.choice, wxSizerFlags().Expand().CenterVertical());
        row.constant = new wxTextCtrl(m_fieldPanel, wxID_ANY);
        m_fieldGrid->Add(row.constant, wxSizerFlags().Expand().CenterVertical());
        row.sample = new wxStaticText(m_fieldPanel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                      wxST_ELLIPSIZE_END | wxST_NO_AUTORESIZE);
        row.sample->SetForegroundColour(grey);
        m_fieldGrid->Add(row.sample, wxSizerFlags().Expand().CenterVertical());
        m_fieldRows.push_back(row);
    }
    for (size_t i = 0; i < m_fieldRows.size(); ++i) {
        m_fieldRows[i].choice->Bind(wxEVT_CHOICE, [this, i](wxCommandEvent&) {
            m_mappingEdited = true;
            OnFieldChanged(m_fieldRows[i]);
        });
        m_fieldRows[i].constant->Bind(wxEVT_TEXT, [this, i](wxCommandEvent&) {
            if (m_fieldRows[i].constant->IsModified())
                m_mappingEdited = true;
            OnFieldChanged(m_fieldRows[i]);
        });
    }
    m_fieldPanel->Thaw();
    m_fieldPanel->GetParent()->Layout();
    m_fieldPanel->FitInside();

    // The shipped mappings now; the saved ones when they have been read.
    m_mappings = {NativeMapping(kind)};
    for (const std::string& name : PresetNames(kind))
        if (auto preset = FindPreset(name, kind))
            m_mappings.push_back(*preset);
    m_savedStart = m_mappings.size();
    const auto detected = DetectPreset(m_previewData.header, kind);
    FillMappingChoice(detected ? detected->name : std::string());
    OnMappingChosen();
    RequestSavedMappings(kind);
}

void ImportWizard::FillMappingChoice(const std::string& select)
{
    m_mappingChoice->Clear();
    int selection = 0;
    for (size_t i = 0; i < m_mappings.size(); ++i) {
        const wxString name = wxString::FromUTF8(m_mappings[i].name);
        if (i == 0)
            m_mappingChoice->Append(_("Concerto's format (same column names)"));
        else if (i < m_savedStart)
            m_mappingChoice->Append(wxString::Format(_("Platform export: %s"), name));
        else
            m_mappingChoice->Append(wxString::Format(_("Saved mapping: %s"), name));
        if (i > 0 && m_mappings[i].name == select)
            selection = static_cast<int>(i);
    }
    m_mappingChoice->SetSelection(selection);
}

void ImportWizard::ShowSavedMappings(const std::vector<ColumnMapping>& mappings)
{
    const int selected = m_mappingChoice->GetSelection();
    const std::string keep = selected > 0 ? m_mappings[static_cast<size_t>(selected)].name : std::string();
    m_mappings.resize(m_savedStart);
    for (const ColumnMapping& mapping : mappings)
        if (mapping.kind == Kind())
            m_mappings.push_back(mapping);
    FillMappingChoice(keep);
}

void ImportWizard::OnMappingChosen()
{
    const int selected = m_mappingChoice->GetSelection();
    if (selected == wxNOT_FOUND || static_cast<size_t>(selected) >= m_mappings.size())
        return;
    ApplyMapping(m_mappings[static_cast<size_t>(selected)]);
    m_mappingEdited = false;
}

std::optional<std::size_t> ImportWizard::MatchColumn(const FieldSource& source) const
{
    const auto& header = m_previewData.header;
    for (const std::string& wanted : source.columns) {
        const wxString name = Folded(wanted);
        if (name.EndsWith("/*")) {
            // A locale column: "title/*" reads "title/fr" first, else the first "title/<locale>".
            const wxString prefix = name.Left(name.length() - 1);
            std::optional<std::size_t> first;
            for (size_t i = 0; i < header.size(); ++i) {
                const wxString cell = Folded(header[i]);
                if (!cell.StartsWith(prefix) || cell.length() == prefix.length() ||
                    cell.Mid(prefix.length()).Find('/') != wxNOT_FOUND)
                    continue;
                if (cell.Mid(prefix.length()) == "fr")
                    return i;
                if (!first)
                    first = i;
            }
            if (first)
                return first;
            continue;
        }
        for (size_t i = 0; i < header.size(); ++i)
            if (Folded(header[i]) == name)
                return i;
    }
    return std::nullopt;
}

void ImportWizard::ApplyMapping(const ColumnMapping& mapping)
{
    for (FieldRow& row : m_fieldRows) {
        const FieldSource* source = mapping.Find(row.field);
        int selection = kNotImported;
        wxString constant;
        row.transform = FieldSource::Transform::None;
        if (source) {
            const auto column = MatchColumn(*source);
            constant = wxString::FromUTF8(source->constant);
            row.transform = source->transform;
            if (column)
                selection = kFirstColumn + static_cast<int>(*column);
            else if (!source->constant.empty())
                selection = kConstantOnly;
        }
        row.choice->SetSelection(selection);
        row.constant->ChangeValue(selection == kNotImported ? wxString() : constant);
        OnFieldChanged(row);
    }
}

void ImportWizard::OnFieldChanged(FieldRow& row)
{
    const int selection = row.choice->GetSelection();
    row.constant->Enable(selection != kNotImported);
    wxString sample;
    if (selection >= kFirstColumn && !m_previewData.rows.empty()) {
        const auto& cells = m_previewData.rows.front();
        const auto column = static_cast<size_t>(selection - kFirstColumn);
        if (column < cells.size())
            sample = wxString::FromUTF8(cells[column]);
    }
    if (row.transform == FieldSource::Transform::HtmlToText)
        sample = wxString::FromUTF8(HtmlToText(sample.utf8_string()));
    if (sample.empty() && selection != kNotImported)
        sample = row.constant->GetValue();
    sample.Replace("\n", " ");
    row.sample->SetLabel(sample.Left(120));
    row.sample->SetToolTip(sample.Left(500));
}

ColumnMapping ImportWizard::Mapping() const
{
    ColumnMapping mapping;
    mapping.kind = Kind();
    const int selected = m_mappingChoice->GetSelection();
    if (!m_mappingEdited && selected != wxNOT_FOUND && static_cast<size_t>(selected) < m_mappings.size())
        mapping.name = m_mappings[static_cast<size_t>(selected)].name;
    for (const FieldRow& row : m_fieldRows) {
        const int selection = row.choice->GetSelection();
        if (selection == kNotImported || selection == wxNOT_FOUND)
            continue;
        FieldSource source;
        source.constant = row.constant->GetValue().utf8_string();
        if (selection >= kFirstColumn) {
            source.columns = {m_previewData.header[static_cast<size_t>(selection - kFirstColumn)]};
            source.transform = row.transform;
        }
        mapping.fields.emplace_back(row.field, source);
    }
    return mapping;
}

wxChoice* ImportWizard::FieldChoice(const std::string& field) const
{
    for (const FieldRow& row : m_fieldRows)
        if (row.field == field)
            return row.choice;
    return nullptr;
}

bool ImportWizard::CheckMapping()
{
    for (const FieldRow& row : m_fieldRows) {
        if (!IsRequired(Kind(), row.field))
            continue;
        const int selection = row.choice->GetSelection();
        const bool given = selection >= kFirstColumn ||
                           (selection == kConstantOnly && !row.constant->GetValue().Strip(wxString::both).empty());
        if (!given) {
            SetProblem(wxString::Format(_("The field « %s » is required: choose the file column that holds it, or "
                                          "give a default value."),
                                        NativeFieldLabel(row.field)));
            row.choice->SetFocus();
            return false;
        }
    }
    return true;
}

void ImportWizard::OnSaveMapping()
{
    wxTextEntryDialog ask(this, _("Name of the mapping, to choose it again for the next files of this kind:"),
                          _("Save this mapping"));
    if (ask.ShowModal() == wxID_OK)
        SaveMappingAs(ask.GetValue());
}

bool ImportWizard::SaveMappingAs(const wxString& name)
{
    const wxString trimmed = wxString(name).Strip(wxString::both);
    if (trimmed.empty()) {
        SetProblem(_("Give the mapping a name."));
        return false;
    }
    ColumnMapping mapping = Mapping();
    mapping.name = trimmed.utf8_string();
    const wxString problem = SaveMapping(mapping);
    if (!problem.empty()) {
        SetProblem(problem);
        return false;
    }
    SetProblem(wxString());
    auto same = std::find_if(m_mappings.begin() + static_cast<long>(m_savedStart), m_mappings.end(),
                             [&](const ColumnMapping& m) { return m.name == mapping.name; });
    if (same != m_mappings.end())
        *same = mapping;
    else
        m_mappings.push_back(mapping);
    FillMappingChoice(mapping.name);
    m_mappingEdited = false;
    return true;
}

} // namespace concerto
