// ChildProcess's extra channel (ProcessSpec::pass_fd, WatchSpec::input_fd/on_input/deadline),
// which the python_workload runner's protocol pipe rides on, with /bin/sh as the child.
#include "measure/system/process.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace perfmatrix {
namespace {

using namespace std::chrono_literals;

struct Channel {
    Pipe pipe = make_pipe();
    std::string received;
};

ProcessResult run_with_channel(const std::string& script, Channel& ch, WatchSpec watch = {}) {
    ProcessSpec spec;
    spec.argv = {"/bin/sh", "-c", script};
    spec.pass_fd = ch.pipe.write_end.get();
    ChildProcess child(spec);
    ch.pipe.write_end.reset();
    watch.input_fd = ch.pipe.read_end.get();
    watch.on_input = [&ch, also = watch.on_input](std::string_view data) {
        ch.received.append(data);
        if (also) also(data);
    };
    return child.wait(watch);
}

}  // namespace

TEST(PassedFd, TheChildWritesToDescriptor3AndEveryByteArrives) {
    Channel ch;
    const ProcessResult r = run_with_channel("echo first >&3; echo second >&3; echo out", ch);
    ASSERT_EQ(r.ending, Ending::exited);
    EXPECT_EQ(r.exit_code, 0) << r.stderr_tail;
    EXPECT_EQ(ch.received, "first\nsecond\n");
    EXPECT_EQ(r.stdout_tail, "out\n");  // stdout stays the program's own
}

TEST(PassedFd, WithoutItDescriptor3IsClosedInTheChild) {
    ProcessSpec spec;
    spec.argv = {"/bin/sh", "-c", "echo x >&3"};
    const ProcessResult r = run_process(spec, WatchSpec{});
    EXPECT_EQ(r.ending, Ending::exited);
    EXPECT_NE(r.exit_code, 0);
}

TEST(PassedFd, AMovingDeadlineLetsASteadyChildFinish) {
    // Six messages 0.1 s apart: 0.5 s in all, but never 0.3 s without a message.
    Channel ch;
    Clock::time_point last = Clock::now();
    WatchSpec watch;
    watch.deadline = [&last]() -> std::optional<Clock::time_point> { return last + 300ms; };
    watch.on_input = [&last](std::string_view) { last = Clock::now(); };
    const ProcessResult r = run_with_channel("for i in 1 2 3 4 5 6; do echo $i >&3; sleep 0.1; done", ch, watch);
    EXPECT_EQ(r.ending, Ending::exited);
    EXPECT_EQ(ch.received, "1\n2\n3\n4\n5\n6\n");
}

TEST(PassedFd, ADeadlineThatDoesNotMoveKills) {
    Channel ch;
    const auto start = Clock::now();
    WatchSpec watch;
    watch.deadline = [start]() -> std::optional<Clock::time_point> { return start + 200ms; };
    const ProcessResult r = run_with_channel("echo hello >&3; sleep 30", ch, watch);
    EXPECT_EQ(r.ending, Ending::timed_out);
    EXPECT_EQ(ch.received, "hello\n");  // what came before is kept
    EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 5.0);
}

}  // namespace perfmatrix
