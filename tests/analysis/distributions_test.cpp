#include "analysis/stats/distributions.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace perfmatrix {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

// Expected values from mpmath 1.2 at 40 digits (Debian's /usr/bin/python3): mp.ncdf,
// mp.betainc(regularized=True), exact binomial sums, and t quantiles by mp.findroot on the
// incomplete beta; at a, b ~ 5e6, where mp.betainc does not converge, the incomplete beta's
// continued fraction evaluated at 50 digits. (scipy 1.10's t.ppf is off by up to ~2e-11
// relative at these points, and its betainc(5e5, 5e5 + 1, .5) by 2e-9, so scipy is not the
// reference here.)
void expect_relative(double actual, double expected, double rel) {
    EXPECT_NEAR(actual, expected, rel * std::abs(expected)) << "expected " << expected;
}

TEST(Distributions, NormalUpperTailKeepsItsDigitsFarOut) {
    expect_relative(normal_sf(10), 7.61985302416047e-24, 1e-12);
    expect_relative(normal_sf(-1.5), 0.9331927987311419, 1e-14);
    EXPECT_DOUBLE_EQ(normal_sf(0), 0.5);
}

TEST(Distributions, IncompleteBeta) {
    expect_relative(regularized_incomplete_beta(2.5, 4, 0.3), 0.3521975859067672, 1e-13);
    // Large parameters (a median interval of a million samples). Exact: 1/2 + C(10^6, 5e5) /
    // 2^(10^6 + 1). Boost keeps ~1e-16 here; the hand-written lgamma prefactor lost ~1e-9.
    expect_relative(regularized_incomplete_beta(5e5, 5e5 + 1, 0.5), 0.50039894218066587504, 1e-13);
    expect_relative(regularized_incomplete_beta(5e6, 5e6, 0.4997), 0.028889777428903639974, 1e-12);
    EXPECT_EQ(regularized_incomplete_beta(2, 3, 0), 0);
    EXPECT_EQ(regularized_incomplete_beta(2, 3, 1), 1);
    // Boost would answer a = 0 (a point mass) and reject the rest with std::domain_error; the
    // interface rejects all of them with std::invalid_argument.
    EXPECT_THROW(regularized_incomplete_beta(0, 3, 0.5), std::invalid_argument);
    EXPECT_THROW(regularized_incomplete_beta(2, 3, 1.5), std::invalid_argument);
    EXPECT_THROW(regularized_incomplete_beta(2, 3, std::nan("")), std::invalid_argument);
    EXPECT_THROW(regularized_incomplete_beta(inf, 3, 0.5), std::invalid_argument);
}

TEST(Distributions, BinomialCdf) {
    expect_relative(binomial_cdf(3, 20, 0.3), 0.107086804503730998, 1e-13);
    expect_relative(binomial_cdf(499000, 1000000, 0.5), 0.022804149932691043210, 1e-13);
    expect_relative(binomial_cdf(4996900, 10000000, 0.5), 0.024980603516295133513, 1e-12);
    EXPECT_DOUBLE_EQ(binomial_cdf(2, 5, 0.5), 0.5);
    EXPECT_EQ(binomial_cdf(5, 5, 0.5), 1);
    EXPECT_EQ(binomial_cdf(7, 5, 0.5), 1);  // k > n: Boost's domain error, 1 here
    EXPECT_EQ(binomial_cdf(0, 0, 0.5), 1);
    // 2^-(10^6) is below the smallest double: 0, not an underflow error.
    EXPECT_EQ(binomial_cdf(0, 1000000, 0.5), 0);
    EXPECT_EQ(binomial_cdf(0, 5, 0.0), 1);
    EXPECT_EQ(binomial_cdf(4, 5, 1.0), 0);
    EXPECT_THROW(binomial_cdf(2, 5, 1.1), std::invalid_argument);
    EXPECT_THROW(binomial_cdf(2, 5, std::nan("")), std::invalid_argument);
}

TEST(Distributions, StudentT) {
    expect_relative(student_t_cdf(-3, 4), 0.019970984035859413, 1e-12);
    EXPECT_DOUBLE_EQ(student_t_cdf(0, 7), 0.5);
    const double df[] = {1, 2, 5, 30, 1000};
    const double q975[] = {12.706204736174704646, 4.3026527297494638523, 2.5705818356363155147, 2.0422724563012383100,
                           1.9623390808264084850};
    for (int i = 0; i < 5; ++i) expect_relative(student_t_quantile(0.975, df[i]), q975[i], 1e-12);
    expect_relative(student_t_quantile(1e-6, 3), -103.29946778041934274, 1e-12);
    EXPECT_EQ(student_t_quantile(0.5, 3), 0);
    EXPECT_THROW(student_t_quantile(1, 3), std::invalid_argument);
    EXPECT_THROW(student_t_quantile(0.9, 0), std::invalid_argument);
}

TEST(Distributions, StudentTAtTheEdges) {
    EXPECT_EQ(student_t_cdf(-inf, 3), 0);
    EXPECT_EQ(student_t_cdf(inf, 3), 1);
    EXPECT_THROW(student_t_cdf(std::nan(""), 3), std::invalid_argument);
    // Boost would take df = inf as the normal limit; the interface keeps df finite.
    EXPECT_THROW(student_t_cdf(1, inf), std::invalid_argument);
    EXPECT_THROW(student_t_quantile(0.9, inf), std::invalid_argument);
    // Huge finite df is the normal distribution to double precision (the hand-written
    // incomplete beta gave 0.5 and 90.5 here).
    expect_relative(student_t_cdf(-10, 1e20), 7.619853024160526066e-24, 1e-13);
    expect_relative(student_t_quantile(0.975, 1e20), 1.9599639845400542355, 1e-13);
    // df = 1 (Cauchy): -1 / tan(pi q). The far tail is in range down to q ~ 1e-308, below
    // that it overflows to -inf rather than throwing.
    expect_relative(student_t_quantile(1e-300, 1), -3.1830988618379067154e299, 1e-12);
    EXPECT_EQ(student_t_quantile(1e-320, 1), -inf);
}

}  // namespace
}  // namespace perfmatrix
