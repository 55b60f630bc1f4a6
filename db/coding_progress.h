#pragma once
// Where the coding of a consultation stands: per channel, how many contributions are still
// new, tagged, waiting for review or excluded; per coder, how much of the final tagging they
// did and when they last tagged. For the coding progress panel, on a worker: on a million
// contributions the counts take a moment.

#include "core/datetime.h"
#include "db/database.h"

#include <string>
#include <vector>

namespace concerto {

/// The contributions of one channel (or of all: the totals) by processing state.
struct ChannelProgress {
    std::string channelId; ///< empty for the totals
    std::string channel;   ///< the channel's name; empty for the totals
    long long total = 0;
    long long fresh = 0; ///< state "new": nobody has coded them yet
    long long tagged = 0;
    long long toReview = 0;
    long long excluded = 0; ///< off-topic: coded, with nothing to tag
    /// The share coded, (tagged + excluded) / total, in [0, 1]; 0 when there is no contribution.
    double CodedShare() const;
};

/// One coder's part of the final tags (table tag).
struct CoderProgress {
    std::string coder;           ///< as stored on the tags (empty for tags recorded without a coder)
    long long tags = 0;          ///< tags they gave
    long long contributions = 0; ///< distinct contributions they tagged
    Timestamp lastTaggedAt;      ///< their latest tag's tagged_at
};

/// The whole picture for one consultation.
struct CodingProgress {
    std::vector<ChannelProgress> channels; ///< the channels holding contributions, in channel order
    ChannelProgress totals;                ///< all channels together
    std::vector<CoderProgress> coders;     ///< most tags first, then by name
    long long tags = 0;                    ///< final tags on the consultation's contributions
    long long taggedContributions = 0;     ///< contributions with at least one final tag
};

/// Counts the coding progress of `consultationId` (every consultation when empty). Same SQL on
/// SQLite and PostgreSQL; throws Concerto errors.
CodingProgress LoadCodingProgress(Database& db, const std::string& consultationId);

} // namespace concerto
