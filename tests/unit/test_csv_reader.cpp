// The CSV reader on hand-made files: encodings, delimiters, quoted line breaks, line numbers,
// and the errors a bad file must give (truncated, invalid UTF-8, too many cells).

#include "core/csv_reader.h"
#include "core/tabular.h"
#include "tabular_support.h"

#include <boost/test/unit_test.hpp>

#include <ctime>
#include <cstring>

using namespace concerto;
using test::ErrorOf;
using test::ImportFile;
using test::ReadAll;
using test::Rows;

BOOST_AUTO_TEST_SUITE(csv_reader)

BOOST_AUTO_TEST_CASE(windows_1252_with_semicolons_and_accents_is_detected)
{
    CsvReader reader(ImportFile("windows1252_semicolon.csv"));
    BOOST_TEST((reader.Encoding() == TextEncoding::Windows1252));
    BOOST_TEST(reader.Delimiter() == ';');
    BOOST_TEST(reader.Header() == (std::vector<std::string>{"ref", "titre", "description"}));
    BOOST_TEST(reader.Line() == 1u);
    const Rows rows = ReadAll(reader);
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[0].first == 2u);
    BOOST_TEST(rows[0].second[1] == "Piétonnisation du centre");
    BOOST_TEST(rows[0].second[2] == "Rendre la rue aux piétons ; l’été d’abord");
    BOOST_TEST(rows[1].second[1] == "Œuvres d’art");
    BOOST_TEST(rows[1].second[2] == "Budget de 5 000 € — “ambitieux”…");
    BOOST_TEST(reader.Position() == reader.Size());
}

BOOST_AUTO_TEST_CASE(utf8_bom_is_stripped)
{
    CsvReader reader(ImportFile("utf8_bom_comma.csv"));
    BOOST_TEST((reader.Encoding() == TextEncoding::Utf8));
    BOOST_TEST(reader.Delimiter() == ',');
    BOOST_TEST(reader.Header() == (std::vector<std::string>{"ref", "titre", "quote"}));
    const Rows rows = ReadAll(reader);
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[0].second[1] == "Élan vers l’école");
    BOOST_TEST(rows[1].second[1] == "Crèche, halte-garderie");
}

BOOST_AUTO_TEST_CASE(multi_line_quoted_cells_keep_physical_line_numbers)
{
    CsvReader reader(ImportFile("multiline_quoted.csv"));
    const Rows rows = ReadAll(reader);
    BOOST_TEST_REQUIRE(rows.size() == 3u);
    BOOST_TEST(rows[0].first == 2u);
    BOOST_TEST(rows[0].second[1] == "Première ligne\r\ndeuxième ligne\r\n\"citée\", fin");
    BOOST_TEST(rows[0].second[2] == "MOB");
    BOOST_TEST(rows[1].first == 6u); // after three lines of A1 and a blank line
    BOOST_TEST(rows[1].second == (std::vector<std::string>{"A2", "simple", ""}));
    BOOST_TEST(rows[2].first == 7u); // the last record has no final line break
    BOOST_TEST(rows[2].second == (std::vector<std::string>{"A3", "x\ny", "VIE"}));
}

BOOST_AUTO_TEST_CASE(truncated_file_names_the_line_where_the_quote_opened)
{
    CsvReader reader(ImportFile("truncated.csv"));
    std::vector<std::string> cells;
    BOOST_TEST(reader.Next(cells));
    const std::string message = ErrorOf([&] { reader.Next(cells); });
    BOOST_TEST(message.find("truncated.csv") != std::string::npos, message);
    BOOST_TEST(message.find("ligne 3, colonne 2") != std::string::npos, message);
    BOOST_TEST(message.find("tronqué") != std::string::npos, message);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_an_error_when_utf8_is_forced)
{
    TabularOptions options;
    options.encoding = TextEncoding::Utf8;
    CsvReader reader(ImportFile("invalid_utf8.csv"), options);
    std::vector<std::string> cells;
    BOOST_TEST(reader.Next(cells));
    const std::string message = ErrorOf([&] { reader.Next(cells); });
    BOOST_TEST(message.find("ligne 3, colonne 2") != std::string::npos, message);
    BOOST_TEST(message.find("UTF-8") != std::string::npos, message);

    CsvReader detected(ImportFile("invalid_utf8.csv"));
    BOOST_TEST((detected.Encoding() == TextEncoding::Windows1252));
    const Rows rows = ReadAll(detected);
    BOOST_TEST(rows.at(1).second[1] == "mal écrit\nsur deux lignes");
}

BOOST_AUTO_TEST_CASE(a_forty_thousand_character_cell_is_read_whole)
{
    std::string big;
    for (int i = 0; i < 4000; ++i)
        big += i % 100 == 0 ? "ab\"\"cd\néf" : "0123456789";
    std::string expected;
    for (int i = 0; i < 4000; ++i)
        expected += i % 100 == 0 ? "ab\"cd\néf" : "0123456789";
    CsvReader reader("big.csv", "id,text\n1,\"" + big + "\"\n2,after\n");
    const Rows rows = ReadAll(reader);
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[0].second[1].size() >= 39000u);
    BOOST_TEST(rows[0].second[1] == expected);
    BOOST_TEST(rows[1].first == 2u + 40u + 1u); // 40 line breaks inside the cell
}

BOOST_AUTO_TEST_CASE(delimiters_are_detected_and_can_be_overridden)
{
    CsvReader tabs(ImportFile("tab_separated.tsv"));
    BOOST_TEST(tabs.Delimiter() == '\t');
    BOOST_TEST(ReadAll(tabs).at(0).second[1] == "un, deux; trois");

    CsvReader detected("d.csv", "a;b,c\n1;2,3\n");
    BOOST_TEST(detected.Header() == (std::vector<std::string>{"a", "b,c"}));
    TabularOptions options;
    options.delimiter = ',';
    CsvReader forced("d.csv", "a;b,c\n1;2,3\n", options);
    BOOST_TEST(forced.Header() == (std::vector<std::string>{"a;b", "c"}));

    BOOST_TEST(DetectDelimiter("x\n1\n", 4) == ',');
    BOOST_TEST(DetectDelimiter("a,b;c\n1,2;3\n4,\"5;6\";7\n", 23) == ';');
}

BOOST_AUTO_TEST_CASE(row_width_rules)
{
    CsvReader reader("w.csv", "a,b,c,\r1\r2,3,4,,\r5,6,7,8\r");
    BOOST_TEST(reader.Header().size() == 3u); // the trailing empty name is dropped
    std::vector<std::string> cells;
    BOOST_TEST(reader.Next(cells));
    BOOST_TEST(cells == (std::vector<std::string>{"1", "", ""})); // short rows are padded
    BOOST_TEST(reader.Next(cells));
    BOOST_TEST(cells == (std::vector<std::string>{"2", "3", "4"})); // extra empty cells are ignored
    const std::string message = ErrorOf([&] { reader.Next(cells); });
    BOOST_TEST(message.find("ligne 4, colonne 4") != std::string::npos, message);
}

BOOST_AUTO_TEST_CASE(spaces_belong_to_fields_and_empty_files_are_refused)
{
    CsvReader reader("s.csv", " a , b \n x ,\" y \"\n");
    BOOST_TEST(reader.Header() == (std::vector<std::string>{" a ", " b "}));
    BOOST_TEST(ReadAll(reader).at(0).second == (std::vector<std::string>{" x ", " y "}));
    const std::string message = ErrorOf([] { CsvReader("vide.csv", "\r\n\n"); });
    BOOST_TEST(message.find("vide.csv") != std::string::npos, message);
    BOOST_TEST(!ErrorOf([] { CsvReader("/nonexistent/x.csv"); }).empty());
}

BOOST_AUTO_TEST_CASE(block_boundaries_do_not_change_lines_or_cells)
{
    std::string content = "id,text\r\n";
    const int rows = 150000; // about 3 MB: several 1 MiB blocks, CRLF split at some boundaries
    for (int i = 0; i < rows; ++i)
        content += std::to_string(i) + ",\"ligne " + std::to_string(i) + "\r\nsuite\"\r\n";
    CsvReader reader("blocks.csv", content);
    std::vector<std::string> cells;
    int count = 0;
    while (reader.Next(cells)) {
        if (cells[0] != std::to_string(count) || reader.Line() != 2u + 2u * count ||
            cells[1] != "ligne " + std::to_string(count) + "\r\nsuite")
            BOOST_FAIL("row " << count << " read wrong at line " << reader.Line());
        ++count;
    }
    BOOST_TEST(count == rows);
}

BOOST_AUTO_TEST_CASE(reading_is_fast)
{
    std::string content = "external_id;received_at;title;text\n";
    while (content.size() < 30'000'000)
        content += "P-12345;2024-01-15 10:30;Plus de pistes cyclables;\"Il faudrait des pistes sûres, "
                   "séparées de la route, vers le collège.\"\n";
    const double megabytes = content.size() / 1e6;
    const std::clock_t start = std::clock(); // processor time: the machine may be busy compiling
    CsvReader reader("fast.csv", std::move(content));
    std::vector<std::string> cells;
    std::size_t rows = 0;
    while (reader.Next(cells))
        ++rows;
    const double rate = megabytes / (static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
    BOOST_TEST_MESSAGE("CSV: " << rate << " Mo/s");
    BOOST_TEST(rows > 200000u);
    BOOST_TEST(rate > 50.0);
}

BOOST_AUTO_TEST_CASE(open_tabular_chooses_the_reader)
{
    BOOST_TEST(dynamic_cast<CsvReader*>(OpenTabular(ImportFile("utf8_bom_comma.csv")).get()) != nullptr);
    BOOST_TEST(OpenTabular(ImportFile("libreoffice_like.xlsx"))->Header().at(0) == "external_id");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(text_encoding)

BOOST_AUTO_TEST_CASE(windows_1252_table_covers_the_0x80_range)
{
    std::string out;
    AppendWindows1252AsUtf8("\x80\x91\x92\x93\x94\x85\x9c\x8c\xe9\xff\x81", 11, out);
    BOOST_TEST(out == "€‘’“”…œŒéÿ\u0081");
}

BOOST_AUTO_TEST_CASE(utf8_check_rejects_overlongs_surrogates_and_out_of_range)
{
    BOOST_TEST(!CheckUtf8("é€😀", std::strlen("é€😀")).invalid);
    BOOST_TEST(CheckUtf8("\xC0\xAF", 2).invalid);
    BOOST_TEST(CheckUtf8("\xED\xA0\x80", 3).invalid);
    BOOST_TEST(CheckUtf8("\xF4\x90\x80\x80", 4).invalid);
    const Utf8Check cut = CheckUtf8("ab\xC3", 3);
    BOOST_TEST((!cut.invalid && cut.validPrefix == 2u));
}

BOOST_AUTO_TEST_SUITE_END()
