#include "support/backends.h"

#include "support/pg_cluster.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace concerto::test {

namespace {
struct Folder {
    std::string path;
    Folder()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "concerto-test-XXXXXX").string();
        if (!mkdtemp(pattern.data()))
            throw std::runtime_error("cannot create a temporary folder");
        path = pattern;
    }
    ~Folder()
    {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};
std::atomic<int> g_counter{0};
} // namespace

std::string TempFolder()
{
    static Folder folder;
    return folder.path;
}

std::string FreshLocation(Backend backend)
{
    const int n = ++g_counter;
    if (backend == Backend::Sqlite)
        return "sqlite:" + TempFolder() + "/test" + std::to_string(n) + ".db";
    const std::string name = "concerto_" + std::to_string(getpid()) + "_" + std::to_string(n);
    SharedPgCluster().CreateDatabase(name);
    return SharedPgCluster().Uri(name);
}

std::unique_ptr<Database> FreshDatabase(Backend backend) { return Database::Open(FreshLocation(backend)); }

} // namespace concerto::test
