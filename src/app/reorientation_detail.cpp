#include "app/reorientation_detail.h"

#include "db/reorientation_candidates.h"
#include "dialogs/domain_labels.h"
#include "dialogs/reorientation_dialog.h"
#include "dialogs/reorientation_note_dialog.h"

#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {

wxString Text(const std::string& value)
{
    return wxString::FromUTF8(value);
}

} // namespace

ReorientationDetailPane::ReorientationDetailPane(wxWindow* parent, AppContext& context)
    : wxPanel(parent), m_context(context)
{
    SetName("reorientation-detail");
    auto* split =
        new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    split->SetMinimumPaneSize(FromDIP(200));
    split->SetSashGravity(0.45);

    m_summary = new wxTextCtrl(split, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                               wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2 | wxTE_WORDWRAP);
    m_summary->SetName("summary");

    auto* right = new wxPanel(split);
    auto* column = new wxBoxSizer(wxVERTICAL);
    m_evidenceHeading = new wxStaticText(right, wxID_ANY, _("Evidence"));
    m_evidenceHeading->SetFont(m_evidenceHeading->GetFont().Bold());
    m_evidenceHeading->SetMinSize(wxDefaultSize); // sized by its text, which changes
    column->Add(m_evidenceHeading, wxSizerFlags().Expand().Border(wxLEFT | wxBOTTOM, FromDIP(4)));
    m_evidence = new wxListCtrl(right, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    m_evidence->SetName("evidence");
    m_evidence->AppendColumn(_("No."), wxLIST_FORMAT_RIGHT, FromDIP(60));
    m_evidence->AppendColumn(_("Channel"), wxLIST_FORMAT_LEFT, FromDIP(130));
    m_evidence->AppendColumn(_("Neighbourhood"), wxLIST_FORMAT_LEFT, FromDIP(130));
    m_evidence->AppendColumn(_("Excerpt"), wxLIST_FORMAT_LEFT, FromDIP(420));
    column->Add(m_evidence, wxSizerFlags(3).Expand());
    m_fullText = new wxTextCtrl(right, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
    m_fullText->SetName("evidence-text");
    column->Add(m_fullText, wxSizerFlags(2).Expand().Border(wxTOP, FromDIP(4)));
    right->SetSizer(column);
    split->SplitVertically(m_summary, right, FromDIP(460));
    // Once the pane has its real width: the summary gets a bit less than half of it.
    split->Bind(wxEVT_SIZE, [this, split](wxSizeEvent& event) {
        event.Skip();
        CallAfter([this, split] {
            if (!m_sashPlaced && split->GetSize().GetWidth() > FromDIP(600)) {
                m_sashPlaced = true;
                split->SetSashPosition(split->GetSize().GetWidth() * 9 / 20);
            }
        });
    });

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(split, wxSizerFlags(1).Expand());
    SetSizer(sizer);
    m_evidence->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { ShowFullText(); });
    ShowPoint(nullptr);
}

void ReorientationDetailPane::ShowPoint(const ReorientationDetail* point)
{
    m_point = point ? std::optional<ReorientationDetail>(*point) : std::nullopt;
    m_summary->Clear();
    m_evidence->DeleteAllItems();
    m_fullText->Clear();
    if (!m_point) {
        m_summary->SetDefaultStyle(wxTextAttr(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT)));
        m_summary->AppendText(_("Select a point to see its rationale, its links, its notes and its evidence."));
        m_evidenceHeading->SetLabel(_("Evidence"));
        m_evidenceHeading->GetParent()->Layout();
        return;
    }
    WriteSummary(*m_point);
    const auto& items = m_point->evidence;
    m_evidenceHeading->SetLabel(wxString::Format(_("Evidence (%d contributions)"), static_cast<int>(items.size())));
    m_evidenceHeading->GetParent()->Layout();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const long item = m_evidence->InsertItem(static_cast<long>(i), wxString::Format("%lld", items[i].seq));
        m_evidence->SetItem(item, 1, Text(items[i].channel));
        m_evidence->SetItem(item, 2, Text(items[i].neighbourhood));
        m_evidence->SetItem(item, 3, EvidenceExcerptText(items[i]));
    }
    if (items.empty())
        m_fullText->ChangeValue(_("No evidence yet: edit the point (Enter) to add the contributions behind it."));
    else
        SelectEvidence(0);
}

void ReorientationDetailPane::WriteSummary(const ReorientationDetail& point)
{
    const wxFont base = m_summary->GetFont();
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    auto write = [&](const wxString& value, const wxFont& font, const wxColour& colour = wxNullColour) {
        m_summary->SetDefaultStyle(wxTextAttr(colour.IsOk() ? colour : text, wxNullColour, font));
        m_summary->AppendText(value);
    };
    auto heading = [&](const wxString& value) { write("\n" + value + "\n", base.Bold()); };
    auto field = [&](const wxString& label, const wxString& value) {
        write(label + " ", base, grey);
        write((value.empty() ? wxString::FromUTF8("—") : value) + "\n", base);
    };

    write(Text(point.point.title) + "\n", base.Bold().Scaled(1.2f));
    field(_("Decision:"), DecisionName(point.point.decision));
    field(_("Decided at:"), Text(point.meetingTitle));
    field(_("Owner:"), Text(point.point.owner));
    field(_("Follow-up:"), Text(point.point.followUp));

    heading(_("Rationale"));
    write((point.point.rationale.empty() ? _("No rationale written yet.") : Text(point.point.rationale)) + "\n", base);

    heading(_("Commitments"));
    if (point.commitments.empty())
        write(_("No commitment linked.") + "\n", base, grey);
    for (const auto& change : point.commitments)
        write(wxString::FromUTF8("• ") + Text(change.ref) + " — " + Text(change.title) +
                  (change.change ? " (" + ChangeName(*change.change).Lower() + ")" : wxString()) +
                  (change.origin == "restitution" ? " · " + _("born at the restitution") : wxString()) + "\n",
              base);

    heading(_("Topics"));
    if (point.topics.empty())
        write(_("No topic linked.") + "\n", base, grey);
    for (const auto& topic : point.topics)
        write(wxString::FromUTF8("• ") + Text(topic.name) + "\n", base);

    heading(_("Notes"));
    if (point.notes.empty())
        write(_("No note yet (Ctrl+Shift+N adds one).") + "\n", base, grey);
    for (auto note = point.notes.rbegin(); note != point.notes.rend(); ++note) {
        write(FormatFrenchDay(note->notedOn) + " ", base.Bold());
        write(Text(note->body) + "\n", base);
    }
    m_summary->SetInsertionPoint(0);
    m_summary->ShowPosition(0);
}

void ReorientationDetailPane::SelectEvidence(int row)
{
    if (row < 0 || row >= m_evidence->GetItemCount())
        return;
    m_evidence->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                             wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    ShowFullText();
}

void ReorientationDetailPane::ShowFullText()
{
    const long row = m_evidence->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (!m_point || row < 0 || static_cast<std::size_t>(row) >= m_point->evidence.size())
        return;
    const EvidenceItem item = m_point->evidence[static_cast<std::size_t>(row)];
    m_fullText->ChangeValue(Text(item.excerpt) + wxString::FromUTF8(" …"));
    m_loadingText = true;
    const std::string id = item.contributionId;
    m_context.Worker().Run<std::string>(
        m_lifetime, [id](Database& db) { return ContributionFullText(db, id); },
        [this, id, item](std::string whole) {
            m_loadingText = false;
            const long selected = m_evidence->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
            if (!m_point || selected < 0 || static_cast<std::size_t>(selected) >= m_point->evidence.size() ||
                m_point->evidence[static_cast<std::size_t>(selected)].contributionId != id)
                return; // another line was chosen meanwhile
            wxString shown = wxString::Format(_("Contribution no. %lld · %s · %s"), item.seq, Text(item.channel),
                                              Text(item.neighbourhood));
            if (item.isQuote)
                shown += " · " + _("quote");
            m_fullText->ChangeValue(shown + "\n\n" + Text(whole));
        },
        [this](const Error& e) {
            m_loadingText = false;
            m_fullText->ChangeValue(wxString::Format(_("The text could not be read: %s"), Text(e.what())));
        },
        "reorientation-evidence-text");
}

wxString ReorientationDetailPane::SummaryText() const
{
    return m_summary->GetValue();
}

int ReorientationDetailPane::EvidenceCount() const
{
    return m_evidence->GetItemCount();
}

wxString ReorientationDetailPane::FullText() const
{
    return m_fullText->GetValue();
}

} // namespace concerto
