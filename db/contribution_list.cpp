#include "db/contribution_list.h"

#include <algorithm>
#include <deque>
#include <unordered_map>

namespace concerto {

namespace {

// How many keys one round trip brings back when Keys() reads its result.
constexpr std::size_t kKeyBatch = 20000;

// The columns of a ContributionRow, in the order RowFrom reads them.
const char* const kRowSelect =
    "SELECT c.seq, c.id, c.version, c.received_at, ch.name, m.title, n.name, cd.title, c.profile, c.title, "
    "c.body, c.state, c.is_quote, (SELECT COUNT(*) FROM tag t WHERE t.contribution_id = c.id), c.mentions_contact "
    "FROM contribution c LEFT JOIN channel ch ON ch.id = c.channel_id LEFT JOIN meeting m ON m.id = c.meeting_id "
    "LEFT JOIN neighbourhood n ON n.id = c.neighbourhood_id LEFT JOIN card cd ON cd.id = c.card_id";

// A million keys through soci::row would cost a dynamic row per key: fetch them in batches instead.
std::vector<long long> QueryKeys(Database& db, const std::string& sql, Bindings& params)
{
    std::vector<long long> keys;
    db.Guarded([&] {
        std::vector<long long> batch(kKeyBatch);
        soci::statement statement(db.Session());
        params.ExchangeInto(statement);
        statement.exchange(soci::into(batch));
        statement.alloc();
        statement.prepare(sql);
        statement.define_and_bind();
        statement.execute(false);
        while (statement.fetch()) {
            keys.insert(keys.end(), batch.begin(), batch.end());
            batch.resize(kKeyBatch);
        }
    });
    return keys;
}

ContributionRow RowFrom(const soci::row& row)
{
    ContributionRow r;
    r.seq = Cell::Integer(row, 0);
    r.id = Cell::Text(row, 1);
    r.version = static_cast<int>(Cell::Integer(row, 2));
    r.receivedAt = Cell::Instant(row, 3);
    r.channel = Cell::Text(row, 4);
    r.meeting = Cell::Text(row, 5);
    r.neighbourhood = Cell::Text(row, 6);
    r.card = Cell::Text(row, 7);
    r.profile = Cell::Text(row, 8);
    r.title = Cell::Text(row, 9);
    r.body = Cell::Text(row, 10);
    FromCode(Cell::Text(row, 11), r.state);
    r.isQuote = Cell::Integer(row, 12) != 0;
    r.tagCount = static_cast<int>(Cell::Integer(row, 13));
    r.mentionsContact = Cell::Integer(row, 14) != 0;
    return r;
}

// Accent-aware order of names ("Écoles" between "Agora" and "Zèbre") that both backends share:
// the reference tables are small, so they are ranked here and the query sorts on the rank.
std::string RankOf(Database& db, const char* table, const char* column, Bindings& params)
{
    std::vector<std::pair<std::string, std::string>> entries; // folded name + name, id
    Bindings none;
    QueryRows(db, std::string("SELECT id, name FROM ") + table, none, [&](const soci::row& row) {
        const std::string name = Cell::Text(row, 1);
        entries.emplace_back(Fold(name) + '\x01' + name, Cell::Text(row, 0));
    });
    if (entries.empty())
        return {};
    std::sort(entries.begin(), entries.end());
    std::string expression = std::string("CASE ") + column;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string name = std::string(table) + "_rank" + std::to_string(i);
        expression += " WHEN :" + name + " THEN " + std::to_string(i);
        params.Text(name, entries[i].second);
    }
    // Contributions without one (NULL) come after every named one.
    return expression + " ELSE " + std::to_string(entries.size()) + " END";
}

// The ORDER BY clause for `sort`; the entry order breaks ties so that the order is total and stable.
std::string OrderBy(Database& db, const ContributionSort& sort, Bindings& params)
{
    std::string expression;
    switch (sort.key) {
    case ContributionSortKey::ReceivedAt:
        expression = "c.received_at";
        break;
    case ContributionSortKey::Channel:
        expression = RankOf(db, "channel", "c.channel_id", params);
        break;
    case ContributionSortKey::Neighbourhood:
        expression = RankOf(db, "neighbourhood", "c.neighbourhood_id", params);
        break;
    case ContributionSortKey::State: {
        // The order of the work, not of the words: new, to review, tagged, excluded.
        expression = "CASE c.state";
        int rank = 0;
        for (auto state : {ContributionState::New, ContributionState::ToReview, ContributionState::Tagged,
                           ContributionState::Excluded})
            expression += std::string(" WHEN '") + ToCode(state) + "' THEN " + std::to_string(rank++);
        expression += " ELSE 9 END";
        break;
    }
    case ContributionSortKey::EntryOrder:
        break;
    }
    const std::string direction = sort.descending ? " DESC" : " ASC";
    std::string clause = " ORDER BY ";
    if (!expression.empty())
        clause += expression + direction + ", ";
    return clause + "c.seq" + direction;
}

std::string WhereOf(const std::vector<Condition>& conditions)
{
    std::string where;
    for (const auto& condition : conditions)
        where += (where.empty() ? " WHERE (" : " AND (") + condition.sql + ")";
    return where;
}

} // namespace

std::vector<long long> ContributionList::Keys(const ContributionFilter& filter, const ContributionSort& sort)
{
    const auto conditions = ContributionRepository(m_db).ConditionsFor(filter);
    Bindings params;
    for (const auto& condition : conditions)
        params.Texts(condition.params);
    const std::string order = OrderBy(m_db, sort, params);
    return QueryKeys(m_db, "SELECT c.seq FROM contribution c" + WhereOf(conditions) + order, params);
}

std::vector<ContributionRow> ContributionList::Rows(const std::vector<long long>& keys)
{
    std::unordered_map<long long, ContributionRow> found;
    for (std::size_t first = 0; first < keys.size(); first += kKeysPerStatement) {
        Bindings params;
        const std::string list = params.Keys(keys, first, std::min(kKeysPerStatement, keys.size() - first));
        QueryRows(m_db, std::string(kRowSelect) + " WHERE c.seq IN (" + list + ")", params, [&](const soci::row& row) {
            ContributionRow r = RowFrom(row);
            const long long seq = r.seq;
            found.emplace(seq, std::move(r));
        });
    }
    std::vector<ContributionRow> rows;
    rows.reserve(found.size());
    for (const long long key : keys) {
        auto it = found.find(key);
        if (it != found.end()) {
            rows.push_back(std::move(it->second));
            found.erase(it); // a key asked twice is answered once
        }
    }
    return rows;
}

std::vector<ContributionRow> ContributionList::FirstPage(const ContributionFilter& filter, const ContributionSort& sort,
                                                         int count)
{
    const auto conditions = ContributionRepository(m_db).ConditionsFor(filter);
    Bindings params;
    for (const auto& condition : conditions)
        params.Texts(condition.params);
    const std::string order = OrderBy(m_db, sort, params);
    std::vector<ContributionRow> rows;
    QueryRows(m_db, std::string(kRowSelect) + WhereOf(conditions) + order + " LIMIT " + std::to_string(std::max(count, 0)),
          params, [&](const soci::row& row) { rows.push_back(RowFrom(row)); });
    return rows;
}

std::optional<ContributionDetail> ContributionList::Detail(long long seq)
{
    Bindings params;
    const std::string key = params.Keys({seq}, 0, 1);
    std::optional<ContributionDetail> detail(std::in_place);
    if (!ReadContributionHeading(m_db, "c.seq = " + key, params, *detail))
        return std::nullopt;
    Bindings tagParams;
    tagParams.Text("contribution", detail->contribution.id);
    QueryRows(m_db,
          "SELECT m.ref, m.title, th.title, t.stance, t.coder FROM tag t "
          "LEFT JOIN commitment m ON m.id = t.commitment_id LEFT JOIN theme th ON th.id = COALESCE(t.theme_id, "
          "m.theme_id) WHERE t.contribution_id = :contribution ORDER BY t.tagged_at, t.id",
          tagParams, [&](const soci::row& row) {
              ContributionTagLine line;
              line.commitmentRef = Cell::Text(row, 0);
              line.commitmentTitle = Cell::Text(row, 1);
              line.themeTitle = Cell::Text(row, 2);
              FromCode(Cell::Text(row, 3), line.stance);
              line.coder = Cell::Text(row, 4);
              detail->tags.push_back(std::move(line));
          });
    return detail;
}

long long ContributionList::SeqOf(const std::string& id)
{
    if (!IsUuid(id))
        return 0;
    Bindings params;
    params.Text("id", id);
    long long seq = 0;
    QueryRows(m_db, "SELECT c.seq FROM contribution c WHERE c.id = :id", params,
          [&](const soci::row& row) { seq = Cell::Integer(row, 0); });
    return seq;
}

long long ContributionList::UpdateKeys(const std::vector<long long>& keys, const std::string& assignments,
                                       const std::vector<std::pair<std::string, std::optional<std::string>>>& values)
{
    long long changed = 0;
    const std::string now = Timestamp::Now().ToIso();
    m_db.InTransaction([&] {
        for (std::size_t first = 0; first < keys.size(); first += kKeysPerStatement) {
            Bindings params;
            for (const auto& [name, value] : values)
                params.OptionalText(name, value);
            params.Text("stamp_at", now);
            params.Text("stamp_by", m_db.UserName());
            const std::string list = params.Keys(keys, first, std::min(kKeysPerStatement, keys.size() - first));
            // The version moves on, so that an editor still open on one of these rows meets a conflict.
            changed += Execute(m_db,
                           "UPDATE contribution SET " + assignments +
                               ", version = version + 1, updated_at = :stamp_at, updated_by = :stamp_by "
                               "WHERE seq IN (" +
                               list + ")",
                           params);
        }
    });
    return changed;
}

long long ContributionList::SetMeeting(const std::vector<long long>& keys, const std::string& meetingId)
{
    std::optional<std::string> meeting;
    if (!meetingId.empty())
        meeting = meetingId;
    return UpdateKeys(keys,
                      "meeting_id = :meeting, channel_id = COALESCE((SELECT mt.channel_id FROM meeting mt "
                      "WHERE mt.id = :meeting_of), channel_id)",
                      {{"meeting", meeting}, {"meeting_of", meeting}});
}

long long ContributionList::SetNeighbourhood(const std::vector<long long>& keys, const std::string& neighbourhoodId)
{
    std::optional<std::string> neighbourhood;
    if (!neighbourhoodId.empty())
        neighbourhood = neighbourhoodId;
    return UpdateKeys(keys, "neighbourhood_id = :neighbourhood", {{"neighbourhood", neighbourhood}});
}

long long ContributionList::SetState(const std::vector<long long>& keys, ContributionState state)
{
    // A reason for exclusion means nothing once the contribution is back in the work.
    const std::string reason = state == ContributionState::Excluded ? "" : ", exclusion_reason = ''";
    return UpdateKeys(keys, "state = :state" + reason, {{"state", std::string(ToCode(state))}});
}

long long ContributionList::Remove(const std::vector<long long>& keys)
{
    long long removed = 0;
    m_db.InTransaction([&] {
        for (std::size_t first = 0; first < keys.size(); first += kKeysPerStatement) {
            Bindings params;
            const std::string list = params.Keys(keys, first, std::min(kKeysPerStatement, keys.size() - first));
            removed += Execute(m_db, "DELETE FROM contribution WHERE seq IN (" + list + ")", params);
        }
    });
    return removed;
}

std::vector<std::string> ContributionList::DistinctValues(const std::string& consultationId, const std::string& column)
{
    if (column != "profile" && column != "age_bracket")
        throw ValidationError("Colonne inconnue pour les contributions : " + column);
    Bindings params;
    params.Text("consultation", consultationId);
    std::vector<std::pair<std::string, std::string>> values;
    QueryRows(m_db,
          "SELECT DISTINCT c." + column + " FROM contribution c WHERE c.consultation_id = :consultation AND c." +
              column + " <> ''",
          params, [&](const soci::row& row) {
              const std::string value = Cell::Text(row, 0);
              values.emplace_back(Fold(value), value);
          });
    std::sort(values.begin(), values.end());
    std::vector<std::string> sorted;
    for (auto& [folded, value] : values)
        sorted.push_back(std::move(value));
    return sorted;
}

} // namespace concerto
