// kill_all_children and the subreaper: what a case leaves behind is found and killed, whichever
// way it is listed. Its own executable: becoming a subreaper changes the whole process.
#include "measure/system/orphans.hpp"
#include "process_helpers.hpp"

#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <future>
#include <string>
#include <thread>

extern char** environ;

namespace perfmatrix {
namespace {

using test::sh;
using test::timeout_after;

bool is_our_child(pid_t pid) {
    siginfo_t info{};
    return ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0;
}

pid_t spawn_plain(const char* program, const char* arg) {
    pid_t pid = -1;
    char* argv[] = {const_cast<char*>(program), const_cast<char*>(arg), nullptr};
    EXPECT_EQ(::posix_spawn(&pid, program, nullptr, nullptr, argv, environ), 0);
    return pid;
}

class Orphans : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(become_subreaper());
        ASSERT_EQ(kill_all_children(), 0u);  // nothing left from an earlier test
    }
};

TEST_F(Orphans, NoChildrenNothingKilled) { EXPECT_EQ(kill_all_children(), 0u); }

TEST_F(Orphans, AnEscapedGrandchildIsHandedToUsAndKilled) {
    // setsid takes the sleep out of the child's process group, so the group kill at the reap
    // misses it; when the shell exits it becomes our child. (The shell's pause gives setsid
    // time to run before that group kill.)
    const ProcessResult r = run_process(sh("setsid sleep 30 & echo $!; sleep 0.2"), timeout_after(20));
    ASSERT_EQ(r.exit_code, 0);
    const pid_t escaped = std::stoi(r.stdout_tail);
    ASSERT_TRUE(is_our_child(escaped));
    EXPECT_EQ(kill_all_children(), 1u);
    EXPECT_EQ(::kill(escaped, 0), -1);  // killed and reaped: not even a zombie is left
    EXPECT_EQ(errno, ESRCH);
}

TEST_F(Orphans, ChildrenOfKilledChildrenAreKilledInTheNextRound) {
    // An escaped shell with a sleep of its own: killing the shell hands the sleep to us.
    const ProcessResult r = run_process(sh("setsid sh -c 'sleep 30 & echo $!; exec sleep 30' & echo $!; sleep 0.2"),
                                        timeout_after(20));
    ASSERT_EQ(r.exit_code, 0) << r.stderr_tail;
    EXPECT_EQ(kill_all_children(), 2u) << r.stdout_tail;
}

TEST_F(Orphans, AnExitedChildIsReapedButNotCounted) {
    const pid_t pid = spawn_plain("/bin/true", nullptr);
    siginfo_t info{};
    ASSERT_EQ(::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOWAIT), 0);  // a zombie now
    EXPECT_EQ(kill_all_children(), 0u);
    EXPECT_FALSE(is_our_child(pid));
}

TEST_F(Orphans, AChildOfAnotherThreadIsFound) {
    // Its parent is that thread, so only that thread's /proc/self/task/TID/children lists it.
    std::promise<void> done;
    std::promise<pid_t> started;
    std::thread spawner([&] {
        started.set_value(spawn_plain("/bin/sleep", "30"));
        done.get_future().wait();  // alive while the main thread sweeps
    });
    const pid_t pid = started.get_future().get();
    EXPECT_EQ(kill_all_children(), 1u);
    done.set_value();
    spawner.join();
    EXPECT_EQ(::kill(pid, 0), -1);
}

}  // namespace
}  // namespace perfmatrix
