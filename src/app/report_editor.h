#pragma once
// The editor of a report definition: its TOML text in a code editor (line numbers,
// comments and strings coloured), validated as the administrator types — 400 ms after the
// last key — with every problem listed under the text by line and key. Clicking a problem
// goes to its line; the lines with a problem are marked in the margin.

#include "reports/definition.h"

#include <functional>
#include <string>
#include <wx/panel.h>
#include <wx/timer.h>

class wxListView;
class wxStaticText;
class wxStyledTextCtrl;
class wxListEvent;

namespace concerto {

class DefinitionEditor : public wxPanel {
public:
    explicit DefinitionEditor(wxWindow* parent);

    /// Shows `text`, validated at once as the file `fileName`; `readOnly` for shipped definitions.
    void SetDefinitionText(const std::string& text, const std::string& fileName, bool readOnly);
    /// The text as it is now (UTF-8).
    std::string DefinitionText() const;
    /// True when the text changed since SetDefinitionText() or MarkSaved().
    bool IsModified() const;
    void MarkSaved();

    /// The latest validation (of the text as it was 400 ms after the last change).
    const report::ParseResult& Result() const { return m_result; }
    /// Validates now, without waiting for the pause.
    void ValidateNow();
    /// Called after each validation and when the modified state changes.
    void OnChanged(std::function<void()> handler) { m_changed = std::move(handler); }

    /// Puts the caret at the start of `line` (1-based), selects the line and shows it.
    void GoToLine(int line);
    /// The line the caret is on (1-based).
    int CurrentLine() const;
    /// Lines marked as having a problem (1-based), for tests.
    std::vector<int> MarkedLines() const;

    wxStyledTextCtrl* TextControl() const { return m_text; }
    wxListView* ProblemList() const { return m_problems; }

private:
    void ConfigureText();
    void ShowDiagnostics();
    void OnProblemActivated(wxListEvent& event);

    wxStyledTextCtrl* m_text;
    wxListView* m_problems;
    wxStaticText* m_summary;
    wxTimer m_debounce;
    std::string m_fileName;
    report::ParseResult m_result;
    std::function<void()> m_changed;
    bool m_loading = false;
};

} // namespace concerto
