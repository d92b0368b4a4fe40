// Categories of the comparison summaries, and which units are durations.

#include "analysis/text/units.hpp"
#include "analysis/view/case_category.hpp"
#include "compare_fixtures.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

std::string category_for(const std::string& kind, std::vector<std::pair<std::string, std::string>> env = {}) {
    CaseRecord c = testing::make_case("b/1", "b", kind, {}, {});
    c.environment = std::move(env);
    return case_category(c);
}

TEST(CaseCategory, FollowsTheKind) {
    EXPECT_EQ(category_for("spawn"), "startup");
    EXPECT_EQ(category_for("blas_gemm"), "compute");
    EXPECT_EQ(category_for("torch_matmul"), "compute");
    EXPECT_EQ(category_for("cublas_gemm"), "compute");
    EXPECT_EQ(category_for("memory_stream"), "memory");
    EXPECT_EQ(category_for("asio_tcp_echo"), "async");
    // A kind this build does not know stays apart rather than joining an unrelated average.
    EXPECT_EQ(category_for("fpga_thing"), "fpga_thing");
}

TEST(CaseCategory, PythonWorkloadsUseTheirDeclaredCategory) {
    EXPECT_EQ(category_for("python_workload", {{"category", "async"}}), "async");
    EXPECT_EQ(category_for("python_workload"), "python");
    EXPECT_EQ(category_for("python_workload", {{"category", ""}}), "python");
}

TEST(CaseCategory, TheCaseEnvironmentOverridesTheKind) {
    EXPECT_EQ(category_for("spawn", {{"python.version", "3.12.1"}, {"category", "compute"}}), "compute");
}

TEST(CaseCategory, TheFileSaysItOverEverythingElse) {
    CaseRecord c = testing::make_case("b/1", "b", "spawn", {}, {});
    c.category = "memory";  // as read back from the `cases` column
    EXPECT_EQ(case_category(c), "memory");
}

TEST(MetricUnits, DurationsAreTheUnitsFormattedAsTimes) {
    EXPECT_TRUE(is_duration_unit("µs"));
    EXPECT_TRUE(is_duration_unit("s"));
    EXPECT_FALSE(is_duration_unit("bytes"));
    EXPECT_FALSE(is_duration_unit("GB/s"));
}

}  // namespace
}  // namespace perfmatrix
