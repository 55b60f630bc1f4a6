#pragma once
// The data behind the commitments view: the consultation's themes, their commitments and the
// contributions linked to each (per stance), loaded in one go off the UI thread, and the
// wxDataViewCtrl tree model that shows them filtered by a type-to-filter text.

#include "db/commitment_queries.h"
#include "db/database.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>
#include <wx/dataview.h>

namespace concerto {

/// Everything the tree shows, read in one worker job.
struct CommitmentTreeData {
    std::vector<Theme> themes;           ///< in position order
    std::vector<Commitment> commitments; ///< in position order within each theme
    std::map<std::string, CommitmentCounts> counts;
};

/// Reads the tree of `consultationId` (runs on the worker's connection).
CommitmentTreeData LoadCommitmentTree(Database& db, const std::string& consultationId);


/// Themes → commitments, with the columns below. Theme rows show the sums of their visible
/// commitments. Items stay valid until the next SetData() or SetFilter().
class CommitmentTreeModel : public wxDataViewModel {
public:
    enum Column : unsigned {
        RefColumn,
        TitleColumn,
        StatusColumn,
        FirstStanceColumn,
        TotalColumn = FirstStanceColumn + kStanceCount,
        ColumnCount
    };

    CommitmentTreeModel();
    ~CommitmentTreeModel() override;

    /// Replaces everything shown. Returns true when the rows changed (added, removed, moved,
    /// filtered differently): the control then lost its expansion and selection. When only
    /// values changed, rows are updated in place and the control keeps both (and its scrolling).
    bool SetData(CommitmentTreeData data);
    /// Shows only the commitments whose reference or title contains `text`, ignoring case and
    /// accents ("ecole" finds "École"); themes without a match are hidden. Empty shows all.
    void SetFilter(const wxString& text);
    const wxString& Filter() const { return m_filter; }

    /// The visible theme rows, in order.
    wxDataViewItemArray ThemeItems() const;
    /// The visible commitment rows of a theme row.
    wxDataViewItemArray CommitmentItems(const wxDataViewItem& theme) const;
    /// The row of a commitment (invalid when hidden or unknown).
    wxDataViewItem ItemOfCommitment(const std::string& id) const;
    /// The commitment of a row, or nullptr for a theme row or an invalid item.
    const Commitment* CommitmentOf(const wxDataViewItem& item) const;
    /// The theme of a row (of its parent theme for a commitment row), or nullptr.
    const Theme* ThemeOf(const wxDataViewItem& item) const;
    /// The counts shown on a row (a theme: the sums of its visible commitments).
    CommitmentCounts CountsOf(const wxDataViewItem& item) const;
    /// The text shown in a cell (the status label for the status column).
    wxString CellText(const wxDataViewItem& item, unsigned column) const;

    std::size_t VisibleCommitmentCount() const { return m_visibleCommitments; }
    std::size_t CommitmentCount() const { return m_data.commitments.size(); }
    std::size_t ThemeCount() const { return m_data.themes.size(); }
    const std::vector<Theme>& Themes() const { return m_data.themes; }
    /// Every commitment loaded, whatever the filter shows.
    const std::vector<Commitment>& Commitments() const { return m_data.commitments; }

    // wxDataViewModel
    unsigned int GetColumnCount() const override { return ColumnCount; }
    wxString GetColumnType(unsigned int column) const override;
    void GetValue(wxVariant& value, const wxDataViewItem& item, unsigned int column) const override;
    bool SetValue(const wxVariant&, const wxDataViewItem&, unsigned int) override { return false; }
    bool GetAttr(const wxDataViewItem& item, unsigned int column, wxDataViewItemAttr& attr) const override;
    wxDataViewItem GetParent(const wxDataViewItem& item) const override;
    bool IsContainer(const wxDataViewItem& item) const override;
    bool HasContainerColumns(const wxDataViewItem&) const override { return true; }
    unsigned int GetChildren(const wxDataViewItem& item, wxDataViewItemArray& children) const override;
    int Compare(const wxDataViewItem& a, const wxDataViewItem& b, unsigned int column, bool ascending) const override;

private:
    struct Node {
        const Theme* theme = nullptr;           ///< a theme row
        const Commitment* commitment = nullptr; ///< a commitment row
        Node* parent = nullptr;
        CommitmentCounts counts;    ///< a commitment's own; a theme's visible sums
        std::vector<Node*> visible; ///< of a theme: its commitments that pass the filter
        std::vector<Node*> all;     ///< of a theme: all its commitments
        std::string folded;         ///< of a commitment: its reference and title, folded
        std::size_t order = 0;      ///< position among its siblings in the stored order
    };
    static Node* NodeOf(const wxDataViewItem& item) { return static_cast<Node*>(item.GetID()); }
    void ApplyFilter();
    /// Computes what the filter lets through; true when it differs from what is shown.
    bool Refilter();
    bool SameRows(const CommitmentTreeData& data) const;

    CommitmentTreeData m_data;
    std::vector<std::unique_ptr<Node>> m_themeNodes;
    std::vector<std::unique_ptr<Node>> m_commitmentNodes;
    std::vector<Node*> m_visibleThemes;
    std::map<CommitmentStatus, wxBitmap> m_markers;
    wxString m_filter;
    std::size_t m_visibleCommitments = 0;
};

} // namespace concerto
