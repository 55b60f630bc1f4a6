#include "app/coding_item_pane.h"

#include "app/coding_keys.h"
#include "app/contribution_text.h"
#include "app/localization.h"
#include "core/text.h"
#include "dialogs/domain_labels.h"

#include <cwctype>
#include <set>
#include <wx/button.h>
#include <wx/dcbuffer.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tglbtn.h>
#include <wx/wrapsizer.h>

namespace concerto {

namespace {

const wxString kSeparator = wxString::FromUTF8("  ·  ");
const wxColour kSearchMark(0xFC, 0xE9, 0x4F);     // Tango butter, as in the contributions area
const wxColour kSuggestionMark(0xDC, 0xE8, 0xF6); // pale sky blue, the suggestions' colour
const wxColour kChip(0xEA, 0xF0, 0xF8);
const wxColour kChipBorder(0xB4, 0xC7, 0xE7);
// A pause in typing this long saves the note.
constexpr int kNotePauseMs = 1500;

/// A small rounded label; with `onRemove`, a ✕ at its right end removes what it stands for
/// (click, or Delete / Space when it has the keyboard).
class Chip : public wxWindow {
public:
    Chip(wxWindow* parent, const wxString& text, const wxColour& fill, const wxColour& ink,
         std::function<void()> onRemove = {})
        : wxWindow(parent, wxID_ANY), m_text(text), m_fill(fill), m_ink(ink), m_onRemove(std::move(onRemove))
    {
        SetBackgroundStyle(wxBG_STYLE_PAINT);
        Bind(wxEVT_PAINT, [this](wxPaintEvent&) { Paint(); });
        if (!m_onRemove)
            return;
        SetCursor(wxCursor(wxCURSOR_HAND));
        Bind(wxEVT_LEFT_UP, [this](wxMouseEvent& event) {
            if (event.GetX() >= GetClientSize().GetWidth() - CrossWidth())
                m_onRemove();
        });
        Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& event) {
            const int key = event.GetKeyCode();
            if (key == WXK_DELETE || key == WXK_BACK || key == WXK_SPACE)
                m_onRemove();
            else
                event.Skip();
        });
        for (auto type : {wxEVT_SET_FOCUS, wxEVT_KILL_FOCUS})
            Bind(type, [this](wxFocusEvent& event) {
                event.Skip();
                Refresh();
            });
    }
    bool AcceptsFocus() const override { return static_cast<bool>(m_onRemove); }

protected:
    wxSize DoGetBestClientSize() const override
    {
        wxClientDC dc(const_cast<Chip*>(this));
        dc.SetFont(GetFont());
        const wxSize text = dc.GetTextExtent(m_text);
        return wxSize(text.GetWidth() + 2 * FromDIP(9) + (m_onRemove ? CrossWidth() : 0),
                      text.GetHeight() + FromDIP(6));
    }

private:
    int CrossWidth() const { return FromDIP(18); }
    void Paint()
    {
        wxAutoBufferedPaintDC dc(this);
        dc.SetBackground(GetParent()->GetBackgroundColour());
        dc.Clear();
        const wxSize size = GetClientSize();
        if (size.GetWidth() < 4 || size.GetHeight() < 4)
            return;
        dc.SetBrush(m_fill);
        dc.SetPen(HasFocus() ? wxPen(wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHT), 2)
                             : wxPen(m_fill == kChip ? kChipBorder : m_fill));
        dc.DrawRoundedRectangle(wxRect(size).Deflate(1), size.GetHeight() / 2 - 1);
        dc.SetFont(GetFont());
        dc.SetTextForeground(m_ink);
        const int textHeight = dc.GetCharHeight();
        dc.DrawText(m_text, FromDIP(9), (size.GetHeight() - textHeight) / 2);
        if (m_onRemove)
            dc.DrawText(wxString::FromUTF8("✕"), size.GetWidth() - CrossWidth() + FromDIP(2),
                        (size.GetHeight() - textHeight) / 2);
    }

    wxString m_text;
    wxColour m_fill, m_ink;
    std::function<void()> m_onRemove;
};

wxStaticText* SectionLabel(wxWindow* parent, const wxString& text)
{
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->SetFont(label->GetFont().Bold());
    return label;
}

/// The [start, end) ranges of the words of `text` equal, once folded, to one of `folded`.
std::vector<std::pair<long, long>> ExactWords(const wxString& text, const std::set<std::string>& folded)
{
    std::vector<std::pair<long, long>> ranges;
    if (folded.empty())
        return ranges;
    const long length = static_cast<long>(text.length());
    long start = -1;
    for (long i = 0; i <= length; ++i) {
        const bool inWord = i < length && std::iswalnum(static_cast<wint_t>(text[i].GetValue())) != 0;
        if (inWord && start < 0)
            start = i;
        if (inWord || start < 0)
            continue;
        if (folded.count(Fold(text.Mid(start, i - start).utf8_string())))
            ranges.emplace_back(start, i);
        start = -1;
    }
    return ranges;
}

} // namespace

CodingItemPane::CodingItemPane(wxWindow* parent, CodingItemCallbacks callbacks)
    : wxPanel(parent), m_callbacks(std::move(callbacks)), m_noteTimer(this)
{
    SetName("coding-item");
    BuildLayout();
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { FlushNote(); });
}

void CodingItemPane::BuildLayout()
{
    // The text sits on a white sheet with wide margins, like a page: it is what the coder reads
    // all day.
    auto* sheet = new wxPanel(this);
    m_body = new wxTextCtrl(sheet, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                            wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2 | wxTE_WORDWRAP | wxBORDER_NONE);
    m_body->SetName("coding-text");
    sheet->SetBackgroundColour(m_body->GetBackgroundColour());
    auto* sheetSizer = new wxBoxSizer(wxVERTICAL);
    sheetSizer->AddSpacer(FromDIP(18));
    sheetSizer->Add(m_body, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(28)));
    sheet->SetSizer(sheetSizer);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(sheet, wxSizerFlags(1).Expand());
    sizer->Add(new wxStaticLine(this), wxSizerFlags().Expand());
    sizer->Add(BuildCodingArea(this), wxSizerFlags().Expand());
    SetSizer(sizer);
}

wxWindow* CodingItemPane::BuildCodingArea(wxWindow* parent)
{
    m_codingArea = new wxPanel(parent);
    const int gap = FromDIP(8), margin = FromDIP(16);

    m_tagsPanel = new wxPanel(m_codingArea);
    m_tagsSizer = new wxBoxSizer(wxVERTICAL);
    m_tagsPanel->SetSizer(m_tagsSizer);

    m_labelsPanel = new wxPanel(m_codingArea);
    m_labelsSizer = new wxWrapSizer(wxHORIZONTAL);
    m_labelsPanel->SetSizer(m_labelsSizer);

    m_quote = new wxToggleButton(m_codingArea, wxID_ANY, wxString::FromUTF8("★ ") + _("Quote (M)"));
    m_quote->SetToolTip(_("A verbatim quote fit for the deliverable (M)"));
    m_review = new wxToggleButton(m_codingArea, wxID_ANY, wxString::FromUTF8("⚑ ") + _("To review (R)"));
    m_review->SetToolTip(_("Set aside for a second look by the team (R)"));
    m_excluded = new wxToggleButton(m_codingArea, wxID_ANY, wxString::FromUTF8("⊘ ") + _("Off-topic (X)"));
    m_excluded->SetToolTip(_("Exclude from the analysis, with a reason (X)"));
    m_reason =
        new wxStaticText(m_codingArea, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    m_reason->SetForegroundColour(StanceColour(Stance::Criticism));
    auto toggle = [this](wxToggleButton* button, std::function<void()>& action) {
        button->Bind(wxEVT_TOGGLEBUTTON, [button, &action](wxCommandEvent&) {
            button->SetValue(!button->GetValue()); // the item shown after the action says what holds
            if (action)
                action();
        });
    };
    toggle(m_quote, m_callbacks.toggleQuote);
    toggle(m_review, m_callbacks.toggleReview);
    toggle(m_excluded, m_callbacks.exclude);

    m_note = new wxTextCtrl(m_codingArea, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, FromDIP(52)),
                            wxTE_MULTILINE | wxTE_WORDWRAP);
    m_note->SetName("coding-note");
    m_note->SetToolTip(_("The team's note on this contribution (N); saved when you leave the field or pause typing. "
                         "Escape goes back to the text."));
    m_note->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (m_note->GetValue() != m_savedNote)
            m_noteTimer.StartOnce(kNotePauseMs);
    });
    m_note->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& event) {
        event.Skip();
        FlushNote();
    });

    auto* grid = new wxFlexGridSizer(2, wxSize(FromDIP(14), gap));
    grid->AddGrowableCol(1, 1);
    grid->Add(SectionLabel(m_codingArea, _("Coded as")), wxSizerFlags().Top().Border(wxTOP, FromDIP(4)));
    grid->Add(m_tagsPanel, wxSizerFlags().Expand());
    grid->Add(SectionLabel(m_codingArea, _("Labels")), wxSizerFlags().CenterVertical());
    grid->Add(m_labelsPanel, wxSizerFlags().Expand());
    grid->Add(SectionLabel(m_codingArea, _("Flags")), wxSizerFlags().CenterVertical());
    auto* flags = new wxBoxSizer(wxHORIZONTAL);
    for (wxWindow* button :
         {static_cast<wxWindow*>(m_quote), static_cast<wxWindow*>(m_review), static_cast<wxWindow*>(m_excluded)})
        flags->Add(button, wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
    flags->Add(m_reason, wxSizerFlags(1).CenterVertical());
    grid->Add(flags, wxSizerFlags().Expand());
    grid->Add(SectionLabel(m_codingArea, _("Note (N)")), wxSizerFlags().Top().Border(wxTOP, FromDIP(4)));
    grid->Add(m_note, wxSizerFlags().Expand());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->AddSpacer(FromDIP(10));
    sizer->Add(grid, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, margin));
    sizer->AddSpacer(FromDIP(10));
    m_codingArea->SetSizer(sizer);
    return m_codingArea;
}

void CodingItemPane::Append(const wxString& text, const wxTextAttr& style)
{
    const long start = m_body->GetLastPosition();
    m_body->AppendText(text);
    m_body->SetStyle(start, m_body->GetLastPosition(), style);
}

void CodingItemPane::FillDocument(const CodingItem& item)
{
    const Contribution& c = item.contribution;
    const wxFont base = m_body->GetFont();
    wxTextAttr heading, context, title, body;
    heading.SetFont(base.Bold().Scaled(1.15f));
    context.SetFont(base);
    context.SetTextColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    title.SetFont(base.Bold().Scaled(1.45f));
    body.SetFont(base.Scaled(1.4f));
    body.SetTextColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));

    m_body->Freeze();
    m_body->Clear();
    Append(wxString::Format(_("Contribution no. %s"), FormatCount(item.seq)) + "\n", heading);
    wxString where = wxString::Format(_("Received on %s"), FormatReceivedDay(c.receivedAt));
    if (!item.channel.empty())
        where += kSeparator + wxString::FromUTF8(item.channel);
    if (!item.meeting.empty())
        where += kSeparator + wxString::Format(_("Meeting: %s"), wxString::FromUTF8(item.meeting));
    where += kSeparator +
             (item.neighbourhood.empty() ? _("Neighbourhood not known") : wxString::FromUTF8(item.neighbourhood));
    if (!item.card.empty())
        where += kSeparator + wxString::Format(_("Card: %s"), wxString::FromUTF8(item.card));
    wxString who = wxString::FromUTF8(c.profile);
    if (!c.ageBracket.empty())
        who += (who.empty() ? "" : ", ") + wxString::FromUTF8(c.ageBracket);
    if (!who.empty())
        where += kSeparator + who;
    if (!c.sourceRef.empty())
        where += kSeparator + wxString::Format(_("Ref. %s"), wxString::FromUTF8(c.sourceRef));
    Append(where + "\n\n", context);
    if (!c.title.empty())
        Append(wxString::FromUTF8(c.title) + "\n", title);
    m_bodyText = wxString::FromUTF8(c.body);
    m_bodyStart = m_body->GetLastPosition();
    Append(m_bodyText, body);
    m_bodyEnd = m_body->GetLastPosition();
    ApplyHighlights();
    m_body->SetInsertionPoint(0);
    m_body->ShowPosition(0);
    m_body->Thaw();
}

void CodingItemPane::SetHighlights(const std::vector<std::string>& stems, const std::vector<wxString>& suggestionWords)
{
    if (stems == m_stems && suggestionWords == m_suggestionWords)
        return;
    m_stems = stems;
    m_suggestionWords = suggestionWords;
    if (m_shownId.empty())
        return;
    m_body->Freeze();
    wxTextAttr plain;
    plain.SetBackgroundColour(m_body->GetBackgroundColour());
    m_body->SetStyle(m_bodyStart, m_bodyEnd, plain);
    ApplyHighlights();
    m_body->Thaw();
}

void CodingItemPane::ApplyHighlights()
{
    std::set<std::string> folded;
    for (const auto& word : m_suggestionWords)
        folded.insert(Fold(word.utf8_string()));
    wxTextAttr suggestion, search;
    suggestion.SetBackgroundColour(kSuggestionMark);
    search.SetBackgroundColour(kSearchMark);
    for (const auto& [start, end] : ExactWords(m_bodyText, folded))
        m_body->SetStyle(m_bodyStart + start, m_bodyStart + end, suggestion);
    for (const auto& [start, end] : MatchedWords(m_bodyText, m_stems))
        m_body->SetStyle(m_bodyStart + start, m_bodyStart + end, search);
}

void CodingItemPane::FillTags(const CodingItem& item, bool blind)
{
    m_tagsPanel->Freeze();
    m_tagsSizer->Clear(true);
    m_tagLines.clear();
    if (item.tags.empty()) {
        auto* none = new wxStaticText(m_tagsPanel, wxID_ANY,
                                      blind ? _("Nothing yet: / finds a commitment, Enter applies it.")
                                            : _("Nothing yet: 1 to 5 take a suggestion, / finds a commitment."),
                                      wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
        none->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        none->SetFont(none->GetFont().Italic());
        m_tagsSizer->Add(none, wxSizerFlags().Expand().Border(wxTOP, FromDIP(4)));
    }
    for (const CodingTag& tag : item.tags) {
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        row->Add(new Chip(m_tagsPanel, StanceName(tag.stance), StanceColour(tag.stance), *wxWHITE),
                 wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(8)));
        wxString what = tag.commitmentId.empty() ? wxString::Format(_("Theme: %s"), wxString::FromUTF8(tag.themeTitle))
                                                 : wxString::FromUTF8(tag.commitmentRef + " " + tag.commitmentTitle);
        auto* text =
            new wxStaticText(m_tagsPanel, wxID_ANY, what, wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
        row->Add(text, wxSizerFlags(1).CenterVertical());
        if (!tag.coder.empty()) {
            auto* coder = new wxStaticText(m_tagsPanel, wxID_ANY, wxString::FromUTF8(tag.coder));
            coder->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
            row->Add(coder, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(8)));
        }
        auto* remove = new wxButton(m_tagsPanel, wxID_ANY, wxString::FromUTF8("✕"), wxDefaultPosition, wxDefaultSize,
                                    wxBU_EXACTFIT | wxBORDER_NONE);
        remove->SetToolTip(_("Remove this tag (Ctrl+Z puts it back)"));
        const std::string tagId = tag.id;
        remove->Bind(wxEVT_BUTTON, [this, tagId](wxCommandEvent&) {
            if (m_callbacks.removeTag)
                m_callbacks.removeTag(tagId);
        });
        row->Add(remove, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(4)));
        m_tagsSizer->Add(row, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(2)));
        m_tagLines.push_back(StanceName(tag.stance) + wxString::FromUTF8(" — ") + what +
                             (tag.coder.empty() ? wxString() : " (" + wxString::FromUTF8(tag.coder) + ")"));
    }
    m_tagsPanel->Thaw();
}

void CodingItemPane::FillLabels(const CodingItem& item, bool blind)
{
    m_labelsPanel->Freeze();
    m_labelsSizer->Clear(true);
    for (const Label& label : item.labels) {
        const std::string labelId = label.id;
        std::function<void()> remove;
        if (!blind)
            remove = [this, labelId] {
                if (m_callbacks.removeLabel)
                    m_callbacks.removeLabel(labelId);
            };
        auto* chip = new Chip(m_labelsPanel, wxString::FromUTF8(label.name), kChip,
                              wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT), remove);
        chip->SetToolTip(_("Click the ✕, or press Delete on it, to take the label off"));
        m_labelsSizer->Add(chip, wxSizerFlags().CenterVertical().Border(wxRIGHT | wxBOTTOM, FromDIP(4)));
    }
    auto* add =
        new wxButton(m_labelsPanel, wxID_ANY, _("+ Label (L)"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    add->SetToolTip(_("Attach a free label for a subject the programme does not cover; new labels are created"));
    add->Enable(!blind);
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_callbacks.addLabel)
            m_callbacks.addLabel();
    });
    m_labelsSizer->Add(add, wxSizerFlags().CenterVertical().Border(wxBOTTOM, FromDIP(4)));
    m_labelsPanel->Thaw();
}

void CodingItemPane::FillFlags(const CodingItem& item, bool blind)
{
    const Contribution& c = item.contribution;
    // A flag that is set reads at a glance: pressed, bold and in its colour.
    auto show = [this](wxToggleButton* button, bool on, const wxColour& colour) {
        button->SetValue(on);
        button->SetFont(on ? GetFont().Bold() : GetFont());
        button->SetForegroundColour(on ? colour : wxSystemSettings::GetColour(wxSYS_COLOUR_BTNTEXT));
    };
    show(m_quote, c.isQuote, wxColour(0xCE, 0x5C, 0x00));
    show(m_review, c.state == ContributionState::ToReview, wxColour(0x20, 0x4A, 0x87));
    show(m_excluded, c.state == ContributionState::Excluded, StanceColour(Stance::Criticism));
    m_reason->SetLabel(c.state == ContributionState::Excluded && !c.exclusionReason.empty()
                           ? wxString::Format(_("Reason: %s"), wxString::FromUTF8(c.exclusionReason))
                           : wxString());
    // A blind pass codes tags only: flags, labels and notes are the team's final record.
    for (wxWindow* control : {static_cast<wxWindow*>(m_quote), static_cast<wxWindow*>(m_review),
                              static_cast<wxWindow*>(m_excluded), static_cast<wxWindow*>(m_note)})
        control->Enable(!blind);
}

void CodingItemPane::ShowItem(const CodingItem& item, bool blind, bool keepNote)
{
    const bool another = item.contribution.id != m_shownId;
    if (another)
        FlushNote();
    m_blind = blind;
    m_shownId = item.contribution.id;
    Freeze();
    FillDocument(item);
    FillTags(item, blind);
    FillLabels(item, blind);
    FillFlags(item, blind);
    const bool editing = keepNote && !another && m_note->GetValue() != m_savedNote;
    if (!editing) {
        m_noteTimer.Stop();
        m_noteFor = item.contribution.id;
        m_savedNote = wxString::FromUTF8(item.contribution.notes);
        m_note->ChangeValue(m_savedNote);
    }
    m_codingArea->Layout();
    Layout();
    Thaw();
}

void CodingItemPane::ShowLoading()
{
    FlushNote();
    m_body->Freeze();
    m_body->Clear();
    wxTextAttr grey;
    grey.SetTextColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    Append(wxString::FromUTF8("…"), grey);
    m_body->Thaw();
}

void CodingItemPane::FlushNote()
{
    m_noteTimer.Stop();
    if (m_noteFor.empty() || m_note->GetValue() == m_savedNote || !m_callbacks.saveNote)
        return;
    m_callbacks.saveNote(m_noteFor, m_note->GetValue(), m_savedNote);
}

void CodingItemPane::NoteSaved(const wxString& text)
{
    m_savedNote = text;
    if (m_note->GetValue() != text)
        m_note->ChangeValue(text);
}

void CodingItemPane::FocusText()
{
    m_body->SetFocus();
}

void CodingItemPane::FocusNote()
{
    if (!m_note->IsEnabled())
        return;
    m_note->SetFocus();
    m_note->SetInsertionPointEnd();
}

wxString CodingItemPane::DocumentText() const
{
    return m_body->GetValue();
}

} // namespace concerto
