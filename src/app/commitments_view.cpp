#include "app/area_views.h"
#include "app/commitment_panel.h"

namespace concerto {

AreaView* CreateCommitmentsView(wxWindow* parent, AppContext& context)
{
    return new CommitmentsPanel(parent, context);
}

} // namespace concerto
