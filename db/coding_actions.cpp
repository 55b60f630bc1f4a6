// The coding actions on one contribution: tags (final or blind), labels, the quote / state /
// note edits and "done". Each Apply and Revert is one transaction that computes its outcome in
// locals and stores it in the action only once committed, so that a failed step leaves the action
// as it was and can be run again.

#include "core/text.h"
#include "db/coding_support.h"

namespace concerto {

const char* const kDefaultExclusionReason = "Hors sujet";

namespace {

using coding::Step;

// A final tag and a blind one differ only by the sample: one row type serves both, and this
// copies what they share.
template <class To, class From> To CopyTag(const From& from)
{
    To to;
    static_cast<Record&>(to) = static_cast<const Record&>(from);
    to.contributionId = from.contributionId;
    to.commitmentId = from.commitmentId;
    to.themeId = from.themeId;
    to.stance = from.stance;
    to.coder = from.coder;
    to.taggedAt = from.taggedAt;
    return to;
}

Tag ToTag(const SampleTag& row)
{
    return CopyTag<Tag>(row);
}

SampleTag FromTag(const Tag& tag)
{
    return CopyTag<SampleTag>(tag);
}

const char* TagTable(const CodingTarget& target)
{
    return target.sampleId.empty() ? "tag" : "sample_tag";
}

void InsertTag(Database& db, const SampleTag& row)
{
    if (row.sampleId.empty())
        TagRepository(db).Create(ToTag(row));
    else
        SampleTagRepository(db).Create(row);
}

std::optional<SampleTag> FindTag(Database& db, const std::string& id, const CodingTarget& target)
{
    if (!target.sampleId.empty())
        return SampleTagRepository(db).Find(id);
    if (auto tag = TagRepository(db).Find(id))
        return FromTag(*tag);
    return std::nullopt;
}

// For a sample, only its two coders code, and only its contributions.
void CheckSampleTarget(Database& db, const CodingTarget& target, const std::string& coder,
                       const std::string& contributionId)
{
    if (target.sampleId.empty())
        return;
    coding::DoneColumn(db, target.sampleId, coder);
    coding::RequireSampleItem(db, target.sampleId, contributionId);
}

TagSpec SpecOf(const SampleTag& row)
{
    TagSpec spec;
    spec.commitmentId = row.commitmentId;
    spec.themeId = row.themeId;
    spec.stance = row.stance;
    return spec;
}

class AddTagAction final : public CodingAction {
public:
    AddTagAction(const std::string& contributionId, const TagSpec& spec, const CodingTarget& target)
        : m_contributionId(contributionId), m_spec(spec), m_target(target), m_tagId(NewUuid())
    {
        if (!m_spec.commitmentId.empty())
            m_spec.themeId.clear(); // the commitment implies its theme (see MakeAddTag)
    }

    void Apply(Database& db) override
    {
        coding::TagSubject subject;
        bool inserted = false;
        db.InTransaction([&] {
            const Contribution contribution = coding::ReadContribution(db, m_contributionId);
            subject = coding::ReadSubject(db, m_spec);
            if (subject.consultationId != contribution.consultationId)
                throw ValidationError("Cet engagement ou ce thème appartient à une autre consultation que la "
                                      "contribution.");
            const std::string coder = coding::CoderOf(db, m_target);
            CheckSampleTarget(db, m_target, coder, m_contributionId);
            if (AlreadyThere(db, coder))
                return;
            SampleTag row;
            row.id = m_tagId; // the same id on a redo, so that later actions naming it still find it
            row.sampleId = m_target.sampleId;
            row.contributionId = m_contributionId;
            row.commitmentId = m_spec.commitmentId;
            row.themeId = m_spec.themeId;
            row.stance = m_spec.stance;
            row.coder = coder;
            row.taggedAt = Timestamp::Now();
            InsertTag(db, row);
            inserted = true;
        });
        m_subject = subject;
        m_inserted = inserted;
    }

    void Revert(Database& db) override
    {
        if (!m_inserted)
            return;
        db.InTransaction([&] { coding::DeleteRow(db, Step::Undo, TagTable(m_target), "le codage", m_tagId, 1); });
    }

    std::string Describe() const override { return coding::DescribeTag(m_spec.stance, Subject()); }
    std::vector<std::string> Contributions() const override { return {m_contributionId}; }
    bool ChangedAnything() const override { return m_inserted; }

private:
    // Before Apply the names are unknown: the description still says what kind of tag it is.
    coding::TagSubject Subject() const
    {
        if (!m_subject.ref.empty() || !m_subject.title.empty())
            return m_subject;
        coding::TagSubject placeholder;
        placeholder.isTheme = m_spec.commitmentId.empty();
        placeholder.ref = placeholder.isTheme ? "" : "un engagement";
        placeholder.title = placeholder.isTheme ? "choisi" : "";
        return placeholder;
    }

    bool AlreadyThere(Database& db, const std::string& coder) const
    {
        Bindings params;
        params.Text("contribution", m_contributionId);
        params.Text("coder", coder);
        params.Text("stance", ToCode(m_spec.stance));
        std::string sql =
            std::string("SELECT 1 FROM ") + TagTable(m_target) +
            " t WHERE t.contribution_id = :contribution AND t.coder = :coder AND t.stance = :stance AND " +
            coding::SameSubjectCondition(m_spec, params, "same_");
        if (!m_target.sampleId.empty()) {
            params.Text("sample", m_target.sampleId);
            sql += " AND t.sample_id = :sample";
        }
        bool found = false;
        QueryRows(db, sql, params, [&](const soci::row&) { found = true; });
        return found;
    }

    std::string m_contributionId;
    TagSpec m_spec;
    CodingTarget m_target;
    std::string m_tagId;
    coding::TagSubject m_subject;
    bool m_inserted = false;
};

class RemoveTagAction final : public CodingAction {
public:
    RemoveTagAction(const std::string& tagId, const CodingTarget& target) : m_tagId(tagId), m_target(target) {}

    void Apply(Database& db) override
    {
        const bool again = m_row.has_value();
        std::optional<SampleTag> row;
        coding::TagSubject subject = m_subject;
        db.InTransaction([&] {
            row = FindTag(db, m_tagId, m_target);
            if (!row) {
                if (again)
                    return; // redone after someone else removed it: nothing left to do
                throw NotFoundError("Ce codage n'existe plus dans la base (suppression faite entre-temps par "
                                    "quelqu'un d'autre).");
            }
            if (!m_target.sampleId.empty() &&
                (row->sampleId != m_target.sampleId || row->coder != coding::CoderOf(db, m_target)))
                throw ValidationError("Ce codage en aveugle appartient à un autre codeur ou à un autre échantillon.");
            subject = coding::ReadSubject(db, SpecOf(*row));
            coding::DeleteRow(db, again ? Step::Redo : Step::Apply, TagTable(m_target), "le codage", row->id,
                              row->version);
        });
        m_removed = m_changed = row.has_value();
        if (row) {
            m_row = std::move(row);
            m_subject = subject;
        }
    }

    void Revert(Database& db) override
    {
        if (!m_removed)
            return;
        SampleTag restored = *m_row;
        db.InTransaction([&] { InsertTag(db, restored); });
        m_row->version = 1; // as Create stores it
        m_removed = false;
    }

    std::string Describe() const override
    {
        if (!m_row)
            return "retrait d'un codage";
        return "retrait de " + coding::Quoted(coding::DescribeTag(m_row->stance, m_subject));
    }
    std::vector<std::string> Contributions() const override
    {
        return m_row ? std::vector<std::string>{m_row->contributionId} : std::vector<std::string>{};
    }
    bool ChangedAnything() const override { return m_changed; }

private:
    std::string m_tagId;
    CodingTarget m_target;
    std::optional<SampleTag> m_row; ///< the whole row as it was, to re-create it with its id
    coding::TagSubject m_subject;
    bool m_removed = false; ///< removed by the last Apply and not put back yet
    bool m_changed = true;
};

class AddLabelAction final : public CodingAction {
public:
    AddLabelAction(const std::string& contributionId, const std::string& name)
        : m_contributionId(contributionId), m_name(coding::TrimmedName(name)), m_linkId(NewUuid())
    {
    }

    void Apply(Database& db) override
    {
        if (m_name.empty())
            throw ValidationError("Le nom de l'étiquette est vide\u00A0: tapez un mot ou une courte expression.");
        Label label;
        bool created = false, linked = false;
        db.InTransaction([&] {
            const Contribution contribution = coding::ReadContribution(db, m_contributionId);
            if (auto found = coding::FindLabel(db, contribution.consultationId, m_name)) {
                label = *found;
            } else {
                label.id = m_createdLabelId.empty() ? NewUuid() : m_createdLabelId;
                label.consultationId = contribution.consultationId;
                label.name = m_name;
                label = LabelRepository(db).Create(label);
                created = true;
            }
            if (HasLink(db, label.id))
                return;
            ContributionLabel link;
            link.id = m_linkId;
            link.contributionId = m_contributionId;
            link.labelId = label.id;
            ContributionLabelRepository(db).Create(link);
            linked = true;
        });
        m_label = label;
        m_created = created;
        m_linked = linked;
        if (created)
            m_createdLabelId = label.id;
    }

    void Revert(Database& db) override
    {
        db.InTransaction([&] {
            if (m_linked)
                coding::DeleteRow(db, Step::Undo, "contribution_label", "l'étiquette de la contribution", m_linkId, 1);
            if (m_created)
                coding::RemoveLabelIfUnused(db, m_label.id, m_label.version);
        });
    }

    std::string Describe() const override
    {
        return "étiquette " + coding::Quoted(m_label.name.empty() ? m_name : m_label.name);
    }
    std::vector<std::string> Contributions() const override { return {m_contributionId}; }
    bool ChangedAnything() const override { return m_linked || m_created; }

private:
    bool HasLink(Database& db, const std::string& labelId) const
    {
        Bindings params;
        params.Text("contribution", m_contributionId);
        params.Text("label", labelId);
        bool found = false;
        QueryRows(db, "SELECT 1 FROM contribution_label WHERE contribution_id = :contribution AND label_id = :label",
                  params, [&](const soci::row&) { found = true; });
        return found;
    }

    std::string m_contributionId, m_name, m_linkId;
    std::string m_createdLabelId; ///< kept so that a redo re-creates the label under the same id
    Label m_label;
    bool m_created = false, m_linked = false;
};

class RemoveLabelAction final : public CodingAction {
public:
    RemoveLabelAction(const std::string& contributionId, const std::string& labelId)
        : m_contributionId(contributionId), m_labelId(labelId)
    {
    }

    void Apply(Database& db) override
    {
        const bool again = m_link.has_value();
        std::optional<ContributionLabel> link;
        std::string name = m_labelName;
        db.InTransaction([&] {
            if (auto label = LabelRepository(db).Find(m_labelId))
                name = label->name;
            else if (!again)
                throw NotFoundError("Cette étiquette n'existe plus dans la base.");
            auto links = ContributionLabelRepository(db).List(
                {ContributionLabelRepository::Equals("contribution_id", m_contributionId),
                 ContributionLabelRepository::Equals("label_id", m_labelId)},
                1);
            if (links.empty()) {
                if (again)
                    return;
                throw NotFoundError("La contribution ne porte plus cette étiquette.");
            }
            link = links.front();
            coding::DeleteRow(db, again ? Step::Redo : Step::Apply, "contribution_label",
                              "l'étiquette de la contribution", link->id, link->version);
        });
        m_labelName = name;
        m_removed = m_changed = link.has_value();
        if (link)
            m_link = std::move(link);
    }

    void Revert(Database& db) override
    {
        if (!m_removed)
            return;
        const ContributionLabel restored = *m_link;
        db.InTransaction([&] { ContributionLabelRepository(db).Create(restored); });
        m_link->version = 1;
        m_removed = false;
    }

    std::string Describe() const override
    {
        return "retrait de l'étiquette " + coding::Quoted(m_labelName.empty() ? "?" : m_labelName);
    }
    std::vector<std::string> Contributions() const override { return {m_contributionId}; }
    bool ChangedAnything() const override { return m_changed; }

private:
    std::string m_contributionId, m_labelId, m_labelName;
    std::optional<ContributionLabel> m_link; ///< the link as it was, re-created with its id
    bool m_removed = false;                  ///< removed by the last Apply and not put back yet
    bool m_changed = true;
};

} // namespace

std::unique_ptr<CodingAction> MakeAddTag(const std::string& contributionId, const TagSpec& spec,
                                         const CodingTarget& target)
{
    return std::make_unique<AddTagAction>(contributionId, spec, target);
}

std::unique_ptr<CodingAction> MakeRemoveTag(const std::string& tagId, const CodingTarget& target)
{
    return std::make_unique<RemoveTagAction>(tagId, target);
}

std::unique_ptr<CodingAction> MakeAddLabel(const std::string& contributionId, const std::string& name)
{
    return std::make_unique<AddLabelAction>(contributionId, name);
}

std::unique_ptr<CodingAction> MakeRemoveLabel(const std::string& contributionId, const std::string& labelId)
{
    return std::make_unique<RemoveLabelAction>(contributionId, labelId);
}

} // namespace concerto
