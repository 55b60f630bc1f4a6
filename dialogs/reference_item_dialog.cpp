#include "dialogs/reference_item_dialog.h"

#include "core/datetime.h"

#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/intl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

ReferenceItemDialog::ReferenceItemDialog(wxWindow* parent, const wxString& title, std::vector<ReferenceField> fields,
                                         ReferenceValues values, const wxString& affirmative)
    : StandardDialog(parent, title), m_fields(std::move(fields)), m_values(std::move(values))
{
    auto* grid = AddFieldGrid();
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        const ReferenceField& field = m_fields[i];
        wxWindow* control = CreateControl(field);
        control->SetName(wxString::FromUTF8(field.key)); // for assistive technology and tests
        m_controls.push_back(control);
        const wxString label = wxString::Format(_("%s:"), field.label);
        if (field.kind == ReferenceField::Kind::LongText) {
            grid->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().Right().Top().Border(wxTOP, 4));
            grid->Add(control, wxSizerFlags().Expand());
            grid->AddGrowableRow(i, 1);
        } else if (field.kind == ReferenceField::Kind::Text || field.kind == ReferenceField::Kind::Choice) {
            AddField(grid, label, control);
        } else {
            // Codes and dates are short: they keep their own width.
            grid->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().Right().CenterVertical());
            grid->Add(control, wxSizerFlags().CenterVertical());
        }
    }

    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetName("error");
    m_error->SetForegroundColour(wxColour(0xCC, 0x00, 0x00));
    m_error->SetFont(m_error->GetFont().Bold());
    ContentSizer()->Add(m_error, wxSizerFlags().Border(wxTOP, LargeGap()));
    m_error->Hide();

    SetAffirmativeLabel(affirmative);
    FinishLayout();
    SetMinSize(GetSize());
}

wxWindow* ReferenceItemDialog::CreateControl(const ReferenceField& field)
{
    switch (field.kind) {
    case ReferenceField::Kind::Code: {
        auto* text = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(160, -1)));
        text->SetHint(field.hint);
        return text;
    }
    case ReferenceField::Kind::Text: {
        auto* text = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(420, -1)));
        text->SetHint(field.hint);
        return text;
    }
    case ReferenceField::Kind::LongText: {
        auto* text = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(420, 100)),
                                    wxTE_MULTILINE | wxTE_WORDWRAP);
        text->SetHint(field.hint);
        return text;
    }
    case ReferenceField::Kind::Date:
        return new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                    wxDP_DROPDOWN | wxDP_SHOWCENTURY | (field.required ? 0 : wxDP_ALLOWNONE));
    case ReferenceField::Kind::Choice: {
        auto* choice = new wxChoice(this, wxID_ANY);
        for (const auto& [value, label] : field.choices)
            choice->Append(label);
        return choice;
    }
    }
    return nullptr;
}

std::string ReferenceItemDialog::ReadControl(std::size_t index) const
{
    const ReferenceField& field = m_fields[index];
    wxWindow* control = m_controls[index];
    switch (field.kind) {
    case ReferenceField::Kind::Code:
    case ReferenceField::Kind::Text:
    case ReferenceField::Kind::LongText:
        return static_cast<wxTextCtrl*>(control)->GetValue().Strip(wxString::both).utf8_string();
    case ReferenceField::Kind::Date: {
        const wxDateTime when = static_cast<wxDatePickerCtrl*>(control)->GetValue();
        if (!when.IsValid())
            return {};
        return Date{when.GetYear(), static_cast<int>(when.GetMonth()) + 1, when.GetDay()}.ToIso();
    }
    case ReferenceField::Kind::Choice: {
        const int selection = static_cast<wxChoice*>(control)->GetSelection();
        return selection == wxNOT_FOUND ? std::string() : field.choices[selection].first;
    }
    }
    return {};
}

void ReferenceItemDialog::WriteControl(std::size_t index, const std::string& value)
{
    const ReferenceField& field = m_fields[index];
    wxWindow* control = m_controls[index];
    switch (field.kind) {
    case ReferenceField::Kind::Code:
    case ReferenceField::Kind::Text:
    case ReferenceField::Kind::LongText:
        static_cast<wxTextCtrl*>(control)->ChangeValue(wxString::FromUTF8(value));
        break;
    case ReferenceField::Kind::Date: {
        const auto day = Date::Parse(value);
        static_cast<wxDatePickerCtrl*>(control)->SetValue(
            day ? wxDateTime(static_cast<wxDateTime::wxDateTime_t>(day->day),
                             static_cast<wxDateTime::Month>(day->month - 1), day->year)
                : (field.required ? wxDateTime::Today() : wxDefaultDateTime));
        break;
    }
    case ReferenceField::Kind::Choice: {
        auto* choice = static_cast<wxChoice*>(control);
        choice->SetSelection(field.choices.empty() ? wxNOT_FOUND : 0);
        for (std::size_t i = 0; i < field.choices.size(); ++i)
            if (field.choices[i].first == value)
                choice->SetSelection(static_cast<int>(i));
        break;
    }
    }
}

void ReferenceItemDialog::ShowError(const wxString& message, const std::string& key)
{
    ShowInlineProblem(m_error, message, 520);
    for (std::size_t i = 0; i < m_fields.size(); ++i)
        if (!key.empty() && m_fields[i].key == key)
            m_controls[i]->SetFocus();
}

bool ReferenceItemDialog::TransferDataToWindow()
{
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        auto found = m_values.find(m_fields[i].key);
        WriteControl(i, found == m_values.end() ? std::string() : found->second);
    }
    if (!m_controls.empty())
        m_controls.front()->SetFocus();
    return true;
}

bool ReferenceItemDialog::TransferDataFromWindow()
{
    ReferenceValues values;
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        values[m_fields[i].key] = ReadControl(i);
        if (m_fields[i].required && values[m_fields[i].key].empty()) {
            ShowError(wxString::Format(_("%s: this field is required."), m_fields[i].label), m_fields[i].key);
            return false;
        }
    }
    m_values = values;
    return !m_accept || m_accept(m_values);
}

} // namespace concerto
