#include "dialogs/sample_dialog.h"

#include "dialogs/form_fields.h"

#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {

constexpr int kWidth = 460; // DIPs: the wrapping width of the paragraph and the problem line
enum Unit { CountUnit, PercentUnit };

wxString Trimmed(const wxString& text)
{
    wxString value = text;
    return value.Trim(true).Trim(false);
}

// "10", "2,5" or "2.5"; false when it is not a plain number.
bool ParseNumber(const wxString& text, double& value)
{
    wxString typed = Trimmed(text);
    typed.Replace(",", ".");
    typed.Replace("%", "");
    return !Trimmed(typed).empty() && Trimmed(typed).ToCDouble(&value);
}

wxString NumberText(double value)
{
    wxString text = wxString::FromCDouble(value);
    // TRANSLATORS: the decimal separator of the interface language ("," in French).
    text.Replace(".", wxGETTEXT_IN_CONTEXT("decimal separator", "."));
    return text;
}

} // namespace

SampleDialog::SampleDialog(wxWindow* parent, const SampleDialogChoices& choices, const SampleRequest& initial,
                           Saver save)
    : StandardDialog(parent, _("New double-coding sample")), m_population(choices.population),
      m_formatCount(choices.formatCount), m_request(initial), m_save(std::move(save))
{
    BuildForm(choices);
    SetAffirmativeLabel(_("Create the sample"));
    FinishLayout();
    SetMinSize(GetSize());
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { Submit(); }, wxID_OK);
}

void SampleDialog::BuildForm(const SampleDialogChoices& choices)
{
    AddParagraph(_("Two people code the same contributions, each without seeing the other's tags. Concerto then "
                   "measures how far they agree (Cohen's kappa) and lists their disagreements for adjudication."),
                 kWidth);
    auto* grid = AddFieldGrid();
    m_name = new wxTextCtrl(this, wxID_ANY);
    m_name->SetHint(_("e.g. Double coding, October"));
    AddField(grid, _("Name:"), m_name);

    wxArrayString coders;
    for (const auto& coder : choices.coders)
        coders.Add(wxString::FromUTF8(coder));
    m_coderA = new wxComboBox(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, coders);
    m_coderB = new wxComboBox(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, coders);
    m_coderB->SetHint(_("user name of the second coder"));
    AddField(grid, _("Coder A:"), m_coderA);
    AddField(grid, _("Coder B:"), m_coderB);

    m_size = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(80), -1));
    m_unit = new wxChoice(this, wxID_ANY);
    m_unit->Append(_("contributions"));
    // xgettext:no-c-format
    m_unit->Append(_("% of the contributions"));
    auto* size = new wxBoxSizer(wxHORIZONTAL);
    size->Add(m_size, wxSizerFlags().CenterVertical());
    size->Add(m_unit, wxSizerFlags().CenterVertical().Border(wxLEFT, SmallGap()));
    AddFieldLine(this, grid, _("Size:"), size);
    grid->AddSpacer(0);
    m_preview = new wxStaticText(this, wxID_ANY, wxString());
    m_preview->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    grid->Add(m_preview, wxSizerFlags().Expand());

    m_seed = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(110), -1));
    AddFieldLine(this, grid, _("Seed:"),
                 ControlWithHint(this, m_seed, _("the same seed draws the same sample again"), SmallGap()));

    m_problem = NewProblemLine(this);
    m_problem->Hide();
    ContentSizer()->Add(m_problem, WideFlags().Border(wxTOP, LargeGap()));

    m_size->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { UpdatePreview(); });
    m_unit->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { UpdatePreview(); });
    const std::pair<wxWindow*, const char*> names[] = {{m_name, "name"}, {m_coderA, "coder-a"}, {m_coderB, "coder-b"},
                                                       {m_size, "size"}, {m_unit, "size-unit"}, {m_seed, "seed"}};
    for (const auto& [window, name] : names)
        window->SetName(name);
}

wxString SampleDialog::FormatCount(long long count) const
{
    return m_formatCount ? m_formatCount(count) : wxString::Format("%lld", count);
}

wxString SampleDialog::PreviewText() const
{
    return m_preview->GetLabel();
}

void SampleDialog::UpdatePreview()
{
    double value = 0;
    wxString text;
    const SampleSize size{m_unit->GetSelection() == PercentUnit, 0};
    if (m_population <= 0) {
        text = _("There is no contribution to draw from yet.");
    } else if (!ParseNumber(m_size->GetValue(), value) || value <= 0) {
        text = wxString::Format(_("Type a number of contributions, or a percentage of the %s contributions."),
                                FormatCount(m_population));
    } else {
        const long long count = SampleCount(SampleSize{size.percent, value}, m_population);
        if (count > m_population)
            text = wxString::Format(_("That is more than the %s contributions there are."), FormatCount(m_population));
        else
            text =
                wxString::Format(wxPLURAL("%s contribution out of %s, drawn from each channel in proportion.",
                                          "%s contributions out of %s, drawn from each channel in proportion.", count),
                                 FormatCount(count), FormatCount(m_population));
    }
    if (m_preview->GetLabel() != text) {
        m_preview->SetLabel(text);
        Layout();
    }
}

wxWindow* SampleDialog::FieldWindow(SampleField field) const
{
    switch (field) {
    case SampleField::Name:
        return m_name;
    case SampleField::CoderA:
        return m_coderA;
    case SampleField::CoderB:
        return m_coderB;
    case SampleField::Size:
        return m_size;
    case SampleField::Seed:
        return m_seed;
    }
    return nullptr;
}

void SampleDialog::ShowProblem(SampleField field, const wxString& message)
{
    m_problemText = message;
    if (message.empty()) {
        m_problem->Hide();
        Layout();
        return;
    }
    ShowInlineProblem(m_problem, message, kWidth);
    if (wxWindow* window = FieldWindow(field))
        window->SetFocus();
}

bool SampleDialog::Refuse(SampleField field, const wxString& message)
{
    ShowProblem(field, message);
    return false;
}

bool SampleDialog::TransferDataToWindow()
{
    m_name->ChangeValue(wxString::FromUTF8(m_request.name));
    m_coderA->ChangeValue(wxString::FromUTF8(m_request.coderA));
    m_coderB->ChangeValue(wxString::FromUTF8(m_request.coderB));
    m_size->ChangeValue(m_request.size.value > 0 ? NumberText(m_request.size.value) : wxString());
    m_unit->SetSelection(m_request.size.percent ? PercentUnit : CountUnit);
    m_seed->ChangeValue(wxString::Format("%lld", m_request.seed));
    UpdatePreview();
    ShowProblem(SampleField::Name, wxString());
    (m_request.coderB.empty() && !m_request.name.empty() ? static_cast<wxWindow*>(m_coderB) : m_name)->SetFocus();
    return true;
}

bool SampleDialog::TransferDataFromWindow()
{
    SampleRequest typed = m_request;
    typed.name = Trimmed(m_name->GetValue()).utf8_string();
    if (typed.name.empty())
        return Refuse(SampleField::Name, _("Name: give the sample a name, for example “Double coding, October”."));
    typed.coderA = Trimmed(m_coderA->GetValue()).utf8_string();
    if (typed.coderA.empty())
        return Refuse(SampleField::CoderA, _("Coder A: type or choose the user name of the first coder."));
    typed.coderB = Trimmed(m_coderB->GetValue()).utf8_string();
    if (typed.coderB.empty())
        return Refuse(SampleField::CoderB, _("Coder B: type or choose the user name of the second coder."));
    if (Trimmed(m_coderA->GetValue()).Lower() == Trimmed(m_coderB->GetValue()).Lower())
        return Refuse(SampleField::CoderB,
                      _("Coder B: choose someone other than coder A: agreement is measured between two people."));
    double size = 0;
    typed.size.percent = m_unit->GetSelection() == PercentUnit;
    if (!ParseNumber(m_size->GetValue(), size) || size <= 0 || (typed.size.percent && size > 100) ||
        (!typed.size.percent && size != static_cast<double>(static_cast<long long>(size))))
        return Refuse(SampleField::Size, typed.size.percent
                                             ? _("Size: type a percentage above 0 and at most 100, for example 10.")
                                             : _("Size: type a whole number of contributions, for example 50."));
    typed.size.value = size;
    long long seed = 0;
    if (!Trimmed(m_seed->GetValue()).ToLongLong(&seed) || seed < 0)
        return Refuse(SampleField::Seed, _("Seed: type a whole number, 0 or more."));
    typed.seed = seed;
    m_request = typed;
    ShowProblem(SampleField::Name, wxString());
    return true;
}

bool SampleDialog::Submit()
{
    return SubmitForm(*this, [this] { return !m_save || m_save(*this, m_request); });
}

} // namespace concerto
