// The real python/harness.py (the build's copy, the one perfmatrix-measure uses) under
// Debian's python3: the runner and the harness agree on the protocol.
#include "python_case.hpp"

#include "measure/model/case_json.hpp"
#include "measure/system/process.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace perfmatrix::python_test {
namespace {

namespace fs = std::filesystem;

// Small and fixed-size, so each sample is quick and loop calibration is skipped.
Case fannkuch(CaseSettings s = settings(1, 3)) {
    Case c = fake_case("fannkuch", s, {{"args", {{"n", "5"}}}, {"loops", 2}});
    c.id = "test/fannkuch";
    return c;
}

CaseOutcome run_real(const Case& c) { return run_with(PERFMATRIX_BUILT_HARNESS, c); }

// Through perfmatrix-measure, as a worker runs it: the harness is found beside it, with no
// PERFMATRIX_HARNESS (the child's environment is built from the test's).
CaseOutcome run_measure(const Case& c) {
    char dir_template[] = "/tmp/perfmatrix-python-XXXXXX";
    const fs::path dir = ::mkdtemp(dir_template);
    std::ofstream(dir / "case.json") << case_to_json(c).dump();
    ::unsetenv("PERFMATRIX_HARNESS");
    ProcessSpec spec;
    spec.argv = {PERFMATRIX_MEASURE, (dir / "case.json").string(), (dir / "outcome.json").string()};
    WatchSpec watch;
    watch.timeout = 60;
    const ProcessResult r = run_process(spec, watch);
    EXPECT_EQ(r.ending, Ending::exited) << r.stderr_tail;
    EXPECT_EQ(r.exit_code, 0) << r.stderr_tail;
    std::stringstream text;
    text << std::ifstream(dir / "outcome.json").rdbuf();
    fs::remove_all(dir);
    return outcome_from_json(nlohmann::json::parse(text.str()));
}

}  // namespace

TEST(RealHarness, ListsItsWorkloads) {
    ProcessSpec spec;
    spec.argv = {PERFMATRIX_TEST_PYTHON, PERFMATRIX_BUILT_HARNESS, "--list"};
    spec.capture_bytes = 1 << 20;
    const ProcessResult r = run_process(spec, WatchSpec{});
    ASSERT_EQ(r.exit_code, 0) << r.stderr_tail;
    const auto list = nlohmann::json::parse(r.stdout_tail);
    bool found = false;
    for (const auto& w : list.at("workloads")) found = found || w.at("name") == "fannkuch";
    EXPECT_TRUE(found);
}

TEST(RealHarness, AComputeWorkloadGivesSamplesAndIdentity) {
    const CaseOutcome o = run_real(fannkuch());
    ASSERT_EQ(o.status, status::ok) << o.reason;
    const auto times = samples_of(o, "time");
    ASSERT_EQ(times.size(), 4u);  // 1 warm-up, 3 samples
    EXPECT_TRUE(times[0].warmup);
    for (int i = 0; i < 3; ++i) {
        EXPECT_FALSE(times[1 + i].warmup);
        EXPECT_EQ(times[1 + i].repetition, i);
        EXPECT_GT(times[1 + i].value, 0.0);
        EXPECT_EQ(times[1 + i].unit, "s");
    }
    EXPECT_EQ(samples_of(o, "loops").at(1).value, 2.0);  // fixed by the case
    EXPECT_EQ(samples_of(o, "max_rss").size(), 1u);
    EXPECT_EQ(env_value(o, "python.executable"), PERFMATRIX_TEST_PYTHON);
    EXPECT_EQ(env_value(o, "python.implementation"), "cpython");
    EXPECT_EQ(env_value(o, "python.version").value_or("").rfind("3.", 0), 0u);
    EXPECT_EQ(env_value(o, "python.flags.isolated"), "1");
    EXPECT_EQ(env_value(o, "python.flags.ignore_environment"), "1");
    EXPECT_TRUE(env_value(o, "package.numpy"));
    EXPECT_TRUE(env_value(o, "harness.version"));
    EXPECT_EQ(env_value(o, "category"), "compute");  // what compare groups geomeans by
}

// numpy's BLAS, as claimed by its build and as loaded, goes into the case's environment: Debian's
// numpy links the generic libblas.so.3, which the alternatives resolve to OpenBLAS.
TEST(RealHarness, ANumpyWorkloadRecordsTheBlasItLoaded) {
    const CaseOutcome o = run_real(
        fake_case("np_matmul", settings(0, 1), {{"args", {{"n", "16"}, {"threads", "1"}}}, {"loops", 1}}));
    ASSERT_EQ(o.status, status::ok) << o.reason;
    EXPECT_EQ(env_value(o, "workload.blas.loaded"), "openblas");
    EXPECT_EQ(env_value(o, "workload.blas.verified").value_or("").rfind("yes", 0), 0u)
        << env_value(o, "workload.blas.verified").value_or("(none)");
    EXPECT_NE(env_value(o, "workload.blas.config").value_or("").find("OpenBLAS"), std::string::npos);
    EXPECT_TRUE(env_value(o, "workload.blas.library"));
}

TEST(RealHarness, AFixedHashSeedTakesEffectWithoutIsolation) {
    const CaseOutcome o = run_real(
        fake_case("fannkuch", settings(0, 1), {{"args", {{"n", "5"}}}, {"loops", 1}, {"flags", {"-s"}}}));
    ASSERT_EQ(o.status, status::ok) << o.reason;
    EXPECT_EQ(env_value(o, "python.hash_seed"), "0");
    EXPECT_EQ(env_value(o, "python.flags.hash_randomization"), "0");
    EXPECT_EQ(env_value(o, "python.flags.no_user_site"), "1");
}

TEST(RealHarness, ABadWorkloadParameterIsAnErrorNamingIt) {
    const CaseOutcome o = run_real(fake_case("fannkuch", settings(0, 1), {{"args", {{"n", "many"}}}}));
    EXPECT_EQ(o.status, status::error);
    EXPECT_NE(o.reason.find("'n'"), std::string::npos) << o.reason;
    const CaseOutcome unknown = run_real(fake_case("no_such_workload", settings(0, 1)));
    EXPECT_EQ(unknown.status, status::error);
    EXPECT_NE(unknown.reason.find("unknown workload"), std::string::npos) << unknown.reason;
}

TEST(RealHarness, ImportTimesArriveAsComponents) {
    const CaseOutcome o = run_real(fake_case("importtime", settings(0, 2), {{"args", {{"modules", "json"}}}}));
    ASSERT_EQ(o.status, status::ok) << o.reason;
    bool json_self = false;
    for (const auto& c : o.components) json_self = json_self || (c.component == "json" && c.metric == "import_self");
    EXPECT_TRUE(json_self);
}

// pymalloc, allocator and jit go into the child's environment; the harness checks from inside
// that they took effect (runtime_settings.hpp).
TEST(RealHarness, PymallocIsSetAndSeenFromInside) {
    const CaseOutcome o = run_real(
        fake_case("alloc_small", settings(0, 1), {{"args", {{"count", "50"}}}, {"loops", 1}, {"pymalloc", "malloc"}}));
    ASSERT_EQ(o.status, status::ok) << o.reason;
    EXPECT_EQ(env_value(o, "python.allocator"), "malloc");
    EXPECT_EQ(env_value(o, "python.flags.isolated"), "0");  // -s, so that PYTHONMALLOC is read
    EXPECT_EQ(env_value(o, "python.flags.no_user_site"), "1");
}

TEST(RealHarness, APreloadedMallocIsSeenFromInside) {
    const CaseOutcome o = run_real(fake_case("alloc_small", settings(0, 1),
                                             {{"args", {{"count", "50"}}}, {"loops", 1}, {"allocator", "jemalloc"}}));
    ASSERT_EQ(o.status, status::ok) << o.reason;
    EXPECT_EQ(env_value(o, "python.malloc"), "jemalloc");
    EXPECT_EQ(env_value(o, "python.flags.isolated"), "1");  // LD_PRELOAD is the loader's: -I stays
}

TEST(RealHarness, AMallocOtherThanTheOneAskedForFailsTheCase) {
    // The worker's LD_PRELOAD, let through on purpose, replaces the glibc malloc the case asks for.
    ::setenv("LD_PRELOAD", "libjemalloc.so.2", 1);
    const CaseOutcome o = run_real(
        fake_case("alloc_small", settings(0, 1),
                  {{"args", {{"count", "50"}}}, {"allocator", "glibc"}, {"inherit_env", {"LD_PRELOAD"}}}));
    ::unsetenv("LD_PRELOAD");
    EXPECT_EQ(o.status, status::error);
    EXPECT_NE(o.reason.find("malloc comes from jemalloc"), std::string::npos) << o.reason;
    EXPECT_TRUE(samples_of(o, "time").empty());
}

TEST(RealHarness, JitOnABuildWithoutOneIsSkippedWithTheReason) {
    const CaseOutcome o = run_real(fake_case("nbody", settings(0, 1), {{"jit", "on"}}));
    EXPECT_EQ(o.status, status::skipped);
    EXPECT_NE(o.reason.find("has no JIT"), std::string::npos) << o.reason;
    EXPECT_EQ(env_value(o, "python.jit_available"), "false");
}

TEST(RealHarness, AMissingInterpreterFailsOrIsSkippedAsAsked) {
    const nlohmann::json missing = {{"python", "/nonexistent/bin/pypy3"}};
    Case c = fake_case("nbody", settings(0, 1), missing);
    EXPECT_EQ(run_real(c).status, status::exec_failed);
    c.params["if_missing"] = "skip";
    const CaseOutcome o = run_real(c);
    EXPECT_EQ(o.status, status::skipped);
    EXPECT_NE(o.reason.find("'/nonexistent/bin/pypy3' is not installed here"), std::string::npos) << o.reason;
}

TEST(RealHarness, PerfmatrixMeasureFindsTheHarnessBesideIt) {
    const CaseOutcome o = run_measure(fannkuch(settings(0, 2)));
    ASSERT_EQ(o.status, status::ok) << o.reason;
    EXPECT_EQ(samples_of(o, "time").size(), 2u);
    EXPECT_EQ(env_value(o, "python.executable"), PERFMATRIX_TEST_PYTHON);
    EXPECT_NE(env_value(o, "python.argv").value_or("").find("/python/harness.py"), std::string::npos);
}

}  // namespace perfmatrix::python_test
