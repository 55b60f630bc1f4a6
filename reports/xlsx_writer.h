#pragma once
// A report Document as an Excel workbook (libxlsxwriter), for the staff who keep working with
// the figures: a « Paramètres » sheet first (definition, parameters, generation date, database
// and what each sheet holds), then a sheet per table and cross-table, a sheet per chart with
// its data and a native Excel chart over it, one « Citations » sheet for the quotes and one
// « Engagements » sheet for the commitment booklet. Cover, contents, headings and free text
// belong to the PDF and are not written.
//
// Numbers, percentages and dates are real Excel values with Excel formats ("#,##0", "0.0%",
// dd/mm/yyyy) that Excel shows the French way on a French system. Text is always a string:
// a contribution reading "=1+1" never becomes a formula unless the definition asked for one.

#include "core/progress.h"
#include "reports/document.h"

#include <string>

namespace concerto::report {

/// Writes `doc` as a workbook at `path`, replacing any file there. Streamed tables
/// (TableBlock::stream) are written in constant memory, whatever their size. The workbook is
/// written to a temporary file and renamed into place at the end, so an error or a
/// cancellation leaves nothing behind. Throws ValidationError (naming the table) beyond
/// Excel's 1,048,576 rows per sheet, CancelledError when `progress` asks to stop, Error when
/// the file cannot be written.
void WriteXlsx(const Document& doc, const std::string& path, Progress* progress = nullptr);

} // namespace concerto::report
