// Double coding, second half: the agreement report, the comparison of the two coders' blind
// tags per contribution, and adjudication into final tags (see double_coding.h for the rules).

#include "db/double_coding.h"

#include <algorithm>
#include <climits>
#include <map>
#include <set>
#include <tuple>

namespace concerto {

namespace {

/// How a commitment or a theme is shown and where it comes in programme order.
struct TargetInfo {
    std::string ref, title;
    std::tuple<int, int, int, std::string> order;
};

/// The commitments and themes of a consultation, keyed by id.
struct Programme {
    std::map<std::string, TargetInfo> commitments, themes;

    const TargetInfo& Of(const TagChoice& tag) const
    {
        static const TargetInfo unknown{"?", "?", {INT_MAX, INT_MAX, INT_MAX, "?"}};
        const auto& table = tag.commitmentId.empty() ? themes : commitments;
        const auto found = table.find(tag.commitmentId.empty() ? tag.themeId : tag.commitmentId);
        return found == table.end() ? unknown : found->second;
    }
};

Programme LoadProgramme(Database& db, const std::string& consultationId)
{
    Programme programme;
    std::map<std::string, int> themePosition;
    for (const auto& theme : ThemeRepository(db).ListBy("consultation_id", consultationId)) {
        themePosition[theme.id] = theme.position;
        // A theme-only tag comes after the commitments of its theme.
        programme.themes[theme.id] = {theme.code, theme.title, {theme.position, 1, 0, theme.code}};
    }
    for (const auto& commitment : CommitmentRepository(db).ListBy("consultation_id", consultationId)) {
        const auto theme = themePosition.find(commitment.themeId);
        const int position = theme == themePosition.end() ? INT_MAX : theme->second;
        programme.commitments[commitment.id] = {
            commitment.ref, commitment.title, {position, 0, commitment.position, commitment.ref}};
    }
    return programme;
}

/// A sample as read for comparison: its items and the blind tags of its two coders.
struct SampleData {
    CodingSample sample;
    std::vector<SampleItem> items;                              ///< by position
    std::map<std::string, std::vector<SampleTag>> tagsA, tagsB; ///< by contribution id

    static bool Compared(const SampleItem& item) { return item.doneByA && item.doneByB; }
};

SampleData LoadSample(Database& db, const std::string& sampleId)
{
    SampleData data;
    data.sample = CodingSampleRepository(db).Get(sampleId);
    data.items = SampleItemRepository(db).ListBy("sample_id", sampleId, "position");
    for (auto& tag : SampleTagRepository(db).ListBy("sample_id", sampleId)) {
        if (tag.coder == data.sample.coderA)
            data.tagsA[tag.contributionId].push_back(std::move(tag));
        else if (tag.coder == data.sample.coderB)
            data.tagsB[tag.contributionId].push_back(std::move(tag));
    }
    return data;
}

TagChoice ChoiceOf(const std::string& commitmentId, const std::string& themeId, Stance stance)
{
    TagChoice choice;
    choice.commitmentId = commitmentId;
    choice.themeId = commitmentId.empty() ? themeId : std::string();
    choice.stance = stance;
    return choice;
}

/// The final tags of contributions, keyed by contribution id.
using FinalTags = std::map<std::string, std::vector<TagChoice>>;

FinalTags LoadFinalTags(Database& db, const std::string& sampleId, const std::string& contributionId = {})
{
    std::string sql = "SELECT t.contribution_id, t.commitment_id, t.theme_id, t.stance FROM tag t "
                      "JOIN coding_sample_item i ON i.contribution_id = t.contribution_id WHERE i.sample_id = :sample";
    Params params{{"sample", sampleId}};
    if (!contributionId.empty()) {
        sql += " AND t.contribution_id = :contribution";
        params.emplace_back("contribution", contributionId);
    }
    FinalTags finals;
    QueryRows(db, sql, params, [&](const soci::row& row) {
        Stance stance = Stance::Observation;
        FromCode(Cell::Text(row, 3), stance);
        finals[Cell::Text(row, 0)].push_back(ChoiceOf(Cell::Text(row, 1), Cell::Text(row, 2), stance));
    });
    return finals;
}

const std::vector<SampleTag>& TagsOf(const std::map<std::string, std::vector<SampleTag>>& tags, const std::string& id)
{
    static const std::vector<SampleTag> none;
    const auto found = tags.find(id);
    return found == tags.end() ? none : found->second;
}

/// Compares the coders on one item (contribution text left empty).
ContributionComparison Compare(const SampleData& data, const SampleItem& item, const Programme& programme,
                               const std::vector<TagChoice>& finals)
{
    ContributionComparison comparison;
    comparison.contributionId = item.contributionId;
    comparison.position = item.position;
    comparison.adjudicatedAt = item.adjudicatedAt;
    std::map<std::string, std::set<Stance>> stancesA, stancesB; // by target id
    auto collect = [&](const std::vector<SampleTag>& tags, bool isA) {
        for (const auto& tag : tags) {
            const TagChoice choice = ChoiceOf(tag.commitmentId, tag.themeId, tag.stance);
            auto found = std::find_if(comparison.tags.begin(), comparison.tags.end(),
                                      [&](const ProposedTag& p) { return p.tag == choice; });
            if (found == comparison.tags.end()) {
                ProposedTag proposed;
                proposed.tag = choice;
                proposed.ref = programme.Of(choice).ref;
                proposed.title = programme.Of(choice).title;
                proposed.isFinal = std::find(finals.begin(), finals.end(), choice) != finals.end();
                found = comparison.tags.insert(comparison.tags.end(), proposed);
            }
            (isA ? found->byA : found->byB) = true;
            const std::string target = choice.commitmentId.empty() ? choice.themeId : choice.commitmentId;
            (isA ? stancesA : stancesB)[target].insert(choice.stance);
        }
    };
    collect(TagsOf(data.tagsA, item.contributionId), true);
    collect(TagsOf(data.tagsB, item.contributionId), false);
    std::stable_sort(comparison.tags.begin(), comparison.tags.end(), [&](const ProposedTag& a, const ProposedTag& b) {
        return std::make_tuple(programme.Of(a.tag).order, static_cast<int>(a.tag.stance)) <
               std::make_tuple(programme.Of(b.tag).order, static_cast<int>(b.tag.stance));
    });
    std::set<std::string> seen;
    for (const auto& proposed : comparison.tags) {
        const std::string target = proposed.tag.commitmentId.empty() ? proposed.tag.themeId : proposed.tag.commitmentId;
        if (!seen.insert(target).second)
            continue;
        const bool inA = stancesA.count(target) > 0, inB = stancesB.count(target) > 0;
        if (inA && !inB)
            comparison.onlyA.push_back(proposed.ref);
        else if (inB && !inA)
            comparison.onlyB.push_back(proposed.ref);
        else if (stancesA[target] != stancesB[target])
            comparison.stanceDiffers.push_back(proposed.ref);
    }
    return comparison;
}

/// Fills the contributions' reference number and text into `comparisons`.
void AddTexts(Database& db, const std::string& sampleId, std::vector<ContributionComparison>& comparisons)
{
    std::map<std::string, ContributionComparison*> byId;
    for (auto& comparison : comparisons)
        byId[comparison.contributionId] = &comparison;
    if (byId.empty())
        return;
    QueryRows(db,
              "SELECT c.id, c.seq, c.title, c.body FROM contribution c "
              "JOIN coding_sample_item i ON i.contribution_id = c.id WHERE i.sample_id = :sample",
              {{"sample", sampleId}}, [&](const soci::row& row) {
                  const auto found = byId.find(Cell::Text(row, 0));
                  if (found == byId.end())
                      return;
                  found->second->seq = Cell::Integer(row, 1);
                  found->second->title = Cell::Text(row, 2);
                  found->second->body = Cell::Text(row, 3);
              });
}

const SampleItem& FindItem(const SampleData& data, const std::string& contributionId)
{
    for (const auto& item : data.items)
        if (item.contributionId == contributionId)
            return item;
    throw NotFoundError("Contribution introuvable dans l'échantillon « " + data.sample.name +
                        " » : elle n'en fait pas (ou plus) partie.");
}

/// Adds the chosen tags the contribution does not have yet; returns how many.
int WriteFinalTags(Database& db, const std::string& contributionId, const std::vector<TagChoice>& chosen,
                   std::vector<TagChoice> finals, const std::string& coder)
{
    TagRepository tags(db);
    const Timestamp now = Timestamp::Now();
    int added = 0;
    for (const auto& wanted : chosen) {
        const TagChoice choice = ChoiceOf(wanted.commitmentId, wanted.themeId, wanted.stance);
        if (std::find(finals.begin(), finals.end(), choice) != finals.end())
            continue;
        Tag tag;
        tag.contributionId = contributionId;
        tag.commitmentId = choice.commitmentId;
        tag.themeId = choice.themeId;
        tag.stance = choice.stance;
        tag.coder = coder;
        tag.taggedAt = now;
        tags.Create(tag);
        finals.push_back(choice);
        ++added;
    }
    if (!finals.empty()) {
        // As "done" does in final coding: a new contribution with a final tag is tagged.
        Bindings bindings;
        bindings.Text("now", now.ToIso());
        bindings.Text("user", db.UserName());
        bindings.Text("id", contributionId);
        Execute(db,
                "UPDATE contribution SET state = 'tagged', version = version + 1, updated_at = :now, "
                "updated_by = :user WHERE id = :id AND state = 'new'",
                bindings);
    }
    return added;
}

void StampAdjudicated(Database& db, const SampleItem& item)
{
    Bindings bindings;
    const std::string now = Timestamp::Now().ToIso();
    bindings.Text("now", now);
    bindings.Text("now2", now);
    bindings.Text("user", db.UserName());
    bindings.Text("id", item.id);
    Execute(db,
            "UPDATE coding_sample_item SET adjudicated_at = :now, version = version + 1, updated_at = :now2, "
            "updated_by = :user WHERE id = :id",
            bindings);
}

} // namespace

AgreementReport BuildAgreementReport(Database& db, const std::string& sampleId)
{
    const SampleData data = LoadSample(db, sampleId);
    const Programme programme = LoadProgramme(db, data.sample.consultationId);
    AgreementReport report;
    report.sample = data.sample;
    report.items = static_cast<long long>(data.items.size());
    std::map<std::string, AgreementCounts> counts; // by commitment id
    for (const auto& item : data.items) {
        if (!SampleData::Compared(item))
            continue;
        ++report.compared;
        std::map<std::string, std::set<Stance>> a, b;
        for (const auto& tag : TagsOf(data.tagsA, item.contributionId))
            if (!tag.commitmentId.empty())
                a[tag.commitmentId].insert(tag.stance);
        for (const auto& tag : TagsOf(data.tagsB, item.contributionId))
            if (!tag.commitmentId.empty())
                b[tag.commitmentId].insert(tag.stance);
        for (const auto& [commitment, stances] : a) {
            const auto other = b.find(commitment);
            if (other == b.end()) {
                ++counts[commitment].onlyA;
                continue;
            }
            ++counts[commitment].both;
            if (other->second != stances)
                ++report.stanceDifferences;
        }
        for (const auto& [commitment, stances] : b)
            if (a.count(commitment) == 0)
                ++counts[commitment].onlyB;
    }
    std::vector<AgreementCounts> tables;
    for (auto& [commitmentId, table] : counts) {
        table.neither = report.compared - table.both - table.onlyA - table.onlyB;
        const TargetInfo& info = programme.Of(ChoiceOf(commitmentId, {}, Stance::Observation));
        report.commitments.push_back({commitmentId, info.ref, info.title, ComputeAgreement(table)});
        tables.push_back(table);
    }
    std::stable_sort(report.commitments.begin(), report.commitments.end(),
                     [&](const CommitmentAgreement& x, const CommitmentAgreement& y) {
                         return programme.Of(ChoiceOf(x.commitmentId, {}, Stance::Observation)).order <
                                programme.Of(ChoiceOf(y.commitmentId, {}, Stance::Observation)).order;
                     });
    report.overall = CombineAgreement(tables);
    return report;
}

std::vector<ContributionComparison> ListDisagreements(Database& db, const std::string& sampleId,
                                                      bool includeAdjudicated)
{
    const SampleData data = LoadSample(db, sampleId);
    const Programme programme = LoadProgramme(db, data.sample.consultationId);
    const FinalTags finals = LoadFinalTags(db, sampleId);
    static const std::vector<TagChoice> none;
    std::vector<ContributionComparison> result;
    for (const auto& item : data.items) {
        if (!SampleData::Compared(item) || (!includeAdjudicated && item.adjudicatedAt))
            continue;
        const auto found = finals.find(item.contributionId);
        auto comparison = Compare(data, item, programme, found == finals.end() ? none : found->second);
        if (comparison.Differs())
            result.push_back(std::move(comparison));
    }
    AddTexts(db, sampleId, result);
    return result;
}

ContributionComparison CompareContribution(Database& db, const std::string& sampleId, const std::string& contributionId)
{
    const SampleData data = LoadSample(db, sampleId);
    const SampleItem& item = FindItem(data, contributionId);
    const Programme programme = LoadProgramme(db, data.sample.consultationId);
    const FinalTags finals = LoadFinalTags(db, sampleId, contributionId);
    const auto found = finals.find(contributionId);
    std::vector<ContributionComparison> one{
        Compare(data, item, programme, found == finals.end() ? std::vector<TagChoice>() : found->second)};
    AddTexts(db, sampleId, one);
    return one.front();
}

int Adjudicate(Database& db, const std::string& sampleId, const std::string& contributionId,
               const std::vector<TagChoice>& chosen, const std::string& adjudicator)
{
    for (const auto& choice : chosen)
        if (choice.commitmentId.empty() && choice.themeId.empty())
            throw ValidationError("Arbitrage : chaque codage retenu doit désigner un engagement ou un thème.");
    int added = 0;
    db.InTransaction([&] {
        const SampleData data = LoadSample(db, sampleId);
        const SampleItem& item = FindItem(data, contributionId);
        if (!SampleData::Compared(item))
            throw ValidationError("Arbitrage : les deux codeurs (" + data.sample.coderA + " et " + data.sample.coderB +
                                  ") n'ont pas encore tous deux terminé cette contribution.");
        const FinalTags finals = LoadFinalTags(db, sampleId, contributionId);
        const auto found = finals.find(contributionId);
        added =
            WriteFinalTags(db, contributionId, chosen, found == finals.end() ? std::vector<TagChoice>() : found->second,
                           adjudicator.empty() ? db.UserName() : adjudicator);
        StampAdjudicated(db, item);
    });
    return added;
}

AcceptedAgreements AcceptAgreements(Database& db, const std::string& sampleId, const std::string& adjudicator)
{
    AcceptedAgreements accepted;
    db.InTransaction([&] {
        const SampleData data = LoadSample(db, sampleId);
        const Programme programme = LoadProgramme(db, data.sample.consultationId);
        const FinalTags finals = LoadFinalTags(db, sampleId);
        const std::string coder = adjudicator.empty() ? db.UserName() : adjudicator;
        for (const auto& item : data.items) {
            if (!SampleData::Compared(item) || item.adjudicatedAt)
                continue;
            const auto found = finals.find(item.contributionId);
            const std::vector<TagChoice> existing = found == finals.end() ? std::vector<TagChoice>() : found->second;
            const ContributionComparison comparison = Compare(data, item, programme, existing);
            std::vector<TagChoice> agreed;
            for (const auto& proposed : comparison.tags)
                if (proposed.Agreed())
                    agreed.push_back(proposed.tag);
            accepted.tagsAdded += WriteFinalTags(db, item.contributionId, agreed, existing, coder);
            if (!comparison.Differs()) {
                StampAdjudicated(db, item);
                ++accepted.itemsSettled;
            }
        }
    });
    return accepted;
}

} // namespace concerto
