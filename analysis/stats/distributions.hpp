#pragma once
// The few probability distributions the comparison statistics need, in double precision.
// Boost.Math computes them (distributions.cpp says with which error policy); a bad argument
// throws std::invalid_argument. Checked against mpmath in tests/analysis/distributions_test.cpp
// and, through median_ci and geometric_mean, against scipy in tests/analysis/test_against_scipy.py.

#include <cstddef>

namespace perfmatrix {

// P(Z > z) for a standard normal Z; accurate in the far tail (no 1 - cdf cancellation).
double normal_sf(double z);

// The regularized incomplete beta function I_x(a, b), finite a > 0 and b > 0, 0 <= x <= 1.
double regularized_incomplete_beta(double a, double b, double x);

// P(B <= k) for B ~ Binomial(n, p), 0 <= p <= 1.
double binomial_cdf(std::size_t k, std::size_t n, double p);

// P(T <= t) for T ~ Student's t with finite df > 0 degrees of freedom.
double student_t_cdf(double t, double df);

// The q-quantile (0 < q < 1) of Student's t with finite df > 0 degrees of freedom.
double student_t_quantile(double q, double df);

}  // namespace perfmatrix
