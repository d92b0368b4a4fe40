#pragma once
// The ratio of medians new / base with a two-level (hierarchical) percentile-bootstrap
// interval, for cases measured in rounds: each round an independent process at another time.
//
// Why two levels: samples of one round share its process, layout and moment, so they are not
// independent draws; the round is the unit of replication (run_replicates.hpp says the same of
// runs). Resampling samples alone (ratio_ci.hpp on the pooled samples) ignores the
// round-to-round variance and gives intervals far too narrow when rounds differ.
//
// One replicate, per side: draw as many rounds as the side has, with replacement; within each
// drawn round draw as many samples as it holds, with replacement; pool them and take the
// median (type 7). The replicate is median(new*) / median(base*), and the interval the
// (1 - c) / 2 and (1 + c) / 2 type-7 quantiles of the replicates, as in ratio_ci.hpp.
//
// Which levels are resampled. Davison & Hinkley (1997, §3.8) compare resampling the top level
// only (keeping each drawn cluster whole) with resampling both levels: both-level resampling
// counts the within-round variance twice, so it errs wide - for a mean by up to a factor
// sqrt(2) in width when rounds do not differ at all, and hardly at all when the between-round
// variance dominates. Ren et al. (2010, "Nonparametric bootstrapping for hierarchical data",
// J. Appl. Stat. 37(9)) accordingly prefer the top level only when there are enough clusters.
// Rounds are few (3 to 10): with R rounds the top level alone has only C(2R - 1, R) distinct
// resamples (10 for R = 3), and one round per side gives a zero-width interval that knows
// nothing of the noise in it. The default resamples both levels - an interval that errs wide
// is the safe error for a regression gate - and rounds_only is there for many rounds.
//
// The point estimate is the ratio of the pooled medians (all samples of a side together), not
// of the medians of round medians: a percentile interval is an interval for the statistic
// its replicates compute, here the pooled median, and another point estimate can fall outside
// its own interval. The pooled median is still robust to one outlying round: with R equal
// rounds, one round moved arbitrarily far leaves the pooled median between the
// (R - 2) / (2 (R - 1)) and R / (2 (R - 1)) quantiles of the other rounds' samples (the 44th
// and 56th percentiles for R = 10). With one sample per round the two estimators are the same.
//
// Rounds of one sample make this the ordinary bootstrap of medians of the round values
// (round_median_ratio_ci below), and one round per side with both levels the ordinary bootstrap
// of that round's samples: a draw from a range of one is never made, and a side of one round
// draws its median as median_ratio_ci does (the histogram below order_statistics_from samples,
// order statistics in O(1) from there on), so both give median_ratio_ci's interval bit for bit
// (rounds given in ascending order).

#include "analysis/stats/ratio_ci.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace perfmatrix {

enum class RoundResampling {
    rounds_and_samples,  // rounds with replacement, then samples within each drawn round
    rounds_only,         // rounds with replacement, each drawn round kept whole
};

struct HierarchicalSettings {
    std::size_t resamples = 2000;  // see ratio_ci.hpp for why 2000
    std::uint64_t seed = BootstrapSettings{}.seed;
    double confidence = 0.95;
    RoundResampling resampling = RoundResampling::rounds_and_samples;
    // A side of one round with at least this many samples draws its median in O(1), as
    // median_ratio_ci does (ratio_ci.hpp); tests set it to compare with the histogram.
    std::size_t order_statistics_from = BootstrapSettings{}.order_statistics_from;
};

// One side: its rounds, each the samples of one round in any order.
using Rounds = std::vector<std::vector<double>>;

// ratio = pooled median(new) / pooled median(base); low, high the bootstrap interval.
// Each side needs at least one round, every round at least one sample, every value finite
// and > 0, fewer than 2^32 samples a side; resamples >= 2; 0 < confidence < 1
// (std::invalid_argument otherwise). Deterministic: the same input gives the same interval.
// Time O(B (N_base + N_new)) for N samples a side of several rounds: every sample drawn once
// per replicate into a histogram, no sort per replicate; O(B) for a side of one round of at
// least order_statistics_from samples (and for a one-round side with rounds_only, whose every
// replicate is that round). Measured at B = 2000, 10 rounds x 50 samples a side, on
// the shared 2-core CI VM (-O2): 5.2 ms of CPU a case (300 cases 1.6 s on one core), 2.1 ms
// with rounds_only. Memory O(N + B), nothing allocated per replicate.
RatioCi hierarchical_median_ratio_ci(std::span<const std::vector<double>> base_rounds,
                                     std::span<const std::vector<double>> new_rounds,
                                     const HierarchicalSettings& options = {});

// The round-level variant, for one value per round (e.g. each round's median): the ordinary
// bootstrap of medians of those values (ratio_ci.hpp), which is what the hierarchical one
// becomes with rounds of one sample. Values in any order; the same checks.
RatioCi round_median_ratio_ci(std::span<const double> base_round_values, std::span<const double> new_round_values,
                              const BootstrapSettings& options = {});

}  // namespace perfmatrix
