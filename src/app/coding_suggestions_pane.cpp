#include "app/coding_suggestions_pane.h"

#include <algorithm>
#include <wx/dcbuffer.h>
#include <wx/intl.h>
#include <wx/settings.h>

namespace concerto {

namespace {

const wxColour kBar(0x72, 0x9F, 0xCF);      // Tango sky blue
const wxColour kBarTrack(0xE6, 0xEC, 0xF2); // a pale track under it
const wxColour kHover(0xEE, 0xF3, 0xFA);

wxString Because(const std::vector<wxString>& words)
{
    wxString list;
    for (const auto& word : words)
        list += (list.empty() ? "" : ", ") + word;
    return wxString::Format(_("because: %s"), list);
}

} // namespace

CodingSuggestionsPane::CodingSuggestionsPane(wxWindow* parent, std::function<void(int)> onApply,
                                             std::function<void(int)> onHover)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE),
      m_onApply(std::move(onApply)), m_onHover(std::move(onHover))
{
    SetName("suggestions");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, &CodingSuggestionsPane::OnPaint, this);
    Bind(wxEVT_MOTION, &CodingSuggestionsPane::OnMotion, this);
    Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent&) {
        m_hover = -1;
        if (m_onHover)
            m_onHover(-1);
        Refresh();
    });
    Bind(wxEVT_LEFT_UP, [this](wxMouseEvent& event) {
        const int row = RowAt(event.GetPosition());
        if (row >= 0 && m_onApply)
            m_onApply(row);
    });
    ShowLoading();
}

int CodingSuggestionsPane::RowHeight() const
{
    return GetCharHeight() * 2 + FromDIP(11);
}

wxSize CodingSuggestionsPane::DoGetBestClientSize() const
{
    return wxSize(FromDIP(300), RowHeight() * 5 + FromDIP(4));
}

void CodingSuggestionsPane::ShowMessage(const wxString& message)
{
    m_rows.clear();
    m_message = message;
    m_hover = -1;
    SetCursor(wxNullCursor);
    UnsetToolTip();
    Refresh();
}

void CodingSuggestionsPane::ShowLoading()
{
    ShowMessage(_("Loading the suggestion model…"));
}

void CodingSuggestionsPane::ShowWithheld()
{
    ShowMessage(_("No suggestions in blind double coding: both coders decide on their own, so that their agreement "
                  "measures their judgement, not the model's."));
}

void CodingSuggestionsPane::ShowProblem(const wxString& message)
{
    ShowMessage(wxString::Format(_("Suggestions unavailable: %s"), message));
}

void CodingSuggestionsPane::ShowNothing()
{
    ShowMessage(wxString());
}

void CodingSuggestionsPane::ShowRows(std::vector<SuggestionRow> rows)
{
    m_rows = std::move(rows);
    m_message =
        m_rows.empty() ? _("No commitment shares words with this text: find one in the tree below (/).") : wxString();
    m_hover = -1;
    Refresh();
}

int CodingSuggestionsPane::RowAt(const wxPoint& point) const
{
    if (m_rows.empty() || point.y < 0)
        return -1;
    const int row = point.y / RowHeight();
    return row < static_cast<int>(m_rows.size()) ? row : -1;
}

void CodingSuggestionsPane::OnMotion(wxMouseEvent& event)
{
    const int row = RowAt(event.GetPosition());
    if (row == m_hover)
        return;
    m_hover = row;
    if (m_onHover)
        m_onHover(row);
    SetCursor(row >= 0 ? wxCursor(wxCURSOR_HAND) : wxNullCursor);
    if (row >= 0)
        SetToolTip(wxString::Format(_("Click or press %d to apply %s %s with the current stance (score %.2f)"), row + 1,
                                    m_rows[static_cast<std::size_t>(row)].ref,
                                    m_rows[static_cast<std::size_t>(row)].title,
                                    m_rows[static_cast<std::size_t>(row)].score));
    else
        UnsetToolTip();
    Refresh();
}

void CodingSuggestionsPane::OnPaint(wxPaintEvent&)
{
    wxAutoBufferedPaintDC dc(this);
    const wxColour background = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW);
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    dc.SetBackground(background);
    dc.Clear();
    const wxSize size = GetClientSize();
    const int pad = FromDIP(8);
    if (m_rows.empty()) {
        dc.SetFont(GetFont().Italic());
        dc.SetTextForeground(grey);
        // Wrapped by hand: a message may be a long sentence in a narrow pane.
        wxString line, all = m_message;
        int y = pad;
        wxArrayString words = wxSplit(all, ' ', 0);
        for (const auto& word : words) {
            const wxString candidate = line.empty() ? word : line + " " + word;
            if (dc.GetTextExtent(candidate).GetWidth() > size.GetWidth() - 2 * pad && !line.empty()) {
                dc.DrawText(line, pad, y);
                y += dc.GetCharHeight() + FromDIP(2);
                line = word;
            } else {
                line = candidate;
            }
        }
        if (!line.empty())
            dc.DrawText(line, pad, y);
        return;
    }
    double best = 0;
    for (const auto& row : m_rows)
        best = std::max(best, row.score);
    const int height = RowHeight();
    const int badge = GetCharHeight() + FromDIP(6);
    const int barWidth = FromDIP(64);
    const wxFont normal = GetFont();
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const SuggestionRow& row = m_rows[i];
        const int top = static_cast<int>(i) * height;
        if (static_cast<int>(i) == m_hover) {
            dc.SetBrush(kHover);
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.DrawRectangle(0, top, size.GetWidth(), height);
        }
        // The key, as a keycap.
        const wxRect cap(pad, top + FromDIP(6), badge, badge);
        dc.SetPen(wxPen(row.applied ? grey : text, 1));
        dc.SetBrush(row.applied ? background : wxColour(0xF3, 0xF3, 0xF3));
        dc.DrawRoundedRectangle(cap, FromDIP(3));
        dc.SetFont(normal.Bold());
        dc.SetTextForeground(row.applied ? grey : text);
        dc.DrawLabel(wxString::Format("%zu", i + 1), cap, wxALIGN_CENTRE);

        const int left = cap.GetRight() + pad;
        const int right = size.GetWidth() - pad - barWidth - pad;
        // Line 1: reference in bold, then the title, cut to fit before the bar.
        dc.SetFont(normal.Bold());
        const wxString ref = row.ref + " ";
        dc.DrawText(ref, left, top + FromDIP(6));
        const int refWidth = dc.GetTextExtent(ref).GetWidth();
        dc.SetFont(normal);
        wxString title = row.title;
        if (row.applied)
            title = wxString::FromUTF8("✓ ") + title;
        const int room = std::max(0, right - left - refWidth);
        while (!title.empty() && dc.GetTextExtent(title).GetWidth() > room)
            title = title.Left(title.length() > 2 ? title.length() - 2 : 0) + wxString::FromUTF8("…");
        dc.DrawText(title, left + refWidth, top + FromDIP(6));
        // The score bar, relative to the best of the list.
        const int barTop = top + FromDIP(6) + GetCharHeight() / 2 - FromDIP(4);
        const wxRect track(size.GetWidth() - pad - barWidth, barTop, barWidth, FromDIP(8));
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.SetBrush(kBarTrack);
        dc.DrawRoundedRectangle(track, FromDIP(3));
        const int filled = best > 0 ? static_cast<int>(barWidth * std::clamp(row.score / best, 0.05, 1.0)) : 0;
        dc.SetBrush(row.applied ? grey : kBar);
        dc.DrawRoundedRectangle(wxRect(track.GetLeft(), barTop, filled, FromDIP(8)), FromDIP(3));
        // Line 2: why, in grey.
        dc.SetFont(normal.Smaller());
        dc.SetTextForeground(grey);
        wxString why = row.words.empty() ? wxString() : Because(row.words);
        const int whyRoom = size.GetWidth() - left - pad;
        while (!why.empty() && dc.GetTextExtent(why).GetWidth() > whyRoom)
            why = why.Left(why.length() > 2 ? why.length() - 2 : 0) + wxString::FromUTF8("…");
        dc.DrawText(why, left, top + FromDIP(8) + GetCharHeight());
    }
}

} // namespace concerto
