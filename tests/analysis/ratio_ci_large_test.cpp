// The O(1) order-statistic draw of a resampled median (ratio_ci.hpp) against the histogram
// draw it replaces for large samples: same data, same interval up to Monte-Carlo error; and
// coverage of the true ratio on samples large enough to take the O(1) path.

#include "analysis/stats/ratio_ci.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace perfmatrix {
namespace {

std::vector<double> lognormal_sorted(std::mt19937_64& rng, std::size_t n, double scale) {
    std::lognormal_distribution<double> d(-4.0, 0.3);
    std::vector<double> v(n);
    for (double& x : v) x = scale * d(rng);
    std::sort(v.begin(), v.end());
    return v;
}

BootstrapSettings forced(bool order_statistics, std::uint64_t seed) {
    BootstrapSettings o;
    o.resamples = 4000;
    o.seed = seed;
    o.order_statistics_from = order_statistics ? 0 : SIZE_MAX;
    return o;
}

TEST(RatioCiLarge, OrderStatisticsAndHistogramGiveTheSameIntervalOnOddAndEvenSizes) {
    std::mt19937_64 rng(5);
    for (std::size_t n : {601u, 800u}) {
        const auto base = lognormal_sorted(rng, n, 1.0), fresh = lognormal_sorted(rng, n, 1.1);
        const RatioCi h = median_ratio_ci(base, fresh, forced(false, 1));
        const RatioCi o = median_ratio_ci(base, fresh, forced(true, 2));
        EXPECT_EQ(h.ratio, o.ratio);
        // The interval is ~0.05 wide here; the Monte-Carlo error of a 2.5 % tail quantile at
        // B = 4000 is a few percent of that. A wrong distribution (e.g. the wrong order
        // statistic, or a resample of size n / 2) moves an end by 20 % of the width or more.
        const double width = h.high - h.low;
        EXPECT_NEAR(o.low, h.low, 0.08 * width) << "n=" << n;
        EXPECT_NEAR(o.high, h.high, 0.08 * width) << "n=" << n;
    }
}

TEST(RatioCiLarge, CoversTheTrueRatioOnLargeSamples) {
    // As test_against_scipy.py's coverage check, at n = 1000 (the O(1) path by default):
    // 200 trials, nominal 95 %, bound 90 % (~3.2 binomial standard errors under nominal).
    std::mt19937_64 rng(99);
    int covered = 0;
    for (int t = 0; t < 200; ++t) {
        const auto base = lognormal_sorted(rng, 1000, 1.0), fresh = lognormal_sorted(rng, 1000, 1.1);
        const RatioCi ci = median_ratio_ci(base, fresh);
        covered += ci.low <= 1.1 && 1.1 <= ci.high;
    }
    EXPECT_GE(covered, 180);
}

TEST(RatioCiLarge, TheSameDataGiveTheSameInterval) {
    std::mt19937_64 rng(3);
    const auto base = lognormal_sorted(rng, 2000, 1.0), fresh = lognormal_sorted(rng, 3001, 1.0);
    const RatioCi a = median_ratio_ci(base, fresh), b = median_ratio_ci(base, fresh);
    EXPECT_EQ(a.low, b.low);
    EXPECT_EQ(a.high, b.high);
}

}  // namespace
}  // namespace perfmatrix
