// libFuzzer target: any bytes given to the XLSX reader (as a ZIP archive) must give rows or a
// ValidationError — never a crash, a hang or a leak.

#include "core/xlsx_reader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace concerto;
    try {
        XlsxReader reader("fuzz.xlsx", std::string(reinterpret_cast<const char*>(data), size));
        std::vector<std::string> cells;
        while (reader.Next(cells))
            if (cells.size() != reader.Header().size())
                __builtin_trap();
    } catch (const ValidationError&) {
    }
    return 0;
}
