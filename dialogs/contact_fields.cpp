#include "dialogs/contact_fields.h"

#include <algorithm>
#include <cctype>
#include <wx/checkbox.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace concerto {

namespace {

/// How long contact details are kept after the consultation, by default.
constexpr int kKeptMonths = 12;

wxString Trimmed(const wxString& text)
{
    wxString copy = text;
    return copy.Trim(true).Trim(false);
}

Date AddMonths(const Date& date, int months)
{
    const int index = date.year * 12 + (date.month - 1) + months;
    Date result{index / 12, index % 12 + 1, date.day};
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (result.year % 4 == 0 && result.year % 100 != 0) || result.year % 400 == 0;
    const int last = result.month == 2 && leap ? 29 : kDays[result.month - 1];
    result.day = std::min(result.day, last);
    return result;
}

wxDateTime ToWx(const Date& date)
{
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(date.day), static_cast<wxDateTime::Month>(date.month - 1),
                      date.year);
}

} // namespace

Date DefaultPurgeDate(const std::optional<Date>& consultationEnd, const Date& today)
{
    const Date from = consultationEnd && today < *consultationEnd ? *consultationEnd : today;
    return AddMonths(from, kKeptMonths);
}

bool IsPlausibleEmail(const std::string& email)
{
    const auto at = email.find('@');
    if (at == std::string::npos || at == 0 || email.find('@', at + 1) != std::string::npos)
        return false;
    if (std::any_of(email.begin(), email.end(), [](unsigned char c) { return std::isspace(c) != 0; }))
        return false;
    const std::string domain = email.substr(at + 1);
    const auto dot = domain.rfind('.');
    return dot != std::string::npos && dot > 0 && dot + 1 < domain.size();
}

bool IsPlausiblePhone(const std::string& phone)
{
    int digits = 0;
    for (unsigned char c : phone) {
        if (std::isdigit(c))
            ++digits;
        else if (c != ' ' && c != '+' && c != '.' && c != '-' && c != '(' && c != ')')
            return false;
    }
    return digits >= 6;
}

bool IsEmptyContact(const ContactDetails& contact)
{
    return contact.name.empty() && contact.email.empty() && contact.phone.empty();
}

ContactFields::ContactFields(wxWindow* parent) : wxPanel(parent)
{
    SetName("contact-fields");
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Contact details (personal data)"));
    wxWindow* inside = box->GetStaticBox();
    inside->SetToolTip(_("Only when the contributor gave them. Never shown in reports or exports; readers "
                         "cannot see them."));
    const int gap = FromDIP(6);

    auto* grid = new wxFlexGridSizer(6, wxSize(gap, gap));
    for (int column : {1, 3, 5})
        grid->AddGrowableCol(column, 1);
    auto add = [&](const wxString& label, wxWindow* control) {
        grid->Add(new wxStaticText(inside, wxID_ANY, label), wxSizerFlags().Right().CenterVertical());
        grid->Add(control, wxSizerFlags().Expand().CenterVertical());
    };
    m_name = new wxTextCtrl(inside, wxID_ANY);
    m_name->SetName("contact-name");
    add(_("Name:"), m_name);
    m_email = new wxTextCtrl(inside, wxID_ANY);
    m_email->SetName("contact-email");
    m_email->SetHint(_("name@example.org"));
    add(_("E-mail:"), m_email);
    m_phone = new wxTextCtrl(inside, wxID_ANY);
    m_phone->SetName("contact-phone");
    m_phone->SetHint(_("06 12 34 56 78"));
    add(_("Phone:"), m_phone);
    box->Add(grid, wxSizerFlags().Expand().Border(wxALL, gap));

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_consent = new wxCheckBox(inside, wxID_ANY, _("Agrees to be &contacted again"));
    m_consent->SetName("contact-consent");
    row->Add(m_consent, wxSizerFlags().CenterVertical());
    row->AddStretchSpacer();
    auto* purgeLabel = new wxStaticText(inside, wxID_ANY, _("Delete on:"));
    row->Add(purgeLabel, wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
    m_purge = new wxDatePickerCtrl(inside, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                   wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_purge->SetName("contact-purge");
    const wxString policy = _("The purge of personal data deletes these contact details on this date. By default, "
                              "twelve months after the end of the consultation (or after today when it has no end "
                              "date or has ended).");
    m_purge->SetToolTip(policy);
    purgeLabel->SetToolTip(policy);
    row->Add(m_purge, wxSizerFlags().CenterVertical());
    box->Add(row, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));
    SetSizer(box);
}

void ContactFields::SetContact(const ContactDetails& contact, const Date& defaultPurge)
{
    m_contact = contact;
    m_name->ChangeValue(wxString::FromUTF8(contact.name));
    m_email->ChangeValue(wxString::FromUTF8(contact.email));
    m_phone->ChangeValue(wxString::FromUTF8(contact.phone));
    m_consent->SetValue(contact.consentToRecontact);
    m_purge->SetValue(ToWx(contact.purgeOn ? *contact.purgeOn : defaultPurge));
}

bool ContactFields::ReadContact(ContactDetails& contact, wxString& problem, wxWindow*& field) const
{
    contact = m_contact;
    contact.name = Trimmed(m_name->GetValue()).utf8_string();
    contact.email = Trimmed(m_email->GetValue()).utf8_string();
    contact.phone = Trimmed(m_phone->GetValue()).utf8_string();
    contact.consentToRecontact = m_consent->GetValue();
    if (!contact.email.empty() && !IsPlausibleEmail(contact.email)) {
        problem = wxString::Format(_("The field “E-mail” does not hold an e-mail address (%s): check it, or leave it "
                                     "empty."),
                                   wxString::FromUTF8(contact.email));
        field = m_email;
        return false;
    }
    if (!contact.phone.empty() && !IsPlausiblePhone(contact.phone)) {
        problem = wxString::Format(_("The field “Phone” does not hold a phone number (%s): digits, spaces and + only."),
                                   wxString::FromUTF8(contact.phone));
        field = m_phone;
        return false;
    }
    if (contact.consentToRecontact && contact.email.empty() && contact.phone.empty()) {
        problem = _("The contributor agrees to be contacted again: fill in the field “E-mail” or “Phone”.");
        field = m_email;
        return false;
    }
    const wxDateTime purge = m_purge->GetValue();
    if (purge.IsValid())
        contact.purgeOn = Date{purge.GetYear(), static_cast<int>(purge.GetMonth()) + 1, purge.GetDay()};
    return true;
}

} // namespace concerto
