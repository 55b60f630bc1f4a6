#include "core/random.h"

#include <cstdio>

namespace concerto {

namespace {
std::uint64_t SplitMix(std::uint64_t& x)
{
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
} // namespace

Random::Random(std::uint64_t seed)
{
    for (auto& s : m_state)
        s = SplitMix(seed);
}

std::uint64_t Random::Next()
{
    const std::uint64_t result = Rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = Rotl(m_state[3], 45);
    return result;
}

std::uint64_t Random::Below(std::uint64_t bound)
{
    // Rejection sampling keeps the draw unbiased.
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    std::uint64_t value;
    do
        value = Next();
    while (value >= limit);
    return value % bound;
}

std::int64_t Random::Between(std::int64_t low, std::int64_t high)
{
    return low + static_cast<std::int64_t>(Below(static_cast<std::uint64_t>(high - low) + 1));
}

double Random::Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

bool Random::Chance(double probability) { return Unit() < probability; }

std::size_t Random::Weighted(const std::vector<double>& weights)
{
    double total = 0;
    for (double w : weights)
        total += w;
    double point = Unit() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (point < weights[i])
            return i;
        point -= weights[i];
    }
    return weights.size() - 1;
}

std::string Random::Uuid()
{
    std::uint64_t hi = Next(), lo = Next();
    hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
    lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
    char buf[37];
    std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                  static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
                  static_cast<unsigned>(lo >> 48), static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
    return buf;
}

} // namespace concerto
