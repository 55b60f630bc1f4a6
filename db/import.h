#pragma once
// Importing contributions, commitments and meetings from CSV or XLSX files into a consultation.
//
// The file is read once, each row converted by core/import_spec.h and its references resolved
// (themes, channels, neighbourhoods, meetings, cards, labels, commitment tags). The valid rows go
// into a temporary staging table — libpq COPY on PostgreSQL, one prepared statement on SQLite —
// and set-based SQL then classifies them against the consultation's rows (created / updated /
// unchanged) and applies them, all in one transaction: a failure, a cancel or a dry run leaves
// the database exactly as it was.
//
// Matching, so that re-importing a file changes nothing and a changed row updates:
//   commitments and meetings: by `ref` within the consultation;
//   contributions: `external_id` equal to a contribution's id (what the exporter writes for
//   contributions typed in Concerto), else channel + external_id (the contribution's source_ref),
//   else, when external_id is empty, channel + received_at + text.
// Fields the mapping leaves out are never changed. Rejected rows never reach the database.

#include "core/import_spec.h"
#include "core/progress.h"
#include "core/tabular.h"
#include "db/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace concerto {

struct ImportOptions {
    ImportKind kind = ImportKind::Contributions;
    std::string consultationId;          ///< required: the consultation the rows belong to
    std::optional<ColumnMapping> mapping; ///< nullopt = NativeMapping(kind)
    TabularOptions file;                  ///< encoding, delimiter, sheet
    bool dryRun = false;                  ///< classify and report, then roll back
    /// Import the valid rows and reject the others (instead of refusing the whole file).
    bool skipInvalid = false;
    /// With skipInvalid (or a dry run): where to write the rejected rows — a UTF-8 CSV with the
    /// file's header plus « ligne » and « erreur » columns; empty = not written.
    std::string rejectsPath;
    /// Create unknown themes, channels, neighbourhoods and labels instead of rejecting the row
    /// (never meetings, cards or commitments: those are errors).
    bool createMissing = false;
    std::size_t changeLimit = 500; ///< how many field changes the report lists at most
};

/// A row left out, with a message naming file, line and column.
struct ImportRejection {
    std::uint64_t line = 0;
    std::string message;
};

/// One field of one existing row that the import changes (the preview of a re-import).
struct ImportChange {
    std::uint64_t line = 0;
    std::string key;   ///< the row's ref or external_id, as in the file
    std::string field; ///< native field name
    std::string before, after;
};

struct ImportReport {
    bool dryRun = false;
    std::uint64_t rows = 0; ///< data rows read
    std::uint64_t created = 0, updated = 0, unchanged = 0, rejected = 0;
    std::vector<ImportRejection> rejections; ///< in file order; at most 1,000 (rejected has the count)
    std::vector<ImportChange> changes;       ///< at most options.changeLimit
    /// Reference data created by createMissing, in French (« Quartier « Gare » »).
    std::vector<std::string> createdReferences;
    /// A French summary: « 120 lignes lues : 100 créées, 15 modifiées, 3 inchangées, 2 refusées. »
    /// (with « Simulation : rien n'a été enregistré. » for a dry run).
    std::string Summary() const;
};

/// Imports `path` (CSV or XLSX) into options.consultationId.
/// Throws ValidationError (naming file, line, column; database unchanged) when the file cannot be
/// read, its header lacks a required field, or — unless skipInvalid or dryRun — any row is invalid
/// (the message gives the first error and how many rows were refused); CancelledError when
/// `progress` asks to stop (database unchanged); NotFoundError for an unknown consultation.
/// A dry run never throws for invalid rows: it reports them as rejected.
ImportReport RunImport(Database& db, const std::string& path, const ImportOptions& options, Progress& progress);

// Column mappings saved in the database (app_setting "import.mapping.<kind>.<name>").

std::vector<ColumnMapping> ListSavedMappings(Database& db, ImportKind kind);
/// Inserts or replaces the mapping of that kind and name (a name of a preset is refused).
void SaveMapping(Database& db, const ColumnMapping& mapping);
void DeleteSavedMapping(Database& db, ImportKind kind, const std::string& name);
/// A preset (FindPreset) or else a saved mapping by name; NotFoundError listing the names that exist.
ColumnMapping ResolveMapping(Database& db, ImportKind kind, const std::string& name);

} // namespace concerto
