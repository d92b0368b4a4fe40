#pragma once
// The posix_spawn call itself, with the attributes every measured child gets: stdin from
// /dev/null, stdout/stderr onto given pipes, its own process group, default signal
// dispositions and an empty signal mask.
//
// posix_spawn, not Boost.Process (which the orchestrator's helper commands use): the harness
// must not measure itself, and a fork costs 7-9 ms here and grows with the parent's memory,
// while glibc's posix_spawn (clone with CLONE_VFORK) costs the same whatever the heap.
// process.hpp has the numbers.

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace perfmatrix {

// The descriptor number SpawnRequest::pass_fd gets in the child.
inline constexpr int kPassedFd = 3;

struct SpawnRequest {
    const std::vector<std::string>* argv = nullptr;
    char* const* envp = nullptr;
    const std::string* cwd = nullptr;  // empty: the caller's
    int stdout_fd = -1;
    int stderr_fd = -1;
    int pass_fd = -1;  // >= 0: also given to the child, as kPassedFd (e.g. a pipe it reports on)
};

struct SpawnCall {
    pid_t pid = -1;
    int error = 0;  // 0 on success, else the errno (exec failures included: glibc reports them)
    std::chrono::steady_clock::time_point begin, end;  // around the posix_spawn call only
};

// Throws std::system_error when the attributes cannot be built.
SpawnCall spawn_child(const SpawnRequest& request);

}  // namespace perfmatrix
