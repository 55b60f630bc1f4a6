#include "app/coding_progress_panel.h"

#include "app/app_context.h"
#include "app/contribution_text.h"
#include "app/localization.h"
#include "app/placeholder_panel.h"

#include <cstdint>
#include <iterator>
#include <wx/bookctrl.h>
#include <wx/datetime.h>
#include <wx/gauge.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace concerto {

namespace {

// Coding sends a change per keystroke-driven action: the counts follow at most this often.
constexpr int kThrottleMs = 700;

enum CoderColumn { CoderName, CoderTags, CoderContributions, CoderLastActivity };

// Rounded down, so that a channel shows 100 % only once every contribution is coded.
int Percent(double share) { return static_cast<int>(share * 100.0); }

wxString CodedOfTotal(const ChannelProgress& progress)
{
    return wxString::Format("%s / %s", FormatCount(progress.tagged + progress.excluded), FormatCount(progress.total));
}

wxStaticText* Heading(wxWindow* parent, const wxString& text)
{
    auto* heading = new wxStaticText(parent, wxID_ANY, text);
    heading->SetFont(heading->GetFont().Bold().Scaled(1.1f));
    return heading;
}

} // namespace

CodingProgressPanel::CodingProgressPanel(wxWindow* parent, AppContext& context)
    : wxPanel(parent), m_context(context), m_refresh(this)
{
    SetName("coding-progress");
    m_pages = new wxSimplebook(this);
    m_pages->AddPage(BuildContent(m_pages), wxString());
    m_pages->AddPage(new PlaceholderPanel(m_pages, _("No consultation open"),
                                          _("Open or create a consultation: the progress of its coding will show "
                                            "here, per channel and per coder."),
                                          wxString(), wxString(), {}),
                     wxString());
    m_pages->AddPage(new PlaceholderPanel(m_pages, _("Nothing to code yet"),
                                          _("This consultation holds no contribution yet. Enter or import its "
                                            "contributions: as they are coded, the progress per channel and per "
                                            "coder will show here."),
                                          wxString(), wxString(), {}),
                     wxString());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_pages, wxSizerFlags(1).Expand());
    SetSizer(sizer);

    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { Reload(); }, m_refresh.GetId());
    Bind(wxEVT_IDLE, &CodingProgressPanel::OnIdle, this);
    std::weak_ptr<int> alive = m_lifetime;
    m_subscription = m_context.Subscribe([this, alive](const std::string& table) {
        if (alive.lock())
            OnTableChanged(table);
    });
    Reload();
}

CodingProgressPanel::~CodingProgressPanel()
{
    m_refresh.Stop();
    m_context.Unsubscribe(m_subscription);
}

wxWindow* CodingProgressPanel::BuildContent(wxWindow* parent)
{
    m_content = new wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    m_content->SetScrollRate(0, FromDIP(12));
    m_content->SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW));

    auto* title = new wxStaticText(m_content, wxID_ANY, _("Coding progress"));
    title->SetFont(title->GetFont().Bold().Scaled(1.4f));
    m_summary = new wxStaticText(m_content, wxID_ANY, wxString());
    m_summary->SetFont(m_summary->GetFont().Scaled(1.1f));
    m_status = new wxStaticText(m_content, wxID_ANY, _("Counting…"));
    m_status->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_channels = new wxPanel(m_content);

    m_coders = new wxListCtrl(m_content, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(720, 190)),
                              wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    m_coders->SetName("coding-progress-coders");
    m_coders->InsertColumn(CoderName, _("Coder"), wxLIST_FORMAT_LEFT, FromDIP(240));
    m_coders->InsertColumn(CoderTags, _("Tags"), wxLIST_FORMAT_RIGHT, FromDIP(110));
    m_coders->InsertColumn(CoderContributions, _("Contributions tagged"), wxLIST_FORMAT_RIGHT, FromDIP(180));
    m_coders->InsertColumn(CoderLastActivity, _("Last activity"), wxLIST_FORMAT_LEFT, FromDIP(170));
    m_noCoder = new wxStaticText(m_content, wxID_ANY,
                                 _("No tag yet: each coder's work will show here as soon as they tag contributions."));
    m_noCoder->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

    const int gap = FromDIP(6);
    auto* page = new wxBoxSizer(wxVERTICAL);
    page->Add(title, wxSizerFlags().Border(wxBOTTOM, gap));
    page->Add(m_summary, wxSizerFlags().Border(wxBOTTOM, FromDIP(3)));
    page->Add(m_status, wxSizerFlags().Border(wxBOTTOM, FromDIP(22)));
    page->Add(Heading(m_content, _("By channel")), wxSizerFlags().Border(wxBOTTOM, FromDIP(10)));
    page->Add(m_channels, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(26)));
    page->Add(Heading(m_content, _("By coder")), wxSizerFlags().Border(wxBOTTOM, FromDIP(10)));
    page->Add(m_noCoder, wxSizerFlags().Border(wxBOTTOM, gap));
    page->Add(m_coders, wxSizerFlags().Border(wxBOTTOM, gap));

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(page, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(24)));
    m_content->SetSizer(outer);
    return m_content;
}

void CodingProgressPanel::Reload()
{
    m_refresh.Stop();
    m_stale = false;
    const std::string consultationId = m_context.ConsultationId();
    if (consultationId.empty()) {
        m_loading = false;
        m_shown = CodingProgress();
        m_pages->ChangeSelection(NoConsultationPage);
        return;
    }
    m_loading = true;
    // Keyed by panel: a newer request replaces a queued one, never another panel's.
    const std::string key = "coding-progress-" + std::to_string(reinterpret_cast<std::uintptr_t>(this));
    m_context.Worker().Run<CodingProgress>(
        m_lifetime, [consultationId](Database& db) { return LoadCodingProgress(db, consultationId); },
        [this](CodingProgress progress) {
            m_loading = false;
            ++m_loads;
            Display(progress);
        },
        [this](const Error& error) {
            m_loading = false;
            m_status->SetLabel(wxString::FromUTF8(error.what()));
            m_content->Layout();
        },
        key);
}

void CodingProgressPanel::OnTableChanged(const std::string& table)
{
    if (table != "tag" && table != "contribution" && table != "channel")
        return;
    if (!IsVisibleToUser()) {
        m_stale = true; // counted when the page is shown: nobody waits for a hidden panel
        return;
    }
    if (!m_refresh.IsRunning())
        m_refresh.StartOnce(kThrottleMs);
}

void CodingProgressPanel::OnIdle(wxIdleEvent& event)
{
    event.Skip();
    if (m_stale && !m_loading && IsVisibleToUser())
        Reload();
}

bool CodingProgressPanel::IsVisibleToUser() const
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

void CodingProgressPanel::Display(const CodingProgress& progress)
{
    m_shown = progress;
    if (progress.totals.total == 0) {
        m_pages->ChangeSelection(NoContributionPage);
        return;
    }
    const ChannelProgress& totals = progress.totals;
    wxString summary = wxString::Format(_("%s of %s contributions coded (%d %%)"),
                                        FormatCount(totals.tagged + totals.excluded), FormatCount(totals.total),
                                        Percent(totals.CodedShare()));
    if (totals.toReview > 0)
        summary += wxString::FromUTF8(" · ") + wxString::Format(_("%s to review"), FormatCount(totals.toReview));
    m_summary->SetLabel(summary);
    wxString status = wxString::Format(_("Counted at %s."), wxDateTime::Now().Format("%H:%M:%S"));
    if (m_context.IsListeningForChanges())
        status += " " + _("Updates by itself when other coders save their work.");
    m_status->SetLabel(status);
    m_content->Freeze();
    ShowChannels(progress);
    ShowCoders(progress);
    m_pages->ChangeSelection(ContentPage);
    m_content->Layout();
    m_content->FitInside();
    m_content->Thaw();
}

void CodingProgressPanel::ShowChannels(const CodingProgress& progress)
{
    m_channels->DestroyChildren();
    m_channelRows.clear();
    // Fixed widths keep each channel's figures close to its name, whatever the window's width.
    auto* grid = new wxFlexGridSizer(6, wxSize(FromDIP(18), FromDIP(8)));
    const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    const auto right = wxSizerFlags().Align(wxALIGN_RIGHT | wxALIGN_CENTRE_VERTICAL);
    const auto left = wxSizerFlags().Align(wxALIGN_LEFT | wxALIGN_CENTRE_VERTICAL);
    const wxString headers[] = {_("Channel"), _("Coded"), wxString(), _("Coded / total"), _("To review"),
                                _("Not coded yet")};
    for (std::size_t i = 0; i < std::size(headers); ++i) {
        auto* label = new wxStaticText(m_channels, wxID_ANY, headers[i]);
        label->SetForegroundColour(grey);
        grid->Add(label, i == 0 || i == 1 ? left : right);
    }
    auto addRow = [&](const wxString& name, const ChannelProgress& row, bool bold) {
        const wxString cells[] = {name,
                                  wxString::Format(_("%d %%"), Percent(row.CodedShare())),
                                  CodedOfTotal(row),
                                  FormatCount(row.toReview),
                                  FormatCount(row.fresh)};
        auto* gauge = new wxGauge(m_channels, wxID_ANY, 1000, wxDefaultPosition, FromDIP(wxSize(320, 14)));
        gauge->SetValue(static_cast<int>(row.CodedShare() * 1000.0));
        wxString text;
        for (std::size_t i = 0; i < std::size(cells); ++i) {
            // A channel may be named "Ivry & Moi": no mnemonic in a label.
            auto* label = new wxStaticText(m_channels, wxID_ANY, wxControl::EscapeMnemonics(cells[i]));
            if (bold) {
                label->SetFont(label->GetFont().Bold());
                // The minimum size was taken with the regular font, and GTK measures the new
                // font only once the label is styled again: bold figures, wider, would be cut
                // ("Tota", "1 13"). Measured here with the bold font itself.
                label->SetMinSize(label->GetTextExtent(cells[i]) + wxSize(label->FromDIP(2), 0));
            }
            grid->Add(label, i == 0 ? left : right);
            if (i == 0)
                grid->Add(gauge, wxSizerFlags().CentreVertical());
            text += (i ? " | " : "") + cells[i];
        }
        m_channelRows.push_back(text);
    };
    for (const auto& channel : progress.channels)
        addRow(wxString::FromUTF8(channel.channel), channel, false);
    addRow(_("Total"), progress.totals, true);
    m_channels->SetSizer(grid, true);
}

void CodingProgressPanel::ShowCoders(const CodingProgress& progress)
{
    m_coders->DeleteAllItems();
    long index = 0;
    for (const auto& coder : progress.coders) {
        const wxString name = coder.coder.empty() ? _("(no coder recorded)") : wxString::FromUTF8(coder.coder);
        const long item = m_coders->InsertItem(index++, name);
        m_coders->SetItem(item, CoderTags, FormatCount(coder.tags));
        m_coders->SetItem(item, CoderContributions, FormatCount(coder.contributions));
        m_coders->SetItem(item, CoderLastActivity, FormatReceivedAt(coder.lastTaggedAt));
    }
    const bool any = !progress.coders.empty();
    m_coders->Show(any);
    m_noCoder->Show(!any);
}

std::vector<wxString> CodingProgressPanel::ChannelRowTexts() const { return m_channelRows; }

std::vector<wxString> CodingProgressPanel::CoderRowTexts() const
{
    std::vector<wxString> rows;
    for (long item = 0; item < m_coders->GetItemCount(); ++item) {
        wxString text;
        for (int column = CoderName; column <= CoderLastActivity; ++column)
            text += (column ? " | " : "") + m_coders->GetItemText(item, column);
        rows.push_back(text);
    }
    return rows;
}

} // namespace concerto
