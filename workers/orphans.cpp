#include "workers/orphans.hpp"

#include <dirent.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace perfmatrix {
namespace {

struct Child {
    pid_t pid;
    bool exited;  // a zombie: it ended by itself, only its exit status was left to collect
};

// State and parent pid from /proc/PID/stat: the fields after the command, which is in
// parentheses and may itself hold spaces or ')'.
bool read_stat(const char* pid, char& state, int& ppid) {
    std::ifstream in(std::string("/proc/") + pid + "/stat");
    std::string line;
    if (!std::getline(in, line)) return false;
    const auto close = line.rfind(')');
    if (close == std::string::npos) return false;
    return std::sscanf(line.c_str() + close + 1, " %c %d", &state, &ppid) == 2;
}

// Read from /proc rather than /proc/self/task/*/children, which some kernels lack.
std::vector<Child> children() {
    std::vector<Child> out;
    DIR* proc = ::opendir("/proc");
    if (!proc) return out;
    const pid_t self = ::getpid();
    while (const dirent* e = ::readdir(proc)) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
        char state = 0;
        int ppid = -1;
        if (read_stat(e->d_name, state, ppid) && ppid == self)
            out.push_back({static_cast<pid_t>(std::atol(e->d_name)), state == 'Z'});
    }
    ::closedir(proc);
    return out;
}

}  // namespace

bool become_subreaper() { return ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0; }

std::size_t kill_all_children() {
    std::size_t killed = 0;
    // Each killed child's own children are handed to us in turn: repeat until none is left.
    for (auto found = children(); !found.empty(); found = children()) {
        for (const Child& child : found) {
            ::kill(child.pid, SIGKILL);
            while (::waitpid(child.pid, nullptr, 0) < 0 && errno == EINTR) {
            }
            if (!child.exited) ++killed;
        }
    }
    return killed;
}

}  // namespace perfmatrix
