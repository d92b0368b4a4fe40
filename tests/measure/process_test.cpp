#include "process_helpers.hpp"

#include <gtest/gtest.h>

#include <signal.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace perfmatrix {
namespace {

using test::command;
using test::seconds;
using test::sh;
using test::timeout_after;
using test::wall;

ProcessSpec in_dir(std::vector<std::string> argv, std::string cwd) {
    ProcessSpec spec = command(std::move(argv));
    spec.cwd = std::move(cwd);
    return spec;
}

const WatchSpec kNoWatch{};

// The hex mask after `field` in /proc/<pid>/status text.
unsigned long long status_mask(const std::string& text, const std::string& field) {
    const auto at = text.find(field);
    if (at == std::string::npos) return ~0ull;
    return std::stoull(text.substr(at + field.size()), nullptr, 16);
}

}  // namespace

TEST(Process, TrueExitsCleanlyWithPlausibleTimes) {
    const ProcessResult r = run_process(command({"/bin/true"}), kNoWatch);
    ASSERT_EQ(r.ending, Ending::exited);
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_LE(r.times.spawn_begin, r.times.spawn_end);
    EXPECT_LE(r.times.spawn_end, r.times.reaped);
    // Generous bound for a loaded 2-core machine: /bin/true takes about a millisecond.
    EXPECT_LT(wall(r), 2.0);
    EXPECT_GT(r.usage.max_rss, 100 * 1024.0);  // any exec'd program maps more than 100 KiB
    EXPECT_GT(r.usage.minor_faults, 0.0);
    EXPECT_GE(r.usage.user_time + r.usage.sys_time, 0.0);
}

TEST(Process, PathLookupForBareNames) {
    const ProcessResult r = run_process(command({"true"}), kNoWatch);
    EXPECT_EQ(r.ending, Ending::exited);
    EXPECT_EQ(r.exit_code, 0);
}

TEST(Process, ExitCodeAndStderrComeBack) {
    const ProcessResult r = run_process(sh("echo oops >&2; echo out; exit 3"), kNoWatch);
    ASSERT_EQ(r.ending, Ending::exited);
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.stderr_tail, "oops\n");
    EXPECT_EQ(r.stdout_tail, "out\n");
}

TEST(Process, SelfKillIsSignaled) {
    const ProcessResult r = run_process(sh("kill -KILL $$"), kNoWatch);
    ASSERT_EQ(r.ending, Ending::signaled);
    EXPECT_EQ(r.signal, SIGKILL);
}

TEST(Process, MissingProgramIsASpawnFailureWithErrnoText) {
    const ProcessResult r = run_process(command({"/nonexistent/program"}), kNoWatch);
    ASSERT_EQ(r.ending, Ending::spawn_failed);
    ASSERT_TRUE(r.spawn_error.has_value());
    EXPECT_EQ(r.spawn_error->error, ENOENT);
    EXPECT_TRUE(r.spawn_error->program_problem);
    EXPECT_EQ(r.spawn_error->message, "cannot execute '/nonexistent/program': No such file or directory");
}

TEST(Process, NonExecutableFileIsPermissionDenied) {
    // No execute bit at all: EACCES even for root.
    const auto path = std::filesystem::temp_directory_path() / ("pm_noexec_" + std::to_string(::getpid()));
    std::ofstream(path) << "#!/bin/sh\n";
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    const ProcessResult r = run_process(command({path.string()}), kNoWatch);
    std::filesystem::remove(path);
    ASSERT_EQ(r.ending, Ending::spawn_failed);
    EXPECT_EQ(r.spawn_error->error, EACCES);
    EXPECT_TRUE(r.spawn_error->program_problem);
    EXPECT_EQ(r.spawn_error->message, "cannot execute '" + path.string() + "': Permission denied");
}

TEST(Process, MissingCwdIsNamedAsSuch) {
    const ProcessResult r = run_process(in_dir({"/bin/true"}, "/nonexistent/dir"), kNoWatch);
    ASSERT_EQ(r.ending, Ending::spawn_failed);
    EXPECT_EQ(r.spawn_error->message, "cannot change to directory '/nonexistent/dir': No such file or directory");
}

TEST(Process, EnvironmentChangesReachTheChild) {
    ::setenv("PM_PROC_KEEP", "kept", 1);
    ::setenv("PM_PROC_DROP", "dropped", 1);
    ProcessSpec spec = command({"/usr/bin/env"});
    spec.env = {{{"PM_PROC_SET", "value with spaces"}}, {"PM_PROC_DROP"}, false};
    const ProcessResult r = run_process(spec, kNoWatch);
    ::unsetenv("PM_PROC_KEEP");
    ::unsetenv("PM_PROC_DROP");
    ASSERT_EQ(r.exit_code, 0);
    EXPECT_NE(r.stdout_tail.find("PM_PROC_KEEP=kept\n"), std::string::npos);
    EXPECT_NE(r.stdout_tail.find("PM_PROC_SET=value with spaces\n"), std::string::npos);
    EXPECT_EQ(r.stdout_tail.find("PM_PROC_DROP"), std::string::npos);
}

TEST(Process, ClearEnvLeavesOnlyTheSetVariables) {
    ProcessSpec spec = command({"/usr/bin/env"});
    spec.env = {{{"ONLY", "1"}, {"ALSO", "2"}}, {}, true};
    const ProcessResult r = run_process(spec, kNoWatch);
    EXPECT_EQ(r.stdout_tail, "ONLY=1\nALSO=2\n");
}

TEST(Process, CwdIsTheChildsWorkingDirectory) {
    const auto dir = std::filesystem::canonical(std::filesystem::temp_directory_path());
    const ProcessResult r = run_process(in_dir({"/bin/pwd"}, dir.string()), kNoWatch);
    ASSERT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.stdout_tail, dir.string() + "\n");
}

TEST(Process, StdinIsDevNull) {
    // Give the worker a stdin that never ends: a child inheriting it would block in cat until
    // the timeout; with /dev/null, cat ends at once.
    Pipe endless = make_pipe();
    const int saved_stdin = ::dup(0);
    ASSERT_GE(saved_stdin, 0);
    ASSERT_EQ(::dup2(endless.read_end.get(), 0), 0);
    const ProcessResult r = run_process(command({"/bin/cat"}), timeout_after(5));
    ::dup2(saved_stdin, 0);
    ::close(saved_stdin);
    EXPECT_EQ(r.ending, Ending::exited);
    EXPECT_EQ(r.stdout_tail, "");
}

TEST(Process, ChildThatClosesItsOutputIsWatchedToItsExit) {
    // The parent holds the pipes' write ends until the reap, so a child closing its own never
    // ends the streams early: what it wrote before is kept, and its exit, not the pipes, ends
    // the wait (a sleep after the close; the exit code shows the shell ran to its end).
    const ProcessResult r = run_process(sh("echo before; echo err >&2; exec >&- 2>&-; sleep 0.2; exit 4"),
                                        timeout_after(20));
    ASSERT_EQ(r.ending, Ending::exited);
    EXPECT_EQ(r.exit_code, 4);
    EXPECT_GE(wall(r), 0.2);
    EXPECT_EQ(r.stdout_tail, "before\n");
    EXPECT_EQ(r.stderr_tail, "err\n");
}

TEST(Process, CaptureIsBoundedToTheTail) {
    ProcessSpec spec = sh(
        "i=0; while [ $i -lt 2000 ]; do echo 0123456789abcdef; echo e$i >&2; i=$((i+1)); done; "
        "echo END");
    spec.capture_bytes = 100;
    const ProcessResult r = run_process(spec, kNoWatch);
    ASSERT_EQ(r.exit_code, 0);
    ASSERT_EQ(r.stdout_tail.size(), 100u);
    EXPECT_TRUE(r.stdout_tail.ends_with("0123456789abcdef\nEND\n"));
    EXPECT_LE(r.stderr_tail.size(), 100u);
    EXPECT_TRUE(r.stderr_tail.ends_with("e1999\n"));
}

TEST(Process, OutputLargerThanAPipeDoesNotBlockTheChild) {
    // 1 MiB is far beyond the 64 KiB pipe buffer: the parent must drain while waiting.
    ProcessSpec spec = sh("head -c 1048576 /dev/zero");
    spec.capture_bytes = 16;
    const ProcessResult r = run_process(spec, timeout_after(20));
    EXPECT_EQ(r.ending, Ending::exited);
    EXPECT_EQ(r.stdout_tail, std::string(16, '\0'));
}

TEST(Process, ChildGetsDefaultSignalState) {
    // A worker that ignores and blocks signals (as MPI runtimes may) must not pass that on.
    struct sigaction ignore {
    }, old_action{};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGUSR1, &ignore, &old_action);
    sigset_t block, old_mask;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR2);
    ::pthread_sigmask(SIG_BLOCK, &block, &old_mask);

    const ProcessResult r =
        run_process(command({"/usr/bin/awk", "/^(SigIgn|SigBlk)/ {print $1, $2}", "/proc/self/status"}), kNoWatch);

    ::pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
    ::sigaction(SIGUSR1, &old_action, nullptr);
    ASSERT_EQ(r.exit_code, 0) << r.stderr_tail;
    EXPECT_EQ(status_mask(r.stdout_tail, "SigBlk:"), 0u) << r.stdout_tail;
    // Only the classic signals 1-31: glibc's posix_spawn leaves its internal real-time
    // signals 32 and 33 ignored in every child it starts, which is harmless and not ours.
    EXPECT_EQ(status_mask(r.stdout_tail, "SigIgn:") & 0x7fffffffu, 0u) << r.stdout_tail;
}

TEST(Process, ChildLeadsItsOwnProcessGroup) {
    // $$ is the shell's pid; field 5 of /proc/<pid>/stat is its process group.
    const ProcessResult r = run_process(sh("echo $$ $(cut -d' ' -f5 /proc/$$/stat)"), kNoWatch);
    ASSERT_EQ(r.exit_code, 0);
    const auto space = r.stdout_tail.find(' ');
    ASSERT_NE(space, std::string::npos);
    const std::string pid = r.stdout_tail.substr(0, space);
    const std::string pgid = r.stdout_tail.substr(space + 1, r.stdout_tail.size() - space - 2);
    EXPECT_EQ(pid, pgid);
    EXPECT_NE(pgid, std::to_string(::getpgrp()));
}

TEST(Process, ExitIsObservedPromptly) {
    // The helper prints CLOCK_MONOTONIC just before _exit; the gap to our reap time is how
    // late we notice an exit: a few hundred microseconds when waiting on events. A waiter
    // polling every 10 ms would see gaps spread evenly over 0-10 ms, so only ~10 % under 1 ms.
    // should_stop is set so its own 10 ms tick is active too.
    // Other processes on a busy 2-core machine can delay any wake-up by milliseconds, so an
    // attempt passes with 9 of 21 gaps under 1 ms, and up to five attempts are allowed;
    // a 10 ms poller passes an attempt with probability ~3e-4.
#if defined(__SANITIZE_ADDRESS__)
    // Instrumented code wakes later (the asan CI stage saw 8 of 21 under 1 ms at load 6): the
    // latency of such a build says nothing about the release build this test is about.
    GTEST_SKIP() << "a latency test; the sanitizer build's latency is not the product's";
#endif
    WatchSpec watch;
    watch.should_stop = [] { return false; };
    int best_fast = 0;
    for (int attempt = 0; attempt < 5 && best_fast < 9; ++attempt) {
        std::vector<double> gaps;
        for (int i = 0; i < 21; ++i) {
            const ProcessResult r = run_process(command({PERFMATRIX_EXIT_STAMP}), watch);
            ASSERT_EQ(r.exit_code, 0);
            const long long child_ns = std::stoll(r.stdout_tail);
            const long long reaped_ns =
                std::chrono::duration_cast<std::chrono::nanoseconds>(r.times.reaped.time_since_epoch()).count();
            gaps.push_back(static_cast<double>(reaped_ns - child_ns) * 1e-9);
        }
        std::sort(gaps.begin(), gaps.end());
        EXPECT_GT(gaps.front(), 0.0);  // the reap cannot precede the child's last clock read
        const int fast = static_cast<int>(std::count_if(gaps.begin(), gaps.end(), [](double g) { return g < 0.001; }));
        std::printf("exit observed after %.1f us (median); %d of 21 under 1 ms\n", gaps[10] * 1e6, fast);
        RecordProperty("exit_observation_median_us", static_cast<int>(gaps[10] * 1e6));
        best_fast = std::max(best_fast, fast);
    }
    EXPECT_GE(best_fast, 9);
}

TEST(Process, ReadyLineThenTeardownSignal) {
    const std::regex ready("^READY$");
    WatchSpec watch = timeout_after(20);
    watch.ready_pattern = &ready;
    watch.teardown_signal = SIGTERM;
    // The background sleep + wait keeps the shell responsive to the trapped signal.
    const ProcessResult r =
        run_process(sh("trap 'echo bye; exit 0' TERM; echo booting; sleep 0.1; echo READY; sleep 30 & wait"), watch);
    ASSERT_EQ(r.ending, Ending::exited) << r.stderr_tail;
    EXPECT_EQ(r.exit_code, 0);
    ASSERT_TRUE(r.times.ready.has_value());
    ASSERT_TRUE(r.times.teardown_sent.has_value());
    EXPECT_LE(r.times.spawn_end, *r.times.ready);
    EXPECT_LE(*r.times.ready, *r.times.teardown_sent);
    EXPECT_LE(*r.times.teardown_sent, r.times.reaped);
    EXPECT_GE(seconds(r.times.spawn_begin, *r.times.ready), 0.09);  // after the 0.1 s sleep
    EXPECT_LT(wall(r), 10.0);                                       // far below the 30 s sleep: the signal ended it
    EXPECT_TRUE(r.stdout_tail.ends_with("READY\nbye\n")) << r.stdout_tail;
}

TEST(Process, TimeoutKillsTheChild) {
    const ProcessResult r = run_process(command({"/bin/sleep", "30"}), timeout_after(0.5));
    ASSERT_EQ(r.ending, Ending::timed_out);
    EXPECT_EQ(r.signal, SIGKILL);
    EXPECT_GE(wall(r), 0.5);
    EXPECT_LT(wall(r), 5.0);  // generous: a loaded machine may be slow to reap
}

TEST(Process, ShouldStopCancelsWithinAFewPolls) {
    std::optional<Clock::time_point> first_true;
    const auto start = Clock::now();
    WatchSpec watch;
    watch.should_stop = [&] {
        if (Clock::now() - start < std::chrono::milliseconds(200)) return false;
        if (!first_true) first_true = Clock::now();
        return true;
    };
    const ProcessResult r = run_process(command({"/bin/sleep", "30"}), watch);
    const auto returned = Clock::now();
    ASSERT_EQ(r.ending, Ending::cancelled);
    ASSERT_TRUE(first_true.has_value());
    const double latency = seconds(*first_true, returned);
    std::printf("cancel latency %.2f ms\n", latency * 1e3);
    // Nominally ~1 ms (kill + reap); 100 ms leaves room for a loaded machine.
    EXPECT_LT(latency, 0.1);
    EXPECT_LT(seconds(start, returned), 5.0);
}

TEST(Process, DestructorKillsAndReapsARunningChild) {
    pid_t pid = -1;
    {
        ChildProcess child(command({"/bin/sleep", "30"}));
        ASSERT_TRUE(child.started());
        pid = child.pid();
        EXPECT_EQ(::kill(pid, 0), 0);
    }
    // Reaped by the destructor: the pid is gone, not a zombie.
    EXPECT_EQ(::kill(pid, 0), -1);
    EXPECT_EQ(errno, ESRCH);
}

}  // namespace perfmatrix
