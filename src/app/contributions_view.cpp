#include "app/area_views.h"
#include "app/contribution_panel.h"

namespace concerto {

AreaView* CreateContributionsView(wxWindow* parent, AppContext& context)
{
    return new ContributionPanel(parent, context);
}

} // namespace concerto
