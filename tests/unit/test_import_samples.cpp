// The sample files of tests/data/import/ (README.md there) read as the database tests read them:
// native files in every encoding and both workbook flavours, the broken ones, and the Decidim
// export through its detected preset. Expected values are those written in the files.

#include "core/import_spec.h"
#include "core/tabular.h"
#include "import_test_support.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>

using namespace concerto;
using namespace concerto::test;

BOOST_AUTO_TEST_SUITE(import_samples)

namespace {

template <typename Record, typename Parse>
std::vector<std::pair<std::uint64_t, Record>> ReadSample(const std::string& name, ImportKind kind, Parse parse,
                                                         const TabularOptions& options = {})
{
    auto reader = OpenTabular(ImportFile(name), options);
    const BoundMapping mapping(DetectPreset(reader->Header(), kind).value_or(NativeMapping(kind)), *reader);
    std::vector<std::pair<std::uint64_t, Record>> records;
    std::vector<std::string> cells;
    while (reader->Next(cells))
        records.emplace_back(reader->Line(), parse(mapping, *reader, cells));
    return records;
}

std::size_t Characters(const std::string& utf8)
{
    return static_cast<std::size_t>(
        std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

} // namespace

BOOST_AUTO_TEST_CASE(commitments_csv_and_its_libreoffice_workbook_agree)
{
    const auto csv = ReadSample<CommitmentRecord>("commitments.csv", ImportKind::Commitments, ParseCommitment);
    const auto xlsx =
        ReadSample<CommitmentRecord>("commitments_libreoffice.xlsx", ImportKind::Commitments, ParseCommitment);
    BOOST_REQUIRE(csv.size() == 9u);
    BOOST_REQUIRE(xlsx.size() == csv.size());
    const std::vector<std::optional<CommitmentStatus>> statuses = {
        CommitmentStatus::Done,       CommitmentStatus::InProgress,
        CommitmentStatus::Planned,    CommitmentStatus::Dropped,
        CommitmentStatus::InProgress, CommitmentStatus::Done,
        CommitmentStatus::Planned,    std::nullopt,
        CommitmentStatus::Dropped};
    for (std::size_t i = 0; i < csv.size(); ++i) {
        BOOST_TEST(csv[i].first == i + 2);
        BOOST_TEST(xlsx[i].first == i + 2);
        BOOST_TEST((csv[i].second.status == statuses[i]), i);
        BOOST_TEST(xlsx[i].second.ref == csv[i].second.ref);
        BOOST_TEST(xlsx[i].second.title == csv[i].second.title);
        BOOST_TEST(xlsx[i].second.description == csv[i].second.description);
        BOOST_TEST((xlsx[i].second.status == csv[i].second.status));
    }
    BOOST_TEST(csv[7].second.ref == "CUL-15");
    BOOST_TEST(
        csv[7].second.description ==
        "Une salle équipée, « Le Hangar », sera prêtée aux groupes de musique amateurs ; réservation \"en ligne\".");
}

BOOST_AUTO_TEST_CASE(invalid_commitments_and_meetings_name_their_lines)
{
    const auto errors = [](const std::string& name, ImportKind kind, auto parse) {
        auto reader = OpenTabular(ImportFile(name));
        const BoundMapping mapping(NativeMapping(kind), *reader);
        std::vector<std::string> cells, messages;
        while (reader->Next(cells))
            messages.push_back(ErrorOf([&] { parse(mapping, *reader, cells); }));
        return messages;
    };
    auto messages = errors("commitments_invalid.csv", ImportKind::Commitments, ParseCommitment);
    BOOST_REQUIRE(messages.size() == 5u);
    BOOST_TEST(messages[0].empty());
    BOOST_TEST(Contains(messages[1], "ligne 3, colonne 5"), messages[1]);
    BOOST_TEST(messages[2].empty()); // the unknown theme is the database's to refuse
    BOOST_TEST(Contains(messages[3], "ligne 5, colonne 3"), messages[3]);
    BOOST_TEST(messages[4].empty());

    const TimeZone zone("Europe/Paris");
    messages = errors("meetings_invalid.csv", ImportKind::Meetings, ParseMeeting);
    BOOST_REQUIRE(messages.size() == 4u);
    BOOST_TEST(messages[0].empty());
    BOOST_TEST(Contains(messages[1], "ligne 3, colonne 4"), messages[1]);
    BOOST_TEST(Contains(messages[2], "ligne 4, colonne 7"), messages[2]);
    BOOST_TEST(messages[3].empty()); // unknown channel: the database's
}

BOOST_AUTO_TEST_CASE(meetings_csv)
{
    const TimeZone zone("Europe/Paris");
    const auto meetings = ReadSample<MeetingRecord>("meetings.csv", ImportKind::Meetings, ParseMeeting);
    BOOST_REQUIRE(meetings.size() == 5u);
    BOOST_TEST(meetings[0].second.startsAt.ToIso() == "2023-10-09 16:30:00");
    BOOST_TEST((meetings[0].second.attendance == std::optional<int>(64)));
    BOOST_TEST(meetings[2].second.startsAt.ToIso() == "2023-10-28 07:30:00");
    BOOST_TEST(!meetings[2].second.attendance);
    BOOST_TEST(meetings[3].second.neighbourhood == "Petit-Ivry");
    BOOST_TEST(meetings[4].second.startsAt.ToIso() == "2024-01-25 18:00:00");
}

BOOST_AUTO_TEST_CASE(native_contributions_in_every_encoding)
{
    const TimeZone zone("Europe/Paris");
    const auto rows = ReadSample<ContributionRecord>("contributions.csv", ImportKind::Contributions, ParseContribution);
    BOOST_REQUIRE(rows.size() == 8u);
    const std::vector<std::uint64_t> lines = {2, 4, 5, 12, 13, 14, 15, 16};
    for (std::size_t i = 0; i < rows.size(); ++i)
        BOOST_TEST(rows[i].first == lines[i]);
    const auto& letter = rows[2].second;
    BOOST_TEST(letter.text == "Madame le Maire,\n\nJe vous écris au sujet du centre de santé : trois mois pour un "
                              "rendez-vous !\nEt mon loyer a encore augmenté.\n\nCordialement,\nMme D.");
    BOOST_REQUIRE(letter.tags.size() == 2u);
    BOOST_TEST((letter.tags[1].stance == Stance::Proposal));
    BOOST_TEST((letter.labels == std::vector<std::string>{"prix des loyers", "sécurité la nuit"}));
    BOOST_TEST(rows[3].second.receivedAt.ToIso() == "2023-10-09 17:10:00");
    BOOST_TEST(rows[4].second.labelsGiven);
    BOOST_TEST(rows[4].second.labels.empty());
    BOOST_TEST(rows[6].second.tagsGiven);
    BOOST_TEST(rows[6].second.tags.empty());
    BOOST_TEST(rows[7].second.externalId.empty());

    const auto win =
        ReadSample<ContributionRecord>("contributions_win1252.csv", ImportKind::Contributions, ParseContribution);
    BOOST_REQUIRE(win.size() == 3u);
    BOOST_TEST(win[0].second.text ==
               "Les loyers à 1 200 € pour un deux-pièces, ce n’est plus possible ; la ville doit agir.");
    BOOST_TEST(win[1].second.title == "Œuvres d’art");
    BOOST_TEST(win[2].second.profile == "élève de 3e");

    const auto bom =
        ReadSample<ContributionRecord>("contributions_bom.csv", ImportKind::Contributions, ParseContribution);
    BOOST_REQUIRE(bom.size() == 2u);
    BOOST_TEST(bom[0].second.externalId == "B-001");

    const auto excel =
        ReadSample<ContributionRecord>("contributions_excel.xlsx", ImportKind::Contributions, ParseContribution);
    BOOST_REQUIRE(excel.size() == 4u);
    BOOST_TEST(excel[0].second.externalId == "2041");
    BOOST_TEST(excel[0].second.receivedAt.ToIso() == "2023-10-14 08:30:00");
    BOOST_TEST(excel[0].second.text == "Trois ans d'attente pour une place en crèche.\nC'est trop long.");
    BOOST_TEST((excel[0].second.quote == std::optional<bool>(false)));
    BOOST_TEST((excel[1].second.quote == std::optional<bool>(true)));
    BOOST_TEST(excel[2].second.labels.size() == 2u);
    BOOST_TEST(!excel[3].second.quote);
    BOOST_TEST(excel[3].second.receivedAt.ToIso() == "2023-10-16 22:00:00");
}

BOOST_AUTO_TEST_CASE(broken_contribution_files)
{
    const auto parse = [](const std::string& name, const TabularOptions& options = {}) {
        return ReadSample<ContributionRecord>(name, ImportKind::Contributions, ParseContribution, options);
    };
    std::string message = ErrorOf([&] { parse("contributions_truncated.csv"); });
    BOOST_TEST(Contains(message, "contributions_truncated.csv"), message);
    BOOST_TEST(Contains(message, "ligne 5"), message);

    TabularOptions utf8;
    utf8.encoding = TextEncoding::Utf8;
    message = ErrorOf([&] { parse("contributions_invalid_utf8.csv", utf8); });
    BOOST_TEST(Contains(message, "ligne 3"), message);
    BOOST_TEST(parse("contributions_invalid_utf8.csv")[1].second.text == "Texte en Latin-1 : réponse à la mairie.");

    const auto longCell = parse("contributions_long_cell.csv");
    BOOST_REQUIRE(longCell.size() == 2u);
    BOOST_TEST(Characters(longCell[0].second.text) == 40000u);
    BOOST_TEST(longCell[1].first == 3u);

    const auto duplicates = parse("contributions_duplicates.csv");
    BOOST_REQUIRE(duplicates.size() == 3u);
    BOOST_TEST(duplicates[0].second.externalId == duplicates[2].second.externalId);
    BOOST_TEST(duplicates[2].first == 4u);

    const auto unknown = parse("contributions_unknown_refs.csv");
    BOOST_REQUIRE(unknown.size() == 6u);
    BOOST_TEST(unknown[1].second.tags[0].ref == "MOB-99");
    BOOST_TEST(unknown[2].second.channel == "fax");
    BOOST_TEST(unknown[3].second.meeting == "CQ-42");
    BOOST_TEST(unknown[4].second.labels[0] == "jardins partagés");
}

BOOST_AUTO_TEST_CASE(decidim_export_with_the_detected_preset)
{
    const TimeZone zone("Europe/Paris");
    auto reader = OpenTabular(ImportFile("decidim_proposals.csv"));
    BOOST_TEST(DetectPreset(reader->Header(), ImportKind::Contributions)->name == "decidim");
    const auto rows =
        ReadSample<ContributionRecord>("decidim_proposals.csv", ImportKind::Contributions, ParseContribution);
    BOOST_REQUIRE(rows.size() == 6u);
    const auto& first = rows[0].second;
    BOOST_TEST(first.externalId == "1401");
    BOOST_TEST(first.channel == "plateforme");
    BOOST_TEST(first.receivedAt.ToIso() == "2023-09-21 12:32:10");
    BOOST_TEST(first.neighbourhood == "Centre-ville");
    BOOST_TEST(first.title == "Plus de corbeilles rue Marat");
    BOOST_TEST(first.text ==
               "Les poubelles débordent chaque week-end.\n\nIl faudrait deux fois plus de corbeilles\u00A0!");
    BOOST_TEST((first.labels == std::vector<std::string>{"Propreté des rues"}));
    BOOST_TEST(!first.tagsGiven);
    BOOST_TEST(rows[1].second.text ==
               "Des voitures garées sur les trottoirs, rue Westermeyer\u00A0: impossible de passer "
               "avec une poussette.\nMerci d'agir.");
    BOOST_TEST(rows[2].second.text ==
               "Les rodéos de scooters… tous les soirs\u00A0:\n\n- rue Paul-Vaillant-Couturier\n- place Voltaire");
    BOOST_TEST(rows[4].second.title == "Shaded benches in the parks");
    BOOST_TEST(rows[4].second.text == "Please add benches in the shade in every park.");
    BOOST_TEST(!rows[4].second.labelsGiven);
    BOOST_TEST(rows[5].second.receivedAt.ToIso() == "2023-11-02 08:12:00");
    BOOST_TEST(rows[5].second.text == "Les bords de Seine sont sales après chaque week-end ensoleillé.\n\nUn ramassage "
                                      "le lundi matin serait bienvenu.");
}

BOOST_AUTO_TEST_SUITE_END()
