#include "app/topics_detail.h"

#include "app/bar_chart.h"
#include "app/localization.h"
#include "app/page_widgets.h"
#include "db/repositories.h"
#include "dialogs/meeting_dialog.h"

#include <algorithm>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {

enum Tab { OverviewTab, SpreadTab, EvidenceTab };
enum EvidenceColumn { NumberColumn, DateColumn, ChannelColumn, NeighbourhoodColumn, ExcerptColumn };

wxTextCtrl* ReadOnlyText(wxWindow* parent)
{
    return new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                          wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2 | wxTE_WORDWRAP);
}

BarChart::Series SeriesOf(const std::vector<EvidenceCount>& counts)
{
    BarChart::Series series;
    for (const auto& count : counts)
        series.emplace_back(wxString::FromUTF8(count.name), count.count);
    return series;
}

int Plural(long long n)
{
    return static_cast<int>(std::min<long long>(n, 1000000));
}

} // namespace

TopicDetail::TopicDetail(wxWindow* parent, AppContext& context) : wxPanel(parent), m_context(context)
{
    SetName("topic-detail");
    auto* column = new wxBoxSizer(wxVERTICAL);
    m_title = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    m_title->SetFont(m_title->GetFont().Bold().Scaled(1.15f));
    column->Add(m_title, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(8)));
    m_figures = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    m_figures->SetName("topic-figures");
    m_figures->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    column->Add(m_figures, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(8)));

    m_tabs = new wxNotebook(this, wxID_ANY);
    m_tabs->SetName("topic-tabs");
    m_overview = ReadOnlyText(m_tabs);
    m_overview->SetName("topic-overview");
    m_tabs->AddPage(m_overview, _("Overview"));
    m_tabs->AddPage(BuildSpread(m_tabs), _("Spread of the evidence"));
    m_tabs->AddPage(BuildEvidence(m_tabs), _("Evidence"));
    column->Add(m_tabs, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(6)));
    SetSizer(column);
    ShowHint(_("Select a topic to see its evidence and the agoras that worked on it."));
}

wxWindow* TopicDetail::BuildSpread(wxWindow* parent)
{
    auto* scrolled = new wxScrolledWindow(parent, wxID_ANY);
    scrolled->SetScrollRate(0, FromDIP(12));
    scrolled->SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW));
    const wxColour blue(0x34, 0x65, 0xA4), green(0x4E, 0x9A, 0x06), orange(0xCE, 0x5C, 0x00), plum(0x75, 0x50, 0x7B);
    m_byNeighbourhood = new BarChart(scrolled, _("By neighbourhood"), blue);
    m_byChannel = new BarChart(scrolled, _("By channel"), green);
    m_byStance = new BarChart(scrolled, _("By stance"), orange);
    m_byProfile = new BarChart(scrolled, _("By profile"), plum);
    m_byNeighbourhood->SetName("spread-neighbourhood");
    m_byChannel->SetName("spread-channel");
    m_byStance->SetName("spread-stance");
    m_byProfile->SetName("spread-profile");
    // Two charts a row: at 1366 pixels the neighbourhoods' long names keep their room.
    auto* grid = new wxFlexGridSizer(2, wxSize(FromDIP(24), FromDIP(10)));
    grid->AddGrowableCol(0, 1);
    grid->AddGrowableCol(1, 1);
    for (BarChart* chart : {m_byNeighbourhood, m_byChannel, m_byStance, m_byProfile})
        grid->Add(chart, wxSizerFlags().Expand());
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(grid, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    scrolled->SetSizer(outer);
    return scrolled;
}

wxWindow* TopicDetail::BuildEvidence(wxWindow* parent)
{
    auto* splitter =
        new wxSplitterWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    splitter->SetMinimumPaneSize(FromDIP(160));
    splitter->SetSashGravity(0.6);
    m_items = new wxListCtrl(splitter, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    m_items->SetName("evidence");
    const std::pair<wxString, int> columns[] = {
        {_("No."), 60}, {_("Date"), 90}, {_("Channel"), 140}, {_("Neighbourhood"), 150}, {_("Excerpt"), 400}};
    for (const auto& [header, width] : columns)
        m_items->AppendColumn(header, m_items->GetColumnCount() == NumberColumn ? wxLIST_FORMAT_RIGHT
                                                                                 : wxLIST_FORMAT_LEFT,
                              FromDIP(width));
    // The excerpt takes what the fixed columns leave.
    m_items->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter([this] {
            int fixed = 0;
            for (int column = NumberColumn; column < ExcerptColumn; ++column)
                fixed += m_items->GetColumnWidth(column);
            m_items->SetColumnWidth(ExcerptColumn,
                                    std::max(FromDIP(200), m_items->GetClientSize().GetWidth() - fixed - FromDIP(4)));
        });
    });
    m_items->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) { ShowContribution(event.GetIndex()); });
    m_text = ReadOnlyText(splitter);
    m_text->SetName("evidence-text");
    splitter->SplitVertically(m_items, m_text, FromDIP(620));
    // Built before the page has its size: the text gets its share once the tab is really sized.
    splitter->Bind(wxEVT_SIZE, [this, splitter, placed = false](wxSizeEvent& event) mutable {
        event.Skip();
        if (placed || splitter->GetSize().GetWidth() < FromDIP(600))
            return;
        placed = true;
        CallAfter([splitter] { splitter->SetSashPosition(splitter->GetSize().GetWidth() * 2 / 3); });
    });
    return splitter;
}

void TopicDetail::ShowHint(const wxString& hint)
{
    m_topicId.clear();
    m_topic = TopicSummary{};
    m_evidence = TopicEvidence{};
    m_hasEvidence = false;
    m_title->SetLabel(wxString());
    m_figures->SetLabel(hint);
    m_overview->Clear();
    m_items->DeleteAllItems();
    m_text->Clear();
    for (BarChart* chart : {m_byNeighbourhood, m_byChannel, m_byStance, m_byProfile})
        chart->SetSeries({});
    m_tabs->Hide();
    Layout();
}

void TopicDetail::ShowTopic(const TopicSummary& topic)
{
    const bool same = topic.topic.id == m_topicId;
    m_topicId = topic.topic.id;
    m_topic = topic;
    if (!same) {
        m_evidence = TopicEvidence{};
        m_hasEvidence = false;
        m_items->DeleteAllItems();
        m_text->Clear();
    }
    m_title->SetLabel(wxString::FromUTF8(topic.topic.title));
    m_title->SetToolTip(m_title->GetLabel());
    ShowFigures();

    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    const wxFont normal = m_overview->GetFont();
    auto write = [&](const wxString& s, const wxColour& colour, const wxFont& font) {
        m_overview->SetDefaultStyle(wxTextAttr(colour, wxNullColour, font));
        m_overview->AppendText(s);
    };
    auto heading = [&](const wxString& s) { write("\n\n" + s + "\n", text, normal.Bold()); };
    m_overview->Clear();
    if (topic.topic.description.empty())
        write(_("No description. Use “Edit” (Enter) to write one."), grey, normal);
    else
        write(wxString::FromUTF8(topic.topic.description), text, normal);

    heading(_("Labels from the coding"));
    wxString labels;
    for (const auto& label : topic.labels)
        labels += (labels.empty() ? "" : ", ") + wxString::FromUTF8(label.name);
    write(labels.empty() ? _("None.") : labels, labels.empty() ? grey : text, normal);

    heading(_("Programme commitments"));
    if (topic.commitments.empty())
        write(_("None."), grey, normal);
    for (std::size_t i = 0; i < topic.commitments.size(); ++i)
        write((i ? "\n" : "") + wxString::FromUTF8(topic.commitments[i].code + "  " + topic.commitments[i].name), text,
              normal);

    heading(_("Agoras"));
    if (topic.agoras.empty())
        write(_("No agora has worked on this topic yet. Link one with “Edit” (Enter)."), grey, normal);
    for (std::size_t i = 0; i < topic.agoras.size(); ++i) {
        const TopicAgora& agora = topic.agoras[i];
        write((i ? "\n" : "") + FormatDay(agora.startsAt) + L"  \u2014  ", text, normal.Bold());
        write(wxString::FromUTF8(agora.title) + "\n", text, normal);
        if (agora.outcome.empty())
            write(L"    " + _("Outcome not recorded yet."), grey, normal.Italic());
        else
            write(L"    " + wxString::FromUTF8(agora.outcome), text, normal);
    }
    m_overview->ShowPosition(0);
    m_tabs->Show();
    Layout();
}

void TopicDetail::ShowFigures()
{
    wxString figures;
    if (m_hasEvidence)
        figures = wxString::Format(wxPLURAL("%s contribution", "%s contributions", Plural(m_evidence.total)),
                                   FormatCount(m_evidence.total));
    else
        figures = wxString::Format(wxPLURAL("%s contribution", "%s contributions", Plural(m_topic.contributions)),
                                   FormatCount(m_topic.contributions));
    const auto labels = static_cast<long long>(m_topic.labels.size());
    const auto commitments = static_cast<long long>(m_topic.commitments.size());
    const auto agoras = static_cast<long long>(m_topic.agoras.size());
    figures += L"  \u00B7  " + wxString::Format(wxPLURAL("%s label", "%s labels", Plural(labels)), FormatCount(labels));
    figures += L"  \u00B7  " + wxString::Format(wxPLURAL("%s commitment", "%s commitments", Plural(commitments)),
                                                FormatCount(commitments));
    figures += L"  \u00B7  " + wxString::Format(wxPLURAL("%s agora", "%s agoras", Plural(agoras)), FormatCount(agoras));
    long long quotes = 0;
    for (const auto& item : m_evidence.items)
        quotes += item.isQuote ? 1 : 0;
    if (m_hasEvidence && quotes > 0)
        figures += L"  \u00B7  " + wxString::Format(wxPLURAL("%s quote", "%s quotes", Plural(quotes)), FormatCount(quotes));
    m_figures->SetLabel(figures);
}

void TopicDetail::ShowEvidence(TopicEvidence evidence)
{
    m_evidence = std::move(evidence);
    m_hasEvidence = true;
    ShowFigures();
    m_byNeighbourhood->SetSeries(SeriesOf(m_evidence.byNeighbourhood));
    m_byChannel->SetSeries(SeriesOf(m_evidence.byChannel));
    m_byStance->SetSeries(SeriesOf(m_evidence.byStance));
    m_byProfile->SetSeries(SeriesOf(m_evidence.byProfile));
    if (auto* spread = m_byNeighbourhood->GetParent()) {
        spread->Layout();
        spread->FitInside();
    }
    m_items->Freeze();
    m_items->DeleteAllItems();
    for (std::size_t i = 0; i < m_evidence.items.size(); ++i) {
        const EvidenceItem& item = m_evidence.items[i];
        const long row = m_items->InsertItem(static_cast<long>(i), FormatCount(item.seq));
        m_items->SetItem(row, DateColumn, FormatDay(item.receivedAt));
        m_items->SetItem(row, ChannelColumn, wxString::FromUTF8(item.channel));
        m_items->SetItem(row, NeighbourhoodColumn, wxString::FromUTF8(item.neighbourhood));
        wxString excerpt = wxString::FromUTF8(item.excerpt);
        excerpt.Replace("\n", " ");
        m_items->SetItem(row, ExcerptColumn, (item.isQuote ? L"\u275D " : L"") + excerpt);
    }
    m_items->Thaw();
    m_tabs->SetPageText(EvidenceTab, wxString::Format(_("Evidence (%s)"), FormatCount(m_evidence.total)));
    m_text->Clear();
    m_text->SetDefaultStyle(wxTextAttr(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT)));
    m_text->AppendText(m_evidence.items.empty()
                           ? _("No contribution carries these labels or is tagged on these commitments yet.")
                           : _("Select a contribution to read it in full."));
    Layout();
}

void TopicDetail::ShowEvidenceError(const wxString& message)
{
    m_hasEvidence = false;
    m_items->DeleteAllItems();
    m_text->Clear();
    m_text->SetDefaultStyle(wxTextAttr(wxColour(0xA4, 0x00, 0x00)));
    m_text->AppendText(wxString::Format(_("The evidence could not be read: %s"), message));
    m_figures->SetLabel(wxString::Format(_("The evidence could not be read: %s"), message));
}

wxString TopicDetail::FiguresText() const
{
    return m_figures->GetLabel();
}

wxString TopicDetail::OverviewText() const
{
    return m_overview->GetValue();
}

wxString TopicDetail::EvidenceText() const
{
    return m_text->GetValue();
}

void TopicDetail::SelectEvidence(long index)
{
    if (index < 0 || index >= m_items->GetItemCount())
        return;
    SelectListRow(*m_items, index);
}

void TopicDetail::ShowContribution(long item)
{
    if (item < 0 || static_cast<std::size_t>(item) >= m_evidence.items.size())
        return;
    const EvidenceItem shown = m_evidence.items[item];
    m_loadingText = true;
    m_context.Worker().Run<std::optional<Contribution>>(
        m_lifetime,
        [id = shown.contributionId](Database& db) { return ContributionRepository(db).Find(id); },
        [this, shown](std::optional<Contribution> contribution) {
            m_loadingText = false;
            const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
            const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
            const wxFont normal = m_text->GetFont();
            m_text->Clear();
            m_text->SetDefaultStyle(wxTextAttr(grey, wxNullColour, normal));
            m_text->AppendText(wxString::Format(_("Contribution no. %s"), FormatCount(shown.seq)) + L"  \u00B7  " +
                               FormatDay(shown.receivedAt) + L"  \u00B7  " + wxString::FromUTF8(shown.channel) +
                               L"  \u00B7  " + wxString::FromUTF8(shown.neighbourhood) +
                               (shown.isQuote ? L"  \u00B7  " + _("quote") : wxString()) + "\n\n");
            if (!contribution) {
                m_text->AppendText(_("This contribution has been deleted meanwhile."));
                return;
            }
            if (!contribution->title.empty()) {
                m_text->SetDefaultStyle(wxTextAttr(text, wxNullColour, normal.Bold()));
                m_text->AppendText(wxString::FromUTF8(contribution->title) + "\n");
            }
            m_text->SetDefaultStyle(wxTextAttr(text, wxNullColour, normal));
            m_text->AppendText(wxString::FromUTF8(contribution->body));
            m_text->ShowPosition(0);
        },
        [this](const Error& error) {
            m_loadingText = false;
            m_text->Clear();
            m_text->AppendText(wxString::FromUTF8(error.what()));
        },
        "topics:evidence-text");
}

} // namespace concerto
