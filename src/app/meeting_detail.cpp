#include "app/meeting_detail.h"

#include "app/localization.h"
#include "app/main_frame.h"
#include "dialogs/meeting_dialog.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace concerto {

namespace {

enum Page { HintPage, MeetingPage };

wxString OrDash(const wxString& text)
{
    return text.empty() ? wxString::FromUTF8("—") : text;
}

// One line of a contribution for the list: title and text run together, newlines folded.
wxString Excerpt(const ContributionExcerpt& excerpt)
{
    wxString text = wxString::FromUTF8(excerpt.title.empty() ? excerpt.body : excerpt.title + " — " + excerpt.body);
    text.Replace("\n", " ");
    return text;
}

} // namespace

MeetingDetail::MeetingDetail(wxWindow* parent, AppContext& context, std::function<void()> onEnterContributions)
    : wxPanel(parent), m_context(context), m_onEnter(std::move(onEnterContributions))
{
    SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW));
    m_pages = new wxSimplebook(this);

    auto* hintPage = new wxPanel(m_pages);
    auto* hint = new wxStaticText(hintPage, wxID_ANY,
                                  _("Select a meeting in the list to see its details and the "
                                    "contributions it collected."));
    hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    auto* hintSizer = new wxBoxSizer(wxVERTICAL);
    hintSizer->Add(hint, wxSizerFlags().Border(wxALL, FromDIP(16)));
    hintPage->SetSizer(hintSizer);
    m_pages->AddPage(hintPage, wxString());

    auto* page = new wxPanel(m_pages);
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    columns->Add(BuildFacts(page), wxSizerFlags(2).Expand().Border(wxRIGHT, FromDIP(16)));
    columns->Add(BuildContributions(page), wxSizerFlags(3).Expand());
    auto* pageSizer = new wxBoxSizer(wxVERTICAL);
    pageSizer->Add(columns, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
    page->SetSizer(pageSizer);
    m_pages->AddPage(page, wxString());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_pages, wxSizerFlags(1).Expand());
    SetSizer(sizer);
}

wxWindow* MeetingDetail::BuildFacts(wxWindow* parent)
{
    auto* panel = new wxPanel(parent);
    auto* column = new wxBoxSizer(wxVERTICAL);
    m_title = new wxStaticText(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    m_title->SetFont(m_title->GetFont().Bold().Scaled(1.25f));
    column->Add(m_title, wxSizerFlags().Expand());
    m_subtitle = new wxStaticText(panel, wxID_ANY, wxString());
    m_subtitle->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_subtitle->SetMinSize(wxDefaultSize);
    column->Add(m_subtitle, wxSizerFlags().Border(wxTOP | wxBOTTOM, FromDIP(4)));

    auto* grid = new wxFlexGridSizer(2, wxSize(FromDIP(12), FromDIP(4)));
    grid->AddGrowableCol(1, 1);
    m_when = AddFact(panel, grid, _("When:"));
    m_place = AddFact(panel, grid, _("Place:"));
    m_neighbourhood = AddFact(panel, grid, _("Neighbourhood:"));
    m_attendance = AddFact(panel, grid, _("Attendance:"));
    m_facilitators = AddFact(panel, grid, _("Facilitators:"));
    m_notes = AddFact(panel, grid, _("Notes:"));
    column->Add(grid, wxSizerFlags().Expand().Border(wxTOP, FromDIP(4)));
    column->AddStretchSpacer();
    m_enter = new wxButton(panel, wxID_ANY, _("Enter contributions for this meeting…"));
    m_enter->SetToolTip(_("Opens the quick entry of paper contributions, set on this meeting"));
    m_enter->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_onEnter)
            m_onEnter();
    });
    column->Add(m_enter, wxSizerFlags().Border(wxTOP, FromDIP(8)));
    panel->SetSizer(column);
    return panel;
}

wxStaticText* MeetingDetail::AddFact(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label)
{
    auto* name = new wxStaticText(parent, wxID_ANY, label);
    name->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    grid->Add(name, wxSizerFlags().Right().Top());
    auto* value = new wxStaticText(parent, wxID_ANY, wxString());
    value->SetMinSize(wxDefaultSize); // sized by its text, which changes with the meeting
    grid->Add(value, wxSizerFlags().Expand());
    return value;
}

wxWindow* MeetingDetail::BuildContributions(wxWindow* parent)
{
    auto* panel = new wxPanel(parent);
    auto* column = new wxBoxSizer(wxVERTICAL);
    m_count = new wxStaticText(panel, wxID_ANY, wxString());
    m_count->SetFont(m_count->GetFont().Bold());
    m_count->SetMinSize(wxDefaultSize);
    column->Add(m_count, wxSizerFlags().Border(wxBOTTOM, FromDIP(6)));
    m_contributions = new wxListCtrl(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    m_contributions->SetName("meeting-contributions");
    m_contributions->AppendColumn(_("Slip"), wxLIST_FORMAT_LEFT, FromDIP(100));
    m_contributions->AppendColumn(_("Profile"), wxLIST_FORMAT_LEFT, FromDIP(110));
    m_contributions->AppendColumn(_("Text"), wxLIST_FORMAT_LEFT, FromDIP(600));
    column->Add(m_contributions, wxSizerFlags(1).Expand());
    m_more = new wxStaticText(panel, wxID_ANY, wxString());
    m_more->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_more->SetMinSize(wxDefaultSize);
    column->Add(m_more, wxSizerFlags().Border(wxTOP, FromDIP(4)));
    panel->SetSizer(column);
    return panel;
}

void MeetingDetail::ShowMeeting(const MeetingRow* row)
{
    if (!row) {
        m_meetingId.clear();
        m_contributions->DeleteAllItems();
        m_pages->ChangeSelection(HintPage);
        return;
    }
    const Meeting& meeting = row->meeting;
    const bool sameMeeting = m_meetingId == meeting.id;
    m_meetingId = meeting.id;
    m_title->SetLabel(wxString::FromUTF8(meeting.title));
    m_subtitle->SetLabel(wxString::Format("%s · %s · %s", wxString::FromUTF8(meeting.ref),
                                          wxString::FromUTF8(row->channelName), MeetingKindLabel(meeting.kind)));
    wxString when = FormatDayTime(meeting.startsAt);
    if (meeting.endsAt)
        when += wxString::FromUTF8(" – ") + FormatTimeOfDay(*meeting.endsAt);
    m_when->SetLabel(when);
    wxString place = wxString::FromUTF8(meeting.place);
    if (!meeting.placeKind.empty())
        place +=
            place.empty() ? wxString::FromUTF8(meeting.placeKind) : " (" + wxString::FromUTF8(meeting.placeKind) + ")";
    m_place->SetLabel(OrDash(place));
    m_neighbourhood->SetLabel(OrDash(wxString::FromUTF8(row->neighbourhoodName)));
    m_attendance->SetLabel(meeting.attendance
                               ? wxString::Format(wxPLURAL("%s person", "%s people", *meeting.attendance),
                                                  FormatCount(*meeting.attendance))
                               : _("not counted"));
    m_facilitators->SetLabel(OrDash(wxString::FromUTF8(meeting.facilitators)));
    m_notes->SetLabel(OrDash(wxString::FromUTF8(meeting.notes)));
    m_notes->Wrap(std::max(FromDIP(200), m_notes->GetParent()->GetClientSize().GetWidth() - FromDIP(120)));
    m_count->SetLabel(wxString::Format(wxPLURAL("%s contribution", "%s contributions",
                                                static_cast<int>(std::min<long long>(row->contributions, 1000000))),
                                       FormatCount(row->contributions)));
    m_pages->ChangeSelection(MeetingPage);
    m_pages->GetCurrentPage()->Layout();
    if (!sameMeeting)
        m_contributions->DeleteAllItems();
    LoadContributions(row->contributions);
}

void MeetingDetail::LoadContributions(long long total)
{
    m_loading = true;
    m_more->SetLabel(total == 0 ? _("No contribution is linked to this meeting yet: use the button on the left to "
                                    "type its paper slips.")
                                : wxString());
    const std::string meetingId = m_meetingId;
    m_context.Worker().Run<std::vector<ContributionExcerpt>>(
        m_lifetime, [meetingId](Database& db) { return ListMeetingContributions(db, meetingId, kListed); },
        [this, meetingId, total](std::vector<ContributionExcerpt> excerpts) {
            if (meetingId != m_meetingId)
                return; // another meeting was selected meanwhile
            m_loading = false;
            m_contributions->Freeze();
            m_contributions->DeleteAllItems();
            for (const auto& excerpt : excerpts) {
                const long item =
                    m_contributions->InsertItem(m_contributions->GetItemCount(), wxString::FromUTF8(excerpt.sourceRef));
                m_contributions->SetItem(item, 1, wxString::FromUTF8(excerpt.profile));
                m_contributions->SetItem(item, 2, Excerpt(excerpt));
            }
            m_contributions->Thaw();
            if (total > static_cast<long long>(excerpts.size()))
                m_more->SetLabel(wxString::Format(_("The first %s are listed; the Contributions area shows them "
                                                    "all."),
                                                  FormatCount(static_cast<long long>(excerpts.size()))));
        },
        [this](const Error& e) {
            m_loading = false;
            if (!ReportConnectionTrouble(this, e))
                m_more->SetLabel(
                    wxString::Format(_("The contributions could not be read: %s"), wxString::FromUTF8(e.what())));
        },
        "meeting-detail");
}

int MeetingDetail::ListedContributions() const
{
    return m_contributions->GetItemCount();
}

} // namespace concerto
