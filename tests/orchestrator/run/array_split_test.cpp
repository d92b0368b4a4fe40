#include "orchestrator/run/array_split.hpp"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>

namespace perfmatrix {
namespace {

std::string error_of(int split, std::optional<int> index, const char* env) {
    try {
        resolve_array_share(split, index, env);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

TEST(ArraySplit, NoSplitIsTheWholeJob) {
    const ArrayShare s = resolve_array_share(0, std::nullopt, "5");
    EXPECT_EQ(s.count, 1);
    EXPECT_EQ(s.index, 0);
    EXPECT_EQ(cases_of_share(4, s), (std::vector<std::size_t>{0, 1, 2, 3}));
}

TEST(ArraySplit, IndexFromOptionOrSlurm) {
    EXPECT_EQ(resolve_array_share(3, 1, nullptr).index, 1);
    EXPECT_EQ(resolve_array_share(3, 1, "2").index, 1);  // the option wins
    EXPECT_EQ(resolve_array_share(3, std::nullopt, "2").index, 2);
}

TEST(ArraySplit, ClearErrors) {
    EXPECT_NE(error_of(3, std::nullopt, nullptr).find("$SLURM_ARRAY_TASK_ID"), std::string::npos);
    EXPECT_NE(error_of(3, std::nullopt, "").find("needs --array-index"), std::string::npos);
    EXPECT_NE(error_of(3, 3, nullptr).find("--array-index 3 is out of range for --array-split 3: expected 0 to 2"),
              std::string::npos);
    EXPECT_NE(error_of(3, std::nullopt, "7").find("--array-index 7 is out of range"), std::string::npos);
    EXPECT_NE(error_of(3, -1, nullptr).find("out of range"), std::string::npos);
    EXPECT_NE(error_of(3, std::nullopt, "x1").find("$SLURM_ARRAY_TASK_ID is 'x1'"), std::string::npos);
    EXPECT_NE(error_of(0, 1, nullptr).find("--array-index needs --array-split"), std::string::npos);
    EXPECT_NE(error_of(-2, 0, nullptr).find("--array-split: expected a positive integer"), std::string::npos);
}

TEST(ArraySplit, SharesPartitionTheCasesRoundRobin) {
    constexpr std::size_t n = 10;
    std::multiset<std::size_t> all;
    for (int i = 0; i < 3; ++i) {
        const auto share = cases_of_share(n, {3, i});
        for (std::size_t k : share) {
            EXPECT_EQ(k % 3, static_cast<std::size_t>(i));
            all.insert(k);
        }
        EXPECT_TRUE(share.size() == 3 || share.size() == 4);
    }
    EXPECT_EQ(all.size(), n);
    EXPECT_EQ(std::set<std::size_t>(all.begin(), all.end()).size(), n);  // each case exactly once
}

TEST(ArraySplit, MoreSharesThanCasesLeavesSomeEmpty) {
    EXPECT_EQ(cases_of_share(2, {4, 3}).size(), 0u);
    EXPECT_EQ(cases_of_share(2, {4, 1}), (std::vector<std::size_t>{1}));
}

}  // namespace
}  // namespace perfmatrix
