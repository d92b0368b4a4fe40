// The python_workload runner against a fake harness (fake_harness.py) run by a real
// interpreter: every protocol path, as a real child process with a real pipe.
#include "python_case.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <string>

namespace perfmatrix::python_test {
namespace {

using json = nlohmann::json;
using Seconds = std::chrono::duration<double>;

// The fake's "echo" workload reports its argv, environment and flags in its skip reason.
json echo(const Case& c) {
    const CaseOutcome o = run_fake(c);
    EXPECT_EQ(o.status, status::skipped) << o.reason;
    return json::parse(o.reason, nullptr, false);
}

}  // namespace

TEST(PythonRunner, SamplesArriveIntactWithIdentity) {
    const CaseOutcome o = run_fake(fake_case("ok", settings(2, 3)));
    ASSERT_EQ(o.status, status::ok) << o.reason;
    EXPECT_TRUE(o.reason.empty());
    const auto times = samples_of(o, "time");
    ASSERT_EQ(times.size(), 5u);
    // The fake's values: 1e-3 * (index + 1), +0.5 for warm-ups.
    EXPECT_EQ(times[0], (Sample{"time", "s", 0, true, 0.501}));
    EXPECT_EQ(times[1], (Sample{"time", "s", 1, true, 0.502}));
    for (int i = 0; i < 3; ++i) EXPECT_EQ(times[2 + i], (Sample{"time", "s", i, false, 1e-3 * (i + 1)}));
    EXPECT_EQ(samples_of(o, "batch_time").size(), 5u);
    EXPECT_EQ(samples_of(o, "loops")[4].value, 8.0);
    EXPECT_EQ(samples_of(o, "loops")[4].unit, "count");
    EXPECT_TRUE(o.components.empty());

    EXPECT_EQ(env_value(o, "python.implementation"), "cpython");
    EXPECT_EQ(env_value(o, "python.version"), "3.99.0");
    EXPECT_EQ(env_value(o, "python.executable"), PERFMATRIX_TEST_PYTHON);
    EXPECT_EQ(env_value(o, "python.flags.isolated"), "1");  // default flags: -I
    EXPECT_EQ(env_value(o, "python.free_threaded"), "false");
    EXPECT_EQ(env_value(o, "package.numpy"), "1.26.4");
    EXPECT_EQ(env_value(o, "package.torch"), "");
    EXPECT_EQ(env_value(o, "harness.version"), "fake-1");
    EXPECT_EQ(env_value(o, "harness.calibrated_loops"), "8");
    // The runner's own entries win over the harness's claims for the same key.
    EXPECT_EQ(env_value(o, "python.hash_seed").value_or("").rfind("random", 0), 0u);
    const std::string argv = env_value(o, "python.argv").value_or("");
    EXPECT_EQ(argv.rfind(std::string(PERFMATRIX_TEST_PYTHON) + " -I " + PERFMATRIX_FAKE_HARNESS + " --workload ok", 0),
              0u)
        << argv;
    EXPECT_TRUE(env_value(o, "python.env_inherited"));
}

TEST(PythonRunner, MaxRssIsOneSampleForTheWholeChild) {
    const CaseOutcome o = run_fake(fake_case("ok", settings(0, 2)));
    ASSERT_EQ(o.status, status::ok) << o.reason;
    const auto rss = samples_of(o, "max_rss");
    ASSERT_EQ(rss.size(), 1u);
    EXPECT_EQ(rss[0].unit, "bytes");
    EXPECT_EQ(rss[0].repetition, 0);
    EXPECT_FALSE(rss[0].warmup);
    EXPECT_GT(rss[0].value, 4.0 * 1024 * 1024);  // any CPython maps more than 4 MiB
}

TEST(PythonRunner, ComponentsGoToTheirOwnList) {
    const CaseOutcome o = run_fake(fake_case("components", settings(1, 2)));
    ASSERT_EQ(o.status, status::ok) << o.reason;
    ASSERT_EQ(o.components.size(), 6u);  // 3 samples x 2 metrics
    EXPECT_EQ(o.components[0], (ComponentSample{"json.decoder", "import_self", "s", 0, true, 1e-4}));
    EXPECT_EQ(o.components[5], (ComponentSample{"json.decoder", "import_cumulative", "s", 1, false, 6e-4}));
    EXPECT_EQ(samples_of(o, "import_self").size(), 0u);
}

TEST(PythonRunner, TerminalEventsBecomeStatuses) {
    const CaseOutcome skip = run_fake(fake_case("skip"));
    EXPECT_EQ(skip.status, status::skipped);
    EXPECT_EQ(skip.reason, "numpy is not importable: No module named 'numpy'");

    const CaseOutcome wrong = run_fake(fake_case("wrong_result", settings(0, 3)));
    EXPECT_EQ(wrong.status, status::wrong_result);
    EXPECT_EQ(wrong.reason, "checksum 41, expected 42");
    EXPECT_EQ(samples_of(wrong, "time").size(), 1u);  // what came before is kept

    // The harness exits 1 after 'error': the event, not the exit status, is the outcome.
    const CaseOutcome error = run_fake(fake_case("error"));
    EXPECT_EQ(error.status, status::error);
    EXPECT_EQ(error.reason, "Traceback: ValueError: n: expected an integer");
}

TEST(PythonRunner, CrashMidStreamKeepsSamplesAndStderr) {
    const CaseOutcome o = run_fake(fake_case("crash", settings(0, 3)));
    EXPECT_EQ(o.status, status::nonzero_exit);
    EXPECT_NE(o.reason.find("exited with code 3 without finishing (after 0 warm-ups and 1 samples)"), std::string::npos)
        << o.reason;
    EXPECT_NE(o.reason.find("stderr: fatal: out of cheese"), std::string::npos) << o.reason;
    EXPECT_EQ(samples_of(o, "time").size(), 1u);
}

TEST(PythonRunner, KilledBySignalInTheMiddleOfALine) {
    const CaseOutcome o = run_fake(fake_case("segv"));
    EXPECT_EQ(o.status, status::signaled);
    EXPECT_NE(o.reason.find("SIGSEGV"), std::string::npos) << o.reason;
    EXPECT_NE(o.reason.find("in the middle of a protocol line"), std::string::npos) << o.reason;
}

TEST(PythonRunner, HangIsKilledAfterTheTimeout) {
    const auto start = std::chrono::steady_clock::now();
    const CaseOutcome o = run_fake(fake_case("hang", settings(0, 1, 0.3)));
    const double took = Seconds(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(o.status, status::timeout);
    // Before the first sample the harness gets twice the timeout.
    EXPECT_NE(o.reason.find("no event from the harness for 0.6 s while waiting for its first sample"),
              std::string::npos)
        << o.reason;
    EXPECT_EQ(env_value(o, "python.version"), "3.99.0");  // what it said before is kept
    EXPECT_GE(took, 0.6);
    EXPECT_LT(took, 5.0);  // not the fake's 600 s sleep
}

TEST(PythonRunner, TheTimeoutIsPerSampleNotPerRun) {
    // Five samples of 0.2 s each take 1 s in all, past a 0.5 s timeout, yet none is late.
    CaseSettings s = settings(0, 5, 0.5);
    const CaseOutcome o = run_fake(fake_case("slow", s, {{"args", {{"pause", "0.2"}}}}));
    EXPECT_EQ(o.status, status::ok) << o.reason;
    EXPECT_EQ(samples_of(o, "time").size(), 5u);
}

TEST(PythonRunner, GarbageIsAProtocolErrorAndTheHarnessIsStopped) {
    const auto start = std::chrono::steady_clock::now();
    const CaseOutcome o = run_fake(fake_case("garbage"));
    EXPECT_EQ(o.status, status::error);
    EXPECT_EQ(o.reason.rfind("harness protocol error: line 2: not JSON: 'this is not json'", 0), 0u) << o.reason;
    EXPECT_LT(Seconds(std::chrono::steady_clock::now() - start).count(), 5.0);  // killed, not waited for
}

TEST(PythonRunner, AnEndlessLineIsCutOff) {
    const CaseOutcome o = run_fake(fake_case("long_line"));
    EXPECT_EQ(o.status, status::error);
    EXPECT_EQ(o.reason.rfind("harness protocol error: line 2: line longer than", 0), 0u) << o.reason;
}

TEST(PythonRunner, BrokenContractsAreProtocolErrors) {
    EXPECT_EQ(
        run_fake(fake_case("no_hello")).reason.rfind("harness protocol error: line 1: 'sample' before 'hello'", 0), 0u);
    const CaseOutcome many = run_fake(fake_case("too_many", settings(0, 2)));
    EXPECT_EQ(many.status, status::error);
    EXPECT_NE(many.reason.find("sample index 2, but the case allows at most 2 samples"), std::string::npos)
        << many.reason;
    const CaseOutcome short_run = run_fake(fake_case("short", settings(0, 3)));
    EXPECT_EQ(short_run.status, status::error);
    EXPECT_NE(short_run.reason.find("'done' after 0 warm-ups and 1 samples"), std::string::npos) << short_run.reason;
}

TEST(PythonRunner, ExitWithoutTerminalEventOrAfterDone) {
    const CaseOutcome none = run_fake(fake_case("no_terminal", settings(0, 2)));
    EXPECT_EQ(none.status, status::error);
    EXPECT_NE(none.reason.find("exited with code 0 without finishing (after 0 warm-ups and 2 samples)"),
              std::string::npos)
        << none.reason;
    EXPECT_EQ(samples_of(none, "time").size(), 2u);

    const CaseOutcome after = run_fake(fake_case("exit_after_done", settings(0, 2)));
    EXPECT_EQ(after.status, status::error);
    EXPECT_NE(after.reason.find("exited with code 4 after 'done'"), std::string::npos) << after.reason;
}

TEST(PythonRunner, MissingInterpreterIsExecFailed) {
    Case c = fake_case("ok");
    c.params["python"] = "/nonexistent/bin/python3";
    const CaseOutcome o = run_fake(c);
    EXPECT_EQ(o.status, status::exec_failed);
    EXPECT_NE(o.reason.find("/nonexistent/bin/python3"), std::string::npos) << o.reason;
    EXPECT_TRUE(o.samples.empty());
}

TEST(PythonRunner, MissingHarnessAndBadParamsAreErrors) {
    const CaseOutcome missing = run_with("/nonexistent/harness.py", fake_case("ok"));
    EXPECT_EQ(missing.status, status::error);
    EXPECT_NE(missing.reason.find("harness not found"), std::string::npos) << missing.reason;
    const CaseOutcome bad = run_fake(fake_case("ok", settings(1, 3), {{"flags", {"-c"}}}));
    EXPECT_EQ(bad.status, status::error);
    EXPECT_EQ(bad.reason.rfind("invalid python_workload parameter 'flags'", 0), 0u) << bad.reason;
}

TEST(PythonRunner, ChildEnvironmentIsTheWhitelistOnly) {
    ::setenv("PERFMATRIX_TEST_LEAK", "1", 1);
    ::setenv("OMP_PROC_BIND", "close", 1);
    ::setenv("PYTHONDONTWRITEBYTECODE", "1", 1);
    const json report = echo(fake_case("echo", settings(1, 3), {{"flags", {"-s"}}, {"env", {{"EXTRA", "x"}}}}));
    ASSERT_TRUE(report.is_object());
    std::set<std::string> names;
    for (const auto& [name, value] : report.at("env").items()) names.insert(name);
    EXPECT_EQ(names.count("PERFMATRIX_TEST_LEAK"), 0u);
    EXPECT_EQ(names.count("PYTHONDONTWRITEBYTECODE"), 0u);
    EXPECT_EQ(names.count("PERFMATRIX_HARNESS"), 0u);
    EXPECT_EQ(report.at("env").at("OMP_PROC_BIND"), "close");
    EXPECT_EQ(report.at("env").at("EXTRA"), "x");
    EXPECT_EQ(report.at("env").at("PYTHONHASHSEED"), "0");
    EXPECT_EQ(report.at("hash_randomization"), 0);  // the seed took effect
    EXPECT_EQ(report.at("isolated"), 0);
    // Whatever else is there was named by the default whitelist (plus what Python itself sets).
    const std::set<std::string> allowed{"PATH", "HOME",   "TMPDIR",   "TEMP",  "TMP",
                                        "LANG", "LC_ALL", "LC_CTYPE", "EXTRA", "PYTHONHASHSEED"};
    for (const auto& name : names) {
        const bool prefixed = name.rfind("OPENBLAS_", 0) == 0 || name.rfind("OMP_", 0) == 0 ||
                              name.rfind("MKL_", 0) == 0;
        EXPECT_TRUE(prefixed || allowed.count(name)) << name;
    }
}

TEST(PythonRunner, ArgvCarriesTheCaseSettings) {
    CaseSettings s = settings(2, 4);
    s.min_time = 0.5;
    s.max_repetitions = 9;
    const json report = echo(fake_case("echo", s, {{"args", {{"n", "7"}}}, {"sample_time", 0.05}, {"loops", 3}}));
    const std::vector<std::string> expected{"--workload",    "echo", "--fd",       "3",   "--warmups",         "2",
                                            "--repetitions", "4",    "--min-time", "0.5", "--max-repetitions", "9",
                                            "--sample-time", "0.05", "--loops",    "3",   "--param",           "n=7"};
    EXPECT_EQ(report.at("argv").get<std::vector<std::string>>(), expected);
    EXPECT_EQ(report.at("isolated"), 1);
}

TEST(PythonRunner, StopRequestInterrupts) {
    const auto start = std::chrono::steady_clock::now();
    RunContext ctx;
    ctx.should_stop = [start] { return std::chrono::steady_clock::now() - start > std::chrono::milliseconds(300); };
    const CaseOutcome o = run_fake(fake_case("hang", settings(0, 1, 30)), ctx);
    EXPECT_EQ(o.status, status::interrupted);
    EXPECT_LT(Seconds(std::chrono::steady_clock::now() - start).count(), 5.0);
}

}  // namespace perfmatrix::python_test
