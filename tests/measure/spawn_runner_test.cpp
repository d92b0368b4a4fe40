#include "measure/kind_registry.hpp"
#include "measure/model/runner.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace perfmatrix {
namespace {

using json = nlohmann::json;

CaseSettings settings(int warmup, int repetitions, double timeout) {
    CaseSettings s;
    s.warmup = warmup;
    s.repetitions = repetitions;
    s.timeout = timeout;
    return s;
}

Case spawn_case(json params, CaseSettings s = settings(0, 1, 20)) {
    Case c;
    c.id = "test";
    c.benchmark = "test";
    c.kind = "spawn";
    c.params = std::move(params);
    c.settings = s;
    return c;
}

CaseOutcome run(const Case& c, const RunContext& ctx = {}) { return make_runner("spawn")->run(c, ctx); }

json sh(const std::string& script) { return {{"argv", {"/bin/sh", "-c", script}}}; }

std::optional<double> value(const CaseOutcome& o, const std::string& metric, int repetition = 0) {
    for (const auto& s : o.samples) {
        if (s.metric == metric && s.repetition == repetition && !s.warmup) return s.value;
    }
    return std::nullopt;
}

std::string unit(const CaseOutcome& o, const std::string& metric) {
    for (const auto& s : o.samples) {
        if (s.metric == metric) return s.unit;
    }
    return {};
}

}  // namespace

TEST(SpawnRunner, TrueGivesEveryMetricWithPlausibleValues) {
    const CaseOutcome o = run(spawn_case({{"argv", {"/bin/true"}}}, settings(1, 3, 20)));
    ASSERT_EQ(o.status, status::ok) << o.reason;
    EXPECT_TRUE(o.reason.empty());
    const std::map<std::string, std::string> expected_units{{"wall_time", "s"},
                                                            {"spawn_time", "s"},
                                                            {"user_time", "s"},
                                                            {"sys_time", "s"},
                                                            {"max_rss", "bytes"},
                                                            {"minor_faults", "count"},
                                                            {"major_faults", "count"},
                                                            {"voluntary_switches", "count"},
                                                            {"involuntary_switches", "count"},
                                                            {"exit_code", "code"}};
    std::set<std::string> metrics;
    for (const auto& s : o.samples) metrics.insert(s.metric);
    EXPECT_EQ(metrics.size(), expected_units.size());
    for (const auto& [metric, u] : expected_units) EXPECT_EQ(unit(o, metric), u) << metric;
    EXPECT_EQ(o.samples.size(), 4 * expected_units.size());  // 1 warm-up + 3 samples
    for (int rep = 0; rep < 3; ++rep) {
        const double wall = *value(o, "wall_time", rep);
        const double spawn = *value(o, "spawn_time", rep);
        EXPECT_GT(spawn, 0.0);
        EXPECT_LE(spawn, wall);
        EXPECT_LT(wall, 2.0);  // ~1 ms normally; generous for a loaded 2-core machine
        EXPECT_GT(*value(o, "max_rss", rep), 100 * 1024.0);
        EXPECT_EQ(*value(o, "exit_code", rep), 0.0);
        EXPECT_LE(*value(o, "user_time", rep) + *value(o, "sys_time", rep), wall + 0.01);
    }
    EXPECT_FALSE(value(o, "ready_time").has_value());
    EXPECT_FALSE(value(o, "teardown_time").has_value());
}

TEST(SpawnRunner, NonzeroExitNamesCodeAndStderr) {
    const CaseOutcome o = run(spawn_case(sh("echo 'bad input' >&2; exit 3")));
    EXPECT_EQ(o.status, status::nonzero_exit);
    EXPECT_EQ(o.reason, "exit code 3 (expected 0); stderr: bad input");
    EXPECT_TRUE(o.samples.empty());
}

TEST(SpawnRunner, ExpectExitMakesThatCodeASuccess) {
    json p = sh("exit 3");
    p["expect_exit"] = 3;
    const CaseOutcome o = run(spawn_case(p));
    ASSERT_EQ(o.status, status::ok) << o.reason;
    EXPECT_EQ(*value(o, "exit_code"), 3.0);
    p["expect_exit"] = 0;
    p["argv"] = {"/bin/true"};
    p["expect_exit"] = 1;
    EXPECT_EQ(run(spawn_case(p)).reason, "exit code 0 (expected 1)");
}

TEST(SpawnRunner, SelfKillIsSignaled) {
    const CaseOutcome o = run(spawn_case(sh("kill -KILL $$")));
    EXPECT_EQ(o.status, status::signaled);
    EXPECT_EQ(o.reason, "killed by signal 9 (SIGKILL)");
}

TEST(SpawnRunner, TimeoutReason) {
    const CaseOutcome o = run(spawn_case({{"argv", {"/bin/sleep", "30"}}}, settings(0, 1, 0.5)));
    EXPECT_EQ(o.status, status::timeout);
    EXPECT_EQ(o.reason, "no exit after 0.5 s; killed process group");
}

TEST(SpawnRunner, ExecFailure) {
    const CaseOutcome o = run(spawn_case({{"argv", {"/no/such/binary"}}}));
    EXPECT_EQ(o.status, status::exec_failed);
    EXPECT_EQ(o.reason, "cannot execute '/no/such/binary': No such file or directory");
    const CaseOutcome bare = run(spawn_case({{"argv", {"no-such-program-perfmatrix"}}}));
    EXPECT_EQ(bare.status, status::exec_failed);
}

TEST(SpawnRunner, InvalidParamsAreAnErrorNotACrash) {
    const CaseOutcome o = run(spawn_case({{"argv", json::array()}}));
    EXPECT_EQ(o.status, status::error);
    EXPECT_NE(o.reason.find("argv"), std::string::npos);
}

TEST(SpawnRunner, ReadyAndTeardownTimes) {
    json p = sh("trap 'exit 0' TERM; echo starting; sleep 0.05; echo 'listening on 8080'; sleep 30 & wait");
    p["ready_pattern"] = "^listening on [0-9]+$";
    p["teardown_signal"] = "TERM";
    const CaseOutcome o = run(spawn_case(p, settings(0, 2, 20)));
    ASSERT_EQ(o.status, status::ok) << o.reason;
    for (int rep = 0; rep < 2; ++rep) {
        const double ready = *value(o, "ready_time", rep);
        const double teardown = *value(o, "teardown_time", rep);
        const double wall = *value(o, "wall_time", rep);
        EXPECT_GE(ready, 0.04);  // after the 0.05 s sleep (clock slack)
        EXPECT_GT(teardown, 0.0);
        EXPECT_LE(ready + teardown, wall + 1e-9);
        EXPECT_LT(wall, 10.0);  // the 30 s sleep did not run out
        EXPECT_EQ(*value(o, "exit_code", rep), 0.0);
    }
}

TEST(SpawnRunner, DeathByTheTeardownSignalIsSuccess) {
    json p = sh("echo READY; exec sleep 30");
    p["ready_pattern"] = "READY";
    p["teardown_signal"] = "INT";
    const CaseOutcome o = run(spawn_case(p));
    ASSERT_EQ(o.status, status::ok) << o.reason;
    EXPECT_EQ(*value(o, "exit_code"), -2.0);  // -SIGINT, like Python's returncode
    EXPECT_TRUE(value(o, "teardown_time").has_value());
}

TEST(SpawnRunner, ExitBeforeReadyIsAnError) {
    json p = sh("echo 'port in use'");
    p["ready_pattern"] = "listening";
    const CaseOutcome o = run(spawn_case(p));
    EXPECT_EQ(o.status, status::error);
    EXPECT_EQ(o.reason, "exited (code 0) before ready_pattern 'listening' matched; stdout: port in use");
}

TEST(SpawnRunner, TimeoutWhileWaitingForReadySaysSo) {
    json p = {{"argv", {"/bin/sleep", "30"}}, {"ready_pattern", "never"}};
    const CaseOutcome o = run(spawn_case(p, settings(0, 1, 0.3)));
    EXPECT_EQ(o.status, status::timeout);
    EXPECT_EQ(o.reason, "no exit after 0.3 s (ready_pattern never matched); killed process group");
}

TEST(SpawnRunner, CaptureBytesBoundsTheReason) {
    json p = sh("i=0; while [ $i -lt 500 ]; do echo line$i >&2; i=$((i+1)); done; exit 1");
    p["capture_bytes"] = 20;
    const CaseOutcome o = run(spawn_case(p));
    EXPECT_EQ(o.status, status::nonzero_exit);
    EXPECT_EQ(o.reason,
              "exit code 1 (expected 0); stderr: 497\nline498\nline499");  // 20 bytes, trailing newline trimmed
}

TEST(SpawnRunner, ShouldStopInterruptsARunningSample) {
    const auto start = std::chrono::steady_clock::now();
    RunContext ctx;
    ctx.should_stop = [&] { return std::chrono::steady_clock::now() - start > std::chrono::milliseconds(200); };
    const CaseOutcome o = run(spawn_case({{"argv", {"/bin/sleep", "30"}}}), ctx);
    EXPECT_EQ(o.status, status::interrupted);
    // Generous for a loaded machine; without cancellation this would take 20 s (the timeout).
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
}

}  // namespace perfmatrix
