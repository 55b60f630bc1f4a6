#include "app/bar_chart.h"

#include "app/localization.h"

#include <algorithm>
#include <memory>
#include <wx/control.h>
#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/intl.h>
#include <wx/settings.h>

namespace concerto {

namespace {
// Labels longer than this share of the width are cut with an ellipsis, so that bars stay readable.
constexpr double kMaxLabelShare = 0.5;
} // namespace

BarChart::BarChart(wxWindow* parent, const wxString& title, const wxColour& barColour)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE), m_title(title),
      m_barColour(barColour)
{
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, &BarChart::OnPaint, this);
}

void BarChart::SetSeries(Series series)
{
    m_series = std::move(series);
    InvalidateBestSize();
    Refresh();
}

int BarChart::RowHeight() const
{
    return GetCharHeight() + FromDIP(10);
}

int BarChart::TitleHeight() const
{
    return GetCharHeight() * 3 / 2 + FromDIP(8);
}

wxSize BarChart::DoGetBestClientSize() const
{
    const int rows = std::max<int>(1, static_cast<int>(m_series.size()));
    return wxSize(FromDIP(380), TitleHeight() + rows * RowHeight() + FromDIP(4));
}

void BarChart::OnPaint(wxPaintEvent&)
{
    wxAutoBufferedPaintDC dc(this);
    const wxColour background = GetParent()->GetBackgroundColour();
    dc.SetBackground(wxBrush(background));
    dc.Clear();

    const wxSize size = GetClientSize();
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const wxColour muted = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);

    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc)
        return;

    const wxFont base = GetFont();
    gc->SetFont(base.Bold().Scaled(1.1f), text);
    double titleWidth = 0, titleHeight = 0;
    gc->GetTextExtent(m_title, &titleWidth, &titleHeight);
    gc->DrawText(m_title, 0, 0);

    long long maximum = 0;
    for (const auto& [label, count] : m_series)
        maximum = std::max(maximum, count);

    const int top = TitleHeight();
    if (maximum == 0) {
        gc->SetFont(base, muted);
        gc->DrawText(_("Nothing recorded yet."), 0, top);
        return;
    }

    gc->SetFont(base, text);
    // Widths of the label column and of the widest count decide where bars start and end.
    double labelWidth = 0, valueWidth = 0, h = 0, w = 0;
    for (const auto& [label, count] : m_series) {
        gc->GetTextExtent(label, &w, &h);
        labelWidth = std::max(labelWidth, w);
        gc->GetTextExtent(FormatCount(count), &w, &h);
        valueWidth = std::max(valueWidth, w);
    }
    const double gap = FromDIP(10);
    labelWidth = std::min(labelWidth, size.x * kMaxLabelShare);
    const double barLeft = labelWidth + gap;
    const double barSpace = std::max(0.0, size.x - barLeft - gap - valueWidth - FromDIP(2));

    const int rowHeight = RowHeight();
    const double barHeight = rowHeight - FromDIP(8);
    double y = top;
    for (const auto& [label, count] : m_series) {
        const double textY = y + (rowHeight - GetCharHeight()) / 2.0;
        wxString shown = wxControl::Ellipsize(label, dc, wxELLIPSIZE_END, static_cast<int>(labelWidth));
        gc->SetFont(base, count == 0 ? muted : text);
        gc->GetTextExtent(shown, &w, &h);
        gc->DrawText(shown, labelWidth - w, textY);

        const double length = barSpace * static_cast<double>(count) / static_cast<double>(maximum);
        // A hairline bar still shows that the category exists and has some contributions.
        const double drawn = count > 0 ? std::max(length, 2.0) : 0.0;
        if (drawn > 0) {
            gc->SetPen(*wxTRANSPARENT_PEN);
            gc->SetBrush(wxBrush(m_barColour));
            gc->DrawRoundedRectangle(barLeft, y + (rowHeight - barHeight) / 2.0, drawn, barHeight, FromDIP(2));
        }
        gc->DrawText(FormatCount(count), barLeft + drawn + gap / 2, textY);
        y += rowHeight;
    }
}

} // namespace concerto
