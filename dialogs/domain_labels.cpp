#include "dialogs/domain_labels.h"

#include <wx/intl.h>

namespace concerto {

wxString StateName(ContributionState state)
{
    switch (state) {
    case ContributionState::New:
        return wxGETTEXT_IN_CONTEXT("contribution state", "New");
    case ContributionState::Tagged:
        return wxGETTEXT_IN_CONTEXT("contribution state", "Tagged");
    case ContributionState::ToReview:
        return wxGETTEXT_IN_CONTEXT("contribution state", "To review");
    case ContributionState::Excluded:
        return wxGETTEXT_IN_CONTEXT("contribution state", "Excluded");
    }
    return wxString();
}

const std::vector<ContributionState>& StatesInOrder()
{
    static const std::vector<ContributionState> states = {ContributionState::New, ContributionState::ToReview,
                                                          ContributionState::Tagged, ContributionState::Excluded};
    return states;
}

wxString StanceName(Stance stance)
{
    switch (stance) {
    case Stance::Support:
        return wxGETTEXT_IN_CONTEXT("stance", "Support");
    case Stance::Criticism:
        return wxGETTEXT_IN_CONTEXT("stance", "Criticism");
    case Stance::Proposal:
        return wxGETTEXT_IN_CONTEXT("stance", "Proposal");
    case Stance::Question:
        return wxGETTEXT_IN_CONTEXT("stance", "Question");
    case Stance::Observation:
        return wxGETTEXT_IN_CONTEXT("stance", "Observation");
    }
    return wxString();
}

wxString DecisionName(Decision decision)
{
    switch (decision) {
    case Decision::Proposed:
        return wxGETTEXT_IN_CONTEXT("decision", "Proposed");
    case Decision::Adopted:
        return wxGETTEXT_IN_CONTEXT("decision", "Adopted");
    case Decision::Rejected:
        return wxGETTEXT_IN_CONTEXT("decision", "Rejected");
    case Decision::Deferred:
        return wxGETTEXT_IN_CONTEXT("decision", "Deferred");
    }
    return wxString();
}

wxString ChangeName(ChangeKind change)
{
    switch (change) {
    case ChangeKind::Amended:
        return wxGETTEXT_IN_CONTEXT("commitment change", "Amended");
    case ChangeKind::New:
        return wxGETTEXT_IN_CONTEXT("commitment change", "New");
    case ChangeKind::Dropped:
        return wxGETTEXT_IN_CONTEXT("commitment change", "Dropped");
    }
    return wxString();
}

} // namespace concerto
