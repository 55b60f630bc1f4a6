// What the « Rapports » area does: produce a report to a file, save, duplicate and delete
// stored definitions, and produce the preview.

#include "app/access_ui.h"
#include "app/report_editor.h"
#include "app/report_form.h"
#include "app/report_panel.h"
#include "app/report_preview.h"
#include "app/report_run.h"
#include "db/repositories.h"
#include "dialogs/conflict_dialog.h"
#include "dialogs/report_name_dialog.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/config.h>
#include <wx/datetime.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/settings.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>

namespace concerto {

namespace {

const char* const kFolderKey = "Reports/Folder";

wxString Utf8(const std::string& text)
{
    return wxString::FromUTF8(text);
}

} // namespace

// --- producing a report ----------------------------------------------------------------------------

bool ReportsPanel::IsGenerating() const
{
    return m_run && m_run->IsRunning();
}

void ReportsPanel::Generate(const std::string& format)
{
    const ReportEntry* entry = Selected();
    if (!entry || !m_definition || IsGenerating())
        return;
    const bool pdf = format == "pdf";
    const wxString folder = wxConfigBase::Get()->Read(kFolderKey, wxStandardPaths::Get().GetDocumentsDir());
    const wxString name = Utf8(entry->name) + "-" + wxDateTime::Today().FormatISODate() + "." + format;
    wxFileDialog dialog(this, pdf ? _("Save the PDF report") : _("Save the Excel workbook"), folder, name,
                        pdf ? _("PDF documents (*.pdf)|*.pdf") : _("Excel workbooks (*.xlsx)|*.xlsx"),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK)
        return;
    wxFileName path(dialog.GetPath());
    if (!path.GetExt().IsSameAs(format, false))
        path.SetFullName(path.GetFullName() + "." + format);
    wxConfigBase::Get()->Write(kFolderKey, path.GetPath());
    GenerateTo(format, path.GetFullPath());
}

void ReportsPanel::GenerateTo(const std::string& format, const wxString& path)
{
    if (!m_definition || IsGenerating())
        return;
    m_lastError.clear();
    m_run = std::make_unique<ReportRun>(
        this, [this](const wxString& out, const wxString& error, bool cancelled) { OnGenerated(out, error, cancelled); });
    try {
        m_run->Start(m_context.Db(), *m_definition, m_form->Values(), format, path);
    } catch (const Error& error) {
        OnGenerated(path, Utf8(error.what()), false);
        return;
    }
    m_result->SetLabel(wxString());
    m_runError->Hide();
    UpdateButtons();
}

void ReportsPanel::OnGenerated(const wxString& path, const wxString& error, bool cancelled)
{
    // m_run stays until the next run: this is called from inside it.
    const bool done = !cancelled && error.empty();
    m_lastError = error;
    if (done)
        m_lastOutput = path;
    if (cancelled)
        m_result->SetLabel(_("Cancelled: no file was written."));
    else if (done)
        m_result->SetLabel(wxString::Format(_("Saved as %s"), path));
    else
        m_result->SetLabel(wxString());
    m_result->SetToolTip(m_result->GetLabel());
    m_runError->SetLabel(wxString::Format(_("The report was not produced: %s"), error));
    m_runError->Wrap(std::max(FromDIP(300), m_runError->GetParent()->GetClientSize().GetWidth() - FromDIP(20)));
    m_runError->Show(!error.empty() && !cancelled);
    m_openButton->Show(done);
    m_folderButton->Show(done);
    m_result->GetParent()->Layout();
    if (done)
        m_openButton->SetFocus();
    UpdateButtons();
}

// --- stored definitions ------------------------------------------------------------------------

std::vector<wxString> ReportsPanel::TakenNames() const
{
    std::vector<wxString> names;
    for (const ReportEntry& entry : m_entries)
        names.push_back(Utf8(entry.name));
    return names;
}

void ReportsPanel::DuplicateDefinition(bool blank)
{
    if (!CheckAllowed(m_context, AccessNeed::Administer)) // report definitions
        return;
    const ReportEntry* source = Selected();
    // A copy takes the editor's text, unsaved changes included; only a blank one drops them.
    if ((!blank && !source) || (blank && !ConfirmDiscard()))
        return;
    const wxString proposed = blank ? wxString("nouveau-rapport") : Utf8(source->name) + "-copie";
    ReportNameDialog dialog(this, blank ? _("New report definition") : _("Duplicate the definition"), proposed,
                            TakenNames());
    if (dialog.ShowModal() != wxID_OK)
        return;
    ReportDefinition item;
    item.name = dialog.GetDefinitionName().utf8_string();
    if (blank) {
        item.body = BlankDefinitionText(item.name);
        item.title = "Nouveau rapport";
    } else {
        // The copy is the editor's text: changes made to a stored definition go with it. Its
        // title says it is a copy, so that the two can be told apart in the list.
        item.title = source->title + " (copie)";
        item.body = RetitledDefinition(m_editor->DefinitionText(), item.title);
    }
    try {
        const ReportDefinition saved = ReportDefinitionRepository(m_context.Db()).Create(item);
        m_stored.push_back(EntryFor(saved));
        m_selectedKey = m_stored.back().Key();
        m_editor->MarkSaved(); // what was being edited went into the copy
        m_formSignature.clear();
        RebuildList();
        ShowEntry(m_list->GetFirstSelected());
        m_tabs->SetSelection(1); // straight to the text to adapt
        m_context.NotifyChanged("report_definition");
    } catch (const Error& error) {
        wxMessageBox(Utf8(error.what()), _("The definition was not created"), wxOK | wxICON_ERROR, this);
    }
}

void ReportsPanel::SaveDefinition()
{
    if (!CheckAllowed(m_context, AccessNeed::Administer)) // report definitions
        return;
    const ReportEntry* entry = Selected();
    if (!entry || entry->IsShipped())
        return;
    m_editor->ValidateNow();
    const report::ParseResult& result = m_editor->Result();
    if (!result.diagnostics.empty()) {
        const int count = static_cast<int>(result.diagnostics.size());
        const wxString question = wxString::Format(
            wxPLURAL("The definition has %d problem: it cannot be generated until it is corrected. Save it anyway?",
                     "The definition has %d problems: it cannot be generated until they are corrected. Save it "
                     "anyway?",
                     count),
            count);
        if (wxMessageBox(question, _("Save the definition"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this) != wxYES)
            return;
    }
    ReportDefinition item = entry->stored;
    item.body = m_editor->DefinitionText();
    if (result.definition && !result.definition->title.empty())
        item.title = result.definition->title;
    if (StoreDefinition(item)) {
        m_editor->MarkSaved();
        m_context.NotifyChanged("report_definition");
    }
}

bool ReportsPanel::StoreDefinition(ReportDefinition item)
{
    ReportDefinitionRepository repository(m_context.Db());
    const wxString what = wxString::Format(_("the report definition « %s »"), Utf8(item.name));
    while (true) {
        try {
            const ReportDefinition saved = item.version == 0 ? repository.Create(item) : repository.Update(item);
            for (ReportEntry& entry : m_stored)
                if (entry.name == saved.name || entry.stored.id == saved.id)
                    entry = EntryFor(saved);
            for (ReportEntry& entry : m_entries)
                if (!entry.IsShipped() && entry.stored.id == saved.id)
                    entry = EntryFor(saved);
            if (const ReportEntry* shown = Selected())
                m_title->SetLabel(Utf8(shown->title));
            return true;
        } catch (const ConflictError&) {
            const std::optional<ReportDefinition> theirs = repository.Find(item.id);
            const std::vector<FieldVersions> fields = {
                {_("Title"), Utf8(item.title), theirs ? Utf8(theirs->title) : wxString()},
                {_("Text"), Utf8(item.body), theirs ? Utf8(theirs->body) : wxString()}};
            switch (AskConflict(this, what, fields, !theirs, theirs ? Utf8(theirs->updatedBy) : wxString())) {
            case ConflictChoice::KeepMine:
                item.version = theirs ? theirs->version : 0; // deleted meanwhile: created again
                continue;
            case ConflictChoice::TakeTheirs:
                m_editor->MarkSaved(); // dropped on purpose: no question about unsaved changes
                m_selectedKey.clear();
                LoadStored();
                return false;
            case ConflictChoice::Cancel:
                return false;
            }
        } catch (const Error& error) {
            wxMessageBox(Utf8(error.what()), _("The definition was not saved"), wxOK | wxICON_ERROR, this);
            return false;
        }
    }
}

void ReportsPanel::DeleteDefinition()
{
    if (!CheckAllowed(m_context, AccessNeed::Administer)) // report definitions
        return;
    const ReportEntry* entry = Selected();
    if (!entry || entry->IsShipped())
        return;
    const wxString question = wxString::Format(
        _("Delete the definition « %s » from the database? Nobody using this database will be able to run it any "
          "more."),
        Utf8(entry->name));
    if (wxMessageBox(question, _("Delete the definition"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING, this) != wxYES)
        return;
    try {
        ReportDefinitionRepository(m_context.Db()).Remove(entry->stored.id, entry->stored.version);
    } catch (const ConflictError&) {
        wxMessageBox(_("Someone changed this definition meanwhile: it was not deleted. Look at the new version "
                       "first."),
                     _("The definition was not deleted"), wxOK | wxICON_WARNING, this);
    } catch (const Error& error) {
        wxMessageBox(Utf8(error.what()), _("The definition was not deleted"), wxOK | wxICON_ERROR, this);
        return;
    }
    m_editor->MarkSaved();
    m_selectedKey.clear();
    m_context.NotifyChanged("report_definition");
    LoadStored();
}

// --- the preview ---------------------------------------------------------------------------------

void ReportsPanel::RefreshPreview()
{
    m_editor->ValidateNow();
    if (!m_editor->Result().definition) {
        m_preview->ShowMessage(_("The definition has problems: correct them in the « Definition » tab, then "
                                 "refresh the preview."));
        return;
    }
    if (!m_definition->Allows("pdf")) {
        m_preview->ShowMessage(_("This report exists only as an Excel workbook: it has no pages to preview."));
        return;
    }
    m_previewShown = true;
    m_preview->Preview(m_context.Db(), *m_definition, m_form->Values());
}

} // namespace concerto
