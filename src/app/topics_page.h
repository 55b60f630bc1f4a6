#pragma once
// The "Salient topics" page of the Synthèse area: the consultation's topics in a list (read
// through the worker), the selected topic's detail below (description, agoras and their
// outcome, the spread of its evidence, the evidence itself), and the commands that make
// topics out of the coding: create, edit, delete, merge several into one, and turn a topic
// into a reorientation point.

#include "app/app_context.h"
#include "app/area_view.h"
#include "db/restitution.h"
#include "dialogs/topic_dialog.h"

#include <wx/panel.h>

class wxButton;
class wxListCtrl;
class wxSimplebook;
class wxSplitterWindow;
class wxStaticText;

namespace concerto {

class TopicDetail;

class TopicsPage final : public wxPanel, public AreaView {
public:
    TopicsPage(wxWindow* parent, AppContext& context);
    ~TopicsPage() override;

    wxWindow* Window() override { return this; }
    void Reload() override;
    void OnShown() override;

    /// True while the list is being read.
    bool IsLoading() const { return m_loading; }
    /// True while the selected topic's evidence is being read.
    bool IsLoadingEvidence() const;
    /// Number of topics listed.
    int ListedCount() const;
    /// The text of a cell of the list, as shown.
    wxString CellText(int row, int column) const;
    /// The topics as last read (in list order).
    const std::vector<TopicSummary>& Topics() const { return m_topics; }
    /// Selects only the topic `id` (and shows its detail); false when it is not listed.
    bool Select(const std::string& id);
    /// Selects exactly these topics (for a merge); false when one is not listed.
    bool SelectAll(const std::vector<std::string>& ids);
    /// The ids of the selected topics, in list order.
    std::vector<std::string> SelectedIds() const;
    /// The topic whose detail is shown (the focused selected one), or nullptr.
    const TopicSummary* Current() const;
    /// The detail pane.
    TopicDetail& Detail() { return *m_detail; }
    /// What the editor offers, as read with the list.
    const TopicChoices& Choices() const { return m_choices; }

    /// The commands of the page's buttons and keys.
    void NewTopic();
    void EditSelected();
    void DeleteSelected();
    void MergeSelected();
    void NewPointFromSelected();
    /// Folds `otherIds` into `intoId` (no question asked); false when it failed (said why).
    bool Merge(const std::string& intoId, const std::vector<std::string>& otherIds);

    /// The list's columns, left to right.
    enum Column { TitleColumn, LabelsColumn, CommitmentsColumn, AgorasColumn, ContributionsColumn, ColumnCount };

private:
    struct Data {
        std::vector<TopicSummary> topics;
        TopicChoices choices;
    };

    wxWindow* BuildToolbar(wxWindow* parent);
    wxWindow* BuildList(wxWindow* parent);
    void Loaded(Data data);
    void Refill();
    void ShowCurrent();
    void LoadEvidence(const std::string& topicId);
    void UpdateButtons();
    void UpdateCount();
    void FitColumns();
    void OnCharHook(wxKeyEvent& event);
    void Edit(const TopicDraft& draft);
    bool Save(TopicDialog& dialog, TopicDraft& draft);
    bool ResolveConflict(TopicDialog& dialog, TopicDraft& draft);

    AppContext& m_context;
    Lifetime m_lifetime = NewLifetime();
    int m_subscription = 0;
    bool m_loading = false;
    bool m_loadedOnce = false;
    bool m_sashPlaced = false;
    std::vector<TopicSummary> m_topics;
    TopicChoices m_choices;
    std::vector<std::string> m_wantedSelection; ///< to select once the next load is shown
    std::string m_shownTopic;                   ///< the topic whose detail is shown

    wxSimplebook* m_pages = nullptr;
    wxStaticText* m_count = nullptr;
    wxButton* m_new = nullptr;
    wxButton* m_edit = nullptr;
    wxButton* m_delete = nullptr;
    wxButton* m_merge = nullptr;
    wxButton* m_point = nullptr;
    wxSplitterWindow* m_splitter = nullptr;
    wxListCtrl* m_list = nullptr;
    TopicDetail* m_detail = nullptr;
};

} // namespace concerto
