// search_batch_size against batches whose duration is a known function of their size.
#include "measure/batch_size_search.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace perfmatrix {
namespace {

TEST(BatchSizeSearch, StopsAtTheFirstSizeThatReachesTheTarget) {
    std::vector<std::uint64_t> tried;
    BatchSearch search;
    search.target = 0.05;
    const auto found = search_batch_size(
        [&](std::uint64_t n) -> std::optional<double> {
            tried.push_back(n);
            return static_cast<double>(n) * 1e-6;  // 1 us per operation
        },
        search);
    ASSERT_TRUE(found);
    EXPECT_GE(found->seconds, 0.05);
    EXPECT_EQ(found->seconds, static_cast<double>(found->size) * 1e-6);
    // 1 -> 100 -> 10000 (x100 caps) -> 60000 (20 % past the target).
    EXPECT_EQ(tried, (std::vector<std::uint64_t>{1, 100, 10000, 60000}));
}

TEST(BatchSizeSearch, GrowsAtLeastTwofold) {
    EXPECT_EQ(next_batch_size(10, 1.0, 1.1, 1000), 20u);    // 1.32x wanted, 2x taken
    EXPECT_EQ(next_batch_size(10, 0.0, 1.0, 1000), 1000u);  // too fast to time: x100
    EXPECT_EQ(next_batch_size(10, 1e-9, 1.0, 500), 500u);   // never above max
}

TEST(BatchSizeSearch, ConfirmationsRetryTheSameSize) {
    // The first batch of each size is cold and twice as slow as the warm ones.
    std::vector<std::uint64_t> tried;
    BatchSearch search;
    search.target = 0.01;
    search.confirmations = 2;
    const auto found = search_batch_size(
        [&](std::uint64_t n) -> std::optional<double> {
            const bool cold = tried.empty() || tried.back() != n;
            tried.push_back(n);
            return static_cast<double>(n) * 1e-4 * (cold ? 2 : 1);
        },
        search);
    ASSERT_TRUE(found);
    // 1 (0.2 ms) -> 60 (cold 12 ms: long enough once) -> 60 (warm 6 ms: not) -> 120 (cold 24 ms)
    // -> 120 (warm 12 ms: twice in a row).
    EXPECT_EQ(tried, (std::vector<std::uint64_t>{1, 60, 60, 120, 120}));
    EXPECT_EQ(found->size, 120u);
}

TEST(BatchSizeSearch, MaxEndsTheSearch) {
    BatchSearch search;
    search.target = 1.0;
    search.max = 300;
    const auto found = search_batch_size(
        [](std::uint64_t n) -> std::optional<double> { return static_cast<double>(n) * 1e-6; }, search);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->size, 300u);
}

TEST(BatchSizeSearch, ABatchCutShortEndsTheSearch) {
    int calls = 0;
    const auto found = search_batch_size(
        [&](std::uint64_t) -> std::optional<double> {
            if (++calls == 3) return std::nullopt;
            return 1e-6;
        },
        BatchSearch{});
    EXPECT_FALSE(found);
    EXPECT_EQ(calls, 3);
}

}  // namespace
}  // namespace perfmatrix
