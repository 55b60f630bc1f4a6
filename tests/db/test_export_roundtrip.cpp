// The round trip of issue 6: export → edit a few cells as a spreadsheet user would → the import's
// dry run previews exactly those edits and leaves the database as it was → the real import applies
// exactly them → importing the same file again changes nothing. In CSV and in XLSX edited by openpyxl.

#include "core/import_spec.h"
#include "db/demo.h"
#include "db/export.h"
#include "db/export_sink.h"
#include "db/import.h"
#include "db/repositories.h"
#include "support/dump.h"
#include "test_export_support.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <set>

using namespace concerto;
using namespace concerto::test;

namespace {

using Table = std::vector<std::vector<std::string>>;
using ChangeKey = std::pair<std::string, std::string>; // (row key, field)

std::string Folder(Database& db, const std::string& test)
{
    const std::string folder =
        TempFolder() + "/" + test + "_" + (db.GetBackend() == Backend::Sqlite ? "sqlite" : "postgresql");
    std::filesystem::create_directories(folder);
    return folder;
}

void WriteCsv(const std::string& path, const Table& table)
{
    std::ofstream out(path, std::ios::binary);
    for (const auto& row : table) {
        for (std::size_t i = 0; i < row.size(); ++i)
            out << (i ? "," : "") << exporting::CsvField(row[i]);
        out << "\r\n";
    }
}

ImportReport Import(Database& db, const std::string& path, ImportKind kind, const std::string& consultationId,
                    bool dryRun)
{
    ImportOptions options;
    options.kind = kind;
    options.consultationId = consultationId;
    options.dryRun = dryRun;
    SilentProgress progress;
    return RunImport(db, path, options, progress);
}

std::set<ChangeKey> ChangedFields(const ImportReport& report)
{
    std::set<ChangeKey> keys;
    for (const auto& change : report.changes)
        keys.emplace(change.key, change.field);
    return keys;
}

/// The tables compared with tags and labels as sets (their order within a cell is free).
void CheckSameRows(const Table& actual, const Table& expected)
{
    BOOST_TEST_REQUIRE(actual.size() == expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        auto a = actual[i], e = expected[i];
        for (const std::size_t list : {9u, 10u}) {
            const auto as = SplitList(a[list]), es = SplitList(e[list]);
            a[list] = e[list] = "";
            BOOST_TEST((std::multiset<std::string>(as.begin(), as.end()) ==
                        std::multiset<std::string>(es.begin(), es.end())),
                       "row " << i << ": " << actual[i][list] << " / " << expected[i][list]);
        }
        BOOST_TEST((a == e), "row " << i << " " << a[0]);
    }
}

/// The edits of the contributions round trip, on a table as exported.
struct ContributionEdits {
    std::size_t retitled = 0, untagged = 0, tagged = 0, redated = 0;
    std::string removedTag, addedRef, newTitle = "Titre corrigé à la main", newDate;
    std::set<ChangeKey> expected;
};

ContributionEdits EditContributions(Database& db, const std::string& consultationId, Table& table)
{
    ContributionEdits edits;
    for (std::size_t i = 1; i < table.size() && !(edits.untagged && edits.tagged); ++i) {
        const auto tags = SplitList(table[i][9]);
        if (!edits.untagged && tags.size() >= 2)
            edits.untagged = i;
        else if (!edits.tagged && tags.empty() && i > 3)
            edits.tagged = i;
    }
    BOOST_TEST_REQUIRE(edits.untagged);
    BOOST_TEST_REQUIRE(edits.tagged);
    edits.retitled = edits.untagged == 1 ? 2 : 1;
    edits.redated = edits.retitled + 1;
    while (edits.redated == edits.untagged || edits.redated == edits.tagged)
        ++edits.redated;

    table[edits.retitled][7] = edits.newTitle;
    auto tags = SplitList(table[edits.untagged][9]);
    edits.removedTag = tags.front();
    tags.erase(tags.begin());
    std::string remaining;
    for (const auto& tag : tags)
        remaining += (remaining.empty() ? "" : " | ") + tag;
    table[edits.untagged][9] = remaining;
    edits.addedRef = QueryText(db, "SELECT ref FROM commitment WHERE consultation_id = :c ORDER BY ref",
                               {{"c", consultationId}});
    table[edits.tagged][9] = edits.addedRef + ":proposition";
    const Timestamp moved{ParseImportInstant(table[edits.redated][1])->seconds + 86400 + 3600};
    edits.newDate = FormatImportInstant(moved);
    table[edits.redated][1] = edits.newDate;

    edits.expected = {{table[edits.retitled][0], "title"},
                      {table[edits.untagged][0], "tags"},
                      {table[edits.tagged][0], "tags"},
                      {table[edits.redated][0], "received_at"}};
    return edits;
}

/// The contribution of an external_id as exported (source_ref, else id).
Contribution ByExternalId(Database& db, const std::string& consultationId, const std::string& externalId)
{
    ContributionRepository contributions(db);
    if (IsUuid(externalId))
        if (auto found = contributions.Find(externalId))
            return *found;
    const auto rows = contributions.List(
        {{"c.consultation_id = :c AND c.source_ref = :r", {{"c", consultationId}, {"r", externalId}}}});
    BOOST_TEST_REQUIRE(rows.size() == 1u, externalId);
    return rows.front();
}

long long TagCount(Database& db, const std::string& contributionId, const std::string& ref,
                   const std::string& stance)
{
    return QueryCount(db,
                      "SELECT COUNT(*) FROM tag t LEFT JOIN commitment cm ON cm.id = t.commitment_id "
                      "LEFT JOIN theme th ON th.id = t.theme_id WHERE t.contribution_id = :id "
                      "AND COALESCE(cm.ref, th.code) = :ref AND t.stance = :stance",
                      {{"id", contributionId}, {"ref", ref}, {"stance", stance}});
}

/// `when` as a colleague types it in a spreadsheet: « JJ/MM/AAAA HH:MM », local time.
std::string FrenchDateTime(const Timestamp& when)
{
    const std::time_t time = static_cast<std::time_t>(when.seconds);
    std::tm local{};
    localtime_r(&time, &local);
    char text[32];
    std::strftime(text, sizeof text, "%d/%m/%Y %H:%M", &local);
    return text;
}

std::string StanceCode(const std::string& frenchTag)
{
    Stance stance = *ParseStanceText(frenchTag.substr(frenchTag.find(':') + 1));
    return ToCode(stance);
}

} // namespace

BOOST_AUTO_TEST_SUITE(export_round_trip)

BACKEND_TEST(contributions_round_trip_applies_exactly_the_edits)
{
    SilentProgress progress;
    const std::string id = GenerateDemo(db, DemoOptions{200, 3}, progress);
    const std::string folder = Folder(db, "round_trip");
    const std::string exported = folder + "/export.csv", edited = folder + "/edited.csv";
    ExportTable(db, exported, ExportOptions{ImportKind::Contributions, id}, progress);
    Table table = ReadTable(exported);
    const ContributionEdits edits = EditContributions(db, id, table);
    WriteCsv(edited, table);

    // The dry run previews the four edits and writes nothing.
    const std::string before = DumpDatabase(db);
    const ImportReport preview = Import(db, edited, ImportKind::Contributions, id, true);
    BOOST_TEST(preview.dryRun);
    BOOST_TEST(preview.rows == 200u);
    BOOST_TEST(preview.updated == 3u + 1u);
    BOOST_TEST(preview.unchanged == 196u);
    BOOST_TEST(preview.created == 0u);
    BOOST_TEST(preview.rejected == 0u);
    BOOST_TEST((ChangedFields(preview) == edits.expected));
    for (const auto& change : preview.changes)
        if (change.field == "title")
            BOOST_TEST(change.after == edits.newTitle);
    BOOST_TEST(DumpDatabase(db) == before);

    // The real import applies them, and only them.
    const ImportReport applied = Import(db, edited, ImportKind::Contributions, id, false);
    BOOST_TEST(applied.updated == 4u);
    BOOST_TEST(applied.unchanged == 196u);
    BOOST_TEST((ChangedFields(applied) == edits.expected));
    BOOST_TEST(ByExternalId(db, id, table[edits.retitled][0]).title == edits.newTitle);
    const Contribution untagged = ByExternalId(db, id, table[edits.untagged][0]);
    const std::string removedRef = edits.removedTag.substr(0, edits.removedTag.find(':'));
    BOOST_TEST(TagCount(db, untagged.id, removedRef, StanceCode(edits.removedTag)) == 0);
    const Contribution tagged = ByExternalId(db, id, table[edits.tagged][0]);
    BOOST_TEST(TagCount(db, tagged.id, edits.addedRef, "proposal") == 1);
    BOOST_TEST(QueryCount(db, "SELECT COUNT(*) FROM tag WHERE contribution_id = :id", {{"id", tagged.id}}) == 1);
    BOOST_TEST(ByExternalId(db, id, table[edits.redated][0]).receivedAt.seconds ==
               ParseImportInstant(edits.newDate)->seconds);
    // Exported again, the consultation is the edited file (rows in received_at order again).
    ExportTable(db, folder + "/again.csv", ExportOptions{ImportKind::Contributions, id}, progress);
    Table again = ReadTable(folder + "/again.csv");
    auto byKey = [](Table rows) {
        std::sort(rows.begin() + 1, rows.end());
        return rows;
    };
    CheckSameRows(byKey(again), byKey(table));

    // Importing the same file again changes nothing.
    const std::string after = DumpDatabase(db);
    const ImportReport second = Import(db, edited, ImportKind::Contributions, id, false);
    BOOST_TEST(second.updated == 0u);
    BOOST_TEST(second.created == 0u);
    BOOST_TEST(second.unchanged == 200u);
    BOOST_TEST(second.changes.empty());
    BOOST_TEST(DumpDatabase(db) == after);
}

BACKEND_TEST(commitments_and_meetings_round_trip)
{
    SilentProgress progress;
    const std::string id = GenerateDemo(db, DemoOptions{30, 3}, progress);
    const std::string folder = Folder(db, "programme_trip");

    ExportTable(db, folder + "/engagements.csv", ExportOptions{ImportKind::Commitments, id}, progress);
    Table commitments = ReadTable(folder + "/engagements.csv");
    BOOST_TEST_REQUIRE(commitments.size() > 3u);
    const std::string newStatus = commitments[1][4] == "Fait" ? "abandonne" : "fait"; // typed by hand
    const CommitmentStatus wanted = *ParseStatusText(newStatus);
    commitments[1][4] = newStatus;
    commitments[2][2] = "Un titre revu en réunion";
    WriteCsv(folder + "/engagements_edit.csv", commitments);
    const ImportReport preview = Import(db, folder + "/engagements_edit.csv", ImportKind::Commitments, id, true);
    BOOST_TEST((ChangedFields(preview) ==
                std::set<ChangeKey>{{commitments[1][0], "status"}, {commitments[2][0], "title"}}));
    const ImportReport applied = Import(db, folder + "/engagements_edit.csv", ImportKind::Commitments, id, false);
    BOOST_TEST(applied.updated == 2u);
    const Params first{{"c", id}, {"ref", commitments[1][0]}}, second{{"c", id}, {"ref", commitments[2][0]}};
    BOOST_TEST(QueryText(db, "SELECT status FROM commitment WHERE consultation_id = :c AND ref = :ref", first) ==
               ToCode(wanted));
    BOOST_TEST(QueryText(db, "SELECT title FROM commitment WHERE consultation_id = :c AND ref = :ref", second) ==
               "Un titre revu en réunion");
    const ImportReport again = Import(db, folder + "/engagements_edit.csv", ImportKind::Commitments, id, false);
    BOOST_TEST(again.updated == 0u);
    BOOST_TEST(again.unchanged == commitments.size() - 1);

    ExportTable(db, folder + "/rencontres.csv", ExportOptions{ImportKind::Meetings, id}, progress);
    Table meetings = ReadTable(folder + "/rencontres.csv");
    BOOST_TEST_REQUIRE(meetings.size() > 2u);
    // A day earlier (before any end time), in the French form a colleague types.
    const std::string earlier = FrenchDateTime(Timestamp{ParseImportInstant(meetings[1][3])->seconds / 60 * 60 - 86400});
    meetings[1][3] = earlier;
    meetings[1][6] = "57";
    WriteCsv(folder + "/rencontres_edit.csv", meetings);
    const ImportReport moved = Import(db, folder + "/rencontres_edit.csv", ImportKind::Meetings, id, false);
    BOOST_TEST((ChangedFields(moved) == std::set<ChangeKey>{{meetings[1][0], "date"}, {meetings[1][0], "attendance"}}));
    const Meeting stored =
        MeetingRepository(db).List({{"c.consultation_id = :c AND c.ref = :ref", {{"c", id}, {"ref", meetings[1][0]}}}})
            .at(0);
    BOOST_TEST(stored.startsAt.seconds == ParseImportInstant(earlier)->seconds);
    BOOST_TEST(stored.attendance.value_or(-1) == 57);
    BOOST_TEST(Import(db, folder + "/rencontres_edit.csv", ImportKind::Meetings, id, false).updated == 0u);
}

BACKEND_TEST(xlsx_edited_with_openpyxl_round_trips)
{
    SilentProgress progress;
    const std::string id = GenerateDemo(db, DemoOptions{60, 5}, progress);
    const std::string folder = Folder(db, "xlsx_trip");
    const std::string exported = folder + "/export.xlsx", edited = folder + "/edited.xlsx";
    ExportTable(db, exported, ExportOptions{ImportKind::Contributions, id}, progress);
    const Table table = ReadTable(exported);
    const std::string ref =
        QueryText(db, "SELECT ref FROM commitment WHERE consultation_id = :c ORDER BY ref", {{"c", id}});
    // Row 3 of the sheet is the second contribution: a new title, and its tags replaced by one.
    RunOpenpyxl("wb = openpyxl.load_workbook(book)\nws = wb.worksheets[0]\n"
                "ws.cell(row=3, column=8).value = 'Titre saisi dans le tableur'\n"
                "ws.cell(row=3, column=10).value = sys.argv[3] + ':critique'\n"
                "wb.save(sys.argv[2])\n",
                {exported, edited, ref});
    std::set<ChangeKey> expected{{table[2][0], "title"}};
    if (table[2][9] != ref + ":critique")
        expected.emplace(table[2][0], "tags");
    const ImportReport preview = Import(db, edited, ImportKind::Contributions, id, true);
    BOOST_TEST((ChangedFields(preview) == expected));
    const ImportReport applied = Import(db, edited, ImportKind::Contributions, id, false);
    BOOST_TEST(applied.updated == 1u);
    BOOST_TEST(applied.unchanged == 59u);
    const Contribution changed = ByExternalId(db, id, table[2][0]);
    BOOST_TEST(changed.title == "Titre saisi dans le tableur");
    BOOST_TEST(TagCount(db, changed.id, ref, "criticism") == 1);
    BOOST_TEST(QueryCount(db, "SELECT COUNT(*) FROM tag WHERE contribution_id = :id", {{"id", changed.id}}) == 1);
    const ImportReport again = Import(db, edited, ImportKind::Contributions, id, false);
    BOOST_TEST(again.updated == 0u);
    BOOST_TEST(again.unchanged == 60u);
}

BOOST_AUTO_TEST_SUITE_END()
