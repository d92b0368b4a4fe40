// The child's descendants: whatever ends a sample, nothing it started may outlive it.
#include "process_helpers.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace perfmatrix {
namespace {

using test::sh;
using test::timeout_after;
using test::wall;

// A killed grandchild is reparented to init and may linger as a zombie until init reaps it;
// a zombie is dead, so "gone" means no such process or state Z.
bool gone(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    if (!stat) return true;
    std::string line;
    std::getline(stat, line);
    const auto close_paren = line.rfind(')');
    return close_paren != std::string::npos && line.size() > close_paren + 2 && line[close_paren + 2] == 'Z';
}

// SIGKILL delivery is asynchronous: allow a generous 2 s for a loaded machine.
bool gone_soon(pid_t pid) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (!gone(pid)) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

std::vector<pid_t> pids_in(const std::string& text) {
    std::vector<pid_t> pids;
    std::istringstream in(text);
    for (long p; in >> p;) pids.push_back(static_cast<pid_t>(p));
    return pids;
}

}  // namespace

TEST(ProcessTree, TimeoutKillsGrandchildrenToo) {
    const ProcessResult r = run_process(sh("sleep 30 & echo $!; sleep 30"), timeout_after(0.5));
    ASSERT_EQ(r.ending, Ending::timed_out);
    EXPECT_LT(wall(r), 5.0);  // did not wait for the grandchild's pipe to close
    const auto pids = pids_in(r.stdout_tail);
    ASSERT_EQ(pids.size(), 1u) << r.stdout_tail;
    EXPECT_TRUE(gone_soon(pids[0]));
}

TEST(ProcessTree, CancelKillsGrandchildrenToo) {
    WatchSpec watch;
    const auto start = Clock::now();
    watch.should_stop = [&] { return Clock::now() - start > std::chrono::milliseconds(300); };
    const ProcessResult r = run_process(sh("sleep 30 & echo $!; sleep 30 & echo $!; wait"), watch);
    ASSERT_EQ(r.ending, Ending::cancelled);
    const auto pids = pids_in(r.stdout_tail);
    ASSERT_EQ(pids.size(), 2u) << r.stdout_tail;
    for (pid_t p : pids) EXPECT_TRUE(gone_soon(p)) << p;
}

TEST(ProcessTree, LeftoversAreKilledWhenTheChildExits) {
    // The shell exits at once, leaving a background sleep that still holds stdout open.
    const ProcessResult r = run_process(sh("sleep 30 & echo $!"), timeout_after(20));
    ASSERT_EQ(r.ending, Ending::exited);
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_LT(wall(r), 5.0);
    const auto pids = pids_in(r.stdout_tail);
    ASSERT_EQ(pids.size(), 1u) << r.stdout_tail;
    EXPECT_TRUE(gone_soon(pids[0]));
}

TEST(ProcessTree, DestructorKillsGrandchildren) {
    ProcessSpec spec = sh("sleep 30 & echo $!; sleep 30");
    pid_t grandchild = -1;
    {
        ChildProcess child(spec);
        ASSERT_TRUE(child.started());
        // Read the grandchild's pid from /proc: the shell's children are listed there.
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (grandchild < 0 && std::chrono::steady_clock::now() < until) {
            std::ifstream kids("/proc/" + std::to_string(child.pid()) + "/task/" + std::to_string(child.pid()) +
                               "/children");
            long p = -1;
            if (kids >> p)
                grandchild = static_cast<pid_t>(p);
            else
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        ASSERT_GT(grandchild, 0);
    }
    EXPECT_TRUE(gone_soon(grandchild));
}

}  // namespace perfmatrix
