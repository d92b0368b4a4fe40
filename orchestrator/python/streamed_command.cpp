#include "orchestrator/python/streamed_command.hpp"

#include "workers/spawn_call.hpp"
#include "workers/unique_fd.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <optional>
#include <system_error>

namespace perfmatrix {
namespace {

using Clock = std::chrono::steady_clock;

// The child and its process group: killed and reaped on every way out, exceptions included.
class ChildGroup {
public:
    explicit ChildGroup(pid_t pid) : pid_(pid) {}
    ~ChildGroup() {
        if (reaped_) return;
        kill_group();
        wait();
    }
    ChildGroup(const ChildGroup&) = delete;
    ChildGroup& operator=(const ChildGroup&) = delete;

    void kill_group() const { ::kill(-pid_, SIGKILL); }
    // The status once the child has exited; nullopt while it runs (block: wait for it).
    std::optional<int> reap(bool block) {
        if (reaped_) return status_;
        // Seen exited but not yet reaped, its pid (the group's id) cannot be reused: kill what
        // it left in its group (a build backend's helpers) now, then reap.
        siginfo_t info{};
        int r;
        do {
            r = ::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOWAIT | (block ? 0 : WNOHANG));
        } while (r < 0 && errno == EINTR);
        if (r != 0 || info.si_pid != pid_) return std::nullopt;
        ::kill(-pid_, SIGKILL);
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        reaped_ = true;
        status_ = status;
        return status_;
    }
    // nullopt only when someone else reaped it (SIGCHLD ignored process-wide).
    std::optional<int> wait() { return reap(true); }

private:
    pid_t pid_;
    bool reaped_ = false;
    int status_ = 0;
};

// Splits output into lines, keeping the last ones.
class LineSplitter {
public:
    explicit LineSplitter(const StreamedCommand& command, StreamedRun& run) : command_(command), run_(run) {}
    void feed(std::string_view chunk) {
        for (const char c : chunk) {
            if (c == '\n') {
                emit();
            } else if (c != '\r') {
                partial_.push_back(c);
            }
        }
    }
    void finish() {
        if (!partial_.empty()) emit();
    }

private:
    void emit() {
        if (command_.on_line) command_.on_line(partial_);
        run_.last_lines.push_back(std::move(partial_));
        if (run_.last_lines.size() > command_.keep_lines) run_.last_lines.erase(run_.last_lines.begin());
        partial_.clear();
    }
    const StreamedCommand& command_;
    StreamedRun& run_;
    std::string partial_;
};

// Reads what is there; false at the end of the stream (every writer gone).
bool read_available(int fd, LineSplitter& lines) {
    char buf[4096];
    while (true) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n > 0) {
            lines.feed(std::string_view(buf, static_cast<std::size_t>(n)));
            continue;
        }
        if (n == 0) return false;
        if (errno == EINTR) continue;
        return errno == EAGAIN || errno == EWOULDBLOCK;  // anything else: nothing more will come
    }
}

void record_status(int status, StreamedRun& run) {
    if (WIFEXITED(status)) {
        run.end = StreamedRun::End::exited;
        run.exit_code = WEXITSTATUS(status);
    } else {
        run.end = StreamedRun::End::signaled;
        run.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    }
}

}  // namespace

std::string StreamedRun::failure(double timeout) const {
    switch (end) {
        case End::exited: return exit_code == 0 ? "" : fmt::format("exited with code {}", exit_code);
        case End::signaled: return fmt::format("killed by signal {} ({})", signal, ::strsignal(signal));
        case End::timed_out: return fmt::format("no end within {} s (killed)", timeout);
        case End::stopped: return "interrupted";
        case End::spawn_failed: return spawn_error;
    }
    return "failed";
}

StreamedRun run_streamed(const StreamedCommand& command) {
    StreamedRun run;
    Pipe pipe = make_pipe();
    const ChildEnvironment environment(command.env);
    SpawnRequest request;
    request.argv = &command.argv;
    request.envp = environment.envp();
    request.stdout_fd = pipe.write_end.get();
    request.stderr_fd = pipe.write_end.get();
    const SpawnCall call = spawn_child(request);
    if (call.error != 0) {
        run.spawn_error = fmt::format("cannot execute '{}': {}", command.argv.empty() ? "" : command.argv.front(),
                                      std::strerror(call.error));
        return run;
    }
    ChildGroup child(call.pid);
    pipe.write_end.reset();  // the end of the stream then means every writer is gone
    if (::fcntl(pipe.read_end.get(), F_SETFL, O_NONBLOCK) != 0) {
        throw std::system_error(errno, std::generic_category(), "fcntl O_NONBLOCK");
    }

    LineSplitter lines(command, run);
    const auto deadline = command.timeout > 0
        ? std::optional(Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(command.timeout)))
        : std::nullopt;
    std::optional<StreamedRun::End> ended_by_us;
    bool open = true;
    while (open) {
        pollfd fd{pipe.read_end.get(), POLLIN, 0};
        ::poll(&fd, 1, 100);
        open = read_available(pipe.read_end.get(), lines);
        if (ended_by_us) continue;  // killed: read what is left until the group is gone
        if (deadline && Clock::now() >= *deadline) ended_by_us = StreamedRun::End::timed_out;
        if (command.should_stop && command.should_stop()) ended_by_us = StreamedRun::End::stopped;
        if (ended_by_us) child.kill_group();
        // A grandchild in a group of its own may hold the pipe after the child exited: the
        // child's end, not the stream's, is what counts.
        if (open && child.reap(false)) {
            read_available(pipe.read_end.get(), lines);
            break;
        }
    }
    lines.finish();
    const auto status = child.wait();
    if (ended_by_us) {
        run.end = *ended_by_us;
        return run;
    }
    if (status) record_status(*status, run);
    else run.end = StreamedRun::End::signaled;
    return run;
}

}  // namespace perfmatrix
