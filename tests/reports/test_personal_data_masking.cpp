// Issue 8, item 4: e-mail addresses and phone numbers written in contributions never reach a
// report, in PDF (read back by pdftotext) or in XLSX (read back by openpyxl), whatever the
// definition's `anonymise` option says. On SQLite and PostgreSQL, through concerto-cli.

#include "db/repositories.h"
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

/// The text without any white space (pdftotext breaks lines and renders no-break spaces freely).
std::string Squeeze(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 3, "\u202f") == 0 || text.compare(i, 2, "\u00a0") == 0) {
            i += text[i] == '\xE2' ? 2 : 1;
            continue;
        }
        if (text[i] != ' ' && text[i] != '\n' && text[i] != '\r' && text[i] != '\f')
            out += text[i];
    }
    return out;
}

// A listing of every text field and quotes that ask not to be anonymised.
const char* const kDefinition = R"(title = "Essai de masquage"
formats = ["pdf", "xlsx"]

[[sections]]
kind = "table"
title = "Contributions"
sheet = "Contributions"
dataset = "contributions"
include_excluded = true
columns = ["number", "title", { field = "body", width = 80 }, "profile", "exclusion_reason"]

[[sections]]
kind = "quotes"
title = "Paroles"
per = "none"
max = 20
min_length = 10
only_flagged = true
anonymise = false
)";

void MaskedOn(Backend backend)
{
    const std::string location = test::FreshLocation(backend);
    std::string output;
    BOOST_REQUIRE_MESSAGE(RunCli("demo --db '" + location + "' --contributions 150", output) == 0, output);
    {
        auto db = Database::Open(location);
        std::vector<std::string> ids;
        QueryRows(*db, "SELECT DISTINCT CAST(t.contribution_id AS text) FROM tag t ORDER BY 1 LIMIT 2", Params{},
                  [&](const soci::row& row) { ids.push_back(Cell::Text(row, 0)); });
        BOOST_REQUIRE(ids.size() == 2u);
        ContributionRepository contributions(*db);
        auto first = contributions.Get(ids[0]);
        first.title = "Rappel au 06 12 34 56 78";
        first.body = "Je suis joignable au +33 6 12 34 56 78 ou à jean.dupont@exemple.fr pour le square.";
        first.isQuote = true;
        contributions.Update(first);
        auto second = contributions.Get(ids[1]);
        second.body = "Écrivez à élodie.martin@exemple.org, ou au 01.23.45.67.89, merci beaucoup.";
        second.profile = "Habitante, 07 98 76 54 32";
        second.exclusionReason = "Doublon de marie@exemple.fr";
        second.isQuote = true;
        contributions.Update(second);
    }
    const std::string folder = test::TempFolder();
    const std::string tag = backend == Backend::Sqlite ? "sqlite" : "pg";
    const std::string definition = folder + "/masquage-" + tag + ".toml";
    std::ofstream(definition) << kDefinition;
    const std::string pdf = folder + "/masquage-" + tag + ".pdf";
    const std::string xlsx = folder + "/masquage-" + tag + ".xlsx";
    BOOST_REQUIRE_MESSAGE(RunCli("report --db '" + location + "' --definition '" + definition +
                                     "' --format pdf --out '" + pdf + "'",
                                 output) == 0,
                          output);
    BOOST_REQUIRE_MESSAGE(RunCli("report --db '" + location + "' --definition '" + definition +
                                     "' --format xlsx --out '" + xlsx + "'",
                                 output) == 0,
                          output);

    std::string all;
    for (const auto& page : test::PdfPagesText(pdf))
        all += page;
    const std::string squeezed = Squeeze(all);
    for (const std::string leak : {"0612345678", "+33612345678", "jean.dupont@exemple.fr", "0123456789",
                                   "0798765432", "marie@exemple.fr", "exemple.org"})
        BOOST_TEST(squeezed.find(leak) == std::string::npos, "PDF leaks " << leak);
    BOOST_TEST(squeezed.find("[téléphonemasqué]") != std::string::npos);
    BOOST_TEST(squeezed.find("[adresseélectroniquemasquée]") != std::string::npos);
    BOOST_TEST(squeezed.find("Jesuisjoignableau[téléphonemasqué]") != std::string::npos); // the quote too

    const auto read = test::ReadXlsx(xlsx, R"(
import re
leaks = masked = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        for cell in row:
            if isinstance(cell, str):
                digits = re.sub(r'[^0-9]', '', cell)
                if '@exemple' in cell or '0612345678' in digits or '0123456789' in digits or '0798765432' in digits:
                    leaks += 1
                if '[téléphone masqué]' in cell or '[adresse électronique masquée]' in cell:
                    masked += 1
say('leaks', leaks)
say('masked', masked)
)");
    BOOST_TEST(read.at("leaks") == "0");
    BOOST_TEST(std::stoi(read.at("masked")) >= 4);
}

} // namespace

BOOST_AUTO_TEST_SUITE(personal_data_masking)

BOOST_AUTO_TEST_CASE(reports_mask_contact_data_on_sqlite)
{
    MaskedOn(Backend::Sqlite);
}

BOOST_AUTO_TEST_CASE(reports_mask_contact_data_on_postgresql)
{
    MaskedOn(Backend::Postgresql);
}

BOOST_AUTO_TEST_SUITE_END()
