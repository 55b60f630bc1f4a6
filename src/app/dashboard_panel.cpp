#include "app/dashboard_panel.h"

#include "app/app_context.h"
#include "app/bar_chart.h"
#include "app/localization.h"
#include "app/placeholder_panel.h"
#include "dialogs/domain_labels.h"
#include "core/model.h"
#include "db/stats.h"

#include <map>
#include <optional>
#include <wx/gauge.h>
#include <wx/intl.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace concerto {

namespace {

enum Page { EmptyPage, ContentPage };

// Tango palette: distinct, calm, and readable with dark text beside the bars.
const wxColour kChannelColour(0x34, 0x65, 0xA4);
const wxColour kNeighbourhoodColour(0x4E, 0x9A, 0x06);
const wxColour kStateColour(0xC1, 0x7D, 0x11);
const wxColour kCoderColour(0x75, 0x50, 0x7B);

// A faint tint of the selection colour, so that tiles follow the desktop theme.
wxColour Tint(const wxColour& base, const wxColour& accent, double amount)
{
    auto mix = [amount](unsigned char b, unsigned char a) { return static_cast<unsigned char>(b + (a - b) * amount); };
    return wxColour(mix(base.Red(), accent.Red()), mix(base.Green(), accent.Green()), mix(base.Blue(), accent.Blue()));
}

wxString StateLabel(const std::string& code)
{
    ContributionState state;
    return FromCode(code, state) ? StateName(state) : wxString::FromUTF8(code);
}

// Every state appears, in processing order, even with no contribution: a zero is information.
BarChart::Series StateSeries(const Stats::Counts& perState)
{
    std::map<std::string, long long> counts(perState.begin(), perState.end());
    BarChart::Series series;
    for (auto state : {ContributionState::New, ContributionState::Tagged, ContributionState::ToReview,
                       ContributionState::Excluded}) {
        const std::string code = ToCode(state);
        series.emplace_back(StateLabel(code), counts[code]);
        counts.erase(code);
    }
    for (const auto& [code, count] : counts)
        series.emplace_back(StateLabel(code), count);
    return series;
}

BarChart::Series ToSeries(const Stats::Counts& counts)
{
    BarChart::Series series;
    for (const auto& [name, count] : counts)
        series.emplace_back(wxString::FromUTF8(name), count);
    return series;
}

/// The rows of `table`, or nothing when the user's role may not read it.
std::optional<long long> CountOf(const Stats& stats, const std::string& table)
{
    for (const auto& [name, count] : stats.perEntity)
        if (name == table)
            return count;
    return std::nullopt;
}

// The records listed under "In this consultation", beyond the key figures.
struct RecordRow {
    const char* table;
    wxString label;
};
std::vector<RecordRow> RecordRows()
{
    return {{"theme", _("Themes")},
            {"commitment_status_change", _("Status changes")},
            {"card", _("Thematic cards")},
            {"label", _("Free labels")},
            {"reorientation", _("Reorientation points")},
            {"contact_details", _("Contact details")},
            {"neighbourhood", _("Neighbourhoods (shared)")},
            {"channel", _("Channels (shared)")},
            {"report_definition", _("Report definitions (shared)")}};
}

} // namespace

DashboardPanel::DashboardPanel(wxWindow* parent, std::function<void()> onGetStarted) : wxPanel(parent)
{
    m_pages = new wxSimplebook(this);
    m_pages->AddPage(new PlaceholderPanel(m_pages, _("No consultation yet"),
                                          _("This database is ready but holds no consultation. Load the demo "
                                            "consultation to discover Concerto, or create your first consultation."),
                                          wxString(), _("Get started…"), std::move(onGetStarted)),
                     wxString());
    m_pages->AddPage(BuildContent(m_pages), wxString());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_pages, wxSizerFlags(1).Expand());
    SetSizer(sizer);
}

wxWindow* DashboardPanel::BuildContent(wxWindow* parent)
{
    m_content = new wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    m_content->SetScrollRate(0, FromDIP(12));
    m_content->SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW));
    const int gap = FromDIP(12), margin = FromDIP(24);

    auto* page = new wxBoxSizer(wxVERTICAL);
    m_title = new wxStaticText(m_content, wxID_ANY, wxString());
    m_title->SetFont(m_title->GetFont().Bold().Scaled(1.6f));
    page->Add(m_title, wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
    m_description = new wxStaticText(m_content, wxID_ANY, wxString());
    m_description->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    page->Add(m_description, wxSizerFlags().Border(wxBOTTOM, gap + FromDIP(4)));

    auto* figures = new wxBoxSizer(wxHORIZONTAL);
    const std::pair<const char*, wxString> headline[] = {{"contribution", _("Contributions")},
                                                         {"meeting", _("Meetings")},
                                                         {"commitment", _("Commitments")},
                                                         {"tag", _("Tags")},
                                                         {"topic", _("Salient topics")}};
    for (const auto& [table, label] : headline) {
        if (figures->GetItemCount() > 0)
            figures->AddSpacer(gap);
        figures->Add(BuildKeyFigure(m_content, table, label), wxSizerFlags(1).Expand());
    }
    page->Add(figures, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(20)));

    m_byChannel = new BarChart(m_content, _("Contributions by channel"), kChannelColour);
    m_byState = new BarChart(m_content, _("Contributions by state"), kStateColour);
    m_byNeighbourhood = new BarChart(m_content, _("Contributions by neighbourhood"), kNeighbourhoodColour);
    m_byCoder = new BarChart(m_content, _("Contributions tagged by each coder"), kCoderColour);

    auto* progressTitle = new wxStaticText(m_content, wxID_ANY, _("Tagging progress"));
    progressTitle->SetFont(progressTitle->GetFont().Bold().Scaled(1.1f));
    m_taggedGauge = new wxGauge(m_content, wxID_ANY, 1000, wxDefaultPosition, FromDIP(wxSize(-1, 14)));
    m_taggedShare = new wxStaticText(m_content, wxID_ANY, wxString());

    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(m_byChannel, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(20)));
    left->Add(m_byState, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(20)));
    left->Add(progressTitle, wxSizerFlags().Border(wxBOTTOM, FromDIP(8)));
    left->Add(m_taggedGauge, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(4)));
    left->Add(m_taggedShare, wxSizerFlags().Border(wxBOTTOM, FromDIP(12)));
    left->Add(m_byCoder, wxSizerFlags().Expand());

    auto* recordsTitle = new wxStaticText(m_content, wxID_ANY, _("Also in this consultation"));
    recordsTitle->SetFont(recordsTitle->GetFont().Bold().Scaled(1.1f));
    auto* records = new wxFlexGridSizer(2, wxSize(FromDIP(24), FromDIP(5)));
    records->AddGrowableCol(0, 1);
    for (const auto& row : RecordRows()) {
        records->Add(new wxStaticText(m_content, wxID_ANY, row.label));
        auto* value = new wxStaticText(m_content, wxID_ANY, "0");
        records->Add(value, wxSizerFlags().Right());
        m_figures.push_back({row.table, value});
    }

    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(m_byNeighbourhood, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(20)));
    right->Add(recordsTitle, wxSizerFlags().Border(wxBOTTOM, FromDIP(8)));
    right->Add(records, wxSizerFlags().Expand().Border(wxRIGHT, FromDIP(40)));

    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    columns->Add(left, wxSizerFlags(1).Expand());
    columns->AddSpacer(FromDIP(40));
    columns->Add(right, wxSizerFlags(1).Expand());
    page->Add(columns, wxSizerFlags().Expand());

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(page, wxSizerFlags(1).Expand().Border(wxALL, margin));
    m_content->SetSizer(outer);
    return m_content;
}

wxWindow* DashboardPanel::BuildKeyFigure(wxWindow* parent, const std::string& table, const wxString& label)
{
    auto* tile = new wxPanel(parent);
    tile->SetBackgroundColour(Tint(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW),
                                   wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHT), 0.08));
    auto* value = new wxStaticText(tile, wxID_ANY, "0");
    value->SetFont(value->GetFont().Bold().Scaled(1.8f));
    auto* caption = new wxStaticText(tile, wxID_ANY, label);
    caption->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(value, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));
    sizer->Add(caption, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    tile->SetSizer(sizer);
    m_figures.push_back({table, value});
    return tile;
}

void DashboardPanel::ShowConsultation(AppContext& context, const Consultation* consultation)
{
    if (!consultation) {
        m_loading = false;
        m_pages->ChangeSelection(EmptyPage);
        return;
    }
    m_title->SetLabel(wxString::FromUTF8(consultation->title));
    m_description->SetLabel(wxString::FromUTF8(consultation->description));
    m_description->Wrap(FromDIP(900));
    m_description->Show(!consultation->description.empty());
    for (auto& figure : m_figures)
        figure.value->SetLabel(wxString::FromUTF8("…"));
    m_pages->ChangeSelection(ContentPage);
    m_content->Layout();
    m_loading = true;
    const std::string id = consultation->id;
    context.Worker().Run<Stats>(
        m_lifetime, [id](Database& db) { return CollectStats(db, id); },
        [this](Stats stats) {
            m_loading = false;
            ShowStats(stats);
        },
        [this](const Error& error) {
            m_loading = false;
            m_taggedShare->SetLabel(wxString::FromUTF8(error.what()));
        },
        "dashboard");
}

void DashboardPanel::ShowStats(const Stats& stats)
{
    for (auto& figure : m_figures) {
        const auto count = CountOf(stats, figure.table);
        figure.value->SetLabel(count ? FormatCount(*count) : wxString::FromUTF8("—"));
        figure.value->SetToolTip(count ? wxString() : _("Your role on the server does not show these records."));
    }
    m_byChannel->SetSeries(ToSeries(stats.perChannel));
    m_byNeighbourhood->SetSeries(ToSeries(stats.perNeighbourhood));
    m_byState->SetSeries(StateSeries(stats.perState));
    m_byCoder->SetSeries(ToSeries(stats.perCoder));
    const double share = stats.contributions ? static_cast<double>(stats.tagged) / stats.contributions : 0.0;
    m_taggedGauge->SetValue(static_cast<int>(share * 1000 + 0.5));
    m_taggedShare->SetLabel(wxString::Format(_("%s of %s contributions tagged (%d %%)"), FormatCount(stats.tagged),
                                             FormatCount(stats.contributions), static_cast<int>(share * 100 + 0.5)));
    m_content->Layout();
    m_content->FitInside();
}

wxString DashboardPanel::FigureText(const std::string& table) const
{
    for (const auto& figure : m_figures)
        if (figure.table == table)
            return figure.value->GetLabel();
    return wxString();
}

} // namespace concerto
