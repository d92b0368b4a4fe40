// The pyperf runner against the real pyperf (from PyPI, in the venv the ctest fixture
// pyperf_venv makes) running scripts the tests write. Timed values come from bench_time_func
// returning fixed durations, so sample values and loop calibration are exact, not timed.
#include "measure/kind_registry.hpp"
#include "measure/model/runner.hpp"
#include "measure/python/scratch_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

namespace perfmatrix::python {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// Per loop: 1 ms of "time" per loop, 10 inner loops: every value is exactly 1e-4 s, and pyperf's
// calibration to --min-time 0.1 doubles loops from 1 to 128.
constexpr const char* kTwoBenchmarks = R"(import os, pyperf
def fixed(loops):
    return 0.001 * loops
def tiny():
    sum(range(50))
runner = pyperf.Runner()
runner.metadata['marker'] = os.environ.get('PM_MARK', 'absent')
runner.metadata['secret'] = os.environ.get('PM_SECRET', 'absent')
runner.bench_func('first', tiny)
runner.bench_time_func('second', fixed, inner_loops=10)
)";

class PyperfRunnerTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::exists(PERFMATRIX_PYPERF_PYTHON)) {
            GTEST_SKIP() << "no pyperf venv at " << PERFMATRIX_PYPERF_PYTHON
                         << ": run through ctest, whose fixture e2e_exports_pyperf_venv makes it";
        }
        write("two.py", kTwoBenchmarks);
    }

    std::string write(const std::string& name, const std::string& text) {
        const fs::path path = dir_.path() / name;
        fs::create_directories(path.parent_path());
        std::ofstream(path) << text;
        return path.string();
    }

    Case pyperf_case(const std::string& script, json extra = json::object(), double timeout = 60) {
        Case c;
        c.id = "test/" + script;
        c.benchmark = "test";
        c.kind = "pyperf";
        c.params = {{"python", PERFMATRIX_PYPERF_PYTHON}, {"script", (dir_.path() / script).string()}};
        c.params.update(extra);
        c.settings.timeout = timeout;
        return c;
    }

    static CaseOutcome run(const Case& c) { return make_runner("pyperf")->run(c, {}); }

    ScratchDir dir_;
};

std::optional<std::string> env_value(const CaseOutcome& o, const std::string& key) {
    for (const auto& [k, v] : o.environment) {
        if (k == key) return v;
    }
    return std::nullopt;
}

int count(const CaseOutcome& o, bool warmup) {
    int n = 0;
    for (const auto& s : o.samples) n += s.warmup == warmup ? 1 : 0;
    return n;
}

}  // namespace

TEST_F(PyperfRunnerTest, ValuesAndWarmupsBecomeSamplesAndMetadataTheEnvironment) {
    const CaseOutcome o = run(
        pyperf_case("two.py", {{"benchmark", "second"}, {"values", 4}, {"warmups", 2}, {"loops", 8}}));
    ASSERT_EQ(o.status, status::ok) << o.reason;
    ASSERT_EQ(o.samples.size(), 6u);
    for (int i = 0; i < 2; ++i) EXPECT_EQ(o.samples[i], (Sample{"time", "s", i, true, 1e-4})) << i;
    for (int i = 0; i < 4; ++i) EXPECT_EQ(o.samples[2 + i], (Sample{"time", "s", i, false, 1e-4})) << i;
    EXPECT_EQ(env_value(o, "pyperf.name"), "second");
    EXPECT_EQ(env_value(o, "pyperf.loops"), "8");
    EXPECT_EQ(env_value(o, "pyperf.inner_loops"), "10");
    EXPECT_EQ(env_value(o, "pyperf.unit"), "second");
    EXPECT_EQ(env_value(o, "pyperf.worker_task"), "1");
    EXPECT_EQ(env_value(o, "pyperf.python_version").value_or("").rfind("3.", 0), 0u);
    EXPECT_TRUE(env_value(o, "pyperf.timer"));
    EXPECT_TRUE(env_value(o, "pyperf.perf_version"));
    EXPECT_FALSE(env_value(o, "pyperf.calibrate_loops"));  // loops were given
    const std::string argv = env_value(o, "python.argv").value_or("");
    EXPECT_NE(argv.find(" --worker --worker-task=1 --values 4 --warmups 2 "), std::string::npos) << argv;
    EXPECT_NE(argv.find(" --loops 8 "), std::string::npos) << argv;
}

TEST_F(PyperfRunnerTest, WithoutBenchmarkTheFirstOneRuns) {
    const CaseOutcome o = run(pyperf_case("two.py", {{"values", 2}, {"warmups", 0}, {"loops", 2}}));
    ASSERT_EQ(o.status, status::ok) << o.reason;
    EXPECT_EQ(env_value(o, "pyperf.name"), "first");
    EXPECT_EQ(env_value(o, "pyperf.worker_task"), "0");
    EXPECT_EQ(count(o, true), 0);
    EXPECT_EQ(count(o, false), 2);
    for (const auto& s : o.samples) EXPECT_GT(s.value, 0.0);
}

TEST_F(PyperfRunnerTest, LoopsZeroCalibratesInTheRoundAsPyperfDoes) {
    const CaseOutcome o = run(pyperf_case("two.py", {{"benchmark", "second"}, {"values", 3}, {"warmups", 1}}));
    ASSERT_EQ(o.status, status::ok) << o.reason;
    EXPECT_EQ(env_value(o, "pyperf.calibrate_loops"), "128");  // 1 ms per loop to reach 0.1 s
    EXPECT_EQ(env_value(o, "pyperf.loops"), "128");
    EXPECT_EQ(count(o, true), 1);
    EXPECT_EQ(count(o, false), 3);
}

TEST_F(PyperfRunnerTest, AnUnknownBenchmarkNamesTheOnesTheScriptDefines) {
    const CaseOutcome o = run(pyperf_case("two.py", {{"benchmark", "third"}, {"loops", 1}}));
    EXPECT_EQ(o.status, status::error);
    EXPECT_NE(o.reason.find("defines no benchmark named 'third'; it defines: first, second"), std::string::npos)
        << o.reason;
    EXPECT_TRUE(o.samples.empty());
}

TEST_F(PyperfRunnerTest, OnlyInheritEnvAndEnvReachTheWorker) {
    ::setenv("PM_SECRET", "leaked", 1);
    const CaseOutcome o = run(pyperf_case("two.py", {{"env", {{"PM_MARK", "set"}}}, {"values", 1}, {"loops", 1}}));
    ::unsetenv("PM_SECRET");
    ASSERT_EQ(o.status, status::ok) << o.reason;
    EXPECT_EQ(env_value(o, "pyperf.marker"), "set");
    EXPECT_EQ(env_value(o, "pyperf.secret"), "absent");
}

TEST_F(PyperfRunnerTest, AScriptInsideAPackageIsFoundThroughTheInterpreter) {
    write("site/pm_pyperf_pkg/__init__.py", "");
    write("site/pm_pyperf_pkg/benchmarks/bm_two/run_benchmark.py", kTwoBenchmarks);
    const std::string site = (dir_.path() / "site").string();
    json params = {{"package", "pm_pyperf_pkg"},
                   {"script", "benchmarks/bm_two/run_benchmark.py"},
                   {"env", {{"PYTHONPATH", site}}},
                   {"benchmark", "second"},
                   {"values", 1},
                   {"loops", 1}};
    const CaseOutcome o = run(pyperf_case("unused", params));
    ASSERT_EQ(o.status, status::ok) << o.reason;
    EXPECT_NE(env_value(o, "python.argv").value_or("").find(site + "/pm_pyperf_pkg/benchmarks/bm_two/run_benchmark.py"),
              std::string::npos);

    params["script"] = "benchmarks/bm_none/run_benchmark.py";
    const CaseOutcome missing = run(pyperf_case("unused", params));
    EXPECT_EQ(missing.status, status::error);
    EXPECT_NE(missing.reason.find("no script '" + site +
                                  "/pm_pyperf_pkg/benchmarks/bm_none/run_benchmark.py' in package"),
              std::string::npos)
        << missing.reason;

    params["package"] = "pm_no_such_package";
    const CaseOutcome no_package = run(pyperf_case("unused", params));
    EXPECT_EQ(no_package.status, status::nonzero_exit);
    EXPECT_NE(no_package.reason.find("no package 'pm_no_such_package' importable"), std::string::npos)
        << no_package.reason;
}

TEST_F(PyperfRunnerTest, AnImportErrorEndsTheCaseWithPythonsMessage) {
    write("broken.py", "import pyperf\nimport pm_no_such_module\n");
    const CaseOutcome o = run(pyperf_case("broken.py", {{"loops", 1}}));
    EXPECT_EQ(o.status, status::nonzero_exit);
    EXPECT_NE(o.reason.find("the pyperf worker exited with code 1"), std::string::npos) << o.reason;
    EXPECT_NE(o.reason.find("ModuleNotFoundError: No module named 'pm_no_such_module'"), std::string::npos) << o.reason;
    EXPECT_TRUE(o.samples.empty());
    EXPECT_TRUE(env_value(o, "python.argv"));
}

TEST_F(PyperfRunnerTest, ABenchmarkThatRaisesFailsItsCalibrationWithTheTraceback) {
    write("raises.py",
          "import pyperf\ndef f():\n    raise RuntimeError('pm boom')\npyperf.Runner().bench_func('r', f)\n");
    const CaseOutcome o = run(pyperf_case("raises.py"));
    EXPECT_EQ(o.status, status::nonzero_exit);
    EXPECT_NE(o.reason.find("the pyperf loop calibration exited with code 1"), std::string::npos) << o.reason;
    EXPECT_NE(o.reason.find("RuntimeError: pm boom"), std::string::npos) << o.reason;
}

TEST_F(PyperfRunnerTest, AnUnknownScriptArgumentEndsTheCaseWithArgparsesMessage) {
    const CaseOutcome o = run(pyperf_case("two.py", {{"args", {"--no-such-option"}}, {"loops", 1}}));
    EXPECT_EQ(o.status, status::nonzero_exit);
    EXPECT_NE(o.reason.find("exited with code 2; stderr: "), std::string::npos) << o.reason;
    EXPECT_NE(o.reason.find("unrecognized arguments: --no-such-option"), std::string::npos) << o.reason;
}

TEST_F(PyperfRunnerTest, StdoutIsTheReasonWhenStderrIsBlank) {
    // As pyperf's own command line errors ("ERROR: ...") are printed.
    write("says.py", "import sys\nprint('ERROR: pm said so')\nsys.exit(1)\n");
    const CaseOutcome o = run(pyperf_case("says.py", {{"loops", 1}}));
    EXPECT_EQ(o.status, status::nonzero_exit);
    EXPECT_NE(o.reason.find("exited with code 1; stdout: ERROR: pm said so"), std::string::npos) << o.reason;
}

TEST_F(PyperfRunnerTest, AWorkerPastItsLimitIsKilled) {
    write("sleeps.py",
          "import pyperf, time\ndef f(loops):\n    time.sleep(60)\n    return 1.0\n"
          "pyperf.Runner().bench_time_func('s', f)\n");
    const auto begin = std::chrono::steady_clock::now();
    // Limit: timeout x (warm-ups + values + 1) = 0.5 x 2 s.
    const CaseOutcome o = run(pyperf_case("sleeps.py", {{"values", 1}, {"warmups", 0}, {"loops", 1}}, 0.5));
    EXPECT_EQ(o.status, status::timeout);
    EXPECT_NE(o.reason.find("the pyperf worker did not finish within 1.0 s"), std::string::npos) << o.reason;
    EXPECT_LT(std::chrono::steady_clock::now() - begin, std::chrono::seconds(30));
}

}  // namespace perfmatrix::python
