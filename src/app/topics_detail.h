#pragma once
// The lower pane of the salient topics page: the selected topic's heading and figures, then
// three tabs — an overview (description, labels, commitments, agoras with their outcome), the
// spread of its evidence by neighbourhood, channel, stance and profile, and the evidence list
// whose selected contribution is shown in full.

#include "app/app_context.h"
#include "db/restitution.h"

#include <wx/panel.h>

class wxListCtrl;
class wxNotebook;
class wxStaticText;
class wxTextCtrl;

namespace concerto {

class BarChart;

class TopicDetail : public wxPanel {
public:
    TopicDetail(wxWindow* parent, AppContext& context);

    /// Shows `hint` instead of a topic (nothing selected, several selected…).
    void ShowHint(const wxString& hint);
    /// Shows `topic`; its evidence shows "loading" until ShowEvidence().
    void ShowTopic(const TopicSummary& topic);
    /// Shows the evidence of the topic shown.
    void ShowEvidence(TopicEvidence evidence);
    /// Says the evidence could not be read, and why.
    void ShowEvidenceError(const wxString& message);

    /// The id of the topic shown, or empty.
    const std::string& TopicId() const { return m_topicId; }
    /// True once the evidence of the topic shown has arrived.
    bool HasEvidence() const { return m_hasEvidence; }
    /// The evidence shown (empty until it arrives).
    const TopicEvidence& Evidence() const { return m_evidence; }
    /// The heading's figures line, as shown ("1 234 contributions · …").
    wxString FiguresText() const;
    /// The overview tab's text.
    wxString OverviewText() const;
    /// Selects the `index`th contribution of the evidence list and shows its full text.
    void SelectEvidence(long index);
    /// The full text shown under the evidence list.
    wxString EvidenceText() const;
    /// True while a contribution's full text is being read.
    bool IsLoadingText() const { return m_loadingText; }

private:
    wxWindow* BuildSpread(wxWindow* parent);
    wxWindow* BuildEvidence(wxWindow* parent);
    void ShowFigures();
    void ShowContribution(long item);

    AppContext& m_context;
    Lifetime m_lifetime = NewLifetime();
    std::string m_topicId;
    TopicSummary m_topic;
    TopicEvidence m_evidence;
    bool m_hasEvidence = false;
    bool m_loadingText = false;

    wxStaticText* m_title = nullptr;
    wxStaticText* m_figures = nullptr;
    wxNotebook* m_tabs = nullptr;
    wxTextCtrl* m_overview = nullptr;
    BarChart* m_byNeighbourhood = nullptr;
    BarChart* m_byChannel = nullptr;
    BarChart* m_byStance = nullptr;
    BarChart* m_byProfile = nullptr;
    wxListCtrl* m_items = nullptr;
    wxTextCtrl* m_text = nullptr;
};

} // namespace concerto
