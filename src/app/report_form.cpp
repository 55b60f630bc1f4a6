#include "app/report_form.h"

#include "core/datetime.h"

#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tokenzr.h>

namespace concerto {

namespace {

/// The day a date parameter's default names: "today", "YYYY-MM-DD" or "JJ/MM/AAAA".
wxDateTime DefaultDay(const std::string& text)
{
    if (text == "today" || text == "aujourd'hui")
        return wxDateTime::Today();
    std::optional<Date> day = Date::Parse(text);
    if (!day && text.size() == 10 && text[2] == '/' && text[5] == '/')
        day = Date::Parse(text.substr(6, 4) + "-" + text.substr(3, 2) + "-" + text.substr(0, 2));
    if (!day)
        return wxDefaultDateTime;
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(day->day), static_cast<wxDateTime::Month>(day->month - 1),
                      day->year);
}

bool Matches(const report::Choice& choice, const wxString& wanted)
{
    return wxString::FromUTF8(choice.value).IsSameAs(wanted, false) ||
           wxString::FromUTF8(choice.label).IsSameAs(wanted, false);
}

} // namespace

ReportParameterForm::ReportParameterForm(wxWindow* parent) : wxScrolledWindow(parent, wxID_ANY)
{
    SetName("parameters");
    SetScrollRate(0, FromDIP(12));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_empty = new wxStaticText(this, wxID_ANY, _("This report has no parameters: it is ready to generate."));
    sizer->Add(m_empty, wxSizerFlags().Border(wxALL, FromDIP(8)));
    m_grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(12));
    m_grid->AddGrowableCol(1, 1);
    sizer->Add(m_grid, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    SetSizer(sizer);
}

void ReportParameterForm::Build(const std::vector<report::ParameterInfo>& parameters, const std::string& consultationId)
{
    Freeze();
    m_grid->Clear(true);
    m_fields.clear();
    m_parameters = parameters;
    m_consultationId = consultationId;
    for (const report::ParameterInfo& info : parameters) {
        Field field;
        field.info = info;
        m_fields.push_back(std::move(field));
    }
    for (Field& field : m_fields) {
        auto* label = new wxStaticText(this, wxID_ANY, wxString::Format(_("%s:"), wxString::FromUTF8(field.info.label)));
        field.control = CreateControl(field);
        field.control->SetName(wxString::FromUTF8(field.info.name)); // for assistive technology and tests
        // Level with the control's text, above the help line under it.
        m_grid->Add(label, wxSizerFlags().Align(wxALIGN_RIGHT | wxALIGN_TOP).Border(wxTOP, FromDIP(7)));
        auto* column = new wxBoxSizer(wxVERTICAL);
        column->Add(field.control, field.info.type == report::ParameterType::Text ||
                                           field.info.hasChoices
                                       ? wxSizerFlags().Expand()
                                       : wxSizerFlags());
        wxString description = wxString::FromUTF8(field.info.description);
        if (description.empty() && field.info.multiple)
            description = _("None checked: all of them.");
        if (!description.empty()) {
            auto* help = new wxStaticText(this, wxID_ANY, description);
            help->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
            help->SetFont(help->GetFont().Smaller());
            help->Wrap(FromDIP(460));
            column->Add(help, wxSizerFlags().Border(wxTOP, FromDIP(2)));
        }
        m_grid->Add(column, wxSizerFlags().Expand());
    }
    m_empty->Show(m_fields.empty());
    Layout();
    FitInside();
    Thaw();
}

wxWindow* ReportParameterForm::CreateControl(Field& field)
{
    const report::ParameterInfo& info = field.info;
    if (info.hasChoices && info.multiple) {
        auto* list = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(360, 110)));
        list->Append(_("Loading…"));
        list->Enable(false);
        return list;
    }
    if (info.hasChoices) {
        auto* choice = new wxChoice(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(360, -1)));
        choice->Append(_("Loading…"));
        choice->SetSelection(0);
        choice->Enable(false);
        if (info.type == report::ParameterType::Consultation)
            choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
                if (m_consultationChanged)
                    m_consultationChanged();
            });
        return choice;
    }
    switch (info.type) {
    case report::ParameterType::Date: {
        const wxDateTime day = DefaultDay(info.defaultValue);
        auto* picker = new wxDatePickerCtrl(this, wxID_ANY, day, wxDefaultPosition, wxDefaultSize,
                                            wxDP_DROPDOWN | wxDP_SHOWCENTURY | (info.required ? 0 : wxDP_ALLOWNONE));
        // The generic picker shows today for an invalid date unless told otherwise: an empty
        // "from" must stay empty, or the report would cover one day.
        picker->SetValue(day.IsValid() ? day : info.required ? wxDateTime::Today() : wxDefaultDateTime);
        return picker;
    }
    case report::ParameterType::Integer: {
        auto* spin = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(120, -1)),
                                    wxSP_ARROW_KEYS, -1000000000, 1000000000);
        long value = 0;
        if (wxString::FromUTF8(info.defaultValue).ToLong(&value))
            spin->SetValue(static_cast<int>(value));
        return spin;
    }
    case report::ParameterType::Boolean: {
        auto* box = new wxCheckBox(this, wxID_ANY, wxString());
        const wxString value = wxString::FromUTF8(info.defaultValue).Lower();
        box->SetValue(value == "true" || value == "oui" || value == "1" || value == "yes");
        return box;
    }
    default: {
        auto* text = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(info.defaultValue), wxDefaultPosition,
                                    FromDIP(wxSize(360, -1)));
        return text;
    }
    }
}

void ReportParameterForm::SetChoices(const std::map<std::string, std::vector<report::Choice>>& choices)
{
    Freeze();
    for (Field& field : m_fields) {
        auto found = choices.find(field.info.name);
        if (field.info.hasChoices && found != choices.end())
            FillChoices(field, found->second);
    }
    Layout();
    FitInside();
    Thaw();
}

void ReportParameterForm::FillChoices(Field& field, const std::vector<report::Choice>& choices)
{
    const report::ParameterInfo& info = field.info;
    // What the user picked survives a reload (another consultation, a change elsewhere).
    const bool loaded = field.control->IsEnabled();
    const std::string previous = loaded ? ReadField(field) : std::string();
    field.choices = choices;
    if (info.multiple) {
        auto* list = static_cast<wxCheckListBox*>(field.control);
        list->Clear();
        wxArrayString wanted = wxStringTokenize(wxString::FromUTF8(loaded ? previous : info.defaultValue), ",");
        for (wxString& item : wanted)
            item.Trim().Trim(false);
        for (std::size_t i = 0; i < choices.size(); ++i) {
            list->Append(wxString::FromUTF8(choices[i].label));
            for (const wxString& item : wanted)
                if (Matches(choices[i], item))
                    list->Check(static_cast<unsigned>(i));
        }
        list->Enable(true);
        return;
    }
    auto* choice = static_cast<wxChoice*>(field.control);
    choice->Clear();
    field.hasNone = !info.required && info.type != report::ParameterType::Consultation;
    if (field.hasNone)
        choice->Append(_("(none)"));
    for (const report::Choice& c : choices)
        choice->Append(wxString::FromUTF8(c.label));
    wxString wanted = wxString::FromUTF8(loaded ? previous : info.defaultValue);
    if (!loaded && info.type == report::ParameterType::Consultation && !m_consultationId.empty())
        wanted = wxString::FromUTF8(m_consultationId); // the consultation the window shows
    int selection = choices.empty() ? wxNOT_FOUND : 0;
    for (std::size_t i = 0; i < choices.size(); ++i)
        if (!wanted.empty() && Matches(choices[i], wanted))
            selection = static_cast<int>(i) + (field.hasNone ? 1 : 0);
    if (field.hasNone && (wanted.empty() || selection == 0))
        selection = 0;
    choice->SetSelection(selection);
    choice->Enable(!choices.empty());
}

std::string ReportParameterForm::ReadField(const Field& field) const
{
    const report::ParameterInfo& info = field.info;
    if (info.hasChoices && info.multiple) {
        auto* list = static_cast<wxCheckListBox*>(field.control);
        std::string joined;
        for (std::size_t i = 0; i < field.choices.size() && i < list->GetCount(); ++i)
            if (list->IsChecked(static_cast<unsigned>(i)))
                joined += (joined.empty() ? "" : ",") + field.choices[i].value;
        return joined;
    }
    if (info.hasChoices) {
        const int selection = static_cast<wxChoice*>(field.control)->GetSelection() - (field.hasNone ? 1 : 0);
        if (selection < 0 || selection >= static_cast<int>(field.choices.size()))
            return {};
        return field.choices[static_cast<std::size_t>(selection)].value;
    }
    switch (info.type) {
    case report::ParameterType::Date: {
        const wxDateTime day = static_cast<wxDatePickerCtrl*>(field.control)->GetValue();
        if (!day.IsValid())
            return {};
        return Date{day.GetYear(), static_cast<int>(day.GetMonth()) + 1, day.GetDay()}.ToIso();
    }
    case report::ParameterType::Integer:
        return std::to_string(static_cast<wxSpinCtrl*>(field.control)->GetValue());
    case report::ParameterType::Boolean:
        return static_cast<wxCheckBox*>(field.control)->GetValue() ? "true" : "false";
    default:
        return static_cast<wxTextCtrl*>(field.control)->GetValue().Strip(wxString::both).utf8_string();
    }
}

report::ParameterValues ReportParameterForm::Values() const
{
    report::ParameterValues values;
    for (const Field& field : m_fields) {
        if (field.info.hasChoices && !field.control->IsEnabled())
            continue; // not loaded yet: the engine takes the default
        const std::string value = ReadField(field);
        // An empty value only needs saying when it overrides a default; otherwise it is the default.
        if (!value.empty() || !field.info.defaultValue.empty())
            values.Set(field.info.name, value);
    }
    return values;
}

std::string ReportParameterForm::Consultation() const
{
    for (const Field& field : m_fields)
        if (field.info.type == report::ParameterType::Consultation)
            return field.control->IsEnabled() ? ReadField(field) : m_consultationId;
    return {};
}

} // namespace concerto
