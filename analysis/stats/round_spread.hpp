#pragma once
// How much of one case's spread is between rounds (independent processes at different times)
// rather than within them, and a warning when the rounds, not the samples, set the noise.
//
// Why: the variance of a case's mean over R rounds of n samples is
// sigma2_between / R + sigma2_within / (R n). More samples per round shrink only the second
// term; when rounds differ more than samples do, sigma2_between / R is a floor that no number
// of samples lowers, and only more rounds (or a quieter machine) help.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace perfmatrix {

// One-way random-effects ANOVA, unbalanced rounds allowed (Searle, Casella & McCulloch 1992,
// "Variance Components", §3.5-3.6): MSB = sum n_i (mean_i - mean)^2 / (k - 1),
// MSW = sum (y_ij - mean_i)^2 / (N - k), n0 = (N - sum n_i^2 / N) / (k - 1) (n for equal
// rounds); sigma2_within = MSW, sigma2_between = max(0, (MSB - MSW) / n0) (the ANOVA
// estimator, truncated at 0 as is usual: a negative variance estimate means "none seen").
struct VarianceComponents {
    double grand_mean = 0;  // mean of all samples
    double mean_square_between = 0, mean_square_within = 0;
    double samples_per_round = 0;  // n0
    double between_variance = 0, within_variance = 0;
    double icc = 0;             // sigma2_between / (sigma2_between + sigma2_within); 0 if both are 0
    double between_cv() const;  // sqrt(sigma2_between) / grand_mean
    double within_cv() const;   // sqrt(sigma2_within) / grand_mean
};

struct RoundSpread {
    std::size_t rounds = 0, samples = 0;
    // Robust companions of the CVs below. MAD unscaled (no 1.4826 factor), as Summary's.
    // Within: the median over rounds of at least two samples of each round's MAD / median
    // (0 when no round has two). Between: MAD / median of the round medians (0 for one round).
    double within_relative_mad = 0;
    double between_relative_mad = 0;
    // Needs at least two rounds and a round of at least two samples.
    std::optional<VarianceComponents> components;
    // The rule: icc > 0.5, i.e. sigma2_between > sigma2_within - one round-to-round step is
    // larger than the typical scatter of samples within a round. Then sigma2_between / R
    // exceeds sigma2_within / (R n) for any n, so it dominates the variance of the case's
    // estimate. With no round effect at all, icc > 0.5 needs MSB / MSW > n0 + 1, for normal
    // samples an F(k - 1, N - k) tail of 3e-5 at 10 rounds of 5 samples (0.2 % at 5 rounds of
    // 5, less with more samples): it fires by chance only when rounds hold 2 or 3 samples
    // (5 % at 10 rounds of 2).
    bool dominated_by_between = false;
    std::string warning;  // a sentence for reports when dominated_by_between, else empty
};

// rounds: each round's samples in any order. At least one round, no empty round, every value
// finite and > 0 (relative spreads of non-positive quantities mean nothing);
// std::invalid_argument otherwise. O(N log N).
RoundSpread round_spread(std::span<const std::vector<double>> rounds);

}  // namespace perfmatrix
