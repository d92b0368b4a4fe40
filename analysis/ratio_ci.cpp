#include "analysis/ratio_ci.hpp"

#include "analysis/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace perfmatrix {

namespace {

// splitmix64 (Steele, Lea & Flood 2014): tiny, fully specified, passes BigCrush.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
        z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
        return z ^ (z >> 31);
    }
    // Uniform in [0, range), range >= 1, without modulo bias (Lemire 2019).
    std::uint64_t below(std::uint64_t range) {
        __extension__ typedef unsigned __int128 Wide;
        Wide product = static_cast<Wide>(next()) * range;
        auto low = static_cast<std::uint64_t>(product);
        if (low < range) {
            const std::uint64_t threshold = (0 - range) % range;
            while (low < threshold) {
                product = static_cast<Wide>(next()) * range;
                low = static_cast<std::uint64_t>(product);
            }
        }
        return static_cast<std::uint64_t>(product >> 64);
    }

private:
    std::uint64_t state_;
};

// The median of one resample. Resampling sorted values, the resample's order statistics are
// the values at the order statistics of the drawn indices, so counting the indices (a
// histogram, reused) replaces sorting or selecting the values: O(n) with no allocation.
class ResampledMedian {
public:
    explicit ResampledMedian(std::span<const double> sorted) : sorted_(sorted), counts_(sorted.size()) {}

    double draw(SplitMix64& rng) {
        std::fill(counts_.begin(), counts_.end(), 0u);
        const std::size_t n = sorted_.size();
        for (std::size_t i = 0; i < n; ++i) ++counts_[rng.below(n)];
        // Type 7 at p = 1/2: order statistics (n - 1) / 2 and n / 2 (equal when n is odd).
        const std::size_t lo = (n - 1) / 2, hi = n / 2;
        std::size_t seen = 0, index = 0;
        while (seen + counts_[index] <= lo) seen += counts_[index++];
        const double low = sorted_[index];
        while (seen + counts_[index] <= hi) seen += counts_[index++];
        return hi == lo ? low : low + 0.5 * (sorted_[index] - low);
    }

private:
    std::span<const double> sorted_;
    std::vector<std::uint32_t> counts_;
};

void check_positive(std::span<const double> sorted, const char* side) {
    if (sorted.empty()) throw std::invalid_argument(std::string("median ratio: no ") + side + " samples");
    if (!(sorted.front() > 0) || !std::isfinite(sorted.back()))
        throw std::invalid_argument(std::string("median ratio: the ") + side +
                                    " samples must be finite and > 0 for a ratio of medians");
}

}  // namespace

RatioCi median_ratio_ci(std::span<const double> sorted_base, std::span<const double> sorted_new,
                        const BootstrapOptions& options) {
    check_positive(sorted_base, "base");
    check_positive(sorted_new, "new");
    if (options.resamples < 2) throw std::invalid_argument("median ratio: resamples must be >= 2");
    if (!(options.confidence > 0 && options.confidence < 1))
        throw std::invalid_argument("median ratio: confidence must be strictly between 0 and 1");

    RatioCi ci;
    ci.ratio = quantile_of_sorted(sorted_new, 0.5) / quantile_of_sorted(sorted_base, 0.5);
    SplitMix64 rng(options.seed);
    ResampledMedian base(sorted_base), fresh(sorted_new);
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
