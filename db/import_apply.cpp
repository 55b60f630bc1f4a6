// The set-based half of an import: once the file's valid rows are in the staging table, a few
// statements match them to the consultation's rows, classify them (created / updated /
// unchanged, comparing only the fields the mapping provides), list the field changes for the
// preview and, unless it is a dry run, apply them — INSERT … SELECT for the new rows, UPDATE …
// FROM for the changed ones, tags and labels replaced only where the file gives them. The
// number of statements does not depend on the number of rows.

#include "core/personal_data.h"
#include "core/text.h"
#include "db/coding_support.h"
#include "db/contact_flags.h"
#include "db/import_internal.h"
#include "db/repository.h"

#include <algorithm>
#include <map>

namespace concerto::import_detail {

namespace {

bool IsPg(Database& db) { return db.GetBackend() == Backend::Postgresql; }

/// A bound parameter typed for the column it feeds (PostgreSQL resolves an untyped parameter of
/// an INSERT … SELECT as text, which no uuid or timestamptz column accepts).
std::string Param(Database& db, const char* name, ColumnType type)
{
    if (!IsPg(db))
        return std::string(":") + name;
    const char* cast = type == ColumnType::Id ? "uuid" : type == ColumnType::Instant ? "timestamptz" : "text";
    return std::string("CAST(:") + name + " AS " + cast + ")";
}

/// NULL-safe inequality.
std::string Differs(Database& db, const std::string& a, const std::string& b)
{
    return a + (IsPg(db) ? " IS DISTINCT FROM " : " IS NOT ") + b;
}

/// A value as text for the change report, NULL kept.
std::string AsText(const std::string& column, ColumnType type)
{
    if (type == ColumnType::Boolean)
        return "CASE WHEN " + column + " IS NULL THEN NULL WHEN " + column + " THEN '1' ELSE '0' END";
    if (type == ColumnType::Text)
        return column;
    return "CAST(" + column + " AS text)";
}

// A staged tag matches a stored one with the same stance and subject (the commitment, or for a
// theme-only tag the theme).
const char* const kSameTag = "t.stance = st.stance AND ((st.commitment_id IS NOT NULL AND t.commitment_id = "
                             "st.commitment_id) OR (st.commitment_id IS NULL AND t.commitment_id IS NULL AND "
                             "t.theme_id = st.theme_id))";

/// The parameters every writing statement shares.
struct Stamp {
    std::string now = Timestamp::Now().ToIso();
    std::string user;
    std::string consultation;
    void Bind(Bindings& params, const std::string& sql) const
    {
        if (sql.find(":now") != std::string::npos)
            params.Text("now", now);
        if (sql.find(":user") != std::string::npos)
            params.Text("user", user);
        if (sql.find(":cid") != std::string::npos)
            params.Text("cid", consultation);
    }
};

class Applier {
public:
    Applier(ImportRun& run, const KindSpec& spec) : m_run(run), m_db(run.db), m_spec(spec)
    {
        m_stamp.user = m_db.UserName();
        m_stamp.consultation = run.options.consultationId;
        for (const auto& field : spec.fields)
            if (run.mapping.Provides(field.field))
                m_provided.push_back(&field);
        m_contributions = spec.kind == ImportKind::Contributions;
        m_tags = m_contributions && run.mapping.Provides("tags");
        m_labels = m_contributions && run.mapping.Provides("labels");
    }

    void Run()
    {
        m_run.progress.Begin("Enregistrement", 8);
        Step([&] { m_run.refs.CreatePending(m_db, m_run.report.createdReferences); });
        Step([&] { IndexStage(m_db, false); });
        Step([&] {
            Match();
            KeepUnmaskedTexts();
        });
        Step([&] { Classify(); });
        Step([&] { Count(); });
        Step([&] { ReportChanges(); });
        if (m_run.options.dryRun)
            return;
        Step([&] { Apply(); });
        Step([&] { DropStage(m_db); });
    }

private:
    template <class F> void Step(F work)
    {
        m_run.CheckCancel();
        work();
        m_run.progress.Advance(++m_step);
    }

    long long Sql(const std::string& sql)
    {
        Bindings params;
        m_stamp.Bind(params, sql);
        return Execute(m_db, sql, params);
    }

    std::string Table() const { return m_spec.table; }

    void Match()
    {
        const std::string set = std::string("UPDATE ") + kStage + " SET id = t.id, matched = 1 FROM " + Table() +
                                " AS t WHERE t.consultation_id = :cid AND ";
        const std::string s = std::string(kStage) + ".";
        if (!m_contributions) {
            m_matched += Sql(set + "t.ref = " + s + "row_key");
            return;
        }
        // By id (what the exporter writes for contributions typed in Concerto), by channel and
        // source reference, then — without an external id — by channel, instant and text.
        // Each statement only sets rows still unmatched, so the counts add up.
        m_matched += Sql(set + s + "ext_uuid IS NOT NULL AND t.id = " + s + "ext_uuid");
        m_matched += Sql(set + s + "matched = 0 AND " + s + "source_ref IS NOT NULL AND t.channel_id = " + s +
                         "channel_id AND t.source_ref = " + s + "source_ref");
        m_matched += Sql(set + s + "matched = 0 AND " + s + "source_ref IS NULL AND t.channel_id = " + s +
                         "channel_id AND t.received_at = " + s + "received_at AND t.body = " + s + "body");
    }

    void Classify()
    {
        // A first import matches nothing: each statement below would scan the whole (wide)
        // staging table for matched rows, several full scans of a million rows for nothing.
        if (m_matched == 0)
            return;
        const std::string s = std::string(kStage) + ".";
        std::string differs;
        for (const StageField* field : m_provided) {
            const std::string staged = s + field->column, stored = std::string("t.") + field->column;
            differs += differs.empty() ? "" : " OR ";
            differs += field->keepWhenNull ? "(" + staged + " IS NOT NULL AND " + staged + " <> " + stored + ")"
                                           : Differs(m_db, staged, stored);
        }
        if (!differs.empty())
            Sql(std::string("UPDATE ") + kStage + " SET changed = 1 FROM " + Table() + " AS t WHERE " + s +
                "matched = 1 AND t.id = " + s + "id AND (" + differs + ")");
        long long setsDiffer = 0;
        if (m_tags)
            setsDiffer += Sql(std::string("UPDATE ") + kStage +
                " SET tags_differ = 1 WHERE matched = 1 AND tags_given = 1 AND ("
                "EXISTS (SELECT 1 FROM " + kStageTag + " st WHERE st.line = " + s + "line AND NOT EXISTS ("
                "SELECT 1 FROM tag t WHERE t.contribution_id = " + s + "id AND " + kSameTag + ")) OR "
                "EXISTS (SELECT 1 FROM tag t WHERE t.contribution_id = " + s + "id AND NOT EXISTS ("
                "SELECT 1 FROM " + kStageTag + " st WHERE st.line = " + s + "line AND " + kSameTag + ")))");
        if (m_labels)
            setsDiffer += Sql(std::string("UPDATE ") + kStage +
                " SET labels_differ = 1 WHERE matched = 1 AND labels_given = 1 AND ("
                "EXISTS (SELECT 1 FROM " + kStageLabel + " st WHERE st.line = " + s + "line AND NOT EXISTS ("
                "SELECT 1 FROM contribution_label t WHERE t.contribution_id = " + s + "id AND t.label_id = st.label_id)) OR "
                "EXISTS (SELECT 1 FROM contribution_label t WHERE t.contribution_id = " + s + "id AND NOT EXISTS ("
                "SELECT 1 FROM " + kStageLabel + " st WHERE st.line = " + s + "line AND t.label_id = st.label_id)))");
        // Another full scan of the wide staging table, for nothing when no tag or label set differs.
        if (setsDiffer > 0)
            Sql(std::string("UPDATE ") + kStage + " SET changed = 1 WHERE tags_differ = 1 OR labels_differ = 1");
    }

    void Count()
    {
        auto& report = m_run.report;
        QueryRows(m_db,
                  std::string("SELECT matched, changed, COUNT(*), SUM(tags_differ + labels_differ) FROM ") + kStage +
                      " GROUP BY matched, changed",
                  Params{}, [&](const soci::row& row) {
                      const long long count = Cell::Integer(row, 2);
                      if (Cell::Integer(row, 0) == 0)
                          report.created += static_cast<std::uint64_t>(count);
                      else if (Cell::Integer(row, 1) == 1)
                          report.updated += static_cast<std::uint64_t>(count);
                      else
                          report.unchanged += static_cast<std::uint64_t>(count);
                      if (Cell::Integer(row, 0) == 1)
                          m_replacedSets += Cell::Integer(row, 3);
                  });
    }

    void KeepUnmaskedTexts();
    void ReportChanges();
    void ReportSetChanges(std::uint64_t lastLine);
    std::string Shown(const StageField& field, const soci::row& row, std::size_t column) const;
    void Apply();
    long long RecordStatusChanges();
    void InsertNew();
    void UpdateChanged();
    void ApplyTags();
    void ApplyLabels();

    ImportRun& m_run;
    Database& m_db;
    const KindSpec& m_spec;
    Stamp m_stamp;
    std::vector<const StageField*> m_provided;
    bool m_contributions = false, m_tags = false, m_labels = false;
    long long m_replacedSets = 0; ///< existing rows whose tags or labels the file replaces
    long long m_matched = 0;      ///< staged rows matched to an existing row
    std::uint64_t m_step = 0;
};

/// An exported file carries the texts masked (core/personal_data.h): re-imported as it is, it
/// must not replace a stored text by its masked form. Where the staged title or body is exactly
/// the stored one masked, the stored text is staged instead, so the row counts as unchanged.
void Applier::KeepUnmaskedTexts()
{
    if (!m_contributions || m_matched == 0)
        return;
    struct Kept {
        long long line;
        const char* column;
        std::string text;
    };
    std::vector<Kept> kept;
    QueryRows(m_db,
              std::string("SELECT s.line, s.title, s.body, t.title, t.body FROM ") + kStage +
                  " s JOIN contribution t ON t.id = s.id WHERE s.matched = 1 AND t.mentions_contact",
              Params{}, [&](const soci::row& row) {
                  const long long line = Cell::Integer(row, 0);
                  for (std::size_t i = 1; i <= 2; ++i) {
                      const std::string stored = Cell::Text(row, i + 2);
                      if (!Cell::IsNull(row, i) && Cell::Text(row, i) != stored &&
                          Cell::Text(row, i) == MaskContactMentions(stored))
                          kept.push_back({line, i == 1 ? "title" : "body", stored});
                  }
              });
    for (const Kept& k : kept) {
        Bindings params;
        params.Text("text", k.text);
        params.BigInteger("line", k.line);
        Execute(m_db, std::string("UPDATE ") + kStage + " SET " + k.column + " = :text WHERE line = :line", params);
    }
}

std::string Applier::Shown(const StageField& field, const soci::row& row, std::size_t column) const
{
    if (Cell::IsNull(row, column))
        return {};
    const std::string text = Cell::Text(row, column);
    switch (field.type) {
    case ColumnType::Id: return m_run.refs.Display(field.field, text);
    case ColumnType::Instant: {
        const auto when = Timestamp::Parse(text);
        return when ? FormatImportInstant(*when) : text;
    }
    case ColumnType::Boolean: return text == "1" ? "oui" : "non";
    default: {
        CommitmentStatus status{};
        if (std::string(field.field) == "status" && FromCode(text, status))
            return FrenchName(status);
        return text;
    }
    }
}

void Applier::ReportChanges()
{
    const std::size_t limit = m_run.options.changeLimit;
    if (limit == 0 || m_run.report.updated == 0)
        return;
    std::string select = "SELECT s.line, s.row_key, s.tags_differ, s.labels_differ";
    for (const StageField* field : m_provided)
        select += ", " + AsText(std::string("s.") + field->column, field->type) + ", " +
                  AsText(std::string("t.") + field->column, field->type);
    select += std::string(" FROM ") + kStage + " s JOIN " + Table() + " t ON t.id = s.id WHERE s.changed = 1 ORDER BY s.line LIMIT " +
              std::to_string(limit);
    auto& changes = m_run.report.changes;
    std::uint64_t lastLine = 0;
    QueryRows(m_db, select, Params{}, [&](const soci::row& row) {
        const auto line = static_cast<std::uint64_t>(Cell::Integer(row, 0));
        const std::string key = Cell::Text(row, 1);
        for (std::size_t i = 0; i < m_provided.size() && changes.size() < limit; ++i) {
            const StageField& field = *m_provided[i];
            const std::size_t staged = 4 + 2 * i, stored = staged + 1;
            if (Cell::IsNull(row, staged) && (field.keepWhenNull || Cell::IsNull(row, stored)))
                continue;
            if (!Cell::IsNull(row, staged) && !Cell::IsNull(row, stored) &&
                Cell::Text(row, staged) == Cell::Text(row, stored))
                continue;
            changes.push_back({line, key, field.field, Shown(field, row, stored), Shown(field, row, staged)});
        }
        if (Cell::Integer(row, 2) == 1 && changes.size() < limit)
            changes.push_back({line, key, "tags", {}, {}});
        if (Cell::Integer(row, 3) == 1 && changes.size() < limit)
            changes.push_back({line, key, "labels", {}, {}});
        lastLine = line;
    });
    if (m_tags || m_labels)
        ReportSetChanges(lastLine);
}

/// Fills the before/after of the "tags" and "labels" changes: the lists as a file writes them.
void Applier::ReportSetChanges(std::uint64_t lastLine)
{
    using Lists = std::map<std::uint64_t, std::vector<std::string>>;
    auto collect = [&](const std::string& sql) {
        Lists lists;
        Params params{{"last", std::to_string(lastLine)}};
        QueryRows(m_db, sql, params, [&](const soci::row& row) {
            lists[static_cast<std::uint64_t>(Cell::Integer(row, 0))].push_back(Cell::Text(row, 1));
        });
        return lists;
    };
    const std::string subject = " || ':' || t.stance FROM ";
    const std::string names = "LEFT JOIN commitment m ON m.id = t.commitment_id LEFT JOIN theme th ON th.id = t.theme_id";
    const std::string lastOk = IsPg(m_db) ? "s.line <= CAST(:last AS bigint)" : "s.line <= CAST(:last AS integer)";
    const Lists tagsBefore = collect("SELECT s.line, COALESCE(m.ref, th.code)" + subject + kStage +
                                     " s JOIN tag t ON t.contribution_id = s.id " + names +
                                     " WHERE s.tags_differ = 1 AND " + lastOk);
    const Lists tagsAfter = collect("SELECT s.line, COALESCE(m.ref, th.code)" + subject + kStage + " s JOIN " +
                                    kStageTag + " t ON t.line = s.line " + names + " WHERE s.tags_differ = 1 AND " + lastOk);
    const Lists labelsBefore = collect(std::string("SELECT s.line, l.name FROM ") + kStage +
                                       " s JOIN contribution_label t ON t.contribution_id = s.id JOIN label l ON "
                                       "l.id = t.label_id WHERE s.labels_differ = 1 AND " + lastOk);
    const Lists labelsAfter = collect(std::string("SELECT s.line, l.name FROM ") + kStage + " s JOIN " + kStageLabel +
                                      " t ON t.line = s.line JOIN label l ON l.id = t.label_id WHERE s.labels_differ "
                                      "= 1 AND " + lastOk);
    auto joined = [](const Lists& lists, std::uint64_t line) {
        const auto it = lists.find(line);
        if (it == lists.end())
            return std::string();
        auto items = it->second;
        std::sort(items.begin(), items.end());
        std::string text;
        for (const auto& item : items)
            text += (text.empty() ? "" : "|") + item;
        return text;
    };
    for (auto& change : m_run.report.changes) {
        if (change.field == "tags") {
            change.before = joined(tagsBefore, change.line);
            change.after = joined(tagsAfter, change.line);
        } else if (change.field == "labels") {
            change.before = joined(labelsBefore, change.line);
            change.after = joined(labelsAfter, change.line);
        }
    }
}

void Applier::Apply()
{
    const auto& report = m_run.report;
    if (report.created == 0 && report.updated == 0)
        return;
    coding::BeginBulkWrite(m_db);
    if (report.updated > 0 && m_spec.kind == ImportKind::Commitments && m_run.mapping.Provides("status") &&
        RecordStatusChanges() > 0)
        coding::Announce(m_db, "commitment_status_change:*");
    if (report.created > 0)
        InsertNew();
    if (report.updated > 0)
        UpdateChanged();
    if (m_contributions) {
        Bindings none;
        RefreshContactFlags(m_db, std::string("FROM contribution c JOIN ") + kStage +
                                      " s ON s.id = c.id WHERE (s.matched = 0 OR s.changed = 1)",
                            none);
    }
    if (m_replacedSets > 0)
        IndexStage(m_db, true);
    if (m_tags)
        ApplyTags();
    if (m_labels)
        ApplyLabels();
    coding::Announce(m_db, Table() + ":*");
}

/// The history records each status the file moves, before the rows take their new status.
long long Applier::RecordStatusChanges()
{
    const std::string now = Param(m_db, "now", ColumnType::Instant), user = Param(m_db, "user", ColumnType::Text);
    Bindings params;
    m_stamp.Bind(params, ":now :user");
    params.Text("today", Timestamp::Now().Day().ToIso());
    params.Text("comment", "Import du fichier " + QuoteFrench(m_run.reader.FileName()));
    return Execute(m_db,
                   "INSERT INTO commitment_status_change (id, version, created_at, updated_at, created_by, updated_by, "
                   "commitment_id, status, effective_on, comment) SELECT s.change_id, 1, " + now + ", " + now + ", " +
                       user + ", " + user + ", s.id, s.status, " + (IsPg(m_db) ? "CAST(:today AS date)" : ":today") +
                       ", " + Param(m_db, "comment", ColumnType::Text) + " FROM " + kStage +
                       " s JOIN commitment t ON t.id = s.id WHERE s.changed = 1 AND s.status IS NOT NULL AND "
                       "s.status <> t.status",
                   params);
}

/// Every unmatched staged row, in file order; the fields the file leaves out take their defaults.
void Applier::InsertNew()
{
    const std::string now = Param(m_db, "now", ColumnType::Instant), user = Param(m_db, "user", ColumnType::Text);
    std::string columns = "id, version, created_at, updated_at, created_by, updated_by, consultation_id";
    std::string values = "s.id, 1, " + now + ", " + now + ", " + user + ", " + user + ", " + Param(m_db, "cid", ColumnType::Id);
    for (const auto& field : m_spec.fields) {
        columns += std::string(", ") + field.column;
        values += field.insertDefault ? std::string(", COALESCE(s.") + field.column + ", " + field.insertDefault + ")"
                                      : std::string(", s.") + field.column;
    }
    if (!m_contributions) {
        columns += ", ref";
        values += ", s.row_key";
    } else {
        columns += ", source_ref, state";
        values += ", s.source_ref, CASE WHEN s.tag_count > 0 THEN 'tagged' ELSE 'new' END";
    }
    Sql("INSERT INTO " + Table() + " (" + columns + ") SELECT " + values + " FROM " + kStage +
        " s WHERE s.matched = 0 ORDER BY s.line");
}

/// The changed rows take the provided fields (a NULL status or quote keeps the stored one); a
/// contribution's state follows its new tags between "new" and "tagged".
void Applier::UpdateChanged()
{
    const std::string now = Param(m_db, "now", ColumnType::Instant), user = Param(m_db, "user", ColumnType::Text);
    std::string set = "version = t.version + 1, updated_at = " + now + ", updated_by = " + user;
    for (const StageField* field : m_provided)
        set += std::string(", ") + field->column + " = " +
               (field->keepWhenNull ? std::string("COALESCE(s.") + field->column + ", t." + field->column + ")"
                                    : std::string("s.") + field->column);
    if (m_tags)
        set += ", state = CASE WHEN s.tags_differ = 1 AND s.tag_count > 0 AND t.state = 'new' THEN 'tagged' "
               "WHEN s.tags_differ = 1 AND s.tag_count = 0 AND t.state = 'tagged' THEN 'new' ELSE t.state END";
    Sql("UPDATE " + Table() + " AS t SET " + set + " FROM " + kStage + " AS s WHERE t.id = s.id AND s.changed = 1");
}

void Applier::ApplyTags()
{
    const std::string now = Param(m_db, "now", ColumnType::Instant), user = Param(m_db, "user", ColumnType::Text);
    long long touched = 0;
    if (m_replacedSets > 0)
        touched += Sql(std::string("DELETE FROM tag WHERE contribution_id IN (SELECT id FROM ") + kStage +
                       " WHERE tags_differ = 1) AND NOT EXISTS (SELECT 1 FROM " + kStage + " s JOIN " + kStageTag +
                       " st ON st.line = s.line WHERE s.id = tag.contribution_id AND s.tags_differ = 1 AND "
                       "st.stance = tag.stance AND ((st.commitment_id IS NOT NULL AND tag.commitment_id = "
                       "st.commitment_id) OR (st.commitment_id IS NULL AND tag.commitment_id IS NULL AND "
                       "tag.theme_id = st.theme_id)))");
    const std::string insert = "INSERT INTO tag (id, version, created_at, updated_at, created_by, updated_by, "
                               "contribution_id, commitment_id, theme_id, stance, coder, tagged_at) SELECT st.id, 1, " +
                               now + ", " + now + ", " + user + ", " + user + ", s.id, st.commitment_id, st.theme_id, "
                               "st.stance, " + user + ", " + now + " FROM " + kStageTag + " st JOIN " + kStage +
                               " s ON s.line = st.line WHERE ";
    if (m_run.report.created > 0)
        touched += Sql(insert + "s.matched = 0");
    if (m_replacedSets > 0)
        touched += Sql(insert + "s.tags_differ = 1 AND NOT EXISTS (SELECT 1 FROM tag t WHERE t.contribution_id = s.id AND " +
                       kSameTag + ")");
    if (touched > 0)
        coding::Announce(m_db, "tag:*");
}

void Applier::ApplyLabels()
{
    const std::string now = Param(m_db, "now", ColumnType::Instant), user = Param(m_db, "user", ColumnType::Text);
    long long touched = 0;
    if (m_replacedSets > 0)
        touched += Sql(std::string("DELETE FROM contribution_label WHERE contribution_id IN (SELECT id FROM ") + kStage +
                       " WHERE labels_differ = 1) AND NOT EXISTS (SELECT 1 FROM " + kStage + " s JOIN " + kStageLabel +
                       " st ON st.line = s.line WHERE s.id = contribution_label.contribution_id AND s.labels_differ = 1 "
                       "AND st.label_id = contribution_label.label_id)");
    const std::string insert = "INSERT INTO contribution_label (id, version, created_at, updated_at, created_by, "
                               "updated_by, contribution_id, label_id) SELECT st.id, 1, " + now + ", " + now + ", " +
                               user + ", " + user + ", s.id, st.label_id FROM " + kStageLabel + " st JOIN " + kStage +
                               " s ON s.line = st.line WHERE ";
    if (m_run.report.created > 0)
        touched += Sql(insert + "s.matched = 0");
    if (m_replacedSets > 0)
        touched += Sql(insert + "s.labels_differ = 1 AND NOT EXISTS (SELECT 1 FROM contribution_label t WHERE "
                                "t.contribution_id = s.id AND t.label_id = st.label_id)");
    if (touched > 0)
        coding::Announce(m_db, "contribution_label:*");
}

} // namespace

void ClassifyAndApply(ImportRun& run, const KindSpec& spec)
{
    Applier(run, spec).Run();
}

} // namespace concerto::import_detail
