// Personal data (issue 8, item 4), on both backends: the mentions_contact flag kept in step by
// every write and by the migration, the purge, the access report, the erasure, the masking of
// exports and the re-import of a masked export that must not overwrite the stored texts.

#include "cli_run.h"
#include "db/coding.h"
#include "db/export.h"
#include "db/import.h"
#include "db/migrations.h"
#include "db/personal_data.h"
#include "db/repositories.h"
#include "sample.h"
#include "support/backends.h"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace concerto;
using namespace concerto::test;

namespace {

const std::string kEmailMask = "[adresse électronique masquée]";
const std::string kPhoneMask = "[téléphone masqué]";

bool Flagged(Database& db, const std::string& id)
{
    long long flag = -1;
    QueryRows(db, "SELECT c.mentions_contact FROM contribution c WHERE c.id = :id", {{"id", id}},
              [&](const soci::row& row) { flag = Cell::Integer(row, 0); });
    BOOST_TEST_REQUIRE(flag >= 0);
    return flag != 0;
}

ContactDetails AddContact(Database& db, const std::string& contributionId, const std::string& email,
                          const std::string& phone, std::optional<Date> purgeOn = std::nullopt)
{
    ContactDetails c;
    c.contributionId = contributionId;
    c.name = "Jean Dupont";
    c.email = email;
    c.phone = phone;
    c.consentToRecontact = true;
    c.purgeOn = purgeOn;
    return ContactRepository(db).Create(c);
}

std::string Folder(Database& db, const std::string& test)
{
    const std::string folder =
        TempFolder() + "/" + test + "_" + (db.GetBackend() == Backend::Sqlite ? "sqlite" : "postgresql");
    std::filesystem::create_directories(folder);
    return folder;
}

std::string ReadFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

BOOST_AUTO_TEST_SUITE(personal_data)

BACKEND_TEST(the_flag_follows_the_texts_on_every_write)
{
    Sample sample(db);
    auto plain = sample.AddContribution(db, "Plus de bancs au square, merci.");
    auto phone = sample.AddContribution(db, "Rappelez-moi au 06 12 34 56 78 pour en parler.");
    BOOST_TEST(!Flagged(db, plain.id));
    BOOST_TEST(Flagged(db, phone.id));

    ContributionRepository contributions(db);
    phone.body = "Rappelez-moi, je passerai en mairie.";
    phone = contributions.Update(phone);
    BOOST_TEST(!Flagged(db, phone.id));
    plain.title = "Écrire à square@exemple.fr";
    plain = contributions.Update(plain);
    BOOST_TEST(Flagged(db, plain.id));

    // The team's notes count too, written by the coding actions.
    auto noted = sample.AddContribution(db, "Un avis sans coordonnées.");
    auto note = MakeSetNote(noted.id, "Rappeler la personne : +33 (0)6 12 34 56 78");
    note->Apply(db);
    BOOST_TEST(Flagged(db, noted.id));
    note->Revert(db);
    BOOST_TEST(!Flagged(db, noted.id));
}

BACKEND_TEST(the_migration_flags_the_rows_already_there)
{
    Sample sample(db);
    const auto phone = sample.AddContribution(db, "Mon numéro : 01-23-45-67-89.");
    const auto plain = sample.AddContribution(db, "Le 12/03/2024, 1 000 000 € pour 75001 habitants ?");
    Bindings none;
    db.InTransaction([&] {
        Execute(db, "UPDATE contribution SET mentions_contact = FALSE", none);
        AfterMigration(db, 5);
    });
    BOOST_TEST(Flagged(db, phone.id));
    BOOST_TEST(!Flagged(db, plain.id));
}

BACKEND_TEST(the_purge_deletes_only_the_contacts_past_their_date)
{
    Sample sample(db);
    const auto a = sample.AddContribution(db, "Premier avis.");
    const auto b = sample.AddContribution(db, "Deuxième avis.");
    const auto c = sample.AddContribution(db, "Troisième avis.");
    AddContact(db, a.id, "a@exemple.fr", "", Date{2024, 1, 31});
    const auto kept = AddContact(db, b.id, "b@exemple.fr", "", Date{2024, 2, 1});
    const auto forever = AddContact(db, c.id, "c@exemple.fr", "");
    BOOST_TEST(PurgeExpiredContacts(db, "2024-02-01") == 1);
    ContactRepository contacts(db);
    BOOST_TEST(contacts.Count() == 2);
    BOOST_TEST(contacts.Find(kept.id).has_value());
    BOOST_TEST(contacts.Find(forever.id).has_value());
    BOOST_TEST(ContributionRepository(db).Count() == 3); // what people said stays
    BOOST_TEST(PurgeExpiredContacts(db, "2024-02-01") == 0);
    BOOST_CHECK_THROW(PurgeExpiredContacts(db, "hier"), ValidationError);
}

BACKEND_TEST(a_person_is_found_by_normalised_phone_or_e_mail)
{
    Sample sample(db);
    const auto withContact = sample.AddContribution(db, "Avis sur le logement.");
    const auto mention = sample.AddContribution(
        db, "Contactez-moi au +33 6 12 34 56 78. Ma voisine, elle, est à voisine@exemple.fr.");
    const auto other = sample.AddContribution(db, "Autre personne : 07 00 00 00 01.");
    AddContact(db, withContact.id, "Jean.Dupont@Exemple.fr", "06.12.34.56.78", Date{2025, 6, 30});
    AddContact(db, other.id, "autre@exemple.fr", "07 00 00 00 01");

    const auto byPhone = FindPerson(db, {"", "0612345678"});
    BOOST_TEST_REQUIRE(byPhone.contacts.size() == 1u);
    BOOST_TEST(byPhone.contacts[0].contributionId == withContact.id);
    BOOST_TEST(byPhone.contacts[0].email == "Jean.Dupont@Exemple.fr");
    BOOST_TEST(byPhone.contacts[0].purgeOn == "2025-06-30");
    BOOST_TEST(byPhone.contacts[0].consentToRecontact);
    BOOST_TEST_REQUIRE(byPhone.mentions.size() == 1u);
    BOOST_TEST(byPhone.mentions[0].contributionId == mention.id);
    BOOST_TEST(byPhone.mentions[0].field == "body");
    BOOST_TEST(byPhone.mentions[0].excerpt == "Contactez-moi au +33 6 12 34 56 78.");

    const auto byEmail = FindPerson(db, {" jean.dupont@exemple.FR", ""});
    BOOST_TEST(byEmail.contacts.size() == 1u);
    BOOST_TEST(byEmail.mentions.empty());

    const std::string text = FormatAccessReport(byPhone, "2024-03-15");
    BOOST_TEST(text.find("15/03/2024") != std::string::npos);
    BOOST_TEST(text.find("Jean.Dupont@Exemple.fr") != std::string::npos);
    BOOST_TEST(text.find("30/06/2025") != std::string::npos);
    BOOST_TEST(text.find("Contribution n° ") != std::string::npos);
    BOOST_TEST(text.find("Contactez-moi au +33 6 12 34 56 78.") != std::string::npos); // their own number
    BOOST_TEST(text.find("voisine@exemple.fr") == std::string::npos); // someone else's address
    BOOST_TEST(text.find("autre@exemple.fr") == std::string::npos);

    BOOST_CHECK_THROW(FindPerson(db, {"", ""}), ValidationError);
    BOOST_CHECK_THROW(FindPerson(db, {"pas une adresse", ""}), ValidationError);
}

BACKEND_TEST(erasure_removes_the_contacts_and_masks_only_that_persons_mentions)
{
    Sample sample(db);
    const auto withContact = sample.AddContribution(db, "Avis sur le logement.");
    auto mention = sample.AddContribution(db, "Écrivez-moi : jean.dupont@exemple.fr ou voisine@exemple.fr.");
    const auto other = sample.AddContribution(db, "Rien de personnel ici.");
    AddContact(db, withContact.id, "jean.dupont@exemple.fr", "");
    const auto otherContact = AddContact(db, other.id, "autre@exemple.fr", "");
    const int versionBefore = mention.version;

    const ErasureResult result = ErasePerson(db, {"Jean.Dupont@exemple.fr", ""});
    BOOST_TEST(result.contactsErased == 1);
    BOOST_TEST(result.contributionsMasked == 1);

    ContactRepository contacts(db);
    BOOST_TEST(contacts.Count() == 1);
    BOOST_TEST(contacts.Find(otherContact.id).has_value());
    const auto stored = ContributionRepository(db).Get(mention.id);
    BOOST_TEST(stored.body == "Écrivez-moi : " + kEmailMask + " ou voisine@exemple.fr.");
    BOOST_TEST(stored.version == versionBefore + 1);
    BOOST_TEST(Flagged(db, mention.id)); // the neighbour's address is still there
    BOOST_TEST(ContributionRepository(db).Count() == 3);

    // Nothing left to find; erasing again changes nothing.
    const auto after = FindPerson(db, {"jean.dupont@exemple.fr", ""});
    BOOST_TEST(after.contacts.empty());
    BOOST_TEST(after.mentions.empty());
    const ErasureResult again = ErasePerson(db, {"jean.dupont@exemple.fr", ""});
    BOOST_TEST(again.contactsErased == 0);
    BOOST_TEST(again.contributionsMasked == 0);
}

BACKEND_TEST(an_export_is_masked_and_its_reimport_keeps_the_stored_texts)
{
    Sample sample(db);
    auto c = sample.AddContribution(db, "Appelez le 06 12 34 56 78 ou écrivez à jean@exemple.fr.");
    c.title = "Contact : 01 23 45 67 89";
    c = ContributionRepository(db).Update(c);
    sample.AddContribution(db, "Un avis sans coordonnées.");
    const std::string path = Folder(db, "personal_data_export") + "/contributions.csv";
    ExportOptions options;
    options.consultationId = sample.consultation.id;
    SilentProgress progress;
    BOOST_TEST(ExportTable(db, path, options, progress) == 2u);
    const std::string file = ReadFile(path);
    BOOST_TEST(file.find("06 12 34 56 78") == std::string::npos);
    BOOST_TEST(file.find("jean@exemple.fr") == std::string::npos);
    BOOST_TEST(file.find("01 23 45 67 89") == std::string::npos);
    BOOST_TEST(file.find(kPhoneMask) != std::string::npos);
    BOOST_TEST(file.find(kEmailMask) != std::string::npos);

    ImportOptions import;
    import.kind = ImportKind::Contributions;
    import.consultationId = sample.consultation.id;
    const ImportReport report = RunImport(db, path, import, progress);
    BOOST_TEST(report.updated == 0u);
    BOOST_TEST(report.created == 0u);
    const auto stored = ContributionRepository(db).Get(c.id);
    BOOST_TEST(stored.body == c.body);
    BOOST_TEST(stored.title == c.title);
    BOOST_TEST(stored.version == c.version);
    BOOST_TEST(Flagged(db, c.id));
}

BACKEND_TEST(an_import_flags_the_texts_it_writes)
{
    Sample sample(db);
    const std::string path = Folder(db, "personal_data_import") + "/contributions.csv";
    std::ofstream(path, std::ios::binary)
        << "external_id,received_at,channel,text\r\n"
           "A-1,2023-10-02 12:00,caravane,Mon mail : a.b@exemple.fr\r\n"
           "A-2,2023-10-02 12:00,caravane,Aucun numéro ici\r\n";
    ImportOptions import;
    import.kind = ImportKind::Contributions;
    import.consultationId = sample.consultation.id;
    SilentProgress progress;
    const ImportReport report = RunImport(db, path, import, progress);
    BOOST_TEST_REQUIRE(report.created == 2u);
    long long flagged = 0;
    QueryRows(db, "SELECT COUNT(*) FROM contribution c WHERE c.mentions_contact", Params{},
              [&](const soci::row& row) { flagged = Cell::Integer(row, 0); });
    BOOST_TEST(flagged == 1);
}

BACKEND_TEST(the_command_line_reports_and_erases)
{
    Sample sample(db);
    const auto c = sample.AddContribution(db, "Mon numéro : 06 12 34 56 78.");
    AddContact(db, c.id, "jean@exemple.fr", "+33 6 12 34 56 78", Date{2020, 1, 1});
    const std::string location = db.GetLocation().ToDisplayString();
    const std::string out = Folder(db, "personal_data_cli") + "/releve.txt";
    const std::string cli = CliPath() + " personal-data ";
    auto [reportOutput, reportStatus] =
        RunCommand(cli + "report --db '" + location + "' --phone 0612345678 --out '" + out + "' 2>&1");
    BOOST_TEST(reportStatus == 0, reportOutput);
    const std::string text = ReadFile(out);
    BOOST_TEST(text.find("jean@exemple.fr") != std::string::npos, text);
    BOOST_TEST(text.find("Mon numéro : 06 12 34 56 78.") != std::string::npos, text);

    auto [refused, refusedStatus] = RunCommand(cli + "erase --db '" + location + "' --email jean@exemple.fr < /dev/null 2>&1");
    BOOST_TEST(refusedStatus == 1, refused);
    BOOST_TEST(ContactRepository(db).Count() == 1);

    auto [erased, erasedStatus] =
        RunCommand(cli + "erase --db '" + location + "' --phone '+33 6 12 34 56 78' --yes 2>&1");
    BOOST_TEST(erasedStatus == 0, erased);
    BOOST_TEST(ContactRepository(db).Count() == 0);
    BOOST_TEST(ContributionRepository(db).Get(c.id).body == "Mon numéro : " + kPhoneMask + ".");

    AddContact(db, c.id, "", "", Date{2020, 1, 1});
    auto [purged, purgedStatus] = RunCommand(cli + "purge --db '" + location + "' --today 2024-01-01 2>&1");
    BOOST_TEST(purgedStatus == 0, purged);
    BOOST_TEST(purged.find("1 fiche") != std::string::npos, purged);
    BOOST_TEST(ContactRepository(db).Count() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
