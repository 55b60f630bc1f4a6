#pragma once
// The pieces of the import engine (db/import.h) shared by its files: the reference data held in
// memory while rows are read (import_refs.cpp), the description of a kind's staging table and
// the set-based SQL that classifies and applies it (import_apply.cpp), and the reading of the
// file into that table (import_read.cpp). Not a public header.

#include "db/bulk.h"
#include "db/import.h"

#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace concerto::import_detail {

/// The SQL type of a staging column, written per backend.
enum class ColumnType { Id, Text, Instant, Integer, Boolean };

/// One native field stored in a target column (same name in the staging table).
struct StageField {
    const char* field;         ///< native field ("channel")
    const char* column;        ///< column of the target and staging tables ("channel_id")
    ColumnType type;
    const char* insertDefault; ///< SQL for a new row when the staged value is NULL; nullptr: NULL
    bool keepWhenNull;         ///< a NULL staged value keeps the current one (status, quote)
};

/// A kind's target table and staging table. Staging columns: line, id, row_key, then `fields`,
/// then `extra`; `matched` and `changed` are filled by the SQL.
struct KindSpec {
    ImportKind kind;
    const char* table;
    std::vector<StageField> fields;
    std::vector<std::pair<const char*, ColumnType>> extra;
};

const KindSpec& SpecOf(ImportKind kind);
/// The staging table's column names in the order rows are sent.
std::vector<std::string> StageColumns(const KindSpec& spec);

constexpr const char* kStage = "import_stage";
constexpr const char* kStageTag = "import_stage_tag";
constexpr const char* kStageLabel = "import_stage_label";

/// A folded name → id table with the reverse id → display text.
class NameIndex {
public:
    void Add(const std::string& name, const std::string& id); ///< first added wins
    const std::string* Find(const std::string& name) const;  ///< by Fold(name)
    void SetDisplay(const std::string& id, const std::string& display) { m_display[id] = display; }
    std::string Display(const std::string& id) const;

private:
    std::unordered_map<std::string, std::string> m_ids, m_display;
    mutable std::unordered_map<std::string, std::string> m_exact; ///< texts as written → id
};

/// One reference created by createMissing, inserted once the file is read.
struct PendingReference {
    enum class Table { Theme, Channel, Neighbourhood, Label } table;
    std::string id, name;
};

/// The consultation's reference data, loaded once, resolved in memory.
class References {
public:
    References(Database& db, const std::string& consultationId, ImportKind kind, bool createMissing);

    /// The id for `text` of reference `field` ("theme", "channel", "neighbourhood", "meeting",
    /// "card", "label"); creates a pending one when allowed, else sets `error` and returns "".
    std::string Resolve(const std::string& field, const std::string& text, std::string& error);
    /// A tag's commitment id (or, for a theme code, the theme id with `isTheme`); "" + error.
    std::string ResolveTag(const std::string& ref, bool& isTheme, std::string& error);
    /// Inserts the pending references; their French descriptions go to `created`.
    void CreatePending(Database& db, std::vector<std::string>& created);
    /// The display text (code, ref, name) of a reference id, for the change report.
    std::string Display(const std::string& field, const std::string& id) const;

private:
    NameIndex& IndexOf(const std::string& field);
    const NameIndex* IndexOf(const std::string& field) const;

    std::string m_consultationId;
    bool m_createMissing;
    NameIndex m_themes, m_channels, m_neighbourhoods, m_meetings, m_cards, m_commitments, m_labels;
    std::vector<PendingReference> m_pending;
};

/// What the reading phase gathered.
struct ReadOutcome {
    std::uint64_t rows = 0, staged = 0, rejected = 0;
    std::string firstError;
};

/// Writes rejected rows as a UTF-8 CSV (the file's header plus « ligne » and « erreur »).
class RejectsWriter {
public:
    RejectsWriter(std::string path, std::vector<std::string> header);
    void Write(std::uint64_t line, const std::vector<std::string>& cells, const std::string& error);
    void Close();
    /// Closes and removes the file (the import did not complete).
    void Discard();

private:
    void Cell(const std::string& text, bool last);
    std::string m_path;
    std::vector<std::string> m_header;
    std::ofstream m_out;
};

/// The state of one import while it runs.
struct ImportRun {
    Database& db;
    const ImportOptions& options;
    Progress& progress;
    TabularReader& reader;
    const BoundMapping& mapping;
    References& refs;
    ImportReport& report;
    RejectsWriter* rejects; ///< nullptr: no rejects file

    /// Records a rejected row (report, rejects file).
    void Reject(std::uint64_t line, const std::vector<std::string>& cells, const std::string& message,
                ReadOutcome& outcome);
    /// Throws CancelledError when the user asked to stop.
    void CheckCancel() const;
};

/// Creates the staging tables of `spec` (dropping leftovers of an earlier run).
void CreateStage(Database& db, const KindSpec& spec);
void DropStage(Database& db);
/// Adds the staging indexes the joins need once the rows are in: by line (`byId` false), or by
/// id (before replacing the tags or labels of existing rows); then refreshes the statistics.
void IndexStage(Database& db, bool byId);
/// Reads every row of the file into the staging tables through bulk sinks.
ReadOutcome ReadRows(ImportRun& run, const KindSpec& spec);
/// Matches, classifies, fills the report's counts and changes, and (unless dry run) applies.
void ClassifyAndApply(ImportRun& run, const KindSpec& spec);

} // namespace concerto::import_detail
