#pragma once
// The demo consultation: a realistic, deterministic, clearly fictitious "Bilan de mi-mandat
// 2023" (see core/demo_corpus.h for its content). The same seed gives the same rows, UUIDs
// and timestamps included, on either backend.

#include "core/progress.h"
#include "db/database.h"

#include <cstdint>
#include <string>

namespace concerto {

struct DemoOptions {
    std::uint64_t contributions = 3500;
    std::uint64_t seed = 2023;
};

/// Title of the demo consultation.
extern const char* const kDemoConsultationTitle;

/// Creates the demo consultation (reference data included when missing) and returns its id.
/// All or nothing: on error or cancellation (CancelledError) nothing is left behind.
std::string GenerateDemo(Database& db, const DemoOptions& options, Progress& progress);

} // namespace concerto
