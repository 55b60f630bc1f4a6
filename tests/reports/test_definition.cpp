// Report definitions: every shipped definition parses clean; every invalid definition of
// tests/data/reports/invalid gives its documented message at its line; no input, however
// mangled, makes the parser throw or crash. Also: how quotes are anonymised and shortened.

#include "core/random.h"
#include "db/report_queries.h"
#include "reports/datasets.h"
#include "reports/definition.h"
#include "reports/engine_context.h"
#include "text_file.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <sstream>

using namespace concerto;
using namespace concerto::report;

using test::ReadText;

namespace {

// "# line: N" and "# message: …" at the top of each invalid definition.
struct Expectation {
    int line = 0;
    std::string message;
};

Expectation ReadExpectation(const std::string& text)
{
    Expectation e;
    std::istringstream in(text);
    std::string row;
    while (std::getline(in, row) && row.rfind("# ", 0) == 0) {
        if (row.rfind("# line: ", 0) == 0)
            e.line = std::stoi(row.substr(8));
        else if (row.rfind("# message: ", 0) == 0)
            e.message = row.substr(11);
    }
    return e;
}

std::string All(const ParseResult& result)
{
    std::string text;
    for (const auto& d : result.diagnostics)
        text += d.ToString() + "\n";
    return text;
}

} // namespace

BOOST_AUTO_TEST_SUITE(definitions)

BOOST_AUTO_TEST_CASE(every_shipped_definition_parses_clean)
{
    const auto& shipped = ShippedDefinitions();
    std::vector<std::string> names;
    for (const auto& d : shipped)
        names.push_back(d.name);
    for (const char* expected :
         {"livrable-2024", "livret-engagements", "synthese-quartier", "fiche-rencontre", "export-contributions"})
        BOOST_TEST((std::find(names.begin(), names.end(), expected) != names.end()), expected);
    for (const auto& d : shipped) {
        const ParseResult result = ParseDefinition(d.text, d.name + ".toml");
        BOOST_TEST(result.diagnostics.empty(), d.name << ":\n" << All(result));
        BOOST_TEST(result.definition.has_value(), d.name);
        const ParseResult loaded = LoadDefinition(d.name);
        BOOST_REQUIRE(loaded.definition.has_value());
        BOOST_TEST(loaded.definition->name == d.name);
    }
    const auto exportDef = LoadDefinition("export-contributions");
    BOOST_TEST(exportDef.definition->Allows("xlsx"));
    BOOST_TEST(!exportDef.definition->Allows("pdf"));
    BOOST_TEST(LoadDefinition("livrable-2024").definition->Allows("pdf"));
}

BOOST_AUTO_TEST_CASE(the_model_reflects_what_is_written)
{
    const std::string text = R"(title = "Essai"
formats = ["pdf"]
[page]
orientation = "landscape"
margin = 15
[parameters.du]
type = "date"
label = "Du"
default = 2023-10-01
[parameters.quartiers]
type = "neighbourhoods"
default = ["centre", "port"]
[filters]
date = { from = "{du}" }
neighbourhood = "{quartiers}"
[[sections]]
kind = "table"
id = "t"
title = "Par canal"
dataset = "contributions"
columns = ["channel", { measure = "count", title = "N" }, "percent"]
sort = ["-count"]
totals = true
[[sections]]
kind = "repeat"
over = "themes"
as = "theme"
  [[sections.sections]]
  kind = "crosstable"
  dataset = "tags"
  rows = "commitment"
  columns = "stance"
  measure = "contributions"
)";
    const ParseResult result = ParseDefinition(text, "/tmp/essai.toml");
    BOOST_REQUIRE_MESSAGE(result.definition, All(result));
    const Definition& def = *result.definition;
    BOOST_TEST(def.name == "essai");
    BOOST_TEST(def.page.landscape);
    BOOST_TEST(def.page.marginLeftMm == 15);
    BOOST_REQUIRE(def.parameters.size() == 3u);
    BOOST_TEST(def.parameters[0].name == "consultation"); // implicit, first
    BOOST_TEST(def.parameters[0].implicit);
    BOOST_TEST(def.parameters[1].name == "du");
    BOOST_TEST(def.parameters[1].defaultValue == "2023-10-01");
    BOOST_TEST(def.parameters[2].defaultValue == "centre,port");
    BOOST_TEST(def.filters.size() == 2u);
    const auto& table = std::get<TableSection>(def.sections[0].body);
    BOOST_REQUIRE(table.columns.size() == 3u);
    BOOST_TEST((table.columns[1].kind == TableColumn::Kind::Count));
    BOOST_TEST(table.columns[1].title == "N");
    BOOST_TEST((table.columns[2].kind == TableColumn::Kind::Percent));
    BOOST_TEST(table.sort[0].descending);
    const auto& repeat = std::get<RepeatSection>(def.sections[1].body);
    BOOST_REQUIRE(repeat.sections.size() == 1u);
    const auto& cross = std::get<CrossTableSection>(repeat.sections[0].body);
    BOOST_TEST((cross.measure.kind == TableColumn::Kind::Distinct));
    BOOST_TEST(cross.measure.field == "contribution");
}

BOOST_AUTO_TEST_CASE(each_invalid_definition_gives_its_documented_error)
{
    const std::filesystem::path folder = std::filesystem::path(CONCERTO_TEST_DATA_DIR) / "reports" / "invalid";
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        if (entry.path().extension() == ".toml")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    BOOST_TEST(files.size() >= 60u);
    for (const auto& file : files) {
        const std::string text = ReadText(file);
        const Expectation expected = ReadExpectation(text);
        BOOST_REQUIRE_MESSAGE(!expected.message.empty(), file.filename() << " has no # message:");
        const ParseResult result = ParseDefinition(text, file.filename().string());
        BOOST_TEST(!result.definition.has_value(), file.filename());
        const bool found = std::any_of(result.diagnostics.begin(), result.diagnostics.end(), [&](const Diagnostic& d) {
            return d.line == expected.line && d.ToString().find(expected.message) != std::string::npos &&
                   d.file == file.filename().string();
        });
        BOOST_TEST(found, file.filename()
                              << ": expected line " << expected.line << " « " << expected.message << " », got:\n"
                              << All(result));
    }
}

BOOST_AUTO_TEST_CASE(a_diagnostic_reads_file_line_key_message)
{
    const ParseResult result =
        ParseDefinition("title = \"x\"\ntitel = 1\n[[sections]]\nkind = \"page_break\"\n", "a.toml");
    BOOST_REQUIRE(result.diagnostics.size() == 1u);
    BOOST_TEST(result.diagnostics[0].ToString() ==
               "a.toml:2: titel: clé inconnue « titel » (vouliez-vous dire « title » ?)");
}

BOOST_AUTO_TEST_CASE(unknown_names_in_load_are_reported)
{
    const ParseResult result = LoadDefinition("livrable-2042");
    BOOST_REQUIRE(result.diagnostics.size() == 1u);
    BOOST_TEST(result.diagnostics[0].message.find("livrable-2024") != std::string::npos);
    BOOST_TEST(!LoadDefinition("/nonexistent/x.toml").diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(the_catalogue_matches_the_query_builder)
{
    // Every documented field can be queried, with the same type, and nothing undocumented exists.
    const auto& names = reportdb::DatasetNames();
    BOOST_TEST(names.size() == Datasets().size());
    for (const auto& dataset : Datasets()) {
        const auto fields = reportdb::Fields(dataset.name);
        BOOST_TEST(fields.size() == dataset.fields.size(), dataset.name);
        for (const auto& field : dataset.fields) {
            const auto found = std::find_if(fields.begin(), fields.end(),
                                            [&](const reportdb::FieldSpec& f) { return f.name == field.name; });
            BOOST_REQUIRE_MESSAGE(found != fields.end(), dataset.name << "." << field.name);
            BOOST_TEST(found->dimension == field.dimension, dataset.name << "." << field.name);
            BOOST_TEST(static_cast<int>(found->kind) == static_cast<int>(field.type),
                       dataset.name << "." << field.name);
            BOOST_TEST(!field.label.empty());
            BOOST_TEST(!field.description.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(mangled_definitions_never_crash_the_parser)
{
    // Truncations at every 7th byte and random byte mutations of every shipped definition:
    // the parser must return (with diagnostics or not), never throw or crash.
    Random random(20240131);
    const std::string noise = "[]{}\"'=#\n.,{x}\\\x01\xff\xc3";
    std::size_t runs = 0;
    for (const auto& d : ShippedDefinitions()) {
        for (std::size_t cut = 0; cut < d.text.size(); cut += 7) {
            BOOST_CHECK_NO_THROW(ParseDefinition(d.text.substr(0, cut), "cut.toml"));
            ++runs;
        }
        for (int n = 0; n < 400; ++n) {
            std::string text = d.text;
            const int edits = 1 + static_cast<int>(random.Below(6));
            for (int e = 0; e < edits; ++e) {
                if (text.empty())
                    text = "x";
                const std::size_t at = random.Below(text.size());
                switch (random.Below(3)) {
                case 0:
                    text[at] = noise[random.Below(noise.size())];
                    break;
                case 1:
                    text.erase(at, 1 + random.Below(20));
                    break;
                default:
                    text.insert(at, text.substr(random.Below(text.size()), random.Below(40)));
                }
            }
            BOOST_CHECK_NO_THROW(ParseDefinition(text, "mutated.toml"));
            ++runs;
        }
    }
    BOOST_CHECK_NO_THROW(ParseDefinition(std::string(100000, '['), "deep.toml"));
    BOOST_CHECK_NO_THROW(ParseDefinition(std::string("a = ") + std::string(5000, '{'), "deep.toml"));
    BOOST_CHECK_NO_THROW(ParseDefinition(std::string("\0\0\0", 3), "nul.toml"));
    BOOST_TEST(runs > 2000u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(anonymising)

BOOST_AUTO_TEST_CASE(emails_and_phone_numbers_are_removed)
{
    using concerto::report::detail::Anonymise;
    BOOST_TEST(Anonymise("Écrivez-moi à jean.dupont+ivry@example.org, merci.") ==
               "Écrivez-moi à [adresse électronique masquée], merci.");
    BOOST_TEST(Anonymise("Appelez le 06 12 34 56 78 ou le +33 1 45 21 00 00.") ==
               "Appelez le [téléphone masqué] ou le [téléphone masqué].");
    BOOST_TEST(Anonymise("Tel: 01.45.21.00.00") == "Tel: [téléphone masqué]");
    // Not phone numbers: years, amounts, postal codes, a lone at sign.
    BOOST_TEST(Anonymise("Entre 2020 et 2026, 3 500 000 euros à 94200 Ivry @ la mairie") ==
               "Entre 2020 et 2026, 3 500 000 euros à 94200 Ivry @ la mairie");
}

BOOST_AUTO_TEST_CASE(long_quotes_are_cut_at_a_word)
{
    using concerto::report::detail::Shorten;
    BOOST_TEST(Shorten("court", 10) == "court");
    BOOST_TEST(Shorten("Les arbres de la place sont très beaux", 20) == "Les arbres de la […]");
    BOOST_TEST(Shorten("Éééééééééé éééé", 12) == "Éééééééééé […]");
}

BOOST_AUTO_TEST_SUITE_END()
