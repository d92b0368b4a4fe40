#include "analysis/stats/ratio_ci.hpp"

#include "analysis/stats/bootstrap_random.hpp"
#include "analysis/stats/median_draws.hpp"
#include "analysis/stats/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace perfmatrix {

namespace {

void check_positive(std::span<const double> sorted, const char* side) {
    if (sorted.empty()) throw std::invalid_argument(std::string("median ratio: no ") + side + " samples");
    if (!(sorted.front() > 0) || !std::isfinite(sorted.back()))
        throw std::invalid_argument(std::string("median ratio: the ") + side +
                                    " samples must be finite and > 0 for a ratio of medians");
}

}  // namespace

RatioCi median_ratio_ci(std::span<const double> sorted_base, std::span<const double> sorted_new,
                        const BootstrapSettings& options) {
    check_positive(sorted_base, "base");
    check_positive(sorted_new, "new");
    if (options.resamples < 2) throw std::invalid_argument("median ratio: resamples must be >= 2");
    if (!(options.confidence > 0 && options.confidence < 1))
        throw std::invalid_argument("median ratio: confidence must be strictly between 0 and 1");

    RatioCi ci;
    ci.ratio = quantile_of_sorted(sorted_new, 0.5) / quantile_of_sorted(sorted_base, 0.5);
    SplitMix64 rng(options.seed);
    median_draws::MedianDraws base(sorted_base, options.order_statistics_from),
        fresh(sorted_new, options.order_statistics_from);
    std::vector<double> ratios(options.resamples);
    for (double& r : ratios) {
        const double b = base.draw(rng);
        r = fresh.draw(rng) / b;
    }
    std::sort(ratios.begin(), ratios.end());
    const double tail = (1 - options.confidence) / 2;
    ci.low = quantile_of_sorted(ratios, tail);
    ci.high = quantile_of_sorted(ratios, 1 - tail);
    return ci;
}

}  // namespace perfmatrix
