#include "reports/chart_draw.h"

#include "reports/french.h"

#include <algorithm>
#include <cmath>

namespace concerto::report::pdf {

namespace {

constexpr double kPi = 3.14159265358979323846;

/// Measures a chart once; draws it from the same measurements.
class ChartPainter {
public:
    ChartPainter(const ChartBlock& chart, const Typesetter& type, const Theme& theme, double width)
        : m_chart(chart), m_type(type), m_theme(theme), m_width(width)
    {
        m_small = TextStyle{theme.sans, theme.base * 0.76};
        m_label = TextStyle{theme.sans, theme.base * 0.82};
        for (const auto& series : chart.series)
            for (double v : series.values)
                m_fractions = m_fractions || std::fabs(v - std::round(v)) > 1e-9;
        if (!chart.title.empty()) {
            TextStyle style{theme.sans, theme.base * 1.02, true};
            m_title = type.Text(french::Typography(chart.title), style, width);
            m_top = LayoutHeight(m_title) + theme.base * 0.7;
        }
        const bool legend = chart.kind != ChartKind::Pie && chart.series.size() > 1;
        if (legend)
            MeasureLegend();
        m_top += m_legendHeight;
        if (Empty())
            m_plotHeight = theme.base * 3;
        else if (chart.kind == ChartKind::Pie)
            MeasurePie();
        else if (chart.horizontal || chart.kind == ChartKind::StackedBar)
            MeasureHorizontal();
        else
            MeasureVertical();
    }

    double Height() const { return m_top + m_plotHeight; }

    void Draw(cairo_t* cr) const
    {
        if (m_title) {
            SetColour(cr, m_theme.ink);
            ShowLayout(cr, m_title, 0, 0);
        }
        DrawLegend(cr);
        if (Empty()) {
            auto none = m_type.Text("Aucune donnée à représenter.", TextStyle{m_theme.sans, m_theme.base, false, true},
                                    m_width);
            SetColour(cr, m_theme.muted);
            ShowLayout(cr, none, 0, m_top);
        } else if (m_chart.kind == ChartKind::Pie)
            DrawPie(cr);
        else if (m_chart.horizontal)
            DrawHorizontal(cr);
        else
            DrawVertical(cr);
    }

private:
    bool Empty() const { return m_chart.categories.empty() || m_chart.series.empty() || Maximum() <= 0; }

    double Value(std::size_t series, std::size_t category) const
    {
        const auto& values = m_chart.series[series].values;
        return category < values.size() ? std::max(0.0, values[category]) : 0.0;
    }

    double Sum(std::size_t category) const
    {
        double sum = 0;
        for (std::size_t s = 0; s < m_chart.series.size(); ++s)
            sum += Value(s, category);
        return sum;
    }

    double Maximum() const
    {
        double maximum = 0;
        for (std::size_t i = 0; i < m_chart.categories.size(); ++i)
            for (std::size_t s = 0; s < m_chart.series.size(); ++s)
                maximum = std::max(maximum, m_chart.kind == ChartKind::StackedBar ? Sum(i) : Value(s, i));
        return maximum;
    }

    /// The axis step; whole numbers for counts.
    double Step() const
    {
        const double step = NiceStep(Maximum(), 5);
        return m_fractions ? step : std::max(1.0, step);
    }

    LayoutPtr Label(const std::string& text, const TextStyle& style, double width) const
    {
        return m_type.Text(french::Typography(text), style, width);
    }

    void Swatch(cairo_t* cr, double x, double y, double size, Rgb colour) const
    {
        SetColour(cr, colour);
        cairo_rectangle(cr, x, y, size, size);
        cairo_fill(cr);
    }

    void MeasureLegend()
    {
        const double swatch = m_theme.base * 0.7;
        double x = 0, y = 0, line = 0;
        for (std::size_t s = 0; s < m_chart.series.size(); ++s) {
            auto text = Label(m_chart.series[s].name, m_label, m_width * 0.6);
            const double w = swatch + 4 + LayoutWidth(text);
            if (x > 0 && x + w > m_width) {
                x = 0;
                y += line + 3;
            }
            line = std::max(line, LayoutHeight(text));
            m_legend.push_back({text, x, y});
            x += w + 14;
        }
        m_legendHeight = y + line + m_theme.base * 0.8;
    }

    void DrawLegend(cairo_t* cr) const
    {
        const double swatch = m_theme.base * 0.7;
        const double top = m_top - m_legendHeight;
        for (std::size_t s = 0; s < m_legend.size(); ++s) {
            const auto& item = m_legend[s];
            const double h = LayoutHeight(item.text);
            Swatch(cr, item.x, top + item.y + (h - swatch) / 2, swatch, m_theme.Series(s));
            SetColour(cr, m_theme.ink);
            ShowLayout(cr, item.text, item.x + swatch + 4, top + item.y);
        }
    }

    // Horizontal bars (grouped or stacked): a band per category, labels on the left.
    void MeasureHorizontal()
    {
        const std::size_t n = m_chart.categories.size();
        const bool stacked = m_chart.kind == ChartKind::StackedBar;
        const std::size_t bars = stacked ? 1 : m_chart.series.size();
        m_bar = bars == 1 ? m_theme.base * 1.3 : std::max(5.0, m_theme.base * 0.9);
        double widest = 0;
        for (const auto& category : m_chart.categories)
            widest = std::max(widest, LayoutWidth(Label(category, m_label, -1)));
        m_labelWidth = std::min(widest, m_width * 0.34);
        TextStyle right = m_label;
        right.align = PANGO_ALIGN_RIGHT;
        double plot = 0;
        for (std::size_t i = 0; i < n; ++i) {
            m_labels.push_back(Label(m_chart.categories[i], right, m_labelWidth));
            const double band = std::max(bars * m_bar, LayoutHeight(m_labels.back())) + m_theme.base * 0.75;
            m_bands.push_back(band);
            plot += band;
        }
        double valueWidth = 0;
        TextStyle bold = m_small;
        bold.bold = true;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t s = 0; s < (stacked ? 1 : m_chart.series.size()); ++s)
                valueWidth = std::max(
                    valueWidth,
                    LayoutWidth(m_type.Text(ChartNumber(stacked ? Sum(i) : Value(s, i), m_fractions), bold, -1)));
        m_valueWidth = valueWidth + 6;
        m_plotBody = plot;
        m_axisTitle = m_chart.valueTitle.empty() ? nullptr : Label(m_chart.valueTitle, m_small, m_width);
        m_plotHeight = plot + m_theme.base * 1.6 + (m_axisTitle ? LayoutHeight(m_axisTitle) + 3 : 0);
    }

    void DrawHorizontal(cairo_t* cr) const
    {
        const bool stacked = m_chart.kind == ChartKind::StackedBar;
        const double plotX = m_labelWidth + 8, plotW = m_width - plotX - m_valueWidth;
        const double step = Step(), axisMax = std::ceil(Maximum() / step) * step;
        const double top = m_top, bottom = m_top + m_plotBody;
        // Grid and axis values.
        TextStyle centred = m_small;
        centred.align = PANGO_ALIGN_CENTER;
        for (double tick = 0; tick <= axisMax + step / 2; tick += step) {
            const double x = plotX + tick / axisMax * plotW;
            SetColour(cr, tick == 0 ? Mix(m_theme.rule, m_theme.ink, 0.4) : m_theme.rule);
            cairo_set_line_width(cr, tick == 0 ? 0.8 : 0.4);
            cairo_move_to(cr, x, top);
            cairo_line_to(cr, x, bottom);
            cairo_stroke(cr);
            auto label = m_type.Text(ChartNumber(tick, step < 1), centred, 60);
            SetColour(cr, m_theme.muted);
            ShowLayout(cr, label, x - 30, bottom + 3);
        }
        if (m_axisTitle) {
            SetColour(cr, m_theme.muted);
            ShowLayout(cr, m_axisTitle, plotX, bottom + m_theme.base * 1.6);
        }
        double y = top;
        TextStyle bold = m_small;
        bold.bold = true;
        for (std::size_t i = 0; i < m_bands.size(); ++i) {
            const std::size_t bars = stacked ? 1 : m_chart.series.size();
            const double barsTop = y + (m_bands[i] - bars * m_bar) / 2;
            SetColour(cr, m_theme.ink);
            ShowLayout(cr, m_labels[i], 0, y + (m_bands[i] - LayoutHeight(m_labels[i])) / 2);
            double x = plotX;
            for (std::size_t s = 0; s < m_chart.series.size(); ++s) {
                const double v = Value(s, i), w = v / axisMax * plotW;
                const double barY = stacked ? barsTop : barsTop + s * m_bar;
                const double barH = (stacked || bars == 1 ? m_bar : m_bar - 1.2);
                SetColour(cr, m_theme.Series(s));
                cairo_rectangle(cr, stacked ? x : plotX, barY, w, barH);
                cairo_fill(cr);
                auto text = m_type.Text(ChartNumber(v, m_fractions), stacked ? bold : m_small, -1);
                const double tw = LayoutWidth(text), th = LayoutHeight(text);
                if (stacked) {
                    if (v > 0 && tw + 6 < w) {
                        SetColour(cr, s == 2 || s == 7 ? m_theme.ink : m_theme.white); // light ochre, rose
                        ShowLayout(cr, text, x + (w - tw) / 2, barY + (barH - th) / 2);
                    }
                    x += w;
                } else {
                    SetColour(cr, m_theme.ink);
                    ShowLayout(cr, text, plotX + w + 3, barY + (barH - th) / 2);
                }
            }
            if (stacked) {
                auto total = m_type.Text(ChartNumber(Sum(i), m_fractions), bold, -1);
                SetColour(cr, m_theme.ink);
                ShowLayout(cr, total, x + 3, barsTop + (m_bar - LayoutHeight(total)) / 2);
            }
            y += m_bands[i];
        }
    }

    // Vertical bars: columns over the categories, labels under them.
    void MeasureVertical()
    {
        const std::size_t n = m_chart.categories.size();
        double widest = 0;
        for (double tick = 0, step = Step(); tick <= Maximum() + step; tick += step)
            widest = std::max(widest, LayoutWidth(m_type.Text(ChartNumber(tick, step < 1), m_small, -1)));
        m_labelWidth = widest + 6;
        const double band = (m_width - m_labelWidth) / static_cast<double>(n);
        TextStyle centred = m_small;
        centred.align = PANGO_ALIGN_CENTER;
        centred.wrap = PANGO_WRAP_WORD_CHAR;
        double labels = 0;
        for (const auto& category : m_chart.categories) {
            m_labels.push_back(Label(category, centred, band - 4));
            labels = std::max(labels, LayoutHeight(m_labels.back()));
        }
        m_plotBody = std::max(120.0, m_theme.base * 15);
        m_axisTitle = m_chart.valueTitle.empty() ? nullptr : Label(m_chart.valueTitle, m_small, m_width);
        m_plotHeight = m_plotBody + labels + 8 + (m_axisTitle ? LayoutHeight(m_axisTitle) + 4 : 0) + m_theme.base;
    }

    void DrawVertical(cairo_t* cr) const
    {
        const std::size_t n = m_chart.categories.size();
        const double plotX = m_labelWidth, plotW = m_width - plotX;
        const double top = m_top + (m_axisTitle ? LayoutHeight(m_axisTitle) + 4 : 0) + m_theme.base;
        const double bottom = top + m_plotBody - m_theme.base;
        const double step = Step(), axisMax = std::ceil(Maximum() / step) * step;
        if (m_axisTitle) {
            SetColour(cr, m_theme.muted);
            ShowLayout(cr, m_axisTitle, 0, m_top);
        }
        TextStyle right = m_small;
        right.align = PANGO_ALIGN_RIGHT;
        for (double tick = 0; tick <= axisMax + step / 2; tick += step) {
            const double y = bottom - tick / axisMax * (bottom - top);
            SetColour(cr, tick == 0 ? Mix(m_theme.rule, m_theme.ink, 0.4) : m_theme.rule);
            cairo_set_line_width(cr, tick == 0 ? 0.8 : 0.4);
            cairo_move_to(cr, plotX, y);
            cairo_line_to(cr, m_width, y);
            cairo_stroke(cr);
            auto label = m_type.Text(ChartNumber(tick, step < 1), right, m_labelWidth - 6);
            SetColour(cr, m_theme.muted);
            ShowLayout(cr, label, 0, y - LayoutHeight(label) / 2);
        }
        const bool stacked = m_chart.kind == ChartKind::StackedBar;
        const std::size_t bars = stacked ? 1 : m_chart.series.size();
        const double band = plotW / static_cast<double>(n);
        const double barW = std::min(band * 0.7 / static_cast<double>(bars), m_theme.base * 3.2);
        const double scale = (bottom - top) / axisMax;
        TextStyle centred = m_small;
        centred.align = PANGO_ALIGN_CENTER;
        TextStyle bold = centred;
        bold.bold = true;
        for (std::size_t i = 0; i < n; ++i) {
            const double groupX = plotX + i * band + (band - barW * static_cast<double>(bars)) / 2;
            double base = bottom; // where the next stacked segment starts
            for (std::size_t s = 0; s < m_chart.series.size(); ++s) {
                const double v = Value(s, i), h = v * scale;
                const double x = stacked ? groupX : groupX + s * barW;
                const double y = stacked ? base - h : bottom - h;
                SetColour(cr, m_theme.Series(s));
                cairo_rectangle(cr, x + 0.6, y, barW - 1.2, h);
                cairo_fill(cr);
                auto text = m_type.Text(ChartNumber(v, m_fractions), centred, barW + 24);
                if (!stacked) {
                    SetColour(cr, m_theme.ink);
                    ShowLayout(cr, text, x - 12, y - LayoutHeight(text) - 1);
                } else if (v > 0 && LayoutHeight(text) + 2 < h && LayoutWidth(text) + 4 < barW) {
                    SetColour(cr, s % 8 == 2 || s % 8 == 7 ? m_theme.ink : m_theme.white);
                    ShowLayout(cr, text, x - 12, y + (h - LayoutHeight(text)) / 2);
                }
                base -= stacked ? h : 0;
            }
            if (stacked) {
                auto total = m_type.Text(ChartNumber(Sum(i), m_fractions), bold, barW + 24);
                SetColour(cr, m_theme.ink);
                ShowLayout(cr, total, groupX - 12, base - LayoutHeight(total) - 1);
            }
            SetColour(cr, m_theme.ink);
            ShowLayout(cr, m_labels[i], plotX + i * band + 2, bottom + 4);
        }
    }

    // A ring: slices of the first series, the total in the middle, the legend on the right.
    void MeasurePie()
    {
        m_diameter = std::min(150.0, m_width * 0.36);
        double total = 0;
        for (std::size_t i = 0; i < m_chart.categories.size(); ++i)
            total += Value(0, i);
        const double legendWidth = m_width - m_diameter - 28;
        double height = 0;
        for (std::size_t i = 0; i < m_chart.categories.size(); ++i) {
            const double v = Value(0, i);
            const std::string markup = Escape(french::Typography(m_chart.categories[i])) + "  <b>" +
                                       Escape(ChartNumber(v, m_fractions)) + "</b>  <span foreground='" +
                                       Hex(m_theme.muted) + "'>" +
                                       Escape(french::Percent(total > 0 ? v / total : 0, 1)) + "</span>";
            m_labels.push_back(m_type.Markup(markup, m_label, legendWidth - 14));
            height += LayoutHeight(m_labels.back()) + 4;
        }
        m_total = total;
        m_plotHeight = std::max(m_diameter, height) + m_theme.base * 0.5;
    }

    void DrawPie(cairo_t* cr) const
    {
        const double r = m_diameter / 2, cx = r + 4, cy = m_top + r;
        double angle = -kPi / 2;
        for (std::size_t i = 0; i < m_chart.categories.size(); ++i) {
            const double sweep = Value(0, i) / m_total * 2 * kPi;
            if (sweep <= 0)
                continue;
            cairo_move_to(cr, cx, cy);
            cairo_arc(cr, cx, cy, r, angle, angle + sweep);
            cairo_close_path(cr);
            SetColour(cr, m_theme.Series(i));
            cairo_fill_preserve(cr);
            SetColour(cr, m_theme.white);
            cairo_set_line_width(cr, 1.2);
            cairo_stroke(cr);
            if (sweep > 0.38) {
                const double mid = angle + sweep / 2, labelR = r * 0.79;
                TextStyle bold = m_small;
                bold.bold = true;
                auto pct = m_type.Text(french::Percent(Value(0, i) / m_total, 0), bold, -1);
                SetColour(cr, i % 8 == 2 || i % 8 == 7 ? m_theme.ink : m_theme.white);
                ShowLayout(cr, pct, cx + labelR * std::cos(mid) - LayoutWidth(pct) / 2,
                           cy + labelR * std::sin(mid) - LayoutHeight(pct) / 2);
            }
            angle += sweep;
        }
        // The hole, with the total.
        SetColour(cr, m_theme.white);
        cairo_arc(cr, cx, cy, r * 0.56, 0, 2 * kPi);
        cairo_fill(cr);
        TextStyle centred{m_theme.sans, m_theme.base * 1.5, true};
        centred.align = PANGO_ALIGN_CENTER;
        auto total = m_type.Text(ChartNumber(m_total, m_fractions), centred, r);
        TextStyle caption = m_small;
        caption.align = PANGO_ALIGN_CENTER;
        auto word = m_type.Text("au total", caption, r);
        const double h = LayoutHeight(total) + LayoutHeight(word);
        SetColour(cr, m_theme.accent);
        ShowLayout(cr, total, cx - r / 2, cy - h / 2);
        SetColour(cr, m_theme.muted);
        ShowLayout(cr, word, cx - r / 2, cy - h / 2 + LayoutHeight(total));

        const double legendX = m_diameter + 28;
        double legendHeight = 0;
        for (const auto& label : m_labels)
            legendHeight += LayoutHeight(label) + 4;
        double y = m_top + std::max(0.0, (m_diameter - legendHeight) / 2);
        const double swatch = m_theme.base * 0.75;
        for (std::size_t i = 0; i < m_labels.size(); ++i) {
            Swatch(cr, legendX, y + (m_theme.base * 1.0 - swatch) / 2 + 0.5, swatch, m_theme.Series(i));
            SetColour(cr, m_theme.ink);
            ShowLayout(cr, m_labels[i], legendX + 14, y);
            y += LayoutHeight(m_labels[i]) + 4;
        }
    }

    struct LegendItem {
        LayoutPtr text;
        double x = 0, y = 0;
    };

    const ChartBlock& m_chart;
    const Typesetter& m_type;
    const Theme& m_theme;
    double m_width;
    TextStyle m_small, m_label;
    bool m_fractions = false;
    LayoutPtr m_title, m_axisTitle;
    std::vector<LegendItem> m_legend;
    std::vector<LayoutPtr> m_labels;
    std::vector<double> m_bands;
    double m_top = 0, m_legendHeight = 0, m_plotHeight = 0, m_plotBody = 0;
    double m_bar = 10, m_labelWidth = 0, m_valueWidth = 0, m_diameter = 0, m_total = 0;
};

} // namespace

std::string ChartNumber(double value, bool fractions)
{
    return fractions ? french::Decimal(value, 1) : french::Number(std::llround(value));
}

double NiceStep(double maximum, int ticks)
{
    if (maximum <= 0 || ticks <= 0)
        return 1;
    const double raw = maximum / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    const double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * magnitude;
}

double ChartHeight(const ChartBlock& chart, const Typesetter& type, const Theme& theme, double width)
{
    return ChartPainter(chart, type, theme, width).Height();
}

void DrawChart(cairo_t* cr, const ChartBlock& chart, const Typesetter& type, const Theme& theme, double width,
               double height)
{
    cairo_save(cr);
    cairo_rectangle(cr, -2, -2, width + 4, height + 4);
    cairo_clip(cr);
    ChartPainter(chart, type, theme, width).Draw(cr);
    cairo_restore(cr);
}

} // namespace concerto::report::pdf
