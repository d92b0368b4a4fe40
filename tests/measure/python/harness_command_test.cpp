#include "measure/python/harness_command.hpp"
#include "measure/python/harness_location.hpp"
#include "measure/python/inherited_env.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>

namespace perfmatrix::python {
namespace {

std::map<std::string, std::string> as_map(const std::vector<std::pair<std::string, std::string>>& vars) {
    std::map<std::string, std::string> m;
    for (const auto& [k, v] : vars) {
        EXPECT_TRUE(m.emplace(k, v).second) << "duplicate variable " << k;
    }
    return m;
}

// Sets a variable for one test and puts the old value back, so later tests in the same
// process see the environment they started with.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        ::setenv(name, value, 1);
    }
    ~ScopedEnv() {
        if (old_) {
            ::setenv(name_, old_->c_str(), 1);
        } else {
            ::unsetenv(name_);
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

std::string record(const HarnessCommand& cmd, const std::string& key) {
    for (const auto& [k, v] : cmd.record) {
        if (k == key) return v;
    }
    return "<missing>";
}

}  // namespace

TEST(HarnessCommand, ArgvCarriesFlagsSettingsAndParams) {
    PythonParams p;
    p.python = "/opt/py/bin/python3";
    p.workload = "nbody";
    p.flags = {"-s", "-X", "importtime"};
    p.args = {{"n", "100"}, {"dtype", "f8"}};
    p.sample_time = 0.25;
    p.loops = 64;
    CaseSettings s;
    s.warmup = 2;
    s.repetitions = 5;
    s.min_time = 1.5;
    s.max_repetitions = 50;
    const std::vector<std::string> expected{"/opt/py/bin/python3",
                                            "-s",
                                            "-X",
                                            "importtime",
                                            "/h/harness.py",
                                            "--workload",
                                            "nbody",
                                            "--fd",
                                            "3",
                                            "--warmups",
                                            "2",
                                            "--repetitions",
                                            "5",
                                            "--min-time",
                                            "1.5",
                                            "--max-repetitions",
                                            "50",
                                            "--sample-time",
                                            "0.25",
                                            "--loops",
                                            "64",
                                            "--param",
                                            "n=100",
                                            "--param",
                                            "dtype=f8"};
    EXPECT_EQ(harness_argv(p, s, "/h/harness.py"), expected);
}

TEST(HarnessCommand, LoopsZeroLeavesCalibrationToTheHarness) {
    PythonParams p;
    p.python = "python3";
    p.workload = "w";
    const auto argv = harness_argv(p, CaseSettings{}, "h.py");
    EXPECT_EQ(std::find(argv.begin(), argv.end(), "--loops"), argv.end());
    EXPECT_EQ(argv[1], "-I");
    EXPECT_EQ(argv[2], "h.py");
}

TEST(HarnessCommand, EnvironmentIsOnlyTheWhitelistEnvAndHashSeed) {
    const ScopedEnv secret("PERFMATRIX_TEST_SECRET", "leak");
    const ScopedEnv openblas("OPENBLAS_NUM_THREADS", "2");
    const ScopedEnv omp("OMP_NUM_THREADS", "3");
    const ScopedEnv home("HOME", "/home/test");
    const ScopedEnv pythonpath("PYTHONPATH", "/somewhere");
    PythonParams p;
    p.python = "python3";
    p.workload = "w";
    p.flags = {"-s"};
    p.hash_seed = "0";
    p.inherit_env = default_inherit_env();
    p.env = {{"OMP_NUM_THREADS", "1"}, {"EXTRA", "x"}};
    const HarnessCommand cmd = harness_command(p, CaseSettings{}, "h.py");
    EXPECT_TRUE(cmd.process.env.clear);
    const auto env = as_map(cmd.process.env.set);
    EXPECT_EQ(env.count("PERFMATRIX_TEST_SECRET"), 0u);
    EXPECT_EQ(env.count("PYTHONPATH"), 0u);
    EXPECT_EQ(env.at("OPENBLAS_NUM_THREADS"), "2");
    EXPECT_EQ(env.at("OMP_NUM_THREADS"), "1");  // env wins over the inherited value
    EXPECT_EQ(env.at("HOME"), "/home/test");
    EXPECT_EQ(env.at("EXTRA"), "x");
    EXPECT_EQ(env.at("PYTHONHASHSEED"), "0");
    // Inherited names only: not env's, not the seed.
    const std::string inherited = record(cmd, "python.env_inherited");
    EXPECT_NE(inherited.find("OPENBLAS_NUM_THREADS"), std::string::npos);
    EXPECT_NE(inherited.find("HOME"), std::string::npos);
    EXPECT_EQ(inherited.find("OMP_NUM_THREADS"), std::string::npos);
    EXPECT_EQ(inherited.find("EXTRA"), std::string::npos);
    EXPECT_EQ(record(cmd, "python.hash_seed"), "0");
    EXPECT_EQ(record(cmd, "python.argv").rfind("python3 -s h.py --workload w --fd 3", 0), 0u);
}

TEST(HarnessCommand, NoSeedIsSetOrClaimedUnderIsolation) {
    PythonParams p;
    p.python = "python3";
    p.workload = "w";
    p.inherit_env = {};
    const HarnessCommand cmd = harness_command(p, CaseSettings{}, "h.py");
    EXPECT_TRUE(cmd.process.env.set.empty());
    EXPECT_EQ(record(cmd, "python.hash_seed").rfind("random", 0), 0u);
    EXPECT_EQ(record(cmd, "python.env_inherited"), "");
}

TEST(InheritedEnv, PrefixPatternsMatchOnlyTheirPrefix) {
    ::setenv("PMTEST_A", "1", 1);
    ::setenv("PMTEST_B", "2", 1);
    ::setenv("PMTESTX", "3", 1);
    const auto vars = as_map(inherited_variables({"PMTEST_*", "NOT_SET_ANYWHERE"}));
    EXPECT_EQ(vars.size(), 2u);
    EXPECT_EQ(vars.at("PMTEST_A"), "1");
    EXPECT_EQ(vars.at("PMTEST_B"), "2");
    EXPECT_TRUE(inherited_variables({"PMTEST"}).empty());  // exact names are exact
}

TEST(HarnessLocation, TheVariableOverridesAndAMissingFileIsExplained) {
    ::setenv(kHarnessVariable, PERFMATRIX_FAKE_HARNESS, 1);
    EXPECT_EQ(find_harness().path, PERFMATRIX_FAKE_HARNESS);
    ::setenv(kHarnessVariable, "/nonexistent/harness.py", 1);
    const HarnessLocation missing = find_harness();
    EXPECT_TRUE(missing.path.empty());
    EXPECT_NE(missing.error.find("/nonexistent/harness.py"), std::string::npos);
    EXPECT_NE(missing.error.find("PERFMATRIX_HARNESS"), std::string::npos);
}

TEST(HarnessLocation, DefaultIsThePythonFolderBesideTheExecutablesFolder) {
    ::unsetenv(kHarnessVariable);
    // This test binary is in <build>/tests/measure/python/, so the default looks in
    // <build>/tests/measure/python/, where nothing is: the error names that place.
    const HarnessLocation h = find_harness();
    EXPECT_TRUE(h.path.empty());
    EXPECT_NE(h.error.find("/tests/measure/python/harness.py"), std::string::npos) << h.error;
}

}  // namespace perfmatrix::python
