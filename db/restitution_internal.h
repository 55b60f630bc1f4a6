#pragma once
// What the restitution files share (restitution_topics.cpp, restitution_evidence.cpp,
// restitution_points.cpp, restitution_timeline.cpp, defined in restitution_support.cpp): id checks that never reach the
// database with a malformed UUID (PostgreSQL would abort the transaction), the evidence row layout, and French
// orderings. Internal to concerto_db.

#include "db/repositories.h"
#include "db/restitution.h"

#include <set>
#include <string>
#include <vector>

namespace concerto::restitution {

/// The values in first-seen order, without empty strings and duplicates.
std::vector<std::string> Distinct(const std::vector<std::string>& values);

/// ValidationError naming `what` unless every id is a UUID.
void RequireUuids(const std::vector<std::string>& ids, const std::string& what);

/// The ids among `ids` that are rows of `table` in consultation `consultationId` (`table` comes
/// from code). Ids must already be UUIDs.
std::set<std::string> IdsInConsultation(Database& db, const char* table, const std::string& consultationId,
                                        const std::vector<std::string>& ids);

/// ValidationError « <what> n'existe pas ou appartient à une autre consultation. » unless every
/// id is a row of `table` in the consultation.
void RequireInConsultation(Database& db, const char* table, const std::string& consultationId,
                           const std::vector<std::string>& ids, const std::string& what);

/// The trimmed title; ValidationError naming `field` when it is empty.
std::string RequiredTitle(const std::string& title, const std::string& field);

/// ValidationError unless the consultation exists.
void RequireConsultation(Database& db, const std::string& consultationId);

/// The columns EvidenceFromRow reads (contribution alias c, channel ch, neighbourhood n), then
/// the channel code, neighbourhood id and profile.
std::string EvidenceColumns();
/// The joins EvidenceColumns needs after "FROM contribution c".
std::string EvidenceJoins();
/// Number of columns of EvidenceColumns().
constexpr std::size_t kEvidenceColumnCount = 11;
/// An evidence item read from EvidenceColumns() starting at column `first`.
EvidenceItem EvidenceFromRow(const soci::row& row, std::size_t first);

/// The ConflictError Repository::Update throws when the row was deleted meanwhile.
[[noreturn]] void ThrowDeleted(const char* table, const std::string& what, const std::string& id, int version);

/// The first `count` characters (code points) of UTF-8 text, never cutting one.
std::string FirstCharacters(const std::string& text, std::size_t count);

/// Orders text the French way, ignoring case and accents (then byte order to be total).
bool FrenchLess(const std::string& a, const std::string& b);
/// Orders commitment references naturally ("2.10" after "2.9").
bool RefLess(const std::string& a, const std::string& b);

} // namespace concerto::restitution
