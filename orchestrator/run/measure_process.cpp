#include "orchestrator/run/measure_process.hpp"

#include "measure/model/case_json.hpp"
#include "measure/resource_paths.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <poll.h>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace perfmatrix {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int poll_ms = 10;
constexpr int wake_poll_ms = 1000;  // bounds the sleep should a wake-up be lost
constexpr auto cancel_grace = std::chrono::seconds(3);
constexpr std::size_t stderr_tail_bytes = 2048;

constexpr std::string_view case_dir_prefix = "perfmatrix-case-";

fs::path temp_base() {
    const char* base = std::getenv("TMPDIR");
    return base && *base ? base : "/tmp";
}

// A case directory is named for the process that made it (perfmatrix-case-<pid>-XXXXXX): a rank
// killed with -9 cannot remove its own, so the next run on the machine removes those whose
// maker is gone. A live maker's directory, or one of another form, is left alone.
void remove_dead_case_dirs() {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(temp_base(), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(case_dir_prefix, 0) != 0) continue;
        const std::string rest = name.substr(case_dir_prefix.size());
        const auto dash = rest.find('-');
        if (dash == 0 || dash == std::string::npos || rest.find_first_not_of("0123456789") != dash) continue;
        const long pid = std::strtol(rest.c_str(), nullptr, 10);
        if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
            std::error_code ignored;
            fs::remove_all(entry.path(), ignored);
        }
    }
}

class TempDir {
public:
    TempDir() {
        static std::once_flag swept;
        std::call_once(swept, remove_dead_case_dirs);
        std::string pattern =
            (temp_base() / (std::string(case_dir_prefix) + std::to_string(::getpid()) + "-XXXXXX")).string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp " + pattern + " failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

std::string read_file(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// posix_spawn, not a helper command (orchestrator/helpers, Boost.Process): this is the
// measurement path. The rank that starts perfmatrix-measure is an MPI process that may hold a
// large heap, and fork's cost (7-9 ms here, growing with the parent's memory) would be paid per
// round, between the rounds of a timed run; glibc's posix_spawn (CLONE_VFORK) costs the same
// whatever the heap. Its output goes to files, not pipes, so nothing here needs Asio either.
pid_t spawn_measure(const ResourceLocation& binary, const fs::path& dir) {
    const std::string bin = binary.path.string(), case_file = (dir / "case.json").string(),
                      out_file = (dir / "outcome.json").string(), err_file = (dir / "stderr").string();
    std::vector<char*> argv{const_cast<char*>(bin.c_str()), const_cast<char*>(case_file.c_str()),
                            const_cast<char*>(out_file.c_str()), nullptr};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, bin.c_str(), &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0)
        throw std::runtime_error(fmt::format("cannot start {} (from {}): {}", bin, binary.origin, std::strerror(rc)));
    return pid;
}

// Waits for the child, cancelling it when asked; returns its wait status and whether it was
// cancelled.
std::pair<int, bool> supervise(pid_t pid, const RunContext& ctx) {
    const int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));  // -1: nap instead
    std::optional<Clock::time_point> cancelled_at;
    int wstatus = 0;
    for (;;) {
        const pid_t r = waitpid(pid, &wstatus, WNOHANG);
        if (r == pid || (r < 0 && errno != EINTR)) break;
        if (!cancelled_at && ctx.should_stop()) {
            kill(pid, SIGTERM);
            cancelled_at = Clock::now();
        }
        if (cancelled_at && Clock::now() - *cancelled_at > cancel_grace) kill(pid, SIGKILL);
        if (pidfd >= 0) {
            // With a wake fd, sleep until the child ends or a cancel may have come: a worker
            // that wakes 100 times a second to ask takes turns with the case it measures.
            const bool sleep_long = ctx.wake_fd >= 0 && !cancelled_at;
            pollfd p[2] = {{pidfd, POLLIN, 0}, {ctx.wake_fd, POLLIN, 0}};
            poll(p, sleep_long ? 2 : 1, sleep_long ? wake_poll_ms : poll_ms);
        } else {
            const timespec nap{0, poll_ms * 1'000'000L};
            nanosleep(&nap, nullptr);
        }
    }
    if (pidfd >= 0) close(pidfd);
    return {wstatus, cancelled_at.has_value()};
}

std::string describe_death(int wstatus, const std::string& err) {
    std::string how = WIFSIGNALED(wstatus) ? fmt::format("was killed by signal {}", WTERMSIG(wstatus))
                                           : fmt::format("exited with code {}", WEXITSTATUS(wstatus));
    std::string tail = err.size() > stderr_tail_bytes ? err.substr(err.size() - stderr_tail_bytes) : err;
    return fmt::format("perfmatrix-measure {} without an outcome{}{}", how, tail.empty() ? "" : "; stderr: ", tail);
}

}  // namespace

CaseOutcome measure_in_child(const Case& c, const RunContext& ctx) {
    TempDir dir;
    { std::ofstream(dir.path() / "case.json") << case_to_json(c).dump(); }
    const pid_t pid = spawn_measure(locate(Resource::measure_program), dir.path());
    const auto [wstatus, cancelled] = supervise(pid, ctx);
    const fs::path outcome_file = dir.path() / "outcome.json";
    if (fs::exists(outcome_file)) return outcome_from_json(nlohmann::json::parse(read_file(outcome_file)));
    if (cancelled) return {status::interrupted, "cancelled", {}};
    return {status::error, describe_death(wstatus, read_file(dir.path() / "stderr")), {}};
}

}  // namespace perfmatrix
