#include "reports/pdf_text.h"

#include "reports/french.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace concerto::report::pdf {

namespace {

int HexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

const char* const kNoBreak = "\xC2\xA0";
const char* const kNarrowNoBreak = "\xE2\x80\xAF";

bool StartsWithClosingPunctuation(const std::string& text)
{
    return !text.empty() && (text[0] == ':' || text[0] == ';' || text[0] == '!' || text[0] == '?');
}

void TrimTrailingSpaces(std::string& text)
{
    for (;;) {
        if (!text.empty() && text.back() == ' ')
            text.pop_back();
        else if (text.size() >= 2 && text.compare(text.size() - 2, 2, kNoBreak) == 0)
            text.resize(text.size() - 2);
        else if (text.size() >= 3 && text.compare(text.size() - 3, 3, kNarrowNoBreak) == 0)
            text.resize(text.size() - 3);
        else
            return;
    }
}

} // namespace

Rgb ParseColour(const std::string& hex, Rgb fallback)
{
    const std::string digits = !hex.empty() && hex[0] == '#' ? hex.substr(1) : hex;
    if (digits.size() != 6)
        return fallback;
    double parts[3];
    for (int i = 0; i < 3; ++i) {
        const int high = HexDigit(digits[2 * i]), low = HexDigit(digits[2 * i + 1]);
        if (high < 0 || low < 0)
            return fallback;
        parts[i] = (high * 16 + low) / 255.0;
    }
    return {parts[0], parts[1], parts[2]};
}

Rgb Mix(Rgb a, Rgb b, double t)
{
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

std::string Hex(Rgb c)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", static_cast<int>(std::lround(c.r * 255)),
                  static_cast<int>(std::lround(c.g * 255)), static_cast<int>(std::lround(c.b * 255)));
    return buffer;
}

void SetColour(cairo_t* cr, Rgb c, double alpha)
{
    cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

Theme Theme::From(const Styles& styles)
{
    Theme theme;
    theme.accent = ParseColour(styles.accentColour, ParseColour("#1F4E79", {}));
    theme.tint = Mix(theme.accent, theme.white, 0.90);
    theme.zebra = Mix(theme.accent, theme.white, 0.965);
    if (!styles.fontFamily.empty())
        theme.sans = styles.fontFamily;
    theme.base = styles.baseSizePt >= 6 && styles.baseSizePt <= 16 ? styles.baseSizePt : 10;
    // Muted, print-friendly hues that stay distinct in greyscale order: teal, ochre, brick,
    // sage, plum, slate, rose — after the definition's accent.
    theme.palette = {theme.accent,
                     ParseColour("#2A9D8F", {}),
                     ParseColour("#E9A23B", {}),
                     ParseColour("#C8553D", {}),
                     ParseColour("#7A9E7E", {}),
                     ParseColour("#8E6C8A", {}),
                     ParseColour("#5C7C99", {}),
                     ParseColour("#D4A5A5", {})};
    return theme;
}

Rgb Theme::Series(std::size_t i) const
{
    const Rgb colour = palette[i % palette.size()];
    // Past the palette, lighter variants rather than repeats.
    return Mix(colour, white, 0.35 * static_cast<double>(i / palette.size() % 3));
}

Rgb Theme::Status(const std::string& code) const
{
    if (code == "done")
        return ParseColour("#2E8B57", {});
    if (code == "in_progress")
        return ParseColour("#D98E04", {});
    if (code == "dropped")
        return ParseColour("#B5473A", {});
    return ParseColour("#6A7F99", {}); // planned, and anything unknown
}

Typesetter::Typesetter(const std::string& language)
{
    m_fontMap = pango_cairo_font_map_new();
    m_context = pango_font_map_create_context(m_fontMap);
    // Points as user units, and metrics free of hinting: the layout pass measures what the
    // PDF shows, whatever the screen.
    pango_cairo_context_set_resolution(m_context, 72.0);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(m_context, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(m_context, FALSE);
    pango_context_set_language(m_context, pango_language_from_string(language.empty() ? "fr-fr" : language.c_str()));
    pango_context_set_base_dir(m_context, PANGO_DIRECTION_LTR);
}

Typesetter::~Typesetter()
{
    g_object_unref(m_context);
    g_object_unref(m_fontMap);
}

LayoutPtr Typesetter::Markup(const std::string& markup, const TextStyle& style, double width) const
{
    LayoutPtr layout(pango_layout_new(m_context), [](PangoLayout* l) { g_object_unref(l); });
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, style.family.c_str());
    pango_font_description_set_size(font, static_cast<gint>(style.size * PANGO_SCALE));
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    if (style.smallCaps)
        pango_font_description_set_variant(font, PANGO_VARIANT_SMALL_CAPS);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    if (width > 0) {
        pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), style.wrap);
    }
    pango_layout_set_alignment(layout.get(), style.align);
    pango_layout_set_justify(layout.get(), style.justify);
    if (style.lineSpacing > 0)
        pango_layout_set_line_spacing(layout.get(), static_cast<float>(style.lineSpacing));
    if (style.letterSpacing != 0) {
        PangoAttrList* attributes = pango_attr_list_new();
        pango_attr_list_insert(attributes,
                               pango_attr_letter_spacing_new(static_cast<int>(style.letterSpacing * PANGO_SCALE)));
        pango_layout_set_attributes(layout.get(), attributes);
        pango_attr_list_unref(attributes);
    }
    pango_layout_set_markup(layout.get(), markup.c_str(), -1);
    return layout;
}

LayoutPtr Typesetter::Text(const std::string& text, const TextStyle& style, double width) const
{
    return Markup(Escape(text), style, width);
}

double LayoutWidth(const LayoutPtr& layout)
{
    PangoRectangle logical;
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    return static_cast<double>(logical.width) / PANGO_SCALE;
}

double LayoutHeight(const LayoutPtr& layout)
{
    PangoRectangle logical;
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    return static_cast<double>(logical.height) / PANGO_SCALE;
}

void ShowLayout(cairo_t* cr, const LayoutPtr& layout, double x, double y)
{
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout.get());
}

std::vector<LineBox> LayoutLines(const LayoutPtr& layout)
{
    std::vector<LineBox> lines;
    PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
    do {
        PangoRectangle inLayout;
        pango_layout_iter_get_line_extents(iter, nullptr, &inLayout);
        PangoRectangle inLine;
        pango_layout_line_get_extents(pango_layout_iter_get_line_readonly(iter), nullptr, &inLine);
        int top = 0, bottom = 0;
        pango_layout_iter_get_line_yrange(iter, &top, &bottom);
        LineBox box;
        box.top = static_cast<double>(top) / PANGO_SCALE;
        box.bottom = static_cast<double>(bottom) / PANGO_SCALE;
        box.baseline = static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE;
        box.x = static_cast<double>(inLayout.x - inLine.x) / PANGO_SCALE;
        lines.push_back(box);
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    return lines;
}

void ShowLines(cairo_t* cr, const LayoutPtr& layout, const std::vector<LineBox>& lines, std::size_t first,
               std::size_t last, double x, double y)
{
    if (first >= last)
        return;
    const double origin = y - lines[first].top;
    for (std::size_t i = first; i < last && i < lines.size(); ++i) {
        cairo_move_to(cr, x + lines[i].x, origin + lines[i].baseline);
        pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(layout.get(), static_cast<int>(i)));
    }
}

std::string Escape(const std::string& text)
{
    gchar* escaped = g_markup_escape_text(text.c_str(), static_cast<gssize>(text.size()));
    std::string out = escaped;
    g_free(escaped);
    return out;
}

std::string SpansMarkup(const std::vector<Span>& spans)
{
    std::vector<std::string> texts;
    for (const auto& span : spans) {
        std::string text = french::Typography(span.text);
        // Typography sees one span at a time: "voir " + bold ":" still needs its no-break space.
        if (!texts.empty() && StartsWithClosingPunctuation(text)) {
            TrimTrailingSpaces(texts.back());
            text = (text[0] == ':' ? kNoBreak : kNarrowNoBreak) + text;
        }
        texts.push_back(std::move(text));
    }
    std::string markup;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        std::string piece = Escape(texts[i]);
        if (spans[i].italic)
            piece = "<i>" + piece + "</i>";
        if (spans[i].bold)
            piece = "<b>" + piece + "</b>";
        markup += piece;
    }
    return markup;
}

std::string FormatValue(const Value& value)
{
    switch (value.type) {
    case ValueType::Text:
        return french::Typography(value.text);
    case ValueType::Integer:
        return french::Number(std::llround(value.number));
    case ValueType::Decimal:
        return french::Decimal(value.number, 1);
    case ValueType::Percent:
        return french::Percent(value.number, 1);
    case ValueType::Date:
        return french::ShortDate(value.date);
    case ValueType::DateTime: {
        const std::time_t seconds = static_cast<std::time_t>(value.instant.seconds);
        std::tm local{};
        localtime_r(&seconds, &local);
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%02d/%02d/%04d %02d:%02d", local.tm_mday, local.tm_mon + 1,
                      local.tm_year + 1900, local.tm_hour, local.tm_min);
        return buffer;
    }
    }
    return value.text;
}

bool IsNumeric(ValueType type)
{
    return type == ValueType::Integer || type == ValueType::Decimal || type == ValueType::Percent;
}

} // namespace concerto::report::pdf
