// concerto-cli import and export through the real binary ($CONCERTO_CLI): a native file imported,
// a dry run's preview, a refused file (exit 1, the line named, nothing written), --skip-invalid and
// its rejects file, export then re-import that changes nothing, wrong command lines (exit 2).

#include "core/import_spec.h"
#include "db/demo.h"
#include "db/repositories.h"
#include "support/dump.h"
#include "test_export_support.h"

#include <algorithm>
#include <filesystem>

using namespace concerto;
using namespace concerto::test;

namespace {

struct CliFixture {
    Database& db;
    std::string id, location, folder, theme;

    explicit CliFixture(Database& database) : db(database)
    {
        SilentProgress progress;
        id = GenerateDemo(db, DemoOptions{40, 4}, progress);
        location = db.GetLocation().ToDisplayString();
        folder = TempFolder() + "/cli_" + (db.GetBackend() == Backend::Sqlite ? "sqlite_" : "postgresql_") +
                 NewUuid().substr(0, 8);
        std::filesystem::create_directories(folder);
        theme = QueryText(db, "SELECT code FROM theme WHERE consultation_id = :c ORDER BY position", {{"c", id}});
    }

    /// Runs concerto-cli with `arguments` on this database; stdout and stderr together.
    std::pair<std::string, int> Cli(const std::string& arguments) const
    {
        return RunCommand(CliPath() + " " + arguments + " --db '" + location + "' --consultation " + id + " 2>&1");
    }

    std::string Write(const std::string& name, const std::string& content) const
    {
        const std::string path = folder + "/" + name;
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }

    std::string Commitment(const std::string& ref, const std::string& column) const
    {
        return QueryText(db, "SELECT " + column + " FROM commitment WHERE consultation_id = :c AND ref = :ref",
                         {{"c", id}, {"ref", ref}});
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(cli_import)

BACKEND_TEST(native_file_dry_run_and_refusal)
{
    CliFixture f(db);
    // A colleague's sheet saved by Excel: ';' separated, French statuses.
    const std::string file = f.Write("programme.csv", "ref;theme;title;description;status\r\n"
                                                      "NV-1;" + f.theme + ";Des bancs place du marché;;Fait\r\n"
                                                      "NV-2;" + f.theme + ";Un jardin partagé;Rue des Lilas;en cours\r\n");
    auto [out, status] = f.Cli("import --kind commitments --file '" + file + "'");
    BOOST_TEST(status == 0, out);
    BOOST_TEST(out.find("2 créées") != std::string::npos, out);
    BOOST_TEST(f.Commitment("NV-1", "status") == "done");
    BOOST_TEST(f.Commitment("NV-2", "description") == "Rue des Lilas");
    BOOST_TEST(f.Commitment("NV-2", "status") == "in_progress");

    // A dry run shows the change, field by field, and writes nothing.
    const std::string changed = f.Write("programme2.csv", "ref;theme;title;description;status\r\n"
                                                          "NV-1;" + f.theme + ";Des bancs et des arbres;;Fait\r\n");
    const std::string before = DumpDatabase(db);
    std::tie(out, status) = f.Cli("import --kind commitments --dry-run --file '" + changed + "'");
    BOOST_TEST(status == 0, out);
    BOOST_TEST(out.find("title : « Des bancs place du marché » → « Des bancs et des arbres »") != std::string::npos,
               out);
    BOOST_TEST(out.find("Simulation") != std::string::npos, out);
    BOOST_TEST(DumpDatabase(db) == before);

    // An unknown theme on line 3 refuses the whole file: exit 1, the line named, nothing written.
    const std::string bad = f.Write("bad.csv", "ref,theme,title,description,status\r\n"
                                               "NV-3," + f.theme + ",Valide,,planned\r\n"
                                               "NV-4,ZZZ-INCONNU,Thème inconnu,,planned\r\n");
    std::tie(out, status) = f.Cli("import --kind commitments --file '" + bad + "'");
    BOOST_TEST(status == 1, out);
    BOOST_TEST(out.find("ligne 3") != std::string::npos, out);
    BOOST_TEST(out.find("ZZZ-INCONNU") != std::string::npos, out);
    BOOST_TEST(f.Commitment("NV-3", "title").empty());
    BOOST_TEST(DumpDatabase(db) == before);

    // The dry run of that file lists the rejection as file:line and fails too.
    std::tie(out, status) = f.Cli("import --kind commitments --dry-run --file '" + bad + "'");
    BOOST_TEST(status == 1, out);
    BOOST_TEST(out.find("bad.csv:3:") != std::string::npos, out);

    // --skip-invalid imports the valid row and writes the other with its reason.
    const std::string rejects = f.folder + "/refus.csv";
    std::tie(out, status) = f.Cli("import --kind commitments --file '" + bad + "' --skip-invalid '" + rejects + "'");
    BOOST_TEST(status == 0, out);
    BOOST_TEST(out.find("bad.csv:3:") != std::string::npos, out);
    BOOST_TEST(f.Commitment("NV-3", "title") == "Valide");
    BOOST_TEST(f.Commitment("NV-4", "title").empty());
    const auto rejected = ReadTable(rejects);
    BOOST_TEST_REQUIRE(rejected.size() == 2u);
    BOOST_TEST(rejected[0].size() == 7u); // the file's five columns, « ligne » and « erreur »
    BOOST_TEST((std::find(rejected[1].begin(), rejected[1].end(), "NV-4") != rejected[1].end()));
    BOOST_TEST((std::find(rejected[1].begin(), rejected[1].end(), "3") != rejected[1].end()));
}

BACKEND_TEST(export_then_import_changes_nothing)
{
    CliFixture f(db);
    for (const std::string kind : {"contributions", "commitments", "meetings"}) {
        for (const std::string extension : {".csv", ".xlsx"}) {
            const std::string file = f.folder + "/" + kind + extension;
            auto [out, status] = f.Cli("export --kind " + kind + " --out '" + file + "'");
            BOOST_TEST(status == 0, out);
            BOOST_TEST(std::filesystem::exists(file));
            const std::string before = DumpDatabase(db);
            std::tie(out, status) = f.Cli("import --kind " + kind + " --file '" + file + "'");
            BOOST_TEST(status == 0, out);
            BOOST_TEST(out.find(" 0 créée, 0 modifiée") != std::string::npos, out);
            BOOST_TEST(DumpDatabase(db) == before, kind + extension);
        }
    }
    auto [out, status] = f.Cli("export --kind contributions --out '" + f.folder + "/c.csv'");
    BOOST_TEST(out.find("40 lignes exportées (contributions)") != std::string::npos, out);
}

BACKEND_TEST(encoding_delimiter_preset_and_create_missing_reach_the_import)
{
    CliFixture f(db);
    // Excel for Windows: Windows-1252 bytes ("é" = 0xE9), ';' forced; an unknown theme created on demand.
    const std::string file = f.Write("ansi.csv", "ref;theme;title;description;status\r\n"
                                                 "NV-9;NOUV;Cr\xE9" "er une halle couverte;;Abandonn\xE9\r\n");
    const std::string options = "' --encoding windows-1252 --delimiter ';'";
    auto [out, status] = f.Cli("import --kind commitments --file '" + file + options);
    BOOST_TEST(status == 1, out); // NOUV is no theme of the consultation
    BOOST_TEST(out.find("NOUV") != std::string::npos, out);
    const std::string bad = f.Write("ansi_bad.csv", "ref;theme;title;description;status\r\n"
                                                    "NV-9;NOUV;Cr\xE9" "er une halle couverte;;Peut-\xEAtre\r\n");
    std::tie(out, status) = f.Cli("import --kind commitments --file '" + bad + options + " --create-missing");
    BOOST_TEST(status == 1, out); // « Peut-être » is no status: refused, and nothing created
    BOOST_TEST(out.find("Peut-être") != std::string::npos, out);
    BOOST_TEST(QueryCount(db, "SELECT COUNT(*) FROM theme WHERE code = 'NOUV'") == 0);
    std::tie(out, status) = f.Cli("import --kind commitments --file '" + file + options + " --create-missing");
    BOOST_TEST(status == 0, out);
    BOOST_TEST(f.Commitment("NV-9", "title") == "Créer une halle couverte");
    BOOST_TEST(f.Commitment("NV-9", "status") == "dropped");
    BOOST_TEST(QueryCount(db, "SELECT COUNT(*) FROM theme WHERE code = 'NOUV' AND consultation_id = :c",
                          {{"c", f.id}}) == 1);

    // A Decidim export through the preset: HTML bodies become text, the id the source reference.
    const std::string decidim =
        f.Write("decidim.csv", "id,title/fr,title/en,body/fr,published_at,scope/name/fr,category/name/fr\n"
                               "4711,Plus de bancs,More benches,<p>Des bancs &amp; de l&#39;ombre</p>,"
                               "2023-06-01T10:00:00+02:00,,\n");
    std::tie(out, status) = f.Cli("import --kind contributions --preset decidim --file '" + decidim + "'");
    BOOST_TEST(status == 0, out);
    BOOST_TEST(QueryText(db, "SELECT title FROM contribution WHERE source_ref = '4711' AND consultation_id = :c",
                         {{"c", f.id}}) == "Plus de bancs");
    BOOST_TEST(QueryText(db, "SELECT body FROM contribution WHERE source_ref = '4711' AND consultation_id = :c",
                         {{"c", f.id}}) == "Des bancs & de l'ombre");
    // Re-imported without --preset: the header is recognised as Decidim's, and nothing changes.
    std::tie(out, status) = f.Cli("import --kind contributions --file '" + decidim + "'");
    BOOST_TEST(out.find("préréglage « decidim »") != std::string::npos, out);
    BOOST_TEST(out.find("1 inchangée") != std::string::npos, out);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cli_import)

BOOST_AUTO_TEST_CASE(wrong_command_lines_exit_2_and_presets_are_listed)
{
    auto result = RunCommand(CliPath() + " import --kind bananes --db 'sqlite:" + TempFolder() + "/x.db' --file a 2>&1");
    BOOST_TEST(result.second == 2);
    BOOST_TEST(result.first.find("--kind") != std::string::npos, result.first);
    result = RunCommand(CliPath() + " import --kind contributions --db 'sqlite:" + TempFolder() +
                        "/x.db' --file a --preset inconnu 2>&1");
    BOOST_TEST(result.second == 2);
    BOOST_TEST(result.first.find("decidim") != std::string::npos, result.first);
    result = RunCommand(CliPath() + " export --kind meetings 2>&1");
    BOOST_TEST(result.second == 2);
    result = RunCommand(CliPath() + " import --list-mappings --kind contributions 2>&1");
    BOOST_TEST(result.second == 0);
    BOOST_TEST(result.first.find("decidim") != std::string::npos, result.first);
}

BOOST_AUTO_TEST_SUITE_END()
