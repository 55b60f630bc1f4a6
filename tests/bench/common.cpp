#include "common.h"

#include <cstdio>
#include <cstdlib>
#include <sys/resource.h>

namespace concerto::bench {

void Report(const std::string& name, double value, const std::string& baselineName, double baseline,
            const std::string& unit, bool higherIsBetter)
{
    const double ratio = higherIsBetter ? value / baseline : baseline / value;
    std::printf("bench: %s: %.1f %s; baseline %s: %.1f %s; ratio %.2f\n", name.c_str(), value, unit.c_str(),
                baselineName.c_str(), baseline, unit.c_str(), ratio);
    std::fflush(stdout);
}

std::uint64_t Rows(std::uint64_t fallback)
{
    if (const char* text = std::getenv("CONCERTO_BENCH_ROWS"))
        return std::strtoull(text, nullptr, 10);
    return fallback;
}

double PeakMemoryMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

} // namespace concerto::bench
