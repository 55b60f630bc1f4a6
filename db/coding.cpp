// What the coding view reads of one contribution, and the undo/redo history of a coding
// session. The actions themselves live in coding_actions.cpp (tags, labels), coding_edits.cpp
// (quote, state, note, done) and coding_bulk.cpp (bulk tag and label).

#include "core/text.h"
#include "db/coding_support.h"

#include <algorithm>

namespace concerto {

namespace {

std::optional<CodingItem> ReadItem(Database& db, const std::string& contributionId)
{
    Bindings params;
    params.Text("id", contributionId);
    CodingItem item;
    if (!ReadContributionHeading(db, "c.id = :id", params, item))
        return std::nullopt;
    return item;
}

// Final tags: every coder's. Blind tags: only this coder's, in this sample.
std::vector<CodingTag> ReadTags(Database& db, const std::string& contributionId, const CodingTarget& target)
{
    Bindings params;
    params.Text("contribution", contributionId);
    std::string sql = std::string("SELECT t.id, t.commitment_id, COALESCE(t.theme_id, m.theme_id), m.ref, m.title, "
                                  "th.code, th.title, t.stance, t.coder FROM ") +
                      (target.sampleId.empty() ? "tag" : "sample_tag") +
                      " t LEFT JOIN commitment m ON m.id = t.commitment_id "
                      "LEFT JOIN theme th ON th.id = COALESCE(t.theme_id, m.theme_id) "
                      "WHERE t.contribution_id = :contribution";
    if (!target.sampleId.empty()) {
        params.Text("sample", target.sampleId);
        params.Text("coder", coding::CoderOf(db, target));
        sql += " AND t.sample_id = :sample AND t.coder = :coder";
    }
    std::vector<CodingTag> tags;
    QueryRows(db, sql + " ORDER BY t.tagged_at, t.created_at, t.id", params, [&](const soci::row& row) {
        CodingTag tag;
        tag.id = Cell::Text(row, 0);
        tag.commitmentId = Cell::Text(row, 1);
        tag.themeId = Cell::Text(row, 2);
        tag.commitmentRef = Cell::Text(row, 3);
        tag.commitmentTitle = Cell::Text(row, 4);
        tag.themeCode = Cell::Text(row, 5);
        tag.themeTitle = Cell::Text(row, 6);
        FromCode(Cell::Text(row, 7), tag.stance);
        tag.coder = Cell::Text(row, 8);
        tags.push_back(std::move(tag));
    });
    return tags;
}

std::vector<Label> ReadLabels(Database& db, const std::string& contributionId)
{
    Bindings params;
    params.Text("contribution", contributionId);
    std::vector<std::pair<std::string, Label>> keyed;
    QueryRows(
        db,
        "SELECT " + Repository<Label>::SelectList() +
            " FROM label c JOIN contribution_label l ON l.label_id = c.id WHERE l.contribution_id = :contribution",
        params, [&](const soci::row& row) {
            Label label = Repository<Label>::FromRow(row, 0);
            keyed.emplace_back(Fold(label.name), std::move(label));
        });
    // Sorted as a French reader expects ("École" among the E), whatever the database's collation.
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second.name < b.second.name;
    });
    std::vector<Label> labels;
    for (auto& [key, label] : keyed)
        labels.push_back(std::move(label));
    return labels;
}

// A coder who is not in the sample has done nothing in it: reading never throws for that.
bool SampleDone(Database& db, const std::string& contributionId, const CodingTarget& target)
{
    if (!IsUuid(target.sampleId))
        return false;
    Bindings params;
    params.Text("sample", target.sampleId);
    params.Text("contribution", contributionId);
    const std::string coder = coding::CoderOf(db, target);
    bool done = false;
    QueryRows(db,
              "SELECT s.coder_a, s.coder_b, i.done_by_a, i.done_by_b FROM coding_sample_item i "
              "JOIN coding_sample s ON s.id = i.sample_id WHERE i.sample_id = :sample AND i.contribution_id = "
              ":contribution",
              params, [&](const soci::row& row) {
                  if (coder == Cell::Text(row, 0))
                      done = !Cell::IsNull(row, 2);
                  else if (coder == Cell::Text(row, 1))
                      done = !Cell::IsNull(row, 3);
              });
    return done;
}

} // namespace

CodingItem LoadCodingItem(Database& db, const std::string& contributionId, const CodingTarget& target)
{
    std::optional<CodingItem> item;
    if (IsUuid(contributionId))
        item = ReadItem(db, contributionId);
    if (!item)
        throw NotFoundError("La contribution n'existe plus dans la base (suppression faite entre-temps par "
                            "quelqu'un d'autre).");
    item->tags = ReadTags(db, contributionId, target);
    item->labels = ReadLabels(db, contributionId);
    item->done = target.sampleId.empty() ? item->contribution.state != ContributionState::New
                                         : SampleDone(db, contributionId, target);
    return std::move(*item);
}

void CodingHistory::Do(Database& db, std::unique_ptr<CodingAction> action)
{
    if (!action)
        return;
    action->Apply(db);
    m_done.push_back(std::move(action));
    m_undone.clear();
}

std::string CodingHistory::UndoDescription() const
{
    return m_done.empty() ? std::string() : m_done.back()->Describe();
}

std::string CodingHistory::RedoDescription() const
{
    return m_undone.empty() ? std::string() : m_undone.back()->Describe();
}

const CodingAction* CodingHistory::Undo(Database& db)
{
    if (m_done.empty())
        return nullptr;
    m_done.back()->Revert(db); // on an exception both stacks stay as they were
    m_undone.push_back(std::move(m_done.back()));
    m_done.pop_back();
    return m_undone.back().get();
}

const CodingAction* CodingHistory::Redo(Database& db)
{
    if (m_undone.empty())
        return nullptr;
    m_undone.back()->Apply(db);
    m_done.push_back(std::move(m_undone.back()));
    m_undone.pop_back();
    return m_done.back().get();
}

void CodingHistory::Clear()
{
    m_done.clear();
    m_undone.clear();
}

} // namespace concerto
