// Helper commands as real children: lines of both streams in order, separate tails, exit codes
// and the environment, a timeout and a stop request that kill the whole process group, the
// helper's exit ending the run even when an escapee holds the pipe, programs that cannot run,
// and what the child inherits (argv[0] as given, no signal mask or ignored signals, no
// descriptors beyond 0-2, a group of its own).

#include "orchestrator/helpers/helper_command.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

namespace perfmatrix {
namespace {

HelperCommand shell(const std::string& script) {
    HelperCommand c;
    c.argv = {"/bin/sh", "-c", script};
    return c;
}

HelperCommand merged_shell(const std::string& script) {
    auto c = shell(script);
    c.merge_stderr = true;
    return c;
}

// A zombie is dead for this purpose: whoever inherits it reaps it when it gets to it.
bool alive(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    return close != std::string::npos && close + 2 < text.size() && text[close + 2] != 'Z';
}

// Runs c and checks that it ended within `limit` (a helper not ended when it should be holds
// the run up to here).
HelperRun run_within(const HelperCommand& c, std::chrono::seconds limit) {
    const auto started = std::chrono::steady_clock::now();
    HelperRun r = run_helper(c);
    EXPECT_LT(std::chrono::steady_clock::now() - started, limit);
    return r;
}

// Checks that the process the helper printed the pid of (its only line) is gone, given a
// moment for the kill to land.
void expect_killed(const HelperRun& r) {
    ASSERT_EQ(r.last_lines.size(), 1u);
    const pid_t pid = std::stoi(r.last_lines[0]);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_FALSE(alive(pid));
}

// True when this process has no child left, zombies included.
bool no_children() {
    int status = 0;
    return ::waitpid(-1, &status, WNOHANG) < 0 && errno == ECHILD;
}

TEST(HelperCommand, MergedLinesOfBothStreamsInOrder) {
    auto c = merged_shell("echo one; echo two >&2; printf 'three'");
    std::vector<std::string> seen;
    c.on_line = [&](std::string_view line) { seen.emplace_back(line); };
    const auto r = run_helper(c);
    EXPECT_TRUE(r.ok()) << r.failure(0);
    EXPECT_EQ(seen, (std::vector<std::string>{"one", "two", "three"}));
    EXPECT_EQ(r.last_lines, seen);
    EXPECT_EQ(r.stdout_tail, "one\ntwo\nthree");
    EXPECT_EQ(r.stderr_tail, "");
}

TEST(HelperCommand, SeparateStreamsKeepTheirOwnTails) {
    auto c = shell("echo out; echo err >&2; echo more");
    std::vector<std::string> seen;
    c.on_line = [&](std::string_view line) { seen.emplace_back(line); };
    const auto r = run_helper(c);
    EXPECT_TRUE(r.ok()) << r.failure(0);
    EXPECT_EQ(r.stdout_tail, "out\nmore\n");
    EXPECT_EQ(r.stderr_tail, "err\n");
    EXPECT_EQ(seen, (std::vector<std::string>{"out", "more"}));
}

TEST(HelperCommand, KeepsOnlyTheLastLinesAndBytes) {
    auto c = shell("for i in 1 2 3 4 5; do echo $i; done");
    c.keep_lines = 2;
    c.keep_bytes = 3;
    const auto r = run_helper(c);
    EXPECT_EQ(r.last_lines, (std::vector<std::string>{"4", "5"}));
    EXPECT_EQ(r.stdout_tail, "\n5\n");
}

// More than a pipe holds (64 KiB) on both streams at once: neither may stall the other.
TEST(HelperCommand, LargeOutputOnBothStreams) {
    auto c = shell(
        "i=0; while [ $i -lt 4000 ]; do echo \"line $i of forty bytes or so ..\"; "
        "echo \"error $i of forty bytes or so ..\" >&2; i=$((i+1)); done");
    c.keep_lines = 1;
    c.timeout = 60;
    const auto r = run_helper(c);
    EXPECT_TRUE(r.ok()) << r.failure(60);
    EXPECT_EQ(r.last_lines, (std::vector<std::string>{"line 3999 of forty bytes or so .."}));
    EXPECT_EQ(r.stderr_tail.substr(r.stderr_tail.rfind("error")), "error 3999 of forty bytes or so ..\n");
}

TEST(HelperCommand, ExitCodeAndEnvironment) {
    auto c = merged_shell("echo \"$PERFMATRIX_TEST_VALUE\"; exit 3");
    c.env = {{"PERFMATRIX_TEST_VALUE", "set for the child"}};
    const auto r = run_helper(c);
    EXPECT_EQ(r.end, HelperRun::End::exited);
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.failure(0), "exited with code 3");
    EXPECT_EQ(r.last_lines, (std::vector<std::string>{"set for the child"}));
}

TEST(HelperCommand, ASignalEndsIt) {
    const auto r = run_helper(shell("kill -TERM $$"));
    EXPECT_EQ(r.end, HelperRun::End::signaled);
    EXPECT_EQ(r.signal, SIGTERM);
    EXPECT_EQ(r.failure(0), "killed by signal 15 (Terminated)");
}

// The child starts a grandchild in its group that would outlive it: a timeout kills both.
TEST(HelperCommand, TimeoutKillsTheGroup) {
    auto c = merged_shell("sleep 30 & echo $!; wait");
    c.timeout = 0.5;
    const auto r = run_within(c, std::chrono::seconds(10));
    EXPECT_EQ(r.end, HelperRun::End::timed_out);
    EXPECT_EQ(r.failure(0.5), "no end within 0.5 s (killed)");
    expect_killed(r);  // the grandchild
}

// A helper that closed its output but goes on running is still bound by its timeout.
TEST(HelperCommand, TimeoutHoldsAfterTheOutputClosed) {
    auto c = shell("exec >/dev/null 2>&1; sleep 30");
    c.timeout = 0.3;
    const auto r = run_within(c, std::chrono::seconds(10));
    EXPECT_EQ(r.end, HelperRun::End::timed_out);
}

TEST(HelperCommand, StopRequestKills) {
    auto c = merged_shell("echo started; sleep 30");
    bool started = false;
    c.on_line = [&](std::string_view) { started = true; };
    c.should_stop = [&] { return started; };
    const auto r = run_helper(c);
    EXPECT_EQ(r.end, HelperRun::End::stopped);
    EXPECT_EQ(r.failure(0), "interrupted");
}

// A grandchild that left the group and keeps the pipe open must not hold the command after the
// child itself exited.
TEST(HelperCommand, EndsWhenTheChildEndsEvenIfAnEscapeeHoldsThePipe) {
    auto c = merged_shell("setsid sleep 5 & echo $!; exit 0");
    const auto r = run_within(c, std::chrono::seconds(4));
    EXPECT_TRUE(r.ok()) << r.failure(0);
    if (!r.last_lines.empty()) ::kill(std::stoi(r.last_lines[0]), SIGKILL);
}

// What the helper left running in its group goes when it exits.
TEST(HelperCommand, LeftoversInTheGroupAreKilledAtTheExit) {
    const auto r = run_helper(merged_shell("sleep 30 >/dev/null 2>&1 & echo $!"));
    EXPECT_TRUE(r.ok()) << r.failure(0);
    expect_killed(r);
}

TEST(HelperCommand, AProgramThatCannotRun) {
    HelperCommand c;
    c.argv = {"/nonexistent/python", "-m", "venv"};
    const auto r = run_helper(c);
    EXPECT_EQ(r.end, HelperRun::End::spawn_failed);
    EXPECT_EQ(r.failure(0), "cannot execute '/nonexistent/python': No such file or directory");
}

TEST(HelperCommand, AProgramNotInPath) {
    HelperCommand c;
    c.argv = {"perfmatrix-no-such-helper", "--version"};
    const auto r = run_helper(c);
    EXPECT_EQ(r.end, HelperRun::End::spawn_failed);
    EXPECT_EQ(r.spawn_error, "cannot execute 'perfmatrix-no-such-helper': No such file or directory");
}

// exec itself fails (the file is there, not executable): the child made for it is reaped.
TEST(HelperCommand, AFailedExecLeavesNoZombie) {
    const auto file = std::filesystem::temp_directory_path() / ("helper_test_" + std::to_string(::getpid()));
    std::ofstream(file) << "#!/bin/sh\nexit 0\n";
    ::chmod(file.c_str(), 0644);
    HelperCommand c;
    c.argv = {file.string()};
    const auto r = run_helper(c);
    std::filesystem::remove(file);
    EXPECT_EQ(r.end, HelperRun::End::spawn_failed);
    EXPECT_EQ(r.spawn_error, "cannot execute '" + file.string() + "': Permission denied");
    EXPECT_TRUE(no_children());
}

TEST(HelperCommand, FoundInPathWithArgvZeroAsGiven) {
    HelperCommand c;
    c.argv = {"sh", "-c", "tr '\\0' '\\n' < /proc/$$/cmdline | head -n 1"};
    const auto r = run_helper(c);
    EXPECT_TRUE(r.ok()) << r.failure(0) << r.stderr_tail;
    EXPECT_EQ(r.stdout_tail, "sh\n");
}

// Whatever this thread blocks or ignores, and whatever descriptor it left open without
// O_CLOEXEC, the helper starts clean, in a group of its own; and the caller's mask is as it was.
TEST(HelperCommand, TheChildStartsClean) {
    sigset_t usr1, before, after;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    ASSERT_EQ(::pthread_sigmask(SIG_BLOCK, &usr1, &before), 0);
    struct sigaction ignore {
    }, old_int{};
    ignore.sa_handler = SIG_IGN;
    ASSERT_EQ(::sigaction(SIGINT, &ignore, &old_int), 0);
    const int leaked = ::open("/dev/null", O_RDONLY);  // no O_CLOEXEC
    ASSERT_GE(leaked, 3);

    // grep is the helper itself: a shell between would show its own mask (dash blocks every
    // signal around its forks).
    HelperCommand signals;
    signals.argv = {"grep", "-E", "^Sig(Blk|Ign)", "/proc/self/status"};
    const auto masks = run_helper(signals);
    const auto rest = run_helper(shell("[ -e /proc/$$/fd/" + std::to_string(leaked) +
                                       " ] && echo leaked || echo closed; cut -d' ' -f1,5 /proc/$$/stat"));

    ::close(leaked);
    ::sigaction(SIGINT, &old_int, nullptr);
    ASSERT_EQ(::pthread_sigmask(SIG_SETMASK, nullptr, &after), 0);
    EXPECT_EQ(::sigismember(&after, SIGUSR1), 1);
    ::pthread_sigmask(SIG_SETMASK, &before, nullptr);

    ASSERT_TRUE(masks.ok()) << masks.failure(0) << masks.stderr_tail;
    EXPECT_EQ(masks.last_lines, (std::vector<std::string>{"SigBlk:\t0000000000000000", "SigIgn:\t0000000000000000"}));
    ASSERT_TRUE(rest.ok()) << rest.failure(0) << rest.stderr_tail;
    ASSERT_EQ(rest.last_lines.size(), 2u) << rest.stdout_tail;
    EXPECT_EQ(rest.last_lines[0], "closed");
    const auto& ids = rest.last_lines[1];  // "pid pgid"
    const auto space = ids.find(' ');
    ASSERT_NE(space, std::string::npos) << ids;
    EXPECT_EQ(ids.substr(0, space), ids.substr(space + 1)) << "not the leader of its own group: " << ids;
}

// Probes run in parallel threads: each must end with its own helper, not with the longest one
// that happened to inherit its pipe.
TEST(HelperCommand, ConcurrentHelpersEndWithTheirOwnChild) {
    std::vector<HelperRun> runs(4);
    std::vector<std::chrono::steady_clock::duration> took(runs.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        threads.emplace_back([&, i] {
            const auto started = std::chrono::steady_clock::now();
            // The first sleeps long; the others must not wait for it.
            runs[i] = run_helper(shell(i == 0 ? "echo 0; sleep 3" : "echo " + std::to_string(i)));
            took[i] = std::chrono::steady_clock::now() - started;
        });
    }
    for (auto& t : threads) t.join();
    for (std::size_t i = 0; i < runs.size(); ++i) {
        EXPECT_TRUE(runs[i].ok()) << i << ": " << runs[i].failure(0);
        EXPECT_EQ(runs[i].stdout_tail, std::to_string(i) + "\n");
        if (i > 0) {
            EXPECT_LT(took[i], std::chrono::milliseconds(2500)) << i;
        }
    }
}

}  // namespace
}  // namespace perfmatrix
