// The evidence behind a topic and its spread by neighbourhood, channel, stance and profile.

#include "db/restitution_internal.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace concerto {

using namespace restitution;

namespace {

const char* const kNotGiven = "Non renseigné";
const char* const kNoStance = "Sans position";

// Counts keyed by id or code, with the French name of each key.
class Tally {
public:
    void Add(const std::string& key, const std::string& name)
    {
        auto& entry = m_counts[key];
        entry.key = key;
        entry.name = name;
        ++entry.count;
    }
    /// Largest first; equal counts by name.
    std::vector<EvidenceCount> Sorted() const
    {
        std::vector<EvidenceCount> counts;
        for (const auto& [key, entry] : m_counts)
            counts.push_back(entry);
        std::sort(counts.begin(), counts.end(), [](const EvidenceCount& a, const EvidenceCount& b) {
            if (a.count != b.count)
                return a.count > b.count;
            return a.name != b.name ? FrenchLess(a.name, b.name) : a.key < b.key;
        });
        return counts;
    }

private:
    std::map<std::string, EvidenceCount> m_counts;
};

// "soutien" -> "Soutien": a breakdown's names stand alone, like « Sans position ».
std::string Capitalized(const std::string& name)
{
    std::string text = name;
    if (!text.empty())
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

// The condition (on contribution alias c) selecting a topic's evidence; binds :topic1, :topic2.
std::string EvidenceCondition(Bindings& params, const std::string& topicId)
{
    params.Text("topic1", topicId);
    params.Text("topic2", topicId);
    return "c.state <> 'excluded' AND (EXISTS (SELECT 1 FROM contribution_label cl JOIN topic_link l ON "
           "l.label_id = cl.label_id WHERE cl.contribution_id = c.id AND l.topic_id = :topic1) OR EXISTS (SELECT 1 "
           "FROM tag g JOIN topic_link l2 ON l2.commitment_id = g.commitment_id WHERE g.contribution_id = c.id AND "
           "l2.topic_id = :topic2))";
}

} // namespace

TopicEvidence LoadTopicEvidence(Database& db, const std::string& topicId)
{
    TopicEvidence evidence;
    if (!IsUuid(topicId))
        return evidence;
    Tally neighbourhoods, channels, profiles, stances;
    {
        Bindings params;
        const std::string sql = "SELECT " + EvidenceColumns() + " FROM contribution c" + EvidenceJoins() + " WHERE " +
                                EvidenceCondition(params, topicId) + " ORDER BY c.seq";
        QueryRows(db, sql, params, [&](const soci::row& row) {
            EvidenceItem item = EvidenceFromRow(row, 0);
            const std::string channelCode = Cell::Text(row, kEvidenceColumnCount - 3);
            const std::string neighbourhoodId = Cell::Text(row, kEvidenceColumnCount - 2);
            const std::string profile = Cell::Text(row, kEvidenceColumnCount - 1);
            neighbourhoods.Add(neighbourhoodId, item.neighbourhood.empty() ? kNotGiven : item.neighbourhood);
            channels.Add(channelCode, item.channel.empty() ? kNotGiven : item.channel);
            profiles.Add(profile, profile.empty() ? kNotGiven : profile);
            evidence.items.push_back(std::move(item));
        });
    }
    evidence.total = static_cast<long long>(evidence.items.size());
    {
        // Every stance the contribution was tagged with, whatever the commitment or theme.
        Bindings params;
        const std::string sql = "SELECT DISTINCT c.id, g.stance FROM contribution c JOIN tag g ON g.contribution_id = "
                                "c.id WHERE " +
                                EvidenceCondition(params, topicId);
        std::set<std::string> tagged;
        QueryRows(db, sql, params, [&](const soci::row& row) {
            Stance stance = Stance::Observation;
            const std::string code = Cell::Text(row, 1);
            FromCode(code, stance);
            stances.Add(code, Capitalized(FrenchName(stance)));
            tagged.insert(Cell::Text(row, 0));
        });
        for (const auto& item : evidence.items)
            if (!tagged.count(item.contributionId))
                stances.Add({}, kNoStance);
    }
    evidence.byNeighbourhood = neighbourhoods.Sorted();
    evidence.byChannel = channels.Sorted();
    evidence.byStance = stances.Sorted();
    evidence.byProfile = profiles.Sorted();
    return evidence;
}

} // namespace concerto
