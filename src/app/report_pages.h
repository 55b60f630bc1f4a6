#pragma once
// The pages of a PDF file as pictures, for the report preview: poppler-glib renders each page
// onto a cairo image surface. Plain pixel buffers, so that rendering can run off the UI thread
// (wx bitmaps are made from them on the UI thread).

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace concerto {

/// One rendered page: `width` × `height` pixels, RGB, 3 bytes per pixel, row by row.
struct PagePicture {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;
};

/// What RenderPdfPages produced.
struct RenderedPdf {
    int pageCount = 0;                ///< pages in the file (more than rendered when capped)
    std::vector<PagePicture> pages;   ///< the first `maxPages` pages
};

/// Renders the pages of the PDF at `path`, each `widthPixels` wide (height in proportion), at
/// most `maxPages` of them. Thread-safe (one document per call). Throws Error when the file
/// cannot be read as a PDF. `cancelled` (may be empty) is polled between pages: when it
/// returns true, rendering stops and what was rendered so far is returned.
RenderedPdf RenderPdfPages(const std::string& path, int widthPixels, int maxPages,
                           const std::function<bool()>& cancelled = {});

} // namespace concerto
