// docs/report-definitions.md is the only guide an administrator has: its complete examples must
// parse clean and run on the demo, it must document every dataset field, and every message the
// invalid definitions of tests/data/reports/invalid produce must be listed there.

#include "db/demo.h"
#include "reports/datasets.h"
#include "reports/definition.h"
#include "reports/engine.h"
#include "support/backends.h"
#include "text_file.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <sstream>

using namespace concerto;
using namespace concerto::report;

using test::ReadText;

namespace {

std::string Docs()
{
    const auto path = std::filesystem::path(CONCERTO_TEST_DATA_DIR) / ".." / ".." / "docs" / "report-definitions.md";
    const std::string text = ReadText(path);
    BOOST_REQUIRE_MESSAGE(!text.empty(), "cannot read " << path);
    return text;
}

// The ```toml blocks of the docs that are whole definitions (a title and sections).
std::vector<std::string> CompleteExamples(const std::string& docs)
{
    std::vector<std::string> examples;
    for (std::size_t at = docs.find("```toml\n"); at != std::string::npos; at = docs.find("```toml\n", at + 1)) {
        const std::size_t start = at + 8, end = docs.find("```", start);
        const std::string block = docs.substr(start, end - start);
        if (block.find("\ntitle = ") != std::string::npos || block.rfind("title = ", 0) == 0)
            if (block.find("[[sections]]") != std::string::npos)
                examples.push_back(block);
    }
    return examples;
}

} // namespace

BOOST_AUTO_TEST_SUITE(definition_docs)

BOOST_AUTO_TEST_CASE(every_dataset_field_is_documented)
{
    const std::string docs = Docs();
    for (const auto& dataset : Datasets()) {
        BOOST_TEST(docs.find("### `" + dataset.name + "`") != std::string::npos, dataset.name);
        for (const auto& field : dataset.fields)
            BOOST_TEST(docs.find("| `" + field.name + "` | ") != std::string::npos, dataset.name << "." << field.name);
    }
}

BOOST_AUTO_TEST_CASE(every_tested_error_message_is_documented)
{
    const std::string docs = Docs();
    const auto folder = std::filesystem::path(CONCERTO_TEST_DATA_DIR) / "reports" / "invalid";
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        std::istringstream in(ReadText(entry.path()));
        std::string line, message;
        while (std::getline(in, line))
            if (line.rfind("# message: ", 0) == 0)
                message = line.substr(11);
        // The documented form replaces names and values by "…": compare the text up to the first « .
        std::string stem = message.substr(0, std::min(message.find("«"), message.find_first_of("0123456789")));
        const std::size_t colon = stem.find(": ");
        if (colon != std::string::npos && stem.substr(0, colon).find(' ') == std::string::npos)
            stem = stem.substr(colon + 2); // a "key: " prefix
        while (!stem.empty() && stem.back() == ' ')
            stem.pop_back();
        if (stem.size() < 8)
            continue; // starts with the name itself: too short to look up
        BOOST_TEST(docs.find(stem) != std::string::npos, entry.path().filename() << ": « " << stem << " »");
    }
}

BOOST_AUTO_TEST_CASE(the_examples_parse_and_run_on_the_demo)
{
    const auto examples = CompleteExamples(Docs());
    BOOST_REQUIRE(examples.size() >= 2u);
    auto db = test::FreshDatabase(Backend::Sqlite);
    SilentProgress progress;
    DemoOptions options;
    options.contributions = 300;
    GenerateDemo(*db, options, progress);
    for (const auto& example : examples) {
        const ParseResult result = ParseDefinition(example, "exemple.toml");
        std::string problems;
        for (const auto& d : result.diagnostics)
            problems += d.ToString() + "\n";
        BOOST_REQUIRE_MESSAGE(result.definition, problems << example.substr(0, 200));
        ParameterValues values;
        values.format = "pdf";
        const Document doc = BuildDocument(*db, *result.definition, values);
        BOOST_TEST(!doc.blocks.empty());
    }
}

BOOST_AUTO_TEST_SUITE_END()
