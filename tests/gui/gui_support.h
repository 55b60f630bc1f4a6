#pragma once
// Helpers shared by the GUI tests: letting the event loop run as a user's pause would, and a
// demo database to show.

#include "db/database.h"

#include <cstdint>
#include <functional>
#include <memory>

namespace concerto::test {

/// Processes pending UI events for about `milliseconds`.
void Settle(int milliseconds = 150);
/// Processes UI events until `done` holds (worker results arrive through the event loop) or
/// `timeoutMs` passes; returns whether it holds.
bool WaitUntil(const std::function<bool()>& done, int timeoutMs = 30000);
/// A fresh database on `backend` holding the demo consultation with `contributions` contributions.
std::unique_ptr<Database> DemoDatabase(Backend backend, std::uint64_t contributions);

} // namespace concerto::test
