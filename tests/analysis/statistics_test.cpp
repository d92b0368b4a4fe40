#include "analysis/stats/statistics.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

namespace perfmatrix {
namespace {

// Expected numbers come from numpy 1.24.2 (Debian's /usr/bin/python3), computed once with:
//   med = np.median(x); q1, q3 = np.quantile(x, [.25, .75])   # numpy default = R type 7
//   mad = np.median(np.abs(x - med)); sd = np.std(x, ddof=1); cv = sd / x.mean()
constexpr double tol = 1e-12;

TEST(Summarize, MatchesNumpyOnTimingsWithAnOutlier) {
    const std::vector<double> x{0.0123, 0.0119, 0.0131, 0.0120, 0.0502, 0.0125, 0.0118};
    const Summary s = summarize(x);
    EXPECT_EQ(s.n, 7u);
    EXPECT_NEAR(s.median, 0.0123, tol);
    EXPECT_NEAR(s.mad, 0.0004, tol);
    EXPECT_NEAR(s.q1, 0.01195, tol);
    EXPECT_NEAR(s.q3, 0.0128, tol);
    EXPECT_NEAR(s.iqr, 0.00085, tol);
    EXPECT_DOUBLE_EQ(s.min, 0.0118);
    EXPECT_DOUBLE_EQ(s.max, 0.0502);
    EXPECT_NEAR(s.mean, 0.017685714285714287, tol);
    EXPECT_NEAR(s.stddev, 0.014344270467266548, tol);
    EXPECT_NEAR(s.cv, 0.8110653737549743, 1e-10);
    // np.percentile(x, [5, 95, 99]); np.median(x[1:])
    EXPECT_NEAR(s.p5, 0.01183, tol);
    EXPECT_NEAR(s.p95, 0.03907, tol);
    EXPECT_NEAR(s.p99, 0.047974, tol);
    EXPECT_DOUBLE_EQ(s.first, 0.0123);
    ASSERT_TRUE(s.median_of_rest);
    EXPECT_NEAR(*s.median_of_rest, 0.01225, tol);
    // n = 7: [x_(1), x_(7)] covers 1 - 2 / 2^7; j = 2 would cover only 87.5 %.
    ASSERT_TRUE(s.median_ci);
    EXPECT_EQ(s.median_ci->lower_rank, 1u);
    EXPECT_EQ(s.median_ci->upper_rank, 7u);
    EXPECT_DOUBLE_EQ(s.median_ci->lower, 0.0118);
    EXPECT_DOUBLE_EQ(s.median_ci->upper, 0.0502);
    EXPECT_DOUBLE_EQ(s.median_ci->coverage, 1 - 2.0 / 128);
}

TEST(Summarize, MatchesNumpyOnEvenCountWithTies) {
    const std::vector<double> x{3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
    const Summary s = summarize(x);
    EXPECT_EQ(s.n, 10u);
    EXPECT_DOUBLE_EQ(s.median, 3.5);
    EXPECT_DOUBLE_EQ(s.mad, 1.5);
    EXPECT_DOUBLE_EQ(s.q1, 2.25);
    EXPECT_DOUBLE_EQ(s.q3, 5.0);
    EXPECT_DOUBLE_EQ(s.iqr, 2.75);
    EXPECT_DOUBLE_EQ(s.min, 1);
    EXPECT_DOUBLE_EQ(s.max, 9);
    EXPECT_NEAR(s.mean, 3.9, tol);
    EXPECT_NEAR(s.stddev, 2.4698178070456938, tol);
    EXPECT_NEAR(s.cv, 0.6332866171912035, tol);
    EXPECT_NEAR(s.p5, 1.0, tol);
    EXPECT_NEAR(s.p95, 7.65, tol);
    EXPECT_NEAR(s.p99, 8.73, tol);
    // The first value (3) is left out once, not every 3: median of 1,4,1,5,9,2,6,5,3 = 4.
    ASSERT_TRUE(s.median_of_rest);
    EXPECT_DOUBLE_EQ(*s.median_of_rest, 4.0);
    // scipy.stats.binom: n = 10 -> j = 2, coverage 1 - 2 * binom.cdf(1, 10, .5) = 0.978515625.
    ASSERT_TRUE(s.median_ci);
    EXPECT_EQ(s.median_ci->lower_rank, 2u);
    EXPECT_EQ(s.median_ci->upper_rank, 9u);
    EXPECT_DOUBLE_EQ(s.median_ci->lower, 1);
    EXPECT_DOUBLE_EQ(s.median_ci->upper, 6);
    EXPECT_NEAR(s.median_ci->coverage, 0.978515625, 1e-14);
}

TEST(Summarize, SmallCaseByHand) {
    // 1,2,3,4: median 2.5; q1 = 1 + 0.75 * (2 - 1); |x - 2.5| = 1.5,.5,.5,1.5 -> MAD 1;
    // variance (2.25 + .25 + .25 + 2.25) / 3 = 5/3.
    const Summary s = summarize(std::vector<double>{4, 2, 1, 3});
    EXPECT_DOUBLE_EQ(s.median, 2.5);
    EXPECT_DOUBLE_EQ(s.q1, 1.75);
    EXPECT_DOUBLE_EQ(s.q3, 3.25);
    EXPECT_DOUBLE_EQ(s.mad, 1.0);
    EXPECT_NEAR(s.stddev, std::sqrt(5.0 / 3.0), tol);
    EXPECT_NEAR(s.cv, std::sqrt(5.0 / 3.0) / 2.5, tol);
}

TEST(Summarize, SingleValueHasNoSpread) {
    const Summary s = summarize(std::vector<double>{42});
    EXPECT_EQ(s.n, 1u);
    EXPECT_EQ(s.median, 42);
    EXPECT_EQ(s.q1, 42);
    EXPECT_EQ(s.q3, 42);
    EXPECT_EQ(s.mad, 0);
    EXPECT_EQ(s.iqr, 0);
    EXPECT_EQ(s.stddev, 0);
    EXPECT_EQ(s.cv, 0);
    EXPECT_EQ(s.p5, 42);
    EXPECT_EQ(s.p99, 42);
    EXPECT_FALSE(s.median_ci);
    EXPECT_FALSE(s.median_of_rest);
    EXPECT_EQ(s.outliers.modified_z_count, 0u);
    EXPECT_EQ(s.outliers.tukey_count, 0u);
}

TEST(Summarize, AllEqualValuesHaveNoSpreadAndNoOutliers) {
    const Summary s = summarize(std::vector<double>(20, 0.25));
    EXPECT_EQ(s.mad, 0);
    EXPECT_EQ(s.iqr, 0);
    EXPECT_EQ(s.stddev, 0);
    EXPECT_TRUE(s.outliers.mad_was_zero);
    EXPECT_EQ(s.outliers.modified_z_count, 0u);
    EXPECT_EQ(s.outliers.tukey_count, 0u);
    ASSERT_TRUE(s.median_ci);
    EXPECT_EQ(s.median_ci->lower, 0.25);
    EXPECT_EQ(s.median_ci->upper, 0.25);
    ASSERT_TRUE(s.median_of_rest);
    EXPECT_EQ(*s.median_of_rest, 0.25);
}

TEST(Summarize, MedianIntervalNeedsSixSamplesAt95Percent) {
    // With 5 samples even [min, max] covers only 1 - 2/32 = 93.75 %: no interval, not a fake.
    EXPECT_FALSE(summarize(std::vector<double>{1, 2, 3, 4, 5}).median_ci);
    const Summary six = summarize(std::vector<double>{6, 5, 4, 3, 2, 1});
    ASSERT_TRUE(six.median_ci);
    EXPECT_EQ(six.median_ci->lower_rank, 1u);
    EXPECT_EQ(six.median_ci->upper_rank, 6u);
    EXPECT_DOUBLE_EQ(six.median_ci->coverage, 1 - 2.0 / 64);
}

TEST(MedianCiRanks, MatchScipyBinomialConstruction) {
    // j = max{j : 1 - 2 binom.cdf(j - 1, n, .5) >= .95}, from scipy 1.10.
    struct Expected {
        std::size_t n, j;
        double coverage;
    };
    for (const Expected& e : {Expected{20, 6, 0.9586105346679688}, Expected{100, 40, 0.9647997997822951}}) {
        const auto ci = median_ci_ranks(e.n);
        ASSERT_TRUE(ci) << e.n;
        EXPECT_EQ(ci->lower_rank, e.j) << e.n;
        EXPECT_EQ(ci->upper_rank, e.n + 1 - e.j) << e.n;
        EXPECT_NEAR(ci->coverage, e.coverage, 1e-12) << e.n;
    }
    EXPECT_FALSE(median_ci_ranks(0));
    EXPECT_FALSE(median_ci_ranks(1));
    EXPECT_THROW(median_ci_ranks(10, 1.0), std::invalid_argument);
}

TEST(Summarize, ZeroMeanGivesZeroCv) {
    const Summary s = summarize(std::vector<double>{-1, 1});
    EXPECT_EQ(s.mean, 0);
    EXPECT_NEAR(s.stddev, std::sqrt(2.0), tol);
    EXPECT_EQ(s.cv, 0);
}

TEST(Summarize, StddevDoesNotCancelForLargeOffsets) {
    // 1e9 + {0,1,2}: sample stddev is exactly 1; a sum-of-squares formula loses it.
    const Summary s = summarize(std::vector<double>{1e9, 1e9 + 1, 1e9 + 2});
    EXPECT_NEAR(s.stddev, 1.0, 1e-9);
}

TEST(Summarize, RejectsEmptyAndNaN) {
    EXPECT_THROW(summarize(std::vector<double>{}), std::invalid_argument);
    EXPECT_THROW(summarize(std::vector<double>{1, std::numeric_limits<double>::quiet_NaN()}), std::invalid_argument);
    EXPECT_THROW(summarize(std::vector<double>{std::numeric_limits<double>::quiet_NaN()}), std::invalid_argument);
}

TEST(Summarize, MadMatchesTheDefinitionOnManyShapes) {
    // The implementation merges two sorted runs instead of sorting |x - median|; compare it
    // with the plain definition on skewed data with ties, odd and even sizes.
    std::mt19937 rng(12345);
    std::uniform_int_distribution<int> coarse(0, 20);
    for (std::size_t n = 1; n < 60; ++n) {
        std::vector<double> x;
        for (std::size_t i = 0; i < n; ++i) {
            const double v = coarse(rng);
            x.push_back(v * v * 0.001);  // squares: skewed, with repeated values
        }
        const double median = summarize(x).median;
        std::vector<double> dev;
        for (double v : x) dev.push_back(std::abs(v - median));
        std::sort(dev.begin(), dev.end());
        const double expected = n % 2 ? dev[n / 2] : (dev[n / 2 - 1] + dev[n / 2]) / 2;
        EXPECT_DOUBLE_EQ(summarize(x).mad, expected) << "n=" << n;
        // The median without the first value, against a copy that really lacks it.
        if (n > 1) {
            std::vector<double> rest(x.begin() + 1, x.end());
            std::sort(rest.begin(), rest.end());
            EXPECT_DOUBLE_EQ(*summarize(x).median_of_rest, quantile_of_sorted(rest, 0.5)) << "n=" << n;
        }
    }
}

TEST(QuantileOfSorted, InterpolatesLikeNumpy) {
    // np.quantile(sorted, [0, .1, .33, .9, 1]) -> [1, 1, 2.97, 6.3, 9]
    const std::vector<double> x{1, 1, 2, 3, 3, 4, 5, 5, 6, 9};
    EXPECT_DOUBLE_EQ(quantile_of_sorted(x, 0), 1);
    EXPECT_DOUBLE_EQ(quantile_of_sorted(x, 0.1), 1);
    EXPECT_NEAR(quantile_of_sorted(x, 0.33), 2.97, tol);
    EXPECT_NEAR(quantile_of_sorted(x, 0.9), 6.3, tol);
    EXPECT_DOUBLE_EQ(quantile_of_sorted(x, 1), 9);
}

}  // namespace
}  // namespace perfmatrix
