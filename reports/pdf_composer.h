#pragma once
// Internal to the PDF writer: the page composer. The layout pass places measured items down
// the pages (moving to a new page when one does not fit, keeping headings with what follows);
// each item is a drawing closure kept with its position. The render pass then replays the
// pages onto the cairo surface, when the page count and every heading's page are known — so
// the contents, the links and the "page X / N" footers print the real numbers.

#include "reports/pdf_text.h"

#include <functional>
#include <string>
#include <vector>

namespace concerto::report::pdf {

/// What the render pass knows that the layout pass did not.
struct RenderState {
    int page = 1;                                   ///< 1-based number of the page being drawn
    int pageCount = 0;                              ///< pages in the document
    const std::vector<int>* headingPages = nullptr; ///< 1-based page of each heading (see LayoutHeading)
};

/// Draws an item with the origin at its top-left corner (the left margin, its top on the page).
using DrawOp = std::function<void(cairo_t*, const RenderState&)>;

/// The page and its margins, in points.
struct Geometry {
    double pageWidth = 0, pageHeight = 0;
    double left = 0, right = 0, top = 0, bottom = 0;
    double ContentWidth() const { return pageWidth - left - right; }
    double ContentHeight() const { return pageHeight - top - bottom; }
};

/// One laid-out page: its items in drawing order, and what the running header shows.
struct Page {
    struct Placed {
        double y;
        DrawOp draw;
    };
    std::vector<Placed> items;
    bool furniture = true; ///< running header and footer (not on the cover)
    std::string chapter;   ///< the level-1 heading in force on this page
};

/// A block of fixed height, placed whole.
struct Item {
    double height = 0;
    double spaceBefore = 0; ///< dropped at the top of a page
    DrawOp draw;
    std::function<void(int pageIndex)> placed; ///< told the 0-based page the item landed on
};

/// Places items down the pages.
class Composer {
public:
    explicit Composer(const Geometry& geometry);

    const Geometry& Geo() const { return m_geometry; }
    double Width() const { return m_geometry.ContentWidth(); }
    /// Room below the cursor once the held items and `spaceBefore` are placed.
    double Room(double spaceBefore = 0) const;
    /// True when nothing (placed or held) is on the current page yet.
    bool PageIsEmpty() const;
    /// True when nothing is placed on the current page yet (held items may be waiting).
    bool NothingPlaced() const { return m_pages.back().items.empty(); }
    /// Places `item` (and the held items before it), on a new page if they do not fit here.
    void Place(Item item);
    /// Keeps `item` with whatever is placed next (a heading never ends a page).
    void Hold(Item item);
    /// Starts a new page unless the current one is still empty; held items move along.
    void NewPage();
    /// Places what is still held: the end of the document.
    void Flush();
    /// The current page gets no running header and footer.
    void WithoutFurniture() { m_pages.back().furniture = false; }
    /// The chapter the running header names, from the current page on.
    void SetChapter(const std::string& chapter);
    /// 0-based index of the current page.
    int PageIndex() const { return static_cast<int>(m_pages.size()) - 1; }
    std::vector<Page>& Pages() { return m_pages; }

private:
    double HeldHeight(bool pageEmpty) const;
    void Emit(Item& item);

    Geometry m_geometry;
    std::vector<Page> m_pages;
    std::vector<Item> m_held;
    double m_cursor = 0; ///< from the top of the content area
    std::string m_chapter;
};

/// Draws the running header (title, chapter) and footer (text, "page X / N") of a page.
void DrawFurniture(cairo_t* cr, const Typesetter& type, const Theme& theme, const Geometry& geometry, const Page& page,
                   const std::string& headerText, const std::string& footerText, const RenderState& state);

} // namespace concerto::report::pdf
