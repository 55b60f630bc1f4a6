#include "app/insights_evidence.h"

#include "app/contribution_text.h"
#include "app/localization.h"

#include <wx/button.h>
#include <wx/control.h>
#include <wx/dc.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {

const wxString kSeparator = wxString::FromUTF8(" \u00b7 ");

} // namespace

EvidenceList::EvidenceList(wxWindow* parent)
    : wxVListBox(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_THEME)
{
    SetName("insights-evidence");
    SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOX));
}

void EvidenceList::SetItems(std::vector<EvidenceContribution> items)
{
    m_items = std::move(items);
    SetSelection(wxNOT_FOUND);
    SetItemCount(m_items.size());
    ScrollToRow(0);
    Refresh();
}

wxString EvidenceList::HeadingOf(std::size_t n) const
{
    const EvidenceContribution& item = m_items.at(n);
    wxString heading = wxString::Format(_("No. %s"), FormatCount(item.seq));
    for (const wxString& part : {FormatReceivedDay(item.receivedAt), wxString::FromUTF8(item.channel),
                                 wxString::FromUTF8(item.neighbourhood)})
        if (!part.empty())
            heading += kSeparator + part;
    if (item.isQuote)
        heading += kSeparator + _("quote");
    return heading;
}

wxString EvidenceList::ExcerptOf(std::size_t n) const
{
    const EvidenceContribution& item = m_items.at(n);
    const wxString text = FirstTextLine(item.body, 200);
    if (item.title.empty())
        return text;
    return wxString::FromUTF8(item.title) + wxString::FromUTF8(" \u2013 ") + text;
}

wxCoord EvidenceList::OnMeasureItem(size_t) const
{
    return 2 * GetCharHeight() + FromDIP(14);
}

void EvidenceList::OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const
{
    const bool selected = IsSelected(n);
    const wxColour text = wxSystemSettings::GetColour(selected ? wxSYS_COLOUR_HIGHLIGHTTEXT : wxSYS_COLOUR_WINDOWTEXT);
    const wxColour muted = selected ? text : wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    const int pad = FromDIP(8);
    const int width = rect.width - 2 * pad;
    const int top = rect.y + FromDIP(5);

    // The entry number in bold, the rest of the first line regular: it stays short enough to read.
    const wxString heading = HeadingOf(n);
    const wxString number = heading.BeforeFirst(kSeparator[1]).Trim();
    dc.SetFont(GetFont().Bold());
    dc.SetTextForeground(text);
    dc.DrawText(number, rect.x + pad, top);
    const int numberWidth = dc.GetTextExtent(number).x;
    dc.SetFont(GetFont());
    dc.DrawText(wxControl::Ellipsize(heading.Mid(number.length()), dc, wxELLIPSIZE_END, width - numberWidth),
                rect.x + pad + numberWidth, top);
    dc.SetTextForeground(muted);
    dc.DrawText(wxControl::Ellipsize(ExcerptOf(n), dc, wxELLIPSIZE_END, width), rect.x + pad,
                top + GetCharHeight() + FromDIP(3));
    if (!selected) {
        dc.SetPen(wxPen(wxSystemSettings::GetColour(wxSYS_COLOUR_3DLIGHT)));
        dc.DrawLine(rect.GetLeft(), rect.GetBottom(), rect.GetRight() + 1, rect.GetBottom());
    }
}

InsightsEvidencePanel::InsightsEvidencePanel(wxWindow* parent) : wxPanel(parent)
{
    SetName("insights-evidence-panel");
    m_heading = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    m_heading->SetFont(m_heading->GetFont().Bold().Scaled(1.1f));
    m_heading->SetName("insights-evidence-heading");
    m_explanation = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    m_explanation->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_propose = new wxButton(this, wxID_ANY, _("&Propose a reorientation point…"));
    m_propose->SetName("insights-propose");
    m_propose->SetToolTip(_("Opens a new reorientation point linked to this commitment, with these contributions as "
                            "its evidence (Enter or double-click in the list of flags)"));

    m_split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    m_split->SetMinimumPaneSize(FromDIP(160));
    m_split->SetSashGravity(0.55);
    auto* listSide = new wxPanel(m_split);
    m_listState = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                   wxST_ELLIPSIZE_END);
    m_listState->SetName("insights-evidence-state");
    m_list = new EvidenceList(listSide);
    auto* listSizer = new wxBoxSizer(wxVERTICAL);
    listSizer->Add(m_list, wxSizerFlags(1).Expand());
    listSide->SetSizer(listSizer);
    m_text = new wxTextCtrl(m_split, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                            wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP | wxBORDER_THEME);
    m_text->SetName("insights-evidence-text");
    m_text->SetHint(_("Select a contribution to read it in full."));
    m_split->SplitVertically(listSide, m_text);

    auto* state = new wxBoxSizer(wxHORIZONTAL);
    state->Add(m_listState, wxSizerFlags(1).CentreVertical());
    state->Add(m_propose, wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(12)));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_heading, wxSizerFlags().Expand());
    sizer->Add(m_explanation, wxSizerFlags().Expand().Border(wxTOP, FromDIP(2)));
    sizer->Add(state, wxSizerFlags().Expand().Border(wxTOP | wxBOTTOM, FromDIP(6)));
    sizer->Add(m_split, wxSizerFlags(1).Expand());
    SetSizer(sizer);

    m_list->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { ShowSelected(); });
}

void InsightsEvidencePanel::ShowFlag(const wxString& heading, const wxString& explanation, bool canPropose)
{
    m_heading->SetLabel(wxControl::EscapeMnemonics(heading));
    m_explanation->SetLabel(wxControl::EscapeMnemonics(explanation));
    m_propose->Enable(canPropose);
    m_listState->SetLabel(wxString());
    m_list->SetItems({});
    m_text->Clear();
    Layout();
}

void InsightsEvidencePanel::ShowLoading()
{
    m_listState->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_listState->SetLabel(_("Loading the contributions…"));
}

void InsightsEvidencePanel::ShowEvidence(std::vector<EvidenceContribution> items, const wxString& emptyText)
{
    m_listState->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
    if (items.empty())
        m_listState->SetLabel(emptyText);
    else
        m_listState->SetLabel(wxString::Format(wxPLURAL("%s contribution", "%s contributions",
                                                        static_cast<int>(items.size() % 1000000)),
                                               FormatCount(static_cast<long long>(items.size()))));
    m_list->SetItems(std::move(items));
    // The first contribution is read at once: a multi-line text has no placeholder on GTK,
    // and an empty pane would say nothing.
    if (!m_list->Items().empty())
        m_list->SetSelection(0);
    ShowSelected();
}

void InsightsEvidencePanel::ShowError(const wxString& message)
{
    m_listState->SetForegroundColour(wxColour(0xC0, 0x39, 0x2B));
    m_listState->SetLabel(message);
}

void InsightsEvidencePanel::ShowSelected()
{
    const int n = m_list->GetSelection();
    if (n == wxNOT_FOUND) {
        m_text->Clear();
        return;
    }
    const EvidenceContribution& item = m_list->Items().at(static_cast<std::size_t>(n));
    wxString text = m_list->HeadingOf(static_cast<std::size_t>(n)) + "\n\n";
    if (!item.title.empty())
        text += wxString::FromUTF8(item.title) + "\n\n";
    text += wxString::FromUTF8(item.body);
    m_text->ChangeValue(text);
    m_text->ShowPosition(0);
}

wxString InsightsEvidencePanel::FullText() const { return m_text->GetValue(); }

std::vector<wxString> InsightsEvidencePanel::RowTexts() const
{
    std::vector<wxString> rows;
    for (std::size_t n = 0; n < m_list->Items().size(); ++n)
        rows.push_back(m_list->HeadingOf(n) + " | " + m_list->ExcerptOf(n));
    return rows;
}

} // namespace concerto
