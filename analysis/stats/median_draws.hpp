#pragma once
// How one bootstrap replicate draws the median of a resample of sorted values (ratio_ci.hpp
// explains both ways). Shared by ratio_ci.cpp and hierarchical_bootstrap.cpp, whose one-round
// sides are the ordinary bootstrap. Internal to analysis/stats.

#include "analysis/stats/bootstrap_random.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

namespace perfmatrix::median_draws {

// The median of one resample. Resampling sorted values, the resample's order statistics are
// the values at the order statistics of the drawn indices, so counting the indices (a
// histogram, reused) replaces sorting or selecting the values: O(n) with no allocation.
class ResampledMedian {
public:
    explicit ResampledMedian(std::span<const double> sorted) : sorted_(sorted), counts_(sorted.size()) {}
    bool empty() const { return sorted_.empty(); }

    double draw(SplitMix64& rng) {
        std::fill(counts_.begin(), counts_.end(), 0u);
        const std::size_t n = sorted_.size();
        for (std::size_t i = 0; i < n; ++i) ++counts_[rng.below(n)];
        return counted_median<std::uint32_t>(sorted_, counts_, n);
    }

private:
    std::span<const double> sorted_;
    std::vector<std::uint32_t> counts_;
};

// Beta(a, b) for a, b > 1: Cheng's algorithm BB (1978, "Generating beta variates with
// nonintegral shape parameters", CACM 21(4)), the one R's rbeta uses for such shapes. A
// rejection method on a logistic hull: two uniforms, an exp and usually no log per draw; it
// accepts at the first try nearly always when a and b are large, as the median's shapes are.
// Five times faster here than a ratio of two Marsaglia-Tsang gamma variates.
class Beta {
public:
    Beta(double a, double b)
        : a0_(a),
          a_(std::min(a, b)),
          b_(std::max(a, b)),
          alpha_(a + b),
          beta_(std::sqrt((alpha_ - 2) / (2 * a_ * b_ - alpha_))),
          gamma_(a_ + 1 / beta_) {}

    double draw(SplitMix64& rng) const {
        constexpr double log4 = 1.3862943611198906, one_plus_log5 = 2.6094379124341003;
        double w = 0;
        for (;;) {
            const double u1 = rng.open_unit(), u2 = rng.open_unit();
            const double v = beta_ * std::log(u1 / (1 - u1));
            w = v > 709 ? std::numeric_limits<double>::max() : a_ * std::exp(v);
            const double z = u1 * u1 * u2, r = gamma_ * v - log4, s = a_ + r - w;
            if (s + one_plus_log5 >= 5 * z) break;
            const double t = std::log(z);
            if (s > t) break;
            if (r + alpha_ * std::log(alpha_ / (b_ + w)) >= t) break;
        }
        return a0_ == a_ ? w / (b_ + w) : b_ / (b_ + w);
    }

private:
    double a0_, a_, b_, alpha_, beta_, gamma_;
};

// The median of one resample drawn from the distribution of its order statistics (see
// ratio_ci.hpp): O(1) per replicate.
class OrderStatisticMedian {
public:
    // n >= 2, so both shapes of the lower middle's Beta are > 1.
    explicit OrderStatisticMedian(std::span<const double> sorted)
        : sorted_(sorted), lower_middle_(static_cast<double>(lo() + 1), static_cast<double>(sorted.size() - lo())) {}

    double draw(SplitMix64& rng) const {
        const std::size_t n = sorted_.size();
        const std::size_t lo = this->lo();  // 0-based rank of the lower middle order statistic
        const double u = lower_middle_.draw(rng);
        const double low = at(u);
        if (n % 2 == 1) return low;
        // The least of the m = n - lo - 1 uniforms above u is u + (1 - u) V, V = 1 - W^(1/m).
        // 1 - W^(1/m) as -expm1(log(W) / m): no cancellation when m is large.
        const double v = -std::expm1(std::log(rng.open_unit()) / static_cast<double>(n - lo - 1));
        return low + 0.5 * (at(u + (1 - u) * v) - low);
    }

private:
    std::size_t lo() const { return (sorted_.size() - 1) / 2; }
    double at(double u) const {
        const auto n = sorted_.size();
        return sorted_[std::min(static_cast<std::size_t>(u * static_cast<double>(n)), n - 1)];
    }
    std::span<const double> sorted_;
    Beta lower_middle_;
};

// One side of the bootstrap: the histogram below the threshold, order statistics above.
// The order statistics need n >= 3: Cheng's Beta wants both shapes > 1.
class MedianDraws {
public:
    MedianDraws(std::span<const double> sorted, std::size_t order_statistics_from)
        : histogram_(sorted.size() >= std::max<std::size_t>(order_statistics_from, 3) ? std::span<const double>{}
                                                                                      : sorted) {
        if (histogram_.empty()) order_.emplace(sorted);
    }
    double draw(SplitMix64& rng) { return order_ ? order_->draw(rng) : histogram_.draw(rng); }
    bool uses_histogram() const { return !order_; }

private:
    ResampledMedian histogram_;
    std::optional<OrderStatisticMedian> order_;
};

}  // namespace perfmatrix::median_draws
