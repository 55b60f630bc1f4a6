#pragma once
// How an evidence line of a contribution is read from a row: the pages that show the
// contributions behind an insight, a topic or a reorientation point select the same columns
// (contribution c, channel ch, neighbourhood n) and differ only in the text they take and the
// structure they fill. Internal to concerto_db.

#include "db/row_io.h"

#include <cstddef>
#include <string>

namespace concerto {

/// An evidence line read from the columns, starting at `first`: c.id, c.seq, c.received_at,
/// ch.name, n.name, c.title, the text (the body or an excerpt of it, stored into `text`), then
/// c.is_quote as 0/1. `Line` has contributionId, seq, receivedAt, channel, neighbourhood, title
/// and isQuote; a null name reads as empty.
template <typename Line> Line ReadEvidenceLine(const soci::row& row, std::size_t first, std::string Line::*text)
{
    Line line;
    line.contributionId = Cell::Text(row, first);
    line.seq = Cell::Integer(row, first + 1);
    line.receivedAt = Cell::Instant(row, first + 2);
    line.channel = Cell::Text(row, first + 3);
    line.neighbourhood = Cell::Text(row, first + 4);
    line.title = Cell::Text(row, first + 5);
    line.*text = Cell::Text(row, first + 6);
    line.isQuote = Cell::Integer(row, first + 7) != 0;
    return line;
}

} // namespace concerto
