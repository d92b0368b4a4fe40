// analysis/stats/parallel_for.hpp: every index once, exceptions carried back to the caller.

#include "analysis/stats/parallel_for.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

namespace perfmatrix {
namespace {

TEST(ParallelFor, RunsEveryIndexExactlyOnce) {
    for (std::size_t count : {0u, 1u, 2u, 1000u}) {
        std::vector<std::atomic<int>> runs(count);
        parallel_for(count, [&](std::size_t i) { ++runs[i]; });
        for (std::size_t i = 0; i < count; ++i) EXPECT_EQ(runs[i].load(), 1) << "index " << i << " of " << count;
    }
}

TEST(ParallelFor, RethrowsWhatAnIndexThrew) {
    EXPECT_THROW(parallel_for(100,
                              [](std::size_t i) {
                                  if (i == 37) throw std::runtime_error("index 37");
                              }),
                 std::runtime_error);
}

}  // namespace
}  // namespace perfmatrix
