#include "analysis/stats/hierarchical_bootstrap.hpp"

#include "analysis/stats/bootstrap_random.hpp"
#include "analysis/stats/median_draws.hpp"
#include "analysis/stats/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>

namespace perfmatrix {

namespace {

void check_rounds(std::span<const std::vector<double>> rounds, const char* side) {
    const std::string where = std::string("hierarchical median ratio: ") + side;
    if (rounds.empty()) throw std::invalid_argument(where + " has no rounds");
    std::size_t total = 0;
    for (const std::vector<double>& round : rounds) {
        if (round.empty()) throw std::invalid_argument(where + " has a round without samples");
        for (double v : round)
            if (!(v > 0) || !std::isfinite(v))
                throw std::invalid_argument(where + " samples must be finite and > 0 for a ratio of medians");
        total += round.size();
    }
    if (total > std::numeric_limits<std::uint32_t>::max())
        throw std::invalid_argument(where + " has 2^32 samples or more");
}

// A draw from [0, range) that makes none when range is 1: one round, or a round of one sample,
// leaves nothing to choose, and drawing anyway would shift the stream away from
// median_ratio_ci's for those cases (hierarchical_bootstrap.hpp).
std::uint32_t pick(SplitMix64& rng, std::size_t range) {
    return range == 1 ? 0 : static_cast<std::uint32_t>(rng.below(range));
}

// One side's rounds laid out for the replicates: every sample's place in the side's pooled
// sorted order, so a replicate counts drawn places in a histogram (as ratio_ci's
// ResampledMedian does) and walks it to the middle instead of sorting the pool.
class PooledRounds {
public:
    PooledRounds(std::span<const std::vector<double>> rounds, std::size_t order_statistics_from) {
        for (const std::vector<double>& round : rounds) {
            starts_.push_back(static_cast<std::uint32_t>(sorted_.size()));
            sorted_.insert(sorted_.end(), round.begin(), round.end());
        }
        starts_.push_back(static_cast<std::uint32_t>(sorted_.size()));
        // One round: both levels are the ordinary bootstrap of its samples, drawn as
        // median_ratio_ci draws them (order statistics from order_statistics_from samples on),
        // so a replicate costs O(1), not O(n), and the interval is median_ratio_ci's. Those
        // draws need only the sorted values (callers' rounds usually are): no places, no histogram.
        if (rounds.size() == 1 && sorted_.size() >= std::max<std::size_t>(order_statistics_from, 3)) {
            if (!std::is_sorted(sorted_.begin(), sorted_.end())) std::sort(sorted_.begin(), sorted_.end());
            one_round_.emplace(sorted_, order_statistics_from);
            return;
        }
        place_ = sorted_places(sorted_);
        std::sort(sorted_.begin(), sorted_.end());
        counts_.resize(sorted_.size());
        if (rounds.size() == 1) one_round_.emplace(sorted_, order_statistics_from);  // the histogram's
    }

    double median() const { return quantile_of_sorted(sorted_, 0.5); }

    double draw(SplitMix64& rng, RoundResampling resampling) {
        // A one-round side drawn whole is that round: a draw from one round is never made.
        if (one_round_ && resampling == RoundResampling::rounds_only) return median();
        if (one_round_ && !one_round_->uses_histogram()) return one_round_->draw(rng);
        std::fill(counts_.begin(), counts_.end(), 0u);
        const std::size_t rounds = starts_.size() - 1;
        std::size_t pooled = 0;
        for (std::size_t r = 0; r < rounds; ++r) {
            const std::size_t round = pick(rng, rounds);
            const std::uint32_t start = starts_[round], size = starts_[round + 1] - start;
            if (resampling == RoundResampling::rounds_only)
                for (std::uint32_t i = 0; i < size; ++i) ++counts_[place_[start + i]];
            else
                for (std::uint32_t i = 0; i < size; ++i) ++counts_[place_[start + pick(rng, size)]];
            pooled += size;
        }
        return counted_median<std::uint32_t>(sorted_, counts_, pooled);
    }

private:
    // The rank of each value in the ascending order (ties by position, so values already
    // ascending keep their places).
    static std::vector<std::uint32_t> sorted_places(const std::vector<double>& values) {
        std::vector<std::uint32_t> order(values.size());
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return values[a] < values[b]; });
        std::vector<std::uint32_t> place(values.size());
        for (std::uint32_t rank = 0; rank < order.size(); ++rank) place[order[rank]] = rank;
        return place;
    }

    std::vector<double> sorted_;
    std::vector<std::uint32_t> starts_;  // round r is [starts_[r], starts_[r + 1]) before sorting
    std::vector<std::uint32_t> place_;   // sample i's index in sorted_
    std::vector<std::uint32_t> counts_;
    std::optional<median_draws::MedianDraws> one_round_;
};

RatioCi percentile_interval(double ratio, std::vector<double>& replicates, double confidence) {
    std::sort(replicates.begin(), replicates.end());
    const double tail = (1 - confidence) / 2;
    return {ratio, quantile_of_sorted(replicates, tail), quantile_of_sorted(replicates, 1 - tail)};
}

void check_options(std::size_t resamples, double confidence) {
    if (resamples < 2) throw std::invalid_argument("hierarchical median ratio: resamples must be >= 2");
    if (!(confidence > 0 && confidence < 1))
        throw std::invalid_argument("hierarchical median ratio: confidence must be strictly between 0 and 1");
}

// Checked before sorting: a NaN breaks the sort's ordering and could land mid-way, where
// median_ratio_ci's check of the two ends would not see it.
std::vector<double> sorted_round_values(std::span<const double> values, const char* side) {
    for (double v : values)
        if (!(v > 0) || !std::isfinite(v))
            throw std::invalid_argument(std::string("round median ratio: the ") + side +
                                        " values must be finite and > 0 for a ratio of medians");
    std::vector<double> sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

}  // namespace

RatioCi hierarchical_median_ratio_ci(std::span<const std::vector<double>> base_rounds,
                                     std::span<const std::vector<double>> new_rounds,
                                     const HierarchicalSettings& options) {
    check_rounds(base_rounds, "base");
    check_rounds(new_rounds, "new");
    check_options(options.resamples, options.confidence);

    PooledRounds base(base_rounds, options.order_statistics_from), fresh(new_rounds, options.order_statistics_from);
    SplitMix64 rng(options.seed);
    std::vector<double> ratios(options.resamples);
    for (double& r : ratios) {
        const double b = base.draw(rng, options.resampling);  // base first, as median_ratio_ci
        r = fresh.draw(rng, options.resampling) / b;
    }
    return percentile_interval(fresh.median() / base.median(), ratios, options.confidence);
}

RatioCi round_median_ratio_ci(std::span<const double> base_round_values, std::span<const double> new_round_values,
                              const BootstrapSettings& options) {
    return median_ratio_ci(sorted_round_values(base_round_values, "base"), sorted_round_values(new_round_values, "new"),
                           options);
}

}  // namespace perfmatrix
