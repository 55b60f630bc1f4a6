#pragma once
// Running concerto-cli from the database tests, which check its commands against the database
// they read.

#include <string>
#include <utility>

namespace concerto::test {

/// Runs `command` through the shell; returns its standard output and exit status.
std::pair<std::string, int> RunCommand(const std::string& command);

/// The concerto-cli executable named by CONCERTO_CLI (set by ctest); fails the test when unset.
std::string CliPath();

} // namespace concerto::test
