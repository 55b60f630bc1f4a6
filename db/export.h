#pragma once
// Exporting a consultation's contributions, commitments or meetings in the native import format
// (core/import_spec.h), as CSV or XLSX, so that a file exported, edited in a spreadsheet and
// imported again applies exactly the edits (db/import.h matches the rows back).
//
// Values are written as the importer reads them: references by code or ref (channel code,
// neighbourhood code, meeting ref, card code, theme code), instants by FormatImportInstant, tags
// as "REF:stance" with the French stance word (a theme-only tag by its theme code), lists joined
// by " | ", booleans "oui"/"non", statuses by their French labels. A contribution without a
// source_ref gets its Concerto id as external_id.

#include "core/import_spec.h"
#include "core/progress.h"
#include "db/database.h"

#include <cstdint>
#include <string>

namespace concerto {

struct ExportOptions {
    ImportKind kind = ImportKind::Contributions;
    std::string consultationId;
};

/// Writes `path`: ".xlsx" → a workbook with one sheet named after the kind (« contributions »,
/// « engagements », « rencontres »), the header row bold and frozen, text cells; anything else →
/// CSV, UTF-8 with a BOM (so that Excel opens it right), ',' separated, quoted as RFC 4180
/// requires, CRLF line ends. Rows in a stable order (received_at then id; position then ref).
/// Returns the number of data rows. Writes to a temporary file renamed at the end: a failure or
/// a cancel (CancelledError) leaves no partial file. Throws NotFoundError for an unknown consultation.
std::uint64_t ExportTable(Database& db, const std::string& path, const ExportOptions& options, Progress& progress);

} // namespace concerto
