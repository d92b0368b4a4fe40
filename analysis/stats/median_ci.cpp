#include "analysis/stats/median_ci.hpp"

#include "analysis/stats/distributions.hpp"

#include <stdexcept>

namespace perfmatrix {

namespace {

// P(j <= B <= n - j) for B ~ Binomial(n, 1/2): both tails are P(B <= j - 1) by symmetry.
double symmetric_coverage(std::size_t j, std::size_t n) { return 1 - 2 * binomial_cdf(j - 1, n, 0.5); }

}  // namespace

std::optional<MedianCi> median_ci_ranks(std::size_t n, double confidence) {
    if (!(confidence > 0 && confidence < 1))
        throw std::invalid_argument("median_ci: confidence must be strictly between 0 and 1");
    // j = 1 is [min, max], the widest interval; none covers more.
    if (n < 2 || symmetric_coverage(1, n) < confidence) return std::nullopt;
    // Coverage falls as j grows (j <= n / 2 keeps j < k): binary search for the last j that
    // still reaches the confidence.
    std::size_t good = 1, bad = n / 2 + 1;
    while (bad - good > 1) {
        const std::size_t mid = good + (bad - good) / 2;
        (symmetric_coverage(mid, n) >= confidence ? good : bad) = mid;
    }
    MedianCi ci;
    ci.lower_rank = good;
    ci.upper_rank = n + 1 - good;
    ci.coverage = symmetric_coverage(good, n);
    return ci;
}

std::optional<MedianCi> median_ci(std::span<const double> sorted, double confidence) {
    std::optional<MedianCi> ci = median_ci_ranks(sorted.size(), confidence);
    if (ci) {
        ci->lower = sorted[ci->lower_rank - 1];
        ci->upper = sorted[ci->upper_rank - 1];
    }
    return ci;
}

}  // namespace perfmatrix
