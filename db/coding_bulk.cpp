// Bulk coding: a tag or a label on every contribution matching a filter, in one transaction,
// fast at 100,000 matches. The matches come back in one query (in batches of vectors, not one
// dynamic row each); the new rows go in through the bulk sinks (COPY on PostgreSQL, one prepared
// insert on SQLite) with ids made here, so that the action knows exactly which rows are its own
// and its undo removes those and nothing else. State changes are grouped by the version each
// contribution had, so that every UPDATE stays version-checked while touching hundreds of rows.
// The undo checks the state it set rather than the version: a note added to one of 400
// contributions (or a later action of the session, undone since) must not make the whole
// undo impossible, and the undo writes nothing but the state.

#include "core/text.h"
#include "db/bulk.h"
#include "db/coding_support.h"
#include "db/contribution_list.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace concerto {

namespace {

// How many rows one round trip of the match query brings back.
constexpr std::size_t kFetchBatch = 5000;
constexpr std::size_t kPerStatement = ContributionList::kKeysPerStatement;

/// A contribution matching the filter, as the bulk actions need it.
struct Match {
    std::string id;
    long long seq = 0;
    int version = 0;
    bool isNew = false;
};

/// (seq, version) of contributions whose state a bulk action moves, at the version it found.
using Moved = std::vector<std::pair<long long, int>>;

/// The contributions matching `filter` and the extra condition (on alias c) that `absent`
/// returns after binding its parameters, in entry order.
std::vector<Match> SelectMatches(Database& db, const ContributionFilter& filter,
                                 const std::function<std::string(Bindings&)>& absent)
{
    const auto conditions = ContributionRepository(db).ConditionsFor(filter);
    Bindings params;
    std::string where;
    for (const auto& condition : conditions) {
        params.Texts(condition.params);
        where += (where.empty() ? " WHERE (" : " AND (") + condition.sql + ")";
    }
    where += (where.empty() ? " WHERE " : " AND ") + absent(params);
    const std::string sql =
        "SELECT CAST(c.id AS text), c.seq, c.version, c.state FROM contribution c" + where + " ORDER BY c.seq";
    std::vector<Match> matches;
    db.Guarded([&] {
        std::vector<std::string> ids(kFetchBatch), states(kFetchBatch);
        std::vector<long long> seqs(kFetchBatch);
        std::vector<int> versions(kFetchBatch);
        soci::statement statement(db.Session());
        params.ExchangeInto(statement);
        statement.exchange(soci::into(ids));
        statement.exchange(soci::into(seqs));
        statement.exchange(soci::into(versions));
        statement.exchange(soci::into(states));
        statement.alloc();
        statement.prepare(sql);
        statement.define_and_bind();
        statement.execute(false);
        while (statement.fetch()) {
            for (std::size_t i = 0; i < ids.size(); ++i)
                matches.push_back(
                    {std::move(ids[i]), seqs[i], versions[i], states[i] == ToCode(ContributionState::New)});
            ids.resize(kFetchBatch);
            seqs.resize(kFetchBatch);
            versions.resize(kFetchBatch);
            states.resize(kFetchBatch);
        }
    });
    return matches;
}

/// Moves the contributions of `rows` that are in state `from` (and, with `checkVersion`, still at
/// their version) to state `to`; returns how many it moved. Each moved row's version goes up by one.
long long MoveState(Database& db, const Moved& rows, ContributionState from, ContributionState to, bool checkVersion)
{
    std::map<int, std::vector<long long>> byVersion;
    for (const auto& [seq, version] : rows)
        byVersion[checkVersion ? version : 0].push_back(seq);
    const std::string now = Timestamp::Now().ToIso();
    long long moved = 0;
    for (const auto& [version, seqs] : byVersion) {
        for (std::size_t first = 0; first < seqs.size(); first += kPerStatement) {
            Bindings params;
            const std::string list = params.Keys(seqs, first, std::min(kPerStatement, seqs.size() - first));
            params.Text("to_state", ToCode(to));
            params.Text("from_state", ToCode(from));
            params.Text("at", now);
            params.Text("by", db.UserName());
            std::string where = "seq IN (" + list + ") AND state = :from_state";
            if (checkVersion) {
                params.Integer("expected", version);
                where += " AND version = :expected";
            }
            moved += Execute(db,
                             "UPDATE contribution SET state = :to_state, version = version + 1, updated_at = :at, "
                             "updated_by = :by WHERE " +
                                 where,
                             params);
        }
    }
    return moved;
}

/// Deletes the rows of `table` with these ids (and, when `checkVersion`, still at version 1, as
/// the bulk insert left them). Returns how many of the ids are still there afterwards: rows
/// someone changed meanwhile.
long long DeleteOwnRows(Database& db, const char* table, const std::vector<std::string>& ids, bool checkVersion)
{
    long long left = 0;
    for (std::size_t first = 0; first < ids.size(); first += kPerStatement) {
        const std::size_t count = std::min(kPerStatement, ids.size() - first);
        Bindings params;
        const std::string list = coding::BindTexts(params, ids, first, count, "i");
        const long long deleted = Execute(db,
                                          std::string("DELETE FROM ") + table + " WHERE id IN (" + list + ")" +
                                              (checkVersion ? " AND version = 1" : ""),
                                          params);
        if (static_cast<std::size_t>(deleted) == count)
            continue;
        Bindings again;
        const std::string rest = coding::BindTexts(again, ids, first, count, "i");
        QueryRows(db, std::string("SELECT COUNT(*) FROM ") + table + " WHERE id IN (" + rest + ")", again,
                  [&](const soci::row& row) { left += Cell::Integer(row, 0); });
    }
    return left;
}

/// The ConflictError of a bulk undo; `what` says which rows changed.
[[noreturn]] void ThrowUndoConflict(const std::string& what, const char* table)
{
    throw ConflictError("Annulation impossible\u00A0: " + what +
                            " entre-temps (modification faite par quelqu'un d'autre)\u202F; rien n'a été annulé.",
                        table, "", 0, 0);
}

/// "3 des 412": how many of how many.
std::string OutOf(long long part, std::size_t total)
{
    return coding::FormatCount(part) + " des " + coding::FormatCount(static_cast<long long>(total));
}

std::string OnHowMany(long long count)
{
    return " sur " + coding::FormatCount(count) + (count > 1 ? " contributions" : " contribution");
}

void RequireConsultation(const ContributionFilter& filter)
{
    if (filter.consultationId.empty())
        throw ValidationError("Le codage en masse porte sur une consultation\u00A0: choisissez-en une.");
}

/// The rows a bulk action inserted (tags or label links), one per contribution, as the last
/// Apply left them. A redo gives each contribution the id its row had before, so that later
/// actions naming one of these rows still find it.
class OwnRows {
public:
    /// A new row of type Row per match: its contribution's earlier id or a new one, at version 1,
    /// stamped now by `user` (created and updated alike), then completed by `fill(row)`.
    template <class Row, class Fill>
    std::vector<Row> Make(const std::vector<Match>& matches, const std::string& user, const Fill& fill) const
    {
        const Timestamp now = Timestamp::Now();
        std::vector<Row> rows;
        rows.reserve(matches.size());
        for (const auto& match : matches) {
            Row row;
            const auto previous = m_idByContribution.find(match.id);
            row.id = previous != m_idByContribution.end() ? previous->second : NewUuid();
            row.version = 1;
            row.createdAt = row.updatedAt = now;
            row.createdBy = row.updatedBy = user;
            row.contributionId = match.id;
            fill(row);
            rows.push_back(std::move(row));
        }
        return rows;
    }
    /// Keeps `rows` (their ids are moved out) as the ones the last Apply inserted.
    template <class Row> void Keep(std::vector<Row>& rows)
    {
        m_ids.clear();
        m_contributionIds.clear();
        m_idByContribution.clear();
        for (auto& row : rows) {
            m_idByContribution.emplace(row.contributionId, row.id);
            m_ids.push_back(std::move(row.id));
            m_contributionIds.push_back(std::move(row.contributionId));
        }
    }
    /// The rows' ids and their contributions, in the same order.
    const std::vector<std::string>& Ids() const { return m_ids; }
    const std::vector<std::string>& ContributionIds() const { return m_contributionIds; }

private:
    std::vector<std::string> m_ids, m_contributionIds;
    std::unordered_map<std::string, std::string> m_idByContribution;
};

class BulkTagAction final : public CodingAction {
public:
    BulkTagAction(const ContributionFilter& filter, const TagSpec& spec, const CodingTarget& target)
        : m_filter(filter), m_spec(spec), m_target(target)
    {
        if (!m_spec.commitmentId.empty())
            m_spec.themeId.clear();
    }

    void Apply(Database& db) override
    {
        RequireConsultation(m_filter);
        if (!m_target.sampleId.empty())
            throw ValidationError("Le codage en masse écrit les codages définitifs, pas ceux d'un échantillon de "
                                  "double codage.");
        coding::TagSubject subject;
        std::vector<Tag> tags;
        Moved moved;
        db.InTransaction([&] {
            coding::BeginBulkWrite(db);
            subject = coding::ReadSubject(db, m_spec);
            if (subject.consultationId != m_filter.consultationId)
                throw ValidationError("Cet engagement ou ce thème appartient à une autre consultation.");
            const std::string coder = coding::CoderOf(db, m_target);
            const auto matches = SelectMatches(db, m_filter, [&](Bindings& params) {
                params.Text("b_coder", coder);
                params.Text("b_stance", ToCode(m_spec.stance));
                return "NOT EXISTS (SELECT 1 FROM tag t WHERE t.contribution_id = c.id AND t.coder = :b_coder AND "
                       "t.stance = :b_stance AND " +
                       coding::SameSubjectCondition(m_spec, params, "b_") + ")";
            });
            tags = NewTags(db, matches, coder);
            BulkInsert(db, tags); // the COPY sink leaves the quiet mode on, as it found it
            for (const auto& match : matches)
                if (match.isNew)
                    moved.emplace_back(match.seq, match.version);
            if (MoveState(db, moved, ContributionState::New, ContributionState::Tagged, true) !=
                static_cast<long long>(moved.size()))
                throw ConflictError("Codage en masse impossible\u00A0: des contributions ont changé pendant "
                                    "l'opération\u202F; rien n'a été enregistré. Réessayez.",
                                    "contribution", "", 0, 0);
            coding::Announce(db, "tag:*");
            if (!moved.empty())
                coding::Announce(db, "contribution:*");
        });
        m_subject = subject;
        m_moved = std::move(moved);
        m_tags.Keep(tags);
        m_applied = true;
    }

    void Revert(Database& db) override
    {
        if (!m_applied)
            return;
        db.InTransaction([&] {
            coding::BeginBulkWrite(db);
            const long long restored = MoveState(db, m_moved, ContributionState::Tagged, ContributionState::New, false);
            if (restored != static_cast<long long>(m_moved.size()))
                ThrowUndoConflict("l'état de " +
                                      OutOf(static_cast<long long>(m_moved.size()) - restored, m_moved.size()) +
                                      " contributions passées à " + coding::Quoted("codée") + " a changé",
                                  "contribution");
            const long long changed = DeleteOwnRows(db, "tag", m_tags.Ids(), true);
            if (changed > 0)
                ThrowUndoConflict(OutOf(changed, m_tags.Ids().size()) + " codages ajoutés ont été modifiés", "tag");
            coding::Announce(db, "tag:*");
            if (!m_moved.empty())
                coding::Announce(db, "contribution:*");
        });
        m_applied = false;
    }

    std::string Describe() const override
    {
        if (m_subject.consultationId.empty())
            return "codage en masse";
        std::string text = "codage en masse\u00A0: " + coding::DescribeTag(m_spec.stance, m_subject, true);
        return text + OnHowMany(static_cast<long long>(m_tags.Ids().size()));
    }
    std::vector<std::string> Contributions() const override { return m_tags.ContributionIds(); }
    bool ChangedAnything() const override { return !m_tags.Ids().empty(); }

private:
    // The tags of the matches; a redo gives each contribution the id its tag had before (OwnRows).
    std::vector<Tag> NewTags(Database& db, const std::vector<Match>& matches, const std::string& coder) const
    {
        std::vector<Tag> tags = m_tags.Make<Tag>(matches, db.UserName(), [&](Tag& tag) {
            tag.taggedAt = tag.createdAt;
            tag.commitmentId = m_spec.commitmentId;
            tag.themeId = m_spec.themeId;
            tag.stance = m_spec.stance;
            tag.coder = coder;
        });
        // In contribution order, two of the tag indexes (and the foreign key lookups) are
        // filled from one end instead of at random: several times faster at 100,000 rows.
        std::sort(tags.begin(), tags.end(),
                  [](const Tag& a, const Tag& b) { return a.contributionId < b.contributionId; });
        return tags;
    }

    ContributionFilter m_filter;
    TagSpec m_spec;
    CodingTarget m_target;
    coding::TagSubject m_subject;
    OwnRows m_tags; ///< what the last Apply inserted
    Moved m_moved;
    bool m_applied = false;
};

class BulkLabelAction final : public CodingAction {
public:
    BulkLabelAction(const ContributionFilter& filter, const std::string& name)
        : m_filter(filter), m_name(coding::TrimmedName(name))
    {
    }

    void Apply(Database& db) override
    {
        RequireConsultation(m_filter);
        if (m_name.empty())
            throw ValidationError("Le nom de l'étiquette est vide\u00A0: tapez un mot ou une courte expression.");
        Label label;
        bool created = false;
        std::vector<ContributionLabel> links;
        db.InTransaction([&] {
            // Created before the bulk mode starts, so that the new label is announced as usual.
            if (auto found = coding::FindLabel(db, m_filter.consultationId, m_name)) {
                label = *found;
            } else {
                label.id = m_createdLabelId.empty() ? NewUuid() : m_createdLabelId;
                label.consultationId = m_filter.consultationId;
                label.name = m_name;
                label = LabelRepository(db).Create(label);
                created = true;
            }
            coding::BeginBulkWrite(db);
            const auto matches = SelectMatches(db, m_filter, [&](Bindings& params) {
                params.Text("b_label", label.id);
                return std::string("NOT EXISTS (SELECT 1 FROM contribution_label l WHERE l.contribution_id = c.id "
                                   "AND l.label_id = :b_label)");
            });
            links = NewLinks(db, matches, label.id);
            BulkInsert(db, links);
            coding::Announce(db, "contribution_label:*");
        });
        m_label = label;
        m_created = created;
        if (created)
            m_createdLabelId = label.id;
        m_links.Keep(links);
        m_applied = true;
    }

    void Revert(Database& db) override
    {
        if (!m_applied)
            return;
        db.InTransaction([&] {
            coding::BeginBulkWrite(db);
            DeleteOwnRows(db, "contribution_label", m_links.Ids(), false); // links are never edited, only removed
            if (m_created && coding::RemoveLabelIfUnused(db, m_label.id, m_label.version))
                coding::Announce(db, "label:" + m_label.id);
            coding::Announce(db, "contribution_label:*");
        });
        m_applied = false;
    }

    std::string Describe() const override
    {
        std::string text = "étiquetage en masse\u00A0: " + coding::Quoted(m_label.name.empty() ? m_name : m_label.name);
        return m_label.id.empty() ? text : text + OnHowMany(static_cast<long long>(m_links.Ids().size()));
    }
    std::vector<std::string> Contributions() const override { return m_links.ContributionIds(); }
    bool ChangedAnything() const override { return !m_links.Ids().empty() || m_created; }

private:
    std::vector<ContributionLabel> NewLinks(Database& db, const std::vector<Match>& matches,
                                            const std::string& labelId) const
    {
        return m_links.Make<ContributionLabel>(matches, db.UserName(),
                                               [&](ContributionLabel& link) { link.labelId = labelId; });
    }

    ContributionFilter m_filter;
    std::string m_name, m_createdLabelId;
    Label m_label;
    bool m_created = false, m_applied = false;
    OwnRows m_links; ///< what the last Apply inserted
};

} // namespace

std::unique_ptr<CodingAction> MakeBulkTag(const ContributionFilter& filter, const TagSpec& spec,
                                          const CodingTarget& target)
{
    return std::make_unique<BulkTagAction>(filter, spec, target);
}

std::unique_ptr<CodingAction> MakeBulkLabel(const ContributionFilter& filter, const std::string& name)
{
    return std::make_unique<BulkLabelAction>(filter, name);
}

} // namespace concerto
