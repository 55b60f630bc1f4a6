#pragma once
// Reading a whole text file (a definition, the docs) for the report tests.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace concerto::test {

/// The bytes of the file at `path`, or an empty string when it cannot be read.
inline std::string ReadText(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace concerto::test
