#pragma once
// Deterministic pseudo-random numbers for the demo consultation and tests.
// The same seed gives the same sequence on every platform and compiler, which
// std::mt19937 + std::uniform_int_distribution does not guarantee.

#include <cstdint>
#include <string>
#include <vector>

namespace concerto {

/// SplitMix64-seeded xoshiro256** generator; portable and reproducible.
class Random {
public:
    explicit Random(std::uint64_t seed);

    /// Next raw 64-bit value.
    std::uint64_t Next();
    /// Uniform integer in [0, bound); bound must be > 0.
    std::uint64_t Below(std::uint64_t bound);
    /// Uniform integer in [low, high] (inclusive).
    std::int64_t Between(std::int64_t low, std::int64_t high);
    /// Uniform real in [0, 1).
    double Unit();
    /// True with the given probability.
    bool Chance(double probability);
    /// Index drawn with the given non-negative weights (at least one > 0).
    std::size_t Weighted(const std::vector<double>& weights);
    /// One element of a non-empty array.
    template <class T, std::size_t N> const T& Pick(const T (&items)[N]) { return items[Below(N)]; }
    template <class T> const T& Pick(const std::vector<T>& items) { return items[Below(items.size())]; }
    /// A random version-4 UUID in canonical lowercase form, drawn from this stream.
    std::string Uuid();

private:
    std::uint64_t m_state[4];
};

} // namespace concerto
