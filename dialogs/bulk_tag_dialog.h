#pragma once
// Bulk tagging: one commitment (or a theme alone) with a stance, or one label, given to every
// contribution the coding queue's filters and search match. The dialog shows how many that is
// before anything is written; the owner counted them and applies the choice (as one undoable
// action).

#include "core/model.h"
#include "dialogs/standard_dialog.h"

#include <string>
#include <vector>

class wxButton;
class wxChoice;
class wxListBox;
class wxRadioButton;
class wxSearchCtrl;
class wxStaticText;
class wxTextCtrl;

namespace concerto {

/// A row the dialog offers: a theme, or one of its commitments.
struct BulkTagTarget {
    std::string commitmentId; ///< empty for a theme
    std::string themeId;
    std::string label; ///< "2.3 Cantines bio", or the theme's title (UTF-8)
};

/// What the dialog offers and says.
struct BulkTagChoices {
    std::vector<BulkTagTarget> targets; ///< each theme followed by its commitments
    std::vector<std::string> labels;    ///< the consultation's labels, for completion
    long long count = 0;                ///< contributions matching the queue's filters and search
    std::string scope;                  ///< those filters in words, UTF-8 ("État : Nouvelle · …")
    Stance stance = Stance::Observation;
    std::string preselectedCommitmentId; ///< highlighted first, if any
};

/// What the user chose.
struct BulkTagRequest {
    bool isLabel = false;
    std::string commitmentId, themeId; ///< a tag: the commitment, or the theme alone
    Stance stance = Stance::Observation;
    std::string label; ///< a label: its name, trimmed
};

/// Asks what to give every contribution of the selection, after saying how many they are.
class BulkTagDialog : public StandardDialog {
public:
    BulkTagDialog(wxWindow* parent, const BulkTagChoices& choices);

    /// The choice, valid after OK.
    const BulkTagRequest& GetRequest() const { return m_request; }

    bool TransferDataFromWindow() override;

    /// The controls, for tests.
    wxSearchCtrl* FindBox() const { return m_find; }
    wxListBox* TargetList() const { return m_list; }
    wxChoice* StanceChoice() const { return m_stance; }
    wxRadioButton* LabelOption() const { return m_asLabel; }
    wxTextCtrl* LabelBox() const { return m_label; }

private:
    void FillList();
    void UpdateEnabling();

    BulkTagChoices m_choices;
    std::vector<std::size_t> m_shown; ///< indexes into m_choices.targets, as listed
    BulkTagRequest m_request;
    wxRadioButton* m_asTag = nullptr;
    wxRadioButton* m_asLabel = nullptr;
    wxSearchCtrl* m_find = nullptr;
    wxListBox* m_list = nullptr;
    wxChoice* m_stance = nullptr;
    wxTextCtrl* m_label = nullptr;
    wxStaticText* m_problem = nullptr;
};

} // namespace concerto
