#include "app/area_views.h"
#include "app/meeting_panel.h"

namespace concerto {

AreaView* CreateMeetingsView(wxWindow* parent, AppContext& context)
{
    return new MeetingPanel(parent, context);
}

} // namespace concerto
