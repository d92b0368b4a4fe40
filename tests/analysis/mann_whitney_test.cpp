#include "analysis/stats/mann_whitney.hpp"
#include "analysis/stats/mann_whitney_exact.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace perfmatrix {
namespace {

// Expected values from scipy 1.10.1: scipy.stats.mannwhitneyu(base, new) with its defaults
// (two-sided, method="auto", use_continuity=True). The broad check over random data sets
// is tests/analysis/test_against_scipy.py; these pin the paths down in the unit suite.
void expect_p(const MannWhitney& r, double p, double rel = 1e-12) {
    EXPECT_NEAR(r.p_value, p, rel * p) << "expected " << p;
}

TEST(MannWhitney, ExactWhenSmallWithoutTies) {
    const MannWhitney r = mann_whitney(std::vector<double>{1.5, 2, 3, 4, 5.5, 7},
                                       std::vector<double>{6, 7.5, 8, 9, 10, 11, 12});
    EXPECT_EQ(r.method, MannWhitneyMethod::exact);
    EXPECT_EQ(r.u_base, 1.0);
    expect_p(r, 0.002331002331002331);
}

TEST(MannWhitney, ExactWhenOnlyOneSideIsSmall) {
    // scipy 1.10 goes asymptotic only when BOTH sides exceed 8.
    std::vector<double> large(100);
    for (std::size_t i = 0; i < large.size(); ++i) large[i] = static_cast<double>(i) + 0.5;
    const MannWhitney r = mann_whitney(std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8}, large);
    EXPECT_EQ(r.method, MannWhitneyMethod::exact);
    EXPECT_EQ(r.u_base, 36.0);
    expect_p(r, 2.3023891795838924e-07, 1e-10);
}

TEST(MannWhitney, AsymptoticWithTies) {
    const MannWhitney r = mann_whitney(std::vector<double>{1, 2, 2, 3, 4, 5, 9, 9, 9, 9},
                                       std::vector<double>{6, 7, 8, 9, 10, 1, 1, 1});
    EXPECT_EQ(r.method, MannWhitneyMethod::asymptotic);
    EXPECT_EQ(r.u_base, 42.5);
    expect_p(r, 0.8566679926890713);
}

TEST(MannWhitney, AsymptoticWhenBothSidesExceedEight) {
    std::vector<double> a(12), b(11);
    std::iota(a.begin(), a.end(), 1.0);
    std::iota(b.begin(), b.end(), 4.5);
    const MannWhitney r = mann_whitney(a, b);
    EXPECT_EQ(r.method, MannWhitneyMethod::asymptotic);
    EXPECT_EQ(r.u_base, 36.0);
    expect_p(r, 0.06943183161594255);
}

TEST(MannWhitney, IdenticalConstantSidesGiveOne) {
    const MannWhitney r = mann_whitney(std::vector<double>(5, 2.0), std::vector<double>(5, 2.0));
    EXPECT_EQ(r.u_base, 12.5);
    EXPECT_EQ(r.p_value, 1.0);
}

TEST(MannWhitney, SingleSamplesAndBadInput) {
    const MannWhitney r = mann_whitney(std::vector<double>{1}, std::vector<double>{2});
    EXPECT_EQ(r.method, MannWhitneyMethod::exact);
    EXPECT_EQ(r.p_value, 1.0);  // 2 * P(U <= 0) = 2 * 1/2
    EXPECT_THROW(mann_whitney(std::vector<double>{}, std::vector<double>{1}), std::invalid_argument);
    EXPECT_THROW(mann_whitney(std::vector<double>{1, std::numeric_limits<double>::quiet_NaN()}, std::vector<double>{1}),
                 std::invalid_argument);
}

TEST(MannWhitneyExact, SmallDistributionByEnumeration) {
    // m = 2, n = 2: the 6 orderings give U = 0,1,2,2,3,4.
    const double expected[] = {1 / 6.0, 2 / 6.0, 4 / 6.0, 5 / 6.0, 1.0};
    for (std::size_t k = 0; k <= 4; ++k) EXPECT_DOUBLE_EQ(mann_whitney_exact_cdf(k, 2, 2), expected[k]);
    // Symmetric in the sides, and P(U <= 0) = 1 / C(m + n, m).
    EXPECT_DOUBLE_EQ(mann_whitney_exact_cdf(3, 3, 7), mann_whitney_exact_cdf(3, 7, 3));
    // C(1008, 8) = 25708099169553626826 > 2^64: the 128-bit path.
    EXPECT_NEAR(mann_whitney_exact_cdf(0, 8, 1000), 3.889824733461082e-20, 1e-33);
    EXPECT_NEAR(mann_whitney_exact_cdf(1, 8, 1000), 2 * 3.889824733461082e-20, 1e-33);
    EXPECT_EQ(mann_whitney_exact_cdf(8000, 8, 1000), 1.0);
}

}  // namespace
}  // namespace perfmatrix
