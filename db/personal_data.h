#pragma once
// The personal data Concerto holds (GDPR): contributors' contact details (contact_details:
// name, e-mail, phone, consent, purge date) and contact data written inside contribution texts.
// Purge past the purge date, erasure of one person everywhere, access report for one person.
// Every operation is one transaction and is recorded by the audit trail (without the data).

#include <string>
#include <vector>

namespace concerto {

class Database;

/// Deletes the contact details whose purge date is before `today` ("YYYY-MM-DD"); returns how many.
int PurgeExpiredContacts(Database& db, const std::string& today);

/// How a person is looked for: by e-mail, by phone, or both (at least one not empty).
struct PersonQuery {
    std::string email;
    std::string phone;
};

/// What is held on one person.
struct PersonalDataReport {
    struct Contact {
        std::string contributionId;
        long long entryNumber = 0; ///< the contribution's seq
        std::string consultation;
        std::string receivedAt; ///< "YYYY-MM-DD"
        std::string name, email, phone;
        bool consentToRecontact = false;
        std::string purgeOn; ///< "YYYY-MM-DD" or empty
    };
    struct Mention {
        std::string contributionId;
        long long entryNumber = 0;
        std::string consultation;
        std::string field;   ///< "title", "body" or "notes"
        std::string excerpt; ///< the sentence around the mention
    };
    PersonQuery query;
    std::vector<Contact> contacts;  ///< contact_details rows with that e-mail or phone (normalised match)
    std::vector<Mention> mentions;  ///< contribution texts that contain that e-mail or phone
};

/// Looks for the person everywhere. ValidationError when both query fields are empty.
PersonalDataReport FindPerson(Database& db, const PersonQuery& query);
/// The report as a French plain text document (for the person who asked).
std::string FormatAccessReport(const PersonalDataReport& report, const std::string& today);

/// What an erasure changed.
struct ErasureResult {
    int contactsErased = 0;      ///< contact_details rows deleted
    int contributionsMasked = 0; ///< contributions whose texts had the e-mail/phone replaced
};
/// Erases the person's contact data everywhere, in one transaction: deletes their contact_details
/// rows and replaces their e-mail/phone inside contribution texts by the masks. The
/// contributions themselves (what the person said) stay. ValidationError on an empty query.
ErasureResult ErasePerson(Database& db, const PersonQuery& query);

} // namespace concerto
