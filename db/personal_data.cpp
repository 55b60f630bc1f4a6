// GDPR operations on the personal data Concerto holds. A person is found by e-mail or phone,
// compared in normalised form (core/personal_data.h) in C++: contact details are few, and the
// contribution texts to read are only those flagged mentions_contact (a partial index).

#include "db/personal_data.h"

#include "core/errors.h"
#include "core/personal_data.h"
#include "db/coding_support.h"
#include "db/database.h"
#include "db/repository.h"

#include <algorithm>

namespace concerto {

namespace {

const char* const kFields[] = {"title", "body", "notes"};

/// The query in normalised form; ValidationError when it names nobody.
struct Wanted {
    std::string email, phone;

    explicit Wanted(const PersonQuery& query)
        : email(NormaliseEmail(query.email)), phone(NormalisePhone(query.phone))
    {
        if (email.empty() && phone.empty())
            throw ValidationError("Indiquez l'adresse électronique ou le numéro de téléphone de la personne.");
        if (!email.empty() && email.find('@') == std::string::npos)
            throw ValidationError("L'adresse électronique « " + query.email + " » n'en est pas une.");
        if (!query.phone.empty() && phone.size() < 8)
            throw ValidationError("Le numéro de téléphone « " + query.phone + " » est trop court.");
    }

    bool Matches(const std::string& contactEmail, const std::string& contactPhone) const
    {
        return (!email.empty() && NormaliseEmail(contactEmail) == email) ||
               (!phone.empty() && !contactPhone.empty() && NormalisePhone(contactPhone) == phone);
    }

    bool Matches(const std::string& text, const ContactMention& m) const
    {
        const std::string found = text.substr(m.offset, m.length);
        return m.kind == ContactMention::Kind::Email ? !email.empty() && NormaliseEmail(found) == email
                                                    : !phone.empty() && NormalisePhone(found) == phone;
    }
};

/// A contact_details row with where it belongs.
struct ContactRow {
    std::string id;
    PersonalDataReport::Contact contact;
};

std::vector<ContactRow> MatchingContacts(Database& db, const Wanted& wanted)
{
    std::vector<ContactRow> rows;
    QueryRows(db,
              "SELECT CAST(cd.id AS text), CAST(c.id AS text), c.seq, co.title, c.received_at, cd.name, cd.email, "
              "cd.phone, cd.consent_to_recontact, cd.purge_on FROM contact_details cd "
              "JOIN contribution c ON c.id = cd.contribution_id JOIN consultation co ON co.id = c.consultation_id "
              "WHERE cd.email <> '' OR cd.phone <> '' ORDER BY c.received_at, c.seq",
              Params{}, [&](const soci::row& row) {
                  if (!wanted.Matches(Cell::Text(row, 6), Cell::Text(row, 7)))
                      return;
                  ContactRow r;
                  r.id = Cell::Text(row, 0);
                  auto& c = r.contact;
                  c.contributionId = Cell::Text(row, 1);
                  c.entryNumber = Cell::Integer(row, 2);
                  c.consultation = Cell::Text(row, 3);
                  c.receivedAt = Cell::Instant(row, 4).Day().ToIso();
                  c.name = Cell::Text(row, 5);
                  c.email = Cell::Text(row, 6);
                  c.phone = Cell::Text(row, 7);
                  c.consentToRecontact = Cell::Integer(row, 8) != 0;
                  if (const auto day = Cell::Day(row, 9))
                      c.purgeOn = day->ToIso();
                  rows.push_back(std::move(r));
              });
    return rows;
}

/// A flagged contribution's texts.
struct FlaggedTexts {
    std::string id, consultation;
    long long seq = 0;
    int version = 0;
    std::string texts[3]; ///< title, body, notes
};

std::vector<FlaggedTexts> FlaggedContributions(Database& db)
{
    std::vector<FlaggedTexts> rows;
    QueryRows(db,
              "SELECT CAST(c.id AS text), c.seq, co.title, c.version, c.title, c.body, c.notes FROM contribution c "
              "JOIN consultation co ON co.id = c.consultation_id WHERE c.mentions_contact ORDER BY c.seq",
              Params{}, [&](const soci::row& row) {
                  FlaggedTexts f;
                  f.id = Cell::Text(row, 0);
                  f.seq = Cell::Integer(row, 1);
                  f.consultation = Cell::Text(row, 2);
                  f.version = static_cast<int>(Cell::Integer(row, 3));
                  for (std::size_t i = 0; i < 3; ++i)
                      f.texts[i] = Cell::Text(row, 4 + i);
                  rows.push_back(std::move(f));
              });
    return rows;
}

bool IsSentenceEnd(const std::string& t, std::size_t i)
{
    return t[i] == '\n' || ((t[i] == '.' || t[i] == '!' || t[i] == '?') && i + 1 < t.size() && t[i + 1] == ' ');
}

bool IsContinuation(const std::string& t, std::size_t i)
{
    return i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80;
}

/// The sentence around [offset, offset + length) of `text`, at most about 160 bytes each side.
std::string SentenceAround(const std::string& text, std::size_t offset, std::size_t length)
{
    constexpr std::size_t kReach = 160;
    std::size_t start = offset, end = offset + length;
    while (start > 0 && offset - start < kReach && !IsSentenceEnd(text, start - 1))
        --start;
    while (end < text.size() && end - offset - length < kReach && !IsSentenceEnd(text, end))
        ++end;
    if (end < text.size() && text[end] != '\n')
        ++end; // keep the full stop
    while (IsContinuation(text, start))
        ++start;
    while (IsContinuation(text, end))
        ++end;
    std::string excerpt = text.substr(start, end - start);
    const auto first = excerpt.find_first_not_of(" \n\t");
    const auto last = excerpt.find_last_not_of(" \n\t");
    excerpt = first == std::string::npos ? std::string() : excerpt.substr(first, last - first + 1);
    if (start > 0 && !IsSentenceEnd(text, start - 1))
        excerpt = "…" + excerpt;
    if (end < text.size() && !IsSentenceEnd(text, end - 1))
        excerpt += "…";
    return excerpt;
}

/// The excerpt shown for a mention: the person's own contact data stays readable (the report is
/// for them), anyone else's is masked.
std::string Excerpt(const std::string& text, const std::vector<ContactMention>& mentions, std::size_t which)
{
    std::string shown;
    std::size_t from = 0, offset = 0;
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        const ContactMention& m = mentions[i];
        shown.append(text, from, m.offset - from);
        if (i == which) {
            offset = shown.size();
            shown.append(text, m.offset, m.length);
        } else {
            shown += MaskContactMentions(text.substr(m.offset, m.length));
        }
        from = m.offset + m.length;
    }
    shown.append(text, from, std::string::npos);
    return SentenceAround(shown, offset, mentions[which].length);
}

/// `text` with the person's mentions masked and everyone else's left as they are.
std::string MaskPerson(const std::string& text, const Wanted& wanted)
{
    std::string out;
    std::size_t from = 0;
    for (const ContactMention& m : FindContactMentions(text)) {
        if (!wanted.Matches(text, m))
            continue;
        out.append(text, from, m.offset - from);
        out += MaskContactMentions(text.substr(m.offset, m.length));
        from = m.offset + m.length;
    }
    out.append(text, from, std::string::npos);
    return out;
}

std::string FrenchDay(const std::string& iso)
{
    const auto day = Date::Parse(iso);
    if (!day)
        return iso;
    const std::string s = day->ToIso();
    return s.substr(8, 2) + "/" + s.substr(5, 2) + "/" + s.substr(0, 4);
}

} // namespace

int PurgeExpiredContacts(Database& db, const std::string& today)
{
    const auto day = Date::Parse(today);
    if (!day)
        throw ValidationError("La date « " + today + " » n'est pas une date (AAAA-MM-JJ).");
    long long purged = 0;
    db.InTransaction([&] {
        Bindings params;
        params.Text("today", day->ToIso());
        purged = Execute(db, "DELETE FROM contact_details WHERE purge_on IS NOT NULL AND purge_on < :today", params);
        if (purged > 0)
            coding::Announce(db, "contact_details:*");
    });
    return static_cast<int>(purged);
}

PersonalDataReport FindPerson(Database& db, const PersonQuery& query)
{
    const Wanted wanted(query);
    PersonalDataReport report;
    report.query = query;
    db.InTransaction([&] { // one snapshot for both reads
        for (auto& row : MatchingContacts(db, wanted))
            report.contacts.push_back(std::move(row.contact));
        for (const FlaggedTexts& f : FlaggedContributions(db)) {
            for (std::size_t field = 0; field < 3; ++field) {
                const std::string& text = f.texts[field];
                const auto mentions = FindContactMentions(text);
                for (std::size_t i = 0; i < mentions.size(); ++i) {
                    if (!wanted.Matches(text, mentions[i]))
                        continue;
                    report.mentions.push_back({f.id, f.seq, f.consultation, kFields[field],
                                               Excerpt(text, mentions, i)});
                    break; // one excerpt per field is enough to say where
                }
            }
        }
    });
    return report;
}

std::string FormatAccessReport(const PersonalDataReport& report, const std::string& today)
{
    std::string out = "RELEVÉ DES DONNÉES PERSONNELLES DÉTENUES\n";
    out += "Service de la participation citoyenne — relevé établi le " + FrenchDay(today) + "\n\n";
    out += "Personne recherchée\n";
    if (!report.query.email.empty())
        out += "  Adresse électronique : " + report.query.email + "\n";
    if (!report.query.phone.empty())
        out += "  Téléphone : " + report.query.phone + "\n";
    out += "\nCe relevé répond à une demande d'accès (article 15 du RGPD). Il liste les coordonnées que nous\n"
           "conservons et les contributions dont le texte les mentionne. Dans les extraits, vos propres\n"
           "coordonnées restent lisibles ; celles d'autres personnes sont masquées.\n\n";
    out += "1. Coordonnées enregistrées (" + std::to_string(report.contacts.size()) + ")\n";
    if (report.contacts.empty())
        out += "  Aucune fiche de coordonnées ne correspond.\n";
    for (const auto& c : report.contacts) {
        out += "\n  Contribution n° " + std::to_string(c.entryNumber) + " — consultation « " + c.consultation +
               " », reçue le " + FrenchDay(c.receivedAt) + "\n";
        if (!c.name.empty())
            out += "    Nom : " + c.name + "\n";
        if (!c.email.empty())
            out += "    Adresse électronique : " + c.email + "\n";
        if (!c.phone.empty())
            out += "    Téléphone : " + c.phone + "\n";
        out += std::string("    Accord pour être recontacté(e) : ") + (c.consentToRecontact ? "oui" : "non") + "\n";
        out += "    Conservées depuis le " + FrenchDay(c.receivedAt) + ", " +
               (c.purgeOn.empty() ? "sans date d'effacement fixée (effacement sur demande)"
                                  : "effacées automatiquement après le " + FrenchDay(c.purgeOn)) +
               "\n";
    }
    out += "\n2. Mentions dans le texte des contributions (" + std::to_string(report.mentions.size()) + ")\n";
    if (report.mentions.empty())
        out += "  Aucun texte de contribution ne mentionne ces coordonnées.\n";
    for (const auto& m : report.mentions) {
        const char* where = m.field == "title" ? "titre" : m.field == "body" ? "texte" : "notes de l'équipe";
        out += "\n  Contribution n° " + std::to_string(m.entryNumber) + " — consultation « " + m.consultation +
               " » (" + where + ")\n    « " + m.excerpt + " »\n";
    }
    out += "\nCes données servent uniquement à l'analyse de la consultation et, si vous l'avez accepté, à vous\n"
           "recontacter. Elles n'apparaissent dans aucun rapport ni export : les adresses et numéros écrits\n"
           "dans les contributions y sont masqués. Vous pouvez demander leur effacement au service.\n";
    return out;
}

ErasureResult ErasePerson(Database& db, const PersonQuery& query)
{
    const Wanted wanted(query);
    ErasureResult result;
    db.InTransaction([&] {
        for (const ContactRow& row : MatchingContacts(db, wanted)) {
            Bindings params;
            params.Text("id", row.id);
            result.contactsErased += static_cast<int>(Execute(db, "DELETE FROM contact_details WHERE id = :id", params));
        }
        const std::string now = Timestamp::Now().ToIso();
        for (const FlaggedTexts& f : FlaggedContributions(db)) {
            std::string masked[3];
            bool changed = false;
            for (std::size_t i = 0; i < 3; ++i) {
                masked[i] = MaskPerson(f.texts[i], wanted);
                changed = changed || masked[i] != f.texts[i];
            }
            if (!changed)
                continue;
            const bool still = MentionsContact(masked[0]) || MentionsContact(masked[1]) || MentionsContact(masked[2]);
            Bindings params;
            params.Text("title", masked[0]);
            params.Text("body", masked[1]);
            params.Text("notes", masked[2]);
            params.Integer("mentions", still ? 1 : 0);
            params.Text("at", now);
            params.Text("by", db.UserName());
            params.Text("id", f.id);
            Execute(db,
                    "UPDATE contribution SET title = :title, body = :body, notes = :notes, mentions_contact = "
                    ":mentions, version = version + 1, updated_at = :at, updated_by = :by WHERE id = :id",
                    params);
            ++result.contributionsMasked;
        }
        if (result.contactsErased > 0)
            coding::Announce(db, "contact_details:*");
        if (result.contributionsMasked > 0)
            coding::Announce(db, "contribution:*");
    });
    return result;
}

} // namespace concerto
