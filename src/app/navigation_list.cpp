#include "app/navigation_list.h"

#include <algorithm>
#include <wx/dcclient.h>
#include <wx/settings.h>

namespace concerto {

NavigationList::NavigationList(wxWindow* parent, std::vector<wxString> names, std::vector<wxString> shortcuts)
    : wxVListBox(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_NONE), m_names(std::move(names)),
      m_shortcuts(std::move(shortcuts))
{
    SetFont(GetFont().Scaled(1.1f));
    // A side panel tone sets the navigation apart from the page it controls.
    SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_FRAMEBK));
    SetMargins(FromDIP(wxPoint(12, 0)));
    SetItemCount(m_names.size());
}

wxCoord NavigationList::OnMeasureItem(size_t) const
{
    return GetCharHeight() + FromDIP(16);
}

void NavigationList::OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const
{
    const bool selected = IsSelected(n);
    const wxColour text = selected ? wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHTTEXT)
                                   : wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const wxColour hint = selected ? text : wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    dc.SetFont(selected ? GetFont().Bold() : GetFont());
    dc.SetTextForeground(text);
    const int y = rect.y + (rect.height - dc.GetCharHeight()) / 2;
    dc.DrawText(m_names[n], rect.x, y);
    if (n < m_shortcuts.size()) {
        dc.SetFont(GetFont().Scaled(0.85f));
        dc.SetTextForeground(hint);
        const wxSize extent = dc.GetTextExtent(m_shortcuts[n]);
        dc.DrawText(m_shortcuts[n], rect.GetRight() - extent.x, rect.y + (rect.height - extent.y) / 2);
    }
}

wxSize NavigationList::DoGetBestClientSize() const
{
    wxClientDC dc(const_cast<NavigationList*>(this));
    int widest = 0;
    dc.SetFont(GetFont().Bold());
    for (const auto& name : m_names)
        widest = std::max(widest, dc.GetTextExtent(name).x);
    dc.SetFont(GetFont().Scaled(0.85f));
    int widestHint = 0;
    for (const auto& shortcut : m_shortcuts)
        widestHint = std::max(widestHint, dc.GetTextExtent(shortcut).x);
    const int height = static_cast<int>(m_names.size()) * OnMeasureItem(0);
    return wxSize(widest + widestHint + FromDIP(24 + 24), height);
}

} // namespace concerto
