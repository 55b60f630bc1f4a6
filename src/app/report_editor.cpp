#include "app/report_editor.h"

#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/stc/stc.h>

namespace concerto {

namespace {

/// How long the text must rest before it is validated: validating on every key would flash
/// errors at each half-typed word.
constexpr int kDebounceMs = 400;
constexpr int kProblemMarker = 0; ///< a red dot in the margin
constexpr int kProblemLine = 1;   ///< a pale red background on the line
constexpr int kSymbolMargin = 1;

const wxColour kProblemRed(0xC6, 0x28, 0x28);
const wxColour kProblemBackground(0xFD, 0xEC, 0xEC);
const wxColour kFineGreen(0x2E, 0x7D, 0x32);

} // namespace

DefinitionEditor::DefinitionEditor(wxWindow* parent) : wxPanel(parent, wxID_ANY), m_debounce(this)
{
    m_text = new wxStyledTextCtrl(this, wxID_ANY);
    m_text->SetName("definition-text");
    ConfigureText();

    m_summary = new wxStaticText(this, wxID_ANY, wxString());
    m_summary->SetFont(m_summary->GetFont().Bold());
    m_problems = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 110)),
                                wxLC_REPORT | wxLC_SINGLE_SEL);
    m_problems->SetName("problems");
    m_problems->AppendColumn(_("Line"), wxLIST_FORMAT_RIGHT, FromDIP(60));
    m_problems->AppendColumn(_("Key"), wxLIST_FORMAT_LEFT, FromDIP(190));
    m_problems->AppendColumn(_("Problem"), wxLIST_FORMAT_LEFT, FromDIP(620));
    m_problems->Bind(wxEVT_LIST_ITEM_ACTIVATED, &DefinitionEditor::OnProblemActivated, this);
    m_problems->Bind(wxEVT_LIST_ITEM_SELECTED, &DefinitionEditor::OnProblemActivated, this);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_text, wxSizerFlags(1).Expand());
    sizer->Add(m_summary, wxSizerFlags().Border(wxTOP | wxBOTTOM, FromDIP(6)));
    sizer->Add(m_problems, wxSizerFlags().Expand());
    SetSizer(sizer);

    m_text->Bind(wxEVT_STC_CHANGE, [this](wxStyledTextEvent&) {
        if (m_loading)
            return;
        m_debounce.StartOnce(kDebounceMs);
        if (m_changed)
            m_changed();
    });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { ValidateNow(); });
}

void DefinitionEditor::ConfigureText()
{
    const wxFont mono(wxFontInfo(10).Family(wxFONTFAMILY_TELETYPE));
    m_text->StyleSetFont(wxSTC_STYLE_DEFAULT, mono);
    m_text->StyleClearAll();
    // TOML reads well through the Python lexer: # comments, "strings", """long strings""", numbers.
    m_text->SetLexer(wxSTC_LEX_PYTHON);
    m_text->SetKeyWords(0, "true false");
    m_text->StyleSetForeground(wxSTC_P_COMMENTLINE, wxColour(0x6A, 0x73, 0x7D));
    m_text->StyleSetItalic(wxSTC_P_COMMENTLINE, true);
    for (const int style : {wxSTC_P_STRING, wxSTC_P_CHARACTER, wxSTC_P_TRIPLE, wxSTC_P_TRIPLEDOUBLE})
        m_text->StyleSetForeground(style, wxColour(0x0B, 0x6E, 0x4F));
    m_text->StyleSetForeground(wxSTC_P_STRINGEOL, kProblemRed);
    m_text->StyleSetForeground(wxSTC_P_NUMBER, wxColour(0x1F, 0x4E, 0x79));
    m_text->StyleSetForeground(wxSTC_P_WORD, wxColour(0x1F, 0x4E, 0x79));
    m_text->StyleSetBold(wxSTC_P_OPERATOR, true);

    m_text->SetMarginType(0, wxSTC_MARGIN_NUMBER);
    m_text->SetMarginWidth(0, m_text->TextWidth(wxSTC_STYLE_LINENUMBER, "_9999"));
    m_text->SetMarginType(kSymbolMargin, wxSTC_MARGIN_SYMBOL);
    m_text->SetMarginWidth(kSymbolMargin, FromDIP(14));
    m_text->SetMarginMask(kSymbolMargin, 1 << kProblemMarker);
    m_text->MarkerDefine(kProblemMarker, wxSTC_MARK_CIRCLE, kProblemRed, kProblemRed);
    m_text->MarkerDefine(kProblemLine, wxSTC_MARK_BACKGROUND, kProblemBackground, kProblemBackground);

    m_text->SetUseTabs(false);
    m_text->SetTabWidth(2);
    m_text->SetIndent(2);
    m_text->SetCaretLineVisible(true);
    m_text->SetCaretLineBackground(wxColour(0xF3, 0xF6, 0xFA));
    m_text->SetWrapMode(wxSTC_WRAP_NONE);
    m_text->SetEOLMode(wxSTC_EOL_LF);
}

void DefinitionEditor::SetDefinitionText(const std::string& text, const std::string& fileName, bool readOnly)
{
    m_loading = true;
    m_fileName = fileName;
    m_text->SetReadOnly(false);
    m_text->SetText(wxString::FromUTF8(text));
    m_text->EmptyUndoBuffer();
    m_text->SetSavePoint();
    m_text->SetReadOnly(readOnly);
    m_text->GotoPos(0);
    m_loading = false;
    m_debounce.Stop();
    ValidateNow();
}

std::string DefinitionEditor::DefinitionText() const
{
    return m_text->GetText().utf8_string();
}

bool DefinitionEditor::IsModified() const
{
    return m_text->GetModify();
}

void DefinitionEditor::MarkSaved()
{
    m_text->SetSavePoint();
    if (m_changed)
        m_changed();
}

void DefinitionEditor::ValidateNow()
{
    m_debounce.Stop();
    m_result = report::ParseDefinition(DefinitionText(), m_fileName);
    ShowDiagnostics();
    if (m_changed)
        m_changed();
}

void DefinitionEditor::ShowDiagnostics()
{
    m_text->MarkerDeleteAll(kProblemMarker);
    m_text->MarkerDeleteAll(kProblemLine);
    m_problems->DeleteAllItems();
    const auto& diagnostics = m_result.diagnostics;
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
        const report::Diagnostic& d = diagnostics[i];
        const long row = m_problems->InsertItem(static_cast<long>(i), d.line > 0 ? wxString::Format("%d", d.line)
                                                                                 : wxString("—"));
        m_problems->SetItem(row, 1, wxString::FromUTF8(d.key));
        m_problems->SetItem(row, 2, wxString::FromUTF8(d.message));
        m_problems->SetItemData(row, d.line);
        if (d.line > 0) {
            m_text->MarkerAdd(d.line - 1, kProblemMarker);
            m_text->MarkerAdd(d.line - 1, kProblemLine);
        }
    }
    // The list takes room from the text only when it has something to say.
    m_problems->Show(!diagnostics.empty());
    if (diagnostics.empty()) {
        m_summary->SetLabel(_("✔ The definition is valid."));
        m_summary->SetForegroundColour(kFineGreen);
    } else {
        m_summary->SetLabel(wxString::Format(
            wxPLURAL("%d problem: click it to go to its line.", "%d problems: click one to go to its line.",
                     static_cast<int>(diagnostics.size())),
            static_cast<int>(diagnostics.size())));
        m_summary->SetForegroundColour(kProblemRed);
    }
    Layout();
}

void DefinitionEditor::OnProblemActivated(wxListEvent& event)
{
    const long line = static_cast<long>(m_problems->GetItemData(event.GetIndex()));
    if (line <= 0)
        return;
    GoToLine(static_cast<int>(line));
    // A click shows the line; only activating (double-click, Enter) moves the keyboard there.
    if (event.GetEventType() == wxEVT_LIST_ITEM_SELECTED)
        m_problems->SetFocus();
}

void DefinitionEditor::GoToLine(int line)
{
    const int index = std::max(0, line - 1);
    m_text->GotoLine(index);
    m_text->SetSelection(m_text->PositionFromLine(index), m_text->GetLineEndPosition(index));
    m_text->EnsureVisibleEnforcePolicy(index);
    m_text->SetFocus();
}

int DefinitionEditor::CurrentLine() const
{
    return m_text->LineFromPosition(m_text->GetCurrentPos()) + 1;
}

std::vector<int> DefinitionEditor::MarkedLines() const
{
    std::vector<int> lines;
    for (int line = m_text->MarkerNext(0, 1 << kProblemMarker); line >= 0;
         line = m_text->MarkerNext(line + 1, 1 << kProblemMarker))
        lines.push_back(line + 1);
    return lines;
}

} // namespace concerto
