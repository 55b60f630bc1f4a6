#include "db/meeting_queries.h"

#include "db/repository.h"

#include <algorithm>
#include <cctype>

namespace concerto {

namespace {

bool IsDigit(char c)
{
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// A LIKE pattern matching text that starts with `prefix` literally (its % and _ are escaped).
std::string StartsWithPattern(const std::string& prefix)
{
    std::string pattern;
    for (char c : prefix) {
        if (c == '%' || c == '_' || c == '\\')
            pattern += '\\';
        pattern += c;
    }
    return pattern + "%";
}

} // namespace

std::vector<MeetingRow> ListMeetingRows(Database& db, const std::string& consultationId, const std::string& channelId)
{
    Params params{{"consultation", consultationId}};
    std::string sql = "SELECT " + MeetingRepository::SelectList() +
                      ", ch.name, n.name, (SELECT COUNT(*) FROM contribution k WHERE k.meeting_id = c.id)"
                      " FROM meeting c JOIN channel ch ON ch.id = c.channel_id"
                      " LEFT JOIN neighbourhood n ON n.id = c.neighbourhood_id"
                      " WHERE c.consultation_id = :consultation";
    if (!channelId.empty()) {
        sql += " AND c.channel_id = :channel";
        params.emplace_back("channel", channelId);
    }
    sql += " ORDER BY c.starts_at, c.ref, c.id";
    const std::size_t joined = 6 + MeetingRepository::Columns().names.size();
    std::vector<MeetingRow> rows;
    QueryRows(db, sql, params, [&](const soci::row& row) {
        MeetingRow item;
        item.meeting = MeetingRepository::FromRow(row, 0);
        item.channelName = Cell::Text(row, joined);
        item.neighbourhoodName = Cell::Text(row, joined + 1);
        item.contributions = Cell::Integer(row, joined + 2);
        rows.push_back(std::move(item));
    });
    return rows;
}

std::vector<ContributionExcerpt> ListMeetingContributions(Database& db, const std::string& meetingId, int limit)
{
    std::vector<ContributionExcerpt> excerpts;
    if (!IsUuid(meetingId))
        return excerpts;
    // The body is cut in SQL: a detail pane shows first lines, never whole texts.
    const std::string sql = "SELECT c.id, c.source_ref, c.profile, c.title, SUBSTR(c.body, 1, 300), c.received_at"
                            " FROM contribution c WHERE c.meeting_id = :meeting"
                            " ORDER BY c.received_at, c.source_ref, c.seq LIMIT " +
                            std::to_string(limit > 0 ? limit : 1);
    QueryRows(db, sql, {{"meeting", meetingId}}, [&](const soci::row& row) {
        ContributionExcerpt excerpt;
        excerpt.id = Cell::Text(row, 0);
        excerpt.sourceRef = Cell::Text(row, 1);
        excerpt.profile = Cell::Text(row, 2);
        excerpt.title = Cell::Text(row, 3);
        excerpt.body = Cell::Text(row, 4);
        excerpt.receivedAt = Cell::Instant(row, 5);
        excerpts.push_back(std::move(excerpt));
    });
    return excerpts;
}

long long CountMeetingContributions(Database& db, const std::string& meetingId)
{
    if (!IsUuid(meetingId))
        return 0;
    long long count = 0;
    QueryRows(db, "SELECT COUNT(*) FROM contribution c WHERE c.meeting_id = :meeting", {{"meeting", meetingId}},
              [&](const soci::row& row) { count = Cell::Integer(row, 0); });
    return count;
}

std::string IncrementTrailingNumber(const std::string& text)
{
    std::size_t start = text.size();
    while (start > 0 && IsDigit(text[start - 1]))
        --start;
    if (start == text.size())
        return text;
    std::string digits = text.substr(start);
    // Add one by hand, so that numbers of any length work and zeros are kept: 099 -> 100, 9 -> 10.
    std::size_t i = digits.size();
    while (i > 0 && digits[i - 1] == '9')
        digits[--i] = '0';
    if (i == 0)
        digits.insert(digits.begin(), '1');
    else
        ++digits[i - 1];
    return text.substr(0, start) + digits;
}

std::string NextSlipNumber(Database& db, const std::string& consultationId, const std::string& channelId,
                           const std::string& meetingId, const std::string& prefix)
{
    const std::string lead = prefix + "-";
    Params params{{"pattern", StartsWithPattern(lead)}};
    std::string sql = "SELECT c.source_ref FROM contribution c WHERE c.source_ref LIKE :pattern ESCAPE '\\'";
    if (!meetingId.empty()) {
        sql += " AND c.meeting_id = :meeting";
        params.emplace_back("meeting", meetingId);
    } else {
        sql += " AND c.consultation_id = :consultation AND c.channel_id = :channel";
        params.emplace_back("consultation", consultationId);
        params.emplace_back("channel", channelId);
    }
    unsigned long long highest = 0;
    QueryRows(db, sql, params, [&](const soci::row& row) {
        const std::string ref = Cell::Text(row, 0);
        // LIKE may ignore case (SQLite): compare the prefix exactly here.
        if (ref.size() <= lead.size() || ref.compare(0, lead.size(), lead) != 0 || ref.size() - lead.size() > 18)
            return;
        for (std::size_t i = lead.size(); i < ref.size(); ++i)
            if (!IsDigit(ref[i]))
                return;
        highest = std::max(highest, std::stoull(ref.substr(lead.size())));
    });
    return lead + std::to_string(highest + 1);
}

bool SourceRefTaken(Database& db, const std::string& consultationId, const std::string& channelId,
                    const std::string& sourceRef)
{
    if (sourceRef.empty() || !IsUuid(consultationId) || !IsUuid(channelId))
        return false;
    bool taken = false;
    QueryRows(db,
              "SELECT c.id FROM contribution c WHERE c.consultation_id = :consultation AND c.channel_id = :channel"
              " AND c.source_ref = :ref",
              {{"consultation", consultationId}, {"channel", channelId}, {"ref", sourceRef}},
              [&](const soci::row&) { taken = true; });
    return taken;
}

} // namespace concerto
