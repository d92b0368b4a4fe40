#pragma once
// A file descriptor that becomes readable the moment a child exits, so one poll() can wait
// for the exit and the child's output together, with no sleeping and no process-wide state
// (no SIGCHLD handler that could fight with MPI's).
//
// Linux >= 5.3: a pidfd. Where pidfd_open is missing (older kernels, some sandboxes) a helper
// thread blocks in waitid(WNOWAIT) and closes a pipe when the child exits; the child stays a
// zombie for its owner to reap with wait4.

#include "measure/system/unique_fd.hpp"

#include <sys/types.h>

#include <thread>

namespace perfmatrix {

class ExitWatch {
public:
    enum class Mode { automatic, thread };  // `thread` forces the fallback (tests)

    // Throws std::system_error when neither way can be set up.
    explicit ExitWatch(pid_t pid, Mode mode = Mode::automatic);
    // Joins the helper thread: the owner must have made the child exit (or reaped it) first.
    ~ExitWatch();
    ExitWatch(const ExitWatch&) = delete;
    ExitWatch& operator=(const ExitWatch&) = delete;

    int fd() const;
    bool uses_pidfd() const { return static_cast<bool>(pidfd_); }
    // Blocks until the child has exited; after this, wait4 will not block.
    void wait_exit() const;

private:
    UniqueFd pidfd_;
    UniqueFd exited_;  // read end of the fallback pipe
    std::thread waiter_;
};

}  // namespace perfmatrix
