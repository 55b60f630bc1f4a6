#include "core/platform.h"

#include <cerrno>
#include <random>

#ifdef _WIN32
#include <io.h>
#include <process.h>
#else
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace concerto::platform {

std::FILE* CreateFileBeside(const std::filesystem::path& target, std::string& path)
{
    const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    const std::string stem = "." + target.filename().string() + ".";
#ifdef _WIN32
    // "x": fails rather than opens a file that exists, as mkstemp does.
    std::random_device device;
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::filesystem::path candidate = folder / (stem + std::to_string(device() % 1000000000u));
        std::FILE* file = nullptr;
        if (_wfopen_s(&file, candidate.wstring().c_str(), L"wbx") == 0 && file) {
            path = candidate.string();
            return file;
        }
        if (errno != EEXIST)
            return nullptr;
    }
    return nullptr;
#else
    std::string pattern = (folder / (stem + "XXXXXX")).string();
    const int descriptor = mkstemp(pattern.data());
    if (descriptor < 0)
        return nullptr;
    fchmod(descriptor, 0644); // mkstemp's 0600 would make the published file private
    std::FILE* file = fdopen(descriptor, "wb");
    if (!file) {
        const int error = errno;
        ::close(descriptor);
        std::remove(pattern.c_str());
        errno = error;
        return nullptr;
    }
    path = pattern;
    return file;
#endif
}

bool FlushToDisk(std::FILE* file)
{
    if (std::fflush(file) != 0)
        return false;
#ifdef _WIN32
    return _commit(_fileno(file)) == 0;
#else
    return fsync(fileno(file)) == 0;
#endif
}

bool StdinIsTerminal()
{
#ifdef _WIN32
    return _isatty(_fileno(stdin)) != 0;
#else
    return isatty(STDIN_FILENO) != 0;
#endif
}

long ProcessId()
{
#ifdef _WIN32
    return static_cast<long>(_getpid());
#else
    return static_cast<long>(getpid());
#endif
}

} // namespace concerto::platform
