#pragma once
// Robust and classic summary statistics of one case's measured samples.

#include <cstddef>
#include <span>

namespace perfmatrix {

struct Summary {
    std::size_t n = 0;
    double median = 0;
    double mad = 0;  // median absolute deviation from the median, unscaled (no 1.4826 factor)
    double q1 = 0, q3 = 0, iqr = 0;
    double min = 0, max = 0;
    double mean = 0;
    double stddev = 0;  // sample standard deviation (divides by n - 1); 0 when n == 1
    double cv = 0;      // stddev / mean; 0 when mean == 0
};

// Quantiles interpolate linearly between order statistics: R's type 7, numpy's default
// ("linear"). Throws std::invalid_argument on empty input or a NaN value (NaN has no order).
Summary summarize(std::span<const double> values);

// The p-quantile (0 <= p <= 1, type 7) of values that are already sorted ascending and
// non-empty.
double quantile_of_sorted(std::span<const double> sorted, double p);

}  // namespace perfmatrix
