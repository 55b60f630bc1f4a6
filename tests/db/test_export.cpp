// Exporting contributions, commitments and meetings in the native format (db/export.h), as CSV
// and XLSX, read back with Concerto's own reader and with openpyxl, compared with the database.

#include "core/import_spec.h"
#include "db/demo.h"
#include "db/export.h"
#include "db/export_sink.h"
#include "db/repositories.h"
#include "test_export_support.h"

#include <filesystem>
#include <map>
#include <set>

using namespace concerto;
using namespace concerto::test;

namespace {

std::string BackendName(Database& db) { return db.GetBackend() == Backend::Sqlite ? "sqlite" : "postgresql"; }

/// A folder of its own for one test on one backend.
std::string Folder(Database& db, const std::string& test)
{
    const std::string folder = TempFolder() + "/" + test + "_" + BackendName(db);
    std::filesystem::create_directories(folder);
    return folder;
}

std::string DemoConsultation(Database& db, std::uint64_t contributions = 200)
{
    SilentProgress progress;
    return GenerateDemo(db, DemoOptions{contributions, 7}, progress);
}

std::uint64_t Export(Database& db, const std::string& path, ImportKind kind, const std::string& consultationId)
{
    SilentProgress progress;
    return ExportTable(db, path, ExportOptions{kind, consultationId}, progress);
}

std::string FileBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

/// What the database says each contribution's row must hold, by external_id.
struct ExpectedContribution {
    std::string id, channel, body, quote;
    Timestamp receivedAt;
    std::multiset<std::string> tags, labels;
};

std::map<std::string, ExpectedContribution> ExpectedContributions(Database& db, const std::string& consultationId)
{
    std::map<std::string, ExpectedContribution> byExternalId;
    std::map<std::string, std::string> externalIdOf;
    const Params params{{"consultation", consultationId}};
    QueryRows(db,
              "SELECT CAST(c.id AS text), c.source_ref, ch.code, c.body, "
              "CASE WHEN c.is_quote THEN 'oui' ELSE 'non' END, c.received_at "
              "FROM contribution c JOIN channel ch ON ch.id = c.channel_id WHERE c.consultation_id = :consultation",
              params, [&](const soci::row& row) {
                  ExpectedContribution e{Cell::Text(row, 0), Cell::Text(row, 2), Cell::Text(row, 3),
                                         Cell::Text(row, 4), Cell::Instant(row, 5), {}, {}};
                  const std::string external = Cell::IsNull(row, 1) ? e.id : Cell::Text(row, 1);
                  externalIdOf[e.id] = external;
                  byExternalId[external] = e;
              });
    QueryRows(db,
              "SELECT CAST(t.contribution_id AS text), cm.ref, th.code, t.stance FROM tag t "
              "LEFT JOIN commitment cm ON cm.id = t.commitment_id LEFT JOIN theme th ON th.id = t.theme_id",
              {}, [&](const soci::row& row) {
                  const auto found = externalIdOf.find(Cell::Text(row, 0));
                  if (found == externalIdOf.end())
                      return;
                  Stance stance = Stance::Observation;
                  FromCode(Cell::Text(row, 3), stance);
                  const std::string ref = Cell::IsNull(row, 1) ? Cell::Text(row, 2) : Cell::Text(row, 1);
                  byExternalId[found->second].tags.insert(ref + ":" + FrenchName(stance));
              });
    QueryRows(db,
              "SELECT CAST(cl.contribution_id AS text), l.name FROM contribution_label cl "
              "JOIN label l ON l.id = cl.label_id",
              {}, [&](const soci::row& row) {
                  const auto found = externalIdOf.find(Cell::Text(row, 0));
                  if (found != externalIdOf.end())
                      byExternalId[found->second].labels.insert(Cell::Text(row, 1));
              });
    return byExternalId;
}

std::multiset<std::string> ListOf(const std::string& cell)
{
    const auto items = SplitList(cell);
    return {items.begin(), items.end()};
}

void CheckContributionRows(Database& db, const std::string& consultationId,
                           const std::vector<std::vector<std::string>>& table)
{
    const auto expected = ExpectedContributions(db, consultationId);
    BOOST_TEST_REQUIRE(table.size() == expected.size() + 1);
    BOOST_TEST(table[0] == NativeFields(ImportKind::Contributions));
    std::size_t tagged = 0, labelled = 0;
    Timestamp previous;
    for (std::size_t i = 1; i < table.size(); ++i) {
        const auto& cells = table[i];
        const auto found = expected.find(cells[0]);
        BOOST_TEST_REQUIRE((found != expected.end()), cells[0]);
        const ExpectedContribution& e = found->second;
        const auto received = ParseImportInstant(cells[1]);
        BOOST_TEST_REQUIRE(received.has_value(), cells[1]);
        BOOST_TEST(received->seconds == e.receivedAt.seconds);
        BOOST_TEST(!(received->seconds < previous.seconds)); // received_at order
        previous = *received;
        BOOST_TEST(cells[2] == e.channel);
        BOOST_TEST(cells[8] == e.body);
        BOOST_TEST(cells[11] == e.quote);
        BOOST_TEST((ListOf(cells[9]) == e.tags), cells[0] + " tags " + cells[9]);
        BOOST_TEST((ListOf(cells[10]) == e.labels), cells[0] + " labels " + cells[10]);
        tagged += !e.tags.empty();
        labelled += !e.labels.empty();
    }
    BOOST_TEST(tagged > 20u); // the demo tags and labels enough rows for this to mean something
    BOOST_TEST(labelled > 0u);
}

/// A Progress that asks to stop at once.
class StopAtOnce final : public Progress {
public:
    void Begin(const std::string&, std::uint64_t) override {}
    void Advance(std::uint64_t) override {}
    bool IsCancelled() const override { return true; }
};

/// A Progress that remembers what it was told.
class RecordingProgress final : public Progress {
public:
    void Begin(const std::string& phase, std::uint64_t total) override
    {
        this->phase = phase;
        this->total = total;
    }
    void Advance(std::uint64_t done) override { last = done; }
    bool IsCancelled() const override { return false; }
    std::string phase;
    std::uint64_t total = 0, last = 0;
};

} // namespace

BOOST_AUTO_TEST_SUITE(export_table)

BACKEND_TEST(contributions_export_as_the_importer_reads_them)
{
    const std::string id = DemoConsultation(db);
    const std::string folder = Folder(db, "contributions");
    const std::string csv = folder + "/contributions.csv", xlsx = folder + "/contributions.xlsx";
    BOOST_TEST(Export(db, csv, ImportKind::Contributions, id) == 200u);
    const std::string bytes = FileBytes(csv);
    BOOST_TEST(bytes.compare(0, 3, "\xEF\xBB\xBF") == 0); // BOM for Excel
    BOOST_TEST(bytes.find("external_id,received_at,channel,") == 3u);
    BOOST_TEST(bytes.find("\r\n") != std::string::npos);
    const auto table = ReadTable(csv);
    CheckContributionRows(db, id, table);

    // The workbook holds exactly the same cells, for Concerto's reader and for openpyxl.
    RecordingProgress progress;
    BOOST_TEST(ExportTable(db, xlsx, ExportOptions{ImportKind::Contributions, id}, progress) == 200u);
    BOOST_TEST(progress.phase == "Export des contributions");
    BOOST_TEST(progress.total == 200u);
    BOOST_TEST(progress.last == 200u);
    BOOST_TEST((ReadTable(xlsx) == table));
    XlsxToCsvWithOpenpyxl(xlsx, folder + "/openpyxl.csv");
    BOOST_TEST((ReadTable(folder + "/openpyxl.csv") == table));
    const std::string layout = RunOpenpyxl("ws = openpyxl.load_workbook(book).worksheets[0]\n"
                                           "print(ws.title, ws.freeze_panes, ws['A1'].font.b, ws['A2'].number_format)\n",
                                           {xlsx});
    BOOST_TEST(layout == "contributions A2 True @\n");
    // Nothing else left in the folder: the temporary files were renamed.
    BOOST_TEST(std::distance(std::filesystem::directory_iterator(folder), {}) == 3);
}

BACKEND_TEST(commitments_and_meetings_export_with_codes_and_french_statuses)
{
    const std::string id = DemoConsultation(db, 50);
    const std::string folder = Folder(db, "programme");
    for (const std::string extension : {".csv", ".xlsx"}) {
        const std::string commitments = folder + "/engagements" + extension;
        const auto count = Export(db, commitments, ImportKind::Commitments, id);
        BOOST_TEST(count == static_cast<std::uint64_t>(QueryCount(
                                db, "SELECT COUNT(*) FROM commitment WHERE consultation_id = :c", {{"c", id}})));
        const auto table = ReadTable(commitments);
        BOOST_TEST_REQUIRE(table.size() == count + 1);
        BOOST_TEST(table[0] == NativeFields(ImportKind::Commitments));
        std::set<std::string> statuses;
        for (std::size_t i = 1; i < table.size(); ++i) {
            const auto& cells = table[i];
            const Params key{{"c", id}, {"ref", cells[0]}};
            const std::string where = " WHERE cm.consultation_id = :c AND cm.ref = :ref";
            BOOST_TEST(cells[1] == QueryText(db, "SELECT t.code FROM commitment cm JOIN theme t ON t.id = cm.theme_id" +
                                                     where, key));
            BOOST_TEST(cells[2] == QueryText(db, "SELECT cm.title FROM commitment cm" + where, key));
            const auto status = ParseStatusText(cells[4]);
            BOOST_TEST_REQUIRE(status.has_value(), cells[4]);
            BOOST_TEST(ToCode(*status) == QueryText(db, "SELECT cm.status FROM commitment cm" + where, key));
            statuses.insert(cells[4]);
        }
        for (const auto& status : statuses)
            BOOST_TEST((std::set<std::string>{"Fait", "En cours", "Reste à faire", "Abandonné"}.count(status) == 1u),
                       status);

        const std::string meetings = folder + "/rencontres" + extension;
        const auto meetingCount = Export(db, meetings, ImportKind::Meetings, id);
        BOOST_TEST(meetingCount > 5u);
        const auto rows = ReadTable(meetings);
        BOOST_TEST_REQUIRE(rows.size() == meetingCount + 1);
        BOOST_TEST(rows[0] == NativeFields(ImportKind::Meetings));
        for (std::size_t i = 1; i < rows.size(); ++i) {
            const Params key{{"c", id}, {"ref", rows[i][0]}};
            Meeting stored = MeetingRepository(db).List({{"c.consultation_id = :c AND c.ref = :ref", key}}).at(0);
            const auto startsAt = ParseImportInstant(rows[i][3]);
            BOOST_TEST_REQUIRE(startsAt.has_value(), rows[i][3]);
            BOOST_TEST(startsAt->seconds == stored.startsAt.seconds);
            BOOST_TEST(rows[i][1] == ChannelRepository(db).Get(stored.channelId).code);
            BOOST_TEST(rows[i][2] == stored.title);
            BOOST_TEST(rows[i][4] == stored.place);
            BOOST_TEST(rows[i][5] ==
                       (stored.neighbourhoodId.empty() ? "" : NeighbourhoodRepository(db).Get(stored.neighbourhoodId).code));
            BOOST_TEST(rows[i][6] == (stored.attendance ? std::to_string(*stored.attendance) : ""));
        }
    }
    const std::string sheets =
        RunOpenpyxl("print(openpyxl.load_workbook(book).sheetnames, openpyxl.load_workbook(sys.argv[2]).sheetnames)\n",
                    {folder + "/engagements.xlsx", folder + "/rencontres.xlsx"});
    BOOST_TEST(sheets == "['engagements'] ['rencontres']\n");
}

BACKEND_TEST(awkward_texts_survive_csv_and_an_overlong_cell_refuses_xlsx)
{
    const std::string id = DemoConsultation(db, 20);
    ContributionRepository contributions(db);
    auto all = contributions.ListBy("consultation_id", id, "received_at");
    Contribution tricky = all.at(0);
    tricky.body = " Deux lignes, \"guillemets\" ;\r\net une virgule, ";
    tricky.title = "=1+1";
    contributions.Update(tricky);
    const std::string folder = Folder(db, "awkward");
    Export(db, folder + "/a.csv", ImportKind::Contributions, id);
    const auto table = ReadTable(folder + "/a.csv");
    bool seen = false;
    for (const auto& row : table)
        if (row[0] == (tricky.sourceRef.empty() ? tricky.id : tricky.sourceRef)) {
            BOOST_TEST(row[8] == tricky.body);
            BOOST_TEST(row[7] == "=1+1");
            seen = true;
        }
    BOOST_TEST(seen);
    BOOST_TEST(exporting::CsvField("a,b") == "\"a,b\"");
    BOOST_TEST(exporting::CsvField("dit \"oui\"") == "\"dit \"\"oui\"\"\"");
    BOOST_TEST(exporting::CsvField("simple") == "simple");

    // The same in XLSX keeps the formula-looking title as text.
    Export(db, folder + "/a.xlsx", ImportKind::Contributions, id);
    BOOST_TEST((ReadTable(folder + "/a.xlsx") == table));

    // Excel cannot hold 40,000 characters in a cell: refused, and no file left behind; CSV keeps it whole.
    Contribution longOne = contributions.Get(all.at(1).id);
    longOne.body = std::string(40000, 'x');
    contributions.Update(longOne);
    BOOST_CHECK_THROW(Export(db, folder + "/long.xlsx", ImportKind::Contributions, id), ValidationError);
    BOOST_TEST(!std::filesystem::exists(folder + "/long.xlsx"));
    Export(db, folder + "/long.csv", ImportKind::Contributions, id);
    bool whole = false;
    for (const auto& row : ReadTable(folder + "/long.csv"))
        whole = whole || row[8].size() == 40000u;
    BOOST_TEST(whole);
    BOOST_TEST(std::distance(std::filesystem::directory_iterator(folder), {}) == 3);
}

BACKEND_TEST(unknown_consultation_and_cancel_leave_no_file)
{
    const std::string id = DemoConsultation(db, 20);
    const std::string folder = Folder(db, "cancel");
    SilentProgress silent;
    BOOST_CHECK_THROW(ExportTable(db, folder + "/x.csv", ExportOptions{ImportKind::Meetings, NewUuid()}, silent),
                      NotFoundError);
    BOOST_CHECK_THROW(ExportTable(db, folder + "/x.csv", ExportOptions{ImportKind::Meetings, "pas-un-id"}, silent),
                      NotFoundError);
    StopAtOnce stop;
    for (const char* name : {"/c.csv", "/c.xlsx"})
        BOOST_CHECK_THROW(ExportTable(db, folder + name, ExportOptions{ImportKind::Contributions, id}, stop),
                          CancelledError);
    BOOST_TEST(std::filesystem::is_empty(folder));
    // A folder that does not exist: an error that says what to check, for both formats.
    for (const char* name : {"/absent/c.csv", "/absent/c.xlsx"})
        BOOST_CHECK_EXCEPTION(Export(db, folder + name, ImportKind::Meetings, id), Error, [](const Error& e) {
            return std::string(e.what()).find("vérifiez que le dossier existe") != std::string::npos;
        });
    // An export over an existing file replaces it whole.
    std::ofstream(folder + "/m.csv") << "ancien contenu\n";
    Export(db, folder + "/m.csv", ImportKind::Meetings, id);
    BOOST_TEST(ReadTable(folder + "/m.csv")[0] == NativeFields(ImportKind::Meetings));
}

BOOST_AUTO_TEST_SUITE_END()
