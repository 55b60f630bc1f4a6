// Importing commitments and meetings, and the rules every import follows, on both backends:
// an invalid row refuses the whole file with its line named and the database untouched;
// skip-invalid imports the rest and writes the rejects file; unknown references are refused
// unless created on request; real-world files (Windows-1252 with ';', BOM, multi-line cells,
// truncated, invalid UTF-8); cancel; the mappings saved in the database.

#include "core/tabular.h"
#include "db/bulk.h"
#include "test_import_support.h"

using namespace concerto;
using namespace concerto::test;

namespace {

const char* const kContributionHeader =
    "external_id,received_at,channel,meeting,neighbourhood,card,profile,title,text,tags,labels,quote\n";

} // namespace

BACKEND_TEST(import_commitments_create_update_and_history)
{
    Sample s(db);
    const std::string file = "ref,theme,title,description,status\n"
                             "LOG-01,LOG,Rénover les logements anciens,,En cours\n"
                             "LOG-02,logement,Encadrer les loyers,Avec la métropole,reste a faire\n"
                             "LOG-03,Logement,Un toit pour tous,,\n";
    const auto report = ImportText(db, "engagements.csv", file, OptionsFor(s, ImportKind::Commitments));
    BOOST_TEST(report.created == 2u);
    BOOST_TEST(report.unchanged == 1u); // LOG-01 was already in progress, with no description
    BOOST_TEST(Texts(db, "SELECT ref || ':' || status FROM commitment") ==
               (std::set<std::string>{"LOG-01:in_progress", "LOG-02:planned", "LOG-03:planned"}));
    BOOST_TEST(Text(db, "SELECT description FROM commitment WHERE ref = 'LOG-02'") == "Avec la métropole");
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM commitment WHERE theme_id = :t", {{"t", s.theme.id}}) == 3);

    // No description column this time: the descriptions stay as they are.
    const std::string edited = "ref,theme,title,status\n"
                               "LOG-01,LOG,Rénover les logements anciens,Fait\n"
                               "LOG-02,LOG,Encadrer les loyers,planned\n";
    const auto second = ImportText(db, "statuts.csv", edited, OptionsFor(s, ImportKind::Commitments));
    BOOST_TEST(second.updated == 1u);
    BOOST_TEST(second.unchanged == 1u);
    BOOST_TEST(Text(db, "SELECT status FROM commitment WHERE ref = 'LOG-01'") == "done");
    BOOST_TEST(Text(db, "SELECT description FROM commitment WHERE ref = 'LOG-02'") == "Avec la métropole");
    BOOST_TEST(Scalar(db, "SELECT version FROM commitment WHERE ref = 'LOG-01'") == 2);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM commitment_status_change") == 1);
    BOOST_TEST(Text(db, "SELECT status FROM commitment_status_change WHERE commitment_id = :c", {{"c", s.commitment.id}}) ==
               "done");
    BOOST_TEST(Contains(Text(db, "SELECT comment FROM commitment_status_change"), "statuts.csv"));
    BOOST_REQUIRE(second.changes.size() == 1u);
    BOOST_TEST(second.changes[0].before == "En cours");
    BOOST_TEST(second.changes[0].after == "Fait");
}

BACKEND_TEST(import_meetings_create_and_reimport)
{
    Sample s(db);
    const std::string file = "ref,channel,title,date,place,neighbourhood,attendance\n"
                             "CAR-2,caravane,Caravane — gare,23/09/2023 14:00,Parvis de la gare,Ivry-Port,45\n"
                             "CAR-3,Caravane citoyenne,Caravane — mairie,2023-09-30T10:00:00Z,,,\n";
    const auto options = OptionsFor(s, ImportKind::Meetings);
    const auto report = ImportText(db, "rencontres.csv", file, options);
    BOOST_TEST(report.created == 2u);
    BOOST_TEST(Scalar(db, "SELECT attendance FROM meeting WHERE ref = 'CAR-2'") == 45);
    BOOST_TEST(Text(db, "SELECT CAST(neighbourhood_id AS text) FROM meeting WHERE ref = 'CAR-2'") == s.neighbourhood.id);
    BOOST_TEST(Text(db, "SELECT place FROM meeting WHERE ref = 'CAR-2'") == "Parvis de la gare");
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM meeting WHERE ref = 'CAR-3' AND attendance IS NULL") == 1);
    const auto expected = ParseImportInstant("23/09/2023 14:00");
    BOOST_REQUIRE(expected.has_value());
    Timestamp stored;
    QueryRows(db, "SELECT starts_at FROM meeting WHERE ref = 'CAR-2'", {},
              [&](const soci::row& row) { stored = Cell::Instant(row, 0); });
    BOOST_TEST(stored.seconds == expected->seconds);

    const std::string before = DumpDatabase(db);
    const auto again = ImportText(db, "rencontres.csv", file, options);
    BOOST_TEST(again.unchanged == 2u);
    BOOST_TEST(DumpDatabase(db) == before);
}

BACKEND_TEST(import_invalid_row_refuses_everything)
{
    Sample s(db);
    const std::string before = DumpDatabase(db);
    const std::string file = std::string(kContributionHeader) + "A,2023-10-02,caravane,,,,,,Bon,,,\n"
                                                                "B,2023-13-45,caravane,,,,,,Mauvaise date,,,\n"
                                                                "C,2023-10-02,caravane,,,,,,,,,\n"
                                                                "D,2023-10-02,caravane,,,,,,Bon aussi,,,\n";
    const std::string message = RefusalOf(db, "refus.csv", file, OptionsFor(s, ImportKind::Contributions));
    BOOST_TEST(Contains(message, "refus.csv"));
    BOOST_TEST(Contains(message, "ligne 3"));
    BOOST_TEST(Contains(message, "colonne 2"));
    BOOST_TEST(Contains(message, "2 lignes refusées"));
    BOOST_TEST(DumpDatabase(db) == before);
}

BACKEND_TEST(import_skip_invalid_writes_rejects)
{
    Sample s(db);
    const std::string file = std::string(kContributionHeader) + "A,2023-10-02,caravane,,,,,,Bon,,,\n"
                                                                "B,2023-10-02,caravane,CAR-9,,,,,Rencontre inconnue,,,\n"
                                                                "C,2023-10-02,caravane,,,,,,\"Sur deux\nlignes, ok\",,,\n"
                                                                "D,2023-10-02,caravane,,,,,,Bon,XYZ:soutien,,\n";
    auto options = OptionsFor(s, ImportKind::Contributions);
    options.skipInvalid = true;
    options.rejectsPath = TempFolder() + "/rejets.csv";
    const auto report = ImportText(db, "partiel.csv", file, options);
    BOOST_TEST(report.created == 2u);
    BOOST_TEST(report.rejected == 2u);
    BOOST_TEST(Texts(db, "SELECT source_ref FROM contribution") == (std::set<std::string>{"A", "C"}));
    BOOST_TEST(Text(db, "SELECT body FROM contribution WHERE source_ref = 'C'") == "Sur deux\nlignes, ok");

    auto reader = OpenTabular(options.rejectsPath);
    BOOST_TEST(reader->Header().size() == 14u);
    BOOST_TEST(reader->Header()[12] == "ligne");
    BOOST_TEST(reader->Header()[13] == "erreur");
    std::vector<std::string> cells;
    BOOST_REQUIRE(reader->Next(cells));
    BOOST_TEST(cells[0] == "B");
    BOOST_TEST(cells[12] == "3");
    BOOST_TEST(Contains(cells[13], "CAR-9"));
    BOOST_REQUIRE(reader->Next(cells));
    BOOST_TEST(cells[0] == "D");
    BOOST_TEST(cells[12] == "6"); // the multi-line cell above takes lines 4 and 5
    BOOST_TEST(Contains(cells[13], "XYZ"));
    BOOST_TEST(!reader->Next(cells));
}

BACKEND_TEST(import_unknown_references_created_on_request)
{
    Sample s(db);
    const std::string file = std::string(kContributionHeader) +
                             "A,2023-10-02,Permanence,,Gare,,,,Texte,,Propreté|Vélo,\n"
                             "B,2023-10-02,permanence,,gare,,,,Autre texte,,propreté,\n";
    auto options = OptionsFor(s, ImportKind::Contributions);
    const std::string message = RefusalOf(db, "refs.csv", file, options);
    BOOST_TEST(Contains(message, "Canal inconnu"));
    BOOST_TEST(Contains(message, "Permanence"));
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM channel") == 1);

    options.createMissing = true;
    const auto report = ImportText(db, "refs.csv", file, options);
    BOOST_TEST(report.created == 2u);
    BOOST_TEST(report.createdReferences.size() == 4u);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM channel WHERE code = 'Permanence'") == 1);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM neighbourhood WHERE name = 'Gare'") == 1);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM label WHERE consultation_id = :c", {{"c", s.consultation.id}}) == 2);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution_label") == 3);

    // Meetings are never created: still an error.
    const std::string meeting = std::string(kContributionHeader) + "M,2023-10-02,caravane,CAR-77,,,,,Texte,,,\n";
    BOOST_TEST(Contains(RefusalOf(db, "meeting.csv", meeting, options), "Rencontre inconnue"));
}

BACKEND_TEST(import_windows1252_semicolon_and_bom)
{
    Sample s(db);
    // Windows-1252: é = \xE9, à = \xE0, ’ = \x92; delimiter ';'.
    const std::string ansi = "external_id;received_at;channel;text\r\n"
                             "W-1;02/10/2023;caravane;\"Un \xE9t\xE9 \xE0 Ivry ; l\x92ombre manque\"\r\n";
    const auto options = OptionsFor(s, ImportKind::Contributions);
    BOOST_TEST(ImportText(db, "ansi.csv", ansi, options).created == 1u);
    BOOST_TEST(Text(db, "SELECT body FROM contribution WHERE source_ref = 'W-1'") == "Un été à Ivry ; l’ombre manque");

    const std::string bom = "\xEF\xBB\xBF" "external_id,received_at,channel,text\n"
                            "B-1,2023-10-02,caravane,Déjà vu\n";
    BOOST_TEST(ImportText(db, "bom.csv", bom, options).created == 1u);
    BOOST_TEST(Text(db, "SELECT body FROM contribution WHERE source_ref = 'B-1'") == "Déjà vu");
}

BACKEND_TEST(import_broken_files_refused)
{
    Sample s(db);
    const std::string before = DumpDatabase(db);
    auto options = OptionsFor(s, ImportKind::Contributions);
    const std::string truncated = std::string(kContributionHeader) + "A,2023-10-02,caravane,,,,,,Bon,,,\n"
                                                                     "B,2023-10-02,caravane,,,,,,\"Jamais fermé\n";
    const std::string message = RefusalOf(db, "tronque.csv", truncated, options);
    BOOST_TEST(Contains(message, "tronque.csv"));
    BOOST_TEST(Contains(message, "ligne 3"));
    options.file.encoding = TextEncoding::Utf8;
    const std::string invalid = std::string(kContributionHeader) + "A,2023-10-02,caravane,,,,,,Bon,,,\n"
                                                                   "B,2023-10-02,caravane,,,,,,Mauvais \xC3(,,,\n";
    BOOST_TEST(Contains(RefusalOf(db, "invalide.csv", invalid, options), "ligne 3"));
    BOOST_TEST(DumpDatabase(db) == before);
}

BACKEND_TEST(import_cancel_leaves_database_unchanged)
{
    Sample s(db);
    const std::string before = DumpDatabase(db);
    std::string file = kContributionHeader;
    for (int i = 0; i < 2500; ++i)
        file += "N-" + std::to_string(i) + ",2023-10-02,caravane,,,,,,Contribution " + std::to_string(i) + ",LOG-01,,\n";
    const std::string path = WriteImportFile("annule.csv", file);
    for (int after : {1, 3, 6}) {
        CancellingProgress progress(after);
        BOOST_CHECK_THROW(RunImport(db, path, OptionsFor(s, ImportKind::Contributions), progress), CancelledError);
        BOOST_TEST(DumpDatabase(db) == before);
    }
    CancellingProgress never(1000000);
    const auto report = RunImport(db, path, OptionsFor(s, ImportKind::Contributions), never);
    BOOST_TEST(report.created == 2500u);
    BOOST_REQUIRE(never.phases.size() == 2u);
    BOOST_TEST(never.phases[0].rfind("Lecture de ", 0) == 0);
    BOOST_TEST(Contains(never.phases[0], "annule.csv"));
    BOOST_TEST(never.phases[1] == "Enregistrement");
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution c WHERE c.state = 'tagged'") == 2500);
}

BACKEND_TEST(import_saved_mappings_round_trip)
{
    Sample s(db);
    auto mapping = ColumnMapping::Parse("tableur mairie", ImportKind::Contributions,
                                        "external_id = Numéro\nreceived_at = Date\nchannel = \"caravane\"\ntext = Avis | Texte\n");
    SaveMapping(db, mapping);
    const auto saved = ListSavedMappings(db, ImportKind::Contributions);
    BOOST_REQUIRE(saved.size() == 1u);
    BOOST_TEST(saved[0].name == "tableur mairie");
    BOOST_TEST(saved[0].Serialize() == mapping.Serialize());
    BOOST_TEST(ListSavedMappings(db, ImportKind::Meetings).empty());
    BOOST_TEST(ResolveMapping(db, ImportKind::Contributions, "decidim").name == "decidim");

    auto options = OptionsFor(s, ImportKind::Contributions);
    options.mapping = ResolveMapping(db, ImportKind::Contributions, "tableur mairie");
    const auto report = ImportText(db, "mairie.csv", "Numéro,Date,Avis\n17,02/10/2023,Plus de bancs\n", options);
    BOOST_TEST(report.created == 1u);
    BOOST_TEST(Text(db, "SELECT body FROM contribution WHERE source_ref = '17'") == "Plus de bancs");

    mapping.name = "Decidim";
    BOOST_CHECK_THROW(SaveMapping(db, mapping), ValidationError);
    DeleteSavedMapping(db, ImportKind::Contributions, "tableur mairie");
    BOOST_TEST(ListSavedMappings(db, ImportKind::Contributions).empty());
    try {
        ResolveMapping(db, ImportKind::Contributions, "tableur mairie");
        BOOST_FAIL("an unknown mapping must be refused");
    } catch (const NotFoundError& error) {
        BOOST_TEST(Contains(error.what(), "decidim"));
    }
}

BACKEND_TEST(import_inside_a_callers_transaction)
{
    Sample s(db);
    const std::string before = DumpDatabase(db);
    const std::string file = std::string(kContributionHeader) + "A,2023-10-02,caravane,,,,,,Bon,,,\n";
    auto options = OptionsFor(s, ImportKind::Contributions);
    options.dryRun = true;
    // The savepoint undoes the dry run even though the caller's transaction commits.
    db.InTransaction([&] { BOOST_TEST(ImportText(db, "dans-transaction.csv", file, options).created == 1u); });
    BOOST_TEST(DumpDatabase(db) == before);
    options.dryRun = false;
    db.InTransaction([&] { BOOST_TEST(ImportText(db, "dans-transaction.csv", file, options).created == 1u); });
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution") == 1);
}

// The staging rows travel in COPY text format: the escapes must survive every special character
// (the multi-line and tab-holding cells above go through it on PostgreSQL).
BOOST_AUTO_TEST_CASE(import_copy_row_escapes)
{
    std::string out = "x";
    AppendCopyRow(out, {std::string("a\\b\nc\rd\te"), std::nullopt, std::string(), std::string("plain")});
    BOOST_TEST(out == "xa\\\\b\\nc\\rd\\te\t\\N\t\tplain\n");
}
