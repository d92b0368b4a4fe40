#include "orchestrator/cluster/job_components.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

Case case_requiring(std::vector<std::string> caps) {
    Case c;
    c.settings.requires_ = std::move(caps);
    return c;
}

TEST(CountCaseNeeds, SplitsGpuFromOtherCases) {
    const auto n = count_case_needs(
        {case_requiring({}), case_requiring({"gpu"}), case_requiring({"cpu", "gpu"}), case_requiring({"cpu"})});
    EXPECT_EQ(n.gpu_cases, 2u);
    EXPECT_EQ(n.cpu_cases, 2u);
}

SubmitOptions options() {
    SubmitOptions o;
    o.partition = "cpu";
    o.nodes = 2;
    o.ntasks_per_node = 3;
    return o;
}

TEST(PlanComponents, CpuOnlyJobIsOneCpuComponent) {
    const auto c = plan_components({0, 5}, options());
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].partition, "cpu");
    EXPECT_EQ(c[0].nodes, 2);
    EXPECT_EQ(c[0].ntasks_per_node, 3);
    EXPECT_EQ(c[0].gres, "");
}

TEST(PlanComponents, MixedJobWithGpuPartitionIsHeterogeneousCpuFirst) {
    auto o = options();
    o.gpu_partition = "gpu";
    o.gpu_ntasks_per_node = 2;
    const auto c = plan_components({3, 4}, o);
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].role, "cpu");
    EXPECT_EQ(c[0].partition, "cpu");
    EXPECT_EQ(c[0].gres, "");
    EXPECT_EQ(c[1].role, "gpu");
    EXPECT_EQ(c[1].partition, "gpu");
    EXPECT_EQ(c[1].ntasks_per_node, 2);
    EXPECT_EQ(c[1].gres, "gpu:1");  // the default GPU request
}

TEST(PlanComponents, GpuRequestFollowsTheOptions) {
    auto o = options();
    o.gpu_partition = "gpu";
    o.gpus_per_node = "a100:2";
    const auto c = plan_components({1, 1}, o);
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[1].gres, "");
    EXPECT_EQ(c[1].gpus_per_node, "a100:2");
}

TEST(PlanComponents, GpuOnlyJobRunsWhollyOnTheGpuPartition) {
    auto o = options();
    o.gpu_partition = "gpu";
    const auto c = plan_components({4, 0}, o);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].partition, "gpu");
    EXPECT_EQ(c[0].gres, "gpu:1");
}

TEST(PlanComponents, MixedJobWithoutGpuPartitionGivesEveryRankGpus) {
    auto o = options();
    o.gres = "gpu:4";
    const auto c = plan_components({1, 1}, o);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].partition, "cpu");
    EXPECT_EQ(c[0].gres, "gpu:4");
}

}  // namespace
}  // namespace perfmatrix
