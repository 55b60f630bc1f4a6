#include "dialogs/reorientation_pickers.h"

#include "core/text.h"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

// ---- Commitments ------------------------------------------------------------------------------

CommitmentPickerDialog::CommitmentPickerDialog(wxWindow* parent, const std::vector<Theme>& themes,
                                               const std::vector<Commitment>& commitments,
                                               const std::set<std::string>& alreadyLinked)
    : StandardDialog(parent, _("Link commitments"), wxOK | wxCANCEL, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_themes(themes), m_commitments(commitments)
{
    for (const auto& commitment : m_commitments)
        if (!alreadyLinked.count(commitment.id))
            m_offered.push_back(&commitment);

    auto* grid = AddFieldGrid();
    m_theme = new wxChoice(this, wxID_ANY);
    m_theme->SetName("theme");
    m_theme->Append(_("Every theme"));
    for (const auto& theme : m_themes)
        m_theme->Append(wxString::FromUTF8(theme.title));
    m_theme->SetSelection(0);
    AddField(grid, _("Theme:"), m_theme);
    m_filter = new wxTextCtrl(this, wxID_ANY);
    m_filter->SetName("filter");
    m_filter->SetHint(_("reference or words of the title"));
    AddField(grid, _("Filter:"), m_filter);

    m_list = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(560, 320)));
    m_list->SetName("commitments");
    ContentSizer()->Add(m_list, wxSizerFlags(1).Expand().Border(wxTOP, SmallGap()));
    auto* hint = new wxStaticText(this, wxID_ANY,
                                  _("Check the commitments the point changes; the kind of change is chosen line by "
                                    "line in the editor."));
    hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    hint->Wrap(FromDIP(560));
    ContentSizer()->Add(hint, wxSizerFlags().Border(wxTOP, SmallGap()));

    m_theme->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Refill(); });
    m_filter->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { Refill(); });
    m_list->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent& event) {
        const unsigned item = static_cast<unsigned>(event.GetInt());
        if (item < m_shown.size()) {
            if (m_list->IsChecked(item))
                m_checked.insert(m_shown[item]->id);
            else
                m_checked.erase(m_shown[item]->id);
        }
    });
    SetAffirmativeLabel(_("Link"));
    FinishLayout();
    SetMinSize(GetSize());
    Refill();
    m_filter->SetFocus();
}

void CommitmentPickerDialog::Refill()
{
    const int theme = m_theme->GetSelection();
    const std::string themeId = theme > 0 ? m_themes[static_cast<std::size_t>(theme - 1)].id : std::string();
    const std::string words = Fold(wxString(m_filter->GetValue()).Trim(true).Trim(false).utf8_string());
    m_shown.clear();
    for (const Commitment* commitment : m_offered) {
        if (!themeId.empty() && commitment->themeId != themeId)
            continue;
        if (!words.empty() && Fold(commitment->ref + " " + commitment->title).find(words) == std::string::npos)
            continue;
        m_shown.push_back(commitment);
    }
    m_list->Freeze();
    m_list->Clear();
    for (std::size_t i = 0; i < m_shown.size(); ++i) {
        m_list->Append(wxString::FromUTF8(m_shown[i]->ref + " — " + m_shown[i]->title));
        if (m_checked.count(m_shown[i]->id))
            m_list->Check(static_cast<unsigned>(i));
    }
    m_list->Thaw();
}

std::vector<std::string> CommitmentPickerDialog::Chosen() const
{
    std::vector<std::string> ids;
    for (const Commitment* commitment : m_offered)
        if (m_checked.count(commitment->id))
            ids.push_back(commitment->id);
    return ids;
}

bool CommitmentPickerDialog::Check(const std::string& commitmentId)
{
    for (const Commitment* commitment : m_offered)
        if (commitment->id == commitmentId) {
            m_checked.insert(commitmentId);
            Refill();
            return true;
        }
    return false;
}

// ---- Evidence ---------------------------------------------------------------------------------

EvidencePickerDialog::EvidencePickerDialog(wxWindow* parent, ReorientationDialog::EvidenceSource source,
                                           const EvidenceQuery& query, const std::set<std::string>& alreadyLinked)
    : StandardDialog(parent, _("Add evidence"), wxOK | wxCANCEL, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_source(std::move(source)), m_linksQuery(query), m_alreadyLinked(alreadyLinked)
{
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("Search:")), wxSizerFlags().CenterVertical());
    m_words = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    m_words->SetName("words");
    m_words->SetHint(_("words of the contributions (Enter)"));
    row->Add(m_words, wxSizerFlags(1).CenterVertical().Border(wxLEFT, SmallGap()));
    auto* search = new wxButton(this, wxID_ANY, _("&Search"));
    row->Add(search, wxSizerFlags().CenterVertical().Border(wxLEFT, SmallGap()));
    auto* linked = new wxButton(this, wxID_ANY, _("Behind the &links"));
    linked->SetToolTip(_("The contributions behind the point's topics and commitments"));
    row->Add(linked, wxSizerFlags().CenterVertical().Border(wxLEFT, SmallGap()));
    ContentSizer()->Add(row, WideFlags());

    m_status = new wxStaticText(this, wxID_ANY, wxString());
    m_status->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    ContentSizer()->Add(m_status, WideFlags().Border(wxTOP, SmallGap()));

    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(820, 260)), wxLC_REPORT);
    m_list->SetName("candidates");
    m_list->AppendColumn(_("No."), wxLIST_FORMAT_RIGHT, FromDIP(60));
    m_list->AppendColumn(_("Channel"), wxLIST_FORMAT_LEFT, FromDIP(140));
    m_list->AppendColumn(_("Neighbourhood"), wxLIST_FORMAT_LEFT, FromDIP(150));
    m_list->AppendColumn(_("Excerpt"), wxLIST_FORMAT_LEFT, FromDIP(450));
    ContentSizer()->Add(m_list, wxSizerFlags(2).Expand().Border(wxTOP, SmallGap()));
    m_text = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(-1, 100)),
                            wxTE_MULTILINE | wxTE_READONLY);
    m_text->SetName("full-text");
    ContentSizer()->Add(m_text, wxSizerFlags(1).Expand().Border(wxTOP, SmallGap()));

    auto searchWords = [this] {
        EvidenceQuery words;
        words.words = wxString(m_words->GetValue()).Trim(true).Trim(false).utf8_string();
        if (!words.words.empty())
            Ask(words);
    };
    m_words->Bind(wxEVT_TEXT_ENTER, [searchWords](wxCommandEvent&) { searchWords(); });
    search->Bind(wxEVT_BUTTON, [searchWords](wxCommandEvent&) { searchWords(); });
    linked->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Ask(m_linksQuery); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { ShowFullText(); });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { EndModal(wxID_OK); });

    SetAffirmativeLabel(_("Add"));
    FinishLayout();
    SetMinSize(GetSize());
    Ask(m_linksQuery);
    m_words->SetFocus();
}

void EvidencePickerDialog::Ask(const EvidenceQuery& query)
{
    if (query.words.empty() && query.topicIds.empty() && query.commitmentIds.empty()) {
        ShowCandidates({}, _("The point has no topic or commitment yet: search by words."));
        return;
    }
    m_status->SetLabel(_("Looking for contributions…"));
    const int asked = ++m_asked;
    std::weak_ptr<int> alive = m_alive;
    const bool byWords = !query.words.empty();
    m_source(query, [this, alive, asked, byWords](std::vector<EvidenceItem> items) {
        if (!alive.lock() || asked != m_asked)
            return;
        const int count = static_cast<int>(items.size());
        ShowCandidates(items, count == 0 ? (byWords ? _("No contribution contains these words.")
                                                    : _("No contribution behind the point's topics and commitments."))
                              : byWords
                                  ? wxString::Format(wxPLURAL("%d contribution contains these words.",
                                                              "%d contributions contain these words.", count),
                                                     count)
                                  : wxString::Format(wxPLURAL("%d contribution behind the point's links.",
                                                              "%d contributions behind the point's links.", count),
                                                     count));
    });
}

void EvidencePickerDialog::ShowCandidates(const std::vector<EvidenceItem>& items, const wxString& status)
{
    m_items.clear();
    for (const auto& item : items)
        if (!m_alreadyLinked.count(item.contributionId))
            m_items.push_back(item);
    m_list->Freeze();
    m_list->DeleteAllItems();
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        const EvidenceItem& line = m_items[i];
        const long item = m_list->InsertItem(static_cast<long>(i), wxString::Format("%lld", line.seq));
        m_list->SetItem(item, 1, wxString::FromUTF8(line.channel));
        m_list->SetItem(item, 2, wxString::FromUTF8(line.neighbourhood));
        m_list->SetItem(item, 3, EvidenceExcerptText(line));
    }
    m_list->Thaw();
    m_text->Clear();
    m_status->SetLabel(status);
}

int EvidencePickerDialog::CandidateCount() const
{
    return m_list->GetItemCount();
}

void EvidencePickerDialog::ShowFullText()
{
    const long item = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_FOCUSED);
    if (item < 0 || static_cast<std::size_t>(item) >= m_items.size())
        return;
    // The excerpt is what the list holds: the picker shows it whole, wrapped.
    const EvidenceItem& line = m_items[static_cast<std::size_t>(item)];
    m_text->ChangeValue(wxString::FromUTF8(line.title.empty() ? line.excerpt : line.title + "\n\n" + line.excerpt));
}

std::vector<EvidenceItem> EvidencePickerDialog::Chosen() const
{
    std::vector<EvidenceItem> chosen;
    for (long item = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); item >= 0;
         item = m_list->GetNextItem(item, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED))
        chosen.push_back(m_items[static_cast<std::size_t>(item)]);
    return chosen;
}

} // namespace concerto
