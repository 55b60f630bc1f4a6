// The coding edits of the contribution row itself (quote flag, state and exclusion reason,
// note, final "done") and the "done" stamp of a coder in a double-coding sample. They are
// version-checked: an undo, or a redo after it, never overwrites what someone else saved.
//
// The check is on the version first and then on the content: when the contribution is no longer
// at the version the step left, it is still accepted if every column reads as that step left
// it. Versions only go up, so the undo of a later action of the same session on the same
// contribution moves the version on while putting the content back; the content check lets the
// history be undone step after step, and a real change by anyone still makes it conflict.

#include "db/bulk.h"
#include "db/coding_support.h"

#include <cctype>
#include <optional>

namespace concerto {

namespace {

using coding::Step;

/// The fields of a contribution that coding edits, as one value.
struct CodingFields {
    bool isQuote = false;
    ContributionState state = ContributionState::New;
    std::string exclusionReason, notes;

    bool operator==(const CodingFields& o) const
    {
        return isQuote == o.isQuote && state == o.state && exclusionReason == o.exclusionReason && notes == o.notes;
    }
    static CodingFields Of(const Contribution& c) { return {c.isQuote, c.state, c.exclusionReason, c.notes}; }
};

/// Every stored column of a contribution as text, to compare two reads of it.
std::vector<std::optional<std::string>> ContentOf(const Contribution& c)
{
    TextFields fields;
    Entity<Contribution>::Visit(c, fields);
    return fields.values;
}

/// An edit of the contribution's coding fields: Apply sets what Wanted() says and remembers the
/// fields as they were; Revert writes them back if the contribution is as Apply left it; a redo
/// after that checks it is as Revert left it.
class ContributionEdit : public CodingAction {
public:
    explicit ContributionEdit(const std::string& contributionId) : m_contributionId(contributionId) {}

    void Apply(Database& db) final
    {
        const std::optional<Contribution> expected = m_afterRevert;
        CodingFields before;
        std::optional<Contribution> written;
        db.InTransaction([&] {
            const Contribution current = Current(db, expected ? Step::Redo : Step::Apply, expected);
            before = CodingFields::Of(current);
            const CodingFields after = Wanted(db, current);
            if (after == before)
                return; // already so: no new version, nothing for others to reload
            written = Write(db, expected ? Step::Redo : Step::Apply, current, after);
        });
        m_before = before;
        m_afterApply = std::move(written);
        m_afterRevert.reset();
    }

    void Revert(Database& db) final
    {
        if (!m_afterApply || m_afterRevert)
            return;
        std::optional<Contribution> written;
        db.InTransaction([&] { written = Write(db, Step::Undo, Current(db, Step::Undo, m_afterApply), m_before); });
        m_afterRevert = std::move(written);
    }

    std::vector<std::string> Contributions() const override { return {m_contributionId}; }
    bool ChangedAnything() const override { return m_afterApply.has_value(); }

protected:
    /// The fields the edit wants, given the contribution as stored now.
    virtual CodingFields Wanted(Database& db, const Contribution& current) const = 0;

private:
    // The contribution as stored; with `expected`, ConflictError unless it is still as that
    // step left it (same version, or same content: see the top of the file).
    Contribution Current(Database& db, Step step, const std::optional<Contribution>& expected) const
    {
        auto current = ContributionRepository(db).Find(m_contributionId);
        if (!current && !expected)
            coding::ReadContribution(db, m_contributionId); // throws NotFoundError
        if (!current)
            coding::ThrowConflict(step, "la contribution", "contribution", m_contributionId, expected->version, 0);
        if (expected && current->version != expected->version && ContentOf(*current) != ContentOf(*expected))
            coding::ThrowConflict(step, "la contribution", "contribution", m_contributionId, expected->version,
                                  current->version);
        return std::move(*current);
    }

    // Writes `fields` over `current` (version-checked) and returns the contribution as stored.
    Contribution Write(Database& db, Step step, Contribution current, const CodingFields& fields)
    {
        Bindings values;
        values.Integer("f_quote", fields.isQuote ? 1 : 0);
        values.Text("f_state", ToCode(fields.state));
        values.Text("f_reason", fields.exclusionReason);
        values.Text("f_notes", fields.notes);
        const bool mentions =
            MentionsContact(current.title) || MentionsContact(current.body) || MentionsContact(fields.notes);
        values.Integer("f_mentions", mentions ? 1 : 0); // the notes are one of the texts it watches
        current.version = coding::UpdateContribution(db, step, m_contributionId, current.version,
                                                     "is_quote = :f_quote, state = :f_state, exclusion_reason = "
                                                     ":f_reason, notes = :f_notes, mentions_contact = :f_mentions",
                                                     values);
        current.isQuote = fields.isQuote;
        current.state = fields.state;
        current.exclusionReason = fields.exclusionReason;
        current.notes = fields.notes;
        return current;
    }

    std::string m_contributionId;
    CodingFields m_before;                     ///< the fields as Apply found them
    std::optional<Contribution> m_afterApply;  ///< as Apply left it; empty when Apply changed nothing
    std::optional<Contribution> m_afterRevert; ///< as Revert left it, until the next Apply
};

class SetQuoteAction final : public ContributionEdit {
public:
    SetQuoteAction(const std::string& id, bool isQuote) : ContributionEdit(id), m_isQuote(isQuote) {}
    std::string Describe() const override { return m_isQuote ? "citation" : "retrait de la citation"; }

private:
    CodingFields Wanted(Database&, const Contribution& current) const override
    {
        CodingFields fields = CodingFields::Of(current);
        fields.isQuote = m_isQuote;
        return fields;
    }
    bool m_isQuote;
};

class SetStateAction final : public ContributionEdit {
public:
    SetStateAction(const std::string& id, ContributionState state, const std::string& reason)
        : ContributionEdit(id), m_state(state), m_reason(coding::TrimmedName(reason))
    {
        if (m_state != ContributionState::Excluded)
            m_reason.clear(); // a reason means nothing once the contribution is back in the work
        else if (m_reason.empty())
            m_reason = kDefaultExclusionReason;
    }

    std::string Describe() const override
    {
        std::string text = FrenchName(m_state);
        if (m_state == ContributionState::Excluded) {
            std::string reason = m_reason;
            if (!reason.empty() && std::isupper(static_cast<unsigned char>(reason[0])))
                reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
            text += " (" + reason + ")";
        }
        return text;
    }

private:
    CodingFields Wanted(Database&, const Contribution& current) const override
    {
        CodingFields fields = CodingFields::Of(current);
        fields.state = m_state;
        fields.exclusionReason = m_reason;
        return fields;
    }
    ContributionState m_state;
    std::string m_reason;
};

class SetNoteAction final : public ContributionEdit {
public:
    SetNoteAction(const std::string& id, const std::string& notes, std::optional<std::string> seen)
        : ContributionEdit(id), m_notes(notes), m_seen(std::move(seen))
    {
    }
    std::string Describe() const override { return m_notes.empty() ? "note effacée" : "note"; }

private:
    CodingFields Wanted(Database&, const Contribution& current) const override
    {
        if (m_seen && current.notes != *m_seen && current.notes != m_notes)
            throw ConflictError("Enregistrement impossible\u00A0: la note a été modifiée par quelqu'un d'autre "
                                "pendant que vous l'écriviez\u202F; rien n'a été enregistré.",
                                "contribution", current.id, current.version, current.version);
        CodingFields fields = CodingFields::Of(current);
        fields.notes = m_notes;
        return fields;
    }
    std::string m_notes;
    std::optional<std::string> m_seen; ///< the note the coder started from, when known
};

/// Final "done": a "new" contribution that carries at least one final tag becomes "tagged".
class MarkDoneAction final : public ContributionEdit {
public:
    using ContributionEdit::ContributionEdit;
    std::string Describe() const override { return "contribution terminée"; }

private:
    CodingFields Wanted(Database& db, const Contribution& current) const override
    {
        CodingFields fields = CodingFields::Of(current);
        if (current.state != ContributionState::New)
            return fields;
        Bindings params;
        params.Text("contribution", current.id);
        bool tagged = false;
        QueryRows(db, "SELECT 1 FROM tag t WHERE t.contribution_id = :contribution LIMIT 1", params,
                  [&](const soci::row&) { tagged = true; });
        if (tagged)
            fields.state = ContributionState::Tagged;
        return fields;
    }
};

/// Sample "done": stamps the coder's column of the sample item; Revert clears the stamp only if
/// it is still the one Apply wrote (each coder writes only their own column, so the other
/// coder's work never makes it conflict).
class MarkSampleDoneAction final : public CodingAction {
public:
    MarkSampleDoneAction(const std::string& contributionId, const CodingTarget& target)
        : m_contributionId(contributionId), m_target(target)
    {
    }

    void Apply(Database& db) override
    {
        std::string column, itemId, stamp;
        db.InTransaction([&] {
            column = coding::DoneColumn(db, m_target.sampleId, coding::CoderOf(db, m_target));
            Bindings params;
            params.Text("sample", m_target.sampleId);
            params.Text("contribution", m_contributionId);
            bool done = false;
            QueryRows(db,
                      "SELECT id, " + column +
                          " FROM coding_sample_item WHERE sample_id = :sample AND contribution_id = :contribution",
                      params, [&](const soci::row& row) {
                          itemId = Cell::Text(row, 0);
                          done = !Cell::IsNull(row, 1);
                      });
            if (itemId.empty())
                throw ValidationError("Cette contribution ne fait pas partie de l'échantillon de double codage.");
            if (done)
                return;
            stamp = Timestamp::Now().ToIso();
            if (SetStamp(db, itemId, column, stamp, {}) != 1)
                coding::ThrowConflict(Step::Apply, "la contribution de l'échantillon", "coding_sample_item", itemId, 0,
                                      1);
        });
        m_column = column;
        m_itemId = itemId;
        m_stamp = stamp;
    }

    void Revert(Database& db) override
    {
        if (m_stamp.empty())
            return;
        db.InTransaction([&] {
            if (SetStamp(db, m_itemId, m_column, {}, m_stamp) != 1)
                coding::ThrowConflict(Step::Undo, "la contribution de l'échantillon", "coding_sample_item", m_itemId, 0,
                                      1);
        });
        m_stamp.clear();
    }

    std::string Describe() const override { return "contribution terminée (double codage)"; }
    std::vector<std::string> Contributions() const override { return {m_contributionId}; }
    bool ChangedAnything() const override { return !m_stamp.empty(); }

private:
    // Sets the column to `value` (empty: NULL) where it is `current` (empty: NULL).
    static long long SetStamp(Database& db, const std::string& itemId, const std::string& column,
                              const std::string& value, const std::string& current)
    {
        Bindings params;
        params.Text("id", itemId);
        params.Text("value", value, value.empty());
        params.Text("at", Timestamp::Now().ToIso());
        params.Text("by", db.UserName());
        std::string where = " WHERE id = :id AND " + column;
        if (current.empty()) {
            where += " IS NULL";
        } else {
            where += " = :current";
            params.Text("current", current);
        }
        return Execute(db,
                       "UPDATE coding_sample_item SET " + column +
                           " = :value, version = version + 1, updated_at = :at, updated_by = :by" + where,
                       params);
    }

    std::string m_contributionId;
    CodingTarget m_target;
    std::string m_column, m_itemId, m_stamp; ///< m_stamp: what Apply wrote; empty when it wrote nothing
};

} // namespace

std::unique_ptr<CodingAction> MakeSetQuote(const std::string& contributionId, bool isQuote)
{
    return std::make_unique<SetQuoteAction>(contributionId, isQuote);
}

std::unique_ptr<CodingAction> MakeSetState(const std::string& contributionId, ContributionState state,
                                           const std::string& exclusionReason)
{
    return std::make_unique<SetStateAction>(contributionId, state, exclusionReason);
}

std::unique_ptr<CodingAction> MakeSetNote(const std::string& contributionId, const std::string& notes,
                                          std::optional<std::string> seen)
{
    return std::make_unique<SetNoteAction>(contributionId, notes, std::move(seen));
}

std::unique_ptr<CodingAction> MakeMarkDone(const std::string& contributionId, const CodingTarget& target)
{
    if (target.sampleId.empty())
        return std::make_unique<MarkDoneAction>(contributionId);
    return std::make_unique<MarkSampleDoneAction>(contributionId, target);
}

} // namespace concerto
