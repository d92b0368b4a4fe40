#include "measure/system/exit_watch.hpp"
#include "measure/system/spawn_call.hpp"

#include <gtest/gtest.h>

#include <poll.h>
#include <sys/wait.h>

#include <chrono>
#include <string>
#include <vector>

namespace perfmatrix {
namespace {

pid_t spawn_sleep(const char* seconds) {
    static const std::string no_cwd;
    const std::vector<std::string> argv{"/bin/sleep", seconds};
    Pipe out = make_pipe();
    char* const envp[] = {nullptr};
    const SpawnCall call = spawn_child({&argv, envp, &no_cwd, out.write_end.get(), out.write_end.get()});
    EXPECT_EQ(call.error, 0);
    return call.pid;
}

bool readable_now(const ExitWatch& w) {
    pollfd p{w.fd(), POLLIN, 0};
    return ::poll(&p, 1, 0) > 0;
}

// Both ways of watching must fire at the exit, not before, and leave the child for wait4.
void expect_fires_at_exit(ExitWatch::Mode mode) {
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = spawn_sleep("0.3");
    ASSERT_GT(pid, 0);
    {
        ExitWatch watch(pid, mode);
        EXPECT_FALSE(readable_now(watch));
        watch.wait_exit();
        EXPECT_TRUE(readable_now(watch));
    }
    const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_GE(waited, 0.25);  // sleep 0.3 cannot end sooner
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);  // still ours to reap
    EXPECT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace

TEST(ExitWatch, PidfdFiresAtExit) {
    const pid_t probe = spawn_sleep("0");
    {
        ExitWatch w(probe);
        if (!w.uses_pidfd()) {
            w.wait_exit();
            ::waitpid(probe, nullptr, 0);
            GTEST_SKIP() << "pidfd_open unavailable on this kernel; the thread fallback is used";
        }
        w.wait_exit();
    }
    ::waitpid(probe, nullptr, 0);
    expect_fires_at_exit(ExitWatch::Mode::automatic);
}

TEST(ExitWatch, ThreadFallbackFiresAtExit) { expect_fires_at_exit(ExitWatch::Mode::thread); }

}  // namespace perfmatrix
