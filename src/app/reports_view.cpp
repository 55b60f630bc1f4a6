#include "app/area_views.h"
#include "app/report_panel.h"

namespace concerto {

AreaView* CreateReportsView(wxWindow* parent, AppContext& context)
{
    return new ReportsPanel(parent, context);
}

} // namespace concerto
