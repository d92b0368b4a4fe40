#include "measure/system/exit_watch.hpp"

#include <poll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace perfmatrix {
namespace {

int open_pidfd(pid_t pid) {
#ifdef SYS_pidfd_open
    return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
#else
    (void)pid;
    errno = ENOSYS;
    return -1;
#endif
}

// Runs on the helper thread: returns when the child has exited (or is no longer ours),
// leaving it unreaped, then signals by closing the write end.
void wait_then_close(pid_t pid, UniqueFd write_end) {
    siginfo_t info{};
    while (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR) {
    }
    write_end.reset();
}

}  // namespace

ExitWatch::ExitWatch(pid_t pid, Mode mode) {
    if (mode == Mode::automatic) {
        pidfd_.reset(open_pidfd(pid));
        if (pidfd_) return;
    }
    Pipe pipe = make_pipe();
    exited_ = std::move(pipe.read_end);
    waiter_ = std::thread(wait_then_close, pid, std::move(pipe.write_end));
}

ExitWatch::~ExitWatch() {
    if (waiter_.joinable()) waiter_.join();
}

int ExitWatch::fd() const { return pidfd_ ? pidfd_.get() : exited_.get(); }

void ExitWatch::wait_exit() const {
    pollfd p{fd(), POLLIN, 0};
    while (::poll(&p, 1, -1) < 0 && errno == EINTR) {
    }
}

}  // namespace perfmatrix
