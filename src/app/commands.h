#pragma once
// Commands that several places of the interface offer (menu, toolbar, a view's button).

#include "app/app_context.h"

#include <string>

class wxWindow;

namespace concerto {

/// Opens the quick entry form for paper contributions (modeless; one at a time), preset on
/// `meetingId` when given. Saved contributions are announced with NotifyChanged("contribution").
void OpenQuickEntry(wxWindow* parent, AppContext& context, const std::string& meetingId = {});

} // namespace concerto
