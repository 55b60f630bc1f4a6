// The deliverable and the commitment booklet on the demo consultation, read back from the files
// they produce (pdftotext, openpyxl) and compared with SQL on the database, on SQLite and on
// PostgreSQL: the reorientation points with their decision, commitments and evidence quotes,
// the topics' evidence, and the booklet's status at a date with the points that touched each
// commitment.

#include "db/demo.h"
#include "db/repository.h"
#include "db/restitution.h"
#include "reports/definition.h"
#include "reports/engine.h"
#include "reports/pdf_writer.h"
#include "reports/xlsx_writer.h"
#include "support/backends.h"
#include "test_pdf_readback.h"
#include "test_xlsx_readback.h"

#include <boost/test/unit_test.hpp>
#include <map>
#include <set>
#include <sstream>

using namespace concerto;
using namespace concerto::report;

namespace {

std::string Demo(Database& db)
{
    SilentProgress progress;
    DemoOptions options;
    options.contributions = 1500;
    return GenerateDemo(db, options, progress);
}

const Definition& Shipped(const std::string& name)
{
    static std::map<std::string, Definition> parsed;
    if (!parsed.count(name))
        for (const auto& shipped : ShippedDefinitions())
            if (shipped.name == name) {
                ParseResult result = ParseDefinition(shipped.text, name + ".toml");
                BOOST_REQUIRE(result.definition);
                parsed.emplace(name, *result.definition);
            }
    BOOST_REQUIRE(parsed.count(name));
    return parsed.at(name);
}

// Renders a shipped definition to `format` in the test's temporary folder; returns the path.
std::string Render(Database& db, const std::string& name, const std::string& format,
                   const std::map<std::string, std::string>& parameters = {})
{
    static int serial = 0;
    ParameterValues values;
    values.format = format;
    for (const auto& [key, value] : parameters)
        values.Set(key, value);
    const Document doc = BuildDocument(db, Shipped(name), values);
    const std::string path = test::TempFolder() + "/" + name + "-" + std::to_string(++serial) + "." + format;
    if (format == "pdf")
        WritePdf(doc, path);
    else
        WriteXlsx(doc, path);
    return path;
}

// Text reduced to its letters and digits: line breaks, hyphenation, typographic spaces and
// quotation marks differ between the words stored and the words drawn.
std::string Letters(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (std::isalnum(c))
                out += static_cast<char>(c);
            continue;
        }
        std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        const std::string sequence = text.substr(i, length);
        i += length - 1;
        static const std::set<std::string> kPunctuation = {"\u00A0", "\u202F", "\u00AB", "\u00BB", "\u2019",
                                                           "\u2026", "\u2013", "\u2014", "\u00B7", "\u2010"};
        if (!kPunctuation.count(sequence))
            out += sequence;
    }
    return out;
}

// The pages' text without their running header and footer (`chrome`), so that a heading at
// the foot of a page reads straight on into its text.
std::string Join(const std::vector<std::string>& pages, std::size_t from, std::size_t to,
                 const std::set<std::string>& chrome)
{
    std::string all;
    for (std::size_t i = from; i < to && i < pages.size(); ++i) {
        std::istringstream lines(pages[i]);
        for (std::string line; std::getline(lines, line);)
            if (!chrome.count(line) && line.rfind("page ", 0) != 0)
                all += line + "\n";
    }
    return all;
}

// The first page index at or after `from` whose text contains `needle`, or pages.size().
std::size_t PageWith(const std::vector<std::string>& pages, const std::string& needle, std::size_t from = 0)
{
    for (std::size_t i = from; i < pages.size(); ++i)
        if (pages[i].find(needle) != std::string::npos)
            return i;
    return pages.size();
}

struct Point {
    std::string id, title, decision;
    std::vector<std::string> commitments; ///< "REF" and "REF — title"
    std::vector<std::string> quotes;      ///< bodies of the cited contributions flagged as quotes
};

// The points as SQL sees them, adopted first.
std::vector<Point> Points(Database& db, const std::string& consultation)
{
    std::vector<Point> points;
    const std::string id = db.GetBackend() == Backend::Postgresql ? "CAST(r.id AS text)" : "r.id";
    QueryRows(db,
              "SELECT " + id +
                  ", r.title, r.decision FROM reorientation r WHERE r.consultation_id = :c ORDER BY CASE r.decision "
                  "WHEN 'adopted' THEN 1 WHEN 'proposed' THEN 2 WHEN 'deferred' THEN 3 ELSE 4 END, r.title",
              Params{{"c", consultation}}, [&](const soci::row& row) {
                  points.push_back({Cell::Text(row, 0), Cell::Text(row, 1), Cell::Text(row, 2), {}, {}});
              });
    for (auto& point : points) {
        QueryRows(db,
                  "SELECT cm.ref, cm.title FROM reorientation_link rl JOIN commitment cm ON cm.id = rl.commitment_id "
                  "WHERE rl.reorientation_id = :r ORDER BY cm.ref",
                  Params{{"r", point.id}}, [&](const soci::row& row) {
                      point.commitments.push_back(Cell::Text(row, 0));
                      point.commitments.push_back(Cell::Text(row, 0) + " — " + Cell::Text(row, 1));
                  });
        QueryRows(db,
                  "SELECT c.body FROM reorientation_link rl JOIN contribution c ON c.id = rl.contribution_id WHERE "
                  "rl.reorientation_id = :r AND c.state <> 'excluded' AND c.is_quote ORDER BY c.seq",
                  Params{{"r", point.id}}, [&](const soci::row& row) { point.quotes.push_back(Cell::Text(row, 0)); });
    }
    return points;
}

// "a|b|c" from the rows SQL gives, one value per row (columns joined by ";").
std::string Listing(Database& db, const std::string& sql, const std::string& consultation, int columns)
{
    std::string out;
    QueryRows(db, sql, Params{{"c", consultation}}, [&](const soci::row& row) {
        std::string line;
        for (int i = 0; i < columns; ++i)
            line += (i ? ";" : "") + Cell::Text(row, static_cast<std::size_t>(i));
        out += (out.empty() ? "" : "|") + line;
    });
    return out;
}

} // namespace

BACKEND_TEST(deliverable_pdf_shows_each_adopted_point_with_its_evidence)
{
    const std::string consultation = Demo(db);
    const auto points = Points(db, consultation);
    BOOST_REQUIRE(points.size() >= 4u);
    BOOST_REQUIRE(points.front().decision == "adopted");
    const auto pages = test::PdfPagesText(Render(db, "livrable-2024", "pdf"));
    // The section runs from its heading (after the table of contents) to the annexes.
    const std::size_t start = PageWith(pages, "Lors de la soirée de restitution");
    const std::size_t end = PageWith(pages, "Les tableaux qui suivent détaillent", start);
    BOOST_REQUIRE(start < pages.size());
    const std::string section = Letters(Join(pages, start, end,
                                             {"Bilan de mi-mandat 2023 — livrable de la consultation",
                                              "Les points de réorientation", "Ville d'Ivry-sur-Seine"}));
    static const std::map<std::string, std::string> kDecided = {
        {"adopted", "Adopté le"}, {"proposed", "Proposé le"}, {"deferred", "Reporté le"}, {"rejected", "Rejeté le"}};
    std::vector<std::size_t> headings;
    for (const auto& point : points) {
        // The heading of the point's subsection, followed by its decision (a commitment born
        // from the point may bear the same title).
        const std::size_t at = section.find(Letters(point.title + kDecided.at(point.decision)));
        BOOST_TEST_REQUIRE(at != std::string::npos, point.title);
        headings.push_back(at);
    }
    for (std::size_t i = 0; i < points.size(); ++i) {
        const Point& point = points[i];
        if (point.decision != "adopted")
            continue;
        BOOST_TEST_CONTEXT(point.title)
        {
            std::size_t next = section.size();
            for (const std::size_t other : headings)
                if (other > headings[i] && other < next)
                    next = other;
            const std::string part = section.substr(headings[i], next - headings[i]);
            BOOST_TEST(part.find(Letters(point.title + "Adopté le 1er décembre 2023")) == 0u);
            BOOST_REQUIRE(!point.commitments.empty());
            for (const auto& commitment : point.commitments)
                BOOST_TEST(part.find(Letters(commitment)) != std::string::npos, commitment);
            BOOST_REQUIRE(!point.quotes.empty());
            // At least one cited contribution flagged as a quote is quoted: its opening words, as drawn.
            bool quoted = false;
            for (const auto& body : point.quotes)
                quoted = quoted || part.find(Letters(body).substr(0, 60)) != std::string::npos;
            BOOST_TEST(quoted);
        }
    }
    // Adopted points come first: every adopted heading precedes every other one.
    std::size_t lastAdopted = 0, firstOther = section.size();
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (points[i].decision == "adopted")
            lastAdopted = std::max(lastAdopted, headings[i]);
        else
            firstOther = std::min(firstOther, headings[i]);
    }
    BOOST_TEST(lastAdopted < firstOther);
}

BACKEND_TEST(deliverable_workbook_holds_the_points_their_evidence_and_the_topics)
{
    const std::string consultation = Demo(db);
    const auto out = test::ReadXlsx(Render(db, "livrable-2024", "xlsx"), R"PY(
def rows(name):
    return [r for r in wb[name].iter_rows(min_row=2, values_only=True) if r[0] is not None]
say('points', '|'.join('%s;%s;%s' % (r[0], r[1], r[7]) for r in rows('Réorientations')))
say('evidence', '|'.join('%s;%s' % (r[0], r[2]) for r in rows('Contributions citées')))
say('topics', '|'.join('%s;%s' % (r[0], r[-1]) for r in rows('Thématiques × quartiers') if r[0] != 'Total'))
)PY",
                                    true);
    const std::string order = "CASE r.decision WHEN 'adopted' THEN 1 WHEN 'proposed' THEN 2 WHEN 'deferred' THEN 3 "
                              "ELSE 4 END, r.title";
    BOOST_TEST(out.at("points") ==
               Listing(db,
                       "SELECT r.title, CASE r.decision WHEN 'adopted' THEN 'Adopté' WHEN 'proposed' THEN 'Proposé' "
                       "WHEN 'deferred' THEN 'Reporté' ELSE 'Rejeté' END, "
                       "CAST(COUNT(rl.contribution_id) AS text) FROM reorientation r LEFT JOIN reorientation_link rl "
                       "ON rl.reorientation_id = r.id "
                       "WHERE r.consultation_id = :c GROUP BY r.id, r.title, r.decision ORDER BY " +
                           order,
                       consultation, 3));
    BOOST_TEST(out.at("evidence") ==
               Listing(db,
                       "SELECT r.title, CAST(c.seq AS text) FROM reorientation_link rl JOIN reorientation r ON r.id = "
                       "rl.reorientation_id JOIN "
                       "contribution c ON c.id = rl.contribution_id WHERE r.consultation_id = :c AND c.state <> "
                       "'excluded' ORDER BY " +
                           order + ", c.seq",
                       consultation, 2));
    // Each topic's evidence: contributions carrying one of its labels or tagged on one of its
    // commitments, counted once (db/restitution.h).
    BOOST_TEST(out.at("topics") ==
               Listing(db,
                       "SELECT tp.title, CAST(COUNT(*) AS text) FROM topic tp JOIN contribution c ON c.consultation_id "
                       "= tp.consultation_id WHERE "
                       "tp.consultation_id = :c AND c.state <> 'excluded' AND (c.id IN (SELECT cl.contribution_id "
                       "FROM contribution_label cl JOIN topic_link tl ON tl.label_id = cl.label_id WHERE "
                       "tl.topic_id = tp.id) OR c.id IN (SELECT t.contribution_id FROM tag t JOIN topic_link tl ON "
                       "tl.commitment_id = t.commitment_id WHERE tl.topic_id = tp.id)) GROUP BY tp.id, tp.title, "
                       "tp.created_at ORDER BY tp.created_at, tp.title",
                       consultation, 2));
    // The same totals as the topic's evidence in the application.
    std::string topics;
    for (const auto& topic : ListTopics(db, consultation))
        topics += (topics.empty() ? "" : "|") + topic.topic.title + ";" +
                  std::to_string(LoadTopicEvidence(db, topic.topic.id).total);
    std::vector<std::string> sheet, app;
    auto split = [](const std::string& text, std::vector<std::string>& into) {
        std::istringstream in(text);
        for (std::string item; std::getline(in, item, '|');)
            into.push_back(item);
        std::sort(into.begin(), into.end());
    };
    split(out.at("topics"), sheet);
    split(topics, app);
    BOOST_TEST(sheet == app, boost::test_tools::per_element());
}

BACKEND_TEST(booklet_at_a_date_shows_the_old_status_and_the_points)
{
    Demo(db);
    // NOUV-1 was born at the restitution (1 December 2023), "to do", then under way from 4 March 2024.
    std::string title;
    QueryRows(db, "SELECT title FROM commitment WHERE ref = 'NOUV-1' AND origin = 'restitution'", Params{},
              [&](const soci::row& row) { title = Cell::Text(row, 0); });
    BOOST_REQUIRE(!title.empty());
    const auto before = test::PdfPagesText(Render(db, "livret-engagements", "pdf", {{"date", "2024-02-01"}}));
    const std::size_t page = PageWith(before, "NOUV-1");
    BOOST_REQUIRE(page < before.size());
    const std::string text = Letters(before[page]);
    BOOST_TEST(text.find(Letters("Ce qui reste à faire")) != std::string::npos);
    BOOST_TEST(text.find(Letters("Ce qui est en cours")) == std::string::npos);
    const std::string entry = text.substr(text.find("NOUV1"));
    BOOST_TEST(entry.rfind("NOUV1" + Letters(title), 0) == 0u);
    BOOST_TEST(entry.find(Letters("Né à la soirée de restitution")) != std::string::npos);
    BOOST_TEST(entry.find(Letters("Réorientation adoptée le 01/12/2023 : " + title + " (nouveau)")) !=
               std::string::npos);
    // Later, the same commitment is under way.
    const auto after = test::PdfPagesText(Render(db, "livret-engagements", "pdf", {{"date", "2024-04-01"}}));
    const std::size_t later = PageWith(after, "NOUV-1");
    BOOST_REQUIRE(later < after.size());
    BOOST_TEST(Letters(after[later]).find(Letters("Ce qui est en cours")) != std::string::npos);
    // Before the restitution: neither the commitment nor any point.
    const auto earlier = test::PdfPagesText(Render(db, "livret-engagements", "pdf", {{"date", "2023-11-01"}}));
    BOOST_TEST(PageWith(earlier, "NOUV-1") == earlier.size());
    BOOST_TEST(PageWith(earlier, "Réorientation adoptée") == earlier.size());
}

BOOST_AUTO_TEST_SUITE(restitution_definitions)

BOOST_AUTO_TEST_CASE(quotes_read_only_datasets_of_numbered_contributions)
{
    auto problems = [](const std::string& quotes) {
        const ParseResult result =
            ParseDefinition("title = \"Essai\"\n[[sections]]\nkind = \"quotes\"\n" + quotes, "essai.toml");
        std::string all;
        for (const auto& d : result.diagnostics)
            all += d.message + "\n";
        return all;
    };
    BOOST_TEST(problems("dataset = \"evidence\"\nper = \"none\"\n").empty());
    BOOST_TEST(problems("dataset = \"topic_evidence\"\nper = \"none\"\nfilters = { topic = \"x\" }\n").empty());
    BOOST_TEST(problems("dataset = \"meetings\"\nper = \"none\"\n").find("jeu de données sans citations") !=
               std::string::npos);
    BOOST_TEST(problems("dataset = \"evidence\"\n").find("n'a pas de champ « commitment »") != std::string::npos);
    // Filters are checked against the quotes' dataset.
    BOOST_TEST(problems("dataset = \"evidence\"\nper = \"none\"\nfilters = { stance = \"support\" }\n")
                   .find("champ inconnu") != std::string::npos);
    BOOST_TEST(problems("over = \"reorientations\"\n").find("clé inconnue") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_repeat_goes_over_the_reorientation_points)
{
    const ParseResult result = ParseDefinition(R"(title = "Essai"
[[sections]]
kind = "repeat"
over = "reorientations"
as = "point"
filters = { decision = "adopted" }
  [[sections.sections]]
  kind = "text"
  text = "{point.decision} le {point.decided_on} : {point.commitments}, {point.evidence} contributions."
  [[sections.sections]]
  kind = "table"
  dataset = "evidence"
  columns = ["contribution", "channel"]
)",
                                               "essai.toml");
    std::string all;
    for (const auto& d : result.diagnostics)
        all += d.ToString() + "\n";
    BOOST_TEST(result.definition.has_value(), all);
}

BOOST_AUTO_TEST_SUITE_END()
