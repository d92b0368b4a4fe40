#include "measure/kind_registry.hpp"
#include "measure/memory/alloc_params.hpp"
#include "measure/memory/allocator_preload.hpp"
#include "measure/memory/faults_params.hpp"
#include "measure/memory/stream_params.hpp"
#include "measure/model/kind.hpp"
#include "measure/model/runner.hpp"
#include "measure/system/ld_preload.hpp"
#include "measure/system/topology.hpp"

#include "tests/measure/memory/memory_case.hpp"

#include "tests/support/params_test_support.hpp"

#include <gtest/gtest.h>

namespace perfmatrix::memory {
namespace {

using json = nlohmann::json;

std::string problem(const char* kind, const json& params) { return test::check_problem(kind, params); }

TEST(MemoryKinds, AreRegisteredWithRunners) {
    for (const char* kind : {"memory_stream", "memory_alloc", "memory_faults"}) {
        ASSERT_NE(find_kind(kind), nullptr) << kind;
        EXPECT_NE(make_runner(kind), nullptr) << kind;
        EXPECT_EQ(problem(kind, json::object()), "") << kind << ": every parameter has a default";
    }
}

TEST(StreamParams, DefaultsAndValues) {
    auto defaults = std::get<StreamParams>(parse_stream_params(json::object()));
    EXPECT_EQ(defaults.op, StreamOp::triad);
    EXPECT_EQ(defaults.size_mib, 0);
    EXPECT_EQ(defaults.threads, 1);
    EXPECT_EQ(defaults.batch.count, 0);
    auto p = std::get<StreamParams>(
        parse_stream_params({{"op", "copy"}, {"size_mib", 8}, {"threads", 2}, {"pin", true}}));
    EXPECT_EQ(p.op, StreamOp::copy);
    EXPECT_EQ(p.size_mib, 8);
    EXPECT_EQ(p.threads, 2);
    EXPECT_TRUE(p.pin);
}

TEST(StreamParams, RejectsBadValuesNamingTheParameter) {
    EXPECT_EQ(problem("memory_stream", {{"op", "fma"}}).rfind("op: 'fma' is not one of", 0), 0u);
    EXPECT_EQ(problem("memory_stream", {{"threads", 0}}).rfind("threads:", 0), 0u);
    EXPECT_EQ(problem("memory_stream", {{"size_mib", -1}}).rfind("size_mib:", 0), 0u);
    EXPECT_EQ(problem("memory_stream", {{"min_batch_time", 0.0}}).rfind("min_batch_time:", 0), 0u);
    EXPECT_EQ(problem("memory_stream", {{"iterations", "3"}}).rfind("iterations: expected an integer", 0), 0u);
    EXPECT_EQ(problem("memory_stream", {{"size", 1}}).rfind("size: unknown parameter", 0), 0u);
}

TEST(AllocParams, DefaultsValuesAndProblems) {
    auto d = std::get<AllocParams>(parse_alloc_params(json::object()));
    EXPECT_EQ(d.size, 64u);
    EXPECT_EQ(d.pattern, FreeOrder::lifo);
    EXPECT_EQ(d.count, 1000u);
    EXPECT_EQ(d.allocator, "glibc");
    auto p = std::get<AllocParams>(
        parse_alloc_params({{"size", 4096}, {"pattern", "random"}, {"allocator", "tcmalloc"}, {"cycles", 5}}));
    EXPECT_EQ(p.pattern, FreeOrder::random);
    EXPECT_EQ(p.allocator, "tcmalloc");
    EXPECT_EQ(p.batch.count, 5);
    EXPECT_EQ(problem("memory_alloc", {{"allocator", "mimalloc"}}).rfind("allocator:", 0), 0u);
    EXPECT_EQ(problem("memory_alloc", {{"pattern", "stack"}}).rfind("pattern:", 0), 0u);
    EXPECT_EQ(problem("memory_alloc", {{"size", 0}}).rfind("size:", 0), 0u);
    // Cross-field: 1 GiB blocks x 100 live x 1 thread is more than anything should hold.
    EXPECT_EQ(problem("memory_alloc", {{"size", 1 << 30}, {"count", 100}}).rfind("count: size x count", 0), 0u);
}

TEST(FaultsParams, DefaultsValuesAndProblems) {
    auto d = std::get<FaultsParams>(parse_faults_params(json::object()));
    EXPECT_EQ(d.size_mib, 64);
    EXPECT_EQ(d.mode, TouchMode::first_touch);
    EXPECT_FALSE(d.hugepages);
    auto p = std::get<FaultsParams>(parse_faults_params({{"mode", "warm"}, {"hugepages", true}, {"passes", 3}}));
    EXPECT_EQ(p.mode, TouchMode::warm);
    EXPECT_TRUE(p.hugepages);
    EXPECT_EQ(p.batch.count, 3);
    EXPECT_EQ(problem("memory_faults", {{"mode", "cold"}}).rfind("mode:", 0), 0u);
    EXPECT_EQ(problem("memory_faults", {{"size_mib", 0}}).rfind("size_mib:", 0), 0u);
    EXPECT_EQ(problem("memory_faults", {{"hugepages", "yes"}}).rfind("hugepages: expected true or false", 0), 0u);
}

TEST(AllocatorPreload, OnlyAllocCasesWithAnotherAllocatorNeedOne) {
    using memory_test::memory_case;
    EXPECT_EQ(preload_for(memory_case("memory_alloc", {{"allocator", "jemalloc"}})), "libjemalloc.so.2");
    EXPECT_EQ(preload_for(memory_case("memory_alloc", {{"allocator", "tcmalloc"}})), "libtcmalloc.so.4");
    EXPECT_EQ(preload_for(memory_case("memory_alloc", {{"allocator", "glibc"}})), std::nullopt);
    EXPECT_EQ(preload_for(memory_case("memory_alloc", json::object())), std::nullopt);
    EXPECT_EQ(preload_for(memory_case("spawn", {{"allocator", "jemalloc"}})), std::nullopt);
}

TEST(AllocatorPreload, RecognisesTheLibraryInLdPreload) {
    EXPECT_FALSE(preload_names(nullptr, "libjemalloc.so.2"));
    EXPECT_FALSE(preload_names("", "libjemalloc.so.2"));
    EXPECT_TRUE(preload_names("libjemalloc.so.2", "libjemalloc.so.2"));
    EXPECT_TRUE(preload_names("/a/libx.so:/usr/lib/libjemalloc.so.2", "libjemalloc.so.2"));
    EXPECT_TRUE(preload_names("libx.so libjemalloc.so.2", "libjemalloc.so.2"));
    EXPECT_FALSE(preload_names("/usr/lib/notlibjemalloc.so.2", "libjemalloc.so.2"));
    EXPECT_FALSE(preload_names("libjemalloc.so.2.1", "libjemalloc.so.2"));
}

TEST(AllocatorPreload, ThisTestRunsOnGlibcMalloc) {
#if defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "malloc is ASan's in this build (the asan preset)";
#endif
    EXPECT_EQ(active_allocator(), "glibc");
}

TEST(CacheSize, ParsesSysfsSizes) {
    EXPECT_EQ(parse_cache_size("32768K"), 32u << 20);
    EXPECT_EQ(parse_cache_size("2M"), 2u << 20);
    EXPECT_EQ(parse_cache_size("512"), 512u);
    EXPECT_EQ(parse_cache_size("x"), 0u);
    EXPECT_EQ(parse_cache_size("12Q"), 0u);
}

TEST(CacheSize, FindsALastLevelCacheHere) {
    // Every Linux machine this runs on exposes one, through sysfs or sysconf.
    const auto llc = last_level_cache();
    EXPECT_GE(llc.bytes, 256u * 1024) << llc.source;
    EXPECT_FALSE(llc.source.empty());
}

}  // namespace
}  // namespace perfmatrix::memory
