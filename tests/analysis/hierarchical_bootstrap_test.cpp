// hierarchical_bootstrap.hpp: coverage on synthetic rounds, the degenerate cases that must be
// the ordinary bootstrap, and the width the round-to-round variance adds. Data come from
// splitmix64 (bootstrap_random.hpp) and Box-Muller, not std:: distributions, so every
// standard library sees the same data sets and the counts below are fixed.

#include "analysis/stats/hierarchical_bootstrap.hpp"

#include "analysis/stats/bootstrap_random.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

namespace perfmatrix {
namespace {

double standard_normal(SplitMix64& rng) {
    return std::sqrt(-2 * std::log(rng.open_unit())) * std::cos(6.283185307179586 * rng.open_unit());
}

// rounds x samples lognormal timings around scale * e^-4: each round shifted by
// N(0, between^2) on the log scale, each sample by N(0, within^2) more. The pooled
// population's median is exactly scale * e^-4 (its log is N(log(scale) - 4, between^2 +
// within^2)), so the true ratio of two sides is the ratio of their scales.
Rounds timing_rounds(SplitMix64& rng, std::size_t rounds, std::size_t samples, double scale, double between,
                     double within) {
    Rounds out(rounds);
    for (std::vector<double>& round : out) {
        const double shift = between * standard_normal(rng);
        for (std::size_t i = 0; i < samples; ++i)
            round.push_back(scale * std::exp(-4 + shift + within * standard_normal(rng)));
    }
    return out;
}

std::vector<double> pooled_sorted(const Rounds& rounds) {
    std::vector<double> all;
    for (const auto& r : rounds) all.insert(all.end(), r.begin(), r.end());
    std::sort(all.begin(), all.end());
    return all;
}

HierarchicalSettings with_resamples(std::size_t b) {
    HierarchicalSettings o;
    o.resamples = b;
    return o;
}

TEST(HierarchicalBootstrap, CoversTheTrueRatio) {
    // 200 fixed data sets, 6 rounds of 20 samples a side, rounds 3 % apart and samples 2 %
    // (log sd), new 1.1 x base. Both-level resampling errs wide (hierarchical_bootstrap.hpp)
    // while percentile intervals from 6 clusters err narrow; these data sets give 184 of 200
    // (92 %; rounds_only 182, the flat bootstrap of the pooled samples 102). The bound 175:
    // an interval whose true coverage were 95 % falls below it with probability 1e-5, one of
    // 92 % with 1 % (scipy.stats.binom.cdf(174, 200, p)); the flat bootstrap's ~51 % cannot
    // reach it (tail 1e-27). Fixed seeds make the count itself fixed.
    SplitMix64 data(20261205);
    int covered = 0;
    for (int t = 0; t < 200; ++t) {
        const Rounds base = timing_rounds(data, 6, 20, 1.0, 0.03, 0.02);
        const Rounds fresh = timing_rounds(data, 6, 20, 1.1, 0.03, 0.02);
        const RatioCi ci = hierarchical_median_ratio_ci(base, fresh, with_resamples(1000));
        covered += ci.low <= 1.1 && 1.1 <= ci.high;
    }
    EXPECT_GE(covered, 175);
}

TEST(HierarchicalBootstrap, WiderThanTheFlatBootstrapWhenRoundsDiffer) {
    // Rounds 5 % apart, samples 0.5 %: the flat bootstrap of the pooled samples sees only the
    // 0.5 % and its interval is several times too narrow. Ten fixed data sets, all must show
    // it (the least ratio of widths among them is 3.45).
    SplitMix64 data(7);
    for (int t = 0; t < 10; ++t) {
        const Rounds base = timing_rounds(data, 8, 30, 1.0, 0.05, 0.005);
        const Rounds fresh = timing_rounds(data, 8, 30, 1.0, 0.05, 0.005);
        const RatioCi h = hierarchical_median_ratio_ci(base, fresh);
        const RatioCi flat = median_ratio_ci(pooled_sorted(base), pooled_sorted(fresh));
        EXPECT_EQ(h.ratio, flat.ratio);  // both are the ratio of pooled medians
        EXPECT_GT(h.high - h.low, 3 * (flat.high - flat.low)) << "data set " << t;
    }
}

TEST(HierarchicalBootstrap, RoundsOfOneSampleAreTheOrdinaryBootstrapOfMedians) {
    // Bit for bit, with median_ratio_ci's histogram draw and rounds in ascending order.
    const std::vector<double> base{1.0, 1.1, 1.3, 1.4, 1.45, 1.7, 2.0}, fresh{1.2, 1.25, 1.5, 1.6, 1.9, 2.2};
    Rounds base_rounds, new_rounds;
    for (double v : base) base_rounds.push_back({v});
    for (double v : fresh) new_rounds.push_back({v});
    BootstrapSettings flat;
    flat.order_statistics_from = SIZE_MAX;
    const RatioCi want = median_ratio_ci(base, fresh, flat);
    const RatioCi got = hierarchical_median_ratio_ci(base_rounds, new_rounds);
    EXPECT_EQ(got.ratio, want.ratio);
    EXPECT_EQ(got.low, want.low);
    EXPECT_EQ(got.high, want.high);
    // The round-level variant takes the values in any order.
    const std::vector<double> shuffled_base{1.45, 1.0, 2.0, 1.3, 1.1, 1.7, 1.4};
    const RatioCi round_level = round_median_ratio_ci(shuffled_base, fresh, flat);
    EXPECT_EQ(round_level.low, want.low);
    EXPECT_EQ(round_level.high, want.high);
}

TEST(HierarchicalBootstrap, OneRoundPerSideIsTheOrdinaryBootstrapOfItsSamples) {
    const std::vector<double> base{0.9, 1.0, 1.05, 1.1, 1.2, 1.3, 1.35, 1.6}, fresh{1.0, 1.1, 1.15, 1.2, 1.4, 1.5};
    BootstrapSettings flat;
    flat.order_statistics_from = SIZE_MAX;
    const RatioCi want = median_ratio_ci(base, fresh, flat);
    const RatioCi got = hierarchical_median_ratio_ci(Rounds{base}, Rounds{fresh});
    EXPECT_EQ(got.ratio, want.ratio);
    EXPECT_EQ(got.low, want.low);
    EXPECT_EQ(got.high, want.high);
    EXPECT_LT(got.low, got.high);
    // Rounds only: one round kept whole leaves nothing random, the interval is the point.
    HierarchicalSettings rounds_only;
    rounds_only.resampling = RoundResampling::rounds_only;
    const RatioCi whole = hierarchical_median_ratio_ci(Rounds{base}, Rounds{fresh}, rounds_only);
    EXPECT_EQ(whole.low, whole.ratio);
    EXPECT_EQ(whole.high, whole.ratio);
}

// A large round draws its median from the order statistics' distribution in O(1), as
// median_ratio_ci does: the same interval as median_ratio_ci bit for bit, and, from the same
// distribution, close to the histogram's (which costs O(n) a replicate).
TEST(HierarchicalBootstrap, OneLargeRoundPerSideDrawsItsMedianInConstantTime) {
    SplitMix64 rng(7);
    const Rounds base = timing_rounds(rng, 1, 3000, 1.0, 0, 0.1), fresh = timing_rounds(rng, 1, 2001, 1.05, 0, 0.1);
    const RatioCi want = median_ratio_ci(pooled_sorted(base), pooled_sorted(fresh));
    const RatioCi got = hierarchical_median_ratio_ci(base, fresh);
    EXPECT_EQ(got.ratio, want.ratio);
    EXPECT_EQ(got.low, want.low);
    EXPECT_EQ(got.high, want.high);
    HierarchicalSettings histogram;
    histogram.order_statistics_from = SIZE_MAX;
    const RatioCi slow = hierarchical_median_ratio_ci(base, fresh, histogram);
    EXPECT_NE(slow.low, got.low) << "another draw: the threshold is honoured";
    const double width = slow.high - slow.low;
    EXPECT_NEAR(got.low, slow.low, 0.1 * width);
    EXPECT_NEAR(got.high, slow.high, 0.1 * width);
    // A side of several rounds beside it keeps the histogram: the interval still brackets the point.
    const Rounds several = timing_rounds(rng, 4, 800, 1.0, 0.02, 0.1);
    const RatioCi mixed = hierarchical_median_ratio_ci(several, fresh);
    EXPECT_LT(mixed.low, mixed.ratio);
    EXPECT_GT(mixed.high, mixed.ratio);
}

TEST(HierarchicalBootstrap, EqualSidesGiveRatioOneInsideTheInterval) {
    SplitMix64 data(3);
    const Rounds side = timing_rounds(data, 5, 12, 1.0, 0.02, 0.02);
    for (RoundResampling how : {RoundResampling::rounds_and_samples, RoundResampling::rounds_only}) {
        HierarchicalSettings o;
        o.resampling = how;
        const RatioCi ci = hierarchical_median_ratio_ci(side, side, o);
        EXPECT_EQ(ci.ratio, 1.0);
        EXPECT_LT(ci.low, 1.0);
        EXPECT_GT(ci.high, 1.0);
    }
    // Constant data: every replicate is 1.
    const RatioCi flat = hierarchical_median_ratio_ci(Rounds{{2.0, 2.0}, {2.0}}, Rounds{{2.0}, {2.0, 2.0, 2.0}});
    EXPECT_EQ(flat.ratio, 1.0);
    EXPECT_EQ(flat.low, 1.0);
    EXPECT_EQ(flat.high, 1.0);
}

TEST(HierarchicalBootstrap, RoundsOnlyIsNarrowerThanBothLevels) {
    // Both-level resampling adds the within-round variance a second time (D&H 1997 §3.8).
    SplitMix64 data(11);
    const Rounds base = timing_rounds(data, 10, 30, 1.0, 0.0, 0.03),
                 fresh = timing_rounds(data, 10, 30, 1.0, 0.0, 0.03);
    HierarchicalSettings rounds_only;
    rounds_only.resampling = RoundResampling::rounds_only;
    const RatioCi both = hierarchical_median_ratio_ci(base, fresh),
                  top = hierarchical_median_ratio_ci(base, fresh, rounds_only);
    EXPECT_EQ(both.ratio, top.ratio);
    EXPECT_LT(top.high - top.low, both.high - both.low);
}

TEST(HierarchicalBootstrap, SameInputSameIntervalAndTheSeedMatters) {
    SplitMix64 data(5);
    const Rounds base = timing_rounds(data, 4, 10, 1.0, 0.03, 0.02),
                 fresh = timing_rounds(data, 4, 10, 1.05, 0.03, 0.02);
    const RatioCi a = hierarchical_median_ratio_ci(base, fresh), b = hierarchical_median_ratio_ci(base, fresh);
    EXPECT_EQ(a.ratio, b.ratio);
    EXPECT_EQ(a.low, b.low);
    EXPECT_EQ(a.high, b.high);
    HierarchicalSettings other;
    other.seed = 1;
    const RatioCi c = hierarchical_median_ratio_ci(base, fresh, other);
    EXPECT_EQ(c.ratio, a.ratio);
    EXPECT_TRUE(c.low != a.low || c.high != a.high);
}

TEST(HierarchicalBootstrap, RejectsInvalidInput) {
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    const Rounds ok{{1.0, 2.0}, {1.5}};
    EXPECT_THROW(hierarchical_median_ratio_ci(Rounds{}, ok), std::invalid_argument);
    EXPECT_THROW(hierarchical_median_ratio_ci(ok, Rounds{}), std::invalid_argument);
    EXPECT_THROW(hierarchical_median_ratio_ci(ok, Rounds{{1.0}, {}}), std::invalid_argument);
    for (double bad : {0.0, -1.0, nan, inf})
        EXPECT_THROW(hierarchical_median_ratio_ci(ok, Rounds{{1.0, bad, 2.0}}), std::invalid_argument) << bad;
    HierarchicalSettings o;
    o.resamples = 1;
    EXPECT_THROW(hierarchical_median_ratio_ci(ok, ok, o), std::invalid_argument);
    for (double c : {0.0, 1.0, nan}) {
        o = {};
        o.confidence = c;
        EXPECT_THROW(hierarchical_median_ratio_ci(ok, ok, o), std::invalid_argument) << c;
    }
    // A NaN in the middle of unsorted round values is caught before the sort can hide it.
    const std::vector<double> good{1.0, 2.0};
    EXPECT_THROW(round_median_ratio_ci(std::vector<double>{3.0, nan, 1.0, 2.0}, good), std::invalid_argument);
    EXPECT_THROW(round_median_ratio_ci(std::vector<double>{}, good), std::invalid_argument);
}

}  // namespace
}  // namespace perfmatrix
