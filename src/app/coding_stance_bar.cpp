#include "app/coding_stance_bar.h"

#include "app/coding_keys.h"
#include "dialogs/domain_labels.h"

#include <algorithm>
#include <vector>
#include <wx/dcbuffer.h>
#include <wx/intl.h>
#include <wx/settings.h>

namespace concerto {

namespace {

constexpr Stance kOrder[] = {Stance::Support, Stance::Criticism, Stance::Proposal, Stance::Question,
                             Stance::Observation};
constexpr int kSegments = 5;

} // namespace

CodingStanceBar::CodingStanceBar(wxWindow* parent, std::function<void(Stance)> onChoose)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE),
      m_onChoose(std::move(onChoose))
{
    SetName("stance-bar");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetCursor(wxCursor(wxCURSOR_HAND));
    SetToolTip(_("The stance given by the next tag: S support, C criticism, P proposal, Q question, O observation"));
    Bind(wxEVT_PAINT, &CodingStanceBar::OnPaint, this);
    Bind(wxEVT_LEFT_UP, [this](wxMouseEvent& event) {
        const int segment = SegmentAt(event.GetX());
        if (segment >= 0 && m_onChoose)
            m_onChoose(kOrder[segment]);
    });
}

void CodingStanceBar::SetStance(Stance stance)
{
    if (stance == m_stance)
        return;
    m_stance = stance;
    Refresh();
}

wxSize CodingStanceBar::DoGetBestClientSize() const
{
    wxClientDC dc(const_cast<CodingStanceBar*>(this));
    dc.SetFont(GetFont().Bold());
    int width = 0;
    for (Stance stance : kOrder)
        width += dc.GetTextExtent(StanceName(stance) + " W").GetWidth() + FromDIP(12);
    return wxSize(width, dc.GetCharHeight() + FromDIP(12));
}

std::vector<int> CodingStanceBar::Edges() const
{
    // Each segment as wide as its words need, the spare width shared evenly: "Proposition"
    // gets more room than "Soutien".
    wxClientDC dc(const_cast<CodingStanceBar*>(this));
    dc.SetFont(GetFont().Bold());
    std::vector<int> needs;
    int total = 0;
    for (Stance stance : kOrder) {
        needs.push_back(dc.GetTextExtent(StanceName(stance) + " " + StanceKey(stance)).GetWidth() + FromDIP(8));
        total += needs.back();
    }
    const int width = GetClientSize().GetWidth();
    const int spare = std::max(0, width - total) / kSegments;
    std::vector<int> edges{0};
    for (int i = 0; i < kSegments; ++i)
        edges.push_back(i + 1 == kSegments ? width : edges.back() + needs[static_cast<std::size_t>(i)] + spare);
    return edges;
}

int CodingStanceBar::SegmentAt(int x) const
{
    const auto edges = Edges();
    for (int i = 0; i < kSegments; ++i)
        if (x >= edges[static_cast<std::size_t>(i)] && x < edges[static_cast<std::size_t>(i) + 1])
            return i;
    return -1;
}

void CodingStanceBar::OnPaint(wxPaintEvent&)
{
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(GetParent()->GetBackgroundColour());
    dc.Clear();
    const wxSize size = GetClientSize();
    const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const wxColour window = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW);
    if (size.GetWidth() < kSegments * 4 || size.GetHeight() < 4)
        return;
    const auto edges = Edges();
    for (int i = 0; i < kSegments; ++i) {
        const int left = edges[static_cast<std::size_t>(i)];
        const int right = edges[static_cast<std::size_t>(i) + 1];
        const wxRect segment(left + 1, 1, right - left - 2, size.GetHeight() - 2);
        const Stance stance = kOrder[i];
        const bool chosen = stance == m_stance;
        dc.SetPen(wxPen(chosen ? StanceColour(stance) : grey.ChangeLightness(160)));
        dc.SetBrush(chosen ? StanceColour(stance) : window);
        dc.DrawRoundedRectangle(segment, FromDIP(4));
        // The name, then its key letter a little apart and lighter.
        const wxString name = StanceName(stance);
        const wxString key = StanceKey(stance);
        dc.SetFont(chosen ? GetFont().Bold() : GetFont());
        const int nameWidth = dc.GetTextExtent(name).GetWidth();
        dc.SetFont(GetFont().Bold());
        const int keyWidth = dc.GetTextExtent(key).GetWidth();
        const int gap = FromDIP(4);
        int x = segment.GetLeft() + (segment.GetWidth() - nameWidth - gap - keyWidth) / 2;
        const int y = (size.GetHeight() - dc.GetCharHeight()) / 2;
        dc.SetFont(chosen ? GetFont().Bold() : GetFont());
        dc.SetTextForeground(chosen ? *wxWHITE : text);
        dc.DrawText(name, x, y);
        x += nameWidth + gap;
        dc.SetFont(GetFont().Bold());
        dc.SetTextForeground(chosen ? wxColour(0xFF, 0xFF, 0xFF, 0xC0) : grey);
        dc.DrawText(key, x, y);
    }
}

} // namespace concerto
