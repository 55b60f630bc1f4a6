#include "support/xvfb.h"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <signal.h>
#include <sstream>
#include <stdexcept>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace concerto::test {
namespace {

using Clock = std::chrono::steady_clock;

std::string FindInPath(const std::string& name)
{
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path && *path ? path : "/usr/local/bin:/usr/bin:/bin");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        const std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + name;
        if (::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return {};
}

std::string ReadFile(const std::string& path)
{
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Owns the Xvfb we started; its destructor runs at exit as a function-local static.
struct XvfbProcess {
    pid_t pid = -1;
    pid_t owner = -1; // a forked child that calls exit() must not kill the parent's server
    std::string logPath;
    int claimFd = -1; // flock on our claim file for the display number, held while the server runs

    ~XvfbProcess()
    {
        if (owner == ::getpid())
            Kill();
    }

    void Kill()
    {
        if (pid > 0) {
            ::kill(pid, SIGTERM);
            const auto deadline = Clock::now() + std::chrono::seconds(5);
            while (::waitpid(pid, nullptr, WNOHANG) == 0) {
                if (Clock::now() > deadline) {
                    ::kill(pid, SIGKILL);
                    ::waitpid(pid, nullptr, 0);
                    break;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            pid = -1;
        }
        Release();
        if (!logPath.empty())
            ::unlink(logPath.c_str());
        logPath.clear();
    }

    // X servers' own lock files race when two start on the same number at once (both can win, the later one then
    // steals the socket), so concerto processes first claim the number with an flock, which the kernel drops even
    // if we are SIGKILLed. The claim files are left in /tmp on purpose: unlinking flock files reintroduces races.
    bool Claim(int n)
    {
        const std::string path = "/tmp/.concerto-xvfb-" + std::to_string(n) + ".lock";
        claimFd = ::open(path.c_str(), O_RDONLY | O_CREAT | O_CLOEXEC, 0644);
        if (claimFd >= 0 && ::flock(claimFd, LOCK_EX | LOCK_NB) == 0)
            return true;
        Release();
        return false;
    }

    void Release()
    {
        if (claimFd >= 0)
            ::close(claimFd);
        claimFd = -1;
    }
};

std::mutex g_mutex;

XvfbProcess& Instance()
{
    static XvfbProcess process;
    return process;
}

// Starts Xvfb on display n; returns true once its socket exists, false if it exited because the display is taken
// (lost a race with another process), throws on any other failure.
bool TryStart(XvfbProcess& xvfb, const std::string& binary, int n)
{
    const std::string display = ":" + std::to_string(n);
    const std::string socket = "/tmp/.X11-unix/X" + std::to_string(n);
    const std::string lock = "/tmp/.X" + std::to_string(n) + "-lock";
    const char* argv[] = {binary.c_str(), display.c_str(), "-screen", "0", "1366x768x24", "-nolisten", "tcp", nullptr};
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error(std::string("EnsureDisplay: fork: ") + std::strerror(errno));
    if (pid == 0) {
        // Dies with the test process even if it is SIGKILLed (e.g. by a ctest timeout). Caveat: this fires when
        // the forking *thread* exits, so call EnsureDisplay from the main thread or a thread that outlives the tests.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent)
            ::_exit(1);
        const int in = ::open("/dev/null", O_RDONLY);
        const int log = ::open(xvfb.logPath.c_str(), O_WRONLY | O_TRUNC);
        if (in < 0 || log < 0)
            ::_exit(125);
        ::dup2(in, 0);
        ::dup2(log, 1);
        ::dup2(log, 2);
        ::execv(argv[0], const_cast<char* const*>(argv));
        ::_exit(127);
    }
    xvfb.pid = pid;
    xvfb.owner = parent;

    const auto deadline = Clock::now() + std::chrono::seconds(10);
    for (;;) {
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) {
            xvfb.pid = -1;
            const std::string log = ReadFile(xvfb.logPath);
            if (log.find("already active") != std::string::npos)
                return false;
            throw std::runtime_error("EnsureDisplay: Xvfb " + display + " exited (status " + std::to_string(status) +
                                     "):\n" + log);
        }
        // The socket alone could belong to another process's Xvfb that won a race for the same number; the lock
        // file names the pid of the server that owns the display.
        std::error_code ec;
        if (fs::exists(socket, ec) && std::atol(ReadFile(lock).c_str()) == pid)
            return true;
        if (Clock::now() > deadline) {
            const std::string log = ReadFile(xvfb.logPath);
            xvfb.Kill();
            throw std::runtime_error("EnsureDisplay: Xvfb " + display + " did not create " + socket +
                                     " within 10 s:\n" + log);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

} // namespace

std::string EnsureDisplay()
{
    std::lock_guard<std::mutex> lock(g_mutex);
    if (const char* display = std::getenv("DISPLAY"); display && *display)
        return display;

    const std::string binary = FindInPath("Xvfb");
    if (binary.empty())
        throw std::runtime_error("EnsureDisplay: DISPLAY is not set and Xvfb is not in PATH; install the xvfb "
                                 "package or run the tests under an X server");

    XvfbProcess& xvfb = Instance();
    const char* tmp = std::getenv("TMPDIR");
    std::string logPath = std::string(tmp && *tmp ? tmp : "/tmp") + "/concerto-xvfb-XXXXXX";
    const int fd = ::mkstemp(logPath.data());
    if (fd < 0)
        throw std::runtime_error("EnsureDisplay: mkstemp(" + logPath + "): " + std::strerror(errno));
    ::close(fd);
    xvfb.logPath = logPath;

    // Start high to stay clear of real displays; skip numbers claimed by another test process or whose socket or
    // lock file exists (X servers always use /tmp for these, whatever TMPDIR says).
    try {
        for (int n = 99; n < 400; ++n) {
            const std::string id = std::to_string(n);
            std::error_code ec;
            if (!xvfb.Claim(n))
                continue;
            if (!fs::exists("/tmp/.X11-unix/X" + id, ec) && !fs::exists("/tmp/.X" + id + "-lock", ec) &&
                TryStart(xvfb, binary, n)) {
                const std::string display = ":" + id;
                ::setenv("DISPLAY", display.c_str(), 1);
                return display;
            }
            xvfb.Release();
        }
    } catch (...) {
        xvfb.Kill(); // also removes the log file
        throw;
    }
    xvfb.Kill();
    throw std::runtime_error("EnsureDisplay: no free X display number between :99 and :399");
}

} // namespace concerto::test
