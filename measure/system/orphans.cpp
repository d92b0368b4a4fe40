#include "measure/system/orphans.hpp"

#include "measure/system/cpu_consumers.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {
namespace {

// Whether this process has any child at all, running or exited: one system call, where the
// common answer after a case (none) used to cost a read of every /proc/N/stat on the machine.
bool has_children() {
    siginfo_t info{};
    // WNOWAIT: an exited child stays to be reaped (and counted) below.
    return ::waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) == 0 || errno != ECHILD;
}

// The whole of a small /proc file; nullopt when it cannot be opened (gone, or not there).
std::optional<std::string> read_small_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::string text;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n > 0) {
            text.append(buf, static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        break;
    }
    ::close(fd);
    return text;
}

// The pids in /proc/self/task/*/children: each thread's children (an orphan is handed to one
// thread of its subreaper, not always the main one). nullopt where the kernel lacks these
// files (CONFIG_PROC_CHILDREN unset, some sandboxes).
std::optional<std::vector<int>> listed_children() {
    std::error_code ec;
    std::vector<int> pids;
    bool any_file = false;
    for (const auto& task : std::filesystem::directory_iterator("/proc/self/task", ec)) {
        const auto text = read_small_file(task.path() / "children");
        if (!text) continue;  // a thread that ended since the listing, or no such file
        any_file = true;
        const char* p = text->data();
        const char* const end = p + text->size();
        while (p < end) {
            int pid = 0;
            const auto [next, err] = std::from_chars(p, end, pid);
            if (err == std::errc{}) pids.push_back(pid);
            p = next == p ? p + 1 : next;  // skip the separating space
        }
    }
    if (!any_file) return std::nullopt;
    return pids;
}

// The children of this process, with their states.
std::vector<ProcStat> children() {
    std::vector<ProcStat> out;
    if (!has_children()) return out;
    const int self = static_cast<int>(::getpid());
    if (const auto pids = listed_children()) {
        for (const int pid : *pids) {
            // Ours and unreaped, so the pid cannot have been reused.
            const auto line = read_small_file("/proc/" + std::to_string(pid) + "/stat");
            if (!line) continue;
            if (auto st = parse_proc_stat(*line); st && st->ppid == self) out.push_back(std::move(*st));
        }
        if (!out.empty()) return out;
        // waitid saw a child the lists do not show (proc(5): they can miss one that is being
        // handed over at that moment): the full scan below decides.
    }
    for (auto& [pid, st] : read_proc_stats("/proc"))
        if (st.ppid == self) out.push_back(std::move(st));
    return out;
}

}  // namespace

bool become_subreaper() { return ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0; }

std::size_t kill_all_children() {
    std::size_t killed = 0;
    // Each killed child's own children are handed to us in turn: repeat until none is left.
    for (auto found = children(); !found.empty(); found = children()) {
        for (const ProcStat& child : found) {
            ::kill(child.pid, SIGKILL);
            while (::waitpid(child.pid, nullptr, 0) < 0 && errno == EINTR) {
            }
            // A zombie ended by itself: only its exit status was left to collect.
            if (child.state != 'Z') ++killed;
        }
    }
    return killed;
}

}  // namespace perfmatrix
