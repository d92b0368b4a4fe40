#include "analysis/stats/mann_whitney.hpp"

#include "analysis/stats/distributions.hpp"
#include "analysis/stats/mann_whitney_exact.hpp"
#include "analysis/stats/sorted_values.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace perfmatrix {

namespace {

// scipy 1.10 (_mwu_choose_method): the exact distribution unless both sides exceed this.
constexpr std::size_t exact_max_side = 8;

struct RankSums {
    double base_rank_sum = 0;  // sum of the (average) ranks of the base samples in the union
    double tie_term = 0;       // sum over groups of equal values of t^3 - t
    bool ties = false;
};

// Walks the merge of the two sorted samples one group of equal values at a time; a group of
// t values after r smaller ones takes the average rank r + (t + 1) / 2.
RankSums rank_sums(std::span<const double> base, std::span<const double> other) {
    RankSums r;
    std::size_t i = 0, j = 0;
    double below = 0;
    while (i < base.size() || j < other.size()) {
        const double v = j == other.size() || (i < base.size() && base[i] < other[j]) ? base[i] : other[j];
        std::size_t from_base = 0, from_other = 0;
        while (i < base.size() && base[i] == v) ++i, ++from_base;
        while (j < other.size() && other[j] == v) ++j, ++from_other;
        const double t = static_cast<double>(from_base + from_other);
        r.base_rank_sum += static_cast<double>(from_base) * (below + (t + 1) / 2);
        r.tie_term += t * t * t - t;
        r.ties = r.ties || t > 1;
        below += t;
    }
    return r;
}

double exact_p(double u_small, std::size_t n1, std::size_t n2) {
    const auto k = static_cast<std::size_t>(std::llround(u_small));
    return 2 * mann_whitney_exact_cdf(k, n1, n2);
}

// Upper tail of the larger U, as scipy does: z = (U - n1 n2 / 2 - 1/2) / sigma.
double asymptotic_p(double u_large, std::size_t n1, std::size_t n2, double tie_term) {
    const double a = static_cast<double>(n1), b = static_cast<double>(n2), n = a + b;
    const double sigma = std::sqrt(a * b / 12 * ((n + 1) - tie_term / (n * (n - 1))));
    // sigma is 0 only when every value is equal: no evidence at all, p = 1.
    if (sigma == 0) return 1;
    return 2 * normal_sf((u_large - a * b / 2 - 0.5) / sigma);
}

void check_sample(std::span<const double> values, const char* name) {
    if (values.empty()) throw std::invalid_argument(std::string("mann_whitney: no ") + name + " samples");
    if (std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); }))
        throw std::invalid_argument(std::string("mann_whitney: NaN among the ") + name + " samples");
}

}  // namespace

MannWhitney mann_whitney_sorted(std::span<const double> base, std::span<const double> new_values) {
    const std::size_t n1 = base.size(), n2 = new_values.size();
    const RankSums r = rank_sums(base, new_values);
    const double u1 = r.base_rank_sum - static_cast<double>(n1) * static_cast<double>(n1 + 1) / 2;
    const double u2 = static_cast<double>(n1) * static_cast<double>(n2) - u1;
    MannWhitney result;
    result.u_base = u1;
    const bool exact = std::min(n1, n2) <= exact_max_side && !r.ties;
    result.method = exact ? MannWhitneyMethod::exact : MannWhitneyMethod::asymptotic;
    const double p = exact ? exact_p(std::min(u1, u2), n1, n2) : asymptotic_p(std::max(u1, u2), n1, n2, r.tie_term);
    result.p_value = std::clamp(p, 0.0, 1.0);
    return result;
}

MannWhitney mann_whitney(std::span<const double> base, std::span<const double> new_values) {
    check_sample(base, "base");
    check_sample(new_values, "new");
    return mann_whitney_sorted(sorted_values(base), sorted_values(new_values));
}

}  // namespace perfmatrix
