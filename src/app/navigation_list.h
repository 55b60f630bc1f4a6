#pragma once
// The sidebar listing the app's areas: a drawn list with roomy rows and each area's keyboard
// shortcut, because a plain wxListBox row is too cramped to read as navigation.

#include <vector>
#include <wx/vlbox.h>

namespace concerto {

/// A single-selection list of area names, each with a shortcut hint ("Ctrl+1") drawn at the
/// right. Selecting a row emits wxEVT_LISTBOX like a wxListBox.
class NavigationList : public wxVListBox {
public:
    NavigationList(wxWindow* parent, std::vector<wxString> names, std::vector<wxString> shortcuts);

protected:
    void OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const override;
    wxCoord OnMeasureItem(size_t n) const override;
    wxSize DoGetBestClientSize() const override;

private:
    std::vector<wxString> m_names;
    std::vector<wxString> m_shortcuts;
};

} // namespace concerto
