#include "dialogs/bulk_tag_dialog.h"

#include "core/text.h"
#include "dialogs/domain_labels.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/listbox.h>
#include <wx/radiobut.h>
#include <wx/settings.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {

constexpr int kWidth = 460;
constexpr Stance kStances[] = {Stance::Support, Stance::Criticism, Stance::Proposal, Stance::Question,
                               Stance::Observation};

wxString Count(long long count)
{
    // Grouped as French writes it; the dialogs library has no access to the app's formatting.
    wxString digits = wxString::Format("%lld", count), grouped;
    for (std::size_t i = 0; i < digits.length(); ++i) {
        if (i > 0 && (digits.length() - i) % 3 == 0)
            grouped += wxString::FromUTF8("\u202F");
        grouped += digits[i];
    }
    return grouped;
}

} // namespace

BulkTagDialog::BulkTagDialog(wxWindow* parent, const BulkTagChoices& choices)
    : StandardDialog(parent, _("Code the whole selection"), wxOK | wxCANCEL, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_choices(choices)
{
    AddHeading(
        wxString::Format(wxPLURAL("%s contribution", "%s contributions", m_choices.count), Count(m_choices.count)));
    AddParagraph(wxString::Format(_("Those the coding queue's filters and search match now: %s."),
                                  wxString::FromUTF8(m_choices.scope)),
                 kWidth);

    m_asTag = new wxRadioButton(this, wxID_ANY, _("Tag them with a commitment, or a theme alone"), wxDefaultPosition,
                                wxDefaultSize, wxRB_GROUP);
    ContentSizer()->Add(m_asTag, wxSizerFlags().Border(wxTOP, LargeGap()));
    m_find = new wxSearchCtrl(this, wxID_ANY);
    m_find->SetDescriptiveText(_("Filter the list"));
    m_find->SetName("bulk-find");
    // The controls of each option are indented under it.
    auto* tagOption = new wxBoxSizer(wxVERTICAL);
    ContentSizer()->Add(tagOption, wxSizerFlags(1).Expand().Border(wxLEFT, LargeGap()));
    tagOption->Add(m_find, WideFlags().Border(wxTOP, SmallGap()));
    m_list = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(kWidth, 190)));
    m_list->SetName("bulk-targets");
    tagOption->Add(m_list, wxSizerFlags(1).Expand().Border(wxTOP, SmallGap()));
    auto* stanceRow = new wxBoxSizer(wxHORIZONTAL);
    stanceRow->Add(new wxStaticText(this, wxID_ANY, _("Stance:")), wxSizerFlags().CenterVertical());
    m_stance = new wxChoice(this, wxID_ANY);
    for (Stance stance : kStances) {
        m_stance->Append(StanceName(stance));
        if (stance == m_choices.stance)
            m_stance->SetSelection(static_cast<int>(m_stance->GetCount()) - 1);
    }
    stanceRow->Add(m_stance, wxSizerFlags().CenterVertical().Border(wxLEFT, SmallGap()));
    tagOption->Add(stanceRow, wxSizerFlags().Border(wxTOP, SmallGap()));

    m_asLabel = new wxRadioButton(this, wxID_ANY, _("Attach a label to them"));
    ContentSizer()->Add(m_asLabel, wxSizerFlags().Border(wxTOP, LargeGap()));
    m_label = new wxTextCtrl(this, wxID_ANY);
    m_label->SetName("bulk-label");
    m_label->SetHint(_("Label name, new or existing"));
    wxArrayString completions;
    for (const auto& name : m_choices.labels)
        completions.push_back(wxString::FromUTF8(name));
    m_label->AutoComplete(completions);
    auto* labelOption = new wxBoxSizer(wxVERTICAL);
    ContentSizer()->Add(labelOption, WideFlags().Border(wxLEFT, LargeGap()));
    labelOption->Add(m_label, WideFlags().Border(wxTOP, SmallGap()));

    ContentSizer()->AddSpacer(LargeGap());
    auto* note = AddParagraph(_("Contributions that already carry this tag or label are left as they are; new ones "
                                "become “tagged”. Ctrl+Z undoes the whole operation."),
                              kWidth);
    note->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_problem = new wxStaticText(this, wxID_ANY, wxString());
    m_problem->SetForegroundColour(wxColour(0xCC, 0x00, 0x00));
    m_problem->Hide();
    ContentSizer()->Add(m_problem, wxSizerFlags());

    SetAffirmativeLabel(wxString::Format(wxPLURAL("Code %s contribution", "Code %s contributions", m_choices.count),
                                         Count(m_choices.count)));
    FinishLayout();
    if (wxWindow* ok = FindWindow(wxID_OK))
        ok->Enable(m_choices.count > 0);

    FillList();
    m_find->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { FillList(); });
    m_find->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& event) {
        // The arrows choose in the list while typing in the filter, as in the coding tree.
        const int key = event.GetKeyCode();
        const int count = static_cast<int>(m_list->GetCount());
        if ((key == WXK_DOWN || key == WXK_UP) && count > 0) {
            const int at = m_list->GetSelection();
            m_list->SetSelection(std::clamp(at + (key == WXK_DOWN ? 1 : -1), 0, count - 1));
            return;
        }
        event.Skip();
    });
    for (wxRadioButton* option : {m_asTag, m_asLabel})
        option->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { UpdateEnabling(); });
    m_label->Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& event) {
        event.Skip();
        m_asLabel->SetValue(true);
        UpdateEnabling();
    });
    UpdateEnabling();
    m_find->SetFocus();
}

void BulkTagDialog::FillList()
{
    const std::string needle = Fold(m_find->GetValue().Strip(wxString::both).utf8_string());
    const std::string keep =
        m_list->GetSelection() >= 0 && static_cast<std::size_t>(m_list->GetSelection()) < m_shown.size()
            ? m_choices.targets[m_shown[static_cast<std::size_t>(m_list->GetSelection())]].commitmentId
            : m_choices.preselectedCommitmentId;
    m_list->Freeze();
    m_list->Clear();
    m_shown.clear();
    int select = -1;
    for (std::size_t i = 0; i < m_choices.targets.size(); ++i) {
        const BulkTagTarget& target = m_choices.targets[i];
        if (!needle.empty() && Fold(target.label).find(needle) == std::string::npos)
            continue;
        // Themes flush left in capitals' place, commitments indented under them.
        const wxString shown = target.commitmentId.empty()
                                   ? wxString::Format(_("Theme: %s"), wxString::FromUTF8(target.label))
                                   : wxString::FromUTF8("    ") + wxString::FromUTF8(target.label);
        m_list->Append(shown);
        m_shown.push_back(i);
        if (!keep.empty() && target.commitmentId == keep)
            select = static_cast<int>(m_shown.size()) - 1;
    }
    if (select < 0 && !needle.empty() && !m_shown.empty())
        select = 0;
    if (select >= 0) {
        m_list->SetSelection(select);
        m_list->EnsureVisible(select);
    }
    m_list->Thaw();
}

void BulkTagDialog::UpdateEnabling()
{
    const bool tag = m_asTag->GetValue();
    m_find->Enable(tag);
    m_list->Enable(tag);
    m_stance->Enable(tag);
}

bool BulkTagDialog::TransferDataFromWindow()
{
    m_request = BulkTagRequest();
    m_request.isLabel = m_asLabel->GetValue();
    if (m_request.isLabel) {
        wxString name = m_label->GetValue();
        m_request.label = name.Trim(true).Trim(false).utf8_string();
        if (m_request.label.empty()) {
            ShowInlineProblem(m_problem, _("Type the name of the label to attach."), kWidth);
            m_label->SetFocus();
            return false;
        }
        return true;
    }
    const int at = m_list->GetSelection();
    if (at < 0 || static_cast<std::size_t>(at) >= m_shown.size()) {
        ShowInlineProblem(m_problem, _("Choose a commitment or a theme in the list."), kWidth);
        m_find->SetFocus();
        return false;
    }
    const BulkTagTarget& target = m_choices.targets[m_shown[static_cast<std::size_t>(at)]];
    m_request.commitmentId = target.commitmentId;
    m_request.themeId = target.themeId;
    m_request.stance = kStances[std::max(0, m_stance->GetSelection())];
    return true;
}

} // namespace concerto
