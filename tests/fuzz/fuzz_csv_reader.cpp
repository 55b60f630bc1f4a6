// libFuzzer target: any bytes given to the CSV reader, with each encoding and delimiter
// choice, must give rows or a ValidationError — never a crash, a hang or a leak.

#include "core/csv_reader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace concerto;
    if (size == 0)
        return 0;
    // The first byte picks the options, so the corpus explores them too.
    TabularOptions options;
    options.encoding = static_cast<TextEncoding>(data[0] % 3);
    const char delimiters[] = {0, ',', ';', '\t'};
    options.delimiter = delimiters[(data[0] >> 2) % 4];
    try {
        CsvReader reader("fuzz.csv", std::string(reinterpret_cast<const char*>(data) + 1, size - 1), options);
        std::vector<std::string> cells;
        while (reader.Next(cells))
            if (cells.size() != reader.Header().size() || reader.Line() == 0 || reader.Position() > reader.Size())
                __builtin_trap();
    } catch (const ValidationError&) {
    }
    return 0;
}
