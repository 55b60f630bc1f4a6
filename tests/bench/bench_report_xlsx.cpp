// The report XLSX writer at the size of a raw export: an export-contributions-like table of
// 13 typed columns streamed at 100,000 and 1,000,000 rows (CONCERTO_BENCH_ROWS: one size only)
// through WriteXlsx, against a bare libxlsxwriter loop writing the same cells with the same
// formats (constant memory, bold frozen header, autofilter, widths) in the same run.
// Then the real `export-contributions` definition through the engine on a demo database
// (SQLite, 100,000 contributions or CONCERTO_BENCH_ROWS: its two sheets, contributions and
// codings), against the bare loop writing as many rows: that line includes reading the
// database and the export's 18 columns against the loop's 13.
//
// Peak memory is a per-process high-water mark, so each measurement runs in its own child
// process (this program re-executed with --child): a figure is never the leftover of an
// earlier, larger one.

#include "common.h"
#include "core/datetime.h"
#include "db/database.h"
#include "db/demo.h"
#include "reports/definition.h"
#include "reports/engine.h"
#include "reports/xlsx_writer.h"
#include "support/backends.h"

#include <array>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>
#include <xlsxwriter.h>

using namespace concerto;

namespace {

const std::array<const char*, 5> kChannels = {"Plateforme en ligne", "Réunion publique", "Courrier", "Atelier",
                                              "Boîte à idées"};
const std::array<const char*, 8> kNeighbourhoods = {"Centre-ville", "Bellevue", "Le Port", "Les Coteaux",
                                                    "Gare", "Saint-Jean", "Les Prés", "La Plaine"};
const std::array<const char*, 3> kProfiles = {"habitant·e", "association", "commerçant·e"};
const std::array<const char*, 4> kStates = {"Nouvelle", "Codée", "À revoir", "Écartée"};
const std::array<const char*, 4> kBodies = {
    "Il faudrait plus de bancs et d'ombre sur la place du marché, surtout l'été pour les personnes âgées.",
    "Les pistes cyclables s'arrêtent net au carrefour de la gare : c'est dangereux le matin.",
    "Proposition : ouvrir la médiathèque le dimanche après-midi, avec un espace pour les devoirs.",
    "=Le bruit des livraisons de nuit rue Pasteur empêche de dormir ; que peut faire la ville ?"};
const std::array<const char*, 13> kTitles = {"N°",        "Reçue le", "Canal",      "Rencontre", "Quartier",
                                             "Fiche",     "Profil",   "Titre",      "Texte",     "État",
                                             "Étiquettes", "Codages", "Citation"};

/// The cells of row `i` (1-based), identical for both writers.
struct Cells {
    long long seq;
    Timestamp received;
    const char* channel;
    std::string meeting;
    const char* neighbourhood;
    std::string card, title;
    const char* profile;
    const char* body;
    const char* state;
    std::string tags;
    long long codings;
    const char* quote;
};

Cells MakeCells(std::uint64_t i)
{
    const auto n = static_cast<std::size_t>(i);
    Cells c;
    c.seq = static_cast<long long>(i);
    c.received = Timestamp{Timestamp::At({2023, 9, 1}, 8).seconds + static_cast<std::int64_t>(i) * 37};
    c.channel = kChannels[n % kChannels.size()];
    c.meeting = n % 3 == 0 ? "R" + std::to_string(n % 40 + 1) + " — Café de quartier" : "";
    c.neighbourhood = kNeighbourhoods[n % kNeighbourhoods.size()];
    c.card = "Fiche " + std::to_string(n % 120 + 1);
    c.profile = kProfiles[n % kProfiles.size()];
    c.title = "Contribution " + std::to_string(i);
    c.body = kBodies[n % kBodies.size()];
    c.state = kStates[n % kStates.size()];
    c.tags = n % 2 ? "mobilité ; sécurité" : "cadre de vie";
    c.codings = static_cast<long long>(n % 4);
    c.quote = n % 17 == 0 ? "oui" : "";
    return c;
}

double WidthOf(std::size_t column)
{
    static const std::array<double, 13> widths = {8, 16, 20, 26, 14, 10, 14, 20, 80, 10, 24, 9, 9};
    return widths[column];
}

/// WriteXlsx over a streamed TableBlock.
void WithWriter(const std::string& path, std::uint64_t rows)
{
    report::Document doc;
    doc.info.title = "Export des contributions";
    doc.info.definitionName = "bench";
    report::TableBlock table;
    table.title = "Contributions";
    for (std::size_t i = 0; i < kTitles.size(); ++i) {
        const bool integer = i == 0 || i == 11;
        table.columns.push_back({kTitles[i],
                                 integer ? report::ValueType::Integer
                                 : i == 1 ? report::ValueType::DateTime
                                          : report::ValueType::Text,
                                 WidthOf(i)});
    }
    table.stream = [rows](const std::function<void(const report::Row&)>& sink) {
        report::Row row;
        row.cells.resize(13);
        for (std::uint64_t i = 1; i <= rows; ++i) {
            Cells c = MakeCells(i);
            row.cells[0] = report::Value::Integer(c.seq);
            row.cells[1] = report::Value::Instant(c.received);
            row.cells[2] = report::Value::Of(c.channel);
            row.cells[3] = report::Value::Of(std::move(c.meeting));
            row.cells[4] = report::Value::Of(c.neighbourhood);
            row.cells[5] = report::Value::Of(std::move(c.card));
            row.cells[6] = report::Value::Of(c.profile);
            row.cells[7] = report::Value::Of(std::move(c.title));
            row.cells[8] = report::Value::Of(c.body);
            row.cells[9] = report::Value::Of(c.state);
            row.cells[10] = report::Value::Of(std::move(c.tags));
            row.cells[11] = report::Value::Integer(c.codings);
            row.cells[12] = report::Value::Of(c.quote);
            sink(row);
        }
    };
    doc.blocks.push_back(std::move(table));
    report::WriteXlsx(doc, path);
}

/// The least any program must do to write the same cells with libxlsxwriter.
void Bare(const std::string& path, std::uint64_t rows)
{
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.use_zip64 = LXW_TRUE;
    lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
    lxw_worksheet* sheet = workbook_add_worksheet(book, "Contributions");
    lxw_format* header = workbook_add_format(book);
    format_set_bold(header);
    lxw_format* integer = workbook_add_format(book);
    format_set_num_format(integer, "#,##0");
    lxw_format* dateTime = workbook_add_format(book);
    format_set_num_format(dateTime, "dd/mm/yyyy hh:mm");
    for (std::size_t i = 0; i < kTitles.size(); ++i) {
        worksheet_set_column(sheet, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), WidthOf(i),
                             nullptr);
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(i), kTitles[i], header);
    }
    worksheet_freeze_panes(sheet, 1, 0);
    for (std::uint64_t i = 1; i <= rows; ++i) {
        const Cells c = MakeCells(i);
        const auto r = static_cast<lxw_row_t>(i);
        worksheet_write_number(sheet, r, 0, static_cast<double>(c.seq), integer);
        const Date day = c.received.Day();
        const std::int64_t s = c.received.seconds - Timestamp::At(day).seconds;
        lxw_datetime when{day.year, day.month, day.day, static_cast<int>(s / 3600), static_cast<int>(s / 60 % 60),
                          static_cast<double>(s % 60)};
        worksheet_write_datetime(sheet, r, 1, &when, dateTime);
        worksheet_write_string(sheet, r, 2, c.channel, nullptr);
        if (!c.meeting.empty())
            worksheet_write_string(sheet, r, 3, c.meeting.c_str(), nullptr);
        worksheet_write_string(sheet, r, 4, c.neighbourhood, nullptr);
        worksheet_write_string(sheet, r, 5, c.card.c_str(), nullptr);
        worksheet_write_string(sheet, r, 6, c.profile, nullptr);
        worksheet_write_string(sheet, r, 7, c.title.c_str(), nullptr);
        worksheet_write_string(sheet, r, 8, c.body, nullptr);
        worksheet_write_string(sheet, r, 9, c.state, nullptr);
        worksheet_write_string(sheet, r, 10, c.tags.c_str(), nullptr);
        worksheet_write_number(sheet, r, 11, static_cast<double>(c.codings), integer);
        if (*c.quote)
            worksheet_write_string(sheet, r, 12, c.quote, nullptr);
    }
    worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(rows), 12);
    if (workbook_close(book) != LXW_NO_ERROR)
        throw std::runtime_error("bare libxlsxwriter loop failed");
}

/// The shipped export-contributions definition through the engine, on the database at `location`.
/// Returns the rows written (both sheets: contributions and codings).
std::uint64_t WithEngine(const std::string& path, const std::string& location)
{
    auto db = Database::Open(location);
    auto parsed = report::LoadDefinition("export-contributions");
    if (!parsed.definition)
        throw std::runtime_error("export-contributions: " + parsed.diagnostics.front().ToString());
    report::ParameterValues values;
    values.format = "xlsx";
    report::Document doc = report::BuildDocument(*db, *parsed.definition, values);
    std::uint64_t rows = 0;
    for (report::Block& block : doc.blocks)
        if (auto* table = std::get_if<report::TableBlock>(&block)) {
            rows += table->rows.size();
            if (table->stream)
                table->stream = [inner = table->stream, &rows](const std::function<void(const report::Row&)>& sink) {
                    inner([&](const report::Row& row) {
                        ++rows;
                        sink(row);
                    });
                };
        }
    report::WriteXlsx(doc, path);
    return rows;
}

/// In the child: runs one measurement and prints "SECONDS PEAK_MIB ROWS".
int Child(const std::string& mode, const std::string& argument, const std::string& path)
{
    double seconds = 0;
    std::uint64_t rows = 0;
    if (mode == "writer") {
        rows = std::stoull(argument);
        seconds = bench::Seconds([&] { WithWriter(path, rows); });
    } else if (mode == "bare") {
        rows = std::stoull(argument);
        seconds = bench::Seconds([&] { Bare(path, rows); });
    } else {
        seconds = bench::Seconds([&] { rows = WithEngine(path, argument); });
    }
    std::printf("%f %f %llu\n", seconds, bench::PeakMemoryMiB(), static_cast<unsigned long long>(rows));
    return 0;
}

struct Measure {
    double seconds = 0, peakMiB = 0, fileMiB = 0;
    unsigned long long rows = 0;
};

/// Runs this program again with --child and reads its measurement.
Measure InChild(const std::string& self, const std::string& mode, const std::string& argument,
                const std::string& path)
{
    const std::string command = "'" + self + "' --child " + mode + " '" + argument + "' '" + path + "'";
    FILE* pipe = popen(command.c_str(), "r");
    Measure m;
    if (!pipe || std::fscanf(pipe, "%lf %lf %llu", &m.seconds, &m.peakMiB, &m.rows) != 3 || pclose(pipe) != 0)
        throw std::runtime_error("the measurement '" + mode + "' failed");
    m.fileMiB = static_cast<double>(std::filesystem::file_size(path)) / (1024.0 * 1024.0);
    std::filesystem::remove(path);
    return m;
}

void Compare(const std::string& name, const std::string& baselineName, const Measure& concerto,
             const Measure& bare)
{
    const double rows = static_cast<double>(concerto.rows);
    bench::Report(name, concerto.seconds, baselineName, bare.seconds, "s", false);
    bench::Report(name + "_rows_per_s", rows / concerto.seconds, baselineName + "_rows_per_s", rows / bare.seconds,
                  "rows/s", true);
    bench::Report(name + "_peak_memory", concerto.peakMiB, baselineName + "_peak_memory", bare.peakMiB, "MiB",
                  false);
    std::cerr << "  files: " << static_cast<int>(concerto.fileMiB) << " MiB vs " << static_cast<int>(bare.fileMiB)
              << " MiB\n";
}

} // namespace

int main(int argc, char** argv)
{
    try {
        if (argc == 5 && std::strcmp(argv[1], "--child") == 0)
            return Child(argv[2], argv[3], argv[4]);
        const std::string self = std::filesystem::canonical("/proc/self/exe").string();
        const std::string folder = test::TempFolder();
        std::vector<std::uint64_t> sizes = {100000, 1000000};
        if (std::getenv("CONCERTO_BENCH_ROWS"))
            sizes = {bench::Rows(100000)};
        for (const std::uint64_t rows : sizes) {
            const std::string n = std::to_string(rows);
            const Measure bare = InChild(self, "bare", n, folder + "/bare.xlsx");
            const Measure writer = InChild(self, "writer", n, folder + "/writer.xlsx");
            Compare("xlsx_write_xlsx_" + n, "bare_libxlsxwriter_" + n, writer, bare);
        }

        // The real definition through the engine, database reads included.
        const std::uint64_t contributions = bench::Rows(100000);
        const std::string location = "sqlite:" + folder + "/demo.db";
        {
            auto db = Database::Open(location);
            std::cerr << "Génération de " << contributions << " contributions de démonstration…\n";
            SilentProgress progress;
            GenerateDemo(*db, DemoOptions{contributions, 2023}, progress);
        }
        // The bare loop writes as many rows as the engine did (contributions, then codings).
        const Measure engine = InChild(self, "engine", location, folder + "/engine.xlsx");
        const Measure bare = InChild(self, "bare", std::to_string(engine.rows), folder + "/bare.xlsx");
        Compare("xlsx_export_contributions_engine_" + std::to_string(contributions),
                "bare_libxlsxwriter_" + std::to_string(engine.rows) + "_rows_of_13_columns", engine, bare);
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "bench_report_xlsx: " << error.what() << "\n";
        return 1;
    }
}
