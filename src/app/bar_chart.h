#pragma once
// A small horizontal bar chart drawn by hand: a title, then one row per category with its
// label, a bar proportional to its count and the count itself. Enough for the dashboard's
// totals without pulling a charting library into the app.

#include <utility>
#include <vector>
#include <wx/window.h>

namespace concerto {

/// Horizontal bars for (label, count) pairs, in the order given. Counts are formatted with
/// FormatCount(); an empty or all-zero series shows a short "nothing yet" line instead.
class BarChart : public wxWindow {
public:
    using Series = std::vector<std::pair<wxString, long long>>;

    BarChart(wxWindow* parent, const wxString& title, const wxColour& barColour);

    /// Replaces the data and repaints; the best height follows the number of rows.
    void SetSeries(Series series);
    const Series& GetSeries() const { return m_series; }

protected:
    wxSize DoGetBestClientSize() const override;

private:
    void OnPaint(wxPaintEvent& event);
    int RowHeight() const;
    int TitleHeight() const;

    wxString m_title;
    wxColour m_barColour;
    Series m_series;
};

} // namespace concerto
