#include "app/coding_commitment_tree.h"

#include "app/coding_keys.h"
#include "app/localization.h"
#include "core/text.h"

#include <algorithm>
#include <sstream>
#include <wx/dataview.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

namespace concerto {

namespace {

/// The filter's words: whitespace-separated tokens, folded.
std::vector<std::string> Tokens(const wxString& text)
{
    std::vector<std::string> tokens;
    std::istringstream in(Fold(text.utf8_string()));
    for (std::string token; in >> token;)
        tokens.push_back(token);
    return tokens;
}

/// The folded words a row can be found by.
std::vector<std::string> Haystack(const std::string& text)
{
    std::vector<std::string> words;
    for (const auto& word : Words(text))
        words.push_back(Fold(word));
    return words;
}

bool StartsWith(const std::string& text, const std::string& prefix)
{
    return text.compare(0, prefix.size(), prefix) == 0;
}

/// True when `token` starts the folded reference, or each of its words starts a word of `words`.
bool TokenMatches(const std::string& token, const std::string& foldedRef, const std::vector<std::string>& words)
{
    if (!foldedRef.empty() && StartsWith(foldedRef, token))
        return true;
    const auto parts = Words(token);
    if (parts.empty())
        return false;
    return std::all_of(parts.begin(), parts.end(), [&](const std::string& part) {
        return std::any_of(words.begin(), words.end(), [&](const std::string& word) { return StartsWith(word, part); });
    });
}

} // namespace

/// Themes → commitments, filtered by words. Items are pointers to nodes that live until the
/// next SetProgramme().
class CodingTreeModel : public wxDataViewModel {
public:
    enum Column : unsigned { RefColumn, TitleColumn, AppliedColumn, ColumnCount };

    struct Node {
        const Theme* theme = nullptr;           ///< a theme row
        const Commitment* commitment = nullptr; ///< a commitment row
        Node* parent = nullptr;
        std::vector<Node*> all, visible; ///< of a theme: its commitments
        std::string foldedRef;
        std::vector<std::string> words; ///< of a commitment: its own words and its theme's
    };

    void SetProgramme(std::vector<Theme> themes, std::vector<Commitment> commitments)
    {
        m_themes = std::move(themes);
        m_commitments = std::move(commitments);
        m_themeNodes.clear();
        m_commitmentNodes.clear();
        std::map<std::string, Node*> byTheme;
        for (const auto& theme : m_themes) {
            auto node = std::make_unique<Node>();
            node->theme = &theme;
            node->foldedRef = Fold(theme.code);
            node->words = Haystack(theme.code + " " + theme.title);
            byTheme[theme.id] = node.get();
            m_themeNodes.push_back(std::move(node));
        }
        for (const auto& commitment : m_commitments) {
            auto found = byTheme.find(commitment.themeId);
            if (found == byTheme.end())
                continue;
            auto node = std::make_unique<Node>();
            node->commitment = &commitment;
            node->parent = found->second;
            node->foldedRef = Fold(commitment.ref);
            node->words = Haystack(commitment.ref + " " + commitment.title + " " + found->second->theme->title);
            found->second->all.push_back(node.get());
            m_commitmentNodes.push_back(std::move(node));
        }
        Refilter();
    }

    void SetFilter(const wxString& text)
    {
        m_tokens = Tokens(text);
        Refilter();
    }

    void SetApplied(const std::map<std::string, std::vector<Stance>>& applied)
    {
        if (applied == m_applied)
            return;
        m_applied = applied;
        wxDataViewItemArray items;
        for (Node* theme : m_visibleThemes) {
            items.push_back(wxDataViewItem(theme));
            for (Node* child : theme->visible)
                items.push_back(wxDataViewItem(child));
        }
        ItemsChanged(items);
    }

    /// The visible rows in display order (themes followed by their commitments).
    std::vector<Node*> VisibleRows() const
    {
        std::vector<Node*> rows;
        for (Node* theme : m_visibleThemes) {
            rows.push_back(theme);
            rows.insert(rows.end(), theme->visible.begin(), theme->visible.end());
        }
        return rows;
    }
    const std::vector<Node*>& VisibleThemes() const { return m_visibleThemes; }
    std::size_t VisibleCommitments() const
    {
        std::size_t count = 0;
        for (Node* theme : m_visibleThemes)
            count += theme->visible.size();
        return count;
    }
    bool IsFiltering() const { return !m_tokens.empty(); }
    Node* FindNode(const std::string& commitmentId) const
    {
        for (const auto& node : m_commitmentNodes)
            if (node->commitment->id == commitmentId)
                return node.get();
        return nullptr;
    }
    bool IsVisible(const Node* node) const
    {
        const auto& list = node->parent ? node->parent->visible : m_visibleThemes;
        return std::find(list.begin(), list.end(), node) != list.end() &&
               (!node->parent ||
                std::find(m_visibleThemes.begin(), m_visibleThemes.end(), node->parent) != m_visibleThemes.end());
    }
    const std::vector<Theme>& Themes() const { return m_themes; }
    const std::vector<Commitment>& Commitments() const { return m_commitments; }
    static Node* NodeOf(const wxDataViewItem& item) { return static_cast<Node*>(item.GetID()); }

    unsigned int GetColumnCount() const override { return ColumnCount; }
    wxString GetColumnType(unsigned int) const override { return "string"; }
    void GetValue(wxVariant& value, const wxDataViewItem& item, unsigned int column) const override
    {
        const Node* node = NodeOf(item);
        if (!node) {
            value = wxString();
            return;
        }
        switch (column) {
        case RefColumn:
            value = wxString::FromUTF8(node->theme ? node->theme->code : node->commitment->ref);
            break;
        case TitleColumn:
            value = wxString::FromUTF8(node->theme ? node->theme->title : node->commitment->title);
            break;
        default:
            value = AppliedText(node);
        }
    }
    bool SetValue(const wxVariant&, const wxDataViewItem&, unsigned int) override { return false; }
    bool GetAttr(const wxDataViewItem& item, unsigned int column, wxDataViewItemAttr& attr) const override
    {
        const Node* node = NodeOf(item);
        if (!node)
            return false;
        if (column == AppliedColumn) {
            const auto stances = AppliedStances(node);
            if (stances.empty())
                return false;
            attr.SetColour(StanceColour(stances.front()));
            attr.SetBold(true);
            return true;
        }
        if (node->theme) {
            attr.SetBold(true);
            return true;
        }
        if (column == RefColumn) {
            attr.SetColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
            return true;
        }
        return false;
    }
    wxDataViewItem GetParent(const wxDataViewItem& item) const override
    {
        const Node* node = NodeOf(item);
        return node && node->parent ? wxDataViewItem(node->parent) : wxDataViewItem();
    }
    bool IsContainer(const wxDataViewItem& item) const override
    {
        const Node* node = NodeOf(item);
        return !node || node->theme != nullptr;
    }
    bool HasContainerColumns(const wxDataViewItem&) const override { return true; }
    unsigned int GetChildren(const wxDataViewItem& item, wxDataViewItemArray& children) const override
    {
        const Node* node = NodeOf(item);
        const std::vector<Node*>& list = node ? node->visible : m_visibleThemes;
        for (Node* child : list)
            children.push_back(wxDataViewItem(child));
        return static_cast<unsigned int>(list.size());
    }

private:
    bool Matches(const Node* node) const
    {
        return std::all_of(m_tokens.begin(), m_tokens.end(), [node](const std::string& token) {
            return TokenMatches(token, node->foldedRef, node->words);
        });
    }

    void Refilter()
    {
        m_visibleThemes.clear();
        for (auto& theme : m_themeNodes) {
            theme->visible.clear();
            // A theme that matches by itself brings all its commitments: "mobil" lists the theme.
            const bool themeMatches = Matches(theme.get());
            for (Node* commitment : theme->all)
                if (themeMatches || Matches(commitment))
                    theme->visible.push_back(commitment);
            if (themeMatches || !theme->visible.empty())
                m_visibleThemes.push_back(theme.get());
        }
        Cleared();
    }

    std::vector<Stance> AppliedStances(const Node* node) const
    {
        const std::string& id = node->theme ? node->theme->id : node->commitment->id;
        auto found = m_applied.find(id);
        return found == m_applied.end() ? std::vector<Stance>() : found->second;
    }

    wxString AppliedText(const Node* node) const
    {
        const auto stances = AppliedStances(node);
        if (stances.empty())
            return wxString();
        wxString text = wxString::FromUTF8("✓");
        for (const Stance stance : stances)
            text += " " + StanceKey(stance);
        return text;
    }

    std::vector<Theme> m_themes;
    std::vector<Commitment> m_commitments;
    std::vector<std::unique_ptr<Node>> m_themeNodes, m_commitmentNodes;
    std::vector<Node*> m_visibleThemes;
    std::vector<std::string> m_tokens;
    std::map<std::string, std::vector<Stance>> m_applied;
};

CodingCommitmentTree::CodingCommitmentTree(wxWindow* parent, std::function<void()> onActivate)
    : wxPanel(parent), m_onActivate(std::move(onActivate)), m_model(new CodingTreeModel)
{
    m_filter = new wxSearchCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    m_filter->SetName("commitment-filter");
    m_filter->SetDescriptiveText(_("Find a commitment (/)"));
    m_filter->ShowCancelButton(true);
    m_filter->SetToolTip(_("Words of the title or the reference, accents ignored; the arrows choose, Enter applies "
                           "with the current stance."));
    m_summary = new wxStaticText(this, wxID_ANY, wxString());
    m_summary->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

    m_tree = new wxDataViewCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                wxDV_SINGLE | wxDV_NO_HEADER | wxDV_ROW_LINES);
    m_tree->SetName("commitment-tree");
    m_tree->AssociateModel(m_model.get());
    // The title last: it takes what the pane's width leaves.
    auto* ref = m_tree->AppendTextColumn(wxString(), CodingTreeModel::RefColumn, wxDATAVIEW_CELL_INERT, FromDIP(96));
    m_tree->AppendTextColumn(wxString(), CodingTreeModel::AppliedColumn, wxDATAVIEW_CELL_INERT, FromDIP(40));
    auto* title =
        m_tree->AppendTextColumn(wxString(), CodingTreeModel::TitleColumn, wxDATAVIEW_CELL_INERT, FromDIP(260));
    title->GetRenderer()->EnableEllipsize(wxELLIPSIZE_END);
    m_tree->SetExpanderColumn(ref);
    m_tree->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter([this] {
            // What the reference, the marks and the tree's indentation leave: long titles end in "…".
            const int rest = m_tree->GetClientSize().GetWidth() - FromDIP(96 + 40 + 30);
            m_tree->GetColumn(2)->SetWidth(std::max(FromDIP(120), rest));
        });
    });

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(m_filter, wxSizerFlags(1).CenterVertical());
    top->Add(m_summary, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(8)));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(6)));
    sizer->Add(m_tree, wxSizerFlags(1).Expand());
    SetSizer(sizer);

    m_filter->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { OnFilterText(); });
    m_filter->Bind(wxEVT_SEARCH_CANCEL, [this](wxCommandEvent&) { ClearFilter(); });
    m_tree->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
        if (m_onActivate)
            m_onActivate();
    });
}

CodingCommitmentTree::~CodingCommitmentTree() = default;

void CodingCommitmentTree::SetProgramme(std::vector<Theme> themes, std::vector<Commitment> commitments)
{
    const TreeChoice before = Highlighted();
    m_model->SetProgramme(std::move(themes), std::move(commitments));
    ExpandAll();
    if (!before.commitmentId.empty())
        Highlight(before.commitmentId);
    UpdateSummary();
}

void CodingCommitmentTree::SetApplied(const std::map<std::string, std::vector<Stance>>& applied)
{
    m_model->SetApplied(applied);
}

void CodingCommitmentTree::ExpandAll()
{
    // The programme is short (a few hundred rows): always unfolded, nothing to open by hand.
    for (auto* theme : m_model->VisibleThemes())
        m_tree->Expand(wxDataViewItem(theme));
}

void CodingCommitmentTree::OnFilterText()
{
    m_model->SetFilter(m_filter->GetValue());
    ExpandAll();
    // While filtering, the first commitment found is highlighted: Enter applies it at once.
    if (m_model->IsFiltering()) {
        for (auto* row : m_model->VisibleRows())
            if (row->commitment) {
                m_tree->Select(wxDataViewItem(row));
                m_tree->EnsureVisible(wxDataViewItem(row));
                break;
            }
    } else {
        m_tree->UnselectAll();
    }
    UpdateSummary();
}

void CodingCommitmentTree::UpdateSummary()
{
    const std::size_t shown = m_model->VisibleCommitments();
    m_summary->SetLabel(m_model->IsFiltering()
                            ? wxString::Format(wxPLURAL("%s found", "%s found", static_cast<long>(shown)),
                                               FormatCount(static_cast<long long>(shown)))
                            : wxString());
    Layout();
}

void CodingCommitmentTree::FocusFilter()
{
    m_filter->SetFocus();
    m_filter->SelectAll();
}

bool CodingCommitmentTree::ClearFilter()
{
    if (m_filter->GetValue().empty())
        return false;
    m_filter->ChangeValue(wxString());
    OnFilterText();
    return true;
}

void CodingCommitmentTree::MoveHighlight(int delta)
{
    const auto rows = m_model->VisibleRows();
    if (rows.empty())
        return;
    const auto* current = CodingTreeModel::NodeOf(m_tree->GetSelection());
    auto at = std::find(rows.begin(), rows.end(), current);
    long index = at == rows.end() ? (delta > 0 ? -1 : static_cast<long>(rows.size())) : at - rows.begin();
    index = std::clamp<long>(index + delta, 0, static_cast<long>(rows.size()) - 1);
    const wxDataViewItem item(rows[static_cast<std::size_t>(index)]);
    m_tree->Select(item);
    m_tree->EnsureVisible(item);
}

TreeChoice CodingCommitmentTree::Highlighted() const
{
    const auto* node = CodingTreeModel::NodeOf(m_tree->GetSelection());
    if (!node)
        return {};
    if (node->commitment)
        return {node->commitment->id, node->commitment->themeId};
    return {std::string(), node->theme->id};
}

void CodingCommitmentTree::ClearHighlight()
{
    m_tree->UnselectAll();
}

bool CodingCommitmentTree::Highlight(const std::string& commitmentId)
{
    auto* node = m_model->FindNode(commitmentId);
    if (!node)
        return false;
    if (!m_model->IsVisible(node))
        ClearFilter();
    m_tree->Select(wxDataViewItem(node));
    m_tree->EnsureVisible(wxDataViewItem(node));
    return true;
}

wxString CodingCommitmentTree::Describe(const TreeChoice& choice) const
{
    if (const Commitment* commitment = FindCommitment(choice.commitmentId))
        return wxString::FromUTF8(commitment->ref + " " + commitment->title);
    if (const Theme* theme = FindTheme(choice.themeId))
        return wxString::Format(_("Theme: %s"), wxString::FromUTF8(theme->title));
    return wxString();
}

const Commitment* CodingCommitmentTree::FindCommitment(const std::string& id) const
{
    if (id.empty())
        return nullptr;
    for (const auto& commitment : m_model->Commitments())
        if (commitment.id == id)
            return &commitment;
    return nullptr;
}

const Theme* CodingCommitmentTree::FindTheme(const std::string& id) const
{
    if (id.empty())
        return nullptr;
    for (const auto& theme : m_model->Themes())
        if (theme.id == id)
            return &theme;
    return nullptr;
}

const std::vector<Theme>& CodingCommitmentTree::Themes() const
{
    return m_model->Themes();
}

const std::vector<Commitment>& CodingCommitmentTree::Commitments() const
{
    return m_model->Commitments();
}

std::size_t CodingCommitmentTree::VisibleCommitments() const
{
    return m_model->VisibleCommitments();
}

} // namespace concerto
