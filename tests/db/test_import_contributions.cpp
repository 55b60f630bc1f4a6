// Importing contributions on both backends, read back with SQL: a native file creating rows with
// every reference, tags and labels; the same file again changing nothing; an edited file
// updating exactly the edited fields (tags replaced, state following them); a dry run; matching
// by Concerto id; duplicated external ids; the Decidim preset; a 40,000-character cell; one
// notice per table on PostgreSQL.

#include "notice_log.h"
#include "test_import_support.h"

#include <algorithm>
#include <cctype>

using namespace concerto;
using namespace concerto::test;

namespace {

const char* const kHeader = "external_id,received_at,channel,meeting,neighbourhood,card,profile,title,text,tags,labels,quote\n";

/// Three contributions of the sample: references by code, by name (any case, accents optional),
/// a commitment tag with a French stance plus a theme-only tag, labels, a quote.
std::string NativeFile()
{
    return std::string(kHeader) +
           "P-1,2023-10-02T12:00:00Z,caravane,CAR-1,port,CARTE-LOG,habitant,Logements,Rénover les HLM,"
           "LOG-01:soutien|LOG:question,velo|bruit,oui\n"
           "P-2,2023-10-03T08:30:00Z,Caravane citoyenne,,ivry-port,,,,Plus de pistes cyclables,,velo,\n"
           "P-3,2023-10-04T18:00:00Z,CARAVANE,,,,,Bruit,\"Trop de bruit la nuit, vraiment\",LOG-01:criticism,,non\n";
}

struct Fixture {
    Sample s;
    explicit Fixture(Database& db) : s(db)
    {
        for (const char* name : {"Vélo", "Bruit"}) {
            Label label;
            label.consultationId = s.consultation.id;
            label.name = name;
            LabelRepository(db).Create(label);
        }
    }
    ImportOptions Options() const { return OptionsFor(s, ImportKind::Contributions); }
    std::string Id(Database& db, const std::string& sourceRef) const
    {
        return Text(db, "SELECT CAST(id AS text) FROM contribution WHERE source_ref = :r", {{"r", sourceRef}});
    }
};

} // namespace

BACKEND_TEST(import_contributions_native_creates_everything)
{
    Fixture f(db);
    const auto report = ImportText(db, "contributions.csv", NativeFile(), f.Options());
    BOOST_TEST(report.rows == 3u);
    BOOST_TEST(report.created == 3u);
    BOOST_TEST(report.updated + report.unchanged + report.rejected == 0u);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution WHERE consultation_id = :c", {{"c", f.s.consultation.id}}) == 3);

    const std::string p1 = f.Id(db, "P-1");
    BOOST_TEST(Text(db, "SELECT CAST(meeting_id AS text) FROM contribution WHERE source_ref = 'P-1'") == f.s.meeting.id);
    BOOST_TEST(Text(db, "SELECT CAST(card_id AS text) FROM contribution WHERE source_ref = 'P-1'") == f.s.card.id);
    BOOST_TEST(Text(db, "SELECT CAST(neighbourhood_id AS text) FROM contribution WHERE source_ref = 'P-2'") ==
               f.s.neighbourhood.id);
    BOOST_TEST(Text(db, "SELECT body FROM contribution WHERE source_ref = 'P-3'") == "Trop de bruit la nuit, vraiment");
    BOOST_TEST(Text(db, "SELECT profile || '/' || title FROM contribution WHERE source_ref = 'P-1'") == "habitant/Logements");
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution c WHERE c.is_quote") == 1);
    BOOST_TEST(Text(db, "SELECT received_at FROM contribution WHERE source_ref = 'P-2'").substr(0, 16) ==
               "2023-10-03 08:30");
    // States follow the tags; the commitment tag stores no theme, the theme tag no commitment.
    BOOST_TEST(Texts(db, "SELECT source_ref || ':' || state FROM contribution") ==
               (std::set<std::string>{"P-1:tagged", "P-2:new", "P-3:tagged"}));
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM tag WHERE contribution_id = :c AND commitment_id = :m AND theme_id IS NULL "
                          "AND stance = 'support'",
                      {{"c", p1}, {"m", f.s.commitment.id}}) == 1);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM tag WHERE contribution_id = :c AND commitment_id IS NULL AND theme_id = :t "
                          "AND stance = 'question'",
                      {{"c", p1}, {"t", f.s.theme.id}}) == 1);
    BOOST_TEST(Texts(db, "SELECT l.name FROM contribution_label cl JOIN label l ON l.id = cl.label_id WHERE "
                         "cl.contribution_id = :c",
                     {{"c", p1}}) == (std::set<std::string>{"Vélo", "Bruit"}));
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM label") == 2); // matched, none created
    BOOST_TEST(report.Summary() == "3 lignes lues : 3 créées, 0 modifiée, 0 inchangée, 0 refusée.");
}

BACKEND_TEST(import_contributions_reimport_changes_nothing)
{
    Fixture f(db);
    ImportText(db, "contributions.csv", NativeFile(), f.Options());
    const std::string before = DumpDatabase(db);
    const auto report = ImportText(db, "contributions.csv", NativeFile(), f.Options());
    BOOST_TEST(report.created == 0u);
    BOOST_TEST(report.updated == 0u);
    BOOST_TEST(report.unchanged == 3u);
    BOOST_TEST(report.changes.empty());
    BOOST_TEST(Scalar(db, "SELECT MAX(version) FROM contribution") == 1);
    BOOST_TEST(DumpDatabase(db) == before);
}

BACKEND_TEST(import_contributions_edited_file_updates_exactly_the_edits)
{
    Fixture f(db);
    ImportText(db, "contributions.csv", NativeFile(), f.Options());
    const std::string p3 = f.Id(db, "P-3");
    const std::string keptTag = Text(db, "SELECT CAST(id AS text) FROM tag WHERE contribution_id = :c", {{"c", p3}});
    // P-1's tags go ("-": it is new again); P-2 gets a title; P-3 keeps its criticism and gains a
    // theme tag, and its emptied quote cell keeps the stored flag.
    std::string edited = std::string(kHeader) +
                         "P-1,2023-10-02T12:00:00Z,caravane,CAR-1,port,CARTE-LOG,habitant,Logements,Rénover les HLM,"
                         "-,velo|bruit,oui\n"
                         "P-2,2023-10-03T08:30:00Z,Caravane citoyenne,,ivry-port,,,Pistes,Plus de pistes cyclables,,velo,\n"
                         "P-3,2023-10-04T18:00:00Z,CARAVANE,,,,,Bruit,\"Trop de bruit la nuit, vraiment\","
                         "LOG-01:critique|LOG:proposal,,\n";
    const auto report = ImportText(db, "edited.csv", edited, f.Options());
    BOOST_TEST(report.created == 0u);
    BOOST_TEST(report.updated == 3u);
    BOOST_TEST(report.unchanged == 0u);
    BOOST_TEST(Text(db, "SELECT title FROM contribution WHERE source_ref = 'P-2'") == "Pistes");
    BOOST_TEST(Scalar(db, "SELECT version FROM contribution WHERE source_ref = 'P-2'") == 2);
    BOOST_TEST(Text(db, "SELECT updated_by FROM contribution WHERE source_ref = 'P-2'") == db.UserName());
    // Only the edited field changed: P-2's neighbourhood, labels and text are as before.
    BOOST_TEST(Text(db, "SELECT body FROM contribution WHERE source_ref = 'P-2'") == "Plus de pistes cyclables");
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution_label cl JOIN contribution c ON c.id = cl.contribution_id "
                          "WHERE c.source_ref = 'P-2'") == 1);
    // P-3: the unchanged tag is the same row, the new one added; the quote flag is kept.
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM tag WHERE contribution_id = :c", {{"c", p3}}) == 2);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM tag WHERE id = :t", {{"t", keptTag}}) == 1);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution c WHERE c.source_ref = 'P-1' AND c.is_quote") == 1);
    // P-1 lost its tags: back to "new".
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM tag t JOIN contribution c ON c.id = t.contribution_id WHERE "
                          "c.source_ref = 'P-1'") == 0);
    BOOST_TEST(Text(db, "SELECT state FROM contribution WHERE source_ref = 'P-1'") == "new");
    // The preview names each edit.
    std::set<std::string> changes;
    for (const auto& change : report.changes)
        changes.insert(change.key + " " + change.field + ": " + change.before + " → " + change.after);
    BOOST_TEST(changes == (std::set<std::string>{"P-1 tags: LOG-01:support|LOG:question → ",
                                                 "P-2 title:  → Pistes",
                                                 "P-3 tags: LOG-01:criticism → LOG-01:criticism|LOG:proposal"}));
}

BACKEND_TEST(import_contributions_dry_run_reports_and_writes_nothing)
{
    Fixture f(db);
    ImportText(db, "contributions.csv", NativeFile(), f.Options());
    const std::string before = DumpDatabase(db);
    auto options = f.Options();
    options.dryRun = true;
    const std::string file = NativeFile() + "P-4,2023-10-05,caravane,,,,,,Un banc de plus,,,\n"
                                            "P-5,pas une date,caravane,,,,,,Invalide,,,\n";
    std::string edited = file;
    edited.replace(edited.find("Plus de pistes"), 4, "Moins");
    const auto report = ImportText(db, "dry.csv", edited, options);
    BOOST_TEST(report.dryRun);
    BOOST_TEST(report.rows == 5u);
    BOOST_TEST(report.created == 1u);
    BOOST_TEST(report.updated == 1u);
    BOOST_TEST(report.unchanged == 2u);
    BOOST_TEST(report.rejected == 1u);
    BOOST_REQUIRE(report.rejections.size() == 1u);
    BOOST_TEST(report.rejections[0].line == 6u);
    BOOST_REQUIRE(report.changes.size() == 1u);
    BOOST_TEST(report.changes[0].field == "text");
    BOOST_TEST(report.changes[0].after == "Moins de pistes cyclables");
    BOOST_TEST(Contains(report.Summary(), "Simulation"));
    BOOST_TEST(DumpDatabase(db) == before);
}

BACKEND_TEST(import_contributions_matches_concerto_ids)
{
    Fixture f(db);
    const auto typed = f.s.AddContribution(db, "Saisie dans Concerto");
    // The exporter writes the id of a contribution typed in Concerto: the row updates it, even
    // with the id upper-cased by a spreadsheet.
    std::string upper = typed.id;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    const std::string file = std::string(kHeader) + upper + ",2023-10-02T12:00:00Z,caravane,,,,,Titre,Saisie dans Concerto,,,\n";
    const auto report = ImportText(db, "ids.csv", file, f.Options());
    BOOST_TEST(report.updated == 1u);
    BOOST_TEST(report.created == 0u);
    BOOST_TEST(Text(db, "SELECT title FROM contribution WHERE id = :i", {{"i", typed.id}}) == "Titre");
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution c WHERE c.source_ref IS NULL") == 1);
    // A row without external id matches on channel, instant and text.
    const std::string again = std::string(kHeader) + ",2023-10-02T12:00:00Z,caravane,,,,,Autre titre,Saisie dans Concerto,,,\n";
    const auto second = ImportText(db, "no-id.csv", again, f.Options());
    BOOST_TEST(second.updated == 1u);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution") == 1);
}

BACKEND_TEST(import_contributions_duplicated_ids_rejected)
{
    Fixture f(db);
    const std::string file = std::string(kHeader) + "P-1,2023-10-02,caravane,,,,,,Un,,,\n"
                                                    "P-2,2023-10-02,caravane,,,,,,Deux,,,\n"
                                                    "P-1,2023-10-03,caravane,,,,,,Trois,,,\n";
    const std::string message = RefusalOf(db, "dup.csv", file, f.Options());
    BOOST_TEST(Contains(message, "ligne 4"));
    BOOST_TEST(Contains(message, "ligne 2"));
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution") == 0);
    auto options = f.Options();
    options.skipInvalid = true;
    const auto report = ImportText(db, "dup.csv", file, options);
    BOOST_TEST(report.created == 2u);
    BOOST_TEST(report.rejected == 1u);
    BOOST_TEST(Text(db, "SELECT body FROM contribution WHERE source_ref = 'P-1'") == "Un");
}

BACKEND_TEST(import_contributions_decidim_preset)
{
    Fixture f(db);
    Channel platform;
    platform.code = "plateforme";
    platform.name = "Plateforme en ligne";
    platform = ChannelRepository(db).Create(platform);
    const std::string file =
        "id,title/en,title/fr,body/en,body/fr,category/name/fr,scope/name/fr,published_at,address,state,reference\n"
        "101,Bikes,Des vélos,<p>Bikes</p>,\"<p>Plus de <strong>vélos</strong> &amp; de bancs</p><p>Merci</p>\","
        "Vélo,Ivry-Port,2023-10-02T10:15:00+02:00,,accepted,IVRY-PROP-101\n"
        "102,Noise,Le bruit,<p>Noise</p>,<p>Moins de bruit</p>,Bruit,,2023-10-03T09:00:00+02:00,,,IVRY-PROP-102\n";
    auto options = f.Options();
    options.mapping = FindPreset("decidim", ImportKind::Contributions);
    const auto report = ImportText(db, "decidim.csv", file, options);
    BOOST_TEST(report.created == 2u);
    BOOST_TEST(Text(db, "SELECT title FROM contribution WHERE source_ref = '101'") == "Des vélos");
    const std::string body = Text(db, "SELECT body FROM contribution WHERE source_ref = '101'");
    BOOST_TEST(Contains(body, "Plus de vélos & de bancs"));
    BOOST_TEST(!Contains(body, "<"));
    BOOST_TEST(Text(db, "SELECT CAST(channel_id AS text) FROM contribution WHERE source_ref = '102'") == platform.id);
    BOOST_TEST(Text(db, "SELECT CAST(neighbourhood_id AS text) FROM contribution WHERE source_ref = '101'") ==
               f.s.neighbourhood.id);
    BOOST_TEST(Text(db, "SELECT received_at FROM contribution WHERE source_ref = '101'").substr(0, 16) ==
               "2023-10-02 08:15");
    BOOST_TEST(Texts(db, "SELECT l.name FROM contribution_label cl JOIN label l ON l.id = cl.label_id") ==
               (std::set<std::string>{"Vélo", "Bruit"}));
    // Importing the same export again changes nothing.
    const auto again = ImportText(db, "decidim.csv", file, options);
    BOOST_TEST(again.unchanged == 2u);
}

BACKEND_TEST(import_contributions_long_cell_kept_whole)
{
    Fixture f(db);
    std::string text = "Début : ";
    while (text.size() < 40000)
        text += "Une tres longue contribution, \"citee\" telle quelle.\n";
    text.resize(40000); // ASCII after the first words: the cut falls between characters
    std::string quoted = "\"";
    for (char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    quoted += "\"";
    const std::string file = std::string(kHeader) + "L-1,2023-10-02,caravane,,,,,," + quoted + ",,,\n";
    ImportText(db, "long.csv", file, f.Options());
    const std::string stored = Text(db, "SELECT body FROM contribution WHERE source_ref = 'L-1'");
    BOOST_TEST(stored.size() == 40000u);
    BOOST_TEST(stored == text);
}

BACKEND_TEST(import_contributions_one_notice_per_table)
{
    Fixture f(db);
    if (db.GetBackend() != Backend::Postgresql)
        return; // no one to tell on SQLite
    test::NoticeLog notices(db);
    ImportText(db, "contributions.csv", NativeFile(), f.Options());
    auto heard = notices.HeardSoFar();
    std::sort(heard.begin(), heard.end());
    BOOST_TEST(heard == (std::vector<std::string>{"contribution:*", "contribution_label:*", "tag:*"}));
}
