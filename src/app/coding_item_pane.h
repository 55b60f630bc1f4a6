#pragma once
// The contribution being coded, in the centre of the coding page: its text large and wrapped
// with generous margins, under a heading and its context (channel, meeting, card, neighbourhood,
// profile, date); then what the coder gave it — tags (commitment or theme, stance, coder), each
// removable, labels as chips, the quote / to-review / excluded flags — and a note, saved when
// the coder leaves the field or pauses typing.

#include "db/coding.h"

#include <functional>
#include <string>
#include <vector>
#include <wx/panel.h>
#include <wx/timer.h>

class wxBoxSizer;
class wxButton;
class wxStaticText;
class wxTextAttr;
class wxTextCtrl;
class wxToggleButton;
class wxWrapSizer;

namespace concerto {

/// What the pane asks its owner to do; each runs one coding action.
struct CodingItemCallbacks {
    std::function<void(const std::string& tagId)> removeTag;
    std::function<void(const std::string& labelId)> removeLabel;
    std::function<void()> addLabel, toggleQuote, toggleReview, exclude;
    /// The note of contribution `contributionId` was edited from `seen` to `text` (after a pause
    /// or on leaving the field); the owner saves it, then calls NoteSaved().
    std::function<void(const std::string& contributionId, const wxString& text, const wxString& seen)> saveNote;
};

/// The contribution on screen and what the coder gave it (see the file comment).
class CodingItemPane : public wxPanel {
public:
    CodingItemPane(wxWindow* parent, CodingItemCallbacks callbacks);

    /// Shows `item`. `blind`: a coder's blind pass (only tags can change, the rest is read-only).
    /// `keepNote`: leave the note field alone when the coder is editing it (a refresh from
    /// elsewhere must not eat what they type).
    void ShowItem(const CodingItem& item, bool blind, bool keepNote = false);
    /// Highlights, in the text, the words of the current search (`stems`, as SearchStems gives)
    /// and the words that made the suggestions.
    void SetHighlights(const std::vector<std::string>& stems, const std::vector<wxString>& suggestionWords);
    /// Says that the contribution is being read, keeping the layout.
    void ShowLoading();

    /// Saves the note now if it was edited (before moving on, undoing, closing).
    void FlushNote();
    /// The note is stored as `text`: what the field shows, or both texts when someone else had
    /// changed the note meanwhile (the field then shows them).
    void NoteSaved(const wxString& text);
    /// Puts the keyboard in the text (where single keys are commands), or in the note.
    void FocusText();
    void FocusNote();

    /// The parts, for the owner's focus decisions and for tests.
    wxTextCtrl* Body() const { return m_body; }
    wxTextCtrl* Note() const { return m_note; }
    /// The id of the contribution shown, or empty.
    const std::string& ShownId() const { return m_shownId; }
    /// The text shown in the document (heading, context and text).
    wxString DocumentText() const;
    /// The tag lines shown, as read ("Support — 2.3 Cantines bio (alice)").
    std::vector<wxString> TagLines() const { return m_tagLines; }

private:
    void BuildLayout();
    wxWindow* BuildCodingArea(wxWindow* parent);
    void FillDocument(const CodingItem& item);
    void FillTags(const CodingItem& item, bool blind);
    void FillLabels(const CodingItem& item, bool blind);
    void FillFlags(const CodingItem& item, bool blind);
    void ApplyHighlights();
    void Append(const wxString& text, const wxTextAttr& style);

    CodingItemCallbacks m_callbacks;
    wxTextCtrl* m_body = nullptr;
    wxPanel* m_codingArea = nullptr;
    wxPanel* m_tagsPanel = nullptr;
    wxBoxSizer* m_tagsSizer = nullptr;
    wxPanel* m_labelsPanel = nullptr;
    wxWrapSizer* m_labelsSizer = nullptr;
    wxToggleButton* m_quote = nullptr;
    wxToggleButton* m_review = nullptr;
    wxToggleButton* m_excluded = nullptr;
    wxStaticText* m_reason = nullptr;
    wxTextCtrl* m_note = nullptr;
    wxTimer m_noteTimer;
    std::string m_shownId;
    std::string m_noteFor; ///< the contribution the note field holds the note of
    wxString m_savedNote;  ///< the note as stored, to know whether the field was edited
    long m_bodyStart = 0, m_bodyEnd = 0;
    wxString m_bodyText;
    std::vector<std::string> m_stems;
    std::vector<wxString> m_suggestionWords;
    std::vector<wxString> m_tagLines;
    bool m_blind = false;
};

} // namespace concerto
