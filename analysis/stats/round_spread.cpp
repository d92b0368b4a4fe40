#include "analysis/stats/round_spread.hpp"

#include "analysis/stats/statistics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace perfmatrix {

namespace {

void check_rounds(std::span<const std::vector<double>> rounds) {
    if (rounds.empty()) throw std::invalid_argument("round spread: no rounds");
    for (const std::vector<double>& round : rounds) {
        if (round.empty()) throw std::invalid_argument("round spread: a round without samples");
        for (double v : round)
            if (!(v > 0) || !std::isfinite(v))
                throw std::invalid_argument("round spread: samples must be finite and > 0");
    }
}

double median_of(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return quantile_of_sorted(values, 0.5);
}

// MAD / median, MAD unscaled (statistics.hpp's convention).
double relative_mad(const std::vector<double>& values) {
    const double median = median_of(values);
    std::vector<double> deviations(values.size());
    std::transform(values.begin(), values.end(), deviations.begin(), [&](double v) { return std::abs(v - median); });
    return median_of(std::move(deviations)) / median;
}

double within_relative_mad(std::span<const std::vector<double>> rounds) {
    std::vector<double> per_round;
    for (const std::vector<double>& round : rounds)
        if (round.size() >= 2) per_round.push_back(relative_mad(round));
    return per_round.empty() ? 0 : median_of(std::move(per_round));
}

double between_relative_mad(std::span<const std::vector<double>> rounds) {
    if (rounds.size() < 2) return 0;
    std::vector<double> medians;
    for (const std::vector<double>& round : rounds) medians.push_back(median_of(round));
    return relative_mad(medians);
}

double mean_of(const std::vector<double>& values) {
    double sum = 0;
    for (double v : values) sum += v;
    return sum / static_cast<double>(values.size());
}

// The ANOVA estimator (round_spread.hpp), from two passes: means first, then squares about them.
std::optional<VarianceComponents> variance_components(std::span<const std::vector<double>> rounds, std::size_t total) {
    const std::size_t k = rounds.size();
    if (k < 2 || total <= k) return std::nullopt;
    const auto N = static_cast<double>(total);
    VarianceComponents c;
    double sum = 0, sum_sizes_squared = 0, ss_between = 0, ss_within = 0;
    for (const std::vector<double>& round : rounds) sum += mean_of(round) * static_cast<double>(round.size());
    c.grand_mean = sum / N;
    for (const std::vector<double>& round : rounds) {
        const double n = static_cast<double>(round.size()), mean = mean_of(round);
        ss_between += n * (mean - c.grand_mean) * (mean - c.grand_mean);
        for (double v : round) ss_within += (v - mean) * (v - mean);
        sum_sizes_squared += n * n;
    }
    c.mean_square_between = ss_between / static_cast<double>(k - 1);
    c.mean_square_within = ss_within / (N - static_cast<double>(k));
    c.samples_per_round = (N - sum_sizes_squared / N) / static_cast<double>(k - 1);
    c.within_variance = c.mean_square_within;
    c.between_variance = std::max(0.0, (c.mean_square_between - c.mean_square_within) / c.samples_per_round);
    const double total_variance = c.between_variance + c.within_variance;
    c.icc = total_variance > 0 ? c.between_variance / total_variance : 0;
    return c;
}

std::string dominated_warning(const VarianceComponents& c) {
    return fmt::format(
        "rounds differ more than samples within a round (between {:.1f} % vs within {:.1f} %): the machine "
        "drifted or process layout matters; more rounds help, more samples per round do not",
        100 * c.between_cv(), 100 * c.within_cv());
}

}  // namespace

double VarianceComponents::between_cv() const { return std::sqrt(between_variance) / grand_mean; }
double VarianceComponents::within_cv() const { return std::sqrt(within_variance) / grand_mean; }

RoundSpread round_spread(std::span<const std::vector<double>> rounds) {
    check_rounds(rounds);
    RoundSpread s;
    s.rounds = rounds.size();
    for (const std::vector<double>& round : rounds) s.samples += round.size();
    s.within_relative_mad = within_relative_mad(rounds);
    s.between_relative_mad = between_relative_mad(rounds);
    s.components = variance_components(rounds, s.samples);
    s.dominated_by_between = s.components && s.components->icc > 0.5;
    if (s.dominated_by_between) s.warning = dominated_warning(*s.components);
    return s;
}

}  // namespace perfmatrix
