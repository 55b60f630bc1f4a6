#pragma once
// "Who changed this contribution, and when": the audit trail of one contribution (its own
// changes and those of its codings, labels and contact details), read on the worker and shown
// in the history dialog. Opened from the Contributions area (Ctrl+H, the context menu).

#include "app/app_context.h"

#include <string>

class wxWindow;

namespace concerto {

class ContributionListCtrl;

/// Reads the history of the contribution `contributionId` (entry number `seq`, for the title)
/// on the worker, then shows it in a modal dialog over `parent`; an error is shown in a message.
void ShowContributionHistory(wxWindow* parent, AppContext& context, const std::string& contributionId, long long seq);

/// The same for the contribution selected in `list` (the first one); does nothing without one.
void ShowHistoryOfSelection(wxWindow* parent, AppContext& context, const ContributionListCtrl& list);

} // namespace concerto
