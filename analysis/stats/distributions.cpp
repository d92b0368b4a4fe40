#include "analysis/stats/distributions.hpp"

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/policies/policy.hpp>
#include <boost/math/special_functions/beta.hpp>

#include <cmath>
#include <stdexcept>
#include <string>

namespace perfmatrix {

// std::erfc already gives the upper tail to full precision; Boost.Math would add nothing.
double normal_sf(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

namespace {

namespace bmp = boost::math::policies;

// Arguments are checked in this file before Boost sees them, and rejected with
// std::invalid_argument, what this interface has always thrown (Boost's domain error is
// std::domain_error, which a catch of invalid_argument would miss). Boost's own domain
// check stays throw_on_error behind them, so an argument the checks let through fails loudly
// rather than as a NaN in a report; so does a series or root finder that does not converge
// (evaluation_error), as the hand-written continued fraction did. A t quantile beyond the
// double range (q < ~1e-308 at df = 1) is -inf or +inf rather than an exception:
// overflow_error<ignore_error> (the hand-written bisection stopped at +-1.3e154, where t * t
// overflowed). A probability below the smallest double (a binomial tail of 2^-1000000) is 0:
// underflow_error<ignore_error>, Boost's default, named so the choice is visible.
// promote_double stays on (the default): evaluated in long double inside, the incomplete
// beta keeps ~1e-13 relative error at a, b ~ 10^7; in double it drifts to ~3e-11 at 10^6
// and gets the sign of quantile(1e-320, df = 5) wrong. It costs ~4x the time (median_ci at
// 10^4 samples: ~60 us instead of ~15 us), once per case.
using Policy = bmp::policy<bmp::domain_error<bmp::throw_on_error>, bmp::evaluation_error<bmp::throw_on_error>,
                           bmp::overflow_error<bmp::ignore_error>, bmp::underflow_error<bmp::ignore_error>>;

// Boost takes df = +inf as the normal limit; the hand-written code rejected it (it formed
// inf / inf), and no caller needs it, so df stays finite here.
void check_df(double df, const char* function) {
    if (!(df > 0) || std::isinf(df)) throw std::invalid_argument(std::string(function) + ": expected finite df > 0");
}

}  // namespace

double regularized_incomplete_beta(double a, double b, double x) {
    // Boost also accepts a = 0 or b = 0 (a point mass); the interface keeps a, b > 0.
    if (!(a > 0) || !(b > 0) || std::isinf(a) || std::isinf(b) || !(x >= 0 && x <= 1))
        throw std::invalid_argument("incomplete beta: expected finite a > 0, b > 0, 0 <= x <= 1");
    return boost::math::ibeta(a, b, x, Policy());
}

double binomial_cdf(std::size_t k, std::size_t n, double p) {
    if (!(p >= 0 && p <= 1)) throw std::invalid_argument("binomial_cdf: expected 0 <= p <= 1");
    // Boost rejects k > n as a domain error; P(B <= k) = 1 there, as at k = n.
    if (k >= n) return 1;
    // Boost computes ibetac(k + 1, n - k, p), so a small p loses no digits to 1 - p.
    const boost::math::binomial_distribution<double, Policy> b(static_cast<double>(n), p);
    return boost::math::cdf(b, static_cast<double>(k));
}

double student_t_cdf(double t, double df) {
    check_df(df, "student_t_cdf");
    if (std::isnan(t)) throw std::invalid_argument("student_t_cdf: t is NaN");
    // Boost takes the lower tail of a negative t straight from the incomplete beta, so the
    // far tail keeps its digits; t = -inf / +inf give 0 / 1.
    return boost::math::cdf(boost::math::students_t_distribution<double, Policy>(df), t);
}

double student_t_quantile(double q, double df) {
    check_df(df, "student_t_quantile");
    // Boost returns -inf / +inf at q = 0 / 1 (overflow ignored); the interface keeps 0 < q < 1.
    if (!(q > 0 && q < 1)) throw std::invalid_argument("student_t_quantile: expected 0 < q < 1");
    // q = 0.5 gives exactly 0; below it Boost works with q itself, not 1 - q.
    return boost::math::quantile(boost::math::students_t_distribution<double, Policy>(df), q);
}

}  // namespace perfmatrix
