// The coding page's layout, its keys and what it says about itself (position, filters,
// status). Loading is in coding_queue_loading.cpp, the coding actions in coding_queue_actions.cpp.

#include "app/coding_queue_page.h"

#include "app/coding_commitment_tree.h"
#include "app/coding_item_pane.h"
#include "app/coding_stance_bar.h"
#include "app/localization.h"
#include "app/main_frame.h"
#include "app/placeholder_panel.h"
#include "dialogs/domain_labels.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/dataview.h>
#include <wx/gauge.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/srchctrl.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {

enum Page { WorkPage, EmptyQueuePage, EmptySamplePage, NoConsultationPage };

const char* const kShowFiltersKey = "/Coding/ShowFilters";
const char* const kSashKey = "/Coding/RightWidth";
const char* const kRightSashKey = "/Coding/SuggestionsHeight";
const wxColour kBannerColour(0x5C, 0x35, 0x66); // Tango plum, dark: unmistakably another mode
const wxColour kProblemColour(0xA4, 0x00, 0x00);
const wxString kDot = wxString::FromUTF8(" · ");

wxStaticText* Heading(wxWindow* parent, const wxString& text)
{
    auto* heading = new wxStaticText(parent, wxID_ANY, text);
    heading->SetFont(heading->GetFont().Bold());
    return heading;
}

/// The label of the choice `id` in `choices`, or empty.
wxString LabelOf(const std::vector<ContributionChoice>& choices, const std::string& id)
{
    for (const auto& choice : choices)
        if (choice.id == id)
            return wxString::FromUTF8(choice.label);
    return wxString();
}

} // namespace

CodingQueuePage::CodingQueuePage(wxWindow* parent, AppContext& context)
    : wxPanel(parent), m_context(context), m_refreshTimer(this)
{
    SetName("coding-queue");
    BuildLayout();
    BindKeys();
    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { RefreshFromElsewhere(); }, m_refreshTimer.GetId());
    std::weak_ptr<int> alive = m_lifetime;
    m_subscription = m_context.Subscribe([this, alive](const std::string& table) {
        if (alive.lock())
            OnTableChanged(table);
    });
}

CodingQueuePage::~CodingQueuePage()
{
    // The context is destroyed after the pages, but this page goes first: unsubscribe.
    m_context.Unsubscribe(m_subscription);
    auto* config = wxConfigBase::Get();
    if (m_split->IsSplit())
        config->Write(kSashKey, ToDIP(m_split->GetSize().GetWidth() - m_split->GetSashPosition()));
    if (m_rightSplit->IsSplit())
        config->Write(kRightSashKey, ToDIP(m_rightSplit->GetSashPosition()));
}

void CodingQueuePage::BuildLayout()
{
    const int margin = FromDIP(10);
    wxWindow* banner = BuildBanner(this);
    wxWindow* header = BuildHeader(this);
    m_filters = new ContributionFilterBar(this, m_search, [this] { OnFilterChanged(); });
    // Here Ctrl+F finds a commitment, not a text: the box says only what it searches.
    // (GTK logs a harmless pixman complaint when an entry's placeholder changes: accepted, the
    // bar's hint would promise Ctrl+F, which here finds a commitment.)
    m_search->SetDescriptiveText(_("Search the texts"));
    m_filters->Show(wxConfigBase::Get()->ReadBool(kShowFiltersKey, false));

    m_pages = new wxSimplebook(this);
    m_pages->AddPage(BuildWorkArea(m_pages), wxString());
    m_pages->AddPage(new PlaceholderPanel(m_pages, _("No contribution to code with these filters"),
                                          _("Every contribution these filters and this search select has been "
                                            "coded, or none matches."),
                                          _("Clear the filters, or choose another state."), _("Clear filters"),
                                          [this] { m_filters->Clear(); }),
                     wxString());
    m_pages->AddPage(new PlaceholderPanel(m_pages, _("Your share of the sample is coded"),
                                          _("Every contribution of this double-coding sample is marked done for you. "
                                            "The agreement report compares your tags with the other coder's once "
                                            "both have finished."),
                                          wxString(), _("Leave double coding"), [this] { StopBlind(); }),
                     wxString());
    m_pages->AddPage(NewNoConsultationPanel(m_pages, m_context,
                                            _("Coding tags the contributions of a consultation. Load the demo "
                                              "consultation or create one from the dashboard first.")),
                     wxString());

    // The last line: what was just done, and the main keys.
    auto* footer = new wxBoxSizer(wxHORIZONTAL);
    // No auto-resize: a long message is cut with "…" in its place, never drawn over the legend.
    m_status = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                wxST_ELLIPSIZE_END | wxST_NO_AUTORESIZE);
    m_status->SetName("coding-status");
    footer->Add(m_status, wxSizerFlags(3).CenterVertical());
    auto* legend = new wxStaticText(this, wxID_ANY, KeysLegend(), wxDefaultPosition, wxDefaultSize,
                                    wxST_ELLIPSIZE_END | wxALIGN_RIGHT);
    // Both may shrink: the status and the legend share the line without overlapping.
    legend->SetMinSize(wxSize(FromDIP(160), -1));
    m_status->SetMinSize(wxSize(FromDIP(160), -1));
    legend->SetFont(legend->GetFont().Smaller());
    legend->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    legend->SetToolTip(KeysHelp());
    footer->Add(legend, wxSizerFlags(2).CenterVertical().Border(wxLEFT, FromDIP(16)));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(banner, wxSizerFlags().Expand());
    sizer->Add(header, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));
    sizer->Add(m_filters, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));
    sizer->AddSpacer(FromDIP(8));
    sizer->Add(new wxStaticLine(this), wxSizerFlags().Expand());
    sizer->Add(m_pages, wxSizerFlags(1).Expand());
    sizer->Add(new wxStaticLine(this), wxSizerFlags().Expand());
    sizer->AddSpacer(FromDIP(5));
    sizer->Add(footer, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, margin));
    sizer->AddSpacer(FromDIP(5));
    SetSizer(sizer);
    UpdatePage();
}

wxWindow* CodingQueuePage::BuildBanner(wxWindow* parent)
{
    m_banner = new wxPanel(parent);
    m_banner->SetName("blind-banner");
    m_banner->SetBackgroundColour(kBannerColour);
    m_bannerText = new wxStaticText(m_banner, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                    wxST_ELLIPSIZE_END | wxST_NO_AUTORESIZE);
    m_bannerText->SetForegroundColour(*wxWHITE);
    m_bannerText->SetFont(m_bannerText->GetFont().Bold());
    auto* bannerNote = new wxStaticText(m_banner, wxID_ANY,
                                        _("Your tags are not shown to the other coder, nor theirs to you. Suggestions "
                                          "are withheld; Enter marks each contribution done for you."),
                                        wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END | wxST_NO_AUTORESIZE);
    bannerNote->SetForegroundColour(*wxWHITE);
    bannerNote->SetMinSize(wxSize(FromDIP(200), -1));
    m_bannerText->SetMinSize(wxSize(FromDIP(200), -1));
    auto* leave = new wxButton(m_banner, wxID_ANY, _("Leave"));
    leave->SetToolTip(_("Back to the queue of final tags; what you coded in the sample stays"));
    leave->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { StopBlind(); });
    auto* lines = new wxBoxSizer(wxVERTICAL);
    lines->Add(m_bannerText, wxSizerFlags().Expand());
    lines->Add(bannerNote, wxSizerFlags().Expand().Border(wxTOP, FromDIP(2)));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(lines, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(12)));
    row->Add(leave, wxSizerFlags().CenterVertical().Border(wxALL, FromDIP(6)));
    m_banner->SetSizer(row);
    m_banner->Hide();
    return m_banner;
}

wxWindow* CodingQueuePage::BuildHeader(wxWindow* parent)
{
    auto* bar = new wxPanel(parent);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_search = new wxSearchCtrl(bar, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    m_search->SetMinSize(wxSize(FromDIP(240), -1));
    row->Add(m_search, wxSizerFlags().CenterVertical());
    m_filtersButton = new wxButton(bar, wxID_ANY, wxString());
    m_filtersButton->SetToolTip(_("Show or hide the queue's filters: channel, meeting, neighbourhood, theme, state…"));
    m_filtersButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ToggleFilters(); });
    row->Add(m_filtersButton, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(6)));
    m_filterSummary = new wxStaticText(bar, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                       wxST_ELLIPSIZE_END | wxST_NO_AUTORESIZE);
    m_filterSummary->SetMinSize(wxSize(FromDIP(120), -1));
    m_filterSummary->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_filterSummary->SetName("queue-filters");
    row->Add(m_filterSummary, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(10)));

    m_gauge = new wxGauge(bar, wxID_ANY, 1, wxDefaultPosition, wxSize(FromDIP(110), FromDIP(10)),
                          wxGA_HORIZONTAL | wxGA_SMOOTH);
    row->Add(m_gauge, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(12)));
    m_position = new wxStaticText(bar, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxALIGN_RIGHT);
    m_position->SetFont(m_position->GetFont().Bold());
    m_position->SetName("queue-position");
    m_position->SetMinSize(wxSize(FromDIP(96), -1));
    row->Add(m_position, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(8)));
    m_previous = new wxButton(bar, wxID_ANY, wxString::FromUTF8("◀"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    m_previous->SetToolTip(_("Previous contribution (K, Up)"));
    m_previous->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Run(CodingCommand::Previous); });
    row->Add(m_previous, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(8)));
    m_next = new wxButton(bar, wxID_ANY, wxString::FromUTF8("▶"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    m_next->SetToolTip(_("Next contribution (J, Down); Enter marks it done first"));
    m_next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Run(CodingCommand::Next); });
    row->Add(m_next, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(2)));
    m_bulk = new wxButton(bar, wxID_ANY, _("Code the whole selection…"));
    m_bulk->SetToolTip(_("Apply a commitment or a label to every contribution the filters and search select "
                         "(Ctrl+B)"));
    m_bulk->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Run(CodingCommand::BulkTag); });
    row->Add(m_bulk, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(12)));
    auto* help = new wxButton(bar, wxID_ANY, "?", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    help->SetToolTip(KeysHelp());
    help->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Run(CodingCommand::ShowKeys); });
    row->Add(help, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(6)));
    bar->SetSizer(row);
    UpdateFilterSummary();
    return bar;
}

wxWindow* CodingQueuePage::BuildWorkArea(wxWindow* parent)
{
    m_split = new wxSplitterWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                   wxSP_LIVE_UPDATE | wxSP_3DSASH | wxSP_NO_XP_THEME);
    m_split->SetMinimumPaneSize(FromDIP(300));
    // Never squeezed below its panes' minimum, even while the page is not laid out yet: GTK
    // complains about text and tree controls allocated less than their scrollbars.
    m_split->SetMinSize(FromDIP(wxSize(620, 300)));
    m_split->SetSashGravity(1.0); // a wider window gives its width to the text
    CodingItemCallbacks callbacks;
    callbacks.removeTag = [this](const std::string& id) { RemoveTag(id); };
    callbacks.removeLabel = [this](const std::string& id) { RemoveLabel(id); };
    callbacks.addLabel = [this] { Run(CodingCommand::AddLabel); };
    callbacks.toggleQuote = [this] { Run(CodingCommand::ToggleQuote); };
    callbacks.toggleReview = [this] { Run(CodingCommand::ToggleReview); };
    callbacks.exclude = [this] { Run(CodingCommand::Exclude); };
    callbacks.saveNote = [this](const std::string& id, const wxString& text, const wxString& seen) {
        SaveNote(id, text, seen);
    };
    m_item = new CodingItemPane(m_split, std::move(callbacks));
    wxWindow* right = BuildRightColumn(m_split);
    const int rightWidth = FromDIP(static_cast<int>(wxConfigBase::Get()->ReadLong(kSashKey, 470)));
    m_split->SplitVertically(m_item, right, -std::max(rightWidth, FromDIP(300)));
    return m_split;
}

wxWindow* CodingQueuePage::BuildRightColumn(wxWindow* parent)
{
    const int margin = FromDIP(10);
    auto* column = new wxPanel(parent);
    m_stanceBar = new CodingStanceBar(column, [this](Stance stance) { ChooseStance(stance, false); });
    m_stanceBar->SetStance(m_stance);

    m_rightSplit = new wxSplitterWindow(column, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                        wxSP_LIVE_UPDATE | wxSP_3DSASH | wxSP_NO_XP_THEME);
    m_rightSplit->SetMinimumPaneSize(FromDIP(90));
    m_rightSplit->SetMinSize(FromDIP(wxSize(300, 200)));
    auto* top = new wxPanel(m_rightSplit);
    m_suggestions = new CodingSuggestionsPane(
        top, [this](int index) { ApplySuggestion(index); }, [this](int index) { HighlightSuggestion(index); });
    m_modelInfo = new wxStaticText(top, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxALIGN_RIGHT);
    m_modelInfo->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_modelInfo->SetFont(m_modelInfo->GetFont().Smaller());
    auto* titleRow = new wxBoxSizer(wxHORIZONTAL);
    titleRow->Add(Heading(top, _("Suggestions")), wxSizerFlags().CenterVertical());
    titleRow->Add(m_modelInfo, wxSizerFlags(1).CenterVertical().Border(wxLEFT, margin));
    auto* topSizer = new wxBoxSizer(wxVERTICAL);
    topSizer->Add(titleRow, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));
    topSizer->AddSpacer(FromDIP(4));
    topSizer->Add(m_suggestions, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(2)));
    top->SetSizer(topSizer);
    top->SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW));

    auto* bottom = new wxPanel(m_rightSplit);
    m_tree = new CodingCommitmentTree(bottom, [this] { Run(CodingCommand::ApplySelected); });
    auto* bottomSizer = new wxBoxSizer(wxVERTICAL);
    auto* treeTitle = new wxBoxSizer(wxHORIZONTAL);
    treeTitle->Add(Heading(bottom, _("Programme")), wxSizerFlags().CenterVertical());
    auto* hint = new wxStaticText(bottom, wxID_ANY, _("Enter or a double-click applies"));
    hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    hint->SetFont(hint->GetFont().Smaller());
    treeTitle->Add(hint, wxSizerFlags(1).CenterVertical().Border(wxLEFT, margin));
    bottomSizer->Add(treeTitle, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));
    bottomSizer->Add(m_tree, wxSizerFlags(1).Expand().Border(wxALL, margin));
    bottom->SetSizer(bottomSizer);
    const int suggestionsHeight = FromDIP(static_cast<int>(wxConfigBase::Get()->ReadLong(kRightSashKey, 0)));
    m_suggestionsArea = top;
    m_treeArea = bottom;
    m_rightSplit->SplitHorizontally(top, bottom,
                                    suggestionsHeight > 0 ? suggestionsHeight
                                                          : m_suggestions->GetBestSize().GetHeight() + FromDIP(40));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    // The stance bar needs no heading: it shows the five stances, the current one filled.
    sizer->AddSpacer(margin);
    sizer->Add(m_stanceBar, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, margin));
    sizer->AddSpacer(margin);
    sizer->Add(new wxStaticLine(column), wxSizerFlags().Expand());
    sizer->Add(m_rightSplit, wxSizerFlags(1).Expand());
    column->SetSizer(sizer);
    return column;
}

void CodingQueuePage::BindKeys()
{
    // A char hook sees each key before the focused control: keys are commands wherever the
    // keyboard is in the page, except while typing in a text field.
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& event) {
        const KeyFocus focus = FocusKind(FindFocus());
        const int key = event.GetKeyCode();
        // A key delivered twice (composite native controls) must not code twice.
        if (event.GetTimestamp() != 0 && event.GetTimestamp() == m_lastKeyStamp && key == m_lastKeyCode)
            return;
        m_lastKeyStamp = event.GetTimestamp();
        m_lastKeyCode = key;
        if (focus == KeyFocus::TreeFilter && event.GetModifiers() == wxMOD_NONE) {
            const int step = key == WXK_DOWN       ? 1
                             : key == WXK_UP       ? -1
                             : key == WXK_PAGEDOWN ? 8
                             : key == WXK_PAGEUP   ? -8
                                                   : 0;
            if (step != 0) {
                m_tree->MoveHighlight(step);
                return;
            }
            if (key == WXK_ESCAPE) {
                if (!m_tree->ClearFilter())
                    m_item->FocusText();
                return;
            }
        }
        const auto command = CommandForKey(event, focus);
        if (!command) {
            event.Skip();
            return;
        }
        if (*command == CodingCommand::ApplySelected) {
            ApplyTreeChoice(focus == KeyFocus::TreeFilter);
            return;
        }
        Run(*command);
    });
}

KeyFocus CodingQueuePage::FocusKind(wxWindow* focus) const
{
    for (wxWindow* window = focus; window && window != this; window = window->GetParent()) {
        if (window == static_cast<wxWindow*>(m_tree->FilterBox()))
            return KeyFocus::TreeFilter;
        if (window == static_cast<wxWindow*>(m_tree->Tree()))
            return KeyFocus::Tree;
    }
    if (auto* entry = dynamic_cast<wxTextEntry*>(focus))
        return entry->IsEditable() ? KeyFocus::Typing : KeyFocus::Reading;
    if (focus && focus->GetParent() && dynamic_cast<wxTextEntry*>(focus->GetParent()))
        return KeyFocus::Typing;
    if (auto* text = dynamic_cast<wxTextCtrl*>(focus))
        return text->IsEditable() ? KeyFocus::Typing : KeyFocus::Reading;
    return KeyFocus::Reading;
}

void CodingQueuePage::ToggleFilters()
{
    const bool show = !m_filters->IsShown();
    m_filters->Show(show);
    wxConfigBase::Get()->Write(kShowFiltersKey, show);
    UpdateFilterSummary();
    Layout();
}

void CodingQueuePage::UpdateFilterSummary()
{
    const bool shown = m_filters && m_filters->IsShown();
    m_filtersButton->SetLabel(shown ? _("Filters") + wxString::FromUTF8(" ▴")
                                    : _("Filters") + wxString::FromUTF8(" ▾"));
    if (IsBlind()) {
        m_filterSummary->SetLabel(_("Sample contributions left to code"));
        return;
    }
    const ContributionFilter& f = m_filter;
    const auto& choices = m_reference.filters;
    std::vector<wxString> parts;
    parts.push_back(f.state ? wxString::Format(_("State: %s"), StateName(*f.state)) : _("Every state"));
    if (f.tagged)
        parts.push_back(*f.tagged ? _("Coded") : _("Not coded yet"));
    const std::pair<const std::vector<ContributionChoice>*, const std::string*> named[] = {
        {&choices.choices.channels, &f.channelId},
        {&choices.choices.meetings, &f.meetingId},
        {&choices.choices.neighbourhoods, &f.neighbourhoodId},
        {&choices.themes, &f.themeId},
        {&choices.commitments, &f.commitmentId}};
    for (const auto& [list, id] : named)
        if (!id->empty())
            parts.push_back(LabelOf(*list, *id));
    if (f.isQuote)
        parts.push_back(_("Quotes only"));
    if (f.mentionsContact)
        parts.push_back(_("With contact details"));
    if (f.from || f.to)
        parts.push_back(_("Dates chosen"));
    if (!f.search.empty())
        parts.push_back(wxString::Format(_("Search: “%s”"), wxString::FromUTF8(f.search)));
    wxString text;
    for (const auto& part : parts)
        text += (text.empty() ? wxString() : kDot) + part;
    m_filterSummary->SetLabel(text);
    m_filterSummary->SetToolTip(m_filterSummary->GetLabel());
}

void CodingQueuePage::UpdatePosition()
{
    const long total = static_cast<long>(m_keys.size());
    wxString text;
    if (!m_keysLoaded)
        text = _("Counting…");
    else if (total > 0)
        text = wxString::Format("%s / %s", FormatCount(m_index + 1), FormatCount(total));
    if (text != m_position->GetLabel()) {
        m_position->SetLabel(text);
        m_position->GetParent()->Layout();
    }
    const wxString done = wxString::Format(wxPLURAL("Position in the queue; %s contribution marked done since opening",
                                                    "Position in the queue; %s contributions marked done since opening",
                                                    m_doneThisSession),
                                           FormatCount(m_doneThisSession));
    m_gauge->SetToolTip(done);
    m_position->SetToolTip(done);
    m_gauge->SetRange(std::max(1L, total));
    m_gauge->SetValue(total > 0 ? std::clamp(m_index + 1, 0L, total) : 0);
    m_previous->Enable(m_index > 0);
    m_next->Enable(total > 0 && m_index + 1 < total);
    m_bulk->Enable(!IsBlind() && !m_consultationId.empty());
}

void CodingQueuePage::UpdatePage()
{
    int page = WorkPage;
    if (m_consultationId.empty() && !m_dirty)
        page = NoConsultationPage;
    else if (m_keysLoaded && m_keys.empty())
        page = IsBlind() ? EmptySamplePage : EmptyQueuePage;
    if (m_pages->GetSelection() == page)
        return;
    m_pages->ChangeSelection(static_cast<size_t>(page));
    // Laid out again once shown: GTK wraps a hidden page's sentences at the width it had then.
    m_pages->GetCurrentPage()->Layout();
    m_pages->GetCurrentPage()->Refresh();
}

int CodingQueuePage::ShownPage() const
{
    return m_pages->GetSelection();
}

void CodingQueuePage::SetStatus(const wxString& message, bool problem)
{
    m_status->SetForegroundColour(problem ? kProblemColour : wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
    m_status->SetLabel(message);
    m_status->SetToolTip(message);
    if (auto* frame = dynamic_cast<MainFrame*>(m_context.Frame()))
        frame->SetStatusText(message, MainFrame::MessageField);
}

void CodingQueuePage::ShowProblem(const Error& error)
{
    if (ReportConnectionTrouble(this, error))
        return;
    SetStatus(wxString::FromUTF8(error.what()), true);
}

wxString CodingQueuePage::StatusText() const
{
    return m_status->GetLabel();
}

wxString CodingQueuePage::PositionText() const
{
    return m_position->GetLabel();
}

bool CodingQueuePage::IsBusy() const
{
    return m_jobs.Busy() || m_refreshTimer.IsRunning() || m_modelState == ModelState::Loading;
}

std::string CodingQueuePage::LoadingState() const
{
    static const char* const models[] = {"not loaded", "loading", "ready", "failed"};
    return std::string("jobs ") + (m_jobs.Busy() ? "waiting for " + m_jobs.BusyKeys() : std::string("idle")) + ", refresh " +
           (m_refreshTimer.IsRunning() ? "pending" : "idle") + ", model " +
           models[static_cast<int>(m_modelState)] + ", keys " + (m_keysLoaded ? "loaded" : "not loaded") + " (" +
           std::to_string(m_keys.size()) + "), index " + std::to_string(m_index) + ", shown " +
           (IsShownOnScreen() ? "yes" : "no") + ", dirty " + (m_dirty ? "yes" : "no");
}

long long CodingQueuePage::CurrentSeq() const
{
    return m_index >= 0 && m_index < static_cast<long>(m_keys.size()) ? m_keys[static_cast<std::size_t>(m_index)] : 0;
}

std::string CodingQueuePage::CurrentId() const
{
    return m_current ? m_current->contribution.id : std::string();
}

wxString CodingQueuePage::UndoDescription() const
{
    return wxString::FromUTF8(m_history.UndoDescription());
}

wxString CodingQueuePage::RedoDescription() const
{
    return wxString::FromUTF8(m_history.RedoDescription());
}

} // namespace concerto
