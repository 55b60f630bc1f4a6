// The timeline of a commitment: its status changes and the reorientation points that touched it.

#include "db/restitution_internal.h"

#include <algorithm>

namespace concerto {

std::vector<TimelineEvent> CommitmentTimeline(Database& db, const std::string& commitmentId)
{
    std::vector<TimelineEvent> events;
    if (!IsUuid(commitmentId))
        return events;
    // History() is oldest first, same-day changes in the order they were recorded.
    for (const auto& change : CommitmentRepository(db).History(commitmentId)) {
        TimelineEvent event;
        event.kind = TimelineEvent::Kind::StatusChange;
        event.on = change.effectiveOn;
        event.author = change.createdBy;
        event.status = change.status;
        event.comment = change.comment;
        events.push_back(std::move(event));
    }
    std::vector<std::pair<Timestamp, TimelineEvent>> points;
    const std::string sql = "SELECT r.id, r.title, r.decision, r.created_at, r.created_by, m.starts_at, l.change "
                            "FROM reorientation_link l JOIN reorientation r ON r.id = l.reorientation_id "
                            "LEFT JOIN meeting m ON m.id = r.meeting_id WHERE l.commitment_id = :commitment";
    QueryRows(db, sql, {{"commitment", commitmentId}}, [&](const soci::row& row) {
        TimelineEvent event;
        event.kind = TimelineEvent::Kind::Reorientation;
        event.reorientationId = Cell::Text(row, 0);
        event.comment = Cell::Text(row, 1);
        FromCode(Cell::Text(row, 2), event.decision);
        const Timestamp created = Cell::Instant(row, 3);
        event.author = Cell::Text(row, 4);
        event.on = Cell::IsNull(row, 5) ? created.Day() : Cell::Instant(row, 5).Day();
        ChangeKind change = ChangeKind::Amended;
        if (!Cell::IsNull(row, 6) && FromCode(Cell::Text(row, 6), change))
            event.change = change;
        points.emplace_back(created, std::move(event));
    });
    std::sort(points.begin(), points.end(), [](const auto& a, const auto& b) {
        return a.first.seconds != b.first.seconds ? a.first < b.first
                                                  : a.second.reorientationId < b.second.reorientationId;
    });
    for (auto& point : points)
        events.push_back(std::move(point.second));
    // Stable: status changes (listed first) stay ahead of points on the same day.
    std::stable_sort(events.begin(), events.end(), [](const TimelineEvent& a, const TimelineEvent& b) {
        if (!(a.on == b.on))
            return a.on < b.on;
        return a.kind == TimelineEvent::Kind::StatusChange && b.kind == TimelineEvent::Kind::Reorientation;
    });
    // A point carries the status in force that day, so no event holds an unset status.
    CommitmentStatus current = CommitmentStatus::Planned;
    for (auto& event : events) {
        if (event.kind == TimelineEvent::Kind::StatusChange)
            current = event.status;
        else
            event.status = current;
    }
    return events;
}

} // namespace concerto
