#include "app/contribution_detail_pane.h"

#include "app/contribution_text.h"
#include "app/localization.h"

#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {

// Tango butter: the colour of a highlighter pen, with the text kept black on it.
const wxColour kHighlight(0xFC, 0xE9, 0x4F);
const wxString kSeparator = wxString::FromUTF8("  ·  ");

} // namespace

ContributionDetailPane::ContributionDetailPane(wxWindow* parent) : wxPanel(parent)
{
    m_text = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                            wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2 | wxTE_WORDWRAP | wxBORDER_NONE);
    m_text->SetName("contribution-detail");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_text, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(8)));
    SetSizer(sizer);
    SetBackgroundColour(m_text->GetBackgroundColour());
    ShowNothing();
}

wxString ContributionDetailPane::Text() const
{
    return m_text->GetValue();
}

void ContributionDetailPane::Append(const wxString& text, bool bold, bool grey)
{
    const long start = m_text->GetLastPosition();
    m_text->AppendText(text);
    if (!bold && !grey)
        return;
    wxTextAttr style;
    if (bold)
        style.SetFontWeight(wxFONTWEIGHT_BOLD);
    if (grey)
        style.SetTextColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_text->SetStyle(start, m_text->GetLastPosition(), style);
}

void ContributionDetailPane::ShowMessage(const wxString& message)
{
    m_hint = Hint::None;
    m_shown = 0;
    m_highlights.clear();
    m_text->Freeze();
    m_text->Clear();
    Append(message, false, true);
    m_text->Thaw();
}

void ContributionDetailPane::SetCanEdit(bool canEdit)
{
    if (canEdit == m_canEdit)
        return;
    m_canEdit = canEdit;
    if (m_hint == Hint::Nothing)
        ShowNothing();
    else if (m_hint == Hint::Selection)
        ShowSelectionOf(m_selected);
}

void ContributionDetailPane::ShowNothing()
{
    ShowMessage(m_canEdit ? _("Select a contribution to read its full text and context here. Enter or a "
                              "double-click edits it; Insert adds one.")
                          : _("Select a contribution to read its full text and context here."));
    m_hint = Hint::Nothing;
}

void ContributionDetailPane::ShowSelectionOf(long long count)
{
    if (!m_canEdit) {
        ShowMessage(wxString::Format(wxPLURAL("%s contribution selected. “Export to Excel” exports it.",
                                              "%s contributions selected. “Export to Excel” exports them.", count),
                                     FormatCount(count)));
        m_hint = Hint::Selection;
        m_selected = count;
        return;
    }
    ShowMessage(wxString::Format(wxPLURAL("%s contribution selected. Use “Change selection” to set their meeting, "
                                          "neighbourhood or state at once, or export them to Excel.",
                                          "%s contributions selected. Use “Change selection” to set their meeting, "
                                          "neighbourhood or state at once, or export them to Excel.",
                                          count),
                                 FormatCount(count)));
    m_hint = Hint::Selection;
    m_selected = count;
}

void ContributionDetailPane::ShowLoading()
{
    ShowMessage(wxString::FromUTF8("…"));
}

void ContributionDetailPane::ShowDetail(const ContributionDetail& detail, const std::vector<std::string>& stems)
{
    const Contribution& c = detail.contribution;
    m_hint = Hint::None;
    m_shown = detail.seq;
    m_highlights.clear();
    m_text->Freeze();
    m_text->Clear();

    wxString heading = wxString::Format(_("Contribution no. %s"), FormatCount(detail.seq));
    if (!c.title.empty())
        heading += wxString::FromUTF8(" — ") + wxString::FromUTF8(c.title);
    Append(heading + "\n", true);

    wxString context = wxString::Format(_("Received on %s"), FormatReceivedAt(c.receivedAt));
    context += kSeparator + wxString::FromUTF8(detail.channel);
    if (!detail.meeting.empty())
        context += kSeparator + wxString::Format(_("Meeting: %s"), wxString::FromUTF8(detail.meeting));
    context += kSeparator +
               (detail.neighbourhood.empty() ? _("Neighbourhood not known") : wxString::FromUTF8(detail.neighbourhood));
    if (!detail.card.empty())
        context += kSeparator + wxString::Format(_("Card: %s"), wxString::FromUTF8(detail.card));
    wxString who = wxString::FromUTF8(c.profile);
    if (!c.ageBracket.empty())
        who += (who.empty() ? "" : ", ") + wxString::FromUTF8(c.ageBracket);
    if (!who.empty())
        context += kSeparator + who;
    if (!c.sourceRef.empty())
        context += kSeparator + wxString::Format(_("Ref. %s"), wxString::FromUTF8(c.sourceRef));
    Append(context + "\n\n", false, true);

    const wxString body = wxString::FromUTF8(c.body);
    const long bodyStart = m_text->GetLastPosition();
    Append(body + "\n\n");
    wxTextAttr marked;
    marked.SetBackgroundColour(kHighlight);
    marked.SetTextColour(*wxBLACK);
    for (const auto& [start, end] : MatchedWords(body, stems)) {
        m_text->SetStyle(bodyStart + start, bodyStart + end, marked);
        m_highlights.emplace_back(bodyStart + start, bodyStart + end);
    }

    wxString state = StateName(c.state);
    if (c.state == ContributionState::Excluded && !c.exclusionReason.empty())
        state += " (" + wxString::FromUTF8(c.exclusionReason) + ")";
    if (c.isQuote)
        state += kSeparator + _("Quote for the deliverable");
    Append(_("State: "), true);
    Append(state + "\n");
    Append(_("Codings: "), true);
    if (detail.tags.empty())
        Append(_("none yet") + "\n", false, true);
    else
        Append("\n");
    for (const auto& tag : detail.tags) {
        wxString line = wxString::FromUTF8("  • ");
        if (!tag.commitmentRef.empty())
            line += wxString::FromUTF8(tag.commitmentRef + " " + tag.commitmentTitle);
        else
            line += wxString::Format(_("Theme: %s"), wxString::FromUTF8(tag.themeTitle));
        line += wxString::FromUTF8(" — ") + StanceName(tag.stance);
        if (!tag.coder.empty())
            line += " (" + wxString::FromUTF8(tag.coder) + ")";
        Append(line + "\n");
    }
    if (!c.notes.empty()) {
        Append(_("Notes: "), true);
        Append(wxString::FromUTF8(c.notes) + "\n");
    }
    m_text->ShowPosition(0);
    m_text->Thaw();
}

} // namespace concerto
