// Long commands whose output is shown as it comes: lines in order, exit codes, a timeout and a
// stop request that kill the whole process group, a program that cannot run.

#include "orchestrator/python/streamed_command.hpp"

#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

namespace perfmatrix {
namespace {

StreamedCommand shell(const std::string& script) {
    StreamedCommand c;
    c.argv = {"/bin/sh", "-c", script};
    return c;
}

// A zombie is dead for this purpose: whoever inherits it reaps it when it gets to it.
bool alive(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    return close != std::string::npos && close + 2 < text.size() && text[close + 2] != 'Z';
}

TEST(StreamedCommand, LinesOfBothStreamsInOrder) {
    auto c = shell("echo one; echo two >&2; printf 'three'");
    std::vector<std::string> seen;
    c.on_line = [&](std::string_view line) { seen.emplace_back(line); };
    const auto r = run_streamed(c);
    EXPECT_TRUE(r.ok()) << r.failure(0);
    EXPECT_EQ(seen, (std::vector<std::string>{"one", "two", "three"}));
    EXPECT_EQ(r.last_lines, seen);
}

TEST(StreamedCommand, KeepsOnlyTheLastLines) {
    auto c = shell("for i in 1 2 3 4 5; do echo $i; done");
    c.keep_lines = 2;
    const auto r = run_streamed(c);
    EXPECT_EQ(r.last_lines, (std::vector<std::string>{"4", "5"}));
}

TEST(StreamedCommand, ExitCodeAndEnvironment) {
    auto c = shell("echo \"$PERFMATRIX_TEST_VALUE\"; exit 3");
    c.env.set = {{"PERFMATRIX_TEST_VALUE", "set for the child"}};
    const auto r = run_streamed(c);
    EXPECT_EQ(r.end, StreamedRun::End::exited);
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.failure(0), "exited with code 3");
    EXPECT_EQ(r.last_lines, (std::vector<std::string>{"set for the child"}));
}

// The child starts a grandchild in its group that would outlive it: a timeout kills both.
TEST(StreamedCommand, TimeoutKillsTheGroup) {
    auto c = shell("sleep 30 & echo $!; wait");
    c.timeout = 0.5;
    const auto started = std::chrono::steady_clock::now();
    const auto r = run_streamed(c);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
    EXPECT_EQ(r.end, StreamedRun::End::timed_out);
    EXPECT_EQ(r.failure(0.5), "no end within 0.5 s (killed)");
    ASSERT_EQ(r.last_lines.size(), 1u);
    const pid_t grandchild = std::stoi(r.last_lines[0]);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_FALSE(alive(grandchild));
}

TEST(StreamedCommand, StopRequestKills) {
    auto c = shell("echo started; sleep 30");
    bool started = false;
    c.on_line = [&](std::string_view) { started = true; };
    c.should_stop = [&] { return started; };
    const auto r = run_streamed(c);
    EXPECT_EQ(r.end, StreamedRun::End::stopped);
}

// A grandchild that left the group and keeps the pipe open must not hold the command after the
// child itself exited.
TEST(StreamedCommand, EndsWhenTheChildEndsEvenIfAnEscapeeHoldsThePipe) {
    auto c = shell("setsid sleep 5 & echo $!; exit 0");
    const auto started = std::chrono::steady_clock::now();
    const auto r = run_streamed(c);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(4));
    EXPECT_TRUE(r.ok()) << r.failure(0);
    if (!r.last_lines.empty()) ::kill(std::stoi(r.last_lines[0]), SIGKILL);
}

TEST(StreamedCommand, AProgramThatCannotRun) {
    StreamedCommand c;
    c.argv = {"/nonexistent/python", "-m", "venv"};
    const auto r = run_streamed(c);
    EXPECT_EQ(r.end, StreamedRun::End::spawn_failed);
    EXPECT_EQ(r.failure(0), "cannot execute '/nonexistent/python': No such file or directory");
}

}  // namespace
}  // namespace perfmatrix
