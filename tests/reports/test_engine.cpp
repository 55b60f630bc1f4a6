// The report engine on a small demo consultation, on SQLite and on PostgreSQL: the figures of
// every table, cross-table, chart and text equal the same counts computed by SQL here.

#include "db/demo.h"
#include "db/report_queries.h"
#include "db/repositories.h"
#include "reports/datasets.h"
#include "reports/engine.h"
#include "support/backends.h"

#include <boost/test/unit_test.hpp>
#include <map>

using namespace concerto;
using namespace concerto::report;

namespace {

Definition Parse(const std::string& text)
{
    ParseResult result = ParseDefinition(text, "test.toml");
    std::string problems;
    for (const auto& d : result.diagnostics)
        problems += d.ToString() + "\n";
    BOOST_REQUIRE_MESSAGE(result.definition, problems);
    return *result.definition;
}

std::string Demo(Database& db)
{
    SilentProgress progress;
    DemoOptions options;
    options.contributions = 600;
    return GenerateDemo(db, options, progress);
}

long long Count(Database& db, const std::string& sql, const Params& params = {})
{
    long long n = -1;
    QueryRows(db, sql, params, [&](const soci::row& row) { n = Cell::Integer(row, 0); });
    return n;
}

// label → count, from a two-column SQL statement.
std::map<std::string, long long> Counts(Database& db, const std::string& sql, const Params& params = {})
{
    std::map<std::string, long long> counts;
    QueryRows(db, sql, params, [&](const soci::row& row) { counts[Cell::Text(row, 0)] = Cell::Integer(row, 1); });
    return counts;
}

template <class T> std::vector<const T*> BlocksOf(const Document& doc)
{
    std::vector<const T*> found;
    for (const auto& block : doc.blocks)
        if (const T* b = std::get_if<T>(&block))
            found.push_back(b);
    return found;
}

const TableBlock& TableTitled(const Document& doc, const std::string& title)
{
    for (const TableBlock* table : BlocksOf<TableBlock>(doc))
        if (table->title == title)
            return *table;
    BOOST_FAIL("no table titled " << title);
    throw std::logic_error("unreachable");
}

std::vector<Row> Pull(const TableBlock& table)
{
    if (!table.stream)
        return table.rows;
    std::vector<Row> rows;
    table.stream([&](const Row& row) { rows.push_back(row); });
    return rows;
}

std::string TextOf(const TextBlock& text)
{
    std::string all;
    for (const auto& p : text.paragraphs)
        for (const auto& span : p.spans)
            all += span.text;
    return all;
}

const char* const kNotExcluded = "c.state <> 'excluded'";

void RunOrFail(Database& db, const reportdb::DatasetQuery& query)
{
    try {
        reportdb::Run(db, query, [](const reportdb::QueryRow&) {});
    } catch (const Error& e) {
        BOOST_ERROR(e.what() << " " << e.Detail());
    }
}

} // namespace

BACKEND_TEST(tables_and_crosstables_equal_sql_counts)
{
    const std::string consultation = Demo(db);
    const Definition def = Parse(R"(title = "Essai"
[[sections]]
kind = "table"
title = "Par canal"
dataset = "contributions"
columns = ["channel", "count", "percent"]
totals = true
[[sections]]
kind = "crosstable"
title = "Engagements × positions"
dataset = "tags"
rows = "commitment"
columns = "stance"
measure = "contributions"
[[sections]]
kind = "table"
title = "Par thème et engagement"
dataset = "tags"
columns = ["theme", "commitment_ref", "contributions"]
group_by = "theme"
totals = true
[[sections]]
kind = "chart"
chart = "bar"
title = "Par quartier"
dataset = "contributions"
category = "neighbourhood"
[[sections]]
kind = "text"
text = "{count:contributions} / {count:meetings} / {sum:meetings.attendance} / {distinct:tags.contribution}"
)");
    const Document doc = BuildDocument(db, def, {});

    // Contributions per channel, the total and the percentages.
    const auto perChannel =
        Counts(db, std::string("SELECT ch.name, COUNT(*) FROM contribution c JOIN channel ch ON ch.id = "
                               "c.channel_id WHERE ") +
                       kNotExcluded + " GROUP BY ch.name");
    const long long all = Count(db, std::string("SELECT COUNT(*) FROM contribution c WHERE ") + kNotExcluded);
    const TableBlock& channels = TableTitled(doc, "Par canal");
    BOOST_REQUIRE(!channels.rows.empty());
    long long seen = 0;
    for (const Row& row : channels.rows) {
        if (row.kind == RowKind::Total) {
            BOOST_TEST(row.cells[1].number == all);
            BOOST_TEST(row.cells[2].number == 1.0);
            continue;
        }
        BOOST_TEST(row.cells[1].number == perChannel.at(row.cells[0].text), row.cells[0].text);
        BOOST_TEST(row.cells[2].number == double(perChannel.at(row.cells[0].text)) / all,
                   boost::test_tools::tolerance(1e-9));
        seen += static_cast<long long>(row.cells[1].number);
    }
    BOOST_TEST(seen == all);

    // Commitment × stance: distinct contributions per cell; the row total counts a contribution once.
    const TableBlock& cross = TableTitled(doc, "Engagements × positions");
    BOOST_TEST(cross.crossTable);
    BOOST_REQUIRE(cross.columns.size() == 7u); // label, five stances, total
    BOOST_TEST(cross.columns[1].title == "Soutien");
    const std::string cellSql =
        std::string("SELECT cm.ref || ' — ' || cm.title || '|' || t.stance, COUNT(DISTINCT "
                    "t.contribution_id) FROM tag t JOIN contribution c ON c.id = t.contribution_id "
                    "JOIN commitment cm ON cm.id = t.commitment_id WHERE ") +
        kNotExcluded + " GROUP BY cm.ref, cm.title, t.stance";
    const auto cells = Counts(db, cellSql);
    const auto rowTotals =
        Counts(db, std::string("SELECT cm.ref || ' — ' || cm.title, COUNT(DISTINCT t.contribution_id) "
                               "FROM tag t JOIN contribution c ON c.id = t.contribution_id JOIN "
                               "commitment cm ON cm.id = t.commitment_id WHERE ") +
                       kNotExcluded + " GROUP BY cm.ref, cm.title");
    const char* const stances[] = {"support", "criticism", "proposal", "question", "observation"};
    std::size_t commitmentRows = 0;
    for (const Row& row : cross.rows) {
        if (row.kind == RowKind::Total) {
            BOOST_TEST(
                row.cells.back().number ==
                Count(db, std::string("SELECT COUNT(DISTINCT t.contribution_id) FROM tag t JOIN contribution c ON "
                                      "c.id = t.contribution_id WHERE ") +
                              kNotExcluded));
            continue;
        }
        if (row.cells[0].text == "Thème seul")
            continue;
        ++commitmentRows;
        for (int s = 0; s < 5; ++s) {
            const auto found = cells.find(row.cells[0].text + "|" + stances[s]);
            BOOST_TEST(row.cells[1 + s].number == (found == cells.end() ? 0 : found->second), row.cells[0].text);
        }
        const auto total = rowTotals.find(row.cells[0].text);
        BOOST_TEST(row.cells.back().number == (total == rowTotals.end() ? 0 : total->second), row.cells[0].text);
    }
    // Every commitment is listed, even those nobody spoke about.
    BOOST_TEST(commitmentRows == static_cast<std::size_t>(Count(db, "SELECT COUNT(*) FROM commitment")));

    // Grouped table: a subtotal per theme equal to the theme's distinct contributions.
    const TableBlock& grouped = TableTitled(doc, "Par thème et engagement");
    const auto perTheme =
        Counts(db, std::string("SELECT th.title, COUNT(DISTINCT t.contribution_id) FROM tag t JOIN "
                               "contribution c ON c.id = t.contribution_id LEFT JOIN commitment cm ON "
                               "cm.id = t.commitment_id JOIN theme th ON th.id = COALESCE(t.theme_id, "
                               "cm.theme_id) WHERE ") +
                       kNotExcluded + " GROUP BY th.title");
    std::string currentTheme;
    int subtotals = 0;
    for (const Row& row : grouped.rows) {
        if (row.kind == RowKind::GroupHeader)
            currentTheme = row.cells[0].text;
        if (row.kind == RowKind::Subtotal) {
            BOOST_TEST(row.cells[2].number == perTheme.at(currentTheme), currentTheme);
            ++subtotals;
        }
    }
    BOOST_TEST(subtotals == static_cast<int>(perTheme.size()));

    // The chart: one bar per neighbourhood with contributions, values as in the database.
    const auto charts = BlocksOf<ChartBlock>(doc);
    BOOST_REQUIRE(charts.size() == 1u);
    const auto perNeighbourhood = Counts(db, std::string("SELECT COALESCE(n.name, 'Non renseigné'), COUNT(*) FROM "
                                                         "contribution c LEFT JOIN neighbourhood n ON n.id = "
                                                         "c.neighbourhood_id WHERE ") +
                                                 kNotExcluded + " GROUP BY COALESCE(n.name, 'Non renseigné')");
    BOOST_REQUIRE(charts[0]->series.size() == 1u);
    BOOST_TEST(charts[0]->categories.size() == perNeighbourhood.size());
    for (std::size_t i = 0; i < charts[0]->categories.size(); ++i)
        BOOST_TEST(charts[0]->series[0].values[i] == perNeighbourhood.at(charts[0]->categories[i]));

    // Figures in text.
    const auto texts = BlocksOf<TextBlock>(doc);
    BOOST_REQUIRE(texts.size() == 1u);
    const std::string expected =
        std::to_string(all) + " / " + std::to_string(Count(db, "SELECT COUNT(*) FROM meeting")) + " / " +
        std::to_string(Count(db, "SELECT SUM(attendance) FROM meeting")) + " / " +
        std::to_string(Count(db, std::string("SELECT COUNT(DISTINCT t.contribution_id) FROM tag t JOIN contribution c "
                                             "ON c.id = t.contribution_id WHERE ") +
                                     kNotExcluded));
    std::string figures = TextOf(*texts[0]);
    for (const std::string nnbsp : {"\u202f", "\u00a0"})
        for (std::size_t at; (at = figures.find(nnbsp)) != std::string::npos;)
            figures.erase(at, nnbsp.size());
    BOOST_TEST(figures == expected);
    BOOST_TEST(doc.info.parameters.front().second == kDemoConsultationTitle);
}

BACKEND_TEST(parameters_filter_and_listings_stream)
{
    Demo(db);
    const Definition def = Parse(R"(title = "Essai"
[parameters.quartiers]
type = "neighbourhoods"
[parameters.du]
type = "date"
[parameters.au]
type = "date"
[filters]
neighbourhood = "{quartiers}"
date = { from = "{du}", to = "{au}" }
[[sections]]
kind = "table"
title = "Liste"
dataset = "contributions"
columns = ["number", "received_at", "channel", "neighbourhood", "commitments", "is_quote"]
totals = true
[[sections]]
kind = "repeat"
over = "neighbourhoods"
as = "quartier"
skip_empty = true
  [[sections.sections]]
  kind = "text"
  text = "{quartier.code}={count:contributions}"
)");
    ParameterValues values;
    values.Set("quartiers", "centre, Ivry-Port");
    values.Set("du", "2023-10-01");
    values.Set("au", "31/10/2023");
    const Document doc = BuildDocument(db, def, values);
    const std::string where = std::string(kNotExcluded) +
                              " AND n.code IN ('centre', 'port') AND c.received_at >= '2023-10-01 00:00:00' AND "
                              "c.received_at < '2023-11-01 00:00:00'";
    const long long expected = Count(
        db, "SELECT COUNT(*) FROM contribution c JOIN neighbourhood n ON n.id = c.neighbourhood_id WHERE " + where);
    BOOST_TEST(expected > 0);
    const TableBlock& list = TableTitled(doc, "Liste");
    BOOST_REQUIRE(static_cast<bool>(list.stream)); // a listing is streamed
    const auto rows = Pull(list);
    BOOST_REQUIRE(!rows.empty());
    BOOST_TEST(rows.size() == static_cast<std::size_t>(expected) + 1); // + the total row
    BOOST_TEST((rows.back().kind == RowKind::Total));
    BOOST_TEST(Pull(list).size() == rows.size()); // a stream can be pulled again
    BOOST_TEST((list.columns[1].type == ValueType::DateTime));
    for (std::size_t i = 0; i + 1 < rows.size(); ++i) {
        BOOST_TEST((rows[i].cells[3].text == "Centre-ville" || rows[i].cells[3].text == "Ivry-Port"));
        const std::string received = rows[i].cells[1].instant.ToIso();
        BOOST_TEST((received >= std::string("2023-10-01") && received < std::string("2023-11-01")), received);
    }
    // The repeat goes over the chosen neighbourhoods only, each narrowed to itself.
    const auto texts = BlocksOf<TextBlock>(doc);
    BOOST_REQUIRE(texts.size() == 2u);
    const long long centre =
        Count(db, "SELECT COUNT(*) FROM contribution c JOIN neighbourhood n ON n.id = c.neighbourhood_id WHERE " +
                      where + " AND n.code = 'centre'");
    BOOST_TEST(TextOf(*texts[0]).find("centre=") == 0u);
    BOOST_TEST(doc.info.parameters.size() == 4u);
    BOOST_TEST(doc.info.parameters[1].second == "Centre-ville, Ivry-Port");
    std::string first = TextOf(*texts[0]);
    for (std::size_t at; (at = first.find("\u202f")) != std::string::npos;)
        first.erase(at, 3);
    BOOST_TEST(first == "centre=" + std::to_string(centre));

    // A bad value names its parameter.
    ParameterValues bad;
    bad.Set("quartiers", "atlantide");
    BOOST_CHECK_EXCEPTION(BuildDocument(db, def, bad), ValidationError, [](const ValidationError& e) {
        return std::string(e.what()).find("quartiers") != std::string::npos &&
               std::string(e.what()).find("atlantide") != std::string::npos;
    });
    ParameterValues badDate;
    badDate.Set("du", "31/02/2023");
    BOOST_CHECK_THROW(CheckParameterValues(db, def, badDate), ValidationError);
    ParameterValues unknown;
    unknown.Set("quartier", "centre");
    BOOST_CHECK_THROW(BuildDocument(db, def, unknown), ValidationError);
}

BACKEND_TEST(booklet_quotes_and_statuses_at_a_date)
{
    const std::string consultation = Demo(db);
    const Definition def = Parse(R"(title = "Essai"
[parameters.date]
type = "date"
default = "2022-01-01"
[[sections]]
kind = "booklet"
group_by = "status"
at = "{date}"
[[sections]]
kind = "quotes"
per = "theme"
max = 3
min_length = 20
)");
    const Document doc = BuildDocument(db, def, {});
    CommitmentRepository commitments(db);
    const auto statuses = commitments.StatusAt(consultation, Date{2022, 1, 1});
    std::map<std::string, std::size_t> expected;
    for (const auto& [id, status] : statuses)
        ++expected[ToCode(status)];
    std::size_t listed = 0;
    for (const CommitmentListBlock* block : BlocksOf<CommitmentListBlock>(doc)) {
        BOOST_REQUIRE(!block->entries.empty());
        const std::string code = block->entries.front().statusCode;
        BOOST_TEST(block->entries.size() == expected[code], code);
        for (const auto& entry : block->entries)
            BOOST_TEST(entry.statusCode == code);
        listed += block->entries.size();
    }
    BOOST_TEST(listed == statuses.size()); // commitments born later are not listed
    const auto quotes = BlocksOf<QuoteBlock>(doc);
    BOOST_TEST(!quotes.empty());
    BOOST_TEST(quotes.size() <= 3u * 8u);
    for (const QuoteBlock* quote : quotes) {
        BOOST_TEST(quote->text.find('@') == std::string::npos);
        BOOST_TEST(!quote->source.empty());
        BOOST_TEST(!quote->stance.empty());
    }
}

BACKEND_TEST(streams_read_through_a_cursor)
{
    Demo(db);
    reportdb::DatasetQuery query;
    query.dataset = "contributions";
    query.consultationId = reportdb::LatestConsultation(db);
    query.includeExcluded = true;
    query.columns = {{"number", reportdb::Aggregate::None}, {"commitments", reportdb::Aggregate::None}};
    long long streamed = 0, previous = -1;
    bool ordered = true;
    reportdb::Stream(db, query, [&](const reportdb::QueryRow& row) {
        ++streamed;
        ordered = ordered && row[0].integer != previous;
        previous = row[0].integer;
    });
    BOOST_TEST(ordered);
    BOOST_TEST(streamed == Count(db, "SELECT COUNT(*) FROM contribution"));
    // Twice in a row, and inside a transaction of the caller's.
    db.InTransaction([&] {
        long long again = 0;
        reportdb::Stream(db, query, [&](const reportdb::QueryRow&) { ++again; });
        BOOST_TEST(again == streamed);
    });
}

BACKEND_TEST(every_shipped_definition_builds)
{
    Demo(db);
    for (const auto& shipped : ShippedDefinitions()) {
        const Definition def = Parse(shipped.text);
        for (const std::string format : {"pdf", "xlsx"}) {
            if (!def.Allows(format))
                continue;
            ParameterValues values;
            values.format = format;
            const Document doc = BuildDocument(db, def, values);
            std::size_t blocks = 0, rows = 0;
            for (const auto& block : doc.blocks) {
                ++blocks;
                if (const TableBlock* table = std::get_if<TableBlock>(&block))
                    rows += Pull(*table).size();
            }
            BOOST_TEST(blocks > 0u, shipped.name);
            BOOST_TEST(rows > 0u, shipped.name);
        }
    }
}

BACKEND_TEST(every_dataset_field_can_be_read_grouped_and_filtered)
{
    // Each field of the catalogue, alone and as a grouping, on both backends: no SQL the
    // catalogue writes may fail on either dialect.
    const std::string consultation = Demo(db);
    for (const auto& dataset : Datasets()) {
        for (const auto& field : dataset.fields) {
            for (const bool at : {false, true}) {
                BOOST_TEST_CONTEXT(dataset.name << "." << field.name << (at ? " (at a date)" : ""))
                {
                    reportdb::DatasetQuery query;
                    query.dataset = dataset.name;
                    query.consultationId = consultation;
                    if (at)
                        query.statusAt = Date{2023, 6, 1};
                    query.columns = {{field.name, reportdb::Aggregate::None}};
                    long long n = 0;
                    BOOST_CHECK_NO_THROW(reportdb::Run(db, query, [&](const reportdb::QueryRow&) { ++n; }));
                    query.columns.push_back({"", reportdb::Aggregate::Count});
                    RunOrFail(db, query);
                    query.sort = {{1, true}};
                    query.limit = 3;
                    RunOrFail(db, query);
                    BOOST_TEST(n >= 0);
                }
            }
        }
    }
    // A range on a timestamp, a NOT IN on a dimension and a minimum length, together.
    reportdb::DatasetQuery query;
    query.dataset = "tags";
    query.consultationId = consultation;
    query.columns = {{"contribution", reportdb::Aggregate::Distinct}};
    reportdb::FieldFilter range{"date", reportdb::FieldFilter::Op::Range, {}, "2023-10-01", "2023-10-31", 0};
    reportdb::FieldFilter stance{"stance", reportdb::FieldFilter::Op::NotIn, {"support"}, "", "", 0};
    reportdb::FieldFilter length{"body", reportdb::FieldFilter::Op::MinLength, {}, "", "", 100};
    query.filters = {range, stance, length};
    long long distinct = -1;
    reportdb::Run(db, query, [&](const reportdb::QueryRow& row) { distinct = row[0].integer; });
    BOOST_TEST(distinct == Count(db,
                                 "SELECT COUNT(DISTINCT t.contribution_id) FROM tag t JOIN contribution c ON c.id = "
                                 "t.contribution_id WHERE c.state <> 'excluded' AND t.stance <> 'support' AND "
                                 "LENGTH(c.body) >= 100 AND c.received_at >= '2023-10-01 00:00:00' AND "
                                 "c.received_at < '2023-11-01 00:00:00'"));
}

BOOST_AUTO_TEST_SUITE(engine)

BOOST_AUTO_TEST_CASE(cancelling_stops_the_build)
{
    class Cancelled final : public Progress {
    public:
        void Begin(const std::string&, std::uint64_t) override {}
        void Advance(std::uint64_t) override {}
        bool IsCancelled() const override { return true; }
    };
    auto db = test::FreshDatabase(Backend::Sqlite);
    Demo(*db);
    Cancelled cancelled;
    const auto found = LoadDefinition("livrable-2024");
    BOOST_CHECK_THROW(BuildDocument(*db, *found.definition, {}, &cancelled), CancelledError);
}

BOOST_AUTO_TEST_CASE(an_empty_database_says_what_to_do)
{
    auto db = test::FreshDatabase(Backend::Sqlite);
    const auto found = LoadDefinition("livret-engagements");
    BOOST_CHECK_EXCEPTION(BuildDocument(*db, *found.definition, {}), ValidationError, [](const ValidationError& e) {
        return std::string(e.what()).find("aucune consultation") != std::string::npos;
    });
}

BOOST_AUTO_TEST_CASE(parameter_descriptions_and_choices_feed_the_form)
{
    auto db = test::FreshDatabase(Backend::Sqlite);
    Demo(*db);
    const Definition def = *LoadDefinition("synthese-quartier").definition;
    const auto infos = DescribeParameters(def);
    BOOST_REQUIRE(infos.size() == 4u);
    BOOST_TEST(infos[0].name == "consultation");
    BOOST_TEST(infos[1].name == "quartiers");
    BOOST_TEST(infos[1].multiple);
    BOOST_TEST(infos[1].hasChoices);
    BOOST_TEST(!infos[2].hasChoices);
    const auto choices = ParameterChoices(*db, def, "quartiers");
    BOOST_REQUIRE(choices.size() == 8u);
    BOOST_TEST(choices[0].value == "centre");
    BOOST_TEST(choices[0].label == "Centre-ville");
    BOOST_TEST(ParameterChoices(*db, def, "consultation").size() == 1u);
    BOOST_CHECK_THROW(ParameterChoices(*db, def, "inconnu"), NotFoundError);
}

BOOST_AUTO_TEST_CASE(markup_anonymising_and_shortening)
{
    auto db = test::FreshDatabase(Backend::Sqlite);
    Demo(*db);
    const Definition def = Parse(R"(title = "Essai"
[[sections]]
kind = "text"
text = """
Un **gras** et un *italique* : "cité".
Suite du paragraphe.

- premier
- second
1. un
2) deux

Accolades : {{x}}.
"""
)");
    const Document doc = BuildDocument(*db, def, {});
    const auto texts = BlocksOf<TextBlock>(doc);
    BOOST_REQUIRE(texts.size() == 1u);
    const auto& paragraphs = texts[0]->paragraphs;
    BOOST_REQUIRE(paragraphs.size() == 6u);
    BOOST_TEST((paragraphs[0].kind == Paragraph::Kind::Body));
    BOOST_TEST(paragraphs[0].spans[1].text == "gras");
    BOOST_TEST(paragraphs[0].spans[1].bold);
    BOOST_TEST(paragraphs[0].spans[3].italic);
    BOOST_TEST(TextOf(*texts[0]).find("«\u00a0cité\u00a0»") != std::string::npos);
    BOOST_TEST(TextOf(*texts[0]).find("Suite du paragraphe") != std::string::npos);
    BOOST_TEST((paragraphs[1].kind == Paragraph::Kind::Bullet));
    BOOST_TEST((paragraphs[3].kind == Paragraph::Kind::Numbered));
    BOOST_TEST((paragraphs[4].kind == Paragraph::Kind::Numbered));
    BOOST_TEST(TextOf(*texts[0]).find("{x}") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
