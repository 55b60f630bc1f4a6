#include "app/double_coding_panel.h"

#include "app/double_coding_adjudication.h"
#include "app/localization.h"
#include "app/placeholder_panel.h"
#include "core/text.h"
#include "dialogs/meeting_dialog.h"

#include <algorithm>
#include <random>
#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/datetime.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/utils.h>

namespace concerto {

namespace {

enum Page { EmptyPage, ContentPage };
enum SampleColumn {
    NameColumn,
    CoderAColumn,
    CoderBColumn,
    ItemsColumn,
    DoneAColumn,
    DoneBColumn,
    BothColumn,
    AdjudicatedColumn,
    CreatedColumn
};

wxString Utf8(const std::string& text)
{
    return wxString::FromUTF8(text);
}

// A number with the interface language's decimal separator ("0,40" in French).
wxString Decimal(double value, int digits)
{
    wxString text = wxString::Format("%.*f", digits, value);
    if (text.StartsWith("-") && text.find_first_not_of("-0.") == wxString::npos)
        text = text.Mid(1); // no "-0.00"
    text.Replace(".", wxGETTEXT_IN_CONTEXT("decimal separator", "."));
    return text;
}

wxString PercentText(const std::optional<double>& share)
{
    if (!share)
        return _("n/a");
    // TRANSLATORS: a percentage; French puts a narrow no-break space before %.
    return wxString::Format(_("%s %%"), Decimal(*share * 100.0, 1));
}

wxString StrengthLabel(AgreementStrength strength)
{
    switch (strength) {
    case AgreementStrength::Poor:
        return wxGETTEXT_IN_CONTEXT("agreement", "poor");
    case AgreementStrength::Slight:
        return wxGETTEXT_IN_CONTEXT("agreement", "slight");
    case AgreementStrength::Fair:
        return wxGETTEXT_IN_CONTEXT("agreement", "fair");
    case AgreementStrength::Moderate:
        return wxGETTEXT_IN_CONTEXT("agreement", "moderate");
    case AgreementStrength::Substantial:
        return wxGETTEXT_IN_CONTEXT("agreement", "substantial");
    case AgreementStrength::AlmostPerfect:
        break;
    }
    return wxGETTEXT_IN_CONTEXT("agreement", "almost perfect");
}

wxString KappaText(const std::optional<double>& kappa)
{
    return kappa ? Decimal(*kappa, 2) : _("n/a");
}

// The interpretation column: the Landis & Koch words, or why there is no kappa.
wxString MeaningText(const Agreement& agreement)
{
    if (agreement.kappa)
        return StrengthLabel(StrengthOf(*agreement.kappa));
    switch (agreement.undefined) {
    case KappaUndefined::NoItems:
        return _("no contribution coded by both");
    case KappaUndefined::NeverUsed:
        return _("neither coder used it: perfect, but no kappa");
    case KappaUndefined::AlwaysUsed:
        return _("both used it everywhere: perfect, but no kappa");
    case KappaUndefined::None:
        break;
    }
    return wxString();
}

wxString Joined(const std::vector<std::string>& refs)
{
    wxString text;
    for (const auto& ref : refs)
        text += (text.empty() ? "" : ", ") + Utf8(ref);
    return text;
}

wxString Excerpt(const ContributionComparison& c)
{
    std::string text = c.title.empty() ? c.body : c.title + " — " + c.body;
    for (auto& ch : text)
        if (ch == '\n' || ch == '\r' || ch == '\t')
            ch = ' ';
    const std::string cut = TruncateUtf8(text, 110);
    return Utf8(cut) + (cut.size() < text.size() ? wxString::FromUTF8("…") : wxString());
}

wxDataViewListCtrl* NewList(wxWindow* parent, const char* name)
{
    auto* list = new wxDataViewListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                        wxDV_SINGLE | wxDV_ROW_LINES | wxDV_HORIZ_RULES);
    list->SetName(name);
    return list;
}

void AddColumn(wxDataViewListCtrl* list, const wxString& title, int width, bool number = false)
{
    list->AppendTextColumn(title, wxDATAVIEW_CELL_INERT, list->FromDIP(width), number ? wxALIGN_RIGHT : wxALIGN_LEFT,
                           wxDATAVIEW_COL_RESIZABLE);
}

void AppendRow(wxDataViewListCtrl* list, const std::vector<wxString>& cells)
{
    wxVector<wxVariant> values;
    for (const auto& cell : cells)
        values.push_back(wxVariant(cell));
    list->AppendItem(values);
}

} // namespace

DoubleCodingPanel::DoubleCodingPanel(wxWindow* parent, AppContext& context,
                                     std::function<void(const CodingSample& sample)> onCodeBlind)
    : wxPanel(parent), m_context(context), m_onCodeBlind(std::move(onCodeBlind))
{
    SetName("double-coding-panel");
    wxWindow* toolbar = BuildToolbar();
    m_pages = new wxSimplebook(this);
    m_pages->AddPage(new PlaceholderPanel(m_pages, _("No double-coding sample yet"),
                                          _("Draw a sample of contributions that two people code blind to each other. "
                                            "Concerto then measures how far they agree (Cohen's kappa, per commitment "
                                            "and overall) and lists their disagreements for adjudication."),
                                          wxString(), _("New sample…"), [this] { NewSample(); }),
                     wxString());
    m_pages->AddPage(BuildContent(m_pages), wxString());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(toolbar, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(10)));
    sizer->Add(m_pages, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));
    SetSizer(sizer);

    std::weak_ptr<int> alive = m_lifetime;
    m_context.Subscribe([this, alive](const std::string& table) {
        if (alive.lock() && (table == "coding_sample" || table == "coding_sample_item" || table == "sample_tag"))
            Reload();
    });
    UpdateCommands();
    Reload();
}

wxWindow* DoubleCodingPanel::BuildToolbar()
{
    auto* bar = new wxPanel(this);
    m_newSample = new wxButton(bar, wxID_ANY, _("&New sample…"));
    m_newSample->SetToolTip(_("Draws a sample of contributions, in proportion to each channel, for two coders."));
    m_codeBlind = new wxButton(bar, wxID_ANY, _("Code &blind"));
    m_accept = new wxButton(bar, wxID_ANY, _("&Accept agreements"));
    m_accept->SetToolTip(_("Writes the tags both coders gave as final tags, and marks adjudicated the contributions "
                           "where they agree entirely."));
    m_status = new wxStaticText(bar, wxID_ANY, wxString());
    m_status->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_newSample->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { NewSample(); });
    m_codeBlind->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CodeBlind(); });
    m_accept->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnAcceptAgreements(); });
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(m_newSample, wxSizerFlags().CenterVertical());
    sizer->Add(m_codeBlind, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(6)));
    sizer->Add(m_accept, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(6)));
    sizer->Add(m_status, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(16)));
    bar->SetSizer(sizer);
    return bar;
}

wxWindow* DoubleCodingPanel::BuildContent(wxWindow* parent)
{
    auto* content = new wxPanel(parent);
    m_sampleList = NewList(content, "samples");
    AddColumn(m_sampleList, _("Sample"), 220);
    AddColumn(m_sampleList, _("Coder A"), 110);
    AddColumn(m_sampleList, _("Coder B"), 110);
    AddColumn(m_sampleList, _("Contributions"), 115, true);
    AddColumn(m_sampleList, _("Done by A"), 110, true);
    AddColumn(m_sampleList, _("Done by B"), 110, true);
    AddColumn(m_sampleList, _("Compared"), 105, true);
    AddColumn(m_sampleList, _("Adjudicated"), 100, true);
    AddColumn(m_sampleList, _("Created on"), 100);
    m_sampleList->SetMinSize(wxSize(-1, FromDIP(118)));
    m_sampleList->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { OnSampleSelected(); });

    m_notebook = new wxNotebook(content, wxID_ANY);
    m_notebook->AddPage(BuildReportPage(m_notebook), _("Agreement"));
    m_notebook->AddPage(BuildDisagreementsPage(m_notebook), _("Disagreements"));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_sampleList, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(10)));
    sizer->Add(m_notebook, wxSizerFlags(1).Expand());
    content->SetSizer(sizer);
    return content;
}

wxWindow* DoubleCodingPanel::BuildReportPage(wxWindow* parent)
{
    auto* page = new wxPanel(parent);
    m_summary = new wxStaticText(page, wxID_ANY, wxString());
    m_reportList = NewList(page, "agreement-report");
    AddColumn(m_reportList, _("Ref."), 80);
    AddColumn(m_reportList, _("Commitment"), 300);
    AddColumn(m_reportList, _("n"), 50, true);
    AddColumn(m_reportList, _("Both"), 80, true);
    AddColumn(m_reportList, _("A only"), 65, true);
    AddColumn(m_reportList, _("B only"), 65, true);
    AddColumn(m_reportList, _("Neither"), 65, true);
    AddColumn(m_reportList, _("Agreement"), 90, true);
    AddColumn(m_reportList, _("Kappa"), 65, true);
    AddColumn(m_reportList, _("Interpretation"), 260);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_summary, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    sizer->Add(m_reportList, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8)));
    page->SetSizer(sizer);
    return page;
}

wxWindow* DoubleCodingPanel::BuildDisagreementsPage(wxWindow* parent)
{
    auto* splitter = new wxSplitterWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                          wxSP_LIVE_UPDATE | wxSP_3DSASH | wxSP_NO_XP_THEME);
    splitter->SetMinimumPaneSize(FromDIP(200));
    splitter->SetSashGravity(0.5);
    m_disagreementPages = new wxSimplebook(splitter);
    auto* emptyPage = new wxPanel(m_disagreementPages);
    m_noDisagreement =
        new wxStaticText(emptyPage, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
    m_noDisagreement->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    auto* emptySizer = new wxBoxSizer(wxVERTICAL);
    emptySizer->AddStretchSpacer();
    emptySizer->Add(m_noDisagreement, wxSizerFlags().Center().Border(wxALL, FromDIP(12)));
    emptySizer->AddStretchSpacer();
    emptyPage->SetSizer(emptySizer);
    m_disagreementPages->AddPage(emptyPage, wxString());

    m_disagreementList = NewList(m_disagreementPages, "disagreements");
    // The codes first, the text last: it takes whatever width is left.
    AddColumn(m_disagreementList, _("No."), 60, true);
    AddColumn(m_disagreementList, _("A only"), 80);
    AddColumn(m_disagreementList, _("B only"), 80);
    AddColumn(m_disagreementList, _("Other stance"), 110);
    AddColumn(m_disagreementList, _("Adjudicated on"), 100);
    AddColumn(m_disagreementList, _("Contribution"), 300);
    m_disagreementList->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED,
                             [this](wxDataViewEvent&) { SelectDisagreement(m_disagreementList->GetSelectedRow()); });
    m_disagreementPages->AddPage(m_disagreementList, wxString());

    m_adjudication = new AdjudicationPane(
        splitter, [this](const ContributionComparison& comparison, const std::vector<TagChoice>& chosen) {
            return Adjudicate(comparison, chosen);
        });
    splitter->SplitVertically(m_disagreementPages, m_adjudication);
    // The sash goes to the middle once the page has its real width (at creation it has none).
    splitter->Bind(wxEVT_SIZE, [splitter, placed = false](wxSizeEvent& event) mutable {
        event.Skip();
        if (placed || event.GetSize().GetWidth() < splitter->FromDIP(500))
            return;
        placed = true;
        const int position = event.GetSize().GetWidth() / 2;
        splitter->CallAfter([splitter, position] { splitter->SetSashPosition(position); });
    });
    return splitter;
}

void DoubleCodingPanel::Reload()
{
    const std::string consultationId = m_context.ConsultationId();
    const int request = ++m_overviewRequest;
    m_loadingOverview = true;
    m_context.Worker().Run<Overview>(
        m_lifetime,
        [consultationId](Database& db) {
            Overview overview;
            if (consultationId.empty())
                return overview;
            overview.samples = ListSampleProgress(db, consultationId);
            overview.coders = KnownCoders(db, consultationId);
            ContributionFilter all;
            all.consultationId = consultationId;
            overview.population = ContributionRepository(db).CountMatching(all);
            return overview;
        },
        [this, request](Overview overview) {
            if (request == m_overviewRequest)
                ShowOverview(std::move(overview));
        },
        [this, request](const Error& error) {
            if (request != m_overviewRequest)
                return;
            m_loadingOverview = false;
            ShowStatus(Utf8(error.what()), true);
        },
        "double-coding-overview");
}

void DoubleCodingPanel::ShowOverview(Overview overview)
{
    m_loadingOverview = false;
    m_samples = std::move(overview.samples);
    m_coders = std::move(overview.coders);
    m_population = overview.population;
    m_sampleList->DeleteAllItems();
    int selected = m_samples.empty() ? -1 : 0;
    for (std::size_t i = 0; i < m_samples.size(); ++i) {
        const SampleProgress& p = m_samples[i];
        if (p.sample.id == m_selectedId)
            selected = static_cast<int>(i);
        AppendRow(m_sampleList, {Utf8(p.sample.name), Utf8(p.sample.coderA), Utf8(p.sample.coderB),
                                 FormatCount(p.items), FormatCount(p.doneByA), FormatCount(p.doneByB),
                                 FormatCount(p.doneByBoth), FormatCount(p.adjudicated), FormatDay(p.sample.createdAt)});
    }
    m_pages->SetSelection(m_samples.empty() ? EmptyPage : ContentPage);
    m_selectedId = selected < 0 ? std::string() : m_samples[static_cast<std::size_t>(selected)].sample.id;
    if (selected >= 0)
        m_sampleList->SelectRow(static_cast<unsigned>(selected));
    UpdateCommands();
    LoadDetails();
}

const CodingSample* DoubleCodingPanel::SelectedSample() const
{
    for (const auto& progress : m_samples)
        if (progress.sample.id == m_selectedId)
            return &progress.sample;
    return nullptr;
}

bool DoubleCodingPanel::SelectSample(const std::string& id)
{
    for (std::size_t i = 0; i < m_samples.size(); ++i) {
        if (m_samples[i].sample.id != id)
            continue;
        m_sampleList->SelectRow(static_cast<unsigned>(i));
        OnSampleSelected();
        return true;
    }
    return false;
}

void DoubleCodingPanel::OnSampleSelected()
{
    const int row = m_sampleList->GetSelectedRow();
    if (row == wxNOT_FOUND || row >= SampleCount())
        return;
    const std::string id = m_samples[static_cast<std::size_t>(row)].sample.id;
    if (id == m_selectedId && !m_report.sample.id.empty())
        return;
    m_selectedId = id;
    m_notice.clear();
    m_adjudication->Clear();
    UpdateCommands();
    LoadDetails();
}

void DoubleCodingPanel::LoadDetails()
{
    const std::string sampleId = m_selectedId;
    const int request = ++m_detailsRequest;
    if (sampleId.empty()) {
        m_loadingDetails = false;
        ShowDetails(Details());
        return;
    }
    m_loadingDetails = true;
    m_context.Worker().Run<Details>(
        m_lifetime,
        [sampleId](Database& db) {
            Details details;
            details.report = BuildAgreementReport(db, sampleId);
            details.disagreements = ListDisagreements(db, sampleId);
            return details;
        },
        [this, request](Details details) {
            if (request == m_detailsRequest)
                ShowDetails(std::move(details));
        },
        [this, request](const Error& error) {
            if (request != m_detailsRequest)
                return;
            m_loadingDetails = false;
            ShowStatus(Utf8(error.what()), true);
        },
        "double-coding-details");
}

void DoubleCodingPanel::ShowDetails(Details details)
{
    m_loadingDetails = false;
    m_report = std::move(details.report);
    m_disagreements = std::move(details.disagreements);
    FillReport();
    FillDisagreements();
    UpdateCommands();
}

void DoubleCodingPanel::FillReport()
{
    m_reportList->DeleteAllItems();
    const AgreementReport& r = m_report;
    for (const auto& row : r.commitments) {
        const AgreementCounts& c = row.agreement.counts;
        AppendRow(m_reportList,
                  {Utf8(row.ref), Utf8(row.title), FormatCount(c.Total()), FormatCount(c.both), FormatCount(c.onlyA),
                   FormatCount(c.onlyB), FormatCount(c.neither), PercentText(row.agreement.observed),
                   KappaText(row.agreement.kappa), MeaningText(row.agreement)});
    }
    const Agreement& pooled = r.overall.pooled;
    const AgreementCounts& total = pooled.counts;
    if (!r.commitments.empty()) {
        AppendRow(m_reportList, {_("Overall"),
                                 wxString::Format(wxPLURAL("pooled cells of %d commitment",
                                                           "pooled cells of %d commitments", r.overall.commitments),
                                                  r.overall.commitments),
                                 FormatCount(total.Total()), FormatCount(total.both), FormatCount(total.onlyA),
                                 FormatCount(total.onlyB), FormatCount(total.neither), PercentText(pooled.observed),
                                 KappaText(pooled.kappa), MeaningText(pooled)});
        const auto& mean = r.overall.meanKappa;
        AppendRow(m_reportList, {_("Mean"),
                                 wxString::Format(wxPLURAL("mean of %d defined kappa", "mean of %d defined kappas",
                                                           r.overall.kappasAveraged),
                                                  r.overall.kappasAveraged),
                                 wxString(), wxString(), wxString(), wxString(), wxString(), wxString(),
                                 KappaText(mean), mean ? StrengthLabel(StrengthOf(*mean)) : wxString()});
    }
    wxString summary;
    if (r.sample.id.empty()) {
        summary = wxString();
    } else if (r.compared == 0) {
        summary = wxString::Format(_("Nothing to compare yet: the agreement counts only the contributions both "
                                     "coders have marked done (0 of %s)."),
                                   FormatCount(r.items));
    } else {
        summary = wxString::Format(_("%s of %s contributions compared (those both coders marked done)."),
                                   FormatCount(r.compared), FormatCount(r.items));
        if (pooled.kappa)
            summary +=
                " " + wxString::Format(_("Overall kappa %s (%s), mean per commitment %s."), KappaText(pooled.kappa),
                                       StrengthLabel(StrengthOf(*pooled.kappa)), KappaText(r.overall.meanKappa));
        if (r.stanceDifferences > 0)
            summary += "\n" + wxString::Format(wxPLURAL("%s time the coders gave the same commitment with different "
                                                        "stances: listed among the disagreements, not in the kappa.",
                                                        "%s times the coders gave the same commitment with different "
                                                        "stances: listed among the disagreements, not in the kappa.",
                                                        r.stanceDifferences),
                                               FormatCount(r.stanceDifferences));
    }
    m_reportList->UnselectAll();
    m_summary->SetLabel(summary);
    m_summary->GetParent()->Layout();
}

void DoubleCodingPanel::FillDisagreements()
{
    const std::string shown = m_focusContribution.empty() ? m_adjudication->ContributionId() : m_focusContribution;
    m_focusContribution.clear();
    m_disagreementList->DeleteAllItems();
    int reselect = -1;
    for (std::size_t i = 0; i < m_disagreements.size(); ++i) {
        const auto& d = m_disagreements[i];
        if (d.contributionId == shown)
            reselect = static_cast<int>(i);
        AppendRow(m_disagreementList,
                  {wxString::Format("%lld", d.seq), Joined(d.onlyA), Joined(d.onlyB), Joined(d.stanceDiffers),
                   d.adjudicatedAt ? FormatDay(*d.adjudicatedAt) : wxString(), Excerpt(d)});
    }
    const long long left =
        static_cast<long long>(std::count_if(m_disagreements.begin(), m_disagreements.end(),
                                             [](const ContributionComparison& d) { return !d.adjudicatedAt; }));
    m_notebook->SetPageText(1, left > 0 ? wxString::Format(_("Disagreements (%s)"), FormatCount(left))
                                        : _("Disagreements"));
    if (m_disagreements.empty()) {
        m_noDisagreement->SetLabel(m_report.compared == 0
                                       ? _("No contribution has been finished by both coders yet.")
                                       : _("No disagreement: the coders agree on every contribution compared."));
        m_noDisagreement->GetParent()->Layout();
        m_disagreementPages->SetSelection(0);
        m_adjudication->Clear();
        return;
    }
    m_disagreementPages->SetSelection(1);
    if (reselect >= 0)
        SelectDisagreement(reselect);
    else
        m_adjudication->Clear();
}

bool DoubleCodingPanel::SelectDisagreement(int row)
{
    const CodingSample* sample = SelectedSample();
    if (row < 0 || row >= DisagreementCount() || !sample)
        return false;
    if (m_disagreementList->GetSelectedRow() != row)
        m_disagreementList->SelectRow(static_cast<unsigned>(row));
    m_adjudication->Show(m_disagreements[static_cast<std::size_t>(row)], sample->coderA, sample->coderB);
    return true;
}

int DoubleCodingPanel::ReportRowCount() const
{
    return m_reportList->GetItemCount();
}

wxString DoubleCodingPanel::ReportCell(int row, int column) const
{
    if (row < 0 || row >= ReportRowCount() || column < 0 || column >= ReportColumnCount)
        return wxString();
    return m_reportList->GetTextValue(static_cast<unsigned>(row), static_cast<unsigned>(column));
}

wxString DoubleCodingPanel::ReportSummary() const
{
    return m_summary->GetLabel();
}

bool DoubleCodingPanel::CanCodeBlind() const
{
    const CodingSample* sample = SelectedSample();
    const std::string& user = m_context.Db().UserName();
    return sample && (sample->coderA == user || sample->coderB == user);
}

void DoubleCodingPanel::UpdateCommands()
{
    const bool hasConsultation = !m_context.ConsultationId().empty();
    m_newSample->Enable(hasConsultation);
    const CodingSample* sample = SelectedSample();
    const std::string& user = m_context.Db().UserName();
    m_codeBlind->Enable(CanCodeBlind() && m_onCodeBlind);
    m_codeBlind->SetToolTip(
        sample ? wxString::Format(_("Codes this sample's contributions without seeing the other coder's tags. Only "
                                    "its coders (%s and %s) can; you are connected as %s."),
                                  Utf8(sample->coderA), Utf8(sample->coderB), Utf8(user))
               : _("Select a sample first."));
    long long toAdjudicate = 0;
    for (const auto& progress : m_samples)
        if (progress.sample.id == m_selectedId)
            toAdjudicate = progress.doneByBoth - progress.adjudicated;
    m_accept->Enable(sample && toAdjudicate > 0);

    wxString status;
    if (!hasConsultation) {
        status = _("Open or create a consultation first.");
    } else if (sample && CanCodeBlind()) {
        const bool isA = sample->coderA == user;
        for (const auto& progress : m_samples)
            if (progress.sample.id == m_selectedId)
                status = wxString::Format(_("You are coder %s of this sample: %s of %s contributions left to code."),
                                          isA ? "A" : "B",
                                          FormatCount(progress.items - (isA ? progress.doneByA : progress.doneByB)),
                                          FormatCount(progress.items));
    } else if (sample) {
        status = wxString::Format(_("Connected as %s: you can read the report and adjudicate, not code this sample."),
                                  Utf8(user));
    }
    ShowStatus(m_notice.empty() ? status : m_notice);
}

void DoubleCodingPanel::ShowNotice(const wxString& text)
{
    m_notice = text;
    ShowStatus(text);
}

void DoubleCodingPanel::ShowStatus(const wxString& text, bool isError)
{
    m_status->SetForegroundColour(isError ? wxColour(0xA4, 0x00, 0x00)
                                          : wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_status->SetLabel(text);
    m_status->SetToolTip(text);
    m_status->GetParent()->Layout();
}

SampleDialogChoices DoubleCodingPanel::DialogChoices() const
{
    SampleDialogChoices choices;
    choices.coders = m_coders;
    const std::string& user = m_context.Db().UserName();
    if (std::find(choices.coders.begin(), choices.coders.end(), user) == choices.coders.end())
        choices.coders.insert(choices.coders.begin(), user);
    choices.population = m_population;
    choices.formatCount = [](long long count) { return FormatCount(count); };
    return choices;
}

SampleRequest DoubleCodingPanel::NewRequest() const
{
    SampleRequest request;
    request.consultationId = m_context.ConsultationId();
    const wxString base = wxString::Format(_("Double coding %s"), wxDateTime::Now().Format("%d/%m/%Y"));
    wxString name = base;
    for (int n = 2;; ++n) {
        const bool used = std::any_of(m_samples.begin(), m_samples.end(),
                                      [&](const SampleProgress& p) { return Utf8(p.sample.name) == name; });
        if (!used)
            break;
        name = wxString::Format("%s (%d)", base, n);
    }
    request.name = name.utf8_string();
    request.coderA = m_context.Db().UserName();
    request.size = {true, 10};
    std::random_device entropy;
    request.seed = static_cast<long long>(entropy() % 1000000);
    return request;
}

SampleDialog::Saver DoubleCodingPanel::SampleCreator()
{
    return [this](SampleDialog& dialog, const SampleRequest& request) {
        try {
            wxBusyCursor busy;
            const CodingSample sample = CreateSample(m_context.Db(), request);
            m_selectedId = sample.id;
            m_context.NotifyChanged("coding_sample");
            return true;
        } catch (const SampleValidationError& e) {
            dialog.ShowProblem(e.Field(), Utf8(e.what()));
        } catch (const Error& e) {
            dialog.ShowProblem(SampleField::Name, Utf8(e.what()) + "\n" + _("No sample was created."));
        }
        return false;
    };
}

void DoubleCodingPanel::NewSample()
{
    if (m_context.ConsultationId().empty())
        return;
    SampleDialog dialog(this, DialogChoices(), NewRequest(), SampleCreator());
    dialog.ShowModal();
}

void DoubleCodingPanel::CodeBlind()
{
    if (const CodingSample* sample = SelectedSample(); sample && CanCodeBlind() && m_onCodeBlind)
        m_onCodeBlind(*sample);
}

AcceptedAgreements DoubleCodingPanel::AcceptAgreementsNow()
{
    AcceptedAgreements accepted;
    if (m_selectedId.empty())
        return accepted;
    try {
        wxBusyCursor busy;
        accepted = AcceptAgreements(m_context.Db(), m_selectedId, m_context.Db().UserName());
    } catch (const Error& e) {
        ShowStatus(Utf8(e.what()), true);
        return accepted;
    }
    m_context.NotifyChanged("tag");
    m_context.NotifyChanged("coding_sample_item");
    ShowNotice(wxString::Format(_("Agreements accepted. Final tags added: %s; contributions settled: %s."),
                                FormatCount(accepted.tagsAdded), FormatCount(accepted.itemsSettled)));
    return accepted;
}

void DoubleCodingPanel::OnAcceptAgreements()
{
    const wxString question =
        _("Write the tags both coders gave as final tags, for every contribution compared and not adjudicated "
          "yet? Contributions where the coders agree entirely are then marked adjudicated; the others stay in "
          "the disagreements. No final tag is removed.");
    wxMessageDialog ask(this, question, _("Accept agreements"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    ask.SetYesNoLabels(_("Accept agreements"), _("Cancel"));
    if (ask.ShowModal() == wxID_YES)
        AcceptAgreementsNow();
}

wxString DoubleCodingPanel::Adjudicate(const ContributionComparison& comparison, const std::vector<TagChoice>& chosen)
{
    int added = 0;
    try {
        wxBusyCursor busy;
        added = concerto::Adjudicate(m_context.Db(), m_selectedId, comparison.contributionId, chosen,
                                     m_context.Db().UserName());
    } catch (const Error& e) {
        return Utf8(e.what());
    }
    // The next disagreement still to adjudicate comes up once the report is read again.
    auto current = std::find_if(m_disagreements.begin(), m_disagreements.end(), [&](const ContributionComparison& d) {
        return d.contributionId == comparison.contributionId;
    });
    auto next = current == m_disagreements.end()
                    ? current
                    : std::find_if(current + 1, m_disagreements.end(),
                                   [](const ContributionComparison& d) { return !d.adjudicatedAt; });
    m_focusContribution = next == m_disagreements.end() ? comparison.contributionId : next->contributionId;
    m_context.NotifyChanged("tag");
    m_context.NotifyChanged("coding_sample_item");
    ShowNotice(wxString::Format(wxPLURAL("Contribution no. %lld adjudicated: %d final tag added.",
                                         "Contribution no. %lld adjudicated: %d final tags added.", added),
                                comparison.seq, added));
    return wxString();
}

} // namespace concerto
