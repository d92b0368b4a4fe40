#include "analysis/stats/comparison.hpp"
#include "analysis/stats/geometric_mean.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace perfmatrix {
namespace {

std::vector<double> scaled(const std::vector<double>& v, double factor) {
    std::vector<double> out;
    for (double x : v) out.push_back(x * factor);
    return out;
}

const std::vector<double> base_times{1.00, 1.02, 0.99, 1.01, 1.03, 0.98, 1.00, 1.02, 0.97, 1.01};

TEST(Judge, NeedsBothSignificanceAndEffect) {
    ComparisonSettings o;  // lower is better, alpha .05, min effect 2 %
    EXPECT_EQ(judge(0.90, 0.001, o), Verdict::faster);
    EXPECT_EQ(judge(1.10, 0.001, o), Verdict::slower);
    EXPECT_EQ(judge(1.01, 0.001, o), Verdict::no_significant_change);  // real but under 2 %
    EXPECT_EQ(judge(1.50, 0.20, o), Verdict::no_significant_change);   // large but not shown
    EXPECT_EQ(judge(0.90, 0.05, o), Verdict::no_significant_change);   // p < alpha is strict
    o.better = Better::higher;
    EXPECT_EQ(judge(1.10, 0.001, o), Verdict::faster);
    EXPECT_EQ(judge(0.90, 0.001, o), Verdict::slower);
}

TEST(CompareSamples, ClearSlowdownOfTenPercent) {
    const Comparison c = compare_samples(base_times, scaled(base_times, 1.1));
    ASSERT_TRUE(c.ratio);
    EXPECT_NEAR(c.ratio->ratio, 1.1, 1e-12);
    EXPECT_LT(c.ratio->low, c.ratio->ratio);
    EXPECT_GT(c.ratio->high, c.ratio->ratio);
    ASSERT_TRUE(c.test);
    EXPECT_LT(c.test->p_value, 0.01);
    EXPECT_EQ(c.verdict, Verdict::slower);
    EXPECT_EQ(verdict_name(c.verdict), "slower");
    EXPECT_TRUE(c.reason.empty());
}

TEST(CompareSamples, HigherIsBetterTurnsTheSameRatioIntoFaster) {
    ComparisonSettings o;
    o.better = Better::higher;
    EXPECT_EQ(compare_samples(base_times, scaled(base_times, 1.1), o).verdict, Verdict::faster);
}

TEST(CompareSamples, IdenticalSidesAreNoChange) {
    const Comparison c = compare_samples(base_times, base_times);
    EXPECT_EQ(c.ratio->ratio, 1.0);
    EXPECT_EQ(c.verdict, Verdict::no_significant_change);
}

TEST(CompareSamples, BootstrapIsReproducibleAndSeeded) {
    const auto fresh = scaled(base_times, 1.05);
    const Comparison a = compare_samples(base_times, fresh), b = compare_samples(base_times, fresh);
    EXPECT_EQ(a.ratio->low, b.ratio->low);
    EXPECT_EQ(a.ratio->high, b.ratio->high);
    ComparisonSettings other;
    other.bootstrap.seed = 7;
    const Comparison c = compare_samples(base_times, fresh, other);
    EXPECT_TRUE(c.ratio->low != a.ratio->low || c.ratio->high != a.ratio->high);
}

TEST(CompareSamples, TooFewSamplesGiveNoVerdictWithTheReason) {
    const std::vector<double> four{1.0, 1.1, 1.2, 1.3};
    const Comparison c = compare_samples(four, scaled(base_times, 2));
    EXPECT_EQ(c.verdict, Verdict::no_verdict);
    EXPECT_EQ(c.reason, "only 4 base samples (< 5)");
    EXPECT_TRUE(c.ratio);  // still reported, just not judged
    const Comparison empty = compare_samples(base_times, std::vector<double>{});
    EXPECT_EQ(empty.verdict, Verdict::no_verdict);
    EXPECT_EQ(empty.reason, "only 0 new samples (< 5)");
    EXPECT_FALSE(empty.test);
    EXPECT_FALSE(empty.ratio);
}

TEST(CompareSamples, NoRatioForNonPositiveValues) {
    const std::vector<double> with_zero{0, 1, 2, 3, 4, 5};
    const Comparison c = compare_samples(with_zero, with_zero);
    EXPECT_FALSE(c.ratio);
    EXPECT_EQ(c.verdict, Verdict::no_verdict);
    EXPECT_NE(c.reason.find("no ratio"), std::string::npos);
}

TEST(CompareSamples, RejectsNaNAndBadOptions) {
    const std::vector<double> nan{1, std::numeric_limits<double>::quiet_NaN()};
    EXPECT_THROW(compare_samples(nan, base_times), std::invalid_argument);
    ComparisonSettings o;
    o.alpha = 0;
    EXPECT_THROW(compare_samples(base_times, base_times, o), std::invalid_argument);
    o = {};
    o.bootstrap.resamples = 1;
    EXPECT_THROW(compare_samples(base_times, base_times, o), std::invalid_argument);
}

TEST(GeometricMean, TIntervalOnLogRatios) {
    // l = log(r); exp(l.mean() -+ t_{.975, 2} * l.std(ddof=1) / sqrt(3)), in mpmath at 40
    // digits (scipy 1.10's t.ppf(.975, 2) is 4e-11 off, enough to miss at 1e-12).
    const GeometricMean g = geometric_mean(std::vector<double>{1.1, 1.2, 0.95});
    EXPECT_EQ(g.count, 3u);
    EXPECT_NEAR(g.value, std::cbrt(1.1 * 1.2 * 0.95), 1e-14);
    ASSERT_TRUE(g.low && g.high);
    EXPECT_NEAR(*g.low, 0.80424645685634978, 1e-12);
    EXPECT_NEAR(*g.high, 1.4459142395147196, 1e-12);
}

TEST(GeometricMean, OneRatioHasNoIntervalAndBadRatiosAreRejected) {
    const GeometricMean g = geometric_mean(std::vector<double>{1.25});
    EXPECT_DOUBLE_EQ(g.value, 1.25);
    EXPECT_FALSE(g.low);
    EXPECT_THROW(geometric_mean(std::vector<double>{}), std::invalid_argument);
    EXPECT_THROW(geometric_mean(std::vector<double>{1.0, 0.0}), std::invalid_argument);
    EXPECT_THROW(geometric_mean(std::vector<double>{1.0, std::numeric_limits<double>::infinity()}),
                 std::invalid_argument);
}

}  // namespace
}  // namespace perfmatrix
