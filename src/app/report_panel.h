#pragma once
// The « Rapports » area: the report definitions (shipped with Concerto, and stored in the
// database for everyone), and for the one selected three tabs — « Générer » (its parameter
// form, then PDF or Excel with progress and cancel, and the file to open), « Définition » (its
// text, validated as it is typed, saved to the database) and « Aperçu » (its PDF's pages drawn
// in the window). Long work runs on threads of its own (report_run.h); the list loads through
// the context's worker.

#include "app/app_context.h"
#include "app/area_view.h"
#include "app/report_catalog.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <wx/panel.h>

class wxButton;
class wxListEvent;
class wxListView;
class wxNotebook;
class wxStaticText;

namespace concerto {

class DefinitionEditor;
class ReportParameterForm;
class ReportPreview;
class ReportRun;

class ReportsPanel : public wxPanel, public AreaView {
public:
    ReportsPanel(wxWindow* parent, AppContext& context);
    ~ReportsPanel() override;

    wxWindow* Window() override { return this; }
    void Reload() override;
    void OnShown() override;

    /// Selects the definition called `name` (a stored one before a shipped one of the same
    /// name); false when the list has none.
    bool SelectDefinition(const std::string& name);
    /// Produces the selected report as `format` ("pdf" or "xlsx") at `path`, without asking
    /// where (the « Générer » buttons ask, then call this).
    void GenerateTo(const std::string& format, const wxString& path);
    /// True while a report is being produced.
    bool IsGenerating() const;
    /// The file of the last report produced (empty before the first).
    const wxString& LastOutput() const { return m_lastOutput; }
    /// The last error of a report run (empty when it succeeded).
    const wxString& LastError() const { return m_lastError; }
    /// True once the list of stored definitions has loaded.
    bool IsLoaded() const { return m_loaded; }

    wxListView* DefinitionList() const { return m_list; }
    DefinitionEditor* Editor() const { return m_editor; }
    ReportParameterForm* Form() const { return m_form; }
    ReportPreview* Preview() const { return m_preview; }
    wxNotebook* Tabs() const { return m_tabs; }

private:
    // Layout (report_panel.cpp).
    void BuildLayout();
    wxWindow* BuildListSide(wxWindow* parent);
    wxWindow* BuildGeneratePage(wxWindow* parent);
    wxWindow* BuildEditorPage(wxWindow* parent);
    void BindKeys();
    void WrapDescription();

    // The list and the selection (report_panel.cpp).
    void LoadStored();
    void RebuildList();
    void OnListSelected(wxListEvent& event);
    bool ConfirmDiscard();
    void ShowEntry(int index);
    const ReportEntry* Selected() const;
    void OnEditorChanged();
    void RebuildForm();
    void LoadChoices();
    void UpdateButtons();

    // Actions (report_panel_actions.cpp).
    void Generate(const std::string& format);
    void OnGenerated(const wxString& path, const wxString& error, bool cancelled);
    void SaveDefinition();
    bool StoreDefinition(ReportDefinition item);
    void DuplicateDefinition(bool blank);
    void DeleteDefinition();
    void RefreshPreview();
    std::vector<wxString> TakenNames() const;

    AppContext& m_context;
    Lifetime m_lifetime = NewLifetime();
    int m_subscription = 0;

    wxListView* m_list = nullptr;
    wxButton* m_newButton = nullptr;
    wxButton* m_duplicateButton = nullptr;
    wxButton* m_deleteButton = nullptr;
    wxStaticText* m_title = nullptr;
    wxStaticText* m_origin = nullptr;
    wxStaticText* m_description = nullptr;
    wxString m_descriptionText;
    int m_wrappedAt = 0;
    wxNotebook* m_tabs = nullptr;

    ReportParameterForm* m_form = nullptr;
    wxButton* m_pdfButton = nullptr;
    wxButton* m_xlsxButton = nullptr;
    wxStaticText* m_generateNote = nullptr;
    wxStaticText* m_result = nullptr;
    wxStaticText* m_runError = nullptr; ///< a failed run's message, wrapped: it must be read whole
    wxButton* m_openButton = nullptr;
    wxButton* m_folderButton = nullptr;

    wxStaticText* m_readOnlyNote = nullptr;
    wxButton* m_editCopyButton = nullptr;
    DefinitionEditor* m_editor = nullptr;
    wxButton* m_saveButton = nullptr;
    wxButton* m_revertButton = nullptr;
    ReportPreview* m_preview = nullptr;

    std::vector<ReportEntry> m_shipped, m_stored, m_entries;
    std::string m_selectedKey;
    bool m_loaded = false;
    bool m_selecting = false;
    std::optional<report::Definition> m_definition; ///< the editor's text, when it is valid
    std::string m_formSignature;                    ///< the parameters the form was built for
    bool m_previewShown = false;                    ///< the preview matches the selection

    std::unique_ptr<ReportRun> m_run;
    wxString m_lastOutput, m_lastError;
};

} // namespace concerto
