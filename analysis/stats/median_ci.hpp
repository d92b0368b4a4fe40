#pragma once
// A distribution-free confidence interval of the median from order statistics.
//
// The number B of samples below the true median is Binomial(n, 1/2) whatever the
// distribution, so [x_(j), x_(k)] (1-based order statistics) covers the median with
// probability P(j <= B < k). Convention: the interval is symmetric, k = n + 1 - j, and j is
// the LARGEST rank with coverage 1 - 2 P(B <= j - 1) >= the confidence asked for (the
// narrowest symmetric interval that keeps it). For 95 % that needs n >= 6: with n <= 5 even
// [min, max] covers only 1 - 2/2^n <= 93.75 %, and then there is no interval, not a faked one.
// With ties the coverage is at least the stated one (closed interval over a discrete law).

#include <cstddef>
#include <optional>
#include <span>

namespace perfmatrix {

struct MedianCi {
    std::size_t lower_rank = 0;   // j, 1-based order statistic
    std::size_t upper_rank = 0;   // k = n + 1 - j
    double lower = 0, upper = 0;  // x_(j), x_(k)
    double coverage = 0;          // exact P(j <= B < k), >= the confidence asked for
};

// The ranks (values left 0) for n samples, or nothing when n is too small for the confidence.
// 0 < confidence < 1. O(sqrt(n) log n).
std::optional<MedianCi> median_ci_ranks(std::size_t n, double confidence = 0.95);

// The interval over values sorted ascending.
std::optional<MedianCi> median_ci(std::span<const double> sorted, double confidence = 0.95);

}  // namespace perfmatrix
