#include "orchestrator/status_progress.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

CaseRecord outcome(const std::string& benchmark, const std::string& status) {
    CaseRecord c;
    c.case_id = benchmark + "/" + status;
    c.benchmark = benchmark;
    c.status = status;
    return c;
}

TEST(StatusProgress, CountsPerBenchmarkAndWhatIsLeft) {
    Results r;
    r.meta.planned_cases = 9;
    r.meta.planned_per_benchmark = {{"a", 4}, {"b", 5}};
    r.cases = {outcome("b", "ok"), outcome("a", "ok"), outcome("a", "timeout"), outcome("b", "skipped"),
               outcome("b", "unschedulable")};
    const StatusCounts s = count_status(r);
    ASSERT_EQ(s.benchmarks.size(), 2u);
    EXPECT_EQ(s.benchmarks[0].benchmark, "a");  // the plan's order, not the commit order
    EXPECT_EQ(s.benchmarks[0].done, 1);
    EXPECT_EQ(s.benchmarks[0].failed, 1);
    EXPECT_EQ(s.benchmarks[0].left, 2);
    EXPECT_EQ(s.benchmarks[1].done, 1);
    EXPECT_EQ(s.benchmarks[1].failed, 1);
    EXPECT_EQ(s.benchmarks[1].skipped, 1);
    EXPECT_EQ(s.benchmarks[1].left, 2);
    EXPECT_EQ(s.total.done, 2);
    EXPECT_EQ(s.total.left, 4);
}

TEST(StatusProgress, FileWithoutPerBenchmarkPlanKnowsOnlyTheTotal) {
    Results r;
    r.meta.planned_cases = 3;
    r.cases = {outcome("a", "ok")};
    const StatusCounts s = count_status(r);
    ASSERT_EQ(s.benchmarks.size(), 1u);
    EXPECT_FALSE(s.benchmarks[0].planned.has_value());
    EXPECT_FALSE(s.benchmarks[0].left.has_value());
    EXPECT_EQ(s.total.left, 2);
}

TEST(StatusProgress, NothingLeftIsNeverNegative) {
    Results r;
    r.meta.planned_cases = 1;
    r.meta.planned_per_benchmark = {{"a", 1}};
    r.cases = {outcome("a", "ok"), outcome("a", "signaled")};
    EXPECT_EQ(count_status(r).total.left, 0);
}

}  // namespace
}  // namespace perfmatrix
