// The salient topics page: building, loading and showing. Its commands (editor, delete, merge,
// reorientation point) are in topics_actions.cpp.

#include "app/topics_page.h"
#include "app/access_ui.h"

#include "app/localization.h"
#include "app/main_frame.h"
#include "app/page_widgets.h"
#include "app/placeholder_panel.h"
#include "app/synthesis_pages.h"
#include "app/topics_detail.h"
#include "core/text.h"
#include "db/repositories.h"

#include <algorithm>
#include <set>
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

namespace concerto {

namespace {

enum Page { NoConsultationPage, NoTopicPage, ContentPage };

// Widths of the fixed columns in DIPs; the title and labels columns share what is left.
constexpr int kColumnWidths[TopicsPage::ColumnCount] = {0, 0, 140, 180, 105};

// The tables whose changes can change what the page shows.
const std::set<std::string>& WatchedTables()
{
    static const std::set<std::string> tables = {"topic",          "topic_link", "label", "contribution_label",
                                                 "tag",            "meeting",    "commitment", "theme",
                                                 "contribution"};
    return tables;
}

wxString Joined(const std::vector<TopicSummary::Named>& named, bool withCode)
{
    wxString text;
    for (const auto& item : named)
        text += (text.empty() ? "" : ", ") + wxString::FromUTF8(withCode && !item.code.empty() ? item.code : item.name);
    return text.empty() ? wxString::FromUTF8("—") : text;
}

wxString AgorasText(const std::vector<TopicAgora>& agoras)
{
    wxString text;
    // The column says they are agoras: "Agora — Solidarités" is shown as "Solidarités".
    static const std::string lead = "Agora — ";
    for (const auto& agora : agoras) {
        const bool prefixed = agora.title.size() > lead.size() && agora.title.compare(0, lead.size(), lead) == 0;
        text += (text.empty() ? "" : ", ") + wxString::FromUTF8(prefixed ? agora.title.substr(lead.size()) : agora.title);
    }
    return text.empty() ? wxString::FromUTF8("—") : text;
}

// What the editor offers, read on the worker with the list.
TopicChoices ReadChoices(Database& db, const std::string& consultationId)
{
    TopicChoices choices;
    ContributionLabelRepository contributionLabels(db);
    for (const Label& label : LabelRepository(db).ListBy("consultation_id", consultationId, "name"))
        choices.labels.push_back(
            {label.id, label.name, contributionLabels.Count({ContributionLabelRepository::Equals("label_id", label.id)})});
    // The labels that came up most in the coding come first: they are the topics' material.
    std::stable_sort(choices.labels.begin(), choices.labels.end(),
                     [](const auto& a, const auto& b) { return a.contributions > b.contributions; });
    choices.themes = ThemeRepository(db).ListBy("consultation_id", consultationId, "position");
    auto commitments = CommitmentRepository(db).ListBy("consultation_id", consultationId, "position");
    for (const Theme& theme : choices.themes)
        for (const Commitment& commitment : commitments)
            if (commitment.themeId == theme.id)
                choices.commitments.push_back({commitment.id, commitment.ref, commitment.title, commitment.themeId});
    for (const Meeting& meeting : MeetingRepository(db).ListBy("consultation_id", consultationId, "starts_at"))
        if (meeting.kind == MeetingKind::Agora)
            choices.agoras.push_back(meeting);
    return choices;
}

} // namespace

AreaView* CreateTopicsPage(wxWindow* parent, AppContext& context)
{
    return new TopicsPage(parent, context);
}

TopicsPage::TopicsPage(wxWindow* parent, AppContext& context) : wxPanel(parent), m_context(context)
{
    SetName("topics-page");
    m_pages = new wxSimplebook(this);
    m_pages->AddPage(NewNoConsultationPanel(m_pages, context,
                                            _("Salient topics belong to a consultation: load or create one from "
                                              "the dashboard, code its contributions, then gather the labels "
                                              "that came up into topics here.")),
                     wxString());
    m_pages->AddPage(new PlaceholderPanel(m_pages, _("No salient topic yet"),
                                          _("Salient topics gather what citizens said across the coding: several "
                                            "labels and commitments become one topic, with its evidence, for the "
                                            "agoras to work on."),
                                          _("Create a topic from the labels that came up in the coding (Ctrl+N)."),
                                          _("New topic…"), [this] { NewTopic(); }),
                     wxString());

    auto* content = new wxPanel(m_pages);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(BuildToolbar(content), wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    m_splitter =
        new wxSplitterWindow(content, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    m_splitter->SetMinimumPaneSize(FromDIP(100));
    m_splitter->SetSashGravity(0.0); // the list keeps its few rows; the detail takes the rest
    m_detail = new TopicDetail(m_splitter, context);
    m_splitter->SplitHorizontally(BuildList(m_splitter), m_detail, FromDIP(170));
    // The sash is placed once the page has its real size (the content page is sized only when shown).
    m_splitter->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        if (m_sashPlaced || m_splitter->GetSize().GetHeight() <= FromDIP(300))
            return;
        m_sashPlaced = true;
        // Room for about six topics; the detail, with its tabs, needs the rest.
        CallAfter([this] { m_splitter->SetSashPosition(std::min(FromDIP(170), m_splitter->GetSize().GetHeight() / 3)); });
    });
    column->Add(m_splitter, wxSizerFlags(1).Expand());
    content->SetSizer(column);
    m_pages->AddPage(content, wxString());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_pages, wxSizerFlags(1).Expand());
    SetSizer(sizer);

    Bind(wxEVT_CHAR_HOOK, &TopicsPage::OnCharHook, this);
    m_subscription = context.Subscribe([this](const std::string& table) {
        if (WatchedTables().count(table))
            Reload();
    });
    UpdateButtons();
}

TopicsPage::~TopicsPage()
{
    m_context.Unsubscribe(m_subscription);
}

wxWindow* TopicsPage::BuildToolbar(wxWindow* parent)
{
    auto* bar = new wxPanel(parent);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* heading = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(bar, wxID_ANY, _("Salient topics"));
    title->SetFont(title->GetFont().Bold().Scaled(1.3f));
    heading->Add(title);
    m_count = new wxStaticText(bar, wxID_ANY, wxString());
    m_count->SetName("topics-count");
    m_count->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    heading->Add(m_count);
    row->Add(heading, wxSizerFlags().CenterVertical());
    row->AddStretchSpacer();

    auto button = [&](const wxString& label, const wxString& tip, void (TopicsPage::*command)()) {
        return AddBarButton(bar, row, label, tip, this, command);
    };
    m_new = button(_("&New topic…"), _("Create a topic from labels and commitments (Ctrl+N)"), &TopicsPage::NewTopic);
    m_edit = button(_("Ed&it…"), _("Edit the selected topic (Enter)"), &TopicsPage::EditSelected);
    m_delete = button(_("&Delete"), _("Delete the selected topic (Delete)"), &TopicsPage::DeleteSelected);
    m_merge = button(_("&Merge…"), _("Merge the selected topics into one (Ctrl+M; select several with Ctrl+click)"),
                     &TopicsPage::MergeSelected);
    m_point = button(_("New &reorientation point…"),
                     _("New reorientation point from this topic, with its quotes as evidence (Ctrl+R)"),
                     &TopicsPage::NewPointFromSelected);
    for (wxWindow* editing : {m_new, m_edit, m_delete, m_merge, m_point})
        ShowWhenAllowed(m_context, editing);
    bar->SetSizer(row);
    return bar;
}

wxWindow* TopicsPage::BuildList(wxWindow* parent)
{
    m_list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
    m_list->SetName("topics");
    const wxString headers[ColumnCount] = {_("Topic"), _("Labels"), _("Commitments"), _("Agoras"),
                                           _("Contributions")};
    for (int column = 0; column < ColumnCount; ++column)
        m_list->AppendColumn(headers[column], column == ContributionsColumn ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT,
                             FromDIP(kColumnWidths[column] ? kColumnWidths[column] : 250));
    auto changed = [this](wxListEvent&) {
        // Selection events come one per row on a multiple selection: show the result once.
        CallAfter([this] {
            ShowCurrent();
            UpdateButtons();
        });
    };
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, changed);
    m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, changed);
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { EditSelected(); });
    m_list->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter(&TopicsPage::FitColumns);
    });
    return m_list;
}

void TopicsPage::FitColumns()
{
    int fixed = 0;
    for (int column = CommitmentsColumn; column < ColumnCount; ++column)
        fixed += m_list->GetColumnWidth(column);
    const int free = std::max(FromDIP(400), m_list->GetClientSize().GetWidth() - fixed - FromDIP(4));
    m_list->SetColumnWidth(TitleColumn, free * 9 / 20);
    m_list->SetColumnWidth(LabelsColumn, free - free * 9 / 20);
}

void TopicsPage::OnShown()
{
    if (!m_loadedOnce && !m_loading)
        Reload();
    if (m_pages->GetSelection() == ContentPage)
        m_list->SetFocus();
}

void TopicsPage::Reload()
{
    const std::string consultationId = m_context.ConsultationId();
    if (consultationId.empty()) {
        m_topics.clear();
        m_choices = TopicChoices{};
        m_pages->ChangeSelection(NoConsultationPage);
        Refill();
        return;
    }
    if (m_wantedSelection.empty())
        m_wantedSelection = SelectedIds();
    m_loading = true;
    m_count->SetLabel(_("Loading…"));
    m_context.Worker().Run<Data>(
        m_lifetime,
        [consultationId](Database& db) {
            Data data;
            data.topics = ListTopics(db, consultationId);
            data.choices = ReadChoices(db, consultationId);
            return data;
        },
        [this, consultationId](Data data) {
            if (consultationId != m_context.ConsultationId())
                return; // a newer load for the new consultation follows
            Loaded(std::move(data));
        },
        [this](const Error& e) {
            m_loading = false;
            if (!ReportConnectionTrouble(this, e))
                m_count->SetLabel(wxString::Format(_("The topics could not be read: %s"), wxString::FromUTF8(e.what())));
            GetSizer()->Layout();
        },
        "topics-list");
}

void TopicsPage::Loaded(Data data)
{
    m_loading = false;
    m_loadedOnce = true;
    if (m_wantedSelection.empty())
        m_wantedSelection = SelectedIds();
    m_topics = std::move(data.topics);
    m_choices = std::move(data.choices);
    m_pages->ChangeSelection(m_topics.empty() ? NoTopicPage : ContentPage);
    Refill();
}

void TopicsPage::Refill()
{
    std::vector<std::string> keep = m_wantedSelection;
    m_wantedSelection.clear();
    m_list->Freeze();
    m_list->DeleteAllItems();
    for (std::size_t i = 0; i < m_topics.size(); ++i) {
        const TopicSummary& topic = m_topics[i];
        const long item = m_list->InsertItem(static_cast<long>(i), wxString::FromUTF8(topic.topic.title));
        m_list->SetItem(item, LabelsColumn, Joined(topic.labels, false));
        m_list->SetItem(item, CommitmentsColumn, Joined(topic.commitments, true));
        m_list->SetItem(item, AgorasColumn, AgorasText(topic.agoras));
        m_list->SetItem(item, ContributionsColumn, FormatCount(topic.contributions));
    }
    m_list->Thaw();
    if (!keep.empty())
        SelectAll(keep);
    ShowCurrent();
    UpdateCount();
    UpdateButtons();
    GetSizer()->Layout();
}

void TopicsPage::ShowCurrent()
{
    const TopicSummary* current = Current();
    if (!current) {
        m_shownTopic.clear();
        m_detail->ShowHint(m_topics.empty() ? wxString()
                                            : _("Select a topic to see its evidence and the agoras that worked on it."));
        return;
    }
    const bool again = m_shownTopic == current->topic.id;
    m_shownTopic = current->topic.id;
    m_detail->ShowTopic(*current);
    UpdateCount();
    // The evidence follows the topic shown; a reload refreshes it too (the coding may have moved).
    if (!again || !m_loading)
        LoadEvidence(current->topic.id);
}

void TopicsPage::LoadEvidence(const std::string& topicId)
{
    m_context.Worker().Run<TopicEvidence>(
        m_lifetime, [topicId](Database& db) { return LoadTopicEvidence(db, topicId); },
        [this, topicId](TopicEvidence evidence) {
            if (m_detail->TopicId() == topicId)
                m_detail->ShowEvidence(std::move(evidence));
            UpdateButtons();
        },
        [this, topicId](const Error& e) {
            if (m_detail->TopicId() == topicId)
                m_detail->ShowEvidenceError(wxString::FromUTF8(e.what()));
        },
        "topics-evidence");
}

void TopicsPage::UpdateCount()
{
    if (m_loading || m_context.ConsultationId().empty())
        return;
    auto plural = [](long long n) { return static_cast<int>(std::min<long long>(n, 1000000)); };
    const auto selected = static_cast<long long>(SelectedIds().size());
    if (selected > 1) {
        m_count->SetLabel(wxString::Format(_("%s topics selected"), FormatCount(selected)));
    } else {
        const auto topics = static_cast<long long>(m_topics.size());
        m_count->SetLabel(wxString::Format(wxPLURAL("%s topic", "%s topics", plural(topics)), FormatCount(topics)));
    }
    GetSizer()->Layout();
}

bool TopicsPage::IsLoadingEvidence() const
{
    return !m_detail->TopicId().empty() && !m_detail->HasEvidence();
}

void TopicsPage::UpdateButtons()
{
    const std::size_t selected = SelectedIds().size();
    m_new->Enable(!m_context.ConsultationId().empty());
    m_edit->Enable(selected == 1);
    m_delete->Enable(selected == 1);
    m_merge->Enable(selected >= 2);
    m_point->Enable(selected == 1 && m_detail->HasEvidence());
}

int TopicsPage::ListedCount() const
{
    return m_list->GetItemCount();
}

wxString TopicsPage::CellText(int row, int column) const
{
    return m_list->GetItemText(row, column);
}

bool TopicsPage::Select(const std::string& id)
{
    return SelectAll({id});
}

bool TopicsPage::SelectAll(const std::vector<std::string>& ids)
{
    bool all = true;
    long focus = -1;
    for (long item = 0; item < m_list->GetItemCount(); ++item)
        m_list->SetItemState(item, 0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    for (const auto& id : ids) {
        const auto at = std::find_if(m_topics.begin(), m_topics.end(),
                                     [&](const TopicSummary& topic) { return topic.topic.id == id; });
        if (at == m_topics.end()) {
            all = false;
            continue;
        }
        const long item = static_cast<long>(at - m_topics.begin());
        m_list->SetItemState(item, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
        if (focus < 0)
            focus = item;
    }
    if (focus >= 0) {
        m_list->SetItemState(focus, wxLIST_STATE_FOCUSED, wxLIST_STATE_FOCUSED);
        m_list->EnsureVisible(focus);
    }
    ShowCurrent();
    UpdateButtons();
    return all && focus >= 0;
}

std::vector<std::string> TopicsPage::SelectedIds() const
{
    std::vector<std::string> ids;
    for (long item = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); item >= 0;
         item = m_list->GetNextItem(item, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED))
        if (static_cast<std::size_t>(item) < m_topics.size())
            ids.push_back(m_topics[item].topic.id);
    return ids;
}

const TopicSummary* TopicsPage::Current() const
{
    const long focused = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_FOCUSED);
    if (focused >= 0 && static_cast<std::size_t>(focused) < m_topics.size() &&
        m_list->GetItemState(focused, wxLIST_STATE_SELECTED))
        return &m_topics[focused];
    const long first = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return first >= 0 && static_cast<std::size_t>(first) < m_topics.size() ? &m_topics[first] : nullptr;
}

void TopicsPage::OnCharHook(wxKeyEvent& event)
{
    const int key = event.GetKeyCode();
    if (m_pages->GetSelection() != NoConsultationPage) {
        if (event.GetModifiers() == wxMOD_CONTROL && key == 'N') {
            NewTopic();
            return;
        }
        if (event.GetModifiers() == wxMOD_CONTROL && key == 'M') {
            MergeSelected();
            return;
        }
        if (event.GetModifiers() == wxMOD_CONTROL && key == 'R') {
            NewPointFromSelected();
            return;
        }
        if (event.GetModifiers() == wxMOD_NONE && FindFocus() == m_list &&
            (key == WXK_DELETE || key == WXK_NUMPAD_DELETE)) {
            DeleteSelected();
            return;
        }
    }
    event.Skip();
}

} // namespace concerto
