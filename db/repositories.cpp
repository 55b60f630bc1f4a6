#include "db/repositories.h"

namespace concerto {

Commitment CommitmentRepository::ChangeStatus(Commitment commitment, CommitmentStatus status, const Date& effectiveOn,
                                              const std::string& comment)
{
    m_db.InTransaction([&] {
        commitment.status = status;
        commitment = Update(commitment);
        StatusChange change;
        change.commitmentId = commitment.id;
        change.status = status;
        change.effectiveOn = effectiveOn;
        change.comment = comment;
        StatusChangeRepository(m_db).Create(change);
    });
    return commitment;
}

std::vector<StatusChange> CommitmentRepository::History(const std::string& commitmentId)
{
    auto changes = StatusChangeRepository(m_db).ListBy("commitment_id", commitmentId);
    std::stable_sort(changes.begin(), changes.end(), [](const StatusChange& a, const StatusChange& b) {
        return a.effectiveOn < b.effectiveOn || (a.effectiveOn == b.effectiveOn && a.createdAt < b.createdAt);
    });
    return changes;
}

std::map<std::string, CommitmentStatus> CommitmentRepository::StatusAt(const std::string& consultationId,
                                                                       const Date& day)
{
    // The latest change on or before the day wins; among same-day changes, the last recorded.
    const std::string sql =
        "SELECT s.commitment_id, s.status FROM commitment_status_change s JOIN commitment m ON m.id = s.commitment_id "
        "WHERE m.consultation_id = :consultation AND s.effective_on <= :day "
        "ORDER BY s.commitment_id, s.effective_on, s.created_at";
    std::map<std::string, CommitmentStatus> result;
    QueryRows(m_db, sql, {{"consultation", consultationId}, {"day", day.ToIso()}}, [&](const soci::row& row) {
        CommitmentStatus status = CommitmentStatus::Planned;
        FromCode(Cell::Text(row, 1), status);
        result[Cell::Text(row, 0)] = status;
    });
    return result;
}

std::vector<Condition> ContributionRepository::ConditionsFor(const ContributionFilter& f) const
{
    std::vector<Condition> conditions;
    auto equals = [&](const char* column, const std::string& value) {
        if (!value.empty())
            conditions.push_back(Equals(column, value));
    };
    equals("consultation_id", f.consultationId);
    equals("channel_id", f.channelId);
    equals("meeting_id", f.meetingId);
    equals("neighbourhood_id", f.neighbourhoodId);
    if (f.state)
        conditions.push_back(Equals("state", ToCode(*f.state)));
    if (f.isQuote)
        conditions.push_back({*f.isQuote ? "c.is_quote" : "NOT c.is_quote", {}});
    if (f.mentionsContact)
        conditions.push_back({*f.mentionsContact ? "c.mentions_contact" : "NOT c.mentions_contact", {}});
    if (!f.commitmentId.empty())
        conditions.push_back({"EXISTS (SELECT 1 FROM tag t WHERE t.contribution_id = c.id AND t.commitment_id = "
                              ":f_commitment)",
                              {{"f_commitment", f.commitmentId}}});
    if (!f.themeId.empty())
        conditions.push_back({"EXISTS (SELECT 1 FROM tag t LEFT JOIN commitment m ON m.id = t.commitment_id "
                              "WHERE t.contribution_id = c.id AND (t.theme_id = :f_theme OR m.theme_id = :f_theme2))",
                              {{"f_theme", f.themeId}, {"f_theme2", f.themeId}}});
    if (f.tagged)
        conditions.push_back({std::string(*f.tagged ? "" : "NOT ") +
                                  "EXISTS (SELECT 1 FROM tag t WHERE t.contribution_id = c.id)",
                              {}});
    if (f.from)
        conditions.push_back({"c.received_at >= :f_from", {{"f_from", Timestamp::At(*f.from).ToIso()}}});
    if (f.to)
        conditions.push_back(
            {"c.received_at < :f_to", {{"f_to", Timestamp::At(Date::FromDaysSinceEpoch(f.to->DaysSinceEpoch() + 1)).ToIso()}}});
    if (!f.search.empty()) {
        const auto stems = SearchStems(f.search);
        if (!stems.empty())
            conditions.push_back({m_db.GetDialect().FullTextCondition(), {{"fts", m_db.GetDialect().FullTextQuery(stems)}}});
    }
    return conditions;
}

std::string SettingRepository::Value(const std::string& key, const std::string& fallback)
{
    auto found = FindBy("key", key);
    return found ? found->value : fallback;
}

void SettingRepository::SetValue(const std::string& key, const std::string& value)
{
    m_db.InTransaction([&] {
        if (auto found = FindBy("key", key)) {
            found->value = value;
            Update(*found);
        } else {
            Setting setting;
            setting.key = key;
            setting.value = value;
            Create(setting);
        }
    });
}

} // namespace concerto
