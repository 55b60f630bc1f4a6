// The database-free half of the importer (core/import_spec.h): value conversions (statuses,
// stances, French and ISO dates in the local time zone, booleans, lists, HTML bodies), column
// mappings (native, decidim preset, saved text form) bound to real headers, and rows converted
// into records with errors that name the file, the line and the column. Expected values are
// computed by hand.

#include "core/csv_reader.h"
#include "core/import_spec.h"
#include "import_test_support.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <ctime>

using namespace concerto;
using namespace concerto::test;

namespace {

// The UTC form of an instant read from a file, or "invalide".
std::string Utc(const std::string& text)
{
    const auto when = ParseImportInstant(text);
    return when ? when->ToIso() : "invalide";
}

Timestamp UtcAt(const std::string& iso)
{
    return *Timestamp::Parse(iso);
}

// A CSV file held in memory, read row by row.
struct Table {
    explicit Table(std::string content, const std::string& name = "essai.csv") : reader(name, std::move(content)) {}
    const std::vector<std::string>& Next()
    {
        BOOST_REQUIRE(reader.Next(cells));
        return cells;
    }
    CsvReader reader;
    std::vector<std::string> cells;
};

} // namespace

BOOST_AUTO_TEST_SUITE(import_values)

BOOST_AUTO_TEST_CASE(statuses_in_codes_and_french_any_case_accents_optional)
{
    BOOST_TEST((ParseStatusText("done") == CommitmentStatus::Done));
    BOOST_TEST((ParseStatusText("Fait") == CommitmentStatus::Done));
    BOOST_TEST((ParseStatusText("  FAIT ") == CommitmentStatus::Done));
    BOOST_TEST((ParseStatusText("in_progress") == CommitmentStatus::InProgress));
    BOOST_TEST((ParseStatusText("IN_PROGRESS") == CommitmentStatus::InProgress));
    BOOST_TEST((ParseStatusText("En cours") == CommitmentStatus::InProgress));
    BOOST_TEST((ParseStatusText("en  cours") == CommitmentStatus::InProgress));
    BOOST_TEST((ParseStatusText("planned") == CommitmentStatus::Planned));
    BOOST_TEST((ParseStatusText("Reste à faire") == CommitmentStatus::Planned));
    BOOST_TEST((ParseStatusText("reste a faire") == CommitmentStatus::Planned));
    BOOST_TEST((ParseStatusText("RESTE À FAIRE") == CommitmentStatus::Planned));
    BOOST_TEST((ParseStatusText("dropped") == CommitmentStatus::Dropped));
    BOOST_TEST((ParseStatusText("Abandonné") == CommitmentStatus::Dropped));
    BOOST_TEST((ParseStatusText("abandonne") == CommitmentStatus::Dropped));
    BOOST_TEST((ParseStatusText("ABANDONNÉE") == CommitmentStatus::Dropped));
    BOOST_TEST((ParseStatusText("\u00A0Fait\u202F") == CommitmentStatus::Done)); // spaces a spreadsheet keeps
    BOOST_TEST(!ParseStatusText("fini"));
    BOOST_TEST(!ParseStatusText(""));
    BOOST_TEST(!ParseStatusText("faitt"));
}

BOOST_AUTO_TEST_CASE(stances_in_codes_and_french_words)
{
    BOOST_TEST((ParseStanceText("support") == Stance::Support));
    BOOST_TEST((ParseStanceText("Soutien") == Stance::Support));
    BOOST_TEST((ParseStanceText("criticism") == Stance::Criticism));
    BOOST_TEST((ParseStanceText("CRITIQUE") == Stance::Criticism));
    BOOST_TEST((ParseStanceText("critiques") == Stance::Criticism));
    BOOST_TEST((ParseStanceText("proposal") == Stance::Proposal));
    BOOST_TEST((ParseStanceText("Proposition") == Stance::Proposal));
    BOOST_TEST((ParseStanceText("question") == Stance::Question));
    BOOST_TEST((ParseStanceText(" Questions ") == Stance::Question));
    BOOST_TEST((ParseStanceText("observation") == Stance::Observation));
    BOOST_TEST((ParseStanceText("Constat") == Stance::Observation));
    BOOST_TEST(!ParseStanceText("avis"));
    BOOST_TEST(!ParseStanceText(""));
    BOOST_TEST(!ParseStanceText("s"));
}

BOOST_AUTO_TEST_CASE(iso_instants_with_an_offset_do_not_depend_on_the_zone)
{
    const TimeZone zone("America/New_York");
    BOOST_TEST(Utc("2024-05-12T14:30:00+02:00") == "2024-05-12 12:30:00");
    BOOST_TEST(Utc("2024-05-12 14:30:00+0200") == "2024-05-12 12:30:00");
    BOOST_TEST(Utc("2024-05-12T14:30:00.250Z") == "2024-05-12 14:30:00");
    BOOST_TEST(Utc("2024-05-12T14:30:00-05:30") == "2024-05-12 20:00:00");
    // Decidim (Ruby) writes "2023-10-02 09:15:42 +0200" or "… UTC".
    BOOST_TEST(Utc("2023-10-02 09:15:42 +0200") == "2023-10-02 07:15:42");
    BOOST_TEST(Utc("2023-10-02 07:15:42 UTC") == "2023-10-02 07:15:42");
}

BOOST_AUTO_TEST_CASE(instants_without_offset_are_local_time_with_summer_time)
{
    const TimeZone zone("Europe/Paris");
    // Winter: UTC+1; summer: UTC+2.
    BOOST_TEST(Utc("15/01/2024 09:00") == "2024-01-15 08:00:00");
    BOOST_TEST(Utc("12/05/2024 14:30") == "2024-05-12 12:30:00");
    BOOST_TEST(Utc("12/05/2024 14:30:15") == "2024-05-12 12:30:15");
    BOOST_TEST(Utc("2024-05-12 14:30") == "2024-05-12 12:30:00");
    BOOST_TEST(Utc("2024-05-12T14:30:00") == "2024-05-12 12:30:00");
    BOOST_TEST(Utc("1/2/2024") == "2024-01-31 23:00:00");
    BOOST_TEST(Utc("12/05/2024 9h05") == "2024-05-12 07:05:00");
    // A date alone is local midnight.
    BOOST_TEST(Utc("12/05/2024") == "2024-05-11 22:00:00");
    BOOST_TEST(Utc("2024-01-15") == "2024-01-14 23:00:00");
    // The night of the change to summer time (31 March 2024, 02:00 → 03:00) and back (27 October).
    BOOST_TEST(Utc("31/03/2024 01:30") == "2024-03-31 00:30:00");
    BOOST_TEST(Utc("31/03/2024 03:30") == "2024-03-31 01:30:00");
    BOOST_TEST(Utc("27/10/2024 12:00") == "2024-10-27 11:00:00");
    BOOST_TEST(Utc("26/10/2024 12:00") == "2024-10-26 10:00:00");
    // 02:30 does not exist on 31 March: read as 03:30 summer time, as mktime does. On 27 October
    // it exists twice: the second one (winter time) is taken.
    BOOST_TEST(Utc("31/03/2024 02:30") == "2024-03-31 01:30:00");
    BOOST_TEST(Utc("27/10/2024 02:30") == "2024-10-27 01:30:00");
}

BOOST_AUTO_TEST_CASE(impossible_days_and_malformed_dates_are_refused)
{
    const TimeZone zone("Europe/Paris");
    BOOST_TEST(Utc("29/02/2024") == "2024-02-28 23:00:00"); // 2024 is a leap year
    BOOST_TEST(Utc("29/02/2023") == "invalide");
    BOOST_TEST(Utc("2023-02-29") == "invalide");
    BOOST_TEST(Utc("31/04/2024") == "invalide");
    BOOST_TEST(Utc("00/01/2024") == "invalide");
    BOOST_TEST(Utc("12/13/2024") == "invalide");
    BOOST_TEST(Utc("12/05/24") == "invalide");
    BOOST_TEST(Utc("12/05/2024 24:00") == "invalide");
    BOOST_TEST(Utc("12/05/2024 14:60") == "invalide");
    BOOST_TEST(Utc("12/05/2024 14:30 demain") == "invalide");
    BOOST_TEST(Utc("2024-05-12T14:30+25:00") == "invalide");
    BOOST_TEST(Utc("mai 2024") == "invalide");
    BOOST_TEST(Utc("") == "invalide");
}

BOOST_AUTO_TEST_CASE(exported_instants_carry_the_local_offset_and_read_back)
{
    {
        const TimeZone zone("Europe/Paris");
        BOOST_TEST(FormatImportInstant(UtcAt("2024-05-12 12:30:00")) == "2024-05-12 14:30:00+02:00");
        BOOST_TEST(FormatImportInstant(UtcAt("2024-01-15 08:00:05")) == "2024-01-15 09:00:05+01:00");
        // The hour that happens twice in October keeps its two offsets apart.
        BOOST_TEST(FormatImportInstant(UtcAt("2024-10-27 00:30:00")) == "2024-10-27 02:30:00+02:00");
        BOOST_TEST(FormatImportInstant(UtcAt("2024-10-27 01:30:00")) == "2024-10-27 02:30:00+01:00");
        for (const char* iso : {"2024-05-12 12:30:00", "2024-10-27 00:30:00", "2024-10-27 01:30:00",
                                "2023-12-31 23:59:59", "2024-02-29 00:00:00"}) {
            const Timestamp when = UtcAt(iso);
            BOOST_TEST(ParseImportInstant(FormatImportInstant(when))->seconds == when.seconds);
        }
    }
    {
        const TimeZone zone("America/Sao_Paulo");
        BOOST_TEST(FormatImportInstant(UtcAt("2024-05-12 12:30:00")) == "2024-05-12 09:30:00-03:00");
        BOOST_TEST(Utc("2024-05-12 09:30:00-03:00") == "2024-05-12 12:30:00");
    }
    {
        const TimeZone zone("UTC");
        BOOST_TEST(FormatImportInstant(UtcAt("2024-05-12 12:30:00")) == "2024-05-12 12:30:00+00:00");
    }
}

BOOST_AUTO_TEST_CASE(booleans_lists_and_html)
{
    for (const char* yes : {"1", "true", "TRUE", "oui", "Oui", "vrai", "x", "X"})
        BOOST_TEST((ParseBooleanText(yes) == std::optional<bool>(true)), yes);
    for (const char* no : {"0", "false", "non", "NON", "faux", ""})
        BOOST_TEST((ParseBooleanText(no) == std::optional<bool>(false)), no);
    BOOST_TEST(!ParseBooleanText("peut-être"));
    BOOST_TEST(!ParseBooleanText("2"));

    BOOST_TEST((SplitList("a | b|c||  ") == std::vector<std::string>{"a", "b", "c"}));
    BOOST_TEST(SplitList("").empty());
    BOOST_TEST((SplitList("prix des loyers") == std::vector<std::string>{"prix des loyers"}));

    BOOST_TEST(HtmlToText("<p>Bonjour&nbsp;!</p><p>Deuxième <strong>ligne</strong><br>suite &amp; fin</p>") ==
               "Bonjour\u00A0!\n\nDeuxième ligne\nsuite & fin");
    BOOST_TEST(HtmlToText("<p>L&#39;école &eacute;tait &#x2019;fermée&#8217; &laquo;&nbsp;ok&nbsp;&raquo;</p>") ==
               "L'école était ’fermée’ «\u00A0ok\u00A0»");
    BOOST_TEST(HtmlToText("<ul>\n  <li>un</li>\n  <li>deux</li>\n</ul>") == "- un\n- deux");
    BOOST_TEST(HtmlToText("<p>a</p>\n\n\n<p>b</p>") == "a\n\nb");
    BOOST_TEST(HtmlToText("<script>alert(1)</script><p>texte</p>") == "texte");
    // Plain text and stray characters go through unchanged.
    BOOST_TEST(HtmlToText("  Ligne 1\nLigne 2 ") == "Ligne 1\nLigne 2");
    BOOST_TEST(HtmlToText("3 < 4 &unknown; &amp; co") == "3 < 4 &unknown; & co");
    BOOST_TEST(HtmlToText("Ligne 1\n\nLigne &amp; 2") == "Ligne 1\n\nLigne & 2");
    BOOST_TEST(HtmlToText("<p>un<br>deux<br><br>trois</p>") == "un\ndeux\n\ntrois");
}

BOOST_AUTO_TEST_CASE(kinds_by_code_and_french_name)
{
    ImportKind kind = ImportKind::Contributions;
    BOOST_TEST(FromCode("engagements", kind));
    BOOST_TEST((kind == ImportKind::Commitments));
    BOOST_TEST(FromCode("Rencontres", kind));
    BOOST_TEST((kind == ImportKind::Meetings));
    BOOST_TEST(FromCode("meetings", kind));
    BOOST_TEST(FromCode("CONTRIBUTIONS", kind));
    BOOST_TEST((kind == ImportKind::Contributions));
    BOOST_TEST(!FromCode("avis", kind));
    BOOST_TEST(std::string(ToCode(ImportKind::Commitments)) == "commitments");
    BOOST_TEST(std::string(FrenchName(ImportKind::Meetings)) == "rencontres");
    BOOST_TEST(NativeFields(ImportKind::Contributions).size() == 12u);
    BOOST_TEST(NativeFields(ImportKind::Meetings).size() == 7u);
    BOOST_TEST(NativeFields(ImportKind::Commitments).size() == 5u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(import_mappings)

BOOST_AUTO_TEST_CASE(native_headers_match_any_case_with_spaces_and_bom)
{
    Table file("\xEF\xBB\xBF Ref ,THEME,Title,description,Statut\nMOB-01,MOB,Vélos,,\n", "engagements.csv");
    const BoundMapping mapping(NativeMapping(ImportKind::Commitments), file.reader);
    BOOST_TEST((mapping.Column("ref") == std::optional<std::size_t>(0)));
    BOOST_TEST((mapping.Column("theme") == std::optional<std::size_t>(1)));
    BOOST_TEST((mapping.Column("title") == std::optional<std::size_t>(2)));
    BOOST_TEST(!mapping.Column("status")); // « Statut » is not the native name
    BOOST_TEST(!mapping.Provides("status"));
    BOOST_TEST(mapping.Value("ref", file.Next()) == "MOB-01");
}

BOOST_AUTO_TEST_CASE(accents_are_optional_in_header_names)
{
    ColumnMapping custom =
        ColumnMapping::Parse("tableur", ImportKind::Commitments, "ref = Référence\ntheme = Thème\ntitle = Intitulé\n");
    Table file("reference;THEME;intitule\nMOB-01;MOB;Vélos\n");
    const BoundMapping mapping(custom, file.reader);
    BOOST_TEST((mapping.Column("ref") == std::optional<std::size_t>(0)));
    BOOST_TEST((mapping.Column("theme") == std::optional<std::size_t>(1)));
    BOOST_TEST((mapping.Column("title") == std::optional<std::size_t>(2)));
}

BOOST_AUTO_TEST_CASE(missing_required_columns_name_the_file_the_fields_and_the_header)
{
    Table file("ref,title,status\nMOB-01,Vélos,Fait\n", "programme.csv");
    const std::string message =
        ErrorOf([&] { BoundMapping mapping(NativeMapping(ImportKind::Commitments), file.reader); });
    BOOST_TEST(Contains(message, "programme.csv"), message);
    BOOST_TEST(Contains(message, "theme"), message);
    BOOST_TEST(Contains(message, "En-tête lu"), message);
    BOOST_TEST(Contains(message, "status"), message);

    Table contributions("external_id,text\n1,Bonjour\n", "avis.csv");
    const std::string missing =
        ErrorOf([&] { BoundMapping mapping(NativeMapping(ImportKind::Contributions), contributions.reader); });
    BOOST_TEST(Contains(missing, "avis.csv"), missing);
    BOOST_TEST(Contains(missing, "received_at"), missing);
    BOOST_TEST(Contains(missing, "channel"), missing);
}

BOOST_AUTO_TEST_CASE(a_field_reading_a_duplicated_header_is_refused)
{
    Table file("ref,theme,title,Ref\nMOB-01,MOB,Vélos,MOB-02\n", "doublons.csv");
    const std::string message =
        ErrorOf([&] { BoundMapping mapping(NativeMapping(ImportKind::Commitments), file.reader); });
    BOOST_TEST(Contains(message, "doublons.csv"), message);
    BOOST_TEST(Contains(message, "colonnes 1 et 4"), message);
    // A duplicated column nobody reads is harmless.
    Table other("ref,theme,title,note,note\nMOB-01,MOB,Vélos,a,b\n");
    BOOST_CHECK_NO_THROW(BoundMapping(NativeMapping(ImportKind::Commitments), other.reader));
}

BOOST_AUTO_TEST_CASE(constants_fill_fields_without_column_and_empty_cells)
{
    ColumnMapping custom = ColumnMapping::Parse("marché", ImportKind::Contributions,
                                                "received_at = Date\nchannel = Canal | \"caravane\"\ntext = Avis\n");
    Table file("Date,Avis\n12/05/2024,Plus de bancs\n");
    const BoundMapping mapping(custom, file.reader);
    BOOST_TEST(!mapping.Column("channel"));
    BOOST_TEST(mapping.Provides("channel"));
    BOOST_TEST(!mapping.Provides("tags"));
    const auto& cells = file.Next();
    BOOST_TEST(mapping.Value("channel", cells) == "caravane");
    BOOST_TEST(mapping.Value("tags", cells) == "");

    Table withColumn("Date,Canal,Avis\n12/05/2024,plateforme,a\n12/05/2024,  ,b\n");
    const BoundMapping bound(custom, withColumn.reader);
    BOOST_TEST(bound.Value("channel", withColumn.Next()) == "plateforme");
    BOOST_TEST(bound.Value("channel", withColumn.Next()) == "caravane");
}

BOOST_AUTO_TEST_CASE(serialized_mappings_read_back_and_bad_lines_are_named)
{
    const ColumnMapping decidim = *FindPreset("decidim", ImportKind::Contributions);
    const std::string text = decidim.Serialize();
    BOOST_TEST(text == "external_id = id\n"
                       "received_at = published_at\n"
                       "channel = \"plateforme\"\n"
                       "neighbourhood = scope/name/*\n"
                       "title = title/* | title\n"
                       "text = html:body/* | html:body\n"
                       "labels = category/name/* | taxonomies/name/* | taxonomies/name\n");
    const ColumnMapping back = ColumnMapping::Parse("copie", ImportKind::Contributions, text);
    BOOST_TEST(back.name == "copie");
    BOOST_TEST(back.Serialize() == text);
    BOOST_TEST(back.fields.size() == decidim.fields.size());
    BOOST_TEST((back.Find("text")->transform == FieldSource::Transform::HtmlToText));
    BOOST_TEST(back.Find("channel")->constant == "plateforme");
    BOOST_TEST(back.Find("channel")->columns.empty());
    BOOST_TEST(!back.Find("quote"));

    const ColumnMapping mixed =
        ColumnMapping::Parse("m", ImportKind::Meetings, "# commentaire\n\nref = Code\ntitle = Nom | \"Sans titre\"\n");
    BOOST_TEST(mixed.Serialize() == "ref = Code\ntitle = Nom | \"Sans titre\"\n");
    BOOST_TEST(ColumnMapping::Parse("m", ImportKind::Meetings, "Title = Nom\n").Serialize() == "title = Nom\n");
    ColumnMapping emptied = NativeMapping(ImportKind::Meetings);
    emptied.fields.resize(3);
    emptied.fields[1].second = FieldSource{};
    BOOST_TEST(emptied.Serialize() == "ref = ref\ntitle = title\n");
    BOOST_TEST(NativeMapping(ImportKind::Commitments).Serialize() ==
               "ref = ref\ntheme = theme\ntitle = title\ndescription = description\nstatus = status\n");

    const auto error = [](const std::string& body) {
        return ErrorOf([&] { ColumnMapping::Parse("perso", ImportKind::Commitments, body); });
    };
    std::string message = error("ref = Code\ntitre = Titre\n");
    BOOST_TEST(Contains(message, "perso"), message);
    BOOST_TEST(Contains(message, "ligne 2"), message);
    BOOST_TEST(Contains(message, "titre"), message);
    message = error("ref = Code\n\ntheme Thème\n");
    BOOST_TEST(Contains(message, "ligne 3"), message);
    message = error("ref = Code\nref = Autre\n");
    BOOST_TEST(Contains(message, "ligne 2"), message);
    BOOST_TEST(Contains(message, "déjà"), message);
    message = error("title = \"Sans titre\n");
    BOOST_TEST(Contains(message, "ligne 1"), message);
    message = error("title =   \n");
    BOOST_TEST(Contains(message, "ligne 1"), message);
    message = error("title = A || B\n");
    BOOST_TEST(Contains(message, "ligne 1"), message);
}

BOOST_AUTO_TEST_CASE(decidim_headers_are_recognised_and_prefer_french)
{
    const std::vector<std::string> header = {"id",       "category/id",   "category/name/en", "category/name/fr",
                                             "scope/id", "scope/name/fr", "title/en",         "title/fr",
                                             "body/en",  "body/fr",       "published_at",     "state"};
    const auto preset = DetectPreset(header, ImportKind::Contributions);
    BOOST_REQUIRE(preset);
    BOOST_TEST(preset->name == "decidim");
    BOOST_TEST(!DetectPreset(header, ImportKind::Commitments));
    BOOST_TEST(!DetectPreset(NativeFields(ImportKind::Contributions), ImportKind::Contributions));
    BOOST_TEST(!DetectPreset({"id", "title/fr", "published_at"}, ImportKind::Contributions));
    BOOST_TEST(!FindPreset("inconnu", ImportKind::Contributions));
    // Read as the native format, the export is refused with a hint at the preset.
    Table native("id,title/fr,body/fr,published_at\n1,a,b,2023-10-02\n", "propositions.csv");
    const std::string message =
        ErrorOf([&] { BoundMapping bound(NativeMapping(ImportKind::Contributions), native.reader); });
    BOOST_TEST(Contains(message, "ressemble à un export «\u00A0decidim\u00A0»"), message);
    BOOST_TEST(!FindPreset("decidim", ImportKind::Meetings));
    BOOST_TEST((PresetNames(ImportKind::Contributions) == std::vector<std::string>{"decidim"}));

    Table file("id,title/en,title/fr,body/en,body/fr,published_at,scope/name/fr,category/name/en,category/name/fr\n"
               "12,Bike racks,Arceaux vélo,<p>More racks</p>,<p>Plus d&#39;arceaux</p>,2023-10-02 09:15:42 "
               "+0200,Centre-ville,Mobility,Mobilités\n"
               "13,Benches,,<p>More benches</p>,,2023-10-03 10:00:00 +0200,,,\n");
    const BoundMapping mapping(*preset, file.reader);
    BOOST_TEST((mapping.Column("title") == std::optional<std::size_t>(2)));
    BOOST_TEST((mapping.Column("text") == std::optional<std::size_t>(4)));
    BOOST_TEST((mapping.Column("labels") == std::optional<std::size_t>(8)));
    auto cells = file.Next();
    BOOST_TEST(mapping.Value("title", cells) == "Arceaux vélo");
    BOOST_TEST(mapping.Value("text", cells) == "Plus d'arceaux");
    BOOST_TEST(mapping.Value("channel", cells) == "plateforme");
    // A proposal written only in English still has its title and body.
    cells = file.Next();
    BOOST_TEST(mapping.Value("title", cells) == "Benches");
    BOOST_TEST(mapping.Value("text", cells) == "More benches");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(import_records)

BOOST_AUTO_TEST_CASE(commitments_with_french_statuses)
{
    Table file("ref,theme,title,description,status\n"
               "MOB-01, MOB ,Étendre le stationnement vélo,Des abris fermés.,Reste à faire\n"
               "MOB-02,MOB,Réseau cyclable,,\n"
               "MOB-03,MOB,Zone 30,,fini\n"
               "MOB-04,,Traversées,,Fait\n",
               "programme.csv");
    const BoundMapping mapping(NativeMapping(ImportKind::Commitments), file.reader);
    auto record = ParseCommitment(mapping, file.reader, file.Next());
    BOOST_TEST(record.ref == "MOB-01");
    BOOST_TEST(record.theme == "MOB");
    BOOST_TEST(record.title == "Étendre le stationnement vélo");
    BOOST_TEST(record.description == "Des abris fermés.");
    BOOST_TEST((record.status == CommitmentStatus::Planned));
    record = ParseCommitment(mapping, file.reader, file.Next());
    BOOST_TEST(!record.status);
    std::string message = ErrorOf([&] { ParseCommitment(mapping, file.reader, file.Next()); });
    BOOST_TEST(Contains(message, "programme.csv"), message);
    BOOST_TEST(Contains(message, "ligne 4, colonne 5"), message);
    BOOST_TEST(Contains(message, "fini"), message);
    message = ErrorOf([&] { ParseCommitment(mapping, file.reader, file.Next()); });
    BOOST_TEST(Contains(message, "ligne 5, colonne 2"), message);
    BOOST_TEST(Contains(message, "obligatoire"), message);
}

BOOST_AUTO_TEST_CASE(meetings_dates_and_attendance)
{
    const TimeZone zone("Europe/Paris");
    Table file("ref;channel;title;date;place;neighbourhood;attendance\n"
               "CQ-1;cafe-quartier;Café de quartier — Centre-ville;09/10/2023 18:30;Maison de quartier;centre;1 200\n"
               "CQ-2;cafe-quartier;Café de quartier — Ivry-Port;31/09/2023 18:30;;port;40\n"
               "CQ-3;cafe-quartier;Café de quartier — Petit-Ivry;2023-10-19;;;-3\n"
               "CQ-4;cafe-quartier;Café de quartier;2023-10-19;;;beaucoup\n"
               "CQ-5;cafe-quartier;Café de quartier;2023-10-19;;;\n"
               "CQ-6;cafe-quartier;Café de quartier;2023-10-19;;;1\u202F050.0\n");
    const BoundMapping mapping(NativeMapping(ImportKind::Meetings), file.reader);
    auto record = ParseMeeting(mapping, file.reader, file.Next());
    BOOST_TEST(record.ref == "CQ-1");
    BOOST_TEST(record.channel == "cafe-quartier");
    BOOST_TEST(record.startsAt.ToIso() == "2023-10-09 16:30:00");
    BOOST_TEST(record.place == "Maison de quartier");
    BOOST_TEST(record.neighbourhood == "centre");
    BOOST_TEST((record.attendance == std::optional<int>(1200)));
    std::string message = ErrorOf([&] { ParseMeeting(mapping, file.reader, file.Next()); });
    BOOST_TEST(Contains(message, "ligne 3, colonne 4"), message);
    BOOST_TEST(Contains(message, "31/09/2023"), message);
    message = ErrorOf([&] { ParseMeeting(mapping, file.reader, file.Next()); });
    BOOST_TEST(Contains(message, "ligne 4, colonne 7"), message);
    BOOST_TEST(Contains(message, "négatif"), message);
    message = ErrorOf([&] { ParseMeeting(mapping, file.reader, file.Next()); });
    BOOST_TEST(Contains(message, "ligne 5, colonne 7"), message);
    record = ParseMeeting(mapping, file.reader, file.Next());
    BOOST_TEST(!record.attendance);
    BOOST_TEST(record.startsAt.ToIso() == "2023-10-18 22:00:00");
    BOOST_TEST((ParseMeeting(mapping, file.reader, file.Next()).attendance == std::optional<int>(1050)));
}

BOOST_AUTO_TEST_CASE(contributions_tags_labels_and_quotes)
{
    const TimeZone zone("Europe/Paris");
    Table file("external_id,received_at,channel,meeting,neighbourhood,card,profile,title,text,tags,labels,quote\n"
               "P-1,12/10/2023 10:00,caravane,CAR-1,centre,CARTE-MOB,habitante,Vélos,\"Plus d'arceaux\n"
               "devant l'école\",\"MOB-01 | MOB-02:soutien| MOB-03 : Critique \",propreté des rues|  ,oui\n"
               "P-2,12/10/2023,plateforme,,,,,,Texte,-,-,\n"
               "P-3,12/10/2023,plateforme,,,,,,Texte,MOB-01:,,\n"
               "P-4,12/10/2023,plateforme,,,,,,Texte,MOB-01:avis,,\n"
               "P-5,12/10/2023,plateforme,,,,,,Texte,,,peut-être\n"
               "P-6,12/10/2023,plateforme,,,,,,,,,\n"
               "P-7,,plateforme,,,,,,Texte,,,\n"
               "P-8,12/10/2023,plateforme,,,,,,Texte,MOB-01|MOB-01:soutien,,\n");
    const BoundMapping mapping(NativeMapping(ImportKind::Contributions), file.reader);
    auto record = ParseContribution(mapping, file.reader, file.Next());
    BOOST_TEST(file.reader.Line() == 2u);
    BOOST_TEST(record.externalId == "P-1");
    BOOST_TEST(record.receivedAt.ToIso() == "2023-10-12 08:00:00");
    BOOST_TEST(record.channel == "caravane");
    BOOST_TEST(record.meeting == "CAR-1");
    BOOST_TEST(record.card == "CARTE-MOB");
    BOOST_TEST(record.profile == "habitante");
    BOOST_TEST(record.text == "Plus d'arceaux\ndevant l'école");
    BOOST_TEST(record.tagsGiven);
    BOOST_REQUIRE(record.tags.size() == 3u);
    BOOST_TEST(record.tags[0].ref == "MOB-01");
    BOOST_TEST((record.tags[0].stance == Stance::Observation));
    BOOST_TEST(record.tags[1].ref == "MOB-02");
    BOOST_TEST((record.tags[1].stance == Stance::Support));
    BOOST_TEST(record.tags[2].ref == "MOB-03");
    BOOST_TEST((record.tags[2].stance == Stance::Criticism));
    BOOST_TEST(record.labelsGiven);
    BOOST_TEST((record.labels == std::vector<std::string>{"propreté des rues"}));
    BOOST_TEST((record.quote == std::optional<bool>(true)));

    // "-" removes every tag and label; empty cells keep them.
    record = ParseContribution(mapping, file.reader, file.Next());
    BOOST_TEST(file.reader.Line() == 4u);
    BOOST_TEST(record.tagsGiven);
    BOOST_TEST(record.tags.empty());
    BOOST_TEST(record.labelsGiven);
    BOOST_TEST(record.labels.empty());
    BOOST_TEST(!record.quote);
    BOOST_TEST(record.title.empty());

    std::string message = ErrorOf([&] { ParseContribution(mapping, file.reader, file.Next()); });
    BOOST_TEST(Contains(message, "ligne 5, colonne 10"), message);
    BOOST_TEST(Contains(message, "tags"), message);
    BOOST_TEST(Contains(message, "position vide"), message);
    message = ErrorOf([&] { ParseContribution(mapping, file.reader, file.Next()); });
    BOOST_TEST(Contains(message, "ligne 6, colonne 10"), message);
    BOOST_TEST(Contains(message, "avis"), message);
    message = ErrorOf([&] { ParseContribution(mapping, file.reader, file.Next()); });
    BOOST_TEST(Contains(message, "ligne 7, colonne 12"), message);
    message = ErrorOf([&] { ParseContribution(mapping, file.reader, file.Next()); });
    BOOST_TEST(Contains(message, "ligne 8, colonne 9"), message);
    message = ErrorOf([&] { ParseContribution(mapping, file.reader, file.Next()); });
    BOOST_TEST(Contains(message, "ligne 9, colonne 2"), message);
    message = ErrorOf([&] { ParseContribution(mapping, file.reader, file.Next()); });
    BOOST_TEST(Contains(message, "ligne 10, colonne 10"), message);
    BOOST_TEST(Contains(message, "deux fois"), message);
}

BOOST_AUTO_TEST_CASE(a_mapping_without_tags_leaves_them_alone)
{
    ColumnMapping custom = ColumnMapping::Parse("simple", ImportKind::Contributions,
                                                "received_at = Date\nchannel = \"courrier\"\ntext = Texte\n");
    Table file("Date;Texte\n2023-10-12;Une lettre\n");
    const BoundMapping mapping(custom, file.reader);
    const auto record = ParseContribution(mapping, file.reader, file.Next());
    BOOST_TEST(record.channel == "courrier");
    BOOST_TEST(!record.tagsGiven);
    BOOST_TEST(!record.labelsGiven);
    BOOST_TEST(!record.quote);
    // An error on a constant-only field names the line without a column.
    const std::string message = ErrorOf([&] {
        ColumnMapping dated = custom;
        dated.fields[0].second = FieldSource{{}, "hier", FieldSource::Transform::None};
        Table other("Texte\nBonjour\n");
        const BoundMapping bound(dated, other.reader);
        ParseContribution(bound, other.reader, other.Next());
    });
    BOOST_TEST(Contains(message, "ligne 2\u00A0:"), message);
}

BOOST_AUTO_TEST_SUITE_END()
