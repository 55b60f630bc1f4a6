#include "app/insights_page.h"

#include "app/app_context.h"
#include "app/access_ui.h"
#include "app/areas.h"
#include "app/bar_chart.h"
#include "app/insights_evidence.h"
#include "app/insights_flags.h"
#include "app/insights_matrix.h"
#include "app/localization.h"
#include "app/main_frame.h"
#include "app/placeholder_panel.h"
#include "app/synthesis_pages.h"
#include "db/insight_evidence.h"
#include "dialogs/commitment_dialog.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <wx/bookctrl.h>
#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/srchctrl.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

namespace concerto {

namespace {

// Coding sends a change per action: the insights follow at most this often.
constexpr int kThrottleMs = 800;
// A reorientation point cites a handful of contributions, not hundreds.
constexpr std::size_t kEvidenceInDraft = 10;

const wxColour kErrorColour(0xC0, 0x39, 0x2B);

int Percent(long long part, long long whole)
{
    return whole > 0 ? static_cast<int>(std::lround(100.0 * static_cast<double>(part) / static_cast<double>(whole)))
                     : 0;
}

wxString CommitmentHeading(const StanceRow& row)
{
    return wxString::FromUTF8(row.ref) + wxString::FromUTF8(" \u2013 ") + wxString::FromUTF8(row.title);
}

// What a disagreement rests on: how many contributions make the point, out of how many.
wxString DisagreementFigures(const DisagreementFlag& flag)
{
    const long long total = flag.commitment.counts.total;
    const wxString format = flag.kind == Disagreement::DoneButCriticised
                                ? _("%s: %s criticisms out of %s contributions (%d %%)")
                                : _("%s: %s proposals or supports out of %s contributions (%d %%)");
    return wxString::Format(format, DisagreementLabel(flag.kind), FormatCount(flag.evidenceCount), FormatCount(total),
                            Percent(flag.evidenceCount, total));
}

// Goes to another area of the main window (from an empty state's button).
std::function<void()> GoTo(AppContext& context, Area area)
{
    return [&context, area] {
        if (auto* frame = dynamic_cast<MainFrame*>(context.Frame()))
            frame->ShowArea(area);
    };
}

} // namespace

InsightsPage::InsightsPage(wxWindow* parent, AppContext& context)
    : wxPanel(parent), m_context(context), m_refresh(this)
{
    SetName("insights-page");
    m_pages = new wxSimplebook(this);
    m_pages->AddPage(BuildContent(m_pages), wxString());
    m_pages->AddPage(NewNoConsultationPanel(m_pages, context,
                                            _("Open or create a consultation: its insights will show here, the "
                                              "commitment × stance matrix, the flags and the contributions per "
                                              "neighbourhood.")),
                     wxString());
    m_pages->AddPage(new PlaceholderPanel(m_pages, _("No contribution yet"),
                                          _("This consultation holds no contribution yet. Enter or import its "
                                            "contributions, then code them: the insights will show here."),
                                          wxString(), _("Go to the contributions"), GoTo(context, ContributionsArea)),
                     wxString());
    m_pages->AddPage(new PlaceholderPanel(m_pages, _("Nothing coded yet"),
                                          _("No contribution is linked to a commitment yet. Code the contributions "
                                            "in the Coding area: the matrix, the flags and the chart will fill in "
                                            "as the coding goes."),
                                          wxString(), _("Go to the Coding area"), GoTo(context, CodingArea)),
                     wxString());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_pages, wxSizerFlags(1).Expand());
    SetSizer(sizer);
    BindEvents();
}

InsightsPage::~InsightsPage()
{
    m_refresh.Stop();
    m_context.Unsubscribe(m_subscription);
}

wxWindow* InsightsPage::BuildContent(wxWindow* parent)
{
    auto* content = new wxPanel(parent);
    m_totals = new wxStaticText(content, wxID_ANY, wxString());
    m_totals->SetFont(m_totals->GetFont().Bold().Scaled(1.15f));
    m_totals->SetName("insights-totals");
    m_status = new wxStaticText(content, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    m_status->SetName("insights-status");
    m_filter = new wxSearchCtrl(content, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(260, -1)));
    m_filter->SetName("insights-filter");
    m_filter->SetDescriptiveText(_("Filter the commitments (Ctrl+F)"));
    m_filter->ShowCancelButton(true);

    m_split = new wxSplitterWindow(content, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                   wxSP_LIVE_UPDATE | wxSP_3DSASH);
    m_split->SetMinimumPaneSize(FromDIP(140));
    m_split->SetSashGravity(0.42);
    m_matrix = new InsightsMatrix(m_split);
    m_split->SplitHorizontally(m_matrix, BuildBottom(m_split));
    const int gap = FromDIP(8);
    auto* header = new wxBoxSizer(wxHORIZONTAL);
    auto* words = new wxBoxSizer(wxVERTICAL);
    words->Add(m_totals);
    words->Add(m_status, wxSizerFlags().Expand().Border(wxTOP, FromDIP(2)));
    header->Add(words, wxSizerFlags(1).CentreVertical());
    header->Add(m_filter, wxSizerFlags().CentreVertical().Border(wxLEFT, gap));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(header, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    sizer->Add(m_split, wxSizerFlags(1).Expand().Border(wxALL, gap));
    content->SetSizer(sizer);
    return content;
}

wxWindow* InsightsPage::BuildBottom(wxWindow* parent)
{
    m_bottom = new wxSplitterWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                    wxSP_LIVE_UPDATE | wxSP_3DSASH);
    m_bottom->SetMinimumPaneSize(FromDIP(220));
    m_bottom->SetSashGravity(0.0);
    m_flags = new InsightsFlagTree(m_bottom);

    m_detail = new wxSimplebook(m_bottom);
    m_detail->SetName("insights-detail");
    auto* chartPage = new wxPanel(m_detail);
    m_chart = new BarChart(chartPage, _("Contributions by neighbourhood"), wxColour(0x2E, 0x75, 0xB6));
    m_chart->SetName("insights-neighbourhoods");
    auto* hint = new wxStaticText(chartPage, wxID_ANY,
                                  _("Select a flag on the left to list the contributions behind it."));
    hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    auto* chartSizer = new wxBoxSizer(wxVERTICAL);
    chartSizer->Add(m_chart, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(8)));
    chartSizer->Add(hint, wxSizerFlags().Border(wxLEFT | wxTOP, FromDIP(8)));
    chartPage->SetSizer(chartSizer);
    m_evidence = new InsightsEvidencePanel(m_detail);
    m_detail->AddPage(chartPage, wxString());
    m_detail->AddPage(m_evidence, wxString());

    m_bottom->SplitVertically(m_flags, m_detail, FromDIP(375));
    return m_bottom;
}

void InsightsPage::BindEvents()
{
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { Reload(); }, m_refresh.GetId());
    Bind(wxEVT_IDLE, &InsightsPage::OnIdle, this);
    Bind(wxEVT_CHAR_HOOK, &InsightsPage::OnCharHook, this);
    m_filter->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { m_matrix->SetFilter(m_filter->GetValue()); });
    m_filter->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) {
        m_filter->Clear();
        m_matrix->SetFilter(wxString());
    });
    m_flags->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent&) { ShowFlag(m_flags->Selected()); });
    m_flags->Bind(wxEVT_TREE_ITEM_ACTIVATED, [this](wxTreeEvent& event) {
        if (m_flags->Selected() && m_flags->Selected()->IsFlag())
            ProposeReorientation();
        else
            event.Skip(); // headings expand and collapse
    });
    m_flags->Bind(wxEVT_TREE_ITEM_MENU, [this](wxTreeEvent& event) {
        m_flags->SelectItem(event.GetItem());
        wxMenu menu;
        menu.Append(wxID_ADD, _("&Propose a reorientation point…"));
        menu.Enable(wxID_ADD, m_evidence->ProposeButton()->IsEnabled());
        if (m_flags->GetPopupMenuSelectionFromUser(menu) == wxID_ADD)
            ProposeReorientation();
    });
    m_evidence->ProposeButton()->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ProposeReorientation(); });
    ShowWhenAllowed(m_context, m_evidence->ProposeButton());
    // A flagged row of the matrix opens its flag below it.
    m_matrix->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
        const wxTreeItemId item = m_flags->ItemOfCommitment(m_matrix->SelectedCommitmentId());
        if (item.IsOk()) {
            m_flags->SelectItem(item);
            m_flags->EnsureVisible(item);
            m_flags->SetFocus();
        }
    });
    std::weak_ptr<int> alive = m_lifetime;
    m_subscription = m_context.Subscribe([this, alive](const std::string& table) {
        if (alive.lock())
            OnTableChanged(table);
    });
}

void InsightsPage::Reload()
{
    m_refresh.Stop();
    m_stale = false;
    const std::string consultationId = m_context.ConsultationId();
    if (consultationId.empty()) {
        m_loading = false;
        m_shown = Insights();
        m_pages->ChangeSelection(NoConsultationPage);
        return;
    }
    m_loading = true;
    ShowStatus(_("Loading…"), false);
    // Keyed by page: a newer request replaces a queued one, never another page's.
    const std::string key = "insights-" + std::to_string(reinterpret_cast<std::uintptr_t>(this));
    m_context.Worker().Run<Insights>(
        m_lifetime, [consultationId](Database& db) { return LoadInsights(db, consultationId); },
        [this](Insights insights) {
            m_loading = false;
            ++m_loads;
            Display(std::move(insights));
        },
        [this](const Error& error) {
            m_loading = false;
            ShowStatus(wxString::Format(_("The insights could not be read: %s Press F5 to try again."),
                                        wxString::FromUTF8(error.what())),
                       true);
        },
        key);
}

void InsightsPage::OnShown()
{
    if (m_stale && !m_loading)
        Reload();
}

void InsightsPage::OnTableChanged(const std::string& table)
{
    static const char* const tables[] = {"tag", "contribution", "commitment", "label", "contribution_label"};
    if (std::find(std::begin(tables), std::end(tables), table) == std::end(tables))
        return;
    if (!IsVisibleToUser()) {
        m_stale = true; // read when the page is shown: nobody waits for a hidden page
        return;
    }
    if (!m_refresh.IsRunning())
        m_refresh.StartOnce(kThrottleMs);
}

void InsightsPage::OnIdle(wxIdleEvent& event)
{
    event.Skip();
    if (m_stale && !m_loading && IsVisibleToUser())
        Reload();
}

void InsightsPage::OnCharHook(wxKeyEvent& event)
{
    if (event.GetKeyCode() == 'F' && event.GetModifiers() == wxMOD_CONTROL &&
        m_pages->GetSelection() == ContentPage) {
        m_filter->SetFocus();
        m_filter->SelectAll();
        return;
    }
    event.Skip();
}

bool InsightsPage::IsVisibleToUser() const
{
    if (!IsShownOnScreen())
        return false;
    // Native notebooks do not hide their other pages as far as IsShownOnScreen() can tell.
    const wxWindow* child = this;
    for (const wxWindow* parent = GetParent(); parent && !parent->IsTopLevel(); parent = parent->GetParent()) {
        if (const auto* book = dynamic_cast<const wxBookCtrlBase*>(parent))
            if (book->GetCurrentPage() != child)
                return false;
        child = parent;
    }
    return true;
}

void InsightsPage::ShowStatus(const wxString& text, bool error)
{
    m_status->SetForegroundColour(error ? kErrorColour : wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_status->SetLabel(text);
    m_status->SetToolTip(text);
}

void InsightsPage::Display(Insights insights)
{
    m_shown = std::move(insights);
    if (m_shown.contributions == 0) {
        m_pages->ChangeSelection(NoContributionPage);
        return;
    }
    if (m_shown.linked == 0) {
        m_pages->ChangeSelection(NothingCodedPage);
        return;
    }
    m_totals->SetLabel(TotalsText());
    ShowStatus(wxString::Format(_("Updated at %s. Changes to the coding refresh this page by themselves."),
                                wxDateTime::Now().Format("%H:%M")),
               false);
    std::map<std::string, wxString> flagged;
    for (const StanceRow& row : m_shown.unmentioned)
        flagged[row.commitmentId] = _("Nobody mentioned");
    for (const DisagreementFlag& flag : m_shown.disagreements)
        flagged[flag.commitment.commitmentId] = DisagreementLabel(flag.kind);
    m_matrix->SetRows(m_shown.matrix, flagged);

    BarChart::Series series;
    for (const NeighbourhoodCount& count : m_shown.byNeighbourhood)
        series.emplace_back(count.neighbourhoodId.empty() ? _("No neighbourhood given")
                                                          : wxString::FromUTF8(count.name),
                            count.count);
    m_chart->SetSeries(std::move(series));
    m_pages->ChangeSelection(ContentPage);
    // Once the page has its real size: the matrix gets a little less than half, the flags and
    // their evidence need the room.
    if (!m_sashPlaced && m_split->GetSize().y > FromDIP(300)) {
        m_sashPlaced = true;
        m_split->SetSashPosition(m_split->GetSize().y * 42 / 100);
    }
    m_flags->SetInsights(m_shown); // selects the flag shown before, which reloads its evidence
    Layout();
}

wxString InsightsPage::TotalsText() const
{
    return wxString::Format(_("%s contributions, %s linked to a commitment (%d %%)"), FormatCount(m_shown.contributions),
                            FormatCount(m_shown.linked), Percent(m_shown.linked, m_shown.contributions));
}

bool InsightsPage::ShowsChart() const { return m_detail->GetSelection() == 0; }

void InsightsPage::ShowFlag(const std::optional<FlagRef>& ref)
{
    ++m_evidenceRequest; // whatever was being read for the previous item is no longer wanted
    m_loadingEvidence = false;
    if (!ref || ref->kind == FlagKind::Overview) {
        m_detail->ChangeSelection(0);
        return;
    }
    m_detail->ChangeSelection(1);
    switch (ref->kind) {
    case FlagKind::DisagreementHeading:
        m_evidence->ShowFlag(_("Status disagrees with citizens"),
                             _("Commitments whose official status does not match what the contributions say."), false);
        m_evidence->ShowEvidence({}, _("Select a commitment under this heading to list its contributions."));
        break;
    case FlagKind::UnmentionedHeading:
        m_evidence->ShowFlag(_("Nobody mentioned"), _("Commitments that no contribution is linked to."), false);
        m_evidence->ShowEvidence({}, _("Select a commitment under this heading to propose a reorientation point."));
        break;
    case FlagKind::UnlinkedHeading:
        m_evidence->ShowFlag(_("Linked to no commitment"),
                             _("Contributions tagged with no commitment, grouped by their label."), false);
        m_evidence->ShowEvidence({}, _("Select a label under this heading to list its contributions."));
        break;
    case FlagKind::Disagreement: {
        const DisagreementFlag& flag = m_shown.disagreements.at(ref->index);
        m_evidence->ShowFlag(CommitmentHeading(flag.commitment), DisagreementFigures(flag), true);
        LoadEvidence(flag.evidence, _("No contribution found."));
        break;
    }
    case FlagKind::Unmentioned: {
        const StanceRow& row = m_shown.unmentioned.at(ref->index);
        m_evidence->ShowFlag(CommitmentHeading(row),
                             wxString::Format(_("Status: %s. No contribution is linked to this commitment."),
                                              CommitmentStatusLabel(row.status)),
                             true);
        m_evidence->ShowEvidence({}, _("No contribution mentions this commitment: nothing to list."));
        break;
    }
    case FlagKind::Unlinked: {
        const UnlinkedGroup& group = m_shown.unlinked.at(ref->index);
        const wxString count = FormatCount(group.count);
        m_evidence->ShowFlag(
            UnlinkedGroupName(group),
            group.labelId.empty()
                ? wxString::Format(_("%s contributions with neither a commitment nor a label: code them in the "
                                     "Coding area."),
                                   count)
                : wxString::Format(_("%s contributions carry this label but no commitment."), count),
            !group.labelId.empty());
        LoadEvidence(group.evidence, _("No contribution found."));
        break;
    }
    case FlagKind::Overview:
        break;
    }
}

void InsightsPage::LoadEvidence(std::vector<std::string> ids, const wxString& emptyText)
{
    const int request = m_evidenceRequest;
    m_loadingEvidence = true;
    m_evidence->ShowLoading();
    const std::string key = "insights-evidence-" + std::to_string(reinterpret_cast<std::uintptr_t>(this));
    m_context.Worker().Run<std::vector<EvidenceContribution>>(
        m_lifetime, [ids = std::move(ids)](Database& db) { return LoadEvidenceContributions(db, ids); },
        [this, request, emptyText](std::vector<EvidenceContribution> items) {
            if (request != m_evidenceRequest)
                return;
            m_loadingEvidence = false;
            m_evidence->ShowEvidence(std::move(items), emptyText);
        },
        [this, request](const Error& error) {
            if (request != m_evidenceRequest)
                return;
            m_loadingEvidence = false;
            m_evidence->ShowError(wxString::Format(_("The contributions could not be read: %s"),
                                                   wxString::FromUTF8(error.what())));
        },
        key);
}

void InsightsPage::ProposeReorientation()
{
    if (!CheckAllowed(m_context))
        return;
    const std::optional<FlagRef> ref = m_flags->Selected();
    if (!ref || !ref->IsFlag() ||
        (ref->kind == FlagKind::Unlinked && m_shown.unlinked.at(ref->index).labelId.empty())) {
        wxBell();
        return;
    }
    ReorientationDraft draft;
    draft.point.consultationId = m_context.ConsultationId();
    draft.point.decision = Decision::Proposed;
    const std::vector<std::string>* evidence = nullptr;
    wxString title, rationale;
    if (ref->kind == FlagKind::Disagreement) {
        const DisagreementFlag& flag = m_shown.disagreements.at(ref->index);
        draft.commitments.push_back({flag.commitment.commitmentId, ChangeKind::Amended});
        evidence = &flag.evidence;
        title = wxString::Format(flag.kind == Disagreement::DoneButCriticised ? _("%s: answer the criticism")
                                                                              : _("%s: answer the requests"),
                                 CommitmentHeading(flag.commitment));
        rationale = DisagreementFigures(flag) + ".";
    } else if (ref->kind == FlagKind::Unmentioned) {
        const StanceRow& row = m_shown.unmentioned.at(ref->index);
        draft.commitments.push_back({row.commitmentId, ChangeKind::Amended});
        title = wxString::Format(_("%s: make it known"), CommitmentHeading(row));
        rationale = _("No contribution of the consultation mentions this commitment.");
    } else {
        const UnlinkedGroup& group = m_shown.unlinked.at(ref->index);
        evidence = &group.evidence;
        title = wxString::Format(_("New subject: %s"), UnlinkedGroupName(group));
        rationale = wxString::Format(_("%s contributions raise this subject without linking it to any commitment."),
                                     FormatCount(group.count));
    }
    if (evidence)
        draft.contributionIds.assign(evidence->begin(),
                                     evidence->begin() + static_cast<std::ptrdiff_t>(
                                                             std::min(kEvidenceInDraft, evidence->size())));
    draft.point.title = title.utf8_string();
    draft.point.rationale = rationale.utf8_string();
    const std::string saved = EditReorientationPoint(this, m_context, draft);
    if (!saved.empty())
        ShowStatus(_("Reorientation point saved: find it on the Reorientation points page."), false);
}

AreaView* CreateInsightsPage(wxWindow* parent, AppContext& context)
{
    return new InsightsPage(parent, context);
}

} // namespace concerto
