#pragma once
// Shared by the benchmarks: a stopwatch, the standard result line, and the size knob.

#include <chrono>
#include <cstdint>
#include <string>

namespace concerto::bench {

/// Seconds elapsed while running `work`.
template <class F> double Seconds(F&& work)
{
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// Prints "bench: NAME: VALUE UNIT; baseline BASELINE: VALUE UNIT; ratio R".
/// `higherIsBetter` says whether a larger value means Concerto does better (rates) or worse (times).
void Report(const std::string& name, double value, const std::string& baselineName, double baseline,
            const std::string& unit, bool higherIsBetter);

/// The row count: CONCERTO_BENCH_ROWS if set, else `fallback`.
std::uint64_t Rows(std::uint64_t fallback);

/// Peak resident memory of this process so far, in MiB.
double PeakMemoryMiB();

} // namespace concerto::bench
