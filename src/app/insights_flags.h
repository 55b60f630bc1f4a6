#pragma once
// The navigator of the insights page: the contributions per neighbourhood first, then the
// three kinds of flag — commitments whose status disagrees with what citizens say (with how),
// commitments nobody mentioned, contributions linked to no commitment grouped by label — each
// with its count. Selecting a flag shows its evidence next to the tree.

#include "db/synthesis.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>
#include <wx/treectrl.h>

namespace concerto {

/// What a tree item stands for: the overview, a flag's heading, or one flag.
enum class FlagKind { Overview, DisagreementHeading, UnmentionedHeading, UnlinkedHeading, Disagreement, Unmentioned,
                      Unlinked };

/// One item: its kind and, for a flag, its index in the matching vector of the Insights.
struct FlagRef {
    FlagKind kind = FlagKind::Overview;
    std::size_t index = 0;
    /// True for a single flag (one commitment or one label group), false for headings.
    bool IsFlag() const
    {
        return kind == FlagKind::Disagreement || kind == FlagKind::Unmentioned || kind == FlagKind::Unlinked;
    }
};

/// How the interface words a disagreement (« Fait, mais surtout critiqué »…), translated.
wxString DisagreementLabel(Disagreement kind);
/// The name of an unlinked group: its label, or « Without label » for the group without one.
wxString UnlinkedGroupName(const UnlinkedGroup& group);

/// The tree of flags. The page keeps the Insights; the tree keeps indexes into them.
class InsightsFlagTree : public wxTreeCtrl {
public:
    explicit InsightsFlagTree(wxWindow* parent);

    /// Rebuilds the tree from `insights`, selecting again the item that was selected (the same
    /// commitment or label) when it is still there, else the overview.
    void SetInsights(const Insights& insights);
    /// The selected item's meaning, or nullopt when nothing is selected.
    std::optional<FlagRef> Selected() const;
    /// The item of `ref`, or an invalid id.
    wxTreeItemId ItemOf(const FlagRef& ref) const;
    /// The item of the flag(s) of `commitmentId` (disagreement first), or an invalid id.
    wxTreeItemId ItemOfCommitment(const std::string& commitmentId) const;
    /// Every item's text, children indented by two spaces, in tree order; for tests.
    std::vector<wxString> ItemTexts() const;

private:
    class Data;
    wxTreeItemId Add(const wxTreeItemId& parent, const wxString& text, const FlagRef& ref, const std::string& key);
    /// The item whose key (kind and commitment or label id) is `key`, or an invalid id.
    wxTreeItemId Find(const std::string& key) const;
    /// The first item, depth first, whose data satisfies `matches`, or an invalid id.
    wxTreeItemId FindIf(const std::function<bool(const Data&)>& matches) const;
};

} // namespace concerto
