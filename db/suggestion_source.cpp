#include "db/suggestion_source.h"

#include "core/errors.h"
#include "db/repository.h"

namespace concerto {

namespace {

// Final tags on a commitment, for contributions of the consultation. The commitment is not
// checked to belong to it: AddExample ignores ids the model does not know.
const char* const kExamplesFrom = " FROM tag g JOIN contribution c ON c.id = g.contribution_id "
                                  "WHERE c.consultation_id = :consultation AND g.commitment_id IS NOT NULL";

} // namespace

std::string CommitmentSuggestionText(const std::string& title, const std::string& description,
                                     const std::string& themeTitle)
{
    return title + "\n" + description + "\n" + themeTitle;
}

std::string ContributionSuggestionText(const std::string& title, const std::string& body)
{
    return title.empty() ? body : title + "\n" + body;
}

long long CountSuggestionExamples(Database& db, const std::string& consultationId)
{
    long long count = 0;
    QueryRows(db, std::string("SELECT COUNT(*)") + kExamplesFrom, {{"consultation", consultationId}},
              [&](const soci::row& row) { count = Cell::Integer(row, 0); });
    return count;
}

SuggestionModel LoadSuggestionModel(Database& db, const std::string& consultationId, Progress* progress)
{
    SuggestionModel model;
    const Params consultation = {{"consultation", consultationId}};
    QueryRows(db,
              "SELECT m.id, m.title, m.description, t.title FROM commitment m JOIN theme t ON t.id = m.theme_id "
              "WHERE m.consultation_id = :consultation ORDER BY m.position, m.ref",
              consultation, [&](const soci::row& row) {
                  model.AddCommitment(
                      Cell::Text(row, 0),
                      CommitmentSuggestionText(Cell::Text(row, 1), Cell::Text(row, 2), Cell::Text(row, 3)));
              });
    if (progress) {
        progress->Begin("Apprentissage des suggestions",
                        static_cast<std::uint64_t>(CountSuggestionExamples(db, consultationId)));
        if (progress->IsCancelled())
            throw CancelledError();
    }
    std::uint64_t done = 0;
    QueryRows(db, std::string("SELECT g.commitment_id, c.title, c.body") + kExamplesFrom, consultation,
              [&](const soci::row& row) {
                  model.AddExample(Cell::Text(row, 0),
                                   ContributionSuggestionText(Cell::Text(row, 1), Cell::Text(row, 2)));
                  // Checked every thousand rows: often enough to stop within a blink, rarely
                  // enough to cost nothing.
                  if (progress && ++done % 1000 == 0) {
                      if (progress->IsCancelled())
                          throw CancelledError();
                      progress->Advance(done);
                  }
              });
    if (progress)
        progress->Advance(done);
    return model;
}

} // namespace concerto
