#pragma once
// The reads the meetings view and the quick entry need beyond the generic repository: each
// meeting with its channel, neighbourhood and number of contributions in one query; a
// meeting's first contributions; the next paper slip number of a meeting or channel.

#include "db/database.h"
#include "db/repositories.h"

#include <string>
#include <vector>

namespace concerto {

/// A meeting as the meetings list shows it: the row and what it is joined to.
struct MeetingRow {
    Meeting meeting;
    std::string channelName;
    std::string neighbourhoodName; ///< empty when the meeting has no neighbourhood
    long long contributions = 0;   ///< contributions linked to the meeting
};

/// Every meeting of a consultation, oldest first; only those of `channelId` when it is not empty.
std::vector<MeetingRow> ListMeetingRows(Database& db, const std::string& consultationId,
                                        const std::string& channelId = {});

/// The start of a contribution, as a meeting's detail lists it.
struct ContributionExcerpt {
    std::string id, sourceRef, profile, title, body;
    Timestamp receivedAt;
};

/// A meeting's contributions in order of receipt (then slip number), at most `limit`.
std::vector<ContributionExcerpt> ListMeetingContributions(Database& db, const std::string& meetingId, int limit);

/// Number of contributions linked to the meeting (they lose the link when it is deleted).
long long CountMeetingContributions(Database& db, const std::string& meetingId);

/// "CAR-3-12" -> "CAR-3-13", "lettre 099" -> "lettre 100", "7" -> "8": the number that ends the
/// text grows by one, keeping its leading zeros while it fits; text ending without a digit is
/// returned unchanged.
std::string IncrementTrailingNumber(const std::string& text);

/// The slip number to propose for the next paper contribution: "<prefix>-<n+1>" where n is
/// the largest number already used after "<prefix>-" by the contributions of `meetingId`
/// (or, when it is empty, of the channel within the consultation); "<prefix>-1" when none.
std::string NextSlipNumber(Database& db, const std::string& consultationId, const std::string& channelId,
                           const std::string& meetingId, const std::string& prefix);

/// True when a contribution of the consultation and channel already carries this source reference.
bool SourceRefTaken(Database& db, const std::string& consultationId, const std::string& channelId,
                    const std::string& sourceRef);

} // namespace concerto
