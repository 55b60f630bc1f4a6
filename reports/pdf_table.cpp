// Tables and cross-tables in the PDF: column widths from the content, long cells wrapped,
// numbers right-aligned, the header row repeated at the top of every page the table runs
// onto, group headers spanning the table, subtotals and totals set bold between rules.

#include "core/errors.h"
#include "reports/french.h"
#include "reports/pdf_blocks.h"

#include <algorithm>
#include <deque>
#include <numeric>

namespace concerto::report::pdf {

namespace {

/// Rows measured before the column widths are fixed (a streamed table is not read twice).
constexpr std::size_t kSampleRows = 300;

/// One laid-out row, ready to place.
struct SetRow {
    RowKind kind = RowKind::Data;
    std::vector<LayoutPtr> cells; ///< one per column; a group header has one spanning cell
    std::vector<double> offsets;  ///< from the cell's left padding: numbers are right-aligned
    double height = 0;
    bool striped = false;
};

class TableSetter {
public:
    TableSetter(const TableBlock& table, const Typesetter& type, const Theme& theme, Composer& composer,
                std::function<void()> checkCancelled)
        : m_table(table), m_type(type), m_theme(theme), m_composer(composer),
          m_checkCancelled(std::move(checkCancelled))
    {
        const double base = theme.base;
        m_size = table.columns.size() > 7 ? base * 0.78 : base * 0.88;
        m_padX = m_size * 0.5;
        m_padY = m_size * 0.36;
    }

    void Add(const Row& row)
    {
        if (++m_count % 64 == 0)
            m_checkCancelled();
        if (m_widths.empty()) {
            m_sample.push_back(row);
            if (m_sample.size() >= kSampleRows)
                StartPlacing(false);
            return;
        }
        Set(row);
    }

    void Finish()
    {
        if (m_widths.empty())
            StartPlacing(true);
        if (m_count == 0)
            PlaceNoRows();
        if (!m_pending.empty()) {
            Pending& last = m_pending.back();
            // The last row of a cross-table is its totals row.
            if (m_table.crossTable && last.set.kind == RowKind::Data && m_count > 1)
                last.set = Lay(last.source, RowKind::Total);
            // Never a row left alone after a break: the last two rows go together.
            if (m_pending.size() == 2)
                PlaceRow(m_pending.front().set, false, last.set.height);
            PlaceRow(last.set, true, 0);
        }
        m_pending.clear();
    }

private:
    TextStyle CellStyle(bool bold, bool numeric) const
    {
        TextStyle style{m_theme.sans, m_size, bold};
        style.align = numeric ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
        style.wrap = PANGO_WRAP_WORD_CHAR;
        style.lineSpacing = 1.08;
        return style;
    }

    bool Numeric(std::size_t column) const
    {
        return IsNumeric(m_table.columns[column].type) || (m_table.crossTable && column > 0);
    }

    /// Numbers and dates never wrap.
    bool Fixed(std::size_t column) const
    {
        const ValueType type = m_table.columns[column].type;
        return Numeric(column) || type == ValueType::Date || type == ValueType::DateTime;
    }

    /// The width of `text` on one line, and of its widest word.
    std::pair<double, double> Measure(const std::string& text, bool bold) const
    {
        auto layout = m_type.Text(text, CellStyle(bold, false), -1);
        const double natural = LayoutWidth(layout);
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD);
        pango_layout_set_width(layout.get(), PANGO_SCALE); // one word a line: the widest sets the width
        return {natural, std::min(natural, LayoutWidth(layout))};
    }

    /// Fixes the column widths from the header and the sampled rows (`whole`: all the rows),
    /// then places them.
    void StartPlacing(bool whole)
    {
        const std::size_t n = m_table.columns.size();
        // A point of slack: Pango rounds widths to its units, and a number must never wrap.
        const double pad = 2 * m_padX + 1;
        std::vector<double> natural(n, 0), minimum(n, 0);
        for (std::size_t c = 0; c < n; ++c) {
            auto [header, headerWord] = Measure(french::Typography(m_table.columns[c].title), true);
            double cells = 0, cellWord = 0;
            for (const auto& row : m_sample) {
                if (row.kind == RowKind::GroupHeader || c >= row.cells.size())
                    continue;
                const bool bold = row.kind != RowKind::Data || (m_table.crossTable && c + 1 == n);
                const auto [width, word] = Measure(FormatValue(row.cells[c]), bold);
                cells = std::max(cells, width);
                cellWord = std::max(cellWord, word);
            }
            if (m_table.columns[c].width > 0 && !Fixed(c))
                cells = m_table.columns[c].width * m_size * 0.55;
            natural[c] = std::max(cells, header) + pad;
            minimum[c] = std::max(Fixed(c) ? cells : std::min(cellWord, 40 * kMm), headerWord) + pad;
        }
        m_widths = Distribute(natural, minimum, m_composer.Width());
        m_headerHeight = 0;
        for (std::size_t c = 0; c < n; ++c) {
            m_header.push_back(m_type.Text(french::Typography(m_table.columns[c].title), CellStyle(true, Numeric(c)),
                                           m_widths[c] - 2 * m_padX));
            m_headerHeight = std::max(m_headerHeight, LayoutHeight(m_header.back()) + 2 * m_padY);
        }
        if (whole)
            KeepShortTableWhole();
        PlaceTitle();
        for (const auto& row : m_sample)
            Set(row);
        m_sample.clear();
    }

    /// A short table that does not fit below the cursor but fits on a page starts on the next
    /// page rather than being split.
    void KeepShortTableWhole()
    {
        if (m_sample.size() > 40)
            return;
        double height = m_headerHeight + m_theme.base * 3; // the title and its spacing
        for (const auto& row : m_sample)
            height += Lay(row, row.kind).height;
        if (height <= m_composer.Geo().ContentHeight() * 0.6 && height > m_composer.Room(m_theme.base * 1.4))
            m_composer.NewPage();
    }

    /// Numbers and dates, then the short text columns, keep their natural width; the long text
    /// columns share the rest in proportion to what they lack, never below their widest word.
    std::vector<double> Distribute(const std::vector<double>& natural, const std::vector<double>& minimum,
                                   double width) const
    {
        const std::size_t n = natural.size();
        auto sum = [](const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); };
        std::vector<double> widths = natural;
        if (sum(natural) <= width) {
            double flexible = 0;
            for (std::size_t c = 0; c < n; ++c)
                flexible += Fixed(c) ? 0 : natural[c];
            const double spare = width - sum(natural);
            for (std::size_t c = 0; c < n; ++c)
                widths[c] += flexible > 0 ? (Fixed(c) ? 0 : spare * natural[c] / flexible) : spare / n;
            return widths;
        }
        if (sum(minimum) >= width) {
            for (std::size_t c = 0; c < n; ++c)
                widths[c] = minimum[c] * width / sum(minimum);
            return widths;
        }
        double fixedNatural = 0;
        std::vector<std::size_t> open;
        for (std::size_t c = 0; c < n; ++c)
            Fixed(c) ? void(fixedNatural += natural[c]) : open.push_back(c);
        const bool tight = fixedNatural > width * 0.6; // many numbers: their headers wrap
        double room = width;
        for (std::size_t c = 0; c < n; ++c)
            if (Fixed(c))
                room -= widths[c] = tight ? minimum[c] : natural[c];
        for (bool pinned = true; pinned && !open.empty();) {
            pinned = false;
            const double share = room / static_cast<double>(open.size());
            for (auto it = open.begin(); it != open.end();) {
                if (natural[*it] <= share) {
                    room -= widths[*it] = natural[*it];
                    it = open.erase(it);
                    pinned = true;
                } else {
                    ++it;
                }
            }
        }
        double minimums = 0, lacking = 0;
        for (std::size_t c : open) {
            minimums += minimum[c];
            lacking += natural[c] - minimum[c];
        }
        for (std::size_t c : open)
            widths[c] = room <= minimums || lacking <= 0
                            ? minimum[c] * room / std::max(minimums, 1.0)
                            : minimum[c] + (room - minimums) * (natural[c] - minimum[c]) / lacking;
        return widths;
    }

    SetRow Lay(const Row& row, RowKind kind) const
    {
        SetRow set;
        set.kind = kind;
        const double pad = 2 * m_padX;
        if (kind == RowKind::GroupHeader) {
            std::string label;
            for (const auto& cell : row.cells)
                if (const std::string text = FormatValue(cell); !text.empty())
                    label += (label.empty() ? "" : " — ") + text;
            TextStyle style = CellStyle(true, false);
            style.size = m_size * 1.04;
            set.cells.push_back(m_type.Text(label, style, m_composer.Width() - pad));
            set.height = LayoutHeight(set.cells.back()) + 2 * m_padY + m_size * 0.35;
            return set;
        }
        const std::size_t n = m_widths.size();
        for (std::size_t c = 0; c < n; ++c) {
            const std::string text = c < row.cells.size() ? FormatValue(row.cells[c]) : std::string();
            const bool totalColumn = m_table.crossTable && c + 1 == n && n > 2;
            const bool bold = kind != RowKind::Data || totalColumn;
            // Numbers and dates never wrap: one measured from rows past the sample may be wider.
            set.cells.push_back(m_type.Text(text, CellStyle(bold, false), Fixed(c) ? -1 : m_widths[c] - pad));
            if (!Fixed(c)) {
                // A cell longer than most of a page is cut with an ellipsis: a row never overflows.
                pango_layout_set_height(set.cells.back().get(),
                                        static_cast<int>(m_composer.Geo().ContentHeight() * 0.8 * PANGO_SCALE));
                pango_layout_set_ellipsize(set.cells.back().get(), PANGO_ELLIPSIZE_END);
            }
            set.offsets.push_back(Numeric(c) ? std::max(0.0, m_widths[c] - pad - LayoutWidth(set.cells.back())) : 0);
            set.height = std::max(set.height, LayoutHeight(set.cells.back()) + 2 * m_padY);
        }
        return set;
    }

    void Set(const Row& row)
    {
        SetRow set = Lay(row, row.kind);
        if (row.kind == RowKind::Data)
            set.striped = m_stripe++ % 2 == 1;
        else
            m_stripe = 0;
        m_pending.push_back({std::move(set), m_table.crossTable ? row : Row{}});
        if (m_pending.size() > 2) {
            // The first row stays with the second under the header: never a header alone.
            PlaceRow(m_pending[0].set, false, m_placed == 0 ? m_pending[1].set.height : 0);
            m_pending.pop_front();
        }
    }

    void PlaceTitle()
    {
        const Theme& theme = m_theme;
        if (!m_table.title.empty()) {
            TextStyle style{theme.sans, theme.base * 1.02, true};
            auto title = m_type.Text(french::Typography(m_table.title), style, m_composer.Width());
            Item item;
            item.height = LayoutHeight(title) + theme.base * 0.45;
            item.spaceBefore = theme.base * 1.4;
            item.draw = [title, &theme](cairo_t* cr, const RenderState&) {
                SetColour(cr, theme.ink);
                ShowLayout(cr, title, 0, 0);
            };
            m_composer.Hold(std::move(item));
        }
        HoldHeader(m_table.title.empty() ? m_theme.base * 1.2 : 0);
    }

    void HoldHeader(double spaceBefore)
    {
        const Theme& theme = m_theme;
        Item item;
        item.height = m_headerHeight;
        item.spaceBefore = spaceBefore;
        const auto header = m_header;
        const auto widths = m_widths;
        const double height = m_headerHeight, padX = m_padX, padY = m_padY;
        item.draw = [=, &theme](cairo_t* cr, const RenderState&) {
            SetColour(cr, theme.accent);
            cairo_rectangle(cr, 0, 0, std::accumulate(widths.begin(), widths.end(), 0.0), height);
            cairo_fill(cr);
            SetColour(cr, theme.white);
            double x = 0;
            for (std::size_t c = 0; c < header.size(); ++c) {
                // Bottom-aligned, as headers of unequal length read best.
                ShowLayout(cr, header[c], x + padX, height - padY - LayoutHeight(header[c]));
                x += widths[c];
            }
        };
        m_composer.Hold(std::move(item));
    }

    void HoldContinuation()
    {
        if (!m_table.title.empty()) {
            const Theme& theme = m_theme;
            TextStyle style{theme.sans, theme.base * 0.8, false, true};
            auto caption = m_type.Text(french::Typography(m_table.title) + " (suite)", style, m_composer.Width());
            Item item;
            item.height = LayoutHeight(caption) + theme.base * 0.3;
            item.draw = [caption, &theme](cairo_t* cr, const RenderState&) {
                SetColour(cr, theme.muted);
                ShowLayout(cr, caption, 0, 0);
            };
            m_composer.Hold(std::move(item));
        }
        HoldHeader(0);
    }

    /// An empty table still says so under its header.
    void PlaceNoRows()
    {
        const Theme& theme = m_theme;
        TextStyle style{theme.sans, m_size, false, true};
        auto none = m_type.Text("Aucune ligne à afficher.", style, m_composer.Width());
        const double padX = m_padX, padY = m_padY, width = m_composer.Width();
        const double height = LayoutHeight(none) + 2 * padY;
        Item item;
        item.height = height;
        item.draw = [=, &theme](cairo_t* cr, const RenderState&) {
            SetColour(cr, theme.muted);
            ShowLayout(cr, none, padX, padY);
            SetColour(cr, theme.accent);
            cairo_set_line_width(cr, 0.9);
            cairo_move_to(cr, 0, height - 0.45);
            cairo_line_to(cr, width, height - 0.45);
            cairo_stroke(cr);
        };
        m_composer.Place(std::move(item));
    }

    /// Places `row`, on a new page under a repeated header when it (and the `keepWith` points
    /// of the row that must follow it) does not fit.
    void PlaceRow(const SetRow& row, bool last, double keepWith)
    {
        if (row.height + keepWith > m_composer.Room() && !m_composer.NothingPlaced()) {
            m_composer.NewPage();
            if (m_placed > 0)
                HoldContinuation(); // else the title and header, still held, move along
        }
        ++m_placed;
        const Theme& theme = m_theme;
        const double total = m_composer.Width();
        const auto widths = m_widths;
        const double padX = m_padX, padY = m_padY;
        const bool totalColumn = m_table.crossTable && widths.size() > 2;
        Item item;
        item.height = row.height;
        item.draw = [=, &theme](cairo_t* cr, const RenderState&) {
            const double h = row.height;
            if (row.kind == RowKind::GroupHeader || row.kind == RowKind::Subtotal || row.kind == RowKind::Total) {
                SetColour(cr, row.kind == RowKind::Total ? Mix(theme.tint, theme.accent, 0.08) : theme.tint);
                cairo_rectangle(cr, 0, 0, total, h);
                cairo_fill(cr);
            } else if (row.striped) {
                SetColour(cr, theme.zebra);
                cairo_rectangle(cr, 0, 0, total, h);
                cairo_fill(cr);
            }
            if (totalColumn && row.kind == RowKind::Data) {
                SetColour(cr, Mix(row.striped ? theme.zebra : theme.white, theme.accent, 0.06));
                cairo_rectangle(cr, total - widths.back(), 0, widths.back(), h);
                cairo_fill(cr);
            }
            if (row.kind == RowKind::GroupHeader) {
                SetColour(cr, theme.accent);
                ShowLayout(cr, row.cells.front(), padX, h - padY - LayoutHeight(row.cells.front()));
            } else {
                SetColour(cr, theme.ink);
                double x = 0;
                for (std::size_t c = 0; c < row.cells.size(); ++c) {
                    ShowLayout(cr, row.cells[c], x + padX + row.offsets[c], padY);
                    x += widths[c];
                }
            }
            if (row.kind == RowKind::Subtotal || row.kind == RowKind::Total) {
                const bool strong = row.kind == RowKind::Total;
                SetColour(cr, strong ? theme.accent : Mix(theme.rule, theme.ink, 0.25));
                cairo_set_line_width(cr, strong ? 0.9 : 0.5);
                cairo_move_to(cr, 0, 0.25);
                cairo_line_to(cr, total, 0.25);
                cairo_stroke(cr);
            }
            if (last || row.kind == RowKind::Total) {
                SetColour(cr, theme.accent);
                cairo_set_line_width(cr, 0.9);
                cairo_move_to(cr, 0, h - 0.45);
                cairo_line_to(cr, total, h - 0.45);
                cairo_stroke(cr);
            }
        };
        m_composer.Place(std::move(item));
    }

    const TableBlock& m_table;
    const Typesetter& m_type;
    const Theme& m_theme;
    Composer& m_composer;
    std::function<void()> m_checkCancelled;
    double m_size = 9, m_padX = 4, m_padY = 3;
    std::vector<Row> m_sample;
    std::vector<double> m_widths;
    std::vector<LayoutPtr> m_header;
    double m_headerHeight = 0;
    /// Rows laid out but not placed yet: two, so that the last two can be kept together.
    struct Pending {
        SetRow set;
        Row source; ///< a cross-table's row, re-laid as the totals row if it is the last
    };
    std::deque<Pending> m_pending;
    std::size_t m_placed = 0;
    std::size_t m_count = 0;
    int m_stripe = 0;
};

} // namespace

void PdfLayout::operator()(const TableBlock& table)
{
    if (table.columns.empty())
        return;
    TableSetter setter(table, m_type, m_theme, m_composer, [this] { CheckCancelled(); });
    if (table.stream)
        table.stream([&setter](const Row& row) { setter.Add(row); });
    else
        for (const auto& row : table.rows)
            setter.Add(row);
    setter.Finish();
    if (!table.note.empty()) {
        TextStyle style{m_theme.sans, m_theme.base * 0.8, false, true};
        style.lineSpacing = 1.15;
        auto note = m_type.Text(french::Typography(table.note), style, m_composer.Width());
        PlaceLines(note, 0, m_theme.base * 0.45, m_theme.muted);
    }
}

} // namespace concerto::report::pdf
