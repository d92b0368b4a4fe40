// round_spread.hpp against numbers computed once with numpy 1.24 / scipy 1.10 (Debian's
// /usr/bin/python3):
//   rel = lambda x: stats.median_abs_deviation(x, scale=1) / np.median(x)
//   within = np.median([rel(r) for r in rounds if len(r) >= 2])
//   between = rel([np.median(r) for r in rounds]); gm = np.concatenate(rounds).mean()
//   msb = sum(len(r) * (r.mean() - gm)**2) / (k - 1); msw = sum(((r - r.mean())**2).sum()) / (N - k)
//   n0 = (N - sum(len(r)**2) / N) / (k - 1); sb = max(0, (msb - msw) / n0); icc = sb / (sb + msw)
// and msb / msw checked against stats.f_oneway(*rounds).statistic (the same F). The same
// checks run against scipy directly in test_against_scipy.py (test_round_spread).

#include "analysis/stats/round_spread.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace perfmatrix {
namespace {

using Rounds = std::vector<std::vector<double>>;
constexpr double tol = 1e-12;

TEST(RoundSpread, DriftingRoundsMatchNumpyAndWarn) {
    // Three rounds of four samples; the second round sits 10 % higher.
    const Rounds rounds{{1.00, 1.02, 0.98, 1.01}, {1.10, 1.12, 1.09, 1.11}, {0.95, 0.97, 0.96, 0.94}};
    const RoundSpread s = round_spread(rounds);
    EXPECT_EQ(s.rounds, 3u);
    EXPECT_EQ(s.samples, 12u);
    EXPECT_NEAR(s.within_relative_mad, 0.009950248756219025, tol);
    EXPECT_NEAR(s.between_relative_mad, 0.04975124378109447, tol);
    ASSERT_TRUE(s.components);
    const VarianceComponents& c = *s.components;
    EXPECT_NEAR(c.grand_mean, 1.0208333333333333, tol);
    EXPECT_NEAR(c.mean_square_between, 0.023508333333333416, tol);
    EXPECT_NEAR(c.mean_square_within, 0.0002083333333333337, tol);
    EXPECT_NEAR(c.mean_square_between / c.mean_square_within, 112.84, 1e-9);  // scipy f_oneway
    EXPECT_DOUBLE_EQ(c.samples_per_round, 4.0);
    EXPECT_NEAR(c.between_variance, 0.00582500000000002, tol);
    EXPECT_NEAR(c.within_variance, 0.0002083333333333337, tol);
    EXPECT_NEAR(c.icc, 0.9654696132596685, 1e-12);
    EXPECT_NEAR(c.between_cv(), 0.07476410215089197, 1e-12);
    EXPECT_NEAR(c.within_cv(), 0.0141391902658684, 1e-12);
    EXPECT_TRUE(s.dominated_by_between);
    EXPECT_EQ(s.warning,
              "rounds differ more than samples within a round (between 7.5 % vs within 1.4 %): the machine drifted "
              "or process layout matters; more rounds help, more samples per round do not");
}

TEST(RoundSpread, UnequalRoundsUseTheUnbalancedSamplesPerRound) {
    const Rounds rounds{{1.00, 1.02, 0.98, 1.01, 1.03}, {1.10, 1.12}, {0.95, 0.97, 0.96}};
    const RoundSpread s = round_spread(rounds);
    EXPECT_NEAR(s.within_relative_mad, 0.00990099009900991, tol);
    EXPECT_NEAR(s.between_relative_mad, 0.04950495049504955, tol);
    ASSERT_TRUE(s.components);
    EXPECT_NEAR(s.components->grand_mean, 1.014, tol);
    EXPECT_NEAR(s.components->mean_square_between, 0.013680000000000024, tol);
    EXPECT_NEAR(s.components->mean_square_within, 0.00026857142857142905, tol);
    EXPECT_NEAR(s.components->samples_per_round, 3.1, tol);  // (10 - 38 / 10) / 2
    EXPECT_NEAR(s.components->between_variance, 0.004326267281105999, tol);
    EXPECT_NEAR(s.components->icc, 0.9415493240261564, 1e-12);
    EXPECT_TRUE(s.dominated_by_between);
}

TEST(RoundSpread, RoundsThatAgreeGiveNoBetweenComponentAndNoWarning) {
    // MSB < MSW: the ANOVA estimate of sigma2_between is negative and is reported as 0.
    const Rounds rounds{{1.0, 1.2, 0.8, 1.1}, {1.01, 1.15, 0.85, 1.05}, {0.99, 1.18, 0.83, 1.12}};
    const RoundSpread s = round_spread(rounds);
    EXPECT_NEAR(s.within_relative_mad, 0.09004739336492887, tol);
    EXPECT_NEAR(s.between_relative_mad, 0.004761904761904872, 1e-12);
    ASSERT_TRUE(s.components);
    EXPECT_NEAR(s.components->mean_square_between, 0.00023333333333332932, tol);
    EXPECT_NEAR(s.components->mean_square_within, 0.02293333333333333, tol);
    EXPECT_EQ(s.components->between_variance, 0.0);
    EXPECT_EQ(s.components->icc, 0.0);
    EXPECT_FALSE(s.dominated_by_between);
    EXPECT_TRUE(s.warning.empty());
}

TEST(RoundSpread, OneRoundHasNoBetweenPart) {
    const RoundSpread s = round_spread(Rounds{{1.0, 2.0, 3.0}});
    EXPECT_EQ(s.rounds, 1u);
    EXPECT_NEAR(s.within_relative_mad, 0.5, tol);  // MAD 1 / median 2
    EXPECT_EQ(s.between_relative_mad, 0.0);
    EXPECT_FALSE(s.components);
    EXPECT_FALSE(s.dominated_by_between);
}

TEST(RoundSpread, RoundsOfOneSampleHaveNoWithinPart) {
    // N = k leaves no degrees of freedom within rounds: no components, no warning.
    const RoundSpread s = round_spread(Rounds{{1.0}, {2.0}, {4.0}});
    EXPECT_EQ(s.within_relative_mad, 0.0);
    EXPECT_NEAR(s.between_relative_mad, 0.5, tol);  // medians 1, 2, 4: MAD 1 / median 2
    EXPECT_FALSE(s.components);
    EXPECT_FALSE(s.dominated_by_between);
}

TEST(RoundSpread, ConstantRoundsThatDifferAreAllBetween) {
    // MSW = 0: icc is 1, and the warning names a within spread of 0.
    const RoundSpread s = round_spread(Rounds{{1.0, 1.0}, {2.0, 2.0}});
    ASSERT_TRUE(s.components);
    EXPECT_EQ(s.components->within_variance, 0.0);
    EXPECT_EQ(s.components->icc, 1.0);
    EXPECT_TRUE(s.dominated_by_between);
    EXPECT_NE(s.warning.find("within 0.0 %"), std::string::npos) << s.warning;
}

TEST(RoundSpread, IdenticalConstantRoundsAreNotDominated) {
    const RoundSpread s = round_spread(Rounds{{3.0, 3.0}, {3.0, 3.0}});
    ASSERT_TRUE(s.components);
    EXPECT_EQ(s.components->icc, 0.0);
    EXPECT_FALSE(s.dominated_by_between);
}

TEST(RoundSpread, RejectsInvalidInput) {
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    EXPECT_THROW(round_spread(Rounds{}), std::invalid_argument);
    EXPECT_THROW(round_spread(Rounds{{1.0}, {}}), std::invalid_argument);
    EXPECT_THROW(round_spread(Rounds{{1.0, 0.0}}), std::invalid_argument);
    EXPECT_THROW(round_spread(Rounds{{1.0, -1.0}}), std::invalid_argument);
    EXPECT_THROW(round_spread(Rounds{{1.0, nan}}), std::invalid_argument);
    EXPECT_THROW(round_spread(Rounds{{inf, 1.0}}), std::invalid_argument);
}

}  // namespace
}  // namespace perfmatrix
