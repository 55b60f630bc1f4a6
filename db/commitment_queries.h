#pragma once
// The figures of the commitments view: how many contributions are linked to each commitment
// of a consultation, per stance and in all, counted in one grouped query over the tags.

#include "core/model.h"
#include "db/database.h"

#include <array>
#include <map>
#include <string>

namespace concerto {

/// Number of stances (the size of CommitmentCounts::byStance).
constexpr std::size_t kStanceCount = 5;

/// The contributions linked to one commitment.
struct CommitmentCounts {
    /// Distinct contributions tagged with each stance, indexed by static_cast<size_t>(Stance).
    std::array<long long, kStanceCount> byStance{};
    /// Distinct contributions tagged with any stance (a contribution tagged twice with two
    /// stances counts once here, once in each stance).
    long long total = 0;

    /// Adds `other` member by member (for the sums of a theme).
    CommitmentCounts& operator+=(const CommitmentCounts& other);
};

/// The counts of every commitment of `consultationId` that has at least one tagged
/// contribution, keyed by commitment id; commitments without any are absent.
/// Tags that name only a theme and excluded contributions are not counted. One statement, on
/// either backend.
std::map<std::string, CommitmentCounts> CountLinkedContributions(Database& db, const std::string& consultationId);

} // namespace concerto
