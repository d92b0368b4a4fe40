#pragma once
// The few probability distributions the comparison statistics need, in double precision.
// Written here rather than pulled from Boost.Math so the analysis library keeps no extra
// dependency; each is checked against scipy in tests/analysis/test_against_scipy.py.

#include <cstddef>

namespace perfmatrix {

// P(Z > z) for a standard normal Z; accurate in the far tail (no 1 - cdf cancellation).
double normal_sf(double z);

// The regularized incomplete beta function I_x(a, b), a > 0, b > 0, 0 <= x <= 1.
// Continued fraction (modified Lentz). The prefactor uses lgamma, so for a, b around 10^7
// its relative error grows to ~1e-8; below 10^4 it is ~1e-13.
double regularized_incomplete_beta(double a, double b, double x);

// P(B <= k) for B ~ Binomial(n, p), 0 <= p <= 1.
double binomial_cdf(std::size_t k, std::size_t n, double p);

// P(T <= t) for T ~ Student's t with df > 0 degrees of freedom.
double student_t_cdf(double t, double df);

// The q-quantile (0 < q < 1) of Student's t with df > 0 degrees of freedom.
double student_t_quantile(double q, double df);

}  // namespace perfmatrix
