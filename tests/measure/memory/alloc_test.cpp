#include "measure/memory/alloc_rounds.hpp"
#include "measure/memory/alloc_runner.hpp"
#include "measure/model/case_json.hpp"

#include "tests/measure/memory/memory_case.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace perfmatrix::memory {
namespace {

using memory_test::memory_case;
using memory_test::metric;
namespace fs = std::filesystem;

// Under ASan (the asan preset) malloc is ASan's own: the runner rightly refuses to call it glibc's,
// and ASan refuses to start under a preloaded jemalloc/tcmalloc. Nothing here can be measured there.
#if defined(__SANITIZE_ADDRESS__)
#define SKIP_UNDER_ASAN() GTEST_SKIP() << "malloc is ASan's in this build: no allocator can be measured"
#else
#define SKIP_UNDER_ASAN() static_cast<void>(0)
#endif

TEST(AllocRounds, FreeOrders) {
    AllocParams p;
    p.count = 5;
    p.pattern = FreeOrder::lifo;
    EXPECT_EQ(AllocRounds(p, 1).free_order(), (std::vector<std::size_t>{4, 3, 2, 1, 0}));
    p.pattern = FreeOrder::fifo;
    EXPECT_EQ(AllocRounds(p, 1).free_order(), (std::vector<std::size_t>{0, 1, 2, 3, 4}));
    p.pattern = FreeOrder::random;
    p.count = 100;
    auto order = AllocRounds(p, 1).free_order();
    EXPECT_EQ(order, AllocRounds(p, 1).free_order()) << "seeded: the same order every run";
    EXPECT_NE(order, AllocRounds(p, 2).free_order()) << "each thread its own order";
    std::sort(order.begin(), order.end());
    for (std::size_t i = 0; i < order.size(); ++i) EXPECT_EQ(order[i], i) << "a permutation";
}

TEST(AllocRounds, RunsRoundsAndStops) {
    AllocParams p;
    p.size = 100;
    p.count = 50;
    AllocRounds loop(p, 1);
    const auto all = loop.run(4, [] { return false; });
    EXPECT_EQ(all.rounds_done, 4);
    EXPECT_EQ(all.null_blocks + all.damaged_blocks, 0);
    EXPECT_EQ(loop.run(4, [] { return true; }).rounds_done, 1);
}

TEST(AllocRunner, GlibcEveryPatternAndTwoThreads) {
    SKIP_UNDER_ASAN();
    for (const char* pattern : {"lifo", "fifo", "random"}) {
        const auto o = make_alloc_runner()->run(
            memory_case("memory_alloc", {{"pattern", pattern}, {"threads", 2}, {"min_batch_time", 0.01}}), {});
        ASSERT_EQ(o.status, status::ok) << pattern << ": " << o.reason;
        const double ops = *metric(o, "iterations");
        EXPECT_EQ(std::fmod(ops, 2 * 1000.0), 0.0) << "whole rounds of 1000 blocks on 2 threads";
        EXPECT_NEAR(*metric(o, "rate"), ops / *metric(o, "batch_time"), 1e-6 * *metric(o, "rate"));
        // Sanity only: a malloc/free pair takes nanoseconds to microseconds, never a millisecond.
        EXPECT_GT(*metric(o, "rate"), 1000.0);
        EXPECT_LT(*metric(o, "time"), 1e-3);
        EXPECT_EQ(memory_test::unit_of(o, "rate"), "ops/s");
    }
}

TEST(AllocRunner, RefusesToMeasureAnAllocatorThatIsNotActive) {
    SKIP_UNDER_ASAN();
    // This test process is not preloaded: measuring "jemalloc" here would measure glibc.
    const auto o = make_alloc_runner()->run(memory_case("memory_alloc", {{"allocator", "jemalloc"}, {"cycles", 1}}),
                                            {});
    EXPECT_EQ(o.status, status::error);
    EXPECT_NE(o.reason.find("allocator 'jemalloc' requested but malloc comes from glibc"), std::string::npos)
        << o.reason;
}

// Runs a case in a real perfmatrix-measure process (the path the orchestrator takes) and
// returns its outcome; `env` prefixes the command (e.g. an LD_PRELOAD of the caller's).
CaseOutcome measure(const Case& c, const std::string& env = "") {
    const fs::path dir = fs::temp_directory_path() / ("perfmatrix-memory-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const fs::path in = dir / "case.json", out = dir / "outcome.json";
    std::ofstream(in) << case_to_json(c).dump();
    const std::string cmd = env + " '" PERFMATRIX_MEASURE "' '" + in.string() + "' '" + out.string() + "'";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    std::stringstream text;
    text << std::ifstream(out).rdbuf();
    fs::remove_all(dir);
    return outcome_from_json(nlohmann::json::parse(text.str()));
}

TEST(AllocRunner, EachAllocatorRunsPreloadedInPerfmatrixMeasure) {
    SKIP_UNDER_ASAN();
    for (const char* allocator : {"glibc", "jemalloc", "tcmalloc"}) {
        const auto o = measure(memory_case("memory_alloc", {{"allocator", allocator}, {"size", 256}, {"cycles", 20}}));
        // ok means the runner found malloc defined by that allocator's library.
        EXPECT_EQ(o.status, status::ok) << allocator << ": " << o.reason;
        EXPECT_EQ(metric(o, "iterations"), 20 * 1000.0) << allocator;
    }
}

TEST(AllocRunner, GlibcCaseUnderAForeignPreloadFails) {
    SKIP_UNDER_ASAN();
    const auto o = measure(memory_case("memory_alloc", {{"allocator", "glibc"}, {"cycles", 1}}),
                           "LD_PRELOAD=libjemalloc.so.2");
    EXPECT_EQ(o.status, status::error);
    EXPECT_NE(o.reason.find("malloc comes from jemalloc"), std::string::npos) << o.reason;
}

TEST(AllocRunner, MissingAllocatorLibraryFailsTheCase) {
    SKIP_UNDER_ASAN();
    // The preload is already "there" (so no re-exec), but names a library that does not
    // exist: ld.so warns and goes on with glibc, and the runner must notice.
    const auto o = measure(memory_case("memory_alloc", {{"allocator", "tcmalloc"}, {"cycles", 1}}),
                           "LD_PRELOAD=/nonexistent/libtcmalloc.so.4 2>/dev/null");
    EXPECT_EQ(o.status, status::error);
    EXPECT_NE(o.reason.find("malloc comes from glibc"), std::string::npos) << o.reason;
}

}  // namespace
}  // namespace perfmatrix::memory
