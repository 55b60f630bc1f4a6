#pragma once
// What the tests of the tabular readers (CSV, XLSX) share: the sample files' folder, reading a
// whole file, and the message a bad file gives.

#include "core/errors.h"
#include "core/tabular.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace concerto::test {

/// The path of a sample file of tests/data/import.
inline std::string ImportFile(const std::string& name)
{
    return std::string(CONCERTO_TEST_DATA_DIR) + "/import/" + name;
}

/// Every data row a reader gives, with the line (or sheet row) it starts on.
using Rows = std::vector<std::pair<std::uint64_t, std::vector<std::string>>>;

/// Reads the rest of `reader`.
inline Rows ReadAll(TabularReader& reader)
{
    Rows rows;
    std::vector<std::string> cells;
    while (reader.Next(cells))
        rows.emplace_back(reader.Line(), cells);
    return rows;
}

/// The message of the ValidationError `read` throws (empty if it throws none).
template <typename F> std::string ErrorOf(F read)
{
    try {
        read();
    } catch (const ValidationError& error) {
        return error.what();
    }
    return {};
}

} // namespace concerto::test
