#include "app/area_views.h"
#include "app/reference_panel.h"

namespace concerto {

AreaView* CreateReferenceDataView(wxWindow* parent, AppContext& context)
{
    return new ReferenceDataPanel(parent, context);
}

} // namespace concerto
