#pragma once
// Internal to the PDF writer: the layout pass. Each kind of block is measured with Pango and
// placed on the Composer's pages as drawing closures (pdf_blocks.cpp: text, headings, cover,
// contents, quotes, booklets, charts; pdf_table.cpp: tables and cross-tables).

#include "core/progress.h"
#include "reports/document.h"
#include "reports/pdf_composer.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace concerto::report::pdf {

/// A heading as the contents and the bookmarks list it.
struct HeadingEntry {
    int level = 1;
    std::string text; ///< with French typography
    std::string dest; ///< the PDF named destination
};

/// Lays a Document out on a Composer's pages.
class PdfLayout {
public:
    PdfLayout(const Document& doc, const Typesetter& type, const Theme& theme, Composer& composer, Progress* progress);

    /// Lays out every block; CancelledError when the progress asks to stop.
    void Run();
    /// The headings listed in the contents and bookmarks, in order.
    const std::vector<HeadingEntry>& Headings() const { return m_headings; }
    /// The 1-based page of each heading, filled by Run().
    const std::vector<int>& HeadingPages() const { return m_headingPages; }
    /// True when the document has a contents block (it gets a bookmark too).
    bool HasContents() const { return m_contentsPage > 0; }
    int ContentsPage() const { return m_contentsPage; }

    void operator()(const CoverBlock& block);
    void operator()(const ContentsBlock& block);
    void operator()(const HeadingBlock& block);
    void operator()(const TextBlock& block);
    void operator()(const TableBlock& block);
    void operator()(const ChartBlock& block);
    void operator()(const QuoteBlock& block);
    void operator()(const CommitmentListBlock& block);
    void operator()(const PageBreakBlock& block);

private:
    /// Decorates each page's part of a split text: (cr, height of the part, is it the first part).
    using Decoration = std::function<void(cairo_t*, double, bool)>;

    /// Places the lines of `layout` at `x`, split between pages with at least two lines on each
    /// side of a break.
    void PlaceLines(const LayoutPtr& layout, double x, double spaceBefore, Rgb colour, const Decoration& decorate = {});
    void ContentsEntry(std::size_t index);
    /// A heading; `ownDest` names a destination for one outside the contents (the contents' title).
    void Heading(const HeadingBlock& heading, const std::string& ownDest);
    void CheckCancelled() const;
    TextStyle Body() const;

    const Document& m_doc;
    const Typesetter& m_type;
    const Theme& m_theme;
    Composer& m_composer;
    Progress* m_progress;
    std::vector<HeadingEntry> m_headings;
    std::vector<int> m_headingPages;
    std::size_t m_nextHeading = 0;
    int m_contentsPage = 0;
};

/// The running header and footer texts a document gets when its styles name none.
std::string HeaderTextOf(const Document& doc);
std::string FooterTextOf(const Document& doc);

} // namespace concerto::report::pdf
