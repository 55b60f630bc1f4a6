#include "reports/pdf_blocks.h"

#include "core/errors.h"
#include "reports/chart_draw.h"
#include "reports/french.h"

#include <algorithm>
#include <cmath>

namespace concerto::report::pdf {

namespace {

/// Begins a named destination at the current origin, in page coordinates (what cairo expects).
void BeginDest(cairo_t* cr, const std::string& name)
{
    double x = 0, y = 0;
    cairo_user_to_device(cr, &x, &y);
    const std::string attributes =
        "name='" + name + "' x=" + std::to_string(x) + " y=" + std::to_string(std::max(0.0, y - 12));
    cairo_tag_begin(cr, CAIRO_TAG_DEST, attributes.c_str());
}

std::shared_ptr<cairo_surface_t> LoadLogo(const std::string& path)
{
    std::shared_ptr<cairo_surface_t> logo(cairo_image_surface_create_from_png(path.c_str()),
                                          [](cairo_surface_t* s) { cairo_surface_destroy(s); });
    if (cairo_surface_status(logo.get()) != CAIRO_STATUS_SUCCESS)
        throw Error("Le logo « " + path +
                    " » n'est pas une image PNG lisible : vérifiez le chemin dans la définition.");
    return logo;
}

void DrawLogo(cairo_t* cr, cairo_surface_t* logo, double x, double y, double maxWidth, double maxHeight)
{
    const double width = cairo_image_surface_get_width(logo), height = cairo_image_surface_get_height(logo);
    if (width <= 0 || height <= 0)
        return;
    const double scale = std::min(maxWidth / width, maxHeight / height);
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, logo, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
}

} // namespace

std::string HeaderTextOf(const Document& doc)
{
    if (!doc.styles.headerText.empty())
        return doc.styles.headerText;
    if (!doc.info.title.empty())
        return doc.info.title;
    for (const auto& block : doc.blocks)
        if (const auto* cover = std::get_if<CoverBlock>(&block))
            return cover->title;
    return {};
}

std::string FooterTextOf(const Document& doc)
{
    if (!doc.styles.footerText.empty())
        return doc.styles.footerText;
    for (const auto& block : doc.blocks)
        if (const auto* cover = std::get_if<CoverBlock>(&block); cover && !cover->organisation.empty())
            return cover->organisation;
    return doc.info.author;
}

PdfLayout::PdfLayout(const Document& doc, const Typesetter& type, const Theme& theme, Composer& composer,
                     Progress* progress)
    : m_doc(doc), m_type(type), m_theme(theme), m_composer(composer), m_progress(progress)
{
    // The contents come before the headings they list: collect the headings first.
    for (const auto& block : doc.blocks)
        if (const auto* heading = std::get_if<HeadingBlock>(&block); heading && heading->inContents)
            m_headings.push_back({std::clamp(heading->level, 1, 3), french::Typography(heading->text),
                                  "section-" + std::to_string(m_headings.size() + 1)});
    m_headingPages.assign(m_headings.size(), 0);
}

void PdfLayout::Run()
{
    if (m_progress)
        m_progress->Begin("Mise en page du PDF", m_doc.blocks.size());
    std::uint64_t done = 0;
    for (const auto& block : m_doc.blocks) {
        CheckCancelled();
        std::visit(*this, block);
        if (m_progress)
            m_progress->Advance(++done);
    }
    m_composer.Flush();
}

void PdfLayout::CheckCancelled() const
{
    if (m_progress && m_progress->IsCancelled())
        throw CancelledError();
}

TextStyle PdfLayout::Body() const
{
    TextStyle style{m_theme.sans, m_theme.base};
    style.lineSpacing = 1.22;
    style.justify = true;
    return style;
}

void PdfLayout::PlaceLines(const LayoutPtr& layout, double x, double spaceBefore, Rgb colour,
                           const Decoration& decorate)
{
    auto lines = std::make_shared<std::vector<LineBox>>(LayoutLines(layout));
    const std::size_t count = lines->size();
    std::size_t first = 0;
    while (first < count) {
        const double top = (*lines)[first].top;
        const double room = m_composer.Room(first == 0 ? spaceBefore : 0);
        std::size_t fit = first;
        while (fit < count && (*lines)[fit].bottom - top <= room)
            ++fit;
        std::size_t take = fit - first;
        if (fit < count) {
            // No orphan, no widow: two lines at least on each side of the break.
            const std::size_t left = count - first;
            take = left >= 4 && take >= 2 ? std::min(take, left - 2) : 0;
            if (take == 0 && !m_composer.NothingPlaced()) {
                m_composer.NewPage();
                continue;
            }
            take = std::max<std::size_t>(take, std::max<std::size_t>(1, fit - first));
        }
        const std::size_t last = first + take;
        const double height = (*lines)[last - 1].bottom - top;
        Item item;
        item.height = height;
        item.spaceBefore = first == 0 ? spaceBefore : 0;
        item.draw = [layout, lines, first, last, x, colour, height, decorate](cairo_t* cr, const RenderState&) {
            if (decorate)
                decorate(cr, height, first == 0);
            SetColour(cr, colour);
            ShowLines(cr, layout, *lines, first, last, x, 0);
        };
        m_composer.Place(std::move(item));
        first = last;
        if (first < count)
            m_composer.NewPage();
    }
}

void PdfLayout::operator()(const CoverBlock& cover)
{
    m_composer.NewPage();
    const Geometry geo = m_composer.Geo();
    std::shared_ptr<cairo_surface_t> logo;
    if (!cover.logoPath.empty())
        logo = LoadLogo(cover.logoPath);
    const Theme& theme = m_theme;
    const Typesetter& type = m_type;

    const double width = geo.ContentWidth();
    TextStyle titleStyle{theme.sans, std::max(24.0, theme.base * 2.8), true};
    titleStyle.lineSpacing = 1.0;
    auto title = type.Text(french::Typography(cover.title), titleStyle, width * 0.92);
    TextStyle subtitleStyle{theme.sans, theme.base * 1.45};
    subtitleStyle.lineSpacing = 1.1;
    auto subtitle = type.Text(french::Typography(cover.subtitle), subtitleStyle, width * 0.85);
    TextStyle orgStyle{theme.sans, theme.base * 1.15, true};
    auto organisation = type.Text(french::Typography(cover.organisation), orgStyle, width);
    TextStyle dateStyle{theme.sans, theme.base * 1.05};
    auto date = type.Text(french::Typography(cover.dateText), dateStyle, width);

    Item item;
    item.height = geo.ContentHeight();
    item.draw = [=, &theme](cairo_t* cr, const RenderState&) {
        cairo_translate(cr, -geo.left, -geo.top); // the cover is drawn on the whole page
        const double band = 0.21 * geo.pageHeight, bandTop = geo.pageHeight - band;
        SetColour(cr, theme.accent);
        cairo_rectangle(cr, 0, bandTop, geo.pageWidth, band);
        cairo_fill(cr);
        SetColour(cr, Mix(theme.accent, theme.white, 0.55));
        cairo_rectangle(cr, 0, bandTop - 3 * kMm, geo.pageWidth, 1.6 * kMm);
        cairo_fill(cr);
        SetColour(cr, theme.accent);
        cairo_rectangle(cr, 0, 0, geo.pageWidth, 4 * kMm);
        cairo_fill(cr);
        // A quiet motif of overlapping discs in tints of the accent, cut by the page's corner.
        cairo_save(cr);
        cairo_rectangle(cr, 0, 4 * kMm, geo.pageWidth, bandTop - 8 * kMm);
        cairo_clip(cr);
        const double unit = std::min(geo.pageWidth, geo.pageHeight);
        const struct {
            double x, y, r, tint;
        } discs[] = {{0.98, 0.05, 0.30, 0.93}, {0.80, 0.20, 0.17, 0.86}, {0.97, 0.33, 0.11, 0.75}};
        for (const auto& disc : discs) {
            SetColour(cr, Mix(theme.accent, theme.white, disc.tint));
            cairo_arc(cr, geo.pageWidth * disc.x, geo.pageHeight * disc.y, unit * disc.r, 0, 2 * M_PI);
            cairo_fill(cr);
        }
        cairo_restore(cr);
        if (logo)
            DrawLogo(cr, logo.get(), geo.left, 18 * kMm, 60 * kMm, 26 * kMm);

        double y = geo.pageHeight * 0.34;
        cairo_rectangle(cr, geo.left, y, 24 * kMm, 3);
        cairo_fill(cr);
        y += 9 * kMm;
        ShowLayout(cr, title, geo.left, y);
        y += LayoutHeight(title) + 6 * kMm;
        SetColour(cr, theme.muted);
        ShowLayout(cr, subtitle, geo.left, y);

        SetColour(cr, theme.white);
        double bottom = bandTop + 16 * kMm;
        ShowLayout(cr, organisation, geo.left, bottom);
        bottom += LayoutHeight(organisation) + 2.5 * kMm;
        SetColour(cr, Mix(theme.white, theme.accent, 0.18));
        ShowLayout(cr, date, geo.left, bottom);
    };
    m_composer.Place(std::move(item));
    m_composer.WithoutFurniture();
    m_composer.NewPage();
}

void PdfLayout::operator()(const ContentsBlock& block)
{
    m_composer.NewPage();
    m_contentsPage = m_composer.PageIndex() + 1;
    Heading(HeadingBlock{1, block.title, false}, "contents");
    for (std::size_t i = 0; i < m_headings.size(); ++i)
        ContentsEntry(i);
    m_composer.NewPage();
}

void PdfLayout::ContentsEntry(std::size_t index)
{
    const HeadingEntry& entry = m_headings[index];
    if (entry.level > 2)
        return; // the bookmarks still list level 3
    const bool major = entry.level == 1;
    const double width = m_composer.Width();
    const double indent = major ? 0 : 7 * kMm;
    const double numberWidth = 14 * kMm;
    TextStyle style{m_theme.sans, m_theme.base * (major ? 1.05 : 0.95), major};
    style.lineSpacing = 1.15;
    auto text = m_type.Text(entry.text, style, width - indent - numberWidth - 6 * kMm);
    auto lines = LayoutLines(text);
    PangoRectangle lastLine;
    pango_layout_line_get_extents(pango_layout_get_line_readonly(text.get(), static_cast<int>(lines.size()) - 1),
                                  nullptr, &lastLine);
    const double dotsFrom = indent + lines.back().x + static_cast<double>(lastLine.width) / PANGO_SCALE + 4;
    const double baseline = lines.back().baseline;
    const Theme& theme = m_theme;
    const Typesetter& type = m_type;
    const std::string dest = entry.dest;

    Item item;
    item.height = LayoutHeight(text);
    item.spaceBefore = major ? m_theme.base * 1.1 : m_theme.base * 0.35;
    item.draw = [=, &theme, &type](cairo_t* cr, const RenderState& state) {
        cairo_tag_begin(cr, CAIRO_TAG_LINK, ("dest='" + dest + "'").c_str());
        SetColour(cr, theme.ink);
        ShowLayout(cr, text, indent, 0);
        SetColour(cr, theme.muted);
        for (double x = std::ceil(dotsFrom / 4.5) * 4.5; x < width - numberWidth + 6; x += 4.5)
            cairo_arc(cr, x, baseline - 0.8, 0.45, 0, 2 * M_PI), cairo_fill(cr);
        TextStyle numberStyle{theme.sans, style.size, major};
        numberStyle.align = PANGO_ALIGN_RIGHT;
        const int page = (*state.headingPages)[index];
        auto number = type.Text(std::to_string(page), numberStyle, numberWidth);
        SetColour(cr, major ? theme.accent : theme.ink);
        const auto numberLines = LayoutLines(number);
        ShowLayout(cr, number, width - numberWidth, baseline - numberLines.front().baseline);
        cairo_tag_end(cr, CAIRO_TAG_LINK);
    };
    m_composer.Place(std::move(item));
}

void PdfLayout::operator()(const HeadingBlock& heading)
{
    Heading(heading, {});
}

void PdfLayout::Heading(const HeadingBlock& heading, const std::string& ownDest)
{
    const int level = std::clamp(heading.level, 1, 3);
    const int index = heading.inContents ? static_cast<int>(m_nextHeading++) : -1;
    if (level == 1)
        m_composer.NewPage();
    const double base = m_theme.base;
    const double width = m_composer.Width();
    TextStyle style{m_theme.sans, base * (level == 1 ? 2.1 : level == 2 ? 1.4 : 1.12), true};
    style.lineSpacing = 1.05;
    auto text = m_type.Text(french::Typography(heading.text), style, level == 1 ? width * 0.9 : width);
    const double bar = level == 1 ? 10 * kMm : 0; // a short accent bar over chapter titles
    const double after = level == 1 ? 8 * kMm : level == 2 ? base * 0.5 : base * 0.3;
    const std::string dest = index >= 0 ? m_headings[index].dest : ownDest;
    const Rgb colour = level == 3 ? m_theme.ink : m_theme.accent;
    const Rgb accent = m_theme.accent;

    Item item;
    item.height = bar + LayoutHeight(text) + after;
    item.spaceBefore = level == 1 ? 0 : level == 2 ? base * 1.7 : base * 1.1;
    item.draw = [=](cairo_t* cr, const RenderState&) {
        const bool marked = !dest.empty();
        if (marked)
            BeginDest(cr, dest);
        if (bar > 0) {
            SetColour(cr, accent);
            cairo_rectangle(cr, 0, 0, 16 * kMm, 2.8);
            cairo_fill(cr);
        }
        SetColour(cr, colour);
        ShowLayout(cr, text, 0, bar);
        if (marked)
            cairo_tag_end(cr, CAIRO_TAG_DEST);
    };
    const std::string chapter = french::Typography(heading.text);
    item.placed = [this, index, level, chapter](int page) {
        if (index >= 0)
            m_headingPages[index] = page + 1;
        if (level == 1)
            m_composer.SetChapter(chapter);
    };
    m_composer.Hold(std::move(item));
}

void PdfLayout::operator()(const TextBlock& block)
{
    const double base = m_theme.base;
    const double width = m_composer.Width();
    const double listIndent = 6 * kMm;
    int number = 0;
    Paragraph::Kind previous = Paragraph::Kind::Body;
    bool first = true;
    for (const auto& paragraph : block.paragraphs) {
        const bool listItem = paragraph.kind != Paragraph::Kind::Body;
        number =
            paragraph.kind == Paragraph::Kind::Numbered ? (previous == Paragraph::Kind::Numbered ? number + 1 : 1) : 0;
        TextStyle style = Body();
        if (listItem)
            style.justify = false;
        auto text = m_type.Markup(SpansMarkup(paragraph.spans), style, listItem ? width - listIndent : width);
        const bool continuingList = listItem && previous != Paragraph::Kind::Body && !first;
        const double space = first ? base * 0.5 : continuingList ? base * 0.3 : base * 0.65;
        Decoration marker;
        if (listItem) {
            TextStyle markerStyle{m_theme.sans, base, paragraph.kind == Paragraph::Kind::Numbered};
            markerStyle.align = PANGO_ALIGN_RIGHT;
            auto mark = m_type.Text(number > 0 ? std::to_string(number) + "." : "\xE2\x80\xA2", markerStyle,
                                    listIndent - 2.2 * kMm);
            const Rgb accent = m_theme.accent;
            marker = [mark, accent](cairo_t* cr, double, bool firstPart) {
                if (!firstPart)
                    return;
                SetColour(cr, accent);
                ShowLayout(cr, mark, 0, 0);
            };
        }
        PlaceLines(text, listItem ? listIndent : 0, space, m_theme.ink, marker);
        previous = paragraph.kind;
        first = false;
    }
}

void PdfLayout::operator()(const ChartBlock& chart)
{
    const double width = m_composer.Width();
    const double height = std::min(ChartHeight(chart, m_type, m_theme, width), m_composer.Geo().ContentHeight());
    const Typesetter& type = m_type;
    const Theme& theme = m_theme;
    Item item;
    item.height = height + m_theme.base * 0.6;
    item.spaceBefore = m_theme.base * 1.3;
    item.draw = [chart, width, height, &type, &theme](cairo_t* cr, const RenderState&) {
        DrawChart(cr, chart, type, theme, width, height);
    };
    m_composer.Place(std::move(item));
}

void PdfLayout::operator()(const QuoteBlock& quote)
{
    const double base = m_theme.base;
    const double width = m_composer.Width();
    const double textLeft = 9 * kMm, textWidth = width - textLeft - 8 * kMm;
    TextStyle style{m_theme.serif, base * 1.02, false, true};
    style.lineSpacing = 1.2;
    auto text = m_type.Text(french::Typography("« " + quote.text + " »"), style, textWidth);

    std::string source;
    if (!quote.stance.empty()) {
        source += "<span foreground='" + Hex(m_theme.accent) + "'><b>" + Escape(french::Typography(quote.stance)) +
                  "</b></span>";
        if (!quote.source.empty())
            source += "  ·  ";
    }
    source += Escape(french::Typography(quote.source));
    TextStyle sourceStyle{m_theme.sans, base * 0.8};
    sourceStyle.letterSpacing = 0.15;
    auto sourceLayout = m_type.Markup(source, sourceStyle, textWidth);
    const double gap = source.empty() ? 0 : base * 0.45;
    const double textHeight = LayoutHeight(text);
    const double total = textHeight + gap + (source.empty() ? 0 : LayoutHeight(sourceLayout));
    const Theme& theme = m_theme;
    const double rule = 3 * kMm;
    auto drawRule = [&theme, rule](cairo_t* cr, double height, bool) {
        SetColour(cr, theme.accent);
        cairo_rectangle(cr, rule, 1, 1.6, height - 1);
        cairo_fill(cr);
    };

    Item sourceItem;
    sourceItem.height = source.empty() ? 0 : LayoutHeight(sourceLayout);
    sourceItem.draw = [sourceLayout, textLeft, &theme](cairo_t* cr, const RenderState&) {
        SetColour(cr, theme.muted);
        ShowLayout(cr, sourceLayout, textLeft, 0);
    };
    if (total > m_composer.Geo().ContentHeight()) {
        // Longer than a page: the words run on, the rule follows them.
        PlaceLines(text, textLeft, base * 1.1, m_theme.ink, drawRule);
        sourceItem.spaceBefore = gap;
        m_composer.Place(std::move(sourceItem));
        return;
    }
    Item item;
    item.height = total + base * 0.3;
    item.spaceBefore = base * 1.1;
    item.draw = [=, &theme](cairo_t* cr, const RenderState& state) {
        drawRule(cr, total, true);
        SetColour(cr, theme.ink);
        ShowLayout(cr, text, textLeft, 0);
        if (sourceItem.height > 0) {
            cairo_save(cr);
            cairo_translate(cr, 0, textHeight + gap);
            sourceItem.draw(cr, state);
            cairo_restore(cr);
        }
    };
    m_composer.Place(std::move(item));
}

void PdfLayout::operator()(const CommitmentListBlock& list)
{
    const double base = m_theme.base;
    const double width = m_composer.Width();
    const Theme& theme = m_theme;
    if (!list.title.empty()) {
        TextStyle style{m_theme.sans, base * 1.2, true};
        auto title = m_type.Text(french::Typography(list.title), style, width);
        Item item;
        item.height = LayoutHeight(title) + base * 0.5;
        item.spaceBefore = base * 1.5;
        item.draw = [title, &theme, width](cairo_t* cr, const RenderState&) {
            SetColour(cr, theme.ink);
            ShowLayout(cr, title, 0, 0);
            SetColour(cr, theme.accent);
            cairo_rectangle(cr, 0, LayoutHeight(title) + 2, width, 1.2);
            cairo_fill(cr);
        };
        m_composer.Hold(std::move(item));
    }
    const double refWidth = 17 * kMm, badgeWidth = 30 * kMm, gutter = 4 * kMm;
    const double bodyWidth = width - refWidth - badgeWidth - 2 * gutter;
    for (const auto& entry : list.entries) {
        CheckCancelled();
        TextStyle refStyle{m_theme.sans, base * 0.9, true};
        auto ref = m_type.Text(entry.ref, refStyle, refWidth);
        std::string markup = "<b>" + Escape(french::Typography(entry.title)) + "</b>";
        if (!entry.description.empty())
            markup += "\n<span size='" + std::to_string(static_cast<int>(base * 0.92 * PANGO_SCALE)) + "'>" +
                      Escape(french::Typography(entry.description)) + "</span>";
        if (!entry.detail.empty())
            markup += "\n<span size='" + std::to_string(static_cast<int>(base * 0.84 * PANGO_SCALE)) +
                      "' style='italic' foreground='#6B7078'>" + Escape(french::Typography(entry.detail)) + "</span>";
        TextStyle bodyStyle{m_theme.sans, base};
        bodyStyle.lineSpacing = 1.18;
        auto body = m_type.Markup(markup, bodyStyle, bodyWidth);
        TextStyle badgeStyle{m_theme.sans, base * 0.74, true};
        badgeStyle.letterSpacing = 0.3;
        auto badge = m_type.Text(french::Typography(entry.status), badgeStyle, badgeWidth - 8);
        const Rgb status = m_theme.Status(entry.statusCode);
        const double padding = base * 0.55;
        const double height = std::max(LayoutHeight(body), LayoutHeight(badge) + 6) + 2 * padding;

        Item item;
        item.height = height;
        item.draw = [=, &theme](cairo_t* cr, const RenderState&) {
            SetColour(cr, theme.accent);
            ShowLayout(cr, ref, 0, padding + 0.6);
            SetColour(cr, theme.ink);
            ShowLayout(cr, body, refWidth + gutter, padding);
            const double w = LayoutWidth(badge) + 12, h = LayoutHeight(badge) + 5;
            const double x = width - w, y = padding - 1.5, r = h / 2;
            cairo_new_sub_path(cr);
            cairo_arc(cr, x + r, y + r, r, M_PI / 2, 3 * M_PI / 2);
            cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, M_PI / 2);
            cairo_close_path(cr);
            SetColour(cr, status);
            cairo_fill(cr);
            SetColour(cr, theme.white);
            ShowLayout(cr, badge, x + 6, y + 2.5);
            SetColour(cr, theme.rule);
            cairo_set_line_width(cr, 0.5);
            cairo_move_to(cr, 0, height - 0.25);
            cairo_line_to(cr, width, height - 0.25);
            cairo_stroke(cr);
        };
        m_composer.Place(std::move(item));
    }
}

void PdfLayout::operator()(const PageBreakBlock&)
{
    m_composer.NewPage();
}

} // namespace concerto::report::pdf
