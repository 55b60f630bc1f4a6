#pragma once
// What the reorientation point editor offers, read before it opens (never from the dialog):
// the consultation's meetings, the owners already named, the commitments by theme, the topics,
// and the contributions that can serve as evidence — those behind the point's topics and
// commitments, or found by words. Also the next free reference of a commitment born at the
// restitution. SQLite and PostgreSQL alike.

#include "core/model.h"
#include "db/database.h"
#include "db/restitution.h"

#include <string>
#include <vector>

namespace concerto {

/// The lists the reorientation point editor chooses from.
struct ReorientationChoices {
    std::vector<Meeting> meetings;       ///< restitution evenings first, then agoras, then the others; each by date
    std::vector<std::string> owners;     ///< owners already named on the consultation's points, by name
    std::vector<Theme> themes;           ///< by position
    std::vector<Commitment> commitments; ///< by ref
    std::vector<Topic> topics;           ///< by title
};
/// Reads the choices of `consultationId` (a few hundred rows at most).
ReorientationChoices LoadReorientationChoices(Database& db, const std::string& consultationId);

/// What evidence to look for: contributions behind these topics (their labels and commitments)
/// or tagged on these commitments; or, when `words` is not empty, contributions matching them
/// (full text). Excluded contributions are never offered.
struct EvidenceQuery {
    std::vector<std::string> topicIds, commitmentIds;
    std::string words;
};
/// At most `limit` contributions of the consultation answering `query`: quotes first, then in
/// entry order. An empty query (no link, no words) gives nothing.
std::vector<EvidenceItem> FindEvidenceCandidates(Database& db, const std::string& consultationId,
                                                 const EvidenceQuery& query, int limit = 300);
/// The evidence lines of these contributions (unknown ids are skipped), in entry order.
std::vector<EvidenceItem> EvidenceItemsFor(Database& db, const std::vector<std::string>& contributionIds);
/// The whole text of a contribution (title, then body), or an empty string when it is gone.
std::string ContributionFullText(Database& db, const std::string& contributionId);
/// "NOUV-n" with n one more than the largest n used by a commitment of the consultation.
std::string NextNewCommitmentRef(Database& db, const std::string& consultationId);

} // namespace concerto
