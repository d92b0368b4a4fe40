#include "orchestrator/run/topology.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

// Ranks 0-1 on node 0, 2-4 on node 1, 5 alone on node 2, 6-7 on node 3.
const std::vector<int> nodes{0, 0, 1, 1, 1, 2, 3, 3};

TEST(Topology, WithoutLeadersEveryWorkerTalksToRankZero) {
    const auto t = Topology::plan(nodes, false);
    EXPECT_EQ(t.parent(0), -1);
    for (int r = 1; r < 8; ++r) {
        EXPECT_EQ(t.parent(r), 0);
        EXPECT_FALSE(t.is_leader(r));
        EXPECT_EQ(t.hop(r), r);
    }
    EXPECT_EQ(t.leaders(), 0);
    EXPECT_EQ(t.children(0).size(), 7u);
}

TEST(Topology, EachOtherNodeWithTwoRanksGetsItsLowestRankAsLeader) {
    const auto t = Topology::plan(nodes, true);
    EXPECT_EQ(t.leaders(), 2);
    EXPECT_TRUE(t.is_leader(2));
    EXPECT_TRUE(t.is_leader(6));
    EXPECT_EQ(t.parent(2), 0);  // a leader talks to rank 0
    EXPECT_EQ(t.parent(3), 2);
    EXPECT_EQ(t.parent(4), 2);
    EXPECT_EQ(t.parent(7), 6);
    EXPECT_EQ(t.children(2), (std::vector<int>{3, 4}));
    EXPECT_EQ(t.children(0), (std::vector<int>{1, 2, 5, 6}));
    EXPECT_EQ(t.hop(4), 2);
    EXPECT_EQ(t.hop(2), 2);
}

TEST(Topology, RankZerosNodeAndALoneRankHaveNoLeader) {
    const auto t = Topology::plan(nodes, true);
    EXPECT_FALSE(t.is_leader(1));
    EXPECT_EQ(t.parent(1), 0);
    EXPECT_FALSE(t.is_leader(5));
    EXPECT_EQ(t.parent(5), 0);
    EXPECT_EQ(Topology::plan({0, 0, 0}, true).leaders(), 0);
}

TEST(Topology, OneRank) {
    const Topology t;
    EXPECT_EQ(t.size(), 1);
    EXPECT_EQ(t.parent(0), -1);
    EXPECT_TRUE(t.children(0).empty());
}

}  // namespace
}  // namespace perfmatrix
