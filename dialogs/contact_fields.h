#pragma once
// The contributor's contact details inside the contribution editor: name, e-mail, phone,
// consent to be contacted again and the date the purge deletes them. Personal data: the
// editor shows this section only to those allowed to see it (never to a reader), and its owner
// saves the values in the contribution's own transaction.

#include "core/model.h"

#include <optional>
#include <wx/panel.h>

class wxCheckBox;
class wxDatePickerCtrl;
class wxTextCtrl;

namespace concerto {

/// The date the purge deletes contact details typed today, by default: twelve months after the
/// end of the consultation, or after `today` when the consultation has no end date or has
/// ended already (so that nothing is typed only to be purged the next night).
Date DefaultPurgeDate(const std::optional<Date>& consultationEnd, const Date& today);

/// True when `email` looks like an address (one @, something before, a dotted domain, no space).
bool IsPlausibleEmail(const std::string& email);
/// True when `phone` holds only digits, spaces and + . - ( ) with at least six digits.
bool IsPlausiblePhone(const std::string& phone);

/// The « Coordonnées (données personnelles) » section: a panel of the editor dialog.
class ContactFields : public wxPanel {
public:
    explicit ContactFields(wxWindow* parent);

    /// Shows `contact` (its purge date, when it has none, is left as `defaultPurge`).
    void SetContact(const ContactDetails& contact, const Date& defaultPurge);
    /// Reads the values typed into `contact` (id, version, contribution kept from SetContact).
    /// On a problem returns false with `problem` naming the field and `field` its control.
    bool ReadContact(ContactDetails& contact, wxString& problem, wxWindow*& field) const;

    wxTextCtrl* NameCtrl() const { return m_name; }
    wxTextCtrl* EmailCtrl() const { return m_email; }
    wxTextCtrl* PhoneCtrl() const { return m_phone; }
    wxCheckBox* ConsentCtrl() const { return m_consent; }
    wxDatePickerCtrl* PurgeCtrl() const { return m_purge; }

private:
    ContactDetails m_contact;
    wxTextCtrl* m_name = nullptr;
    wxTextCtrl* m_email = nullptr;
    wxTextCtrl* m_phone = nullptr;
    wxCheckBox* m_consent = nullptr;
    wxDatePickerCtrl* m_purge = nullptr;
};

/// True when `contact` holds nothing worth keeping (no name, e-mail nor phone).
bool IsEmptyContact(const ContactDetails& contact);

} // namespace concerto
