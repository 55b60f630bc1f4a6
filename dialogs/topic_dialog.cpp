#include "dialogs/topic_dialog.h"

#include "core/text.h"
#include "dialogs/form_fields.h"

#include <algorithm>
#include <set>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/datetime.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

/// A checklist narrowed by a search box (and, for commitments, by a group such as a theme).
/// What is checked is kept by id, so that narrowing the list never loses a choice.
class TopicChecklist {
public:
    struct Item {
        std::string id, group;
        wxString text;
        std::string folded; ///< what the filter compares with
    };

    TopicChecklist(wxWindow* parent, std::vector<Item> items, const wxString& hint, const wxSize& size)
        : m_items(std::move(items))
    {
        m_search = new wxSearchCtrl(parent, wxID_ANY);
        m_search->SetDescriptiveText(hint);
        m_search->ShowCancelButton(true);
        m_list = new wxCheckListBox(parent, wxID_ANY, wxDefaultPosition, size);
        m_search->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { Refill(); });
        m_search->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) { m_search->Clear(); });
        m_list->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent& event) {
            const int item = event.GetInt();
            if (item < 0 || static_cast<std::size_t>(item) >= m_shown.size())
                return;
            SetChecked(m_items[m_shown[item]].id, m_list->IsChecked(item));
            if (m_onChange)
                m_onChange(m_items[m_shown[item]].id, m_list->IsChecked(item));
        });
        Refill();
    }

    wxSearchCtrl* Search() const { return m_search; }
    wxCheckListBox* List() const { return m_list; }
    /// Called after the user checks or unchecks an item.
    void OnChange(std::function<void(const std::string&, bool)> handler) { m_onChange = std::move(handler); }

    void SetGroup(const std::string& group)
    {
        m_group = group;
        Refill();
    }

    bool Offers(const std::string& id) const
    {
        return std::any_of(m_items.begin(), m_items.end(), [&](const Item& item) { return item.id == id; });
    }

    /// Checks `id`; false when it is not offered.
    bool SetChecked(const std::string& id, bool checked)
    {
        if (!Offers(id))
            return false;
        if (checked)
            m_checked.insert(id);
        else
            m_checked.erase(id);
        for (std::size_t i = 0; i < m_shown.size(); ++i)
            if (m_items[m_shown[i]].id == id && m_list->IsChecked(static_cast<unsigned>(i)) != checked)
                m_list->Check(static_cast<unsigned>(i), checked);
        return true;
    }

    void SetCheckedIds(const std::vector<std::string>& ids)
    {
        m_checked.clear();
        for (const auto& id : ids)
            if (Offers(id))
                m_checked.insert(id);
        Refill();
    }

    /// The checked ids, in the order of the items.
    std::vector<std::string> CheckedIds() const
    {
        std::vector<std::string> ids;
        for (const auto& item : m_items)
            if (m_checked.count(item.id))
                ids.push_back(item.id);
        return ids;
    }

    unsigned ShownCount() const { return static_cast<unsigned>(m_shown.size()); }

    void Refill()
    {
        const std::string wanted = Fold(m_search->GetValue().utf8_string());
        m_shown.clear();
        for (std::size_t i = 0; i < m_items.size(); ++i)
            if ((m_group.empty() || m_items[i].group == m_group) &&
                (wanted.empty() || m_items[i].folded.find(wanted) != std::string::npos))
                m_shown.push_back(i);
        m_list->Freeze();
        m_list->Clear();
        for (std::size_t index : m_shown) {
            const unsigned item = m_list->Append(m_items[index].text);
            m_list->Check(item, m_checked.count(m_items[index].id) > 0);
        }
        m_list->Thaw();
    }

private:
    std::vector<Item> m_items;
    std::vector<std::size_t> m_shown; ///< item indexes, in list order
    std::set<std::string> m_checked;
    std::string m_group;
    wxSearchCtrl* m_search = nullptr;
    wxCheckListBox* m_list = nullptr;
    std::function<void(const std::string&, bool)> m_onChange;
};

namespace {

wxString Trimmed(const wxTextCtrl* text)
{
    wxString value = text->GetValue();
    return value.Trim(true).Trim(false);
}

wxString AgoraText(const Meeting& agora)
{
    const wxString day = wxDateTime(static_cast<time_t>(agora.startsAt.seconds)).Format("%d/%m/%Y");
    // The list is of agoras: "Agora — Solidarités" is shown as "Solidarités".
    static const std::string lead = "Agora — ";
    const bool prefixed = agora.title.size() > lead.size() && agora.title.compare(0, lead.size(), lead) == 0;
    return day + L"  " + wxString::FromUTF8(prefixed ? agora.title.substr(lead.size()) : agora.title);
}

} // namespace

TopicDialog::TopicDialog(wxWindow* parent, const TopicChoices& choices, const TopicDraft& draft, Saver save)
    : StandardDialog(parent,
                     draft.topic.id.empty()
                         ? _("New salient topic")
                         : wxString::Format(_("Salient topic “%s”"), wxString::FromUTF8(draft.topic.title)),
                     wxOK | wxCANCEL, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_draft(draft), m_save(std::move(save))
{
    auto* grid = AddFieldGrid();
    m_title = new wxTextCtrl(this, wxID_ANY);
    m_title->SetName("title");
    m_title->SetHint(_("e.g. Cleanliness of the streets"));
    AddField(grid, _("Title:"), m_title);
    m_description = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, FromDIP(54)),
                                   wxTE_MULTILINE);
    m_description->SetName("description");
    grid->Add(new wxStaticText(this, wxID_ANY, _("Description:")), wxSizerFlags().Right().Top().Border(wxTOP, 4));
    grid->Add(m_description, wxSizerFlags(1).Expand());

    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    // Commitment titles are the longest: their column gets the most room.
    columns->Add(BuildLabels(choices), wxSizerFlags(2).Expand());
    columns->AddSpacer(LargeGap());
    columns->Add(BuildCommitments(choices), wxSizerFlags(3).Expand());
    columns->AddSpacer(LargeGap());
    columns->Add(BuildAgoras(choices), wxSizerFlags(2).Expand());
    ContentSizer()->Add(columns, wxSizerFlags(1).Expand().Border(wxTOP, LargeGap()));

    m_problem = NewProblemLine(this);
    m_problem->SetName("problem");
    m_problem->SetMinSize(wxDefaultSize);
    ContentSizer()->Add(m_problem, WideFlags().Border(wxTOP, SmallGap()));

    SetAffirmativeLabel(draft.topic.id.empty() ? _("Create") : _("Save"));
    FinishLayout();
    SetMinSize(GetSize());
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { Submit(); }, wxID_OK);
    TransferDataToWindow();
}

TopicDialog::~TopicDialog()
{
    delete m_labels;
    delete m_commitments;
}

wxStaticText* TopicDialog::ColumnHeading(const wxString& text)
{
    auto* heading = new wxStaticText(this, wxID_ANY, text);
    heading->SetFont(heading->GetFont().Bold());
    return heading;
}

wxSizer* TopicDialog::BuildLabels(const TopicChoices& choices)
{
    std::vector<TopicChecklist::Item> items;
    for (const auto& label : choices.labels)
        items.push_back({label.id, std::string(),
                         wxString::Format("%s (%lld)", wxString::FromUTF8(label.name), label.contributions),
                         Fold(label.name)});
    m_labels = new TopicChecklist(this, std::move(items), _("Filter the labels"), FromDIP(wxSize(240, 250)));
    m_labels->List()->SetName("labels");
    m_labels->Search()->SetName("label-filter");
    // A new topic is often named after the first label chosen: offer it as the title.
    m_labels->OnChange([this, labels = choices.labels](const std::string& id, bool checked) {
        if (!checked || !Trimmed(m_title).empty())
            return;
        for (const auto& label : labels)
            if (label.id == id)
                m_title->ChangeValue(wxString::FromUTF8(label.name));
    });

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(ColumnHeading(_("Labels from the coding")));
    auto* hint = new wxStaticText(this, wxID_ANY, _("Check several to merge them into this topic."));
    hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    column->Add(hint, wxSizerFlags().Border(wxBOTTOM, SmallGap()));
    column->Add(m_labels->Search(), wxSizerFlags().Expand().Border(wxBOTTOM, SmallGap()));
    column->Add(m_labels->List(), wxSizerFlags(1).Expand());
    return column;
}

wxSizer* TopicDialog::BuildCommitments(const TopicChoices& choices)
{
    std::vector<TopicChecklist::Item> items;
    for (const auto& commitment : choices.commitments) {
        std::string theme;
        for (const auto& t : choices.themes)
            if (t.id == commitment.themeId)
                theme = t.title;
        items.push_back({commitment.id, commitment.themeId,
                         wxString::FromUTF8(commitment.ref + "  " + commitment.title),
                         Fold(commitment.ref + " " + commitment.title + " " + theme)});
    }
    m_commitments =
        new TopicChecklist(this, std::move(items), _("Filter the commitments"), FromDIP(wxSize(420, 250)));
    m_commitments->List()->SetName("commitments");
    m_commitments->Search()->SetName("commitment-filter");

    m_theme = new wxChoice(this, wxID_ANY);
    m_theme->SetName("theme");
    m_theme->Append(_("Every theme"));
    for (const auto& theme : choices.themes) {
        m_theme->Append(wxString::FromUTF8(theme.code.empty() ? theme.title : theme.code + " " + theme.title));
        m_themeIds.push_back(theme.id);
    }
    m_theme->SetSelection(0);
    m_theme->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int selection = m_theme->GetSelection();
        m_commitments->SetGroup(selection > 0 ? m_themeIds[selection - 1] : std::string());
    });

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(ColumnHeading(_("Programme commitments")));
    auto* hint = new wxStaticText(this, wxID_ANY, _("Their tagged contributions count as evidence."));
    hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    column->Add(hint, wxSizerFlags().Border(wxBOTTOM, SmallGap()));
    column->Add(m_theme, wxSizerFlags().Expand().Border(wxBOTTOM, SmallGap()));
    column->Add(m_commitments->Search(), wxSizerFlags().Expand().Border(wxBOTTOM, SmallGap()));
    column->Add(m_commitments->List(), wxSizerFlags(1).Expand());
    return column;
}

wxSizer* TopicDialog::BuildAgoras(const TopicChoices& choices)
{
    m_agoras = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(260, 110)));
    m_agoras->SetName("agoras");
    for (const auto& agora : choices.agoras) {
        m_agoras->Append(AgoraText(agora));
        m_agoraIds.push_back(agora.id);
    }
    m_outcomeLabel = new wxStaticText(this, wxID_ANY, wxString());
    m_outcome = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, FromDIP(90)),
                               wxTE_MULTILINE);
    m_outcome->SetName("outcome");
    m_agoras->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { ShowAgoraOutcome(); });
    m_agoras->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent& event) {
        KeepAgoraOutcome();
        m_agoras->SetSelection(event.GetInt());
        ShowAgoraOutcome();
    });
    m_outcome->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { KeepAgoraOutcome(); });

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(ColumnHeading(_("Agoras that worked on it")));
    auto* hint = new wxStaticText(
        this, wxID_ANY,
        choices.agoras.empty() ? _("No agora yet: record one in Meetings (kind “Agora”).") : _("Select one to record its outcome."));
    hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    column->Add(hint, wxSizerFlags().Border(wxBOTTOM, SmallGap()));
    column->Add(m_agoras, wxSizerFlags(1).Expand());
    column->Add(m_outcomeLabel, wxSizerFlags().Expand().Border(wxTOP, SmallGap()));
    column->Add(m_outcome, wxSizerFlags().Expand().Border(wxTOP, SmallGap() / 2));
    return column;
}

void TopicDialog::KeepAgoraOutcome()
{
    if (m_outcomeOf >= 0 && static_cast<std::size_t>(m_outcomeOf) < m_agoraIds.size())
        m_outcomes[m_agoraIds[m_outcomeOf]] = m_outcome->GetValue();
}

void TopicDialog::ShowAgoraOutcome()
{
    const int item = m_agoras->GetSelection();
    m_outcomeOf = item;
    const bool linked = item != wxNOT_FOUND && m_agoras->IsChecked(static_cast<unsigned>(item));
    m_outcome->ChangeValue(item != wxNOT_FOUND ? m_outcomes[m_agoraIds[item]] : wxString());
    m_outcome->Enable(linked);
    if (item == wxNOT_FOUND)
        m_outcomeLabel->SetLabel(_("Outcome: select an agora above."));
    else if (!linked)
        m_outcomeLabel->SetLabel(_("Outcome: check the agora to record it."));
    else
        m_outcomeLabel->SetLabel(_("What the agora concluded:"));
}

wxWindow* TopicDialog::FieldWindow(Field field) const
{
    switch (field) {
    case Field::Title:
        return m_title;
    case Field::Description:
        return m_description;
    case Field::Labels:
        return m_labels->List();
    case Field::Commitments:
        return m_commitments->List();
    case Field::Agoras:
        return m_agoras;
    }
    return nullptr;
}

bool TopicDialog::CheckLabel(const std::string& id, bool checked)
{
    return m_labels->SetChecked(id, checked);
}

bool TopicDialog::CheckCommitment(const std::string& id, bool checked)
{
    return m_commitments->SetChecked(id, checked);
}

bool TopicDialog::CheckAgora(const std::string& meetingId, bool checked)
{
    for (std::size_t i = 0; i < m_agoraIds.size(); ++i)
        if (m_agoraIds[i] == meetingId) {
            m_agoras->Check(static_cast<unsigned>(i), checked);
            if (m_outcomeOf == static_cast<int>(i))
                ShowAgoraOutcome();
            return true;
        }
    return false;
}

void TopicDialog::SetAgoraOutcome(const std::string& meetingId, const wxString& outcome)
{
    CheckAgora(meetingId);
    m_outcomes[meetingId] = outcome;
    if (m_outcomeOf >= 0 && m_agoraIds[m_outcomeOf] == meetingId)
        m_outcome->ChangeValue(outcome);
}

void TopicDialog::FilterLabels(const wxString& text)
{
    m_labels->Search()->ChangeValue(text);
    m_labels->Refill();
}

unsigned TopicDialog::ListedLabelCount() const
{
    return m_labels->ShownCount();
}

void TopicDialog::SetDraft(const TopicDraft& draft)
{
    m_draft = draft;
    TransferDataToWindow();
}

void TopicDialog::ShowProblem(Field field, const wxString& message)
{
    m_problemText = message;
    ShowProblemLine(*this, m_problem, message, 2 * LargeGap(), message.empty() ? nullptr : FieldWindow(field));
}

bool TopicDialog::Refuse(Field field, const wxString& message)
{
    ShowProblem(field, message);
    return false;
}

bool TopicDialog::TransferDataToWindow()
{
    m_title->ChangeValue(wxString::FromUTF8(m_draft.topic.title));
    m_description->ChangeValue(wxString::FromUTF8(m_draft.topic.description));
    m_labels->SetCheckedIds(m_draft.labelIds);
    m_commitments->SetCheckedIds(m_draft.commitmentIds);
    m_outcomes.clear();
    for (unsigned i = 0; i < m_agoras->GetCount(); ++i)
        m_agoras->Check(i, false);
    for (const auto& agora : m_draft.agoras) {
        m_outcomes[agora.meetingId] = wxString::FromUTF8(agora.outcome);
        for (std::size_t i = 0; i < m_agoraIds.size(); ++i)
            if (m_agoraIds[i] == agora.meetingId)
                m_agoras->Check(static_cast<unsigned>(i));
    }
    if (m_agoras->GetSelection() == wxNOT_FOUND && !m_draft.agoras.empty())
        for (std::size_t i = 0; i < m_agoraIds.size(); ++i)
            if (m_agoras->IsChecked(static_cast<unsigned>(i))) {
                m_agoras->SetSelection(static_cast<int>(i));
                break;
            }
    ShowAgoraOutcome();
    ShowProblem(Field::Title, wxString());
    m_title->SetFocus();
    return true;
}

bool TopicDialog::TransferDataFromWindow()
{
    KeepAgoraOutcome();
    TopicDraft typed = m_draft;
    typed.topic.title = Trimmed(m_title).utf8_string();
    if (typed.topic.title.empty())
        return Refuse(Field::Title, _("Title: give the topic a short title, such as “Cleanliness of the streets”."));
    typed.topic.description = wxString(m_description->GetValue()).Trim(true).Trim(false).utf8_string();
    typed.labelIds = m_labels->CheckedIds();
    typed.commitmentIds = m_commitments->CheckedIds();
    if (typed.labelIds.empty() && typed.commitmentIds.empty())
        return Refuse(Field::Labels, _("Labels: check at least one label or one commitment, so that the topic "
                                       "has evidence behind it."));
    typed.agoras.clear();
    for (std::size_t i = 0; i < m_agoraIds.size(); ++i) {
        if (!m_agoras->IsChecked(static_cast<unsigned>(i)))
            continue;
        TopicAgora agora;
        agora.meetingId = m_agoraIds[i];
        agora.outcome = wxString(m_outcomes[m_agoraIds[i]]).Trim(true).Trim(false).utf8_string();
        typed.agoras.push_back(agora);
    }
    m_draft = typed;
    ShowProblem(Field::Title, wxString());
    return true;
}

bool TopicDialog::Submit()
{
    return SubmitForm(*this, [this] { return !m_save || m_save(*this, m_draft); });
}

} // namespace concerto
