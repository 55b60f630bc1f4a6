#include "db/export.h"

#include "core/errors.h"
#include "core/personal_data.h"
#include "db/export_sink.h"
#include "db/repositories.h"

#include <functional>

namespace concerto {

namespace {

using exporting::TableSink;

/// Rows between two progress reports and cancel checks.
constexpr std::uint64_t kProgressStep = 500;

/// Counts rows and reports them to `progress` every kProgressStep; throws CancelledError when asked to stop.
class RowCounter {
public:
    explicit RowCounter(Progress& progress) : m_progress(progress) {}
    void Done()
    {
        if (++m_rows % kProgressStep != 0)
            return;
        if (m_progress.IsCancelled())
            throw CancelledError();
        m_progress.Advance(m_rows);
    }
    std::uint64_t Rows() const { return m_rows; }

private:
    Progress& m_progress;
    std::uint64_t m_rows = 0;
};

long long CountRows(Database& db, const std::string& table, const std::string& consultationId)
{
    long long count = 0;
    QueryRows(db, "SELECT COUNT(*) FROM " + table + " c WHERE c.consultation_id = :consultation",
              {{"consultation", consultationId}}, [&](const soci::row& row) { count = Cell::Integer(row, 0); });
    return count;
}

void ExportCommitments(Database& db, const std::string& consultationId, TableSink& sink, RowCounter& counter)
{
    const std::string sql = "SELECT c.ref, t.code, c.title, c.description, c.status "
                            "FROM commitment c JOIN theme t ON t.id = c.theme_id "
                            "WHERE c.consultation_id = :consultation ORDER BY t.position, c.position, c.ref";
    std::vector<std::string> cells(5);
    QueryRows(db, sql, {{"consultation", consultationId}}, [&](const soci::row& row) {
        for (std::size_t i = 0; i < 4; ++i)
            cells[i] = Cell::Text(row, i);
        CommitmentStatus status = CommitmentStatus::Planned;
        FromCode(Cell::Text(row, 4), status);
        cells[4] = FrenchName(status);
        sink.Row(cells, "l'engagement « " + cells[0] + " »");
        counter.Done();
    });
}

void ExportMeetings(Database& db, const std::string& consultationId, TableSink& sink, RowCounter& counter)
{
    const std::string sql = "SELECT m.ref, ch.code, m.title, m.starts_at, m.place, n.code, m.attendance "
                            "FROM meeting m JOIN channel ch ON ch.id = m.channel_id "
                            "LEFT JOIN neighbourhood n ON n.id = m.neighbourhood_id "
                            "WHERE m.consultation_id = :consultation ORDER BY m.starts_at, m.ref";
    std::vector<std::string> cells(7);
    QueryRows(db, sql, {{"consultation", consultationId}}, [&](const soci::row& row) {
        cells[0] = Cell::Text(row, 0);
        cells[1] = Cell::Text(row, 1);
        cells[2] = Cell::Text(row, 2);
        cells[3] = FormatImportInstant(Cell::Instant(row, 3));
        cells[4] = Cell::Text(row, 4);
        cells[5] = Cell::Text(row, 5);
        cells[6] = Cell::IsNull(row, 6) ? std::string() : std::to_string(Cell::Integer(row, 6));
        sink.Row(cells, "la rencontre « " + cells[0] + " »");
        counter.Done();
    });
}

/// One query, in one ordered pass: each contribution's row (part 0) followed by its tags (part 1)
/// and its labels (part 2), so that memory holds one contribution whatever the consultation's size.
const char* const kContributionSql =
    "SELECT c.received_at, CAST(c.id AS text), 0, COALESCE(NULLIF(c.source_ref, ''), CAST(c.id AS text)), "
    "  ch.code, m.ref, n.code, cd.code, c.profile, c.title, c.body, "
    "  CASE WHEN c.is_quote THEN 'oui' ELSE 'non' END "
    "FROM contribution c JOIN channel ch ON ch.id = c.channel_id "
    "LEFT JOIN meeting m ON m.id = c.meeting_id LEFT JOIN neighbourhood n ON n.id = c.neighbourhood_id "
    "LEFT JOIN card cd ON cd.id = c.card_id "
    "WHERE c.consultation_id = :consultation "
    "UNION ALL "
    "SELECT c.received_at, CAST(c.id AS text), 1, COALESCE(cm.ref, th.code), tg.stance, "
    "  NULL, NULL, NULL, NULL, NULL, NULL, NULL "
    "FROM tag tg JOIN contribution c ON c.id = tg.contribution_id "
    "LEFT JOIN commitment cm ON cm.id = tg.commitment_id LEFT JOIN theme th ON th.id = tg.theme_id "
    "WHERE c.consultation_id = :consultation "
    "UNION ALL "
    "SELECT c.received_at, CAST(c.id AS text), 2, l.name, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL "
    "FROM contribution_label cl JOIN contribution c ON c.id = cl.contribution_id "
    "JOIN label l ON l.id = cl.label_id "
    "WHERE c.consultation_id = :consultation "
    "ORDER BY 1, 2, 3, 4, 5";

/// Assembles the rows of kContributionSql into native contribution rows.
class ContributionRows {
public:
    ContributionRows(TableSink& sink, RowCounter& counter) : m_sink(sink), m_counter(counter), m_cells(12) {}

    void Add(const soci::row& row)
    {
        const std::string id = Cell::Text(row, 1);
        const long long part = Cell::Integer(row, 2);
        if (part == 0) {
            Flush();
            Start(row, id);
        } else if (id == m_id) { // a tag or label always follows its contribution's row
            std::string& list = m_cells[part == 1 ? 9 : 10];
            if (!list.empty())
                list += " | ";
            list += part == 1 ? Tag(row) : Cell::Text(row, 3);
        }
    }

    /// Writes the last contribution.
    void Flush()
    {
        if (m_id.empty())
            return;
        m_sink.Row(m_cells, "la contribution « " + m_cells[0] + " »");
        m_counter.Done();
        m_id.clear();
    }

private:
    void Start(const soci::row& row, const std::string& id)
    {
        m_id = id;
        m_cells[0] = Cell::Text(row, 3);                         // external_id
        m_cells[1] = FormatImportInstant(Cell::Instant(row, 0)); // received_at
        for (std::size_t i = 2; i <= 8; ++i)                     // channel … text
            m_cells[i] = Cell::Text(row, i + 2);
        for (std::size_t i = 6; i <= 8; ++i) // profile, title, text: no contact data in an export
            m_cells[i] = MaskContactMentions(m_cells[i]);
        m_cells[9].clear();  // tags
        m_cells[10].clear(); // labels
        m_cells[11] = Cell::Text(row, 11);
    }

    static std::string Tag(const soci::row& row)
    {
        Stance stance = Stance::Observation;
        FromCode(Cell::Text(row, 4), stance);
        return Cell::Text(row, 3) + ":" + FrenchName(stance);
    }

    TableSink& m_sink;
    RowCounter& m_counter;
    std::vector<std::string> m_cells;
    std::string m_id;
};

void ExportContributions(Database& db, const std::string& consultationId, TableSink& sink, RowCounter& counter)
{
    ContributionRows rows(sink, counter);
    QueryRows(db, kContributionSql, {{"consultation", consultationId}},
              [&](const soci::row& row) { rows.Add(row); });
    rows.Flush();
}

/// XLSX column widths (characters) of the native columns, wide for the texts.
std::vector<double> WidthsOf(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Commitments:
        return {10, 10, 50, 60, 14};
    case ImportKind::Meetings:
        return {12, 14, 40, 26, 30, 14, 12};
    case ImportKind::Contributions:
        break;
    }
    return {38, 26, 14, 12, 14, 10, 20, 36, 70, 36, 30, 8};
}

} // namespace

std::uint64_t ExportTable(Database& db, const std::string& path, const ExportOptions& options, Progress& progress)
{
    if (!ConsultationRepository(db).Find(options.consultationId))
        throw NotFoundError("La consultation « " + options.consultationId + " » n'existe pas dans cette base.");
    const char* table = options.kind == ImportKind::Contributions ? "contribution"
                        : options.kind == ImportKind::Commitments ? "commitment"
                                                                  : "meeting";
    const auto total = static_cast<std::uint64_t>(CountRows(db, table, options.consultationId));
    auto sink = exporting::OpenSink(path, FrenchName(options.kind), WidthsOf(options.kind));
    progress.Begin(std::string("Export des ") + FrenchName(options.kind), total);
    sink->Header(NativeFields(options.kind));
    RowCounter counter(progress);
    switch (options.kind) {
    case ImportKind::Contributions:
        ExportContributions(db, options.consultationId, *sink, counter);
        break;
    case ImportKind::Commitments:
        ExportCommitments(db, options.consultationId, *sink, counter);
        break;
    case ImportKind::Meetings:
        ExportMeetings(db, options.consultationId, *sink, counter);
        break;
    }
    if (progress.IsCancelled())
        throw CancelledError();
    sink->Commit();
    progress.Advance(counter.Rows());
    return counter.Rows();
}

} // namespace concerto
