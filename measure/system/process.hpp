#pragma once
// A child process started for measurement, owned RAII-style: whatever happens, it and
// everything it started in its process group are killed and reaped.
//
// Why posix_spawn and not fork (nor Boost.Process, which forks by default): the harness must not
// measure itself. fork copies the parent's page tables, so its cost grows with the measurer's
// heap: 7-9 ms per fork on these machines (gVisor) with a small heap, ~50-190 ms with 2 GiB, and
// that would be measured as the child's start-up. glibc's posix_spawn uses
// clone(CLONE_VM | CLONE_VFORK), whose cost does not depend on the parent (~0.2 ms here).
// This layer serves measurement only: the orchestrator's helper commands (interpreter probes,
// pip, sbatch, the plot script) go through orchestrator/helpers, on Boost.Process.
//
// Process-wide assumptions (documented because MPI shares the process): SIGCHLD must not be
// set to SIG_IGN (the kernel would reap our children and we would lose their rusage), and
// nobody else may reap arbitrary children (waitpid(-1, ...)). No signal handler is installed.

#include "measure/system/child_environment.hpp"
#include "measure/system/exit_watch.hpp"
#include "measure/system/output_capture.hpp"
#include "measure/system/spawn_call.hpp"
#include "measure/system/unique_fd.hpp"

#include <poll.h>
#include <sys/types.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

using Clock = std::chrono::steady_clock;  // CLOCK_MONOTONIC

struct ProcessSpec {
    // argv[0] without a '/' is looked up in the *worker's* PATH (posix_spawnp), even when
    // `env` sets another PATH for the child.
    std::vector<std::string> argv;
    EnvironmentChanges env;
    std::string cwd;                   // empty: the worker's
    std::size_t capture_bytes = 4096;  // tail of stdout and of stderr kept, each
    // A descriptor the child gets as kPassedFd (e.g. the write end of a pipe it reports on,
    // which keeps its stdout free for the program); -1: none. The caller keeps ownership.
    int pass_fd = -1;
};

struct WatchSpec {
    const std::regex* ready_pattern = nullptr;  // matched against each stdout line
    int teardown_signal = 0;                    // sent to the process group once ready; 0: none
    double timeout = 0;                         // seconds from the spawn call; <= 0: none
    std::function<bool()> should_stop;          // polled about every 10 ms; true kills the child
    // A stream from the child read alongside its stdout/stderr (e.g. the read end of the
    // pass_fd pipe): each chunk read goes to on_input, in order, until it ends or the child is
    // reaped. The caller owns the descriptor; wait() makes it non-blocking.
    int input_fd = -1;
    std::function<void(std::string_view)> on_input;
    // Asked after every wake-up: a moment past which the group is killed (timed_out), which
    // may move (e.g. each message on input_fd extends it). Applies together with `timeout`.
    std::function<std::optional<Clock::time_point>()> deadline;
};

// How a child ended.
enum class Ending {
    exited,        // exit_code is set
    signaled,      // killed by a signal we did not send for timeout/cancel (teardown included)
    timed_out,     // we killed the group at the deadline
    cancelled,     // we killed the group because should_stop said so
    spawn_failed,  // no child ran; spawn_error says why
};

struct SpawnError {
    int error = 0;                 // errno from posix_spawn
    bool program_problem = false;  // the program or cwd could not be executed (vs. no resources)
    std::string message;           // "cannot execute 'x': No such file or directory"
};

struct ProcessTimes {
    Clock::time_point spawn_begin;                   // just before posix_spawn
    Clock::time_point spawn_end;                     // posix_spawn returned (the child has exec'd: CLONE_VFORK)
    std::optional<Clock::time_point> ready;          // the ready line was read
    std::optional<Clock::time_point> teardown_sent;  // teardown signal sent
    Clock::time_point reaped;                        // wait4 returned
};

struct ResourceUsage {
    double user_time = 0;  // seconds
    double sys_time = 0;
    double max_rss = 0;  // bytes
    double minor_faults = 0, major_faults = 0;
    double voluntary_switches = 0, involuntary_switches = 0;
};

struct ProcessResult {
    Ending ending = Ending::spawn_failed;
    int exit_code = -1;  // when exited
    int signal = 0;      // the terminating signal when signaled, timed_out or cancelled
    std::optional<SpawnError> spawn_error;
    ProcessTimes times;
    ResourceUsage usage;
    std::string stdout_tail, stderr_tail;  // the last capture_bytes of each
};

class ChildProcess {
public:
    // Spawns at once. A spawn that fails leaves no child and started() false. Throws
    // std::system_error only when the measurer itself cannot work (no pipes, no thread).
    explicit ChildProcess(const ProcessSpec& spec);
    ~ChildProcess();  // kills the group and reaps if still running
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    bool started() const { return pid_ > 0; }
    pid_t pid() const { return pid_; }

    // Runs the child to its end, draining its output; on exit, anything it left in its
    // process group is killed, so no sample leaves load behind for the next one (children
    // that made their own session/group escape this). Call once.
    ProcessResult wait(const WatchSpec& watch);

private:
    using PollSet = std::array<pollfd, 4>;  // exit watch, stdout, stderr, input

    // Returns how we ended it (timeout, cancel), or nullopt when the child exited itself.
    std::optional<Ending> watch_until_exit(const WatchSpec& watch, LineMatcher* ready);
    // Reads what is ready, sends the teardown signal once ready; true when the child exited.
    bool handle_events(const PollSet& fds, const WatchSpec& watch, LineMatcher* ready);
    void kill_group(int signo) const;
    void reap(ProcessResult& result);
    bool drain(int fd, TailBuffer& tail, LineMatcher* matcher);
    void drain_input(const WatchSpec& watch, int max_reads);  // max_reads <= 0: until EAGAIN or the end
    void drain_rest(LineMatcher* matcher);

    std::optional<SpawnError> spawn_error_;
    ProcessTimes times_;
    pid_t pid_ = -1;
    bool reaped_ = false;
    bool exit_seen_ = false;  // the exit watch fired: wait4 will not block
    UniqueFd stdout_, stderr_;
    UniqueFd stdout_write_, stderr_write_;  // held until the reap (see the constructor)
    int input_fd_ = -1;                     // WatchSpec::input_fd while it is open; not owned
    TailBuffer stdout_tail_, stderr_tail_;
    std::optional<ExitWatch> exit_watch_;
};

// Spawn, watch, reap: the whole life of one child.
ProcessResult run_process(const ProcessSpec& spec, const WatchSpec& watch);

}  // namespace perfmatrix
