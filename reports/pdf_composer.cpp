#include "reports/pdf_composer.h"

#include "reports/french.h"

namespace concerto::report::pdf {

Composer::Composer(const Geometry& geometry) : m_geometry(geometry)
{
    m_pages.emplace_back();
}

double Composer::HeldHeight(bool pageEmpty) const
{
    double height = 0;
    for (const auto& item : m_held) {
        height += (pageEmpty ? 0 : item.spaceBefore) + item.height;
        pageEmpty = false;
    }
    return height;
}

bool Composer::PageIsEmpty() const
{
    return m_pages.back().items.empty() && m_held.empty();
}

double Composer::Room(double spaceBefore) const
{
    const bool empty = m_pages.back().items.empty();
    const double held = HeldHeight(empty);
    const bool nothingAbove = empty && m_held.empty();
    return m_geometry.ContentHeight() - m_cursor - held - (nothingAbove ? 0 : spaceBefore);
}

void Composer::Place(Item item)
{
    if (item.height > Room(item.spaceBefore) && !m_pages.back().items.empty())
        NewPage();
    for (auto& held : m_held)
        Emit(held);
    m_held.clear();
    Emit(item);
}

void Composer::Hold(Item item)
{
    m_held.push_back(std::move(item));
}

void Composer::NewPage()
{
    if (m_pages.back().items.empty())
        return;
    m_pages.emplace_back();
    m_pages.back().chapter = m_chapter;
    m_cursor = 0;
}

void Composer::Flush()
{
    for (auto& held : m_held)
        Emit(held);
    m_held.clear();
}

void Composer::SetChapter(const std::string& chapter)
{
    m_chapter = chapter;
    m_pages.back().chapter = chapter;
}

void Composer::Emit(Item& item)
{
    Page& page = m_pages.back();
    if (!page.items.empty())
        m_cursor += item.spaceBefore;
    page.items.push_back({m_geometry.top + m_cursor, std::move(item.draw)});
    m_cursor += item.height;
    if (item.placed)
        item.placed(PageIndex());
}

void DrawFurniture(cairo_t* cr, const Typesetter& type, const Theme& theme, const Geometry& geometry, const Page& page,
                   const std::string& headerText, const std::string& footerText, const RenderState& state)
{
    TextStyle small{theme.sans, theme.base * 0.78};
    const double width = geometry.ContentWidth();
    const double left = geometry.left;

    // Header: the report's title on the left, the chapter on the right, over a hairline.
    const double headerRule = geometry.top - 4.5 * kMm;
    auto header = type.Text(french::Typography(headerText), small, width * 0.48);
    pango_layout_set_ellipsize(header.get(), PANGO_ELLIPSIZE_END);
    SetColour(cr, theme.muted);
    ShowLayout(cr, header, left, headerRule - 2 - LayoutHeight(header));
    if (!page.chapter.empty()) {
        TextStyle right = small;
        right.align = PANGO_ALIGN_RIGHT;
        auto chapter = type.Text(french::Typography(page.chapter), right, width * 0.48);
        pango_layout_set_ellipsize(chapter.get(), PANGO_ELLIPSIZE_END);
        SetColour(cr, theme.accent);
        ShowLayout(cr, chapter, left + width * 0.52, headerRule - 2 - LayoutHeight(chapter));
    }
    SetColour(cr, theme.rule);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, left, headerRule);
    cairo_line_to(cr, left + width, headerRule);
    cairo_stroke(cr);

    // Footer: the organisation (or the definition's footer) on the left, "page X / N" right.
    const double footerTop = geometry.pageHeight - geometry.bottom + 5 * kMm;
    if (!footerText.empty()) {
        auto footer = type.Text(french::Typography(footerText), small, width * 0.7);
        pango_layout_set_ellipsize(footer.get(), PANGO_ELLIPSIZE_END);
        SetColour(cr, theme.muted);
        ShowLayout(cr, footer, left, footerTop);
    }
    TextStyle number = small;
    number.align = PANGO_ALIGN_RIGHT;
    auto pageText =
        type.Text("page " + std::to_string(state.page) + " / " + std::to_string(state.pageCount), number, width * 0.28);
    SetColour(cr, theme.ink);
    ShowLayout(cr, pageText, left + width * 0.72, footerTop);
    // A short accent mark over the page number: the page's one touch of colour at the bottom.
    SetColour(cr, theme.accent);
    cairo_rectangle(cr, left + width - 12 * kMm, footerTop - 2.2 * kMm, 12 * kMm, 1.2);
    cairo_fill(cr);
}

} // namespace concerto::report::pdf
