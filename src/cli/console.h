#pragma once
// What several concerto-cli subcommands share: progress on stderr, and the consultation a
// command works on.

#include "core/model.h"
#include "core/progress.h"
#include "db/database.h"

#include <chrono>
#include <string>

namespace concerto::cli {

/// Progress on stderr: a line per phase, then a line every two seconds at most (and the last step).
class ConsoleProgress final : public Progress {
public:
    void Begin(const std::string& phase, std::uint64_t total) override;
    void Advance(std::uint64_t done) override;
    bool IsCancelled() const override { return false; }

private:
    std::string m_phase;
    std::uint64_t m_total = 0;
    std::chrono::steady_clock::time_point m_last;
};

/// The consultation asked for (by id), or the most recent one (the campaign being worked on, as
/// the desktop app chooses it); says which on stderr when there was a choice to make. Throws
/// NotFoundError when the id is unknown or the database holds no consultation.
Consultation ChosenConsultation(Database& db, const std::string& requested);

} // namespace concerto::cli
