#include "analysis/stats/mann_whitney_exact.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace perfmatrix {

namespace {

// Counts up to 2^128 exactly: C(1008, 8) ~ 2.6e19 already exceeds 64 bits.
__extension__ typedef unsigned __int128 Exact;

// The number of orderings with U = u is the coefficient of q^u in the Gaussian binomial
// [m + n choose m]_q = prod_{i=1..m} (1 - q^(n+i)) / (1 - q^i). Built one factor at a time,
// truncated at degree k (lower coefficients never depend on higher ones); returns the sum of
// the coefficients 0..k. Multiplying by (1 - q^(n+i)) can go negative in between: with
// unsigned 128-bit integers that wraps, and since every finished step is a polynomial with
// coefficients in [0, 2^128), modular arithmetic gives it exactly. With long double (used
// only when the total overflows 128 bits) the results are approximate.
template <class Count>
Count orderings_up_to(std::size_t k, std::size_t m, std::size_t n) {
    std::vector<Count> c(k + 1, Count(0));
    c[0] = 1;
    for (std::size_t i = 1; i <= m; ++i) {
        if (k >= n + i)
            for (std::size_t d = k; d >= n + i; --d) c[d] -= c[d - n - i];
        for (std::size_t d = i; d <= k; ++d) c[d] += c[d - i];
    }
    Count sum = 0;
    for (const Count& v : c) sum += v;
    return sum;
}

// C(m + n, m), or false when it does not fit in 128 bits.
bool total_orderings(std::size_t m, std::size_t n, Exact& total) {
    total = 1;
    for (std::size_t i = 1; i <= m; ++i) {
        Exact times = 0;
        if (__builtin_mul_overflow(total, static_cast<Exact>(n + i), &times)) return false;
        total = times / i;  // exact: C(n + i, i) = C(n + i - 1, i - 1) (n + i) / i
    }
    return true;
}

}  // namespace

double mann_whitney_exact_cdf(std::size_t k, std::size_t m, std::size_t n) {
    if (m == 0 || n == 0) throw std::invalid_argument("mann_whitney_exact_cdf: empty sample");
    if (k >= m * n) return 1;
    // The distribution is the same with the sides swapped; the loop runs over the smaller.
    if (m > n) std::swap(m, n);
    Exact total = 0;
    if (total_orderings(m, n, total))
        return static_cast<double>(static_cast<long double>(orderings_up_to<Exact>(k, m, n)) /
                                   static_cast<long double>(total));
    long double total_approx = 1;
    for (std::size_t i = 1; i <= m; ++i)
        total_approx = total_approx * static_cast<long double>(n + i) / static_cast<long double>(i);
    return static_cast<double>(orderings_up_to<long double>(k, m, n) / total_approx);
}

}  // namespace perfmatrix
