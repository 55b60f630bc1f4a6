#pragma once
// One factory per area. Each returns the area's page, or nullptr while the area has no view
// (the frame then shows a placeholder that says what the area will hold).

#include "app/app_context.h"
#include "app/area_view.h"

namespace concerto {

AreaView* CreateContributionsView(wxWindow* parent, AppContext& context);
AreaView* CreateCommitmentsView(wxWindow* parent, AppContext& context);
AreaView* CreateMeetingsView(wxWindow* parent, AppContext& context);
AreaView* CreateReferenceDataView(wxWindow* parent, AppContext& context);
AreaView* CreateCodingView(wxWindow* parent, AppContext& context);
AreaView* CreateReportsView(wxWindow* parent, AppContext& context);
AreaView* CreateSynthesisView(wxWindow* parent, AppContext& context);
AreaView* CreateAdministrationView(wxWindow* parent, AppContext& context);

} // namespace concerto
