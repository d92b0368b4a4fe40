#include "analysis/stats/sorted_values.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace perfmatrix {
namespace {

// Sizes on both sides of the radix threshold (2^16), values of every sign and magnitude.
TEST(SortedValues, AgreesWithStdSortOnBothPaths) {
    std::mt19937_64 rng(7);
    std::normal_distribution<double> wide(0, 1e6);
    std::lognormal_distribution<double> timing(-6, 0.5);
    for (std::size_t n : {0u, 1u, 2u, 1000u, 65535u, 65536u, 300000u}) {
        std::vector<double> v(n);
        for (std::size_t i = 0; i < n; ++i) v[i] = i % 3 ? timing(rng) : wide(rng);
        if (n > 10) {
            v[1] = std::numeric_limits<double>::infinity();
            v[2] = -std::numeric_limits<double>::infinity();
            v[3] = 0.0;
            v[4] = -1e-300;
            v[5] = std::numeric_limits<double>::denorm_min();
        }
        std::vector<double> expected = v;
        std::sort(expected.begin(), expected.end());
        EXPECT_EQ(sorted_values(v), expected) << "n=" << n;
    }
}

TEST(SortedValues, SignedZerosKeepTheirOrderAndValue) {
    std::vector<double> v(70000, 1.0);
    v[10] = 0.0;
    v[20] = -0.0;
    v[30] = -2.0;
    const std::vector<double> s = sorted_values(v);
    EXPECT_EQ(s[0], -2.0);
    EXPECT_TRUE(std::signbit(s[1]));
    EXPECT_EQ(s[1], 0.0);
    EXPECT_FALSE(std::signbit(s[2]));
    EXPECT_EQ(s[3], 1.0);
}

}  // namespace
}  // namespace perfmatrix
