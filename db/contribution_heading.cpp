#include "db/contribution_heading.h"

namespace concerto {

bool ReadContributionHeading(Database& db, const std::string& where, Bindings& params, ContributionHeading& heading)
{
    // The names follow the record's six columns and the contribution's own.
    const std::size_t extra = 6 + Repository<Contribution>::Columns().names.size();
    const std::string sql = "SELECT " + Repository<Contribution>::SelectList() +
                            ", c.seq, ch.name, m.title, n.name, cd.title FROM contribution c "
                            "LEFT JOIN channel ch ON ch.id = c.channel_id LEFT JOIN meeting m ON m.id = c.meeting_id "
                            "LEFT JOIN neighbourhood n ON n.id = c.neighbourhood_id "
                            "LEFT JOIN card cd ON cd.id = c.card_id WHERE ";
    bool found = false;
    QueryRows(db, sql + where, params, [&](const soci::row& row) {
        heading.contribution = Repository<Contribution>::FromRow(row, 0);
        heading.seq = Cell::Integer(row, extra);
        heading.channel = Cell::Text(row, extra + 1);
        heading.meeting = Cell::Text(row, extra + 2);
        heading.neighbourhood = Cell::Text(row, extra + 3);
        heading.card = Cell::Text(row, extra + 4);
        found = true;
    });
    return found;
}

} // namespace concerto
