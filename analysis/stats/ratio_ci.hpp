#pragma once
// The ratio of medians new / base with a percentile-bootstrap confidence interval.
//
// Why the bootstrap: there is no distribution-free interval for a ratio of two medians as
// there is for one median (median_ci.hpp), and timing samples are skewed and often
// multi-modal, which rules out normal-theory intervals. Each replicate resamples both sides
// with replacement (sizes kept) and takes median(new*) / median(base*); the interval is the
// (1 - c) / 2 and (1 + c) / 2 type-7 quantiles of the replicates.
//
// Why B = 2000 by default: Efron & Tibshirani (1993, ch. 19) find 1000-2000 replicates
// enough for percentile intervals; at 2000 each 2.5 % tail holds 50 replicates and the
// Monte-Carlo error of the tail level is sqrt(.025 * .975 / 2000) = 0.35 percentage points,
// well below the interval's own sampling error, while a comparison of two 1000-sample cases
// costs ~4 million cheap steps (a few ms), so comparing hundreds of cases stays in seconds.
// The seed is fixed so the same data always give the same interval (reports can be diffed).
// Randomness is splitmix64 with unbiased bounded draws (Lemire), written out in
// bootstrap_random.hpp rather than std:: distributions, whose output differs between
// standard libraries.

#include <cstddef>
#include <cstdint>
#include <span>

namespace perfmatrix {

struct BootstrapSettings {
    std::size_t resamples = 2000;
    std::uint64_t seed = 0x9e3779b97f4a7c15;  // any fixed value; this one is the golden ratio's bits
    double confidence = 0.95;
    // A side with at least this many samples draws its resampled median in O(1) instead of
    // O(n) (see below); both draw from the same distribution. Small sides keep the histogram,
    // so the intervals of small cases stay exactly what they were. Tests set it to compare.
    std::size_t order_statistics_from = 512;
};

struct RatioCi {
    double ratio = 0;          // median(new) / median(base) of the samples themselves
    double low = 0, high = 0;  // the bootstrap interval
};

// How a replicate's median is drawn. Up to order_statistics_from samples: n indices drawn
// with replacement and counted (a histogram). From there on, directly: a resample's k-th
// smallest value is sorted[floor(n U(k))] where U(k), the k-th smallest of n uniforms, is
// Beta(k, n + 1 - k); the next one is U(k) + (1 - U(k)) V with V ~ Beta(1, n - k) (the least
// of the n - k uniforms above U(k)). Beta variates come from Cheng's algorithm BB (1978).
// Measured on two 10,000-sample sides: ~0.15 ms instead of 0.23 s (40 million draws), which
// is what keeps `compare` of hundreds of such cases well under a second.
//
// Both sides sorted ascending, non-empty, every value finite and > 0 (a ratio of medians
// of non-positive quantities means nothing; std::invalid_argument otherwise).
// Time O(B (n_base + n_new)) below order_statistics_from, O(B) above; memory O(n + B);
// nothing allocated per replicate.
RatioCi median_ratio_ci(std::span<const double> sorted_base, std::span<const double> sorted_new,
                        const BootstrapSettings& options = {});

}  // namespace perfmatrix
