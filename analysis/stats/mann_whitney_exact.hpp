#pragma once
// The exact null distribution of the Mann-Whitney U statistic (no ties).

#include <cstddef>

namespace perfmatrix {

// P(U <= k) for samples of sizes m and n (both >= 1) under the null hypothesis, U in
// 0..m*n. Time O(min(m, n) * k), memory O(k): for the small side that scipy's rule sends
// here (<= 8) that is cheap even when the other side is large.
double mann_whitney_exact_cdf(std::size_t k, std::size_t m, std::size_t n);

}  // namespace perfmatrix
