#include "cli_run.h"

#include <array>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <cstdlib>
#include <sys/wait.h>

namespace concerto::test {

std::pair<std::string, int> RunCommand(const std::string& command)
{
    std::string output;
    FILE* pipe = popen(command.c_str(), "r");
    BOOST_REQUIRE(pipe);
    std::array<char, 4096> buffer{};
    while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe))
        output.append(buffer.data(), n);
    const int status = pclose(pipe);
    return {output, WEXITSTATUS(status)};
}

std::string CliPath()
{
    const char* path = std::getenv("CONCERTO_CLI");
    BOOST_REQUIRE_MESSAGE(path, "CONCERTO_CLI must name the concerto-cli executable");
    return path;
}

} // namespace concerto::test
