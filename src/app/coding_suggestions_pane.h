#pragma once
// The suggestions for the contribution on screen, drawn as a short numbered list: the key that
// applies each one (1…5), the commitment's reference and title, a bar for its score relative to
// the best, and the words of the text that made it ("parce que : cantine, bio, enfants"), so
// that a coder sees why before trusting it. A click applies a suggestion like its digit.

#include <functional>
#include <string>
#include <vector>
#include <wx/window.h>

namespace concerto {

/// One suggestion as shown.
struct SuggestionRow {
    std::string commitmentId;
    wxString ref, title;
    double score = 0; ///< as given by the model; bars are drawn relative to the best
    std::vector<wxString> words;
    bool applied = false; ///< the contribution already carries this commitment
};

/// The numbered, explained suggestions of the contribution on screen.
class CodingSuggestionsPane : public wxWindow {
public:
    /// `onApply(index)` runs when the row `index` (0-based) is clicked; `onHover(index)` when
    /// the mouse comes over a row (-1: over none).
    CodingSuggestionsPane(wxWindow* parent, std::function<void(int)> onApply, std::function<void(int)> onHover = {});

    /// The model is still being read: says so.
    void ShowLoading();
    /// Suggestions are withheld (double coding): says why.
    void ShowWithheld();
    /// The model could not be read: says so and why.
    void ShowProblem(const wxString& message);
    /// Shows `rows` (best first); none: says that nothing in the text matched.
    void ShowRows(std::vector<SuggestionRow> rows);
    /// Nothing to suggest for (no contribution on screen).
    void ShowNothing();

    const std::vector<SuggestionRow>& Rows() const { return m_rows; }
    /// The message shown instead of rows, if any.
    const wxString& Message() const { return m_message; }

    wxSize DoGetBestClientSize() const override;
    bool AcceptsFocus() const override { return false; }

private:
    void OnPaint(wxPaintEvent& event);
    void OnMotion(wxMouseEvent& event);
    void ShowMessage(const wxString& message);
    int RowAt(const wxPoint& point) const;
    int RowHeight() const;

    std::function<void(int)> m_onApply, m_onHover;
    std::vector<SuggestionRow> m_rows;
    wxString m_message;
    int m_hover = -1;
};

} // namespace concerto
