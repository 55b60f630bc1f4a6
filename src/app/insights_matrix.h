#pragma once
// The commitment × stance matrix of the insights page: one row per commitment, grouped by
// theme (ref, title, status in its colour, contributions in all, then for each stance the
// count and its share), flagged commitments marked. Sorting by any column compares the figures themselves,
// not their text; a filter keeps the rows whose theme, ref, title or status contains a word.

#include "db/synthesis.h"

#include <map>
#include <string>
#include <vector>
#include <wx/dataview.h>

namespace concerto {

/// The model's columns (stances follow Stance's order); the theme is in the model (filter,
/// RowTexts) but not shown: refs carry its code and rows come grouped by it.
enum InsightsMatrixColumn : unsigned {
    MatrixFlagColumn,
    MatrixThemeColumn,
    MatrixRefColumn,
    MatrixTitleColumn,
    MatrixStatusColumn,
    MatrixTotalColumn,
    MatrixFirstStanceColumn,
    MatrixColumnCount = MatrixFirstStanceColumn + kStanceCount
};

/// « 12 (40 %) »: a count and its share of `total`, rounded to the unit (« 0 » alone for none).
wxString CountAndShare(long long count, long long total);

/// The matrix as a sortable list. Rows are set all at once (a consultation has a few hundred
/// commitments at most); the control keeps them in the model's order until a header is clicked.
class InsightsMatrix : public wxDataViewCtrl {
public:
    explicit InsightsMatrix(wxWindow* parent);

    /// Shows `rows` (in the insights' order: by theme, then commitment position); `flags` maps
    /// a commitment id to the words of its flag (« Fait, mais surtout critiqué »…).
    void SetRows(const std::vector<StanceRow>& rows, const std::map<std::string, wxString>& flags);
    /// Keeps only the rows whose theme, ref, title or status contains `text` (accents and case
    /// ignored); an empty text shows every row.
    void SetFilter(const wxString& text);
    /// The commitment id of the selected row, or empty.
    std::string SelectedCommitmentId() const;
    /// Number of rows shown (after the filter).
    std::size_t ShownCount() const;
    /// Each row shown, in the model's order, cells joined by " | "; for tests.
    std::vector<wxString> RowTexts() const;

private:
    class Model;
    /// Gives the commitment's title the width the other columns leave.
    void FitTitleColumn();
    wxObjectDataPtr<Model> m_model;
};

} // namespace concerto
