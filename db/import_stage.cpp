// The staging tables of an import: what each kind stores (the native fields and the target
// columns they land in), and their creation as temporary tables typed per backend, so that the
// set-based SQL of import_apply.cpp compares uuid with uuid and instant with instant on
// PostgreSQL. They carry no index while rows pour in; IndexStage adds the few the joins need.

#include "db/import_internal.h"
#include "db/repository.h"

namespace concerto::import_detail {

namespace {

const KindSpec kCommitments{ImportKind::Commitments,
                            "commitment",
                            {{"theme", "theme_id", ColumnType::Id, nullptr, false},
                             {"title", "title", ColumnType::Text, nullptr, false},
                             {"description", "description", ColumnType::Text, "''", false},
                             {"status", "status", ColumnType::Text, "'planned'", true}},
                            {{"change_id", ColumnType::Id}}};

const KindSpec kMeetings{ImportKind::Meetings,
                         "meeting",
                         {{"channel", "channel_id", ColumnType::Id, nullptr, false},
                          {"title", "title", ColumnType::Text, nullptr, false},
                          {"date", "starts_at", ColumnType::Instant, nullptr, false},
                          {"place", "place", ColumnType::Text, "''", false},
                          {"neighbourhood", "neighbourhood_id", ColumnType::Id, nullptr, false},
                          {"attendance", "attendance", ColumnType::Integer, nullptr, false}},
                         {}};

const KindSpec kContributions{ImportKind::Contributions,
                              "contribution",
                              {{"channel", "channel_id", ColumnType::Id, nullptr, false},
                               {"meeting", "meeting_id", ColumnType::Id, nullptr, false},
                               {"neighbourhood", "neighbourhood_id", ColumnType::Id, nullptr, false},
                               {"card", "card_id", ColumnType::Id, nullptr, false},
                               {"received_at", "received_at", ColumnType::Instant, nullptr, false},
                               {"profile", "profile", ColumnType::Text, "''", false},
                               {"title", "title", ColumnType::Text, "''", false},
                               {"text", "body", ColumnType::Text, nullptr, false},
                               {"quote", "is_quote", ColumnType::Boolean, "FALSE", true}},
                              {{"source_ref", ColumnType::Text},
                               {"ext_uuid", ColumnType::Id},
                               {"tags_given", ColumnType::Integer},
                               {"tag_count", ColumnType::Integer},
                               {"labels_given", ColumnType::Integer}}};

std::string SqlType(Database& db, ColumnType type)
{
    const bool pg = db.GetBackend() == Backend::Postgresql;
    switch (type) {
    case ColumnType::Id: return pg ? "uuid" : "text";
    case ColumnType::Text: return "text";
    case ColumnType::Instant: return pg ? "timestamptz" : "text";
    case ColumnType::Integer: return "integer";
    case ColumnType::Boolean: return pg ? "boolean" : "integer";
    }
    return "text";
}

void Run(Database& db, const std::string& sql)
{
    Bindings none;
    Execute(db, sql, none);
}

} // namespace

const KindSpec& SpecOf(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Commitments: return kCommitments;
    case ImportKind::Meetings: return kMeetings;
    case ImportKind::Contributions: break;
    }
    return kContributions;
}

std::vector<std::string> StageColumns(const KindSpec& spec)
{
    std::vector<std::string> columns = {"line", "id", "row_key"};
    for (const auto& field : spec.fields)
        columns.emplace_back(field.column);
    for (const auto& [name, type] : spec.extra)
        columns.emplace_back(name);
    return columns;
}

void DropStage(Database& db)
{
    for (const char* table : {kStage, kStageTag, kStageLabel})
        Run(db, std::string("DROP TABLE IF EXISTS ") + table);
}

void CreateStage(Database& db, const KindSpec& spec)
{
    DropStage(db);
    const bool pg = db.GetBackend() == Backend::Postgresql;
    // SQLite gives the temporary database its own small page cache (2 MiB): the staging rows of a
    // large file would spill to a temporary file between the read and the set-based statements.
    // Only the staging tables live there; the user's database keeps its settings.
    if (!pg)
        Run(db, "PRAGMA temp.cache_size = -65536");
    const std::string id = SqlType(db, ColumnType::Id);
    // On SQLite the line is the rowid: the staging rows arrive in line order and joins by line are free.
    const std::string line = pg ? "line bigint NOT NULL" : "line integer PRIMARY KEY";
    std::string sql = std::string("CREATE TEMPORARY TABLE ") + kStage + " (" + line + ", id " + id +
                      " NOT NULL, row_key text NOT NULL";
    for (const auto& field : spec.fields)
        sql += std::string(", ") + field.column + " " + SqlType(db, field.type);
    for (const auto& [name, type] : spec.extra)
        sql += std::string(", ") + name + " " + SqlType(db, type);
    sql += ", matched integer NOT NULL DEFAULT 0, changed integer NOT NULL DEFAULT 0"
           ", tags_differ integer NOT NULL DEFAULT 0, labels_differ integer NOT NULL DEFAULT 0)";
    Run(db, sql);
    const std::string tagLine = pg ? "line bigint NOT NULL" : "line integer NOT NULL";
    Run(db, std::string("CREATE TEMPORARY TABLE ") + kStageTag + " (" + tagLine + ", id " + id + " NOT NULL, commitment_id " +
                id + ", theme_id " + id + ", stance text NOT NULL)");
    Run(db, std::string("CREATE TEMPORARY TABLE ") + kStageLabel + " (" + tagLine + ", id " + id +
                " NOT NULL, label_id " + id + " NOT NULL)");
}

void IndexStage(Database& db, bool byId)
{
    const bool pg = db.GetBackend() == Backend::Postgresql;
    if (!byId) {
        if (pg)
            Run(db, std::string("CREATE INDEX import_stage_line ON ") + kStage + " (line)");
        Run(db, std::string("CREATE INDEX import_stage_tag_line ON ") + kStageTag + " (line)");
        Run(db, std::string("CREATE INDEX import_stage_label_line ON ") + kStageLabel + " (line)");
    } else {
        Run(db, std::string("CREATE INDEX import_stage_id ON ") + kStage + " (id)");
    }
    // Temporary tables are never analysed automatically: without statistics PostgreSQL would
    // plan the joins of a million staged rows as if there were a handful.
    if (pg)
        Run(db, std::string("ANALYZE ") + kStage + ", " + kStageTag + ", " + kStageLabel);
    else
        Run(db, "ANALYZE temp");
}

} // namespace concerto::import_detail
