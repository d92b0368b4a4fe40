#include "analysis/distributions.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace perfmatrix {

double normal_sf(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

namespace {

// The continued fraction of I_x(a, b) (Numerical Recipes' betacf, modified Lentz). It needs
// O(sqrt(max(a, b))) terms near the mean, so the cap is generous: a median interval of
// 10^7 samples asks for a, b ~ 5e6.
double beta_continued_fraction(double a, double b, double x) {
    constexpr double tiny = 1e-300;
    constexpr double eps = std::numeric_limits<double>::epsilon();
    constexpr int max_terms = 1'000'000;
    const auto clamp_tiny = [](double v) { return std::abs(v) < tiny ? tiny : v; };
    double c = 1;
    double d = 1 / clamp_tiny(1 - (a + b) * x / (a + 1));
    double h = d;
    for (int m = 1; m <= max_terms; ++m) {
        const double dm = m;
        const double even = dm * (b - dm) * x / ((a - 1 + 2 * dm) * (a + 2 * dm));
        d = 1 / clamp_tiny(1 + even * d);
        c = clamp_tiny(1 + even / c);
        h *= d * c;
        const double odd = -(a + dm) * (a + b + dm) * x / ((a + 2 * dm) * (a + 1 + 2 * dm));
        d = 1 / clamp_tiny(1 + odd * d);
        c = clamp_tiny(1 + odd / c);
        const double step = d * c;
        h *= step;
        if (std::abs(step - 1) < eps) return h;
    }
    throw std::runtime_error("incomplete beta: continued fraction did not converge for a=" +
                             std::to_string(a) + ", b=" + std::to_string(b) + ", x=" + std::to_string(x));
}

// log(x^a (1-x)^b / B(a, b)), the factor in front of the continued fraction.
double log_beta_prefactor(double a, double b, double x) {
    return std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
}

}  // namespace

double regularized_incomplete_beta(double a, double b, double x) {
    if (!(a > 0) || !(b > 0) || !(x >= 0 && x <= 1))
        throw std::invalid_argument("incomplete beta: expected a > 0, b > 0, 0 <= x <= 1");
    if (x == 0 || x == 1) return x;
    const double front = std::exp(log_beta_prefactor(a, b, x));
    // The fraction converges fast only left of the mean; right of it, the symmetry
    // I_x(a, b) = 1 - I_(1-x)(b, a) applies.
    if (x < (a + 1) / (a + b + 2)) return front * beta_continued_fraction(a, b, x) / a;
    return 1 - front * beta_continued_fraction(b, a, 1 - x) / b;
}

double binomial_cdf(std::size_t k, std::size_t n, double p) {
    if (!(p >= 0 && p <= 1)) throw std::invalid_argument("binomial_cdf: expected 0 <= p <= 1");
    if (k >= n || p == 0) return 1;
    if (p == 1) return 0;
    return regularized_incomplete_beta(static_cast<double>(n - k), static_cast<double>(k + 1), 1 - p);
}

namespace {

// P(T > t) for t >= 0, straight from the incomplete beta so the far tail keeps its digits.
double student_t_upper_tail(double t, double df) {
    return 0.5 * regularized_incomplete_beta(df / 2, 0.5, df / (df + t * t));
}

}  // namespace

double student_t_cdf(double t, double df) {
    if (!(df > 0)) throw std::invalid_argument("student_t_cdf: expected df > 0");
    if (std::isnan(t)) throw std::invalid_argument("student_t_cdf: t is NaN");
    if (std::isinf(t)) return t > 0 ? 1 : 0;
    return t >= 0 ? 1 - student_t_upper_tail(t, df) : student_t_upper_tail(-t, df);
}

namespace {

// The t > 0 with P(T > t) = tail, 0 < tail < 1/2. Bisection: ~60 halvings, but it cannot
// diverge, and it runs once per summary of many cases, not per sample.
double student_t_upper_quantile(double tail, double df) {
    double lo = 0, hi = 1;
    while (student_t_upper_tail(hi, df) > tail) {
        lo = hi;
        hi *= 2;
    }
    while (hi - lo > std::numeric_limits<double>::epsilon() * hi) {
        const double mid = lo + (hi - lo) / 2;
        if (mid <= lo || mid >= hi) break;
        (student_t_upper_tail(mid, df) > tail ? lo : hi) = mid;
    }
    return lo + (hi - lo) / 2;
}

}  // namespace

double student_t_quantile(double q, double df) {
    if (!(df > 0)) throw std::invalid_argument("student_t_quantile: expected df > 0");
    if (!(q > 0 && q < 1)) throw std::invalid_argument("student_t_quantile: expected 0 < q < 1");
    if (q == 0.5) return 0;
    // The lower tail is q itself: forming 1 - q there would lose digits of a small q.
    return q < 0.5 ? -student_t_upper_quantile(q, df) : student_t_upper_quantile(1 - q, df);
}

}  // namespace perfmatrix
