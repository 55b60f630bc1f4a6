// The hand-made sample files of tests/data/import (see its README.md) imported into a demo
// consultation on both backends: LibreOffice's XLSX importing exactly like the CSV it came from,
// Excel's XLSX, the Decidim export through its preset, and the deliberately bad files.

#include "db/demo.h"
#include "test_import_support.h"

using namespace concerto;
using namespace concerto::test;

namespace {

std::string SamplePath(const std::string& name) { return std::string(CONCERTO_TEST_DATA_DIR) + "/import/" + name; }

struct DemoFixture {
    std::string consultation;
    explicit DemoFixture(Database& db)
    {
        SilentProgress progress;
        DemoOptions options;
        options.contributions = 200;
        consultation = GenerateDemo(db, options, progress);
    }
    ImportOptions Options(ImportKind kind) const
    {
        ImportOptions options;
        options.kind = kind;
        options.consultationId = consultation;
        return options;
    }
    ImportReport Import(Database& db, const std::string& name, const ImportOptions& options) const
    {
        SilentProgress progress;
        return RunImport(db, SamplePath(name), options, progress);
    }
    std::string Refusal(Database& db, const std::string& name, const ImportOptions& options) const
    {
        try {
            Import(db, name, options);
        } catch (const ValidationError& error) {
            return error.what();
        }
        return {};
    }
};

/// Characters (not bytes) of UTF-8 text.
std::size_t Characters(const std::string& text)
{
    std::size_t count = 0;
    for (unsigned char c : text)
        count += (c & 0xC0) != 0x80;
    return count;
}

} // namespace

BACKEND_TEST(import_files_commitments_csv_then_libreoffice_xlsx)
{
    DemoFixture f(db);
    const auto report = f.Import(db, "commitments.csv", f.Options(ImportKind::Commitments));
    BOOST_TEST(report.rows == 9u);
    BOOST_TEST(report.created == 3u);
    BOOST_TEST(report.rejected == 0u);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM commitment WHERE ref IN ('MOB-17', 'CUL-15', 'DEM-15')") == 3);
    BOOST_TEST(Text(db, "SELECT status FROM commitment WHERE ref = 'CUL-15'") == "planned");
    const std::string before = DumpDatabase(db);
    const auto xlsx = f.Import(db, "commitments_libreoffice.xlsx", f.Options(ImportKind::Commitments));
    BOOST_TEST(xlsx.rows == 9u);
    BOOST_TEST(xlsx.unchanged == 9u);
    BOOST_TEST(DumpDatabase(db) == before);
}

BACKEND_TEST(import_files_meetings)
{
    DemoFixture f(db);
    const auto report = f.Import(db, "meetings.csv", f.Options(ImportKind::Meetings));
    BOOST_TEST(report.created == 4u);
    BOOST_TEST(report.updated == 1u);
    BOOST_TEST(report.changes.size() >= 1u);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM meeting WHERE ref IN ('AGORA-5', 'CAR-30', 'CQ-7', 'RESTITUTION-2')") == 4);
    const auto again = f.Import(db, "meetings.csv", f.Options(ImportKind::Meetings));
    BOOST_TEST(again.unchanged == 5u);
}

BACKEND_TEST(import_files_contributions_and_excel)
{
    DemoFixture f(db);
    const auto options = f.Options(ImportKind::Contributions);
    const long long before = Scalar(db, "SELECT COUNT(*) FROM contribution");
    const auto report = f.Import(db, "contributions.csv", options);
    BOOST_TEST(report.created == 8u);
    BOOST_TEST(report.rejected == 0u);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution") == before + 8);
    BOOST_TEST(f.Import(db, "contributions.csv", options).unchanged == 8u);
    const auto excel = f.Import(db, "contributions_excel.xlsx", options);
    BOOST_TEST(excel.created == 4u);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution WHERE source_ref IN ('2041', '2042')") == 2);
    BOOST_TEST(f.Import(db, "contributions_excel.xlsx", options).unchanged == 4u);
}

BACKEND_TEST(import_files_encodings_and_long_cell)
{
    DemoFixture f(db);
    const auto options = f.Options(ImportKind::Contributions);
    BOOST_TEST(f.Import(db, "contributions_win1252.csv", options).created == 3u);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution WHERE body LIKE '%€%' OR title LIKE '%€%'") >= 1);
    BOOST_TEST(f.Import(db, "contributions_bom.csv", options).created == 2u);
    BOOST_TEST(f.Import(db, "contributions_invalid_utf8.csv", options).created == 3u); // read as Windows-1252
    const auto long_cell = f.Import(db, "contributions_long_cell.csv", options);
    BOOST_TEST(long_cell.created == 2u);
    long long longest = 0;
    QueryRows(db, "SELECT body FROM contribution", {}, [&](const soci::row& row) {
        longest = std::max(longest, static_cast<long long>(Characters(Cell::Text(row, 0))));
    });
    BOOST_TEST(longest == 40000);
}

BACKEND_TEST(import_files_bad_files_refused)
{
    DemoFixture f(db);
    const std::string before = DumpDatabase(db);
    auto options = f.Options(ImportKind::Contributions);
    BOOST_TEST(Contains(f.Refusal(db, "contributions_truncated.csv", options), "ligne 5"));
    BOOST_TEST(Contains(f.Refusal(db, "contributions_duplicates.csv", options), "ligne 4"));
    BOOST_TEST(Contains(f.Refusal(db, "contributions_unknown_refs.csv", options), "ligne 3"));
    options.file.encoding = TextEncoding::Utf8;
    const std::string utf8 = f.Refusal(db, "contributions_invalid_utf8.csv", options);
    BOOST_TEST(Contains(utf8, "ligne 3"));
    BOOST_TEST(Contains(utf8, "colonne 9"));
    BOOST_TEST(DumpDatabase(db) == before);
}

BACKEND_TEST(import_files_unknown_refs_skipped_and_created)
{
    DemoFixture f(db);
    auto options = f.Options(ImportKind::Contributions);
    options.skipInvalid = true;
    const auto skipped = f.Import(db, "contributions_unknown_refs.csv", options);
    BOOST_TEST(skipped.created == 2u);
    BOOST_TEST(skipped.rejected == 4u);
    std::vector<std::uint64_t> lines;
    for (const auto& rejection : skipped.rejections)
        lines.push_back(rejection.line);
    BOOST_TEST(lines == (std::vector<std::uint64_t>{3, 4, 5, 6}));
    options.createMissing = true;
    const auto created = f.Import(db, "contributions_unknown_refs.csv", options);
    BOOST_TEST(created.created == 2u);   // lines 4 and 6 now import
    BOOST_TEST(created.unchanged == 2u); // lines 2 and 7 were imported above
    BOOST_TEST(created.rejected == 2u);
    BOOST_TEST(created.createdReferences.size() == 2u);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM channel WHERE code = 'fax'") == 1);
}

BACKEND_TEST(import_files_duplicates_skipped)
{
    DemoFixture f(db);
    auto options = f.Options(ImportKind::Contributions);
    options.skipInvalid = true;
    const auto report = f.Import(db, "contributions_duplicates.csv", options);
    BOOST_TEST(report.created == 2u);
    BOOST_REQUIRE(report.rejections.size() == 1u);
    BOOST_TEST(report.rejections[0].line == 4u);
    BOOST_TEST(Contains(report.rejections[0].message, "ligne 2"));
}

BACKEND_TEST(import_files_decidim_export)
{
    DemoFixture f(db);
    auto options = f.Options(ImportKind::Contributions);
    options.mapping = FindPreset("decidim", ImportKind::Contributions);
    const auto report = f.Import(db, "decidim_proposals.csv", options);
    BOOST_TEST(report.rejected == 0u);
    BOOST_TEST(report.created == 6u);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution c JOIN channel ch ON ch.id = c.channel_id WHERE "
                          "ch.code = 'plateforme' AND c.source_ref IN ('1401', '1402', '1403', '1404', '1405', '1406')") == 6);
    BOOST_TEST(Scalar(db, "SELECT COUNT(*) FROM contribution WHERE source_ref = '1405' AND body NOT LIKE '%<%'") == 1);
    BOOST_TEST(f.Import(db, "decidim_proposals.csv", options).unchanged == 6u);
}
