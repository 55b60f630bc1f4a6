#include "app/commitment_detail.h"

#include "dialogs/commitment_dialog.h"
#include "dialogs/domain_labels.h"

#include <wx/datetime.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {
wxTextCtrl* ReadOnlyText(wxWindow* parent)
{
    auto* text = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2 | wxTE_WORDWRAP | wxBORDER_NONE);
    text->SetBackgroundColour(parent->GetBackgroundColour());
    return text;
}
} // namespace

wxString FormatDay(const Date& day)
{
    return wxString::Format("%02d/%02d/%04d", day.day, day.month, day.year);
}

Date LocalToday()
{
    const wxDateTime today = wxDateTime::Today();
    return Date{today.GetYear(), static_cast<int>(today.GetMonth()) + 1, today.GetDay()};
}

CommitmentDetailPane::CommitmentDetailPane(wxWindow* parent) : wxPanel(parent)
{
    SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW));
    const int gap = FromDIP(12);

    auto* left = new wxBoxSizer(wxVERTICAL);
    m_title = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    m_title->SetFont(m_title->GetFont().Bold().Scaled(1.15f));
    left->Add(m_title, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(4)));
    auto* metaRow = new wxBoxSizer(wxHORIZONTAL);
    m_marker = new wxStaticBitmap(this, wxID_ANY, wxBitmap());
    metaRow->Add(m_marker, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    m_meta = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    m_meta->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    metaRow->Add(m_meta, wxSizerFlags(1).CenterVertical());
    left->Add(metaRow, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(6)));
    m_description = ReadOnlyText(this);
    left->Add(m_description, wxSizerFlags(1).Expand());

    auto* right = new wxBoxSizer(wxVERTICAL);
    m_historyHeading = new wxStaticText(this, wxID_ANY, _("Timeline"));
    m_historyHeading->SetFont(m_historyHeading->GetFont().Bold());
    right->Add(m_historyHeading, wxSizerFlags().Border(wxBOTTOM, FromDIP(6)));
    m_history = ReadOnlyText(this);
    m_history->SetName("status history");
    right->Add(m_history, wxSizerFlags(1).Expand());

    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    columns->Add(left, wxSizerFlags(3).Expand().Border(wxALL, gap));
    columns->Add(right, wxSizerFlags(2).Expand().Border(wxTOP | wxBOTTOM | wxRIGHT, gap));
    SetSizer(columns);
    ShowHint(_("Select a commitment to see its description and the history of its status."));
}

void CommitmentDetailPane::ShowHint(const wxString& hint)
{
    m_commitmentId.clear();
    m_origin.clear();
    m_historyCount = 0;
    m_title->SetLabel(wxString());
    m_marker->SetBitmap(wxBitmap());
    m_meta->SetLabel(hint);
    m_description->Clear();
    m_history->Clear();
    m_historyHeading->Hide();
    Layout();
}

void CommitmentDetailPane::ShowCommitment(const Commitment& commitment, const wxString& themeTitle)
{
    m_commitmentId = commitment.id;
    m_origin = commitment.origin;
    m_historyCount = 0;
    m_title->SetLabel(wxString::FromUTF8(commitment.ref) + L" \u2014 " + wxString::FromUTF8(commitment.title));
    m_title->SetToolTip(m_title->GetLabel());
    m_marker->SetBitmap(CommitmentStatusMarker(commitment.status, FromDIP(10)));
    const wxString origin =
        commitment.origin == "restitution" ? _("born at the restitution evening") : _("municipal programme");
    m_meta->SetLabel(CommitmentStatusLabel(commitment.status) + L"  \u00B7  " +
                     wxString::Format(_("Theme: %s"), themeTitle) + L"  \u00B7  " +
                     wxString::Format(_("Origin: %s"), origin));
    m_description->Clear();
    if (commitment.description.empty()) {
        m_description->SetDefaultStyle(wxTextAttr(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT)));
        m_description->AppendText(_("No description. Use “Edit” (Enter) to write one."));
    } else {
        m_description->SetDefaultStyle(wxTextAttr(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT)));
        m_description->AppendText(wxString::FromUTF8(commitment.description));
    }
    m_description->ShowPosition(0);
    m_historyHeading->Show();
    m_history->Clear();
    m_history->SetDefaultStyle(wxTextAttr(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT)));
    m_history->AppendText(_("Loading…"));
    Layout();
}

void CommitmentDetailPane::ShowHistory(const std::vector<StatusChange>& history)
{
    std::vector<TimelineEvent> timeline;
    for (const auto& change : history) {
        TimelineEvent event;
        event.on = change.effectiveOn;
        event.author = change.createdBy;
        event.status = change.status;
        event.comment = change.comment;
        timeline.push_back(event);
    }
    ShowTimeline(timeline);
}

void CommitmentDetailPane::ShowTimeline(const std::vector<TimelineEvent>& timeline)
{
    m_history->Clear();
    m_historyCount = timeline.size();
    if (timeline.empty()) {
        m_history->SetDefaultStyle(wxTextAttr(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT)));
        m_history->AppendText(_("No status change recorded yet. Use “Change the status…” (Ctrl+K) to record one."));
        AppendOrigin();
        return;
    }
    // Newest first: what a reader wants to know is where the commitment stands now.
    for (auto it = timeline.rbegin(); it != timeline.rend(); ++it)
        AppendEntry(*it);
    AppendOrigin();
    m_history->ShowPosition(0);
}

void CommitmentDetailPane::ShowHistoryError(const wxString& message)
{
    m_history->Clear();
    m_historyCount = 0;
    m_history->SetDefaultStyle(wxTextAttr(wxColour(0xCC, 0x00, 0x00)));
    m_history->AppendText(message);
}

void CommitmentDetailPane::AppendEntry(const TimelineEvent& event)
{
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    const wxFont normal = m_history->GetFont();
    if (m_history->GetLastPosition() > 0)
        m_history->AppendText("\n");
    const bool point = event.kind == TimelineEvent::Kind::Reorientation;
    // A diamond in the restitution's plum for the points, a dot in the status colour otherwise.
    m_history->SetDefaultStyle(wxTextAttr(point ? wxColour(0x75, 0x50, 0x7B) : CommitmentStatusColour(event.status)));
    m_history->AppendText(point ? L"\u25C6 " : L"\u25CF ");
    m_history->SetDefaultStyle(wxTextAttr(text, wxNullColour, normal.Bold()));
    if (point)
        m_history->AppendText(FormatDay(event.on) + "   " +
                              wxString::Format(_("Reorientation point “%s”"), wxString::FromUTF8(event.comment)));
    else
        m_history->AppendText(FormatDay(event.on) + "   " + CommitmentStatusLabel(event.status));
    // One line under it: the comment (for a point: its change and decision), then who recorded it, in grey.
    m_history->SetDefaultStyle(wxTextAttr(text, wxNullColour, normal));
    m_history->AppendText("\n    ");
    if (point) {
        wxString what = wxString::Format(_("Decision: %s"), DecisionName(event.decision));
        if (event.change)
            what = wxString::Format(_("Change: %s"), ChangeName(*event.change)) + L"  \u00B7  " + what;
        m_history->AppendText(what + "  ");
    } else if (!event.comment.empty()) {
        m_history->AppendText(wxString::FromUTF8(event.comment) + "  ");
    }
    if (!event.author.empty()) {
        m_history->SetDefaultStyle(wxTextAttr(grey, wxNullColour, normal));
        m_history->AppendText(wxString::Format(_("(recorded by %s)"), wxString::FromUTF8(event.author)));
    }
}

void CommitmentDetailPane::AppendOrigin()
{
    if (m_origin != "restitution")
        return;
    m_history->AppendText("\n");
    m_history->SetDefaultStyle(wxTextAttr(wxColour(0x75, 0x50, 0x7B)));
    m_history->AppendText(L"\u2605 ");
    m_history->SetDefaultStyle(
        wxTextAttr(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT), wxNullColour, m_history->GetFont().Bold()));
    m_history->AppendText(_("Born at the restitution evening"));
}

wxString CommitmentDetailPane::HistoryText() const
{
    return m_history->GetValue();
}

} // namespace concerto
