#pragma once
// The PDF writer: renders a report::Document as a publication with cairo and Pango — A4
// (landscape when the page setup asks), DejaVu fonts embedded as subsets, a cover, a table of
// contents with real page numbers, links and bookmarks, a running header and "page X / N"
// footer, tables that repeat their header across pages, vector charts, quotes set as quotes,
// French typography throughout, and the document's metadata and language.

#include "core/progress.h"
#include "reports/document.h"

#include <string>

namespace concerto::report {

/// Writes `doc` as a PDF at `path`, replacing any file there. The file appears whole or not at
/// all: it is written beside `path` under a temporary name and renamed at the end. Throws
/// CancelledError when `progress` asks to stop (checked between blocks, table rows and pages),
/// Error when the file cannot be written or a logo cannot be read.
void WritePdf(const Document& doc, const std::string& path, Progress* progress = nullptr);

} // namespace concerto::report
