// The PDF writer on a publication of about 200 pages — a long listing that breaks across
// many pages, plus a chapter per neighbourhood with bar, stacked-bar and pie charts and a
// cross-table — in pages per second, against LibreOffice headless converting the equivalent
// workbook (the same Document through WriteXlsx) to PDF in the same run. LibreOffice is not
// a dependency: without `soffice` on the PATH the comparison line is skipped with a note.
// LibreOffice starts once on a small file first, so that creating its profile is not timed.
// CONCERTO_BENCH_ROWS sets the listing's rows (default 4,000).

#include "common.h"
#include "reports/pdf_writer.h"
#include "reports/test_pdf_sample.h"
#include "reports/xlsx_writer.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <unistd.h>

using namespace concerto;
using namespace concerto::report;
namespace fs = std::filesystem;

namespace {

/// A chapter for one neighbourhood: text, three charts and a cross-table.
void AddChapter(Document& doc, const std::string& name, int seed)
{
    doc.blocks.push_back(HeadingBlock{1, "Synthèse : " + name});
    doc.blocks.push_back(TextBlock{{test::Para({{"Dans le quartier " + name + ", la concertation a réuni "},
                                                {std::to_string(80 + seed * 7) + " participants", true},
                                                {" ; leurs contributions portent d'abord sur le cadre de vie."}})}});
    const std::vector<std::string> themes = {"Cadre de vie", "Mobilités", "Écoles", "Solidarités", "Culture"};
    ChartBlock bar{"Contributions par thème", ChartKind::Bar, themes, {}, "Contributions", true};
    ChartBlock stacked{"Positions par thème", ChartKind::StackedBar, themes, {}, "", true};
    ChartBlock pie{"Canaux", ChartKind::Pie, {"En ligne", "Réunion", "Courrier", "Café"}, {}, "", true};
    Series total{"Contributions", {}}, support{"Soutien", {}}, reserve{"Réserve", {}}, proposal{"Proposition", {}};
    TableBlock cross;
    cross.title = "Positions par thème";
    cross.crossTable = true;
    cross.columns = {{"Thème", ValueType::Text},
                     {"Soutien", ValueType::Integer},
                     {"Réserve", ValueType::Integer},
                     {"Proposition", ValueType::Integer},
                     {"Total", ValueType::Integer}};
    for (std::size_t t = 0; t < themes.size(); ++t) {
        const double a = 20 + (seed * 13 + t * 29) % 90, b = 5 + (seed * 7 + t * 11) % 40,
                     c = 10 + (seed + t * 17) % 60;
        support.values.push_back(a);
        reserve.values.push_back(b);
        proposal.values.push_back(c);
        total.values.push_back(a + b + c);
        cross.rows.push_back({RowKind::Data,
                              {Value::Of(themes[t]), Value::Integer(static_cast<long long>(a)),
                               Value::Integer(static_cast<long long>(b)), Value::Integer(static_cast<long long>(c)),
                               Value::Integer(static_cast<long long>(a + b + c))}});
    }
    bar.series = {total};
    stacked.series = {support, reserve, proposal};
    pie.series = {{"Contributions", {40.0 + seed, 25, 10, 15}}};
    doc.blocks.push_back(bar);
    doc.blocks.push_back(stacked);
    doc.blocks.push_back(pie);
    doc.blocks.push_back(cross);
}

Document LargeDocument(int rows)
{
    Document doc = test::SampleDocument(rows);
    const char* names[] = {"Centre-ville", "Bellevue", "Le Port",   "Les Coteaux", "Gare",
                           "Saint-Jean",   "Les Prés", "La Plaine", "Le Plateau",  "Les Rives"};
    for (int i = 0; i < 20; ++i)
        AddChapter(doc, std::string(names[i % 10]) + (i >= 10 ? " (suite)" : ""), i);
    return doc;
}

/// Standard output of `command` (stderr discarded), or nullopt when it fails.
bool Capture(const std::string& command, std::string& output)
{
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen((command + " 2>/dev/null").c_str(), "r"), pclose);
    if (!pipe)
        return false;
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe.get())) > 0;)
        output.append(buffer, n);
    return pclose(pipe.release()) == 0;
}

int PageCount(const fs::path& pdf)
{
    std::string info;
    if (!Capture("pdfinfo '" + pdf.string() + "'", info))
        return 0;
    const auto at = info.find("Pages:");
    return at == std::string::npos ? 0 : std::atoi(info.c_str() + at + 6);
}

} // namespace

int main()
{
    const int rows = static_cast<int>(bench::Rows(4000));
    const fs::path folder = fs::temp_directory_path() / ("concerto-bench-pdf-" + std::to_string(getpid()));
    fs::create_directories(folder);
    const Document doc = LargeDocument(rows);

    const fs::path pdf = folder / "rapport.pdf";
    const double seconds = bench::Seconds([&] { WritePdf(doc, pdf.string()); });
    const int pages = PageCount(pdf);
    const double rate = pages / seconds;
    std::printf("note: report_pdf: %d pages (%d listing rows, 20 chapters of charts) in %.2f s, %.1f MiB peak\n", pages,
                rows, seconds, bench::PeakMemoryMiB());

    std::string soffice;
    if (!Capture("command -v soffice", soffice) || soffice.empty()) {
        std::printf("note: report_pdf: soffice (LibreOffice) is not installed: the comparison line is skipped "
                    "(Concerto alone: %.1f pages/s)\n",
                    rate);
    } else {
        const fs::path xlsx = folder / "rapport.xlsx";
        WriteXlsx(doc, xlsx.string());
        const fs::path out = folder / "libreoffice";
        fs::create_directories(out);
        std::string ignored;
        const std::string command = "soffice -env:UserInstallation=file://" + (folder / "lo-profile").string() +
                                    " --headless --convert-to pdf --outdir '" + out.string() + "' '" + xlsx.string() +
                                    "'";
        // A first conversion creates LibreOffice's profile: not part of the measure.
        const fs::path warmUp = folder / "echauffement.csv";
        std::ofstream(warmUp) << "a;b\n1;2\n";
        Capture(command.substr(0, command.find(" --outdir")) + " --outdir '" + out.string() + "' '" + warmUp.string() +
                    "'",
                ignored);
        bool converted = false;
        const double baseline = bench::Seconds([&] { converted = Capture(command, ignored); });
        const int baselinePages = converted ? PageCount(out / "rapport.pdf") : 0;
        if (baselinePages > 0) {
            bench::Report("report_pdf_pages_per_s", rate, "libreoffice_xlsx_to_pdf", baselinePages / baseline,
                          "pages/s", true);
            bench::Report("report_pdf_same_data", seconds, "libreoffice_xlsx_to_pdf", baseline, "s", false);
        } else {
            std::printf("note: report_pdf: LibreOffice failed to convert the workbook: no comparison line\n");
        }
    }
    fs::remove_all(folder);
    return 0;
}
