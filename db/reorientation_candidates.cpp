#include "db/reorientation_candidates.h"

#include "db/evidence_row.h"
#include "db/repositories.h"
#include "db/repository.h"

#include <algorithm>
#include <cstdlib>

namespace concerto {

namespace {

// The columns an evidence line shows, for a contribution aliased c, as ReadEvidenceLine() reads them.
const char* const kEvidenceColumns = "c.id, c.seq, c.received_at, ch.name, n.name, c.title, SUBSTR(c.body, 1, 200), "
                                     "c.is_quote FROM contribution c JOIN channel ch ON ch.id = c.channel_id "
                                     "LEFT JOIN neighbourhood n ON n.id = c.neighbourhood_id";

EvidenceItem ReadItem(const soci::row& row)
{
    EvidenceItem item = ReadEvidenceLine<EvidenceItem>(row, 0, &EvidenceItem::excerpt);
    if (Cell::IsNull(row, 4))
        item.neighbourhood = "Non renseigné";
    return item;
}

// ":prefix0, :prefix1…" for the valid ids, bound into `params`; empty when there is none.
std::string IdList(const std::vector<std::string>& ids, const std::string& prefix, Params& params)
{
    std::string list;
    for (const auto& id : ids) {
        if (!IsUuid(id))
            continue;
        const std::string name = prefix + std::to_string(params.size());
        list += (list.empty() ? ":" : ", :") + name;
        params.emplace_back(name, id);
    }
    return list;
}

int MeetingRank(MeetingKind kind)
{
    switch (kind) {
    case MeetingKind::Restitution:
        return 0;
    case MeetingKind::Agora:
        return 1;
    case MeetingKind::Ordinary:
        break;
    }
    return 2;
}

} // namespace

ReorientationChoices LoadReorientationChoices(Database& db, const std::string& consultationId)
{
    ReorientationChoices choices;
    choices.meetings = MeetingRepository(db).ListBy("consultation_id", consultationId, "starts_at");
    std::stable_sort(choices.meetings.begin(), choices.meetings.end(),
                     [](const Meeting& a, const Meeting& b) { return MeetingRank(a.kind) < MeetingRank(b.kind); });
    QueryRows(db,
              "SELECT DISTINCT owner FROM reorientation WHERE consultation_id = :consultation AND owner <> '' "
              "ORDER BY owner",
              {{"consultation", consultationId}},
              [&](const soci::row& row) { choices.owners.push_back(Cell::Text(row, 0)); });
    choices.themes = ThemeRepository(db).ListBy("consultation_id", consultationId, "position");
    choices.commitments = CommitmentRepository(db).ListBy("consultation_id", consultationId, "ref");
    choices.topics = TopicRepository(db).ListBy("consultation_id", consultationId, "title");
    return choices;
}

std::vector<EvidenceItem> FindEvidenceCandidates(Database& db, const std::string& consultationId,
                                                 const EvidenceQuery& query, int limit)
{
    std::vector<EvidenceItem> items;
    Params params{{"consultation", consultationId}};
    std::string where;
    if (!query.words.empty()) {
        ContributionFilter filter;
        filter.search = query.words;
        const auto conditions = ContributionRepository(db).ConditionsFor(filter);
        if (conditions.empty())
            return items; // no searchable word
        for (const auto& condition : conditions) {
            where += " AND " + condition.sql;
            params.insert(params.end(), condition.params.begin(), condition.params.end());
        }
    } else {
        const std::string topics = IdList(query.topicIds, "t", params);
        const std::string commitments = IdList(query.commitmentIds, "m", params);
        std::vector<std::string> sources;
        if (!commitments.empty())
            sources.push_back("c.id IN (SELECT g.contribution_id FROM tag g WHERE g.commitment_id IN (" + commitments +
                              "))");
        if (!topics.empty()) {
            sources.push_back("c.id IN (SELECT g.contribution_id FROM tag g JOIN topic_link l ON l.commitment_id = "
                              "g.commitment_id WHERE l.topic_id IN (" +
                              topics + "))");
            sources.push_back("c.id IN (SELECT cl.contribution_id FROM contribution_label cl JOIN topic_link l ON "
                              "l.label_id = cl.label_id WHERE l.topic_id IN (" +
                              topics + "))");
        }
        if (sources.empty())
            return items;
        where = " AND (";
        for (std::size_t i = 0; i < sources.size(); ++i)
            where += (i ? " OR " : "") + sources[i];
        where += ")";
    }
    const std::string sql = std::string("SELECT ") + kEvidenceColumns +
                            " WHERE c.consultation_id = :consultation AND c.state <> 'excluded'" + where +
                            " ORDER BY c.is_quote DESC, c.seq LIMIT " + std::to_string(std::max(1, limit));
    QueryRows(db, sql, params, [&](const soci::row& row) { items.push_back(ReadItem(row)); });
    return items;
}

std::vector<EvidenceItem> EvidenceItemsFor(Database& db, const std::vector<std::string>& contributionIds)
{
    std::vector<EvidenceItem> items;
    Params params;
    const std::string ids = IdList(contributionIds, "k", params);
    if (ids.empty())
        return items;
    QueryRows(db, std::string("SELECT ") + kEvidenceColumns + " WHERE c.id IN (" + ids + ") ORDER BY c.seq", params,
              [&](const soci::row& row) { items.push_back(ReadItem(row)); });
    return items;
}

std::string ContributionFullText(Database& db, const std::string& contributionId)
{
    const auto contribution = ContributionRepository(db).Find(contributionId);
    if (!contribution)
        return {};
    return contribution->title.empty() ? contribution->body : contribution->title + "\n\n" + contribution->body;
}

std::string NextNewCommitmentRef(Database& db, const std::string& consultationId)
{
    long largest = 0;
    QueryRows(db, "SELECT ref FROM commitment WHERE consultation_id = :consultation AND ref LIKE 'NOUV-%'",
              {{"consultation", consultationId}}, [&](const soci::row& row) {
                  const std::string ref = Cell::Text(row, 0);
                  char* end = nullptr;
                  const long n = std::strtol(ref.c_str() + 5, &end, 10);
                  if (end && *end == '\0' && n > largest)
                      largest = n;
              });
    return "NOUV-" + std::to_string(largest + 1);
}

} // namespace concerto
