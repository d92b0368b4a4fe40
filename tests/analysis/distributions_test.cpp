#include "analysis/distributions.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace perfmatrix {
namespace {

// Expected values from mpmath 1.2 at 40 digits (Debian's /usr/bin/python3): mp.ncdf,
// mp.betainc(regularized=True), exact binomial sums, and t quantiles by mp.findroot on the
// incomplete beta. (scipy 1.10's t.ppf is off by up to ~2e-11 relative at these points, and
// its betainc(5e5, 5e5 + 1, .5) by 2e-9, so scipy is not the reference here.)
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
    // Large parameters (a median interval of a million samples): lgamma(10^6) ~ 1.3e7 leaves
    // ~1e-9 of the prefactor's digits. Exact: 1/2 + C(10^6, 5e5) / 2^(10^6 + 1).
    expect_relative(regularized_incomplete_beta(5e5, 5e5 + 1, 0.5), 0.50039894218066587504, 2e-9);
    EXPECT_EQ(regularized_incomplete_beta(2, 3, 0), 0);
    EXPECT_EQ(regularized_incomplete_beta(2, 3, 1), 1);
    EXPECT_THROW(regularized_incomplete_beta(0, 3, 0.5), std::invalid_argument);
    EXPECT_THROW(regularized_incomplete_beta(2, 3, 1.5), std::invalid_argument);
}

TEST(Distributions, BinomialCdf) {
    expect_relative(binomial_cdf(3, 20, 0.3), 0.107086804503730998, 1e-13);
    expect_relative(binomial_cdf(499000, 1000000, 0.5), 0.022804149932691043, 2e-9);
    EXPECT_DOUBLE_EQ(binomial_cdf(2, 5, 0.5), 0.5);
    EXPECT_EQ(binomial_cdf(5, 5, 0.5), 1);
    EXPECT_EQ(binomial_cdf(0, 5, 0.0), 1);
    EXPECT_EQ(binomial_cdf(4, 5, 1.0), 0);
}

TEST(Distributions, StudentT) {
    expect_relative(student_t_cdf(-3, 4), 0.019970984035859413, 1e-12);
    EXPECT_DOUBLE_EQ(student_t_cdf(0, 7), 0.5);
    const double df[] = {1, 2, 5, 30, 1000};
    const double q975[] = {12.706204736174704646, 4.3026527297494638523, 2.5705818356363155147,
                           2.0422724563012383100, 1.9623390808264084850};
    for (int i = 0; i < 5; ++i) expect_relative(student_t_quantile(0.975, df[i]), q975[i], 1e-12);
    expect_relative(student_t_quantile(1e-6, 3), -103.29946778041934274, 1e-12);
    EXPECT_EQ(student_t_quantile(0.5, 3), 0);
    EXPECT_THROW(student_t_quantile(1, 3), std::invalid_argument);
    EXPECT_THROW(student_t_quantile(0.9, 0), std::invalid_argument);
}

}  // namespace
}  // namespace perfmatrix
