#pragma once
// The words the interface uses for the domain's enumerations, translated once for every
// dialog and view.

#include "core/model.h"

#include <vector>

#include <wx/string.h>

namespace concerto {

/// "New", "To review", "Tagged", "Excluded" (translated).
wxString StateName(ContributionState state);
/// The states in the order of the work: new, to review, tagged, excluded.
const std::vector<ContributionState>& StatesInOrder();
/// "Support", "Criticism", "Proposal", "Question", "Observation" (translated).
wxString StanceName(Stance stance);
/// "Proposed", "Adopted", "Rejected", "Deferred" (translated).
wxString DecisionName(Decision decision);
/// How a reorientation point changes a commitment: "Amended", "New", "Dropped" (translated).
wxString ChangeName(ChangeKind change);

} // namespace concerto
