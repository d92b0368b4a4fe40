#include "measure/system/orphans.hpp"

#include "measure/system/cpu_consumers.hpp"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

namespace perfmatrix {
namespace {

// The children of this process, from /proc/*/stat (some kernels lack
// /proc/self/task/*/children).
std::vector<ProcStat> children() {
    std::vector<ProcStat> out;
    const int self = static_cast<int>(::getpid());
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
