// Categories of the comparison summaries, and which way each kind's metrics improve.

#include "analysis/case_category.hpp"
#include "analysis/metric_orientation.hpp"
#include "compare_fixtures.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

std::string category_of(const std::string& kind, std::vector<std::pair<std::string, std::string>> env = {}) {
    CaseRecord c = testing::make_case("b/1", "b", kind, {}, {});
    c.environment = std::move(env);
    return case_category(c);
}

TEST(CaseCategory, FollowsTheKind) {
    EXPECT_EQ(category_of("spawn"), "startup");
    EXPECT_EQ(category_of("blas_gemm"), "compute");
    EXPECT_EQ(category_of("torch_matmul"), "compute");
    EXPECT_EQ(category_of("cublas_gemm"), "compute");
    EXPECT_EQ(category_of("memory_stream"), "memory");
    EXPECT_EQ(category_of("asio_tcp_echo"), "async");
    // A kind the rules do not know stays apart rather than joining an unrelated average.
    EXPECT_EQ(category_of("fpga_thing"), "fpga_thing");
}

TEST(CaseCategory, PythonWorkloadsUseTheirDeclaredCategory) {
    EXPECT_EQ(category_of("python_workload", {{"workload.category", "async"}}), "async");
    EXPECT_EQ(category_of("python_workload"), "python");
    EXPECT_EQ(category_of("python_workload", {{"workload.category", ""}}), "python");
}

TEST(CaseCategory, TheCaseEnvironmentOverridesTheKind) {
    EXPECT_EQ(category_of("spawn", {{"python.version", "3.12.1"}, {"category", "compute"}}), "compute");
}

TEST(MetricOrientation, RatesAreHigherIsBetterEverythingElseLower) {
    EXPECT_EQ(metric_better("wall_time", "s"), Better::lower);
    EXPECT_EQ(metric_better("max_rss", "bytes"), Better::lower);
    EXPECT_EQ(metric_better("latency_p50", "s"), Better::lower);
    EXPECT_EQ(metric_better("gflops", "GFLOP/s"), Better::higher);
    EXPECT_EQ(metric_better("bandwidth", "GB/s"), Better::higher);
    EXPECT_EQ(metric_better("rate", "ops/s"), Better::higher);
    EXPECT_EQ(metric_better("efficiency", "ratio"), Better::higher);
    EXPECT_EQ(metric_better("samples_per_s", ""), Better::higher);  // by name alone
    EXPECT_EQ(metric_better("throughput", "B/s"), Better::higher);  // by unit alone
    EXPECT_TRUE(is_duration_unit("µs"));
    EXPECT_FALSE(is_duration_unit("bytes"));
}

}  // namespace
}  // namespace perfmatrix
