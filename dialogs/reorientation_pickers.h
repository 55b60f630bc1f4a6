#pragma once
// The two pickers of the reorientation point editor: commitments by theme with a filter, and
// evidence contributions — those behind the point's links, or found by words. Both return
// what was chosen as plain values; the evidence comes from the owner's EvidenceSource.

#include "db/reorientation_candidates.h"
#include "dialogs/reorientation_dialog.h"
#include "dialogs/standard_dialog.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

class wxCheckListBox;
class wxChoice;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace concerto {

/// Chooses commitments: a theme filter, a text filter (ref or title, accents ignored) and a
/// checklist. Commitments in `alreadyLinked` are not offered.
class CommitmentPickerDialog : public StandardDialog {
public:
    CommitmentPickerDialog(wxWindow* parent, const std::vector<Theme>& themes,
                           const std::vector<Commitment>& commitments, const std::set<std::string>& alreadyLinked);
    /// The ids checked, in ref order.
    std::vector<std::string> Chosen() const;
    /// Checks a commitment by id when it is offered (tests, keyboard-free use); false otherwise.
    bool Check(const std::string& commitmentId);

private:
    void Refill();

    std::vector<Theme> m_themes;
    std::vector<const Commitment*> m_offered; ///< every commitment offered, by ref
    std::vector<Commitment> m_commitments;
    std::vector<const Commitment*> m_shown; ///< parallel to the checklist
    std::set<std::string> m_checked;
    wxChoice* m_theme = nullptr;
    wxTextCtrl* m_filter = nullptr;
    wxCheckListBox* m_list = nullptr;
};

/// Chooses evidence contributions: first the candidates behind the point's topics and
/// commitments (`query`), then whatever words the user searches for. Contributions in
/// `alreadyLinked` are not offered.
class EvidencePickerDialog : public StandardDialog {
public:
    EvidencePickerDialog(wxWindow* parent, ReorientationDialog::EvidenceSource source, const EvidenceQuery& query,
                         const std::set<std::string>& alreadyLinked);
    /// The lines selected.
    std::vector<EvidenceItem> Chosen() const;
    /// Shows `items` as the candidates (what the source's answer does).
    void ShowCandidates(const std::vector<EvidenceItem>& items, const wxString& status);
    /// Number of candidates listed.
    int CandidateCount() const;

private:
    void Ask(const EvidenceQuery& query);
    void ShowFullText();

    ReorientationDialog::EvidenceSource m_source;
    EvidenceQuery m_linksQuery;
    std::set<std::string> m_alreadyLinked;
    std::vector<EvidenceItem> m_items;
    std::shared_ptr<int> m_alive = std::make_shared<int>(0); ///< answers after the dialog is gone are dropped
    int m_asked = 0;                                         ///< only the latest answer is shown
    wxTextCtrl* m_words = nullptr;
    wxListCtrl* m_list = nullptr;
    wxTextCtrl* m_text = nullptr;
    wxStaticText* m_status = nullptr;
};

} // namespace concerto
