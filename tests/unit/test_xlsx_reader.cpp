// The XLSX reader on workbooks written by libxlsxwriter (the project's own exports), by
// LibreOffice, and on a hand-made LibreOffice/Excel-like workbook
// (tests/data/import/make_libreoffice_xlsx.py): strings, dates, numbers, skipped cells, named
// sheets, and the errors of broken files.

#include "core/xlsx_reader.h"
#include "core/xlsx_values.h"
#include "reports/xlsx_table.h"
#include "tabular_support.h"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace concerto;
namespace fs = std::filesystem;

using test::ErrorOf;
using test::ImportFile;
using test::ReadAll;

namespace {

fs::path TempDir()
{
    const fs::path dir = fs::temp_directory_path() / ("concerto-xlsx-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}

// Zips `parts` (name → content) into `out` with Python's zipfile, as a hand-made workbook.
void WriteZip(const fs::path& out, const std::vector<std::pair<std::string, std::string>>& parts)
{
    const fs::path dir = out.string() + ".parts";
    for (const auto& [name, content] : parts) {
        fs::create_directories((dir / name).parent_path());
        std::ofstream(dir / name, std::ios::binary) << content;
    }
    const std::string command = "/usr/bin/python3 -c \"import os,sys,zipfile\n"
                                "d=sys.argv[1]\n"
                                "with zipfile.ZipFile(sys.argv[2],'w',zipfile.ZIP_DEFLATED) as z:\n"
                                " for r,_,fs in os.walk(d):\n"
                                "  for f in fs: p=os.path.join(r,f); z.write(p,os.path.relpath(p,d))\" '" +
                                dir.string() + "' '" + out.string() + "'";
    BOOST_REQUIRE(std::system(command.c_str()) == 0);
}

const char* const kWorkbook =
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets>)"
    R"(<sheet name="Feuille1" sheetId="1"/></sheets></workbook>)";

} // namespace

BOOST_AUTO_TEST_SUITE(xlsx_reader)

BOOST_AUTO_TEST_CASE(reads_what_libxlsxwriter_writes)
{
    const fs::path path = TempDir() / "export.xlsx";
    const std::string longText(5000, 'x');
    WriteTable(path.string(), "Contributions",
               {{"external_id"}, {"count", XlsxKind::Number}, {"day", XlsxKind::Date}, {"at", XlsxKind::DateTime},
                {"text"}},
               {{"P-1", "12", "2024-03-05", "2024-03-05 14:30", "=1+1"},
                {"P-2", "-3.5", "", "2023-12-31 23:59:59", "Crèche « Les Lilas »"},
                {"P-3", "0.1", "1999-01-01", "", longText}});
    XlsxReader reader(path.string());
    BOOST_TEST(reader.SheetName() == "Contributions");
    BOOST_TEST(reader.Header() == (std::vector<std::string>{"external_id", "count", "day", "at", "text"}));
    const auto rows = ReadAll(reader);
    BOOST_TEST_REQUIRE(rows.size() == 3u);
    BOOST_TEST(rows[0].first == 2u);
    BOOST_TEST(rows[0].second == (std::vector<std::string>{"P-1", "12", "2024-03-05", "2024-03-05 14:30:00", "=1+1"}));
    BOOST_TEST(rows[1].second == (std::vector<std::string>{"P-2", "-3.5", "", "2023-12-31 23:59:59",
                                                           "Crèche « Les Lilas »"}));
    BOOST_TEST(rows[2].second == (std::vector<std::string>{"P-3", "0.1", "1999-01-01", "", longText}));
    BOOST_TEST(reader.Position() == reader.Size());
    fs::remove_all(path.parent_path());
}

BOOST_AUTO_TEST_CASE(reads_a_libreoffice_like_workbook)
{
    XlsxReader reader(ImportFile("libreoffice_like.xlsx"));
    BOOST_TEST(reader.SheetNames() == (std::vector<std::string>{"Contributions", "Engagements 2024"}));
    BOOST_TEST(reader.Header() ==
               (std::vector<std::string>{"external_id", "received_at", "title", "text", "quote", "count"}));
    const auto rows = ReadAll(reader);
    BOOST_TEST_REQUIRE(rows.size() == 3u); // row 3 only has formatting
    BOOST_TEST(rows[0].first == 2u);
    BOOST_TEST(rows[0].second == (std::vector<std::string>{"P-001", "2024-01-01", "Plus de pistes cyclables",
                                                           "Ligne 1\r\nLigne 2", "true", "42"}));
    BOOST_TEST(rows[1].first == 5u);
    BOOST_TEST(rows[1].second == (std::vector<std::string>{"P-002", "2024-01-15 14:30:00", "", "", "false", "0.1"}));
    BOOST_TEST(rows[2].first == 6u);
    BOOST_TEST(rows[2].second == (std::vector<std::string>{"P-003", "1900-02-28", "", "#N/A", "", "-3.5"}));
}

// libreoffice_real.xlsx is LibreOffice 7's own output, made from libreoffice_real.fods with
// `soffice --headless --convert-to xlsx libreoffice_real.fods`.
BOOST_AUTO_TEST_CASE(reads_a_workbook_saved_by_libreoffice)
{
    XlsxReader reader(ImportFile("libreoffice_real.xlsx"));
    BOOST_TEST(reader.Header() == (std::vector<std::string>{"external_id", "received_at", "text", "count", "quote"}));
    const auto rows = ReadAll(reader);
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[0].second ==
               (std::vector<std::string>{"LO-1", "2024-02-29", "Première ligne\n« Œuvre » à 5 €", "1234.5", "1"}));
    BOOST_TEST(rows[1].first == 3u);
    BOOST_TEST(rows[1].second == (std::vector<std::string>{"LO-2", "2023-09-23 10:30:00", "", "7", ""}));
    TabularOptions options;
    options.sheet = "Réunions";
    XlsxReader second(ImportFile("libreoffice_real.xlsx"), options);
    BOOST_TEST(second.Header() == (std::vector<std::string>{"", "ref"}));
    BOOST_TEST(ReadAll(second).at(0).second == (std::vector<std::string>{"", "R-1"}));
}

BOOST_AUTO_TEST_CASE(reads_a_named_sheet_with_gaps)
{
    TabularOptions options;
    options.sheet = "Engagements 2024";
    XlsxReader reader(ImportFile("libreoffice_like.xlsx"), options);
    BOOST_TEST(reader.Line() == 2u);
    BOOST_TEST(reader.Header() == (std::vector<std::string>{"", "ref", "title", "date"}));
    const auto rows = ReadAll(reader);
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[0].second == (std::vector<std::string>{"", "E-01", "Reste à faire", "2025-01-01"}));
    BOOST_TEST(rows[1].second == (std::vector<std::string>{"", "E-02", "", "18:00:00"}));
    options.sheet = "engagements 2024";
    BOOST_TEST(XlsxReader(ImportFile("libreoffice_like.xlsx"), options).SheetName() == "Engagements 2024");
}

BOOST_AUTO_TEST_CASE(broken_files_are_refused_with_file_and_sheet_named)
{
    TabularOptions options;
    options.sheet = "Budget";
    std::string message = ErrorOf([&] { XlsxReader(ImportFile("libreoffice_like.xlsx"), options); });
    BOOST_TEST(message.find("libreoffice_like.xlsx") != std::string::npos, message);
    BOOST_TEST(message.find("Budget") != std::string::npos, message);
    BOOST_TEST(message.find("Engagements 2024") != std::string::npos, message);

    message = ErrorOf([] { XlsxReader("faux.xlsx", std::string("ref,titre\n1,un\n")); });
    BOOST_TEST(message.find("faux.xlsx") != std::string::npos, message);
    BOOST_TEST(message.find("ZIP") != std::string::npos, message);

    const fs::path dir = TempDir();
    WriteZip(dir / "malformed.xlsx", {{"xl/workbook.xml", kWorkbook},
                                      {"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c>"
                                                                   "<v>1</v></c></row><row></sheetData>"}});
    message = ErrorOf([&] {
        XlsxReader reader((dir / "malformed.xlsx").string());
        ReadAll(reader);
    });
    BOOST_TEST(message.find("malformed.xlsx") != std::string::npos, message);
    BOOST_TEST(message.find("Feuille1") != std::string::npos, message);
    BOOST_TEST(message.find("XML") != std::string::npos, message);

    WriteZip(dir / "wide.xlsx", {{"xl/workbook.xml", kWorkbook},
                                 {"xl/worksheets/sheet1.xml",
                                  "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c>"
                                  "</row><row r=\"7\"><c r=\"AB7\"><v>3</v></c></row></sheetData></worksheet>"}});
    message = ErrorOf([&] {
        XlsxReader reader((dir / "wide.xlsx").string());
        ReadAll(reader);
    });
    BOOST_TEST(message.find("ligne 7, colonne AB") != std::string::npos, message);
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(number_formats_and_values)
{
    BOOST_TEST((ClassifyNumberFormat(14, "") == XlsxValueKind::Date));
    BOOST_TEST((ClassifyNumberFormat(22, "") == XlsxValueKind::DateTime));
    BOOST_TEST((ClassifyNumberFormat(46, "") == XlsxValueKind::Time));
    BOOST_TEST((ClassifyNumberFormat(2, "") == XlsxValueKind::Number));
    BOOST_TEST((ClassifyNumberFormat(164, "dd/mm/yyyy") == XlsxValueKind::Date));
    BOOST_TEST((ClassifyNumberFormat(164, "[$-40C]d mmmm yyyy;@") == XlsxValueKind::Date));
    BOOST_TEST((ClassifyNumberFormat(164, "mm:ss") == XlsxValueKind::Time));
    BOOST_TEST((ClassifyNumberFormat(164, "[h]:mm") == XlsxValueKind::Time));
    BOOST_TEST((ClassifyNumberFormat(164, "#,##0.00\\ \"days\"") == XlsxValueKind::Number));
    BOOST_TEST((ClassifyNumberFormat(164, "[Red]0.00") == XlsxValueKind::Number));
    BOOST_TEST((ClassifyNumberFormat(164, "General") == XlsxValueKind::Number));
    BOOST_TEST(FormatNumber(3.0) == "3");
    BOOST_TEST(FormatNumber(-0.1) == "-0.1");
    BOOST_TEST(FormatNumber(0.1 + 0.2) == "0.30000000000000004");
    BOOST_TEST(FormatNumber(1e21) == "1e+21");
    BOOST_TEST(FormatSerial(1, XlsxValueKind::Date, false) == "1900-01-01");
    BOOST_TEST(FormatSerial(61, XlsxValueKind::Date, false) == "1900-03-01");
    BOOST_TEST(FormatSerial(0, XlsxValueKind::Date, true) == "1904-01-01");
    BOOST_TEST(FormatSerial(45306.5, XlsxValueKind::DateTime, false) == "2024-01-15 12:00:00");
    BOOST_TEST(ColumnLetters(28) == "AB");
    std::string escaped = "a_x000D_b_x005F_x0041_";
    DecodeOoxmlEscapes(escaped);
    BOOST_TEST(escaped == "a\rb_x0041_");
}

BOOST_AUTO_TEST_SUITE_END()
