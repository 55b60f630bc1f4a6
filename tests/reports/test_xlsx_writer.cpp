// The report workbook writer, read back by a real XLSX reader (openpyxl) and by unzipping the
// file — never trusted by itself: sheets and their names, headers, frozen panes, autofilters,
// numbers that are numbers, dates that are dates, text that never turns into a formula, native
// charts over their data, the « Paramètres » sheet, a streamed table of 200,000 rows in flat
// memory, Excel's row limit, and cancellation leaving nothing behind.

#include "core/errors.h"
#include "reports/xlsx_writer.h"
#include "support/backends.h"
#include "test_xlsx_readback.h"

#include <boost/test/unit_test.hpp>

#include <clocale>
#include <filesystem>
#include <fstream>
#include <sys/resource.h>

using namespace concerto;
using namespace concerto::report;

namespace {

Row DataRow(std::vector<Value> cells, RowKind kind = RowKind::Data)
{
    return Row{kind, std::move(cells)};
}

/// A small document with one of every block the workbook shows (and some it skips).
Document SampleDocument()
{
    Document doc;
    doc.info.title = "Rapport d'essai";
    doc.info.subtitle = "Pour les tests";
    doc.info.definitionName = "essai";
    doc.info.parameters = {{"Consultation", "Budget participatif 2024"}, {"Du", "01/01/2024"}};
    doc.info.database = "sqlite:/tmp/essai.db";
    doc.info.generatedAt = *Timestamp::Parse("2024-03-05 10:20:00");

    doc.blocks.push_back(CoverBlock{"Rapport d'essai", "", "Ville", "mars 2024", ""});
    doc.blocks.push_back(ContentsBlock{});
    doc.blocks.push_back(HeadingBlock{1, "Le processus en chiffres", true});
    doc.blocks.push_back(TextBlock{{Paragraph{Paragraph::Kind::Body, {Span{"Du texte.", false, false}}}}});

    TableBlock byChannel;
    byChannel.title = "Contributions par canal";
    byChannel.note = "Source : base Concerto";
    byChannel.columns = {{"Canal", ValueType::Text, 0},   {"Contributions", ValueType::Integer, 0},
                         {"Part", ValueType::Percent, 0}, {"Moyenne", ValueType::Decimal, 0},
                         {"Première", ValueType::Date, 0}, {"Dernière", ValueType::DateTime, 0}};
    byChannel.rows = {
        DataRow({Value::Of("En ligne")}, RowKind::GroupHeader),
        DataRow({Value::Of("=1+1"), Value::Integer(1234), Value::Percent(0.25), Value::Decimal(2.5),
                 Value::Day({2023, 10, 2}), Value::Instant(*Timestamp::Parse("2023-10-02 14:30:00"))}),
        DataRow({Value::Of("@SOMME(A1)"), Value::Integer(3702), Value::Percent(0.75), Value::Decimal(1.25),
                 Value::Day({2023, 9, 1}), Value::Blank()}),
        DataRow({Value::Of("Sous-total"), Value::Integer(4936)}, RowKind::Subtotal),
        DataRow({Value::Of("Total"), Value::Integer(4936), Value::Percent(1.0)}, RowKind::Total)};
    doc.blocks.push_back(byChannel);

    TableBlock cross;
    cross.title = "Engagements × quartiers : répartition/détail des contributions [2024]";
    cross.crossTable = true;
    cross.columns = {{"Engagement", ValueType::Text, 0},
                     {"Centre", ValueType::Integer, 0},
                     {"Port", ValueType::Integer, 0},
                     {"Total", ValueType::Integer, 0}};
    cross.rows = {DataRow({Value::Of("E1"), Value::Integer(3), Value::Integer(4), Value::Integer(7)}),
                  DataRow({Value::Of("E2"), Value::Integer(1), Value::Integer(0), Value::Integer(1)}),
                  DataRow({Value::Of("Total"), Value::Integer(4), Value::Integer(4), Value::Integer(8)})};
    doc.blocks.push_back(cross);

    TableBlock same = byChannel; // the same title twice: the second sheet gets " (2)"
    same.sheetName = "contributions par canal";
    same.rows.resize(2);
    doc.blocks.push_back(same);

    ChartBlock bars;
    bars.title = "Contributions par canal et position";
    bars.kind = ChartKind::StackedBar;
    bars.categories = {"En ligne", "Réunion", "Courrier"};
    bars.series = {{"Pour", {10, 20, 5}}, {"Contre", {3, 4, 1}}};
    bars.valueTitle = "Contributions";
    doc.blocks.push_back(bars);

    ChartBlock pie;
    pie.title = "Répartition par canal";
    pie.kind = ChartKind::Pie;
    pie.categories = {"En ligne", "Réunion"};
    pie.series = {{"Contributions", {75, 25}}};
    doc.blocks.push_back(pie);

    doc.blocks.push_back(HeadingBlock{2, "Ce que les habitants ont dit", true});
    doc.blocks.push_back(QuoteBlock{"=HYPERLINK(\"http://x\") « Plus d'arbres » !", "Café de quartier, Bellevue",
                                    "proposition"});
    doc.blocks.push_back(QuoteBlock{"Une deuxième citation.", "En ligne", ""});
    doc.blocks.push_back(PageBreakBlock{});
    doc.blocks.push_back(CommitmentListBlock{
        "Fait", {CommitmentEntry{"E1", "Planter des arbres", "Cent arbres", "Fait", "done", "Livré en mai"},
                 CommitmentEntry{"E2", "Ouvrir la médiathèque le dimanche", "", "Fait", "done", ""}}});
    doc.blocks.push_back(CommitmentListBlock{
        "En cours", {CommitmentEntry{"E3", "Rénover l'école", "", "En cours", "in_progress", ""}}});
    return doc;
}

/// Counts calls and asks to stop after `stopAfter` advances.
class StoppingProgress : public Progress {
public:
    explicit StoppingProgress(int stopAfter) : m_stopAfter(stopAfter) {}
    void Begin(const std::string&, std::uint64_t) override {}
    void Advance(std::uint64_t) override { ++m_advances; }
    bool IsCancelled() const override { return m_advances >= m_stopAfter; }

private:
    int m_stopAfter;
    int m_advances = 0;
};

/// A listing of `count` rows of five typed columns, produced one row at a time.
TableBlock StreamedTable(std::uint64_t count)
{
    TableBlock table;
    table.title = "Toutes les contributions";
    table.columns = {{"N°", ValueType::Integer, 8},
                     {"Reçue le", ValueType::DateTime, 0},
                     {"Quartier", ValueType::Text, 0},
                     {"Texte", ValueType::Text, 60},
                     {"Note", ValueType::Decimal, 0}};
    table.stream = [count](const std::function<void(const Row&)>& sink) {
        Row row;
        const Timestamp start = *Timestamp::Parse("2023-09-01 08:00:00");
        for (std::uint64_t i = 1; i <= count; ++i) {
            row.cells = {Value::Integer(static_cast<long long>(i)),
                         Value::Instant(Timestamp{start.seconds + static_cast<std::int64_t>(i) * 60}),
                         Value::Of(i % 2 ? "Centre" : "Port"),
                         Value::Of("Contribution numéro " + std::to_string(i) + " : plus de bancs, moins de bruit."),
                         Value::Decimal(static_cast<double>(i % 7) / 2)};
            sink(row);
        }
    };
    return table;
}

std::vector<std::string> FilesIn(const std::string& folder)
{
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        names.push_back(entry.path().filename().string());
    return names;
}

double PeakMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

} // namespace

BOOST_AUTO_TEST_SUITE(xlsx_writer)

BOOST_AUTO_TEST_CASE(sheets_headers_types_and_formats_read_back)
{
    const std::string path = test::TempFolder() + "/rapport.xlsx";
    WriteXlsx(SampleDocument(), path);
    auto out = test::ReadXlsx(path, R"PY(
names = wb.sheetnames
say('sheets', '|'.join(names))
p = wb['Paramètres']
say('title', p['A1'].value)
pairs = {}
for r in p.iter_rows(min_row=5, values_only=True):
    if r[0] and r[1] is not None:
        pairs[r[0]] = r[1]
say('definition', pairs.get('Définition'))
say('consultation', pairs.get('Consultation'))
say('du', pairs.get('Du'))
say('generated', type(pairs.get('Généré le')).__name__)
say('database', pairs.get('Base de données'))
say('listed', '|'.join(str(r[0]) for r in p.iter_rows(min_row=5, values_only=True) if r[0] in names))
t = wb[names[1]]
say('header', '|'.join(c.value for c in t[1]))
say('headerbold', all(c.font.bold for c in t[1]))
say('freeze', t.freeze_panes)
say('filter', t.auto_filter.ref)
say('group', t['A2'].value, t['A2'].font.bold, t['B2'].fill.fgColor.rgb)
say('formula', t['A3'].data_type, t['A3'].value)
say('at', t['A4'].data_type, t['A4'].value)
say('integer', type(t['B3'].value).__name__, t['B3'].value, t['B3'].number_format)
say('percent', t['C3'].value, t['C3'].number_format)
say('decimal', t['D3'].value, t['D3'].number_format)
say('date', t['E3'].value.date().isoformat(), t['E3'].number_format)
say('datetime', type(t['F3'].value).__name__, t['F3'].number_format)
say('blank', t['F4'].value)
say('subtotal', t['A5'].font.bold, t['B5'].font.bold)
say('total', t['A6'].value, t['B6'].font.bold, t['B6'].value)
say('plain', t['B4'].font.bold)
say('width', t.column_dimensions['A'].width > 8, t.column_dimensions['B'].width < 30)
x = wb[names[2]]
say('crossfreeze', x.freeze_panes)
say('crosslabel', x['A2'].font.bold, x['B2'].font.bold, x['D2'].font.bold)
say('crosstotal', x['B4'].font.bold, x['B4'].value)
c = wb[names[4]]
say('chartdata', c['A1'].value, c['B1'].value, c['C1'].value, c['A3'].value, c['B3'].value)
say('charts', len(c._charts), len(wb[names[5]]._charts), len(t._charts))
q = wb['Citations']
say('quote', q['A2'].value, '#', q['B2'].data_type, q['B2'].value, '#', q['C2'].value, '#', q['D2'].value)
say('quotes', q.max_row)
say('wrapped', q['B2'].alignment.wrap_text, q['B2'].alignment.vertical, t['A3'].alignment.wrap_text)
e = wb['Engagements']
say('commitments', e.max_row, e['B4'].value, e['C4'].value, e['E4'].value)
)PY");
    BOOST_TEST(out["sheets"] == "Paramètres|Contributions par canal|Engagements × quartiers   répar|"
                                "contributions par canal (2)|Contributions par canal et posi|"
                                "Répartition par canal|Citations|Engagements");
    BOOST_TEST(out["title"] == "Rapport d'essai");
    BOOST_TEST(out["definition"] == "essai");
    BOOST_TEST(out["consultation"] == "Budget participatif 2024");
    BOOST_TEST(out["du"] == "01/01/2024");
    BOOST_TEST(out["generated"] == "datetime");
    BOOST_TEST(out["database"] == "sqlite:/tmp/essai.db");
    BOOST_TEST(out["listed"] == "Contributions par canal|Engagements × quartiers   répar|contributions par canal (2)|"
                                "Contributions par canal et posi|Répartition par canal|Citations|Engagements");
    BOOST_TEST(out["header"] == "Canal|Contributions|Part|Moyenne|Première|Dernière");
    BOOST_TEST(out["headerbold"] == "True");
    BOOST_TEST(out["freeze"] == "A2");
    BOOST_TEST(out["filter"] == "A1:F6");
    BOOST_TEST(out["group"] == "En ligne True FFDCE6F1");
    BOOST_TEST(out["formula"] == "s =1+1"); // a string, never a formula
    BOOST_TEST(out["at"] == "s @SOMME(A1)");
    BOOST_TEST(out["integer"] == "int 1234 #,##0");
    BOOST_TEST(out["percent"] == "0.25 0.0%");
    BOOST_TEST(out["decimal"] == "2.5 #,##0.00");
    BOOST_TEST(out["date"] == "2023-10-02 dd/mm/yyyy");
    BOOST_TEST(out["datetime"] == "datetime dd/mm/yyyy hh:mm");
    BOOST_TEST(out["blank"] == "None");
    BOOST_TEST(out["subtotal"] == "True True");
    BOOST_TEST(out["total"] == "Total True 4936");
    BOOST_TEST(out["plain"] == "False");
    BOOST_TEST(out["width"] == "True True");
    BOOST_TEST(out["crossfreeze"] == "B2");
    BOOST_TEST(out["crosslabel"] == "True False True");
    BOOST_TEST(out["crosstotal"] == "True 4");
    BOOST_TEST(out["chartdata"] == "Catégorie Pour Contre Réunion 20");
    BOOST_TEST(out["charts"] == "1 1 0");
    BOOST_TEST(out["quote"] == "Le processus en chiffres › Ce que les habitants ont dit # s =HYPERLINK(\"http://x\") "
                               "« Plus d'arbres » ! # Café de quartier, Bellevue # proposition");
    BOOST_TEST(out["quotes"] == "3");
    BOOST_TEST(out["wrapped"] == "True top None"); // quotes wrap; tables stay one line per row
    BOOST_TEST(out["commitments"] == "4 En cours E3 En cours");
}

BOOST_AUTO_TEST_CASE(charts_are_native_and_reference_their_cells)
{
    const std::string path = test::TempFolder() + "/graphiques.xlsx";
    WriteXlsx(SampleDocument(), path);
    auto out = test::ReadXlsx(path, R"PY(
import zipfile
z = zipfile.ZipFile(path)
charts = sorted(n for n in z.namelist() if n.startswith('xl/charts/chart'))
say('files', '|'.join(charts))
one = z.read('xl/charts/chart1.xml').decode()
two = z.read('xl/charts/chart2.xml').decode()
say('bar', '<c:barChart>' in one, '<c:barDir val="bar"/>' in one, '<c:grouping val="stacked"/>' in one)
say('refs', "'Contributions par canal et posi'!$B$2:$B$4" in one, "'Contributions par canal et posi'!$A$2:$A$4" in one)
say('pie', '<c:pieChart>' in two, "'Répartition par canal'!$B$2:$B$3" in two)
say('title', 'Contributions' in one.split('<c:valAx>')[1])
)PY");
    BOOST_TEST(out["files"] == "xl/charts/chart1.xml|xl/charts/chart2.xml");
    BOOST_TEST(out["bar"] == "True True True");
    BOOST_TEST(out["refs"] == "True True");
    BOOST_TEST(out["pie"] == "True True");
    BOOST_TEST(out["title"] == "True"); // the value title sits on the value axis
}

BOOST_AUTO_TEST_CASE(numbers_stay_numbers_under_a_french_numeric_locale)
{
    const std::string path = test::TempFolder() + "/locale.xlsx";
    const char* previous = std::setlocale(LC_NUMERIC, nullptr);
    const std::string saved = previous ? previous : "C";
    if (!std::setlocale(LC_NUMERIC, "fr_FR.UTF-8"))
        BOOST_TEST_MESSAGE("fr_FR.UTF-8 is not installed: the locale guard is not exercised");
    Document doc;
    TableBlock table;
    table.title = "Moyennes";
    table.columns = {{"Moyenne", ValueType::Decimal, 0}};
    table.rows = {DataRow({Value::Decimal(1.5)}), DataRow({Value::Decimal(-1234.25)})};
    doc.blocks.push_back(table);
    WriteXlsx(doc, path);
    std::setlocale(LC_NUMERIC, saved.c_str());
    auto out = test::ReadXlsx(path, "t = wb['Moyennes']\nsay('values', t['A2'].value, t['A3'].value)\n");
    BOOST_TEST(out["values"] == "1.5 -1234.25");
}

BOOST_AUTO_TEST_CASE(a_streamed_table_of_200000_rows_in_flat_memory)
{
    const std::string path = test::TempFolder() + "/gros.xlsx";
    Document doc;
    doc.info.title = "Export";
    // Warm up (allocator, libxlsxwriter's first workbook), then measure the growth of the peak.
    doc.blocks = {StreamedTable(1000)};
    WriteXlsx(doc, path);
    const double before = PeakMiB();
    doc.blocks = {StreamedTable(200000)};
    WriteXlsx(doc, path);
    const double growth = PeakMiB() - before;
    BOOST_TEST_MESSAGE("peak memory growth for 200,000 rows: " << growth << " MiB");
    BOOST_TEST(growth < 30.0); // the rows held in memory would take well over 100 MiB

    auto out = test::ReadXlsx(path, R"PY(
t = wb['Toutes les contributions']
say('dims', t.max_row, t.max_column)
last = None
count = 0
for r in t.iter_rows(min_row=2, values_only=True):
    count += 1
    last = r
say('count', count)
say('last', last[0], last[2], last[4])
say('lasttext', last[3])
)PY",
                                  true);
    BOOST_TEST(out["dims"] == "200001 5");
    BOOST_TEST(out["count"] == "200000");
    BOOST_TEST(out["last"] == "200000 Port 1.5");
    BOOST_TEST(out["lasttext"] == "Contribution numéro 200000 : plus de bancs, moins de bruit.");
}

BOOST_AUTO_TEST_CASE(cancelling_leaves_nothing_behind)
{
    const std::string folder = test::TempFolder() + "/annule";
    std::filesystem::create_directories(folder);
    const std::string path = folder + "/export.xlsx";
    std::ofstream(path) << "previous";
    Document doc;
    doc.blocks = {StreamedTable(100000)};
    StoppingProgress progress(20);
    BOOST_CHECK_THROW(WriteXlsx(doc, path, &progress), CancelledError);
    // The previous file is untouched, and no temporary file is left.
    BOOST_TEST(FilesIn(folder) == std::vector<std::string>{"export.xlsx"}, boost::test_tools::per_element());
    std::ifstream in(path);
    std::string content;
    in >> content;
    BOOST_TEST(content == "previous");
}

BOOST_AUTO_TEST_CASE(errors_are_clear_and_leave_no_file)
{
    const std::string folder = test::TempFolder() + "/erreurs";
    std::filesystem::create_directories(folder);
    Document doc = SampleDocument();
    BOOST_CHECK_THROW(WriteXlsx(doc, folder + "/no/such/folder/x.xlsx"), Error);

    TableBlock empty;
    empty.title = "Sans colonnes";
    doc.blocks = {empty};
    try {
        WriteXlsx(doc, folder + "/vide.xlsx");
        BOOST_FAIL("a table without columns must be refused");
    } catch (const ValidationError& error) {
        BOOST_TEST(std::string(error.what()).find("Sans colonnes") != std::string::npos);
    }
    BOOST_TEST(FilesIn(folder).empty());
}

BOOST_AUTO_TEST_CASE(excel_row_limit_is_a_validation_error)
{
    const std::string folder = test::TempFolder() + "/limite";
    std::filesystem::create_directories(folder);
    Document doc;
    TableBlock table;
    table.title = "Trop long";
    table.columns = {{"N", ValueType::Integer, 8}};
    table.stream = [](const std::function<void(const Row&)>& sink) {
        Row row{RowKind::Data, {Value::Integer(1)}};
        for (std::size_t i = 0; i <= 1048575; ++i)
            sink(row);
    };
    doc.blocks = {table};
    try {
        WriteXlsx(doc, folder + "/trop.xlsx");
        BOOST_FAIL("more rows than Excel holds must be refused");
    } catch (const ValidationError& error) {
        const std::string message = error.what();
        BOOST_TEST(message.find("Trop long") != std::string::npos);
        BOOST_TEST(message.find("1 048 576") != std::string::npos);
    }
    BOOST_TEST(FilesIn(folder).empty());
}

BOOST_AUTO_TEST_SUITE_END()
