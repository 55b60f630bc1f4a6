#pragma once
// The export dialog: which table of the consultation (contributions, commitments, meetings) to
// write in the native import format, and where; the format follows the file's extension
// (.xlsx: an Excel workbook, anything else: CSV). The export itself is asked of the owner
// (StartExport), which reports progress and the end back; the dialog stays open meanwhile
// with a gauge, and Cancel stops it (no file is left).

#include "core/import_spec.h"
#include "dialogs/standard_dialog.h"

#include <functional>
#include <string>

class wxButton;
class wxFilePickerCtrl;
class wxGauge;
class wxRadioBox;
class wxStaticText;

namespace concerto {

/// Exports one table of a consultation to a file. Shown modeless.
class ExportDialog : public StandardDialog {
public:
    /// `consultationTitle` names what is exported; `folder` is where the file is proposed.
    ExportDialog(wxWindow* parent, const wxString& consultationTitle, const wxString& folder,
                 std::function<wxString(long long)> formatCount);

    ImportKind Kind() const;
    /// The file chosen (UTF-8).
    std::string FilePath() const;
    /// True when the file chosen is written as an Excel workbook.
    bool IsWorkbook() const;
    bool IsRunning() const { return m_running; }

    /// Checks the choices and starts the export (what « Export » does); false when a problem is shown.
    bool Submit();
    /// Chooses the file as the picker does (tests).
    void ChooseFile(const wxString& path);
    /// Chooses the kind as the radio box does (tests).
    void ChooseKind(ImportKind kind);

    /// A phase of the export begins / advances (owner, UI thread).
    void ShowPhase(const wxString& phase, unsigned long long total);
    void ShowAdvance(unsigned long long done);
    /// The export ended: `rows` written on success, else `error` (empty when cancelled).
    void ShowEnd(unsigned long long rows, const wxString& error, bool cancelled);
    /// The status line (the result of the last export).
    wxString StatusText() const;

protected:
    /// Writes the table `kind` to `path`; answers with ShowPhase/ShowAdvance, then ShowEnd.
    virtual void StartExport(ImportKind kind, const std::string& path) = 0;
    /// Asks the running export to stop; ShowEnd(…, cancelled = true) follows.
    virtual void StopExport() = 0;

private:
    void UpdateFormat();
    void OnCancel();
    void OnKindChanged();

    std::function<wxString(long long)> m_formatCount;
    wxString m_folder;
    bool m_running = false;
    bool m_closeWhenStopped = false;
    unsigned long long m_total = 0;
    wxRadioBox* m_kind = nullptr;
    wxFilePickerCtrl* m_file = nullptr;
    wxStaticText* m_format = nullptr;
    wxGauge* m_gauge = nullptr;
    wxStaticText* m_status = nullptr;
    wxButton* m_ok = nullptr;
    wxButton* m_cancel = nullptr;
};

} // namespace concerto
