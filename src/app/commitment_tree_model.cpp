#include "app/commitment_tree_model.h"

#include "dialogs/domain_labels.h"

#include "app/localization.h"
#include "core/text.h"
#include "db/repositories.h"
#include "dialogs/commitment_dialog.h"

#include <algorithm>
#include <wx/intl.h>
#include <wx/settings.h>

namespace concerto {

namespace {
// "MOB-2" before "MOB-10": runs of digits compare as numbers, the rest as folded text.
int NaturalCompare(const std::string& a, const std::string& b)
{
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (std::isdigit(static_cast<unsigned char>(a[i])) && std::isdigit(static_cast<unsigned char>(b[j]))) {
            std::size_t ei = i, ej = j;
            while (ei < a.size() && std::isdigit(static_cast<unsigned char>(a[ei])))
                ++ei;
            while (ej < b.size() && std::isdigit(static_cast<unsigned char>(b[ej])))
                ++ej;
            const std::string na = a.substr(i, ei - i), nb = b.substr(j, ej - j);
            const auto ta = na.find_first_not_of('0'), tb = nb.find_first_not_of('0');
            const std::string sa = ta == std::string::npos ? "" : na.substr(ta);
            const std::string sb = tb == std::string::npos ? "" : nb.substr(tb);
            if (sa.size() != sb.size())
                return sa.size() < sb.size() ? -1 : 1;
            if (sa != sb)
                return sa < sb ? -1 : 1;
            i = ei;
            j = ej;
            continue;
        }
        if (a[i] != b[j])
            return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
        ++i;
        ++j;
    }
    if (i == a.size() && j == b.size())
        return 0;
    return i == a.size() ? -1 : 1;
}

template <class T> int Sign(T a, T b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}
} // namespace

CommitmentTreeData LoadCommitmentTree(Database& db, const std::string& consultationId)
{
    CommitmentTreeData data;
    if (consultationId.empty())
        return data;
    data.themes = ThemeRepository(db).ListBy("consultation_id", consultationId, "position");
    data.commitments = CommitmentRepository(db).ListBy("consultation_id", consultationId, "position");
    data.counts = CountLinkedContributions(db, consultationId);
    // Equal positions (commitments typed in without ordering) fall back to the reference.
    std::stable_sort(data.commitments.begin(), data.commitments.end(), [](const Commitment& a, const Commitment& b) {
        if (a.position != b.position)
            return a.position < b.position;
        return NaturalCompare(Fold(a.ref), Fold(b.ref)) < 0;
    });
    return data;
}

CommitmentTreeModel::CommitmentTreeModel()
{
    for (auto status : AllCommitmentStatuses())
        m_markers[status] = CommitmentStatusMarker(status, wxWindow::FromDIP(10, nullptr));
}

CommitmentTreeModel::~CommitmentTreeModel() = default;

bool CommitmentTreeModel::SameRows(const CommitmentTreeData& data) const
{
    if (data.themes.size() != m_data.themes.size() || data.commitments.size() != m_data.commitments.size() ||
        m_themeNodes.size() != m_data.themes.size() || m_commitmentNodes.size() != m_data.commitments.size())
        return false;
    for (std::size_t i = 0; i < data.themes.size(); ++i)
        if (data.themes[i].id != m_data.themes[i].id)
            return false;
    for (std::size_t i = 0; i < data.commitments.size(); ++i)
        if (data.commitments[i].id != m_data.commitments[i].id ||
            data.commitments[i].themeId != m_data.commitments[i].themeId)
            return false;
    return true;
}

bool CommitmentTreeModel::SetData(CommitmentTreeData data)
{
    if (SameRows(data)) {
        // Same rows in the same places (a status, a title or counts changed): update in place,
        // so that the user keeps their scrolling, expansion and selection.
        m_data = std::move(data);
        for (std::size_t i = 0; i < m_themeNodes.size(); ++i)
            m_themeNodes[i]->theme = &m_data.themes[i];
        for (std::size_t i = 0; i < m_commitmentNodes.size(); ++i) {
            Node& node = *m_commitmentNodes[i];
            node.commitment = &m_data.commitments[i];
            node.folded = Fold(node.commitment->ref + " " + node.commitment->title);
            auto counts = m_data.counts.find(node.commitment->id);
            node.counts = counts == m_data.counts.end() ? CommitmentCounts() : counts->second;
        }
        if (Refilter()) {
            Cleared();
            return true;
        }
        wxDataViewItemArray items;
        for (Node* theme : m_visibleThemes) {
            items.push_back(wxDataViewItem(theme));
            for (Node* child : theme->visible)
                items.push_back(wxDataViewItem(child));
        }
        ItemsChanged(items);
        return false;
    }
    m_data = std::move(data);
    m_themeNodes.clear();
    m_commitmentNodes.clear();
    std::map<std::string, Node*> byTheme;
    for (const auto& theme : m_data.themes) {
        auto node = std::make_unique<Node>();
        node->theme = &theme;
        node->order = m_themeNodes.size();
        byTheme[theme.id] = node.get();
        m_themeNodes.push_back(std::move(node));
    }
    for (const auto& commitment : m_data.commitments) {
        auto found = byTheme.find(commitment.themeId);
        if (found == byTheme.end())
            continue; // cannot happen: theme_id is a foreign key of the same consultation
        auto node = std::make_unique<Node>();
        node->commitment = &commitment;
        node->parent = found->second;
        node->order = found->second->all.size();
        node->folded = Fold(commitment.ref + " " + commitment.title);
        if (auto counts = m_data.counts.find(commitment.id); counts != m_data.counts.end())
            node->counts = counts->second;
        found->second->all.push_back(node.get());
        m_commitmentNodes.push_back(std::move(node));
    }
    Refilter();
    Cleared();
    return true;
}

void CommitmentTreeModel::SetFilter(const wxString& text)
{
    m_filter = text;
    ApplyFilter();
}

void CommitmentTreeModel::ApplyFilter()
{
    Refilter();
    Cleared();
}

bool CommitmentTreeModel::Refilter()
{
    const std::string needle = Fold(m_filter.Strip(wxString::both).utf8_string());
    const std::vector<Node*> before = m_visibleThemes;
    bool changed = false;
    m_visibleThemes.clear();
    m_visibleCommitments = 0;
    for (auto& theme : m_themeNodes) {
        std::vector<Node*> visible;
        theme->counts = CommitmentCounts();
        for (Node* commitment : theme->all)
            if (needle.empty() || commitment->folded.find(needle) != std::string::npos) {
                visible.push_back(commitment);
                theme->counts += commitment->counts;
            }
        changed = changed || visible != theme->visible;
        theme->visible = std::move(visible);
        // With no filter every theme shows, even empty, so that one can see where to add.
        if (needle.empty() || !theme->visible.empty())
            m_visibleThemes.push_back(theme.get());
        m_visibleCommitments += theme->visible.size();
    }
    return changed || before != m_visibleThemes;
}

wxDataViewItemArray CommitmentTreeModel::ThemeItems() const
{
    wxDataViewItemArray items;
    for (Node* theme : m_visibleThemes)
        items.push_back(wxDataViewItem(theme));
    return items;
}

wxDataViewItemArray CommitmentTreeModel::CommitmentItems(const wxDataViewItem& theme) const
{
    wxDataViewItemArray items;
    if (Node* node = NodeOf(theme); node && node->theme)
        for (Node* child : node->visible)
            items.push_back(wxDataViewItem(child));
    return items;
}

wxDataViewItem CommitmentTreeModel::ItemOfCommitment(const std::string& id) const
{
    for (Node* theme : m_visibleThemes)
        for (Node* child : theme->visible)
            if (child->commitment->id == id)
                return wxDataViewItem(child);
    return wxDataViewItem();
}

const Commitment* CommitmentTreeModel::CommitmentOf(const wxDataViewItem& item) const
{
    Node* node = NodeOf(item);
    return node ? node->commitment : nullptr;
}

const Theme* CommitmentTreeModel::ThemeOf(const wxDataViewItem& item) const
{
    Node* node = NodeOf(item);
    if (!node)
        return nullptr;
    return node->theme ? node->theme : node->parent->theme;
}

CommitmentCounts CommitmentTreeModel::CountsOf(const wxDataViewItem& item) const
{
    Node* node = NodeOf(item);
    return node ? node->counts : CommitmentCounts();
}

wxString CommitmentTreeModel::CellText(const wxDataViewItem& item, unsigned column) const
{
    Node* node = NodeOf(item);
    if (!node)
        return wxString();
    switch (column) {
    case RefColumn:
        return wxString::FromUTF8(node->theme ? node->theme->code : node->commitment->ref);
    case TitleColumn:
        return wxString::FromUTF8(node->theme ? node->theme->title : node->commitment->title);
    case StatusColumn:
        return node->commitment ? CommitmentStatusLabel(node->commitment->status) : wxString();
    case TotalColumn:
        return FormatCount(node->counts.total);
    default:
        if (column >= FirstStanceColumn && column < TotalColumn)
            return FormatCount(node->counts.byStance[column - FirstStanceColumn]);
        return wxString();
    }
}

wxString CommitmentTreeModel::GetColumnType(unsigned int column) const
{
    return column == StatusColumn ? "wxDataViewIconText" : "string";
}

void CommitmentTreeModel::GetValue(wxVariant& value, const wxDataViewItem& item, unsigned int column) const
{
    if (column == StatusColumn) {
        const Commitment* commitment = CommitmentOf(item);
        wxDataViewIconText iconText;
        if (commitment)
            iconText = wxDataViewIconText(CellText(item, column), m_markers.at(commitment->status));
        value << iconText;
        return;
    }
    value = CellText(item, column);
}

bool CommitmentTreeModel::GetAttr(const wxDataViewItem& item, unsigned int column, wxDataViewItemAttr& attr) const
{
    Node* node = NodeOf(item);
    if (!node)
        return false;
    bool changed = false;
    if (node->theme) {
        attr.SetBold(true);
        changed = true;
    }
    // Zeros in grey: the counts that matter stand out in a dense matrix.
    const bool isCount = column >= FirstStanceColumn && column <= TotalColumn;
    if (isCount) {
        const long long count =
            column == TotalColumn ? node->counts.total : node->counts.byStance[column - FirstStanceColumn];
        if (count == 0) {
            attr.SetColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
            changed = true;
        }
    }
    return changed;
}

wxDataViewItem CommitmentTreeModel::GetParent(const wxDataViewItem& item) const
{
    Node* node = NodeOf(item);
    return node && node->parent ? wxDataViewItem(node->parent) : wxDataViewItem();
}

bool CommitmentTreeModel::IsContainer(const wxDataViewItem& item) const
{
    Node* node = NodeOf(item);
    return !node || node->theme != nullptr;
}

unsigned int CommitmentTreeModel::GetChildren(const wxDataViewItem& item, wxDataViewItemArray& children) const
{
    Node* node = NodeOf(item);
    const std::vector<Node*>& list = node ? node->visible : m_visibleThemes;
    for (Node* child : list)
        children.push_back(wxDataViewItem(child));
    return static_cast<unsigned int>(list.size());
}

int CommitmentTreeModel::Compare(const wxDataViewItem& a, const wxDataViewItem& b, unsigned int column,
                                 bool ascending) const
{
    Node* x = NodeOf(a);
    Node* y = NodeOf(b);
    int result = 0;
    switch (column) {
    case RefColumn:
        result = NaturalCompare(Fold(CellText(a, column).utf8_string()), Fold(CellText(b, column).utf8_string()));
        break;
    case TitleColumn:
        result = Fold(CellText(a, column).utf8_string()).compare(Fold(CellText(b, column).utf8_string()));
        break;
    case StatusColumn:
        if (x->commitment && y->commitment)
            result = Sign(static_cast<int>(x->commitment->status), static_cast<int>(y->commitment->status));
        break;
    case TotalColumn:
        result = Sign(x->counts.total, y->counts.total);
        break;
    default:
        if (column >= FirstStanceColumn && column < TotalColumn)
            result =
                Sign(x->counts.byStance[column - FirstStanceColumn], y->counts.byStance[column - FirstStanceColumn]);
    }
    if (result == 0) // ties keep the programme's order, whatever the direction
        return Sign(x->order, y->order);
    return ascending ? result : -result;
}

} // namespace concerto
