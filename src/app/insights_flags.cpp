#include "app/insights_flags.h"

#include "app/localization.h"

#include <functional>
#include <wx/intl.h>

namespace concerto {

wxString DisagreementLabel(Disagreement kind)
{
    switch (kind) {
    case Disagreement::DoneButCriticised:
        return _("Done, but mostly criticised");
    case Disagreement::PlannedButRequested:
        return _("Still to do, but asked for");
    case Disagreement::DroppedButRequested:
        return _("Dropped, but asked for");
    }
    return wxString();
}

wxString UnlinkedGroupName(const UnlinkedGroup& group)
{
    return group.labelId.empty() ? _("Without label") : wxString::FromUTF8(group.labelName);
}

class InsightsFlagTree::Data : public wxTreeItemData {
public:
    Data(const FlagRef& ref, std::string key) : m_ref(ref), m_key(std::move(key)) {}
    const FlagRef& Ref() const { return m_ref; }
    const std::string& Key() const { return m_key; }

private:
    FlagRef m_ref;
    std::string m_key;
};

namespace {

// Titles are cut to what the tree's width shows; the evidence heading gives the whole title.
constexpr std::size_t kTitleChars = 28;

wxString CommitmentName(const StanceRow& row)
{
    wxString title = wxString::FromUTF8(row.title);
    if (title.length() > kTitleChars)
        title = title.Left(kTitleChars - 1).Trim() + wxString::FromUTF8("\u2026");
    return wxString::FromUTF8(row.ref) + wxString::FromUTF8(" \u2013 ") + title;
}

wxString WithCount(const wxString& text, long long count)
{
    return wxString::Format("%s (%s)", text, FormatCount(count));
}

} // namespace

InsightsFlagTree::InsightsFlagTree(wxWindow* parent)
    : wxTreeCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxTR_HAS_BUTTONS | wxTR_HIDE_ROOT | wxTR_SINGLE | wxTR_NO_LINES | wxTR_FULL_ROW_HIGHLIGHT |
                     wxBORDER_THEME)
{
    SetName("insights-flags");
    AddRoot(wxString());
}

wxTreeItemId InsightsFlagTree::Add(const wxTreeItemId& parent, const wxString& text, const FlagRef& ref,
                                   const std::string& key)
{
    // A label may hold "&": the tree shows it as is, no mnemonic to escape.
    return AppendItem(parent, text, -1, -1, new Data(ref, key));
}

void InsightsFlagTree::SetInsights(const Insights& insights)
{
    std::string previous;
    if (wxTreeItemId selected = GetSelection(); selected.IsOk())
        if (auto* data = dynamic_cast<Data*>(GetItemData(selected)))
            previous = data->Key();
    Freeze();
    DeleteChildren(GetRootItem());
    const wxTreeItemId root = GetRootItem();
    Add(root, _("Contributions by neighbourhood"), {FlagKind::Overview, 0}, "overview");

    const wxTreeItemId disagreements = Add(
        root, WithCount(_("Status disagrees with citizens"), static_cast<long long>(insights.disagreements.size())),
        {FlagKind::DisagreementHeading, 0}, "disagreements");
    // One sub-heading per way of disagreeing, in the order of Disagreement.
    for (Disagreement kind : {Disagreement::DoneButCriticised, Disagreement::PlannedButRequested,
                              Disagreement::DroppedButRequested}) {
        long long count = 0;
        for (const DisagreementFlag& flag : insights.disagreements)
            count += flag.kind == kind ? 1 : 0;
        if (count == 0)
            continue;
        const wxTreeItemId group = Add(disagreements, WithCount(DisagreementLabel(kind), count),
                                       {FlagKind::DisagreementHeading, 0}, "k:" + std::to_string(static_cast<int>(kind)));
        for (std::size_t i = 0; i < insights.disagreements.size(); ++i) {
            const DisagreementFlag& flag = insights.disagreements[i];
            if (flag.kind == kind)
                Add(group, WithCount(CommitmentName(flag.commitment), flag.evidenceCount), {FlagKind::Disagreement, i},
                    "d:" + flag.commitment.commitmentId);
        }
        Expand(group);
    }
    const wxTreeItemId unmentioned =
        Add(root, WithCount(_("Nobody mentioned"), static_cast<long long>(insights.unmentioned.size())),
            {FlagKind::UnmentionedHeading, 0}, "unmentioned");
    for (std::size_t i = 0; i < insights.unmentioned.size(); ++i)
        Add(unmentioned, CommitmentName(insights.unmentioned[i]), {FlagKind::Unmentioned, i},
            "m:" + insights.unmentioned[i].commitmentId);
    long long unlinkedTotal = 0;
    for (const UnlinkedGroup& group : insights.unlinked)
        unlinkedTotal += group.count;
    const wxTreeItemId unlinked = Add(root, WithCount(_("Linked to no commitment"), unlinkedTotal),
                                      {FlagKind::UnlinkedHeading, 0}, "unlinked");
    for (std::size_t i = 0; i < insights.unlinked.size(); ++i)
        Add(unlinked, WithCount(UnlinkedGroupName(insights.unlinked[i]), insights.unlinked[i].count),
            {FlagKind::Unlinked, i}, "l:" + insights.unlinked[i].labelId);
    Expand(disagreements);
    Expand(unmentioned);
    Expand(unlinked);
    Thaw();

    wxTreeItemId again = previous.empty() ? wxTreeItemId() : Find(previous);
    if (!again.IsOk())
        again = Find("overview");
    SelectItem(again);
    EnsureVisible(again);
}

std::optional<FlagRef> InsightsFlagTree::Selected() const
{
    const wxTreeItemId selected = GetSelection();
    if (!selected.IsOk())
        return std::nullopt;
    if (auto* data = dynamic_cast<Data*>(GetItemData(selected)))
        return data->Ref();
    return std::nullopt;
}

wxTreeItemId InsightsFlagTree::FindIf(const std::function<bool(const Data&)>& matches) const
{
    std::function<wxTreeItemId(const wxTreeItemId&)> search = [&](const wxTreeItemId& parent) {
        wxTreeItemIdValue cookie;
        for (wxTreeItemId child = GetFirstChild(parent, cookie); child.IsOk(); child = GetNextChild(parent, cookie)) {
            if (auto* data = dynamic_cast<Data*>(GetItemData(child)); data && matches(*data))
                return child;
            if (wxTreeItemId found = search(child); found.IsOk())
                return found;
        }
        return wxTreeItemId();
    };
    return search(GetRootItem());
}

wxTreeItemId InsightsFlagTree::Find(const std::string& key) const
{
    return FindIf([&key](const Data& data) { return data.Key() == key; });
}

wxTreeItemId InsightsFlagTree::ItemOf(const FlagRef& ref) const
{
    return FindIf([&ref](const Data& data) { return data.Ref().kind == ref.kind && data.Ref().index == ref.index; });
}

wxTreeItemId InsightsFlagTree::ItemOfCommitment(const std::string& commitmentId) const
{
    wxTreeItemId item = Find("d:" + commitmentId);
    return item.IsOk() ? item : Find("m:" + commitmentId);
}

std::vector<wxString> InsightsFlagTree::ItemTexts() const
{
    std::vector<wxString> texts;
    std::function<void(const wxTreeItemId&, const wxString&)> walk = [&](const wxTreeItemId& parent,
                                                                        const wxString& indent) {
        wxTreeItemIdValue cookie;
        for (wxTreeItemId child = GetFirstChild(parent, cookie); child.IsOk(); child = GetNextChild(parent, cookie)) {
            texts.push_back(indent + GetItemText(child));
            walk(child, indent + "  ");
        }
    };
    walk(GetRootItem(), wxString());
    return texts;
}

} // namespace concerto
