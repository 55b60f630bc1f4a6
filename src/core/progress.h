#pragma once
// A toolkit-neutral progress sink: libraries report progress and poll for cancellation
// through it; the app adapts it to a wx progress dialog, the CLI to stderr.

#include <cstdint>
#include <string>

namespace concerto {

/// Receives progress of long work. Implementations must be cheap to call often.
class Progress {
public:
    virtual ~Progress() = default;
    /// A new phase begins, with `total` steps (0 if unknown).
    virtual void Begin(const std::string& phase, std::uint64_t total) = 0;
    /// `done` steps of the current phase are complete.
    virtual void Advance(std::uint64_t done) = 0;
    /// True once the user asked to stop; the worker then throws CancelledError.
    virtual bool IsCancelled() const = 0;
};

/// A Progress that reports nothing and never cancels.
class SilentProgress final : public Progress {
public:
    void Begin(const std::string&, std::uint64_t) override {}
    void Advance(std::uint64_t) override {}
    bool IsCancelled() const override { return false; }
};

} // namespace concerto
