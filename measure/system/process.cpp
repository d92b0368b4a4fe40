#include "measure/system/process.hpp"

#include "measure/system/spawn_call.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <stdexcept>
#include <system_error>

namespace perfmatrix {
namespace {

using namespace std::chrono_literals;

constexpr auto kStopPollInterval = 10ms;
// Reads of WatchSpec::input_fd per wake-up while the child runs: a child that writes without
// pause must not keep the loop from its deadline and stop checks.
constexpr int kInputReadsPerWake = 16;

std::string error_text(int error) { return std::generic_category().message(error); }

// Errors that say the program (or its cwd) cannot be run, as opposed to the system lacking
// resources for a new process.
bool is_program_problem(int error) {
    switch (error) {
        case ENOENT:
        case EACCES:
        case ENOEXEC:
        case ENOTDIR:
        case ELOOP:
        case ENAMETOOLONG:
        case EISDIR:
        case ETXTBSY:
        case EPERM:
        case E2BIG: return true;
        default: return false;
    }
}

SpawnError describe_spawn_error(const ProcessSpec& spec, int error) {
    // chdir and exec failures come back with the same errno values: tell them apart here.
    if (!spec.cwd.empty() && ::access(spec.cwd.c_str(), X_OK) != 0) {
        const int cwd_error = errno;
        return {error, true, fmt::format("cannot change to directory '{}': {}", spec.cwd, error_text(cwd_error))};
    }
    const std::string program = spec.argv.empty() ? std::string() : spec.argv.front();
    return {error, is_program_problem(error), fmt::format("cannot execute '{}': {}", program, error_text(error))};
}

void set_nonblocking(int fd) {
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0) {
        throw std::system_error(errno, std::generic_category(), "fcntl O_NONBLOCK");
    }
}

double seconds(const timeval& tv) { return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) * 1e-6; }

ResourceUsage to_usage(const rusage& ru) {
    ResourceUsage u;
    u.user_time = seconds(ru.ru_utime);
    u.sys_time = seconds(ru.ru_stime);
    u.max_rss = static_cast<double>(ru.ru_maxrss) * 1024.0;  // Linux reports KiB
    u.minor_faults = static_cast<double>(ru.ru_minflt);
    u.major_faults = static_cast<double>(ru.ru_majflt);
    u.voluntary_switches = static_cast<double>(ru.ru_nvcsw);
    u.involuntary_switches = static_cast<double>(ru.ru_nivcsw);
    return u;
}

std::optional<Clock::time_point> earliest(std::optional<Clock::time_point> a, std::optional<Clock::time_point> b) {
    if (a && b) return std::min(*a, *b);
    return a ? a : b;
}

// Milliseconds for poll() until the earliest of the given moments; -1 (forever) if none.
int poll_timeout_ms(Clock::time_point now, std::optional<Clock::time_point> a, std::optional<Clock::time_point> b) {
    std::optional<Clock::time_point> first = a;
    if (b && (!first || *b < *first)) first = b;
    if (!first) return -1;
    if (*first <= now) return 0;
    // Round up: waking a little late costs a poll; waking early costs a spin.
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(*first - now).count();
    return static_cast<int>((us + 999) / 1000);
}

}  // namespace

ChildProcess::ChildProcess(const ProcessSpec& spec)
    : stdout_tail_(spec.capture_bytes), stderr_tail_(spec.capture_bytes) {
    // Everything that does not need the child's pid is done before the timed spawn call: each
    // system call here costs about half a microsecond, and one made while the child runs may
    // delay it on a busy machine (bench/spawn_floor.sh).
    Pipe out = make_pipe();
    Pipe err = make_pipe();
    set_nonblocking(out.read_end.get());  // the read ends only: the child's writes still block
    set_nonblocking(err.read_end.get());
    const ChildEnvironment env(spec.env);
    const SpawnCall call = spawn_child(
        {&spec.argv, env.envp(), &spec.cwd, out.write_end.get(), err.write_end.get(), spec.pass_fd});
    times_.spawn_begin = call.begin;
    times_.spawn_end = call.end;
    if (call.error != 0) {
        spawn_error_ = describe_spawn_error(spec, call.error);
        return;
    }
    pid_ = call.pid;
    stdout_ = std::move(out.read_end);
    stderr_ = std::move(err.read_end);
    // Our copies of the write ends stay open until the child is reaped. Were they closed, the
    // child's exit would wake us twice: once when its last descriptor on a pipe closes (POLLHUP;
    // the kernel closes a dying process's files before it becomes reapable) and again when the
    // pidfd turns readable, and the first wake-up's reads and second poll fall inside wall_time.
    stdout_write_ = std::move(out.write_end);
    stderr_write_ = std::move(err.write_end);
    // From here on a throw must not leave the child behind: the destructor will not run.
    try {
        exit_watch_.emplace(pid_);
    } catch (...) {
        kill_group(SIGKILL);
        while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
        }
        throw;
    }
}

ChildProcess::~ChildProcess() {
    if (!started() || reaped_) return;
    kill_group(SIGKILL);
    exit_watch_->wait_exit();
    while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
    }
}

void ChildProcess::kill_group(int signo) const {
    // The child leads its group (POSIX_SPAWN_SETPGROUP with 0), so its pid is the pgid.
    ::kill(-pid_, signo);
}

bool ChildProcess::drain(int fd, TailBuffer& tail, LineMatcher* matcher) {
    std::array<char, 65536> buf;
    for (;;) {
        const ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n > 0) {
            const std::string_view data(buf.data(), static_cast<std::size_t>(n));
            tail.append(data);
            if (matcher && matcher->feed(data) && !times_.ready) times_.ready = Clock::now();
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        // EAGAIN: all read for now; 0 or another error: this stream is over.
        return n < 0 && errno == EAGAIN;
    }
}

void ChildProcess::drain_input(const WatchSpec& watch, int max_reads) {
    std::array<char, 65536> buf;
    for (int reads = 0; max_reads <= 0 || reads < max_reads; ++reads) {
        const ssize_t n = ::read(input_fd_, buf.data(), buf.size());
        if (n > 0) {
            if (watch.on_input) watch.on_input(std::string_view(buf.data(), static_cast<std::size_t>(n)));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        // EAGAIN: all read for now; 0 or another error: the stream is over, stop polling it.
        if (!(n < 0 && errno == EAGAIN)) input_fd_ = -1;
        return;
    }
}

void ChildProcess::drain_rest(LineMatcher* matcher) {
    // The child has been reaped: what it wrote is in the pipes. Descendants it left were
    // killed, so nothing more is coming worth waiting for.
    stdout_write_.reset();
    stderr_write_.reset();
    if (stdout_) drain(stdout_.get(), stdout_tail_, matcher);
    if (stderr_) drain(stderr_.get(), stderr_tail_, nullptr);
    if (matcher && matcher->finish() && !times_.ready) times_.ready = Clock::now();
    stdout_.reset();
    stderr_.reset();
}

void ChildProcess::reap(ProcessResult& result) {
    // The child has exited but is not reaped, so its pid (= pgid) cannot have been reused:
    // killing the group now only hits what it left behind.
    kill_group(SIGKILL);
    if (!exit_seen_) exit_watch_->wait_exit();
    int wstatus = 0;
    rusage ru{};
    while (::wait4(pid_, &wstatus, 0, &ru) < 0) {
        if (errno == EINTR) continue;
        reaped_ = true;  // someone else reaped it (SIGCHLD ignored?); nothing left to wait for
        throw std::system_error(errno, std::generic_category(),
                                "wait4: child reaped elsewhere (is SIGCHLD set to SIG_IGN?)");
    }
    times_.reaped = Clock::now();
    reaped_ = true;
    result.usage = to_usage(ru);
    if (WIFEXITED(wstatus)) {
        result.ending = Ending::exited;
        result.exit_code = WEXITSTATUS(wstatus);
    } else if (WIFSIGNALED(wstatus)) {
        result.ending = Ending::signaled;
        result.signal = WTERMSIG(wstatus);
    }
}

bool ChildProcess::handle_events(const PollSet& fds, const WatchSpec& watch, LineMatcher* ready) {
    if (fds[1].revents && !drain(stdout_.get(), stdout_tail_, ready)) stdout_.reset();
    if (fds[2].revents && !drain(stderr_.get(), stderr_tail_, nullptr)) stderr_.reset();
    if (fds[3].revents && input_fd_ >= 0) drain_input(watch, kInputReadsPerWake);
    if (times_.ready && watch.teardown_signal != 0 && !times_.teardown_sent) {
        kill_group(watch.teardown_signal);
        times_.teardown_sent = Clock::now();
    }
    exit_seen_ = fds[0].revents != 0;
    return exit_seen_;
}

std::optional<Ending> ChildProcess::watch_until_exit(const WatchSpec& watch, LineMatcher* ready) {
    std::optional<Clock::time_point> fixed_deadline;
    if (watch.timeout > 0) {
        fixed_deadline = times_.spawn_begin +
                         std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(watch.timeout));
    }
    std::optional<Clock::time_point> next_stop_check;
    if (watch.should_stop) next_stop_check = Clock::now() + kStopPollInterval;

    for (;;) {
        const auto deadline = watch.deadline ? earliest(fixed_deadline, watch.deadline()) : fixed_deadline;
        // The exit, the output and the clock are waited on together: the moment of exit is
        // seen when it happens, not at the next tick.
        PollSet fds{{{exit_watch_->fd(), POLLIN, 0},
                     {stdout_ ? stdout_.get() : -1, POLLIN, 0},
                     {stderr_ ? stderr_.get() : -1, POLLIN, 0},
                     {input_fd_, POLLIN, 0}}};
        const int rc = ::poll(fds.data(), fds.size(), poll_timeout_ms(Clock::now(), deadline, next_stop_check));
        if (rc < 0 && errno != EINTR) throw std::system_error(errno, std::generic_category(), "poll");
        if (rc > 0 && handle_events(fds, watch, ready)) return std::nullopt;
        const auto now = Clock::now();
        // Asked again: what was just read may have moved it.
        const auto current = watch.deadline ? earliest(fixed_deadline, watch.deadline()) : fixed_deadline;
        if (current && now >= *current) return Ending::timed_out;
        if (next_stop_check && now >= *next_stop_check) {
            next_stop_check = now + kStopPollInterval;
            if (watch.should_stop()) return Ending::cancelled;
        }
    }
}

ProcessResult ChildProcess::wait(const WatchSpec& watch) {
    if (reaped_) throw std::logic_error("ChildProcess::wait called twice");
    ProcessResult result;
    if (!started()) {
        result.spawn_error = spawn_error_;
        result.times = times_;
        return result;
    }
    std::optional<LineMatcher> matcher;
    if (watch.ready_pattern) matcher.emplace(*watch.ready_pattern);
    LineMatcher* const ready = matcher ? &*matcher : nullptr;
    input_fd_ = watch.input_fd;
    if (input_fd_ >= 0) set_nonblocking(input_fd_);

    const std::optional<Ending> forced = watch_until_exit(watch, ready);
    if (forced) kill_group(SIGKILL);
    reap(result);
    drain_rest(ready);
    // The group is dead, so what is left on the input is finite: read all of it.
    if (input_fd_ >= 0) drain_input(watch, 0);
    if (forced) result.ending = *forced;
    result.times = times_;
    result.stdout_tail = stdout_tail_.tail();
    result.stderr_tail = stderr_tail_.tail();
    return result;
}

ProcessResult run_process(const ProcessSpec& spec, const WatchSpec& watch) {
    ChildProcess child(spec);
    return child.wait(watch);
}

}  // namespace perfmatrix
