#pragma once
// Small pieces the list pages (salient topics, reorientation points, meetings) share: their
// toolbar buttons, and the selection in report lists whose rows mirror a vector of the page
// (row i shows element i), which the pages select by id after a reload and read back.

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>

#include <cstddef>

namespace concerto {

/// A button `label` of the toolbar `bar` with the tooltip `tip` (which names the shortcut),
/// added to `row` after a small gap, that calls `command` of `page`.
template <typename Page>
wxButton* AddBarButton(wxWindow* bar, wxSizer* row, const wxString& label, const wxString& tip, Page* page,
                       void (Page::*command)())
{
    auto* button = new wxButton(bar, wxID_ANY, label);
    button->SetToolTip(tip);
    button->Bind(wxEVT_BUTTON, [page, command](wxCommandEvent&) { (page->*command)(); });
    row->Add(button, wxSizerFlags().CenterVertical().Border(wxLEFT, page->FromDIP(6)));
    return button;
}

/// Selects and focuses row `row` of `list` and scrolls it into view.
inline void SelectListRow(wxListCtrl& list, long row)
{
    list.SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    list.EnsureVisible(row);
}

/// The first selected row of `list` when it is below `count` (the rows the page has data for); -1 otherwise.
inline long SelectedListRow(const wxListCtrl& list, std::size_t count)
{
    const long row = list.GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return row >= 0 && static_cast<std::size_t>(row) < count ? row : -1;
}

} // namespace concerto
