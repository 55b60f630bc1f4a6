#pragma once
// The areas of the main window, in sidebar order, with the words that present them. Kept
// apart from the frame so that the frame stays about layout and commands.

#include <vector>
#include <wx/string.h>

namespace concerto {

/// The areas, in sidebar order; Ctrl+1…Ctrl+9 select them in this order.
enum Area {
    DashboardArea,
    ContributionsArea,
    CommitmentsArea,
    MeetingsArea,
    ReferenceDataArea,
    CodingArea,
    SynthesisArea,
    ReportsArea,
    AdministrationArea,
    AreaCount
};

/// What the user reads about an area: its name, and for an area whose view is not built yet,
/// what it will hold and what to do in the meantime.
struct AreaText {
    wxString name;
    wxString description;
    wxString meanwhile;
};

/// The texts of all areas, indexed by Area, translated into the current interface language.
std::vector<AreaText> AreaTexts();

} // namespace concerto
