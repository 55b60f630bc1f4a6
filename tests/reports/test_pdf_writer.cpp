// The PDF writer, read back with poppler-utils and a glyph reader — never trusted by itself:
// metadata, A4 pages, embedded subset fonts, a contents whose page numbers are the pages the
// headings are really on (and the links and bookmarks that go there), "page X / N" footers,
// tables that repeat their header after a page break, French typography in the drawn text,
// headings never left alone at the foot of a page, and cancellation leaving no file behind.

#include "core/errors.h"
#include "reports/pdf_writer.h"
#include "test_pdf_readback.h"
#include "test_pdf_sample.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <unistd.h>

using namespace concerto;
using namespace concerto::report;
namespace fs = std::filesystem;

namespace {

const std::string kNoBreak = "\xC2\xA0";           // U+00A0
const std::string kNarrowNoBreak = "\xE2\x80\xAF"; // U+202F

/// Removes the tests' folders when the test program ends.
struct Folders {
    std::vector<fs::path> paths;
    ~Folders()
    {
        std::error_code ignored;
        for (const auto& path : paths)
            fs::remove_all(path, ignored);
    }
};

/// A fresh, empty folder for one test's files.
fs::path Folder(const std::string& name)
{
    static Folders folders;
    const fs::path folder = fs::temp_directory_path() / ("concerto-pdf-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(folder);
    fs::create_directories(folder);
    folders.paths.push_back(folder);
    return folder;
}

/// The lines of `text`, trimmed.
std::vector<std::string> Lines(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        const auto first = line.find_first_not_of(' '), last = line.find_last_not_of(' ');
        lines.push_back(first == std::string::npos ? "" : line.substr(first, last - first + 1));
    }
    return lines;
}

bool HasLine(const std::string& text, const std::string& wanted)
{
    for (const auto& line : Lines(text))
        if (line == wanted)
            return true;
    return false;
}

/// The contents as printed: (title, page number) for each entry of the contents page.
std::vector<std::pair<std::string, int>> PrintedContents(const std::string& layoutText)
{
    std::vector<std::pair<std::string, int>> entries;
    const std::regex entry(R"(^\s*(\S.*\S)\s{2,}(\d+)\s*$)");
    std::istringstream in(layoutText);
    for (std::string line; std::getline(in, line);)
        if (std::smatch match; std::regex_match(line, match, entry))
            entries.emplace_back(match[1], std::stoi(match[2]));
    return entries;
}

int Count(const std::string& text, const std::string& what)
{
    int count = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
        ++count;
    return count;
}

/// Asks to stop once `phase` has advanced `after` steps.
class CancelDuring : public Progress {
public:
    CancelDuring(std::string phase, std::uint64_t after) : m_phase(std::move(phase)), m_after(after) {}
    void Begin(const std::string& phase, std::uint64_t) override
    {
        m_current = phase;
        m_done = 0;
    }
    void Advance(std::uint64_t done) override { m_done = done; }
    bool IsCancelled() const override { return m_current == m_phase && m_done >= m_after; }

private:
    std::string m_phase, m_current;
    std::uint64_t m_after, m_done = 0;
};

/// The sample document written once for the tests that only read it.
const fs::path& SamplePdf()
{
    static const fs::path path = [] {
        const fs::path file = Folder("sample") / "bilan.pdf";
        WritePdf(test::SampleDocument(), file.string());
        return file;
    }();
    return path;
}

} // namespace

BOOST_AUTO_TEST_SUITE(pdf_writer)

BOOST_AUTO_TEST_CASE(metadata_pages_and_fonts_read_back)
{
    const auto info = test::PdfInfo(SamplePdf().string());
    BOOST_TEST(info.at("Title") == "Bilan de la concertation 2024");
    BOOST_TEST(info.at("Author") == "Ville de Saint-Aubin");
    BOOST_TEST(info.at("Subject") == "Livrable de la concertation citoyenne");
    BOOST_TEST(info.at("Keywords") == "concertation, engagements, quartiers");
    BOOST_TEST(info.at("Creator") == "Concerto");
    BOOST_TEST(info.at("CreationDate").find("2024") != std::string::npos);
    BOOST_TEST(info.at("Page size").find("595.276 x 841.89 pts (A4)") != std::string::npos);
    BOOST_TEST(std::stoi(info.at("Pages")) >= 12); // 300 rows alone take several pages

    const auto fonts = test::PdfFonts(SamplePdf().string());
    BOOST_TEST(!fonts.empty());
    bool serif = false;
    for (const auto& font : fonts) {
        BOOST_TEST_CONTEXT(font.name)
        {
            BOOST_TEST(font.embedded);
            BOOST_TEST(font.subset);
            BOOST_TEST(font.name.find("+DejaVu") != std::string::npos);
        }
        serif = serif || font.name.find("DejaVuSerif-Italic") != std::string::npos;
    }
    BOOST_TEST(serif); // the quotes are set in serif italic

    // The language, which cairo 1.16 cannot set, is added to the catalog by an update that
    // pdfinfo reads without complaint (RunCommand fails on a non-zero exit).
    const std::string bytes = test::ReadFileBytes(SamplePdf().string());
    BOOST_TEST(bytes.find("/Lang (fr-FR)") != std::string::npos);
    BOOST_TEST(bytes.find("/Prev ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(contents_page_numbers_are_where_the_headings_are)
{
    const auto plain = test::PdfPagesText(SamplePdf().string());
    const auto layout = test::PdfPagesText(SamplePdf().string(), true);
    BOOST_REQUIRE(layout.size() >= 2);
    BOOST_TEST(HasLine(plain[1], "Sommaire"));
    const auto contents = PrintedContents(layout[1]);
    const std::vector<std::string> expected = {
        "Contexte et méthode",          "Le dispositif en chiffres",     "Par quartier",
        "Ce que les habitants ont dit", "Végétaliser les cours d'école", "Pistes cyclables continues",
        "Toutes les contributions",     "Livret des engagements"};
    BOOST_REQUIRE_EQUAL(contents.size(), expected.size());
    const auto destinations = test::PdfDestinations(SamplePdf().string());
    int previous = 3;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& [title, page] = contents[i];
        BOOST_TEST_CONTEXT(title)
        {
            BOOST_TEST(title == expected[i]);
            // The first page that shows the heading, from the previous heading's page on, is
            // the printed one (a table row may repeat a section's title earlier).
            int found = 0;
            for (std::size_t p = std::max(2, previous - 1); p < plain.size() && found == 0; ++p)
                if (HasLine(plain[p], title))
                    found = static_cast<int>(p) + 1;
            BOOST_TEST(found == page);
            BOOST_TEST(page >= previous);
            previous = page;
            // The link and the bookmark go to the same page.
            BOOST_TEST(destinations.at("section-" + std::to_string(i + 1)) == page);
        }
    }
    BOOST_TEST(destinations.at("contents") == 2);

    const std::string bytes = test::ReadFileBytes(SamplePdf().string());
    BOOST_TEST(Count(bytes, "/Subtype /Link") == static_cast<int>(expected.size()));
    BOOST_TEST(bytes.find("/Type /Outlines") != std::string::npos);
    // One bookmark per heading, plus the contents.
    BOOST_TEST(Count(bytes, "/Dest (section-") == 2 * static_cast<int>(expected.size())); // links + bookmarks
    BOOST_TEST(Count(bytes, "/Dest (contents)") == 1);
}

BOOST_AUTO_TEST_CASE(every_page_but_the_cover_has_its_header_and_footer)
{
    const auto pages = test::PdfPagesText(SamplePdf().string());
    const int count = static_cast<int>(pages.size());
    BOOST_TEST(count == std::stoi(test::PdfInfo(SamplePdf().string()).at("Pages")));
    BOOST_TEST(pages[0].find("page 1 /") == std::string::npos);
    BOOST_TEST(pages[0].find("Bilan de la concertation") != std::string::npos);
    BOOST_TEST(pages[0].find("Mars 2024") != std::string::npos);
    BOOST_TEST(pages[0].find("Ville de Saint-Aubin — Direction de la participation") != std::string::npos);
    for (int p = 2; p <= count; ++p) {
        BOOST_TEST_CONTEXT("page " << p)
        {
            BOOST_TEST(pages[p - 1].find("page " + std::to_string(p) + " / " + std::to_string(count)) !=
                       std::string::npos);
            BOOST_TEST(pages[p - 1].find("Bilan de la concertation 2024") != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(long_tables_repeat_their_header_after_each_break)
{
    const auto pages = test::PdfPagesText(SamplePdf().string());
    int continued = 0, firstPage = 0, lastPage = 0;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        if (HasLine(pages[p], "Contributions reçues") && firstPage == 0)
            firstPage = static_cast<int>(p) + 1;
        if (!HasLine(pages[p], "Contributions reçues (suite)"))
            continue;
        ++continued;
        lastPage = static_cast<int>(p) + 1;
        BOOST_TEST_CONTEXT("page " << p + 1)
        {
            for (const char* header : {"N°", "Reçue le", "Canal", "Quartier", "Extrait", "Part"})
                BOOST_TEST(HasLine(pages[p], header));
        }
    }
    BOOST_TEST(firstPage > 0);
    BOOST_TEST(continued >= 5); // 300 rows of two lines: several breaks
    // Every row is there once, the total on the last page.
    std::string all;
    for (int p = firstPage; p <= lastPage; ++p)
        all += pages[p - 1];
    for (int row : {1, 150, 299, 300})
        BOOST_TEST(HasLine(all, std::to_string(row)));
    BOOST_TEST(HasLine(pages[lastPage - 1], "Total"));
    BOOST_TEST(Count(all, "Sous-total") == 5);
}

BOOST_AUTO_TEST_CASE(french_typography_in_the_drawn_text)
{
    const auto glyphs = test::PdfGlyphText(SamplePdf().string());
    std::string all;
    for (const auto& page : glyphs)
        all += page;
    auto has = [&all](const std::string& text) { return all.find(text) != std::string::npos; };
    BOOST_TEST(has("Pourquoi" + kNarrowNoBreak + "?"));
    BOOST_TEST(has("bonnes" + kNarrowNoBreak + ";"));
    BOOST_TEST(has("propositions" + kNoBreak + ":"));
    BOOST_TEST(has("«" + kNoBreak + "ce qui compte"));
    BOOST_TEST(has("quartier" + kNoBreak + "»"));
    BOOST_TEST(has("Source" + kNoBreak + ":"));
    BOOST_TEST(has("«" + kNoBreak + "Les enfants")); // quotes are set in guillemets
    BOOST_TEST(has("1" + kNarrowNoBreak + "650"));   // thousands in the cross-table total
    BOOST_TEST(has("3" + kNarrowNoBreak + "500"));   // the pie's total
    BOOST_TEST(has("34,6" + kNoBreak + "%"));        // percentages with a comma
    BOOST_TEST(has("31/08/2023"));                   // dates in French order
    for (const char* loose : {" :", " ;", " ?", " !", "« ", " »"})
        BOOST_TEST(!has(loose), "an ordinary space in \"" << loose << "\"");
    // The badges of the booklet.
    for (const char* status : {"Fait", "En cours", "Reste à faire", "Abandonné"})
        BOOST_TEST(has(status));
}

BOOST_AUTO_TEST_CASE(a_heading_is_never_left_alone_at_the_foot_of_a_page)
{
    const fs::path folder = Folder("keep");
    // Push the heading down the page a line at a time, across the page's foot.
    int moved = 0;
    for (int filler = 30; filler <= 44; ++filler) {
        Document doc;
        doc.info.title = "Essai";
        TextBlock text;
        for (int i = 0; i < filler; ++i)
            text.paragraphs.push_back(test::Para({{"Ligne de remplissage " + std::to_string(i) + "."}}));
        doc.blocks.push_back(text);
        doc.blocks.push_back(HeadingBlock{2, "Titre à garder"});
        doc.blocks.push_back(TextBlock{{test::Para({{"Le paragraphe qui suit le titre, sur deux lignes au moins "
                                                     "pour que la règle des lignes orphelines compte aussi ici."}})}});
        const std::string path = (folder / ("keep" + std::to_string(filler) + ".pdf")).string();
        WritePdf(doc, path);
        const auto pages = test::PdfPagesText(path);
        for (std::size_t p = 0; p < pages.size(); ++p) {
            if (pages[p].find("Titre à garder") == std::string::npos)
                continue;
            BOOST_TEST(pages[p].find("Le paragraphe qui suit") != std::string::npos, "filler " << filler);
            const std::string lastFiller = "Ligne de remplissage " + std::to_string(filler - 1) + ".";
            moved += p > 0 && pages[p].find(lastFiller) == std::string::npos &&
                     pages[p - 1].find(lastFiller) != std::string::npos;
        }
    }
    BOOST_TEST(moved >= 1); // some heading did reach the foot of a page and moved on with its text
}

BOOST_AUTO_TEST_CASE(landscape_and_streamed_rows)
{
    Document doc;
    doc.page.landscape = true;
    doc.info.title = "Export";
    TableBlock table;
    table.title = "Toutes les contributions";
    table.columns = {{"N°", ValueType::Integer}, {"Quartier", ValueType::Text}, {"Note", ValueType::Decimal}};
    table.stream = [](const std::function<void(const Row&)>& sink) {
        for (int i = 1; i <= 1000; ++i)
            sink(Row{RowKind::Data, {Value::Integer(i), Value::Of("Bellevue"), Value::Decimal(i / 8.0)}});
    };
    doc.blocks.push_back(table);
    const fs::path path = Folder("landscape") / "export.pdf";
    WritePdf(doc, path.string());
    const auto info = test::PdfInfo(path.string());
    BOOST_TEST(info.at("Page size").find("841.89 x 595.276 pts (A4)") != std::string::npos);
    const auto pages = test::PdfPagesText(path.string());
    BOOST_TEST(pages.size() > 20u);
    BOOST_TEST(pages.back().find("1 000") != std::string::npos); // poppler reads U+202F as a space
    BOOST_TEST(HasLine(pages.back(), "125,0"));                  // wider than the sampled rows: not wrapped
}

BOOST_AUTO_TEST_CASE(a_cell_longer_than_a_page_is_cut_not_spilled)
{
    Document doc;
    TableBlock table;
    table.title = "Contributions";
    table.columns = {{"N°", ValueType::Integer}, {"Texte", ValueType::Text}};
    std::string text;
    for (int i = 0; i < 1500; ++i)
        text += "Une très longue contribution. ";
    table.rows = {Row{RowKind::Data, {Value::Integer(1), Value::Of(text)}},
                  Row{RowKind::Data, {Value::Integer(2), Value::Of("Courte.")}}};
    doc.blocks.push_back(table);
    const fs::path path = Folder("long-cell") / "long.pdf";
    WritePdf(doc, path.string());
    const auto pages = test::PdfGlyphText(path.string());
    BOOST_REQUIRE(pages.size() == 1u); // cut to most of a page, the next row still fits under it
    BOOST_TEST(pages[0].find("…") != std::string::npos);
    BOOST_TEST(Count(pages[0], "longue contribution") < 1500);
    BOOST_TEST(pages[0].find("Courte.") != std::string::npos);
    BOOST_TEST(pages[0].find("page 1 / 1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_empty_document_is_one_blank_page)
{
    const fs::path path = Folder("empty") / "vide.pdf";
    WritePdf(Document{}, path.string());
    BOOST_TEST(test::PdfInfo(path.string()).at("Pages") == "1");
}

BOOST_AUTO_TEST_CASE(a_cancelled_write_leaves_no_file)
{
    for (const char* phase : {"Mise en page du PDF", "Écriture du PDF"}) {
        BOOST_TEST_CONTEXT(phase)
        {
            const fs::path folder = Folder("cancel");
            const fs::path path = folder / "bilan.pdf";
            CancelDuring progress(phase, 3);
            BOOST_CHECK_THROW(WritePdf(test::SampleDocument(), path.string(), &progress), CancelledError);
            BOOST_TEST(fs::is_empty(folder)); // neither the PDF nor its temporary file
        }
    }
}

BOOST_AUTO_TEST_CASE(an_existing_file_is_replaced_whole_and_errors_leave_it_alone)
{
    const fs::path folder = Folder("replace");
    const fs::path path = folder / "bilan.pdf";
    std::ofstream(path) << "ancien contenu";
    WritePdf(test::SampleDocument(20), path.string());
    BOOST_TEST(test::ReadFileBytes(path.string()).rfind("%PDF-1.5", 0) == 0);
    BOOST_TEST(std::distance(fs::directory_iterator(folder), fs::directory_iterator()) == 1);

    // A missing logo is an error that names it; the previous file stays as it was.
    Document doc = test::SampleDocument(20);
    std::get<CoverBlock>(doc.blocks.front()).logoPath = (folder / "absent.png").string();
    const std::string before = test::ReadFileBytes(path.string());
    try {
        WritePdf(doc, path.string());
        BOOST_FAIL("a missing logo must be reported");
    } catch (const Error& error) {
        BOOST_TEST(std::string(error.what()).find("absent.png") != std::string::npos);
    }
    BOOST_TEST(test::ReadFileBytes(path.string()) == before);
    BOOST_CHECK_THROW(WritePdf(test::SampleDocument(20), (folder / "nowhere" / "x.pdf").string()), Error);
    BOOST_TEST(!fs::exists(folder / "nowhere"));
}

BOOST_AUTO_TEST_CASE(the_cover_shows_the_logo)
{
    const fs::path folder = Folder("logo");
    const fs::path logo = folder / "logo.png";
    test::RunCommand("convert -size 240x90 xc:'#1F4E79' " + logo.string());
    Document doc = test::SampleDocument(20);
    std::get<CoverBlock>(doc.blocks.front()).logoPath = logo.string();
    const fs::path path = folder / "bilan.pdf";
    WritePdf(doc, path.string());
    const std::string images = test::RunCommand("pdfimages -f 1 -l 1 -list " + path.string());
    BOOST_TEST(Count(images, "image") >= 1);
    BOOST_TEST(images.find(" 240 ") != std::string::npos); // embedded at full resolution
}

BOOST_AUTO_TEST_SUITE_END()
