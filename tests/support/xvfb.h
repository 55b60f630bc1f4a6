#pragma once
// Gives GUI tests an X display: the caller's own if DISPLAY is set, otherwise a private Xvfb started on demand
// and killed when the process exits.

#include <string>

namespace concerto::test {

/// Returns a usable DISPLAY value. If DISPLAY is set and non-empty it is returned unchanged; otherwise starts
/// `Xvfb :N -screen 0 1366x768x24 -nolisten tcp` on a free display number (once per process), waits up to 10 s
/// for its socket, sets DISPLAY and returns it. The Xvfb is killed at process exit. Throws std::runtime_error if
/// Xvfb is not installed or does not come up. Thread-safe.
std::string EnsureDisplay();

} // namespace concerto::test
