#pragma once
// Internal to the PDF writer: the house theme (colours, palette, type scale) and text set
// with Pango on a device-independent context (72 dpi, no hinting), so that what the layout
// pass measures is exactly what the render pass draws on the cairo PDF surface.

#include "reports/document.h"

#include <cairo.h>
#include <memory>
#include <pango/pangocairo.h>
#include <string>
#include <vector>

namespace concerto::report::pdf {

/// Points per millimetre: PDF user space is in points.
constexpr double kMm = 72.0 / 25.4;

/// A colour with components in 0…1.
struct Rgb {
    double r = 0, g = 0, b = 0;
};

/// "#1F4E79" or "1F4E79" → Rgb; `fallback` for anything else.
Rgb ParseColour(const std::string& hex, Rgb fallback);
/// The colour `t` of the way from `a` to `b` (0 → a, 1 → b): tints and shades.
Rgb Mix(Rgb a, Rgb b, double t);
/// "#1f4e79": for Pango markup.
std::string Hex(Rgb c);
/// Sets `c` as the cairo source.
void SetColour(cairo_t* cr, Rgb c, double alpha = 1.0);

/// The look of the document, derived once from Styles: every block draws with these.
struct Theme {
    Rgb accent;
    Rgb ink{0.13, 0.14, 0.16};   ///< running text
    Rgb muted{0.42, 0.44, 0.47}; ///< captions, sources, running header and footer
    Rgb rule{0.80, 0.82, 0.85};  ///< hairlines
    Rgb tint;                    ///< a whisper of the accent: group rows, subtotals
    Rgb zebra;                   ///< every other data row
    Rgb white{1, 1, 1};
    std::string sans = "DejaVu Sans";
    std::string serif = "DejaVu Serif";
    double base = 10; ///< body size in points
    std::vector<Rgb> palette;

    static Theme From(const Styles& styles);
    /// The colour of chart series or slice `i` (the accent first).
    Rgb Series(std::size_t i) const;
    /// The badge colour of a commitment status code ("done", "in_progress", "planned", "dropped").
    Rgb Status(const std::string& code) const;
};

/// How a piece of text is set.
struct TextStyle {
    std::string family;
    double size = 10;
    bool bold = false, italic = false, smallCaps = false;
    double lineSpacing = 0;   ///< factor of the font's line height; 0: the font's own
    double letterSpacing = 0; ///< points
    PangoAlignment align = PANGO_ALIGN_LEFT;
    bool justify = false;
    PangoWrapMode wrap = PANGO_WRAP_WORD;
};

using LayoutPtr = std::shared_ptr<PangoLayout>;

/// Makes Pango layouts in French (hyphenation and shaping) on a private font map, so that a
/// report written on a worker thread shares nothing with the GUI thread's Pango.
class Typesetter {
public:
    explicit Typesetter(const std::string& language);
    ~Typesetter();
    Typesetter(const Typesetter&) = delete;
    Typesetter& operator=(const Typesetter&) = delete;

    /// A layout of Pango `markup`, wrapped at `width` points (<= 0: one line per paragraph).
    LayoutPtr Markup(const std::string& markup, const TextStyle& style, double width) const;
    /// A layout of plain `text` (nothing in it is read as markup).
    LayoutPtr Text(const std::string& text, const TextStyle& style, double width) const;

private:
    PangoFontMap* m_fontMap = nullptr;
    PangoContext* m_context = nullptr;
};

/// The logical width and height of a layout, in points.
double LayoutWidth(const LayoutPtr& layout);
double LayoutHeight(const LayoutPtr& layout);
/// Draws `layout` with its top-left corner at (x, y), in the current source colour.
void ShowLayout(cairo_t* cr, const LayoutPtr& layout, double x, double y);

/// Where one line of a layout sits, in points from the layout's top-left corner.
struct LineBox {
    double top = 0, bottom = 0, baseline = 0, x = 0;
};
/// The lines of `layout`, top to bottom: long paragraphs are split between pages by lines.
std::vector<LineBox> LayoutLines(const LayoutPtr& layout);
/// Draws lines [first, last) of `layout` so that line `first` has its top at y.
void ShowLines(cairo_t* cr, const LayoutPtr& layout, const std::vector<LineBox>& lines, std::size_t first,
               std::size_t last, double x, double y);

/// `text` with Pango markup's special characters escaped.
std::string Escape(const std::string& text);
/// Spans as Pango markup (bold, italic), French typography applied across span boundaries.
std::string SpansMarkup(const std::vector<Span>& spans);
/// A value as French text: "3 500", "12,5", "42,0 %", "01/12/2023", "01/12/2023 14:30".
std::string FormatValue(const Value& value);
/// True for the types set right-aligned (numbers).
bool IsNumeric(ValueType type);

} // namespace concerto::report::pdf
