#pragma once
// Robust and classic summary statistics of one case's measured samples.

#include "analysis/stats/median_ci.hpp"
#include "analysis/stats/outliers.hpp"

#include <cstddef>
#include <optional>
#include <span>

namespace perfmatrix {

struct Summary {
    std::size_t n = 0;
    double median = 0;
    double mad = 0;                  // median absolute deviation from the median, unscaled (no 1.4826 factor)
    double q1 = 0, q3 = 0, iqr = 0;  // q1 = p25, q3 = p75
    double p5 = 0, p95 = 0, p99 = 0;
    double min = 0, max = 0;
    double mean = 0;
    double stddev = 0;                  // sample standard deviation (divides by n - 1); 0 when n == 1
    double cv = 0;                      // stddev / mean; 0 when mean == 0
    std::optional<MedianCi> median_ci;  // 95 %, order statistics; none for n < 6
    Outliers outliers;
    // For the missing-warm-up check (noise_warnings.hpp): the first value in measured order
    // and the median of all the others (none when n == 1).
    double first = 0;
    std::optional<double> median_of_rest;
};

// values in measured order (the first-sample check depends on it). O(n log n): one sort,
// everything else in linear passes over the sorted copy.
// Quantiles interpolate linearly between order statistics: R's type 7, numpy's default
// ("linear"). Throws std::invalid_argument on empty input or a NaN value (NaN has no order).
Summary summarize(std::span<const double> values);

// The p-quantile (0 <= p <= 1, type 7) of values that are already sorted ascending and
// non-empty.
// The same from the values sorted ascending (NaN-free, non-empty) and the first value in
// measured order: for callers that already hold the sorted copy.
Summary summarize_sorted(std::span<const double> sorted, double first);

double quantile_of_sorted(std::span<const double> sorted, double p);

}  // namespace perfmatrix
