#pragma once
// The import wizard: what to import and from which file, how to read it (encoding, delimiter,
// sheet) with a preview of its first rows, which file column feeds each native field, the
// options, a simulation's report, then the import itself with its progress. It only transfers
// plain values: reading the preview, the simulation, the import and the saved mappings are
// asked of the owner through the virtual hooks, whose answers come back through the Show…
// methods (src/app/import_window.cpp runs them off the UI thread).

#include "core/import_spec.h"
#include "core/tabular.h"
#include "db/import.h"
#include "dialogs/standard_dialog.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

class wxBoxSizer;
class wxButton;
class wxCheckBox;
class wxChoice;
class wxFilePickerCtrl;
class wxFlexGridSizer;
class wxGauge;
class wxListCtrl;
class wxRadioBox;
class wxScrolledWindow;
class wxSimplebook;
class wxStaticText;
class wxTextCtrl;
class wxTimer;

namespace concerto {

/// The first rows of a file as read with some TabularOptions, for the reading page.
struct ImportPreview {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::uint64_t> lines;           ///< the file line (or sheet row) of each row
    std::string error;                          ///< the reader's message (naming the line) when it stopped early
    bool headerRead = false;                    ///< false: the file cannot be read at all (error says why)
    bool isWorkbook = false;                    ///< XLSX: the sheet choice applies, not encoding and delimiter
    std::vector<std::string> sheets;            ///< XLSX: the workbook's sheets
    std::string sheet;                          ///< XLSX: the sheet read
    TextEncoding encoding = TextEncoding::Auto; ///< CSV: the encoding read (detected or chosen)
    char delimiter = 0;                         ///< CSV: the separator read (detected or chosen)
};

/// Drives an import from the choice of the file to the summary. Shown modeless; one per frame.
class ImportWizard : public StandardDialog {
public:
    /// The pages, in order.
    enum Page { SourcePage, ReadingPage, MappingPage, OptionsPage, SimulationPage, ImportPage, PageCount };

    /// `consultationTitle` names where the rows go; `formatCount` groups numbers ("3 500").
    ImportWizard(wxWindow* parent, const wxString& consultationTitle, std::function<wxString(long long)> formatCount);
    ~ImportWizard() override;

    // --- answers of the owner, on the UI thread --------------------------------------------
    /// The rows read for the reading page (after RequestPreview).
    void ShowPreview(const ImportPreview& preview);
    /// The mappings saved for the kind chosen (after RequestSavedMappings).
    void ShowSavedMappings(const std::vector<ColumnMapping>& mappings);
    /// A phase of the running simulation or import begins.
    void ShowPhase(const wxString& phase, unsigned long long total);
    /// Progress within the phase.
    void ShowAdvance(unsigned long long done);
    /// The simulation or the import ended: `report` on success, else `error` (empty when cancelled).
    void ShowRunEnd(const std::optional<ImportReport>& report, const wxString& error, bool cancelled);

    // --- the state, for the owner and for tests -----------------------------------------------
    int CurrentPage() const { return m_page; }
    ImportKind Kind() const;
    /// The file chosen (UTF-8), or an empty string.
    std::string FilePath() const;
    /// How to read the file, as chosen on the reading page.
    TabularOptions ReadingOptions() const;
    /// The mapping built from the mapping page.
    ColumnMapping Mapping() const;
    /// The options of the import (without the consultation, which the owner knows).
    ImportOptions Options(bool dryRun) const;
    /// True while a simulation or the import runs.
    bool IsRunning() const { return m_running; }
    /// The report of the real import once it is done.
    const std::optional<ImportReport>& ImportDone() const { return m_imported; }

    /// Goes to the next page when the current one is complete (what « Next » does); false when
    /// a problem is shown instead.
    bool GoNext();
    /// Goes back one page (what « Back » does).
    void GoBack();
    /// Chooses the file as the file picker does (a dropped file, or a test).
    void ChooseFile(const wxString& path);
    /// Asks a running simulation or import to stop (what « Cancel » does while one runs).
    void CancelRun();
    /// Saves the mapping shown under `name` (what « Save this mapping… » does once named);
    /// false when refused (the problem is shown).
    bool SaveMappingAs(const wxString& name);

    // Controls, for tests that drive the wizard as a user would.
    wxRadioBox* KindBox() const { return m_kind; }
    wxChoice* EncodingChoice() const { return m_encoding; }
    wxChoice* DelimiterChoice() const { return m_delimiter; }
    wxChoice* SheetChoice() const { return m_sheet; }
    wxListCtrl* PreviewList() const { return m_preview; }
    wxChoice* MappingChoice() const { return m_mappingChoice; }
    /// The column choice of a native field on the mapping page, or nullptr.
    wxChoice* FieldChoice(const std::string& field) const;
    wxCheckBox* CreateMissingBox() const { return m_createMissing; }
    wxCheckBox* SkipInvalidBox() const { return m_skipInvalid; }
    wxListCtrl* RejectionList() const { return m_rejections; }
    wxListCtrl* ChangeList() const { return m_changes; }
    /// The counts line of the simulation or of the import summary.
    wxString SummaryText() const;
    /// The phase of the running simulation or import as last reported (« Lecture de … »).
    wxString PhaseText() const;
    /// The problem line of the current page, or an empty string.
    wxString ProblemText() const;
    wxButton* NextButton() const { return m_next; }
    wxButton* BackButton() const { return m_back; }
    wxButton* CancelButton() const { return m_cancel; }

protected:
    // --- hooks the owner implements -----------------------------------------------------------
    /// Reads the first rows of `path` with `options`; answers with ShowPreview.
    virtual void RequestPreview(const std::string& path, const TabularOptions& options) = 0;
    /// Lists the saved mappings of `kind`; answers with ShowSavedMappings.
    virtual void RequestSavedMappings(ImportKind kind) = 0;
    /// Saves `mapping`; returns an empty string when saved, else the message to show.
    virtual wxString SaveMapping(const ColumnMapping& mapping) = 0;
    /// Runs the import of `path` (a simulation when options.dryRun) with progress; answers with
    /// ShowPhase/ShowAdvance, then ShowRunEnd.
    virtual void StartRun(const std::string& path, const ImportOptions& options) = 0;
    /// Asks the running work to stop; ShowRunEnd(…, cancelled = true) follows.
    virtual void StopRun() = 0;

private:
    struct FieldRow {
        std::string field;
        wxChoice* choice = nullptr;
        wxTextCtrl* constant = nullptr;
        wxStaticText* sample = nullptr;
        FieldSource::Transform transform = FieldSource::Transform::None;
    };

    wxWindow* BuildSourcePage(wxWindow* parent);
    wxWindow* BuildReadingPage(wxWindow* parent);
    wxWindow* BuildMappingPage(wxWindow* parent);
    wxWindow* BuildOptionsPage(wxWindow* parent);
    wxWindow* BuildSimulationPage(wxWindow* parent);
    wxWindow* BuildImportPage(wxWindow* parent);
    wxBoxSizer* BuildButtonRow();

    void ShowPage(int page);
    void UpdateButtons();
    void SetProblem(const wxString& message);
    bool CheckSource();
    bool CheckMapping();
    void OnFileChanged();
    void OnKindChanged();
    void ReadPreview();
    void FillPreviewList();
    void RebuildFieldRows();
    void ApplyMapping(const ColumnMapping& mapping);
    void FillMappingChoice(const std::string& select);
    void OnMappingChosen();
    void OnFieldChanged(FieldRow& row);
    void OnSaveMapping();
    void StartSimulation();
    void StartImport();
    void ShowSimulation(const ImportReport& report);
    void ShowImportSummary(const ImportReport& report);
    void FillReportLists(const ImportReport& report);
    void UpdateRejectsPicker();
    wxString CountsText(const ImportReport& report) const;
    void OnClose(wxCloseEvent& event);
    void OnCancelButton();
    std::optional<std::size_t> MatchColumn(const FieldSource& source) const;

    std::function<wxString(long long)> m_formatCount;
    int m_page = SourcePage;
    bool m_running = false;
    bool m_closeWhenStopped = false;
    wxSimplebook* m_book = nullptr;
    wxStaticText* m_problem = nullptr;
    wxStaticText* m_step = nullptr;
    wxButton* m_back = nullptr;
    wxButton* m_next = nullptr;
    wxButton* m_cancel = nullptr;

    // Source page.
    wxRadioBox* m_kind = nullptr;
    wxFilePickerCtrl* m_file = nullptr;

    // Reading page.
    wxChoice* m_encoding = nullptr;
    wxChoice* m_delimiter = nullptr;
    wxChoice* m_sheet = nullptr;
    wxStaticText* m_detected = nullptr;
    wxListCtrl* m_preview = nullptr;
    wxStaticText* m_previewProblem = nullptr;
    ImportPreview m_previewData;
    bool m_previewPending = false;

    // Mapping page.
    wxChoice* m_mappingChoice = nullptr;
    wxScrolledWindow* m_fieldPanel = nullptr;
    wxFlexGridSizer* m_fieldGrid = nullptr;
    std::vector<FieldRow> m_fieldRows;
    std::string m_fieldRowsFor;            ///< kind and header the rows were built for
    std::vector<ColumnMapping> m_mappings; ///< as listed in m_mappingChoice
    std::size_t m_savedStart = 1;          ///< index of the first saved mapping in m_mappings
    bool m_mappingEdited = false;

    // Options page.
    wxCheckBox* m_createMissing = nullptr;
    wxCheckBox* m_skipInvalid = nullptr;
    wxFilePickerCtrl* m_rejectsFile = nullptr;

    // Simulation and import pages.
    bool m_dryRun = false;
    wxStaticText* m_simulationText = nullptr;
    wxGauge* m_simulationGauge = nullptr;
    wxListCtrl* m_rejections = nullptr;
    wxListCtrl* m_changes = nullptr;
    wxStaticText* m_importText = nullptr;
    wxStaticText* m_simulationPhase = nullptr;
    wxStaticText* m_importPhase = nullptr;
    wxGauge* m_importGauge = nullptr;
    unsigned long long m_total = 0;
    std::optional<ImportReport> m_simulated;
    std::optional<ImportReport> m_imported;
};

/// Gives the picker's « Browse » button a label from Concerto's catalog.
void TranslateBrowseButton(wxFilePickerCtrl* picker);

/// The label shown for a native field (« Date de réception »).
wxString NativeFieldLabel(const std::string& field);

} // namespace concerto
