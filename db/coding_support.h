#pragma once
// What the coding actions share (coding.cpp, coding_actions.cpp, coding_bulk.cpp): who codes,
// reading and version-checking contributions, labels found by folded name, the words of the
// descriptions, and PostgreSQL's bulk-write mode. Internal to concerto_db.

#include "db/coding.h"

#include <optional>
#include <string>
#include <vector>

namespace concerto::coding {

/// Which way an action is being run, for the wording of its conflicts.
enum class Step { Apply, Redo, Undo };

/// The coder stored on tags: target.coder, or the database user when empty.
std::string CoderOf(Database& db, const CodingTarget& target);

/// The contribution with this id; NotFoundError when it is gone.
Contribution ReadContribution(Database& db, const std::string& id);

/// The ConflictError of a coding step that met `table` row `id` at version `current` (0: deleted)
/// where it expected `expected`. `what` names the row ("la contribution").
[[noreturn]] void ThrowConflict(Step step, const std::string& what, const std::string& table, const std::string& id,
                                int expected, int current);

/// Sets the columns of `assignments` on contribution `id` if its version is still `expected`
/// (version moves on, stamps updated); returns the new version, ConflictError otherwise.
int UpdateContribution(Database& db, Step step, const std::string& id, int expected, const std::string& assignments,
                       Bindings& values);

/// Deletes row `id` of `table` if its version is still `version`. Returns false when the row
/// was already gone; ConflictError when it was changed meanwhile.
bool DeleteRow(Database& db, Step step, const char* table, const char* what, const std::string& id, int version);

/// What a tag points at, read for validation and for the descriptions.
struct TagSubject {
    std::string consultationId;
    std::string ref, title; ///< the commitment's reference and title, or the theme's code and title
    bool isTheme = false;
};

/// The commitment (or, without one, the theme) of `spec`: NotFoundError when it is gone,
/// ValidationError when the spec names neither.
TagSubject ReadSubject(Database& db, const TagSpec& spec);

/// "soutien à 2.3 Cantines bio", "critique du thème LOG Logement"; without the title when `brief`.
std::string DescribeTag(Stance stance, const TagSubject& subject, bool brief = false);

/// The SQL condition (on tag alias t) and parameters matching the subject of `spec`:
/// the same commitment, or a theme-only tag of the same theme.
std::string SameSubjectCondition(const TagSpec& spec, Bindings& params, const std::string& prefix);

/// « text », with the no-break spaces of French typography.
std::string Quoted(const std::string& text);

/// 100 000: digits grouped by three with narrow no-break spaces.
std::string FormatCount(long long count);

/// The name with surrounding spaces (no-break ones too) removed.
std::string TrimmedName(const std::string& name);

/// The label of the consultation whose name equals `name` ignoring case and accents, if any.
std::optional<Label> FindLabel(Database& db, const std::string& consultationId, const std::string& name);

/// Deletes label `id` if it is still at `version` and nothing uses it (no contribution, no topic).
/// Returns true when it was deleted.
bool RemoveLabelIfUnused(Database& db, const std::string& id, int version);

/// Binds values[first, first + count) as :<prefix>0, :<prefix>1… and returns that list for an IN (…).
std::string BindTexts(Bindings& params, const std::vector<std::string>& values, std::size_t first, std::size_t count,
                      const std::string& prefix);

/// On PostgreSQL, silences the row notifications for the rest of the transaction (concerto.bulk).
void BeginBulkWrite(Database& db);
/// On PostgreSQL, sends `payload` ("tag:*") on concerto_changes, delivered at commit.
void Announce(Database& db, const std::string& payload);

/// The done column of `coder` in sample `sampleId` ("done_by_a" or "done_by_b"): NotFoundError
/// when the sample is gone, ValidationError when the coder is neither of its coders.
const char* DoneColumn(Database& db, const std::string& sampleId, const std::string& coder);

/// ValidationError unless the contribution belongs to the sample.
void RequireSampleItem(Database& db, const std::string& sampleId, const std::string& contributionId);

} // namespace concerto::coding
