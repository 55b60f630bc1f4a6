#pragma once
// Personal data inside free text: e-mail addresses and French or international phone numbers
// that citizens write in their contributions. Found, flagged on the contribution, and masked in
// every report and export, so that the deliverable never carries anyone's contact details.

#include <string>
#include <vector>

namespace concerto {

/// One piece of contact data found in a text.
struct ContactMention {
    enum class Kind { Email, Phone } kind = Kind::Email;
    std::size_t offset = 0; ///< byte offset in the UTF-8 text
    std::size_t length = 0; ///< byte length
};

/// The e-mail addresses and phone numbers in `text`, in order.
std::vector<ContactMention> FindContactMentions(const std::string& text);
/// True when `text` holds at least one.
bool MentionsContact(const std::string& text);
/// `text` with each mention replaced by « [adresse électronique masquée] » or « [téléphone masqué] ».
std::string MaskContactMentions(const std::string& text);

/// An e-mail address in the form it is compared in (trimmed, lower case).
std::string NormaliseEmail(const std::string& email);
/// A phone number as its digits only, a leading +33 or 0033 turned into 0 (so that
/// "+33 6 12 34 56 78" and "06.12.34.56.78" compare equal).
std::string NormalisePhone(const std::string& phone);

} // namespace concerto
