#pragma once
// Reads PDFs back for the tests of the PDF writer, never trusting the writer: poppler-utils
// (pdfinfo, pdffonts, pdftotext) and, where poppler folds no-break spaces into plain ones, a
// small Python reader that maps every drawn glyph back to its exact Unicode character.

#include <map>
#include <string>
#include <vector>

namespace concerto::test {

/// Runs a shell command and returns its standard output; fails the test when it exits non-zero.
std::string RunCommand(const std::string& command);

/// `pdfinfo` as key → value ("Pages" → "12", "Title" → …, "Page size" → "595.276 x 841.89 pts (A4)").
std::map<std::string, std::string> PdfInfo(const std::string& path);

/// One row of `pdffonts`.
struct PdfFont {
    std::string name, type;
    bool embedded = false, subset = false;
};
std::vector<PdfFont> PdfFonts(const std::string& path);

/// The text of each page as pdftotext extracts it (index 0 is page 1); `layout` keeps columns.
std::vector<std::string> PdfPagesText(const std::string& path, bool layout = false);

/// The named destinations and their 1-based pages (`pdfinfo -dests`).
std::map<std::string, int> PdfDestinations(const std::string& path);

/// The exact characters drawn on each page (no-break spaces included), in drawing order.
std::vector<std::string> PdfGlyphText(const std::string& path);

/// The whole file, for looking at its structure (/Lang, outlines, links).
std::string ReadFileBytes(const std::string& path);

} // namespace concerto::test
