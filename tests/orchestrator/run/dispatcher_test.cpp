#include "orchestrator/run/dispatcher.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

CaseSettings exclusive() { return {}; }
CaseSettings shared() {
    CaseSettings s;
    s.placement = Placement::shared;
    return s;
}
CaseSettings needs_gpu() {
    CaseSettings s;
    s.requires_ = {"gpu"};
    return s;
}

TEST(Dispatcher, HandsCasesOutInOrderToIdleWorkers) {
    Dispatcher s({{1, 0, {"cpu"}}, {2, 1, {"cpu"}}});  // two nodes
    for (std::size_t i = 0; i < 3; ++i) s.add(i, exclusive());
    auto a = s.next();
    auto b = s.next();
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->case_index, 0u);
    EXPECT_EQ(a->rank, 1);
    EXPECT_EQ(b->case_index, 1u);
    EXPECT_EQ(b->rank, 2);
    EXPECT_FALSE(s.next()) << "both workers busy";
    s.finished(2);
    auto c = s.next();
    ASSERT_TRUE(c);
    EXPECT_EQ(c->case_index, 2u);
    EXPECT_EQ(c->rank, 2) << "the idle worker gets the next case";
    EXPECT_EQ(s.pending(), 0u);
    EXPECT_EQ(s.running(), 2u);
}

TEST(Dispatcher, RoundsOfOneCaseSpreadOverRanks) {
    // Two idle workers on two nodes; four rounds of case 7. Whenever both are idle, the next
    // round goes to the rank that has run case 7 less, so the rounds alternate.
    Dispatcher s({{1, 0, {"cpu"}}, {2, 1, {"cpu"}}});
    for (std::size_t i = 0; i < 4; ++i) s.add(i, exclusive(), 7);
    std::vector<int> ranks;
    for (int k = 0; k < 4; ++k) {
        auto a = s.next();
        ASSERT_TRUE(a);
        ranks.push_back(a->rank);
        s.finished(a->rank);  // one at a time: both workers idle at every choice
    }
    EXPECT_EQ(ranks, (std::vector<int>{1, 2, 1, 2}));
}

TEST(Dispatcher, NeverTwoExclusiveCasesOnOneNode) {
    Dispatcher s({{1, 0, {"cpu"}}, {2, 0, {"cpu"}}, {3, 0, {"cpu"}}});  // one node
    s.add(0, exclusive());
    s.add(1, exclusive());
    ASSERT_TRUE(s.next());
    EXPECT_FALSE(s.next()) << "a second exclusive case would share the node";
    s.finished(1);
    auto b = s.next();
    ASSERT_TRUE(b);
    EXPECT_EQ(b->case_index, 1u);
}

TEST(Dispatcher, SharedCasesShareButNotWithExclusive) {
    Dispatcher s({{1, 0, {"cpu"}}, {2, 0, {"cpu"}}, {3, 0, {"cpu"}}});
    s.add(0, shared());
    s.add(1, shared());
    s.add(2, exclusive());
    s.add(3, shared());
    auto a = s.next(), b = s.next();
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->case_index, 0u);
    EXPECT_EQ(b->case_index, 1u);
    // Case 2 (exclusive) cannot start beside them; case 3 (shared) may, and jumps ahead.
    auto c = s.next();
    ASSERT_TRUE(c);
    EXPECT_EQ(c->case_index, 3u);
    EXPECT_FALSE(s.next());
    s.finished(a->rank);
    s.finished(b->rank);
    EXPECT_FALSE(s.next()) << "one shared case still runs on the node";
    s.finished(c->rank);
    auto d = s.next();
    ASSERT_TRUE(d);
    EXPECT_EQ(d->case_index, 2u);
    EXPECT_FALSE(s.next());
}

TEST(Dispatcher, ExclusiveCasesRunSideBySideOnDifferentNodes) {
    Dispatcher s({{1, 0, {"cpu"}}, {2, 0, {"cpu"}}, {3, 1, {"cpu"}}});
    s.add(0, exclusive());
    s.add(1, exclusive());
    auto a = s.next(), b = s.next();
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->rank, 1);
    EXPECT_EQ(b->rank, 3) << "rank 2 shares node 0 with rank 1";
}

TEST(Dispatcher, RequirementsPickTheRightWorker) {
    Dispatcher s({{1, 0, {"cpu"}}, {2, 1, {"cpu", "gpu"}}});
    s.add(0, needs_gpu());
    s.add(1, exclusive());
    auto a = s.next();
    ASSERT_TRUE(a);
    EXPECT_EQ(a->case_index, 0u);
    EXPECT_EQ(a->rank, 2);
    auto b = s.next();
    ASSERT_TRUE(b);
    EXPECT_EQ(b->rank, 1);
}

TEST(Dispatcher, AGpuCaseWaitsForTheGpuWorkerWithoutBlockingCpuCases) {
    Dispatcher s({{1, 0, {"cpu"}}, {2, 1, {"cpu", "gpu"}}});
    s.add(0, needs_gpu());
    s.add(1, needs_gpu());
    s.add(2, exclusive());
    EXPECT_EQ(s.next()->rank, 2);
    auto b = s.next();
    ASSERT_TRUE(b);
    EXPECT_EQ(b->case_index, 2u) << "the second gpu case waits; the cpu case goes to rank 1";
    EXPECT_EQ(b->rank, 1);
}

TEST(Dispatcher, UnschedulableWhenNoRankHasTheCapability) {
    Dispatcher s({{1, 0, {"cpu"}}, {2, 0, {"cpu"}}});
    auto why = s.unschedulable_reason(needs_gpu());
    ASSERT_TRUE(why);
    EXPECT_NE(why->find("requires gpu"), std::string::npos) << *why;
    EXPECT_NE(why->find("2 worker ranks"), std::string::npos) << *why;
    EXPECT_FALSE(s.unschedulable_reason(exclusive()));
}

TEST(Dispatcher, RunningCaseIsTrackedPerRank) {
    Dispatcher s({{1, 0, {"cpu"}}});
    s.add(7, exclusive());
    EXPECT_FALSE(s.running_case(1));
    ASSERT_TRUE(s.next());
    EXPECT_EQ(s.running_case(1), 7u);
    EXPECT_EQ(s.busy_ranks(), std::vector<int>{1});
    s.finished(1);
    EXPECT_TRUE(s.busy_ranks().empty());
}

}  // namespace
}  // namespace perfmatrix
