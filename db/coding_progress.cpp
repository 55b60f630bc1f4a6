#include "db/coding_progress.h"

#include "db/repository.h"

namespace concerto {

double ChannelProgress::CodedShare() const
{
    return total > 0 ? static_cast<double>(tagged + excluded) / static_cast<double>(total) : 0.0;
}

namespace {

// The state counts of one row laid out as: total, new, tagged, to_review, excluded from `first`.
void ReadStates(const soci::row& row, std::size_t first, ChannelProgress& progress)
{
    progress.total = Cell::Integer(row, first);
    progress.fresh = Cell::Integer(row, first + 1);
    progress.tagged = Cell::Integer(row, first + 2);
    progress.toReview = Cell::Integer(row, first + 3);
    progress.excluded = Cell::Integer(row, first + 4);
}

// One row of the per-channel query: the channel's id and name, then the state counts.
ChannelProgress ReadChannel(const soci::row& row)
{
    ChannelProgress channel;
    channel.channelId = Cell::Text(row, 0);
    channel.channel = Cell::Text(row, 1);
    ReadStates(row, 2, channel);
    return channel;
}

// One row of the per-coder query: coder, tags, contributions tagged, last tag time.
CoderProgress ReadCoder(const soci::row& row)
{
    CoderProgress coder;
    coder.coder = Cell::Text(row, 0);
    coder.tags = Cell::Integer(row, 1);
    coder.contributions = Cell::Integer(row, 2);
    coder.lastTaggedAt = Cell::Instant(row, 3);
    return coder;
}

const char* const kStateCounts = "COUNT(*), "
                                 "SUM(CASE WHEN c.state = 'new' THEN 1 ELSE 0 END), "
                                 "SUM(CASE WHEN c.state = 'tagged' THEN 1 ELSE 0 END), "
                                 "SUM(CASE WHEN c.state = 'to_review' THEN 1 ELSE 0 END), "
                                 "SUM(CASE WHEN c.state = 'excluded' THEN 1 ELSE 0 END)";

} // namespace

CodingProgress LoadCodingProgress(Database& db, const std::string& consultationId)
{
    CodingProgress progress;
    const bool scoped = !consultationId.empty();
    const Params params = scoped ? Params{{"consultation", consultationId}} : Params{};
    const std::string where = scoped ? " WHERE c.consultation_id = :consultation" : "";
    db.Guarded([&] {
        QueryRows(db,
                  std::string("SELECT h.id, h.name, ") + kStateCounts +
                      " FROM contribution c JOIN channel h ON h.id = c.channel_id" + where +
                      " GROUP BY h.id, h.name, h.position ORDER BY h.position, h.name",
                  params, [&](const soci::row& row) { progress.channels.push_back(ReadChannel(row)); });
        // Counted apart rather than summed, so that the totals hold even for a contribution whose
        // channel row is missing from the join.
        QueryRows(db, std::string("SELECT ") + kStateCounts + " FROM contribution c" + where, params,
                  [&](const soci::row& row) { ReadStates(row, 0, progress.totals); });
        // Tags are independent rows: two coders may tag the same contribution, so the coders'
        // contributions do not add up to taggedContributions.
        const std::string tags = " FROM tag t JOIN contribution c ON c.id = t.contribution_id" + where;
        QueryRows(db,
                  "SELECT t.coder, COUNT(*), COUNT(DISTINCT t.contribution_id), MAX(t.tagged_at)" + tags +
                      " GROUP BY t.coder ORDER BY COUNT(*) DESC, t.coder",
                  params, [&](const soci::row& row) { progress.coders.push_back(ReadCoder(row)); });
        QueryRows(db, "SELECT COUNT(*), COUNT(DISTINCT t.contribution_id)" + tags, params,
                  [&](const soci::row& row) {
                      progress.tags = Cell::Integer(row, 0);
                      progress.taggedContributions = Cell::Integer(row, 1);
                  });
    });
    return progress;
}

} // namespace concerto
