#pragma once
// The pages of the Synthèse area's notebook — insights, salient topics, reorientation points —
// and the one command they share: editing a reorientation point, so that a flag of the
// insights or a topic's evidence can become a point in one step.

#include "app/app_context.h"
#include "app/area_view.h"
#include "db/restitution.h"

namespace concerto {

/// Commitment × stance matrix, the flags with their evidence, contributions per neighbourhood.
AreaView* CreateInsightsPage(wxWindow* parent, AppContext& context);
/// Salient topics: list, evidence and its spread, agoras and their outcome, editor, merge.
AreaView* CreateTopicsPage(wxWindow* parent, AppContext& context);
/// Reorientation points: list, detail, editor, dated notes, commitments born from a point.
AreaView* CreateReorientationsPage(wxWindow* parent, AppContext& context);

/// Opens the reorientation point editor (modal) on `draft` — a new point when its id is empty,
/// prefilled with whatever links the caller knows. Saves with SaveReorientation (conflicts
/// through AskConflict) and announces NotifyChanged("reorientation"). Returns the saved point's
/// id, or an empty string when the user cancelled.
std::string EditReorientationPoint(wxWindow* parent, AppContext& context, const ReorientationDraft& draft);

} // namespace concerto
