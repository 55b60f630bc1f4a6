#pragma once
// Internal to the PDF writer: charts drawn as vectors with cairo — bars (horizontal or
// vertical, grouped by series), stacked bars and pies (as a ring, the total in the middle) —
// with a legend, a light grid and value labels in French number format.

#include "reports/document.h"
#include "reports/pdf_text.h"

namespace concerto::report::pdf {

/// The height `chart` takes when drawn `width` points wide: title, legend and plot.
double ChartHeight(const ChartBlock& chart, const Typesetter& type, const Theme& theme, double width);

/// Draws `chart` with its top-left corner at the origin, in a `width` × `height` box.
void DrawChart(cairo_t* cr, const ChartBlock& chart, const Typesetter& type, const Theme& theme, double width,
               double height);

/// A chart value as French text: "3 500", or "12,5" when the chart has fractions.
std::string ChartNumber(double value, bool fractions);

/// A round axis step (1, 2 or 5 × 10^k) giving about `ticks` intervals up to `maximum`.
double NiceStep(double maximum, int ticks);

} // namespace concerto::report::pdf
