#pragma once
// The page of one area of the main window. The frame creates the pages through the
// factories of area_views.h and talks to them only through this interface.

#include <wx/window.h>

namespace concerto {

class AreaView {
public:
    virtual ~AreaView() = default;
    /// The page itself (a child of the book the frame gave as parent).
    virtual wxWindow* Window() = 0;
    /// The database or the consultation changed: drop what was shown and load again.
    virtual void Reload() = 0;
    /// The page became visible: a good moment to load lazily or take the keyboard focus.
    virtual void OnShown() {}
};

} // namespace concerto
