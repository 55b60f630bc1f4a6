#pragma once
// The programme as the coder picks from it: themes → commitments (reference and title), a
// type-to-filter box above, and a column that shows which of them the contribution on screen
// already carries. The filter is not the commitments view's: it matches each word typed against
// the beginnings of the words of the reference, title and theme, ignoring case and accents, so
// that "cant bio" finds "2.3 Cantines bio" — the way a coder remembers a commitment.

#include "core/model.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>
#include <wx/object.h>
#include <wx/panel.h>

class wxDataViewCtrl;
class wxSearchCtrl;
class wxStaticText;

namespace concerto {

class CodingTreeModel;

/// What the tree has highlighted: a commitment, or a theme alone (for a theme-only tag).
struct TreeChoice {
    std::string commitmentId; ///< empty for a theme row
    std::string themeId;      ///< the theme of the row (a commitment's own theme)
    bool IsEmpty() const { return commitmentId.empty() && themeId.empty(); }
};

/// The filter box and the tree of themes and commitments, for picking what to apply.
class CodingCommitmentTree : public wxPanel {
public:
    /// `onActivate` runs on a double-click on a row (the owner applies the highlighted row).
    CodingCommitmentTree(wxWindow* parent, std::function<void()> onActivate);
    ~CodingCommitmentTree() override;

    /// Replaces the programme shown (themes in order, commitments in order within each theme).
    void SetProgramme(std::vector<Theme> themes, std::vector<Commitment> commitments);
    /// Marks the rows the contribution on screen carries, with the stances given to each
    /// (keyed by commitment id, or by theme id for theme-only tags).
    void SetApplied(const std::map<std::string, std::vector<Stance>>& applied);

    /// Puts the keyboard in the filter box, its text selected.
    void FocusFilter();
    /// Empties the filter box; returns false when it was empty already.
    bool ClearFilter();
    /// Moves the highlight `delta` visible rows down (up when negative), from the filter box.
    void MoveHighlight(int delta);
    /// The highlighted row, or an empty choice.
    TreeChoice Highlighted() const;
    /// Removes the highlight (a new contribution starts with none).
    void ClearHighlight();
    /// Highlights a commitment (clearing a filter that hides it); false when unknown.
    bool Highlight(const std::string& commitmentId);

    /// "2.3 Cantines bio" for a commitment, "Thème : Éducation" for a theme; empty when unknown.
    wxString Describe(const TreeChoice& choice) const;
    /// The commitment with this id, or nullptr.
    const Commitment* FindCommitment(const std::string& id) const;
    /// The theme with this id, or nullptr.
    const Theme* FindTheme(const std::string& id) const;
    const std::vector<Theme>& Themes() const;
    const std::vector<Commitment>& Commitments() const;

    /// The parts, for focus decisions and tests.
    wxSearchCtrl* FilterBox() const { return m_filter; }
    wxDataViewCtrl* Tree() const { return m_tree; }
    /// The number of commitment rows the filter lets through.
    std::size_t VisibleCommitments() const;

private:
    void OnFilterText();
    void ExpandAll();
    void UpdateSummary();

    std::function<void()> m_onActivate;
    wxSearchCtrl* m_filter = nullptr;
    wxDataViewCtrl* m_tree = nullptr;
    wxStaticText* m_summary = nullptr;
    wxObjectDataPtr<CodingTreeModel> m_model;
};

} // namespace concerto
