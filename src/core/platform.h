#pragma once
// What differs between Linux and Windows below the libraries Concerto uses, in one place: a new
// file beside another (for writing then renaming onto it), flushing a file to the disk, whether
// standard input is a terminal, the process id. Everything else goes through std::filesystem,
// wxWidgets or the database libraries.

#include <cstdio>
#include <filesystem>
#include <string>

namespace concerto::platform {

/// Creates a new, empty file readable by everyone (as a published document is) in the folder of
/// `target`, named after it, opened for binary writing; its path goes to `path`. Null (errno set)
/// when it cannot be created.
std::FILE* CreateFileBeside(const std::filesystem::path& target, std::string& path);

/// Flushes `file` and asks the system to put it on the disk; false when either failed.
bool FlushToDisk(std::FILE* file);

/// True when standard input is an interactive terminal (someone can be asked a question).
bool StdinIsTerminal();

/// The id of the running process.
long ProcessId();

} // namespace concerto::platform
