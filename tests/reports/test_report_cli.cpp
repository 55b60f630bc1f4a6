// `concerto-cli report` end to end, on SQLite and PostgreSQL: the deliverable as PDF carries
// its title and its figures, the workbook read back by openpyxl carries the same counts as SQL,
// `--check` prints FILE:LINE: key: message, and an Excel-only definition refuses PDF.

#include "db/repository.h"
#include "support/backends.h"
#include "test_pdf_readback.h"
#include "test_xlsx_readback.h"

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>

using namespace concerto;

namespace {

std::string Cli()
{
    const char* path = std::getenv("CONCERTO_CLI");
    return path ? path : "src/cli/concerto-cli";
}

// Runs the CLI; returns its exit code and fills `output` with stdout and stderr.
int RunCli(const std::string& arguments, std::string& output)
{
    FILE* pipe = popen((Cli() + " " + arguments + " 2>&1").c_str(), "r");
    BOOST_REQUIRE(pipe);
    output.clear();
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe))
        output += buffer;
    const int status = pclose(pipe);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

long long Count(Database& db, const std::string& sql)
{
    long long n = -1;
    QueryRows(db, sql, Params{}, [&](const soci::row& row) { n = Cell::Integer(row, 0); });
    return n;
}

std::string Squeeze(std::string text)
{
    // pdftotext renders the narrow no-break space of "3 387" as a space or not at all.
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 3, "\u202f") == 0) {
            i += 2;
            continue;
        }
        if (text[i] != ' ')
            out += text[i];
    }
    return out;
}

void DeliverableOn(Backend backend)
{
    const std::string location = test::FreshLocation(backend);
    std::string output;
    BOOST_REQUIRE_MESSAGE(RunCli("demo --db '" + location + "' --contributions 800", output) == 0, output);
    const std::string folder = test::TempFolder();
    const std::string pdf = folder + "/livrable-" + (backend == Backend::Sqlite ? "sqlite" : "pg") + ".pdf";
    const std::string xlsx = folder + "/livrable-" + (backend == Backend::Sqlite ? "sqlite" : "pg") + ".xlsx";
    BOOST_REQUIRE_MESSAGE(
        RunCli("report --db '" + location + "' --definition livrable-2024 --format pdf --out '" + pdf + "'", output) ==
            0,
        output);
    BOOST_REQUIRE_MESSAGE(
        RunCli("report --db '" + location + "' --definition livrable-2024 --out '" + xlsx + "'", output) == 0, output);

    auto db = Database::Open(location);
    const long long contributions = Count(*db, "SELECT COUNT(*) FROM contribution WHERE state <> 'excluded'");
    const long long meetings = Count(*db, "SELECT COUNT(*) FROM meeting");
    const long long caravane = Count(*db, "SELECT COUNT(*) FROM contribution c JOIN channel ch ON ch.id = c.channel_id "
                                          "WHERE c.state <> 'excluded' AND ch.code = 'caravane'");

    // The PDF: its title on the cover, its contents, the total in the figures' text.
    const auto pages = test::PdfPagesText(pdf);
    BOOST_REQUIRE(pages.size() > 10u);
    BOOST_TEST(pages[0].find("3 ans d'action municipale") != std::string::npos);
    std::string all;
    for (const auto& page : pages)
        all += page;
    BOOST_TEST(all.find("Sommaire") != std::string::npos);
    BOOST_TEST(all.find("Les points de réorientation") != std::string::npos);
    BOOST_TEST(Squeeze(all).find(Squeeze("Au total, " + std::to_string(contributions) +
                                         " contributions ont été recueillies lors de " + std::to_string(meetings) +
                                         " rencontres")) != std::string::npos);
    BOOST_TEST(test::PdfInfo(pdf).at("Title").find("3 ans d'action municipale") != std::string::npos);

    // The workbook: the channel sheet and the total agree with SQL.
    const auto read = test::ReadXlsx(xlsx, R"(
ws = wb['Par canal']
for row in ws.iter_rows(min_row=2, values_only=True):
    if row[0] == 'Total':
        say('total', row[1])
    if row[0] == 'Caravane citoyenne':
        say('caravane', row[1])
say('sheets', len(wb.sheetnames))
say('first', wb.sheetnames[0])
)");
    BOOST_TEST(read.at("total") == std::to_string(contributions));
    BOOST_TEST(read.at("caravane") == std::to_string(caravane));
    BOOST_TEST(read.at("first") == "Paramètres");
}

} // namespace

BOOST_AUTO_TEST_SUITE(report_cli)

BOOST_AUTO_TEST_CASE(deliverable_on_sqlite)
{
    DeliverableOn(Backend::Sqlite);
}

BOOST_AUTO_TEST_CASE(deliverable_on_postgresql)
{
    DeliverableOn(Backend::Postgresql);
}

BOOST_AUTO_TEST_CASE(check_prints_file_line_key_message)
{
    const std::string file = test::TempFolder() + "/faute.toml";
    std::ofstream(file) << "title = \"Essai\"\n[[sections]]\nkind = \"table\"\ndataset = \"contributions\"\n"
                           "columns = [\"chanel\", \"count\"]\n";
    std::string output;
    BOOST_TEST(RunCli("report --check '" + file + "'", output) == 1);
    BOOST_TEST(output.find(file + ":5: sections[1].columns[1]: colonne inconnue « chanel »") != std::string::npos,
               output);
    BOOST_TEST(RunCli("report --check livrable-2024", output) == 0, output);
    BOOST_TEST(output.find("définition valide") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(excel_only_definitions_refuse_pdf_and_stream_every_row)
{
    const std::string location = test::FreshLocation(Backend::Sqlite);
    std::string output;
    BOOST_REQUIRE_MESSAGE(RunCli("demo --db '" + location + "' --contributions 500", output) == 0, output);
    const std::string folder = test::TempFolder();
    BOOST_TEST(RunCli("report --db '" + location + "' --definition export-contributions --format pdf --out '" + folder +
                          "/x.pdf'",
                      output) == 1);
    BOOST_TEST(output.find("ne produit pas de PDF") != std::string::npos, output);
    const std::string xlsx = folder + "/export.xlsx";
    BOOST_REQUIRE_MESSAGE(
        RunCli("report --db '" + location + "' --definition export-contributions --out '" + xlsx + "'", output) == 0,
        output);
    auto db = Database::Open(location);
    const auto read = test::ReadXlsx(xlsx, R"(
ws = wb['Contributions']
say('rows', ws.max_row - 1)
say('header', ws.cell(1, 1).value, ws.cell(1, 2).value)
ws = wb['Codages']
say('tags', ws.max_row - 1)
)",
                                     true);
    BOOST_TEST(read.at("rows") == std::to_string(Count(*db, "SELECT COUNT(*) FROM contribution")));
    BOOST_TEST(read.at("tags") == std::to_string(Count(*db, "SELECT COUNT(*) FROM tag")));
    BOOST_TEST(read.at("header") == "N° Reçue le");
    // A bad parameter value names the parameter.
    BOOST_TEST(RunCli("report --db '" + location + "' --definition export-contributions --out '" + xlsx +
                          "' --param quartiers=atlantide",
                      output) == 1);
    BOOST_TEST(output.find("Paramètre « quartiers »") != std::string::npos, output);
}

BOOST_AUTO_TEST_SUITE_END()
