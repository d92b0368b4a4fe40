#include "analysis/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace perfmatrix {

double quantile_of_sorted(std::span<const double> sorted, double p) {
    // Type 7: position h = (n - 1) p between the 0-based order statistics floor(h) and the next.
    const double h = static_cast<double>(sorted.size() - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

namespace {

double mean_of(std::span<const double> values) {
    double sum = 0;
    for (double v : values) sum += v;
    return sum / static_cast<double>(values.size());
}

// Two passes (mean first) instead of sum-of-squares: the latter cancels catastrophically
// for samples like 1.000001 s +- 1 µs.
double sample_stddev(std::span<const double> values, double mean) {
    if (values.size() < 2) return 0;
    double squares = 0;
    for (double v : values) squares += (v - mean) * (v - mean);
    return std::sqrt(squares / static_cast<double>(values.size() - 1));
}

// Over sorted values, |x - median| forms two ascending runs: median - x walking left from
// the median, x - median walking right. Merging them sorts the deviations in O(n) instead of
// a second O(n log n) sort (which doubled the cost of a report over many samples).
double median_abs_deviation(std::span<const double> sorted, double median) {
    const auto split = std::lower_bound(sorted.begin(), sorted.end(), median);
    std::vector<double> left, right;
    left.reserve(static_cast<std::size_t>(split - sorted.begin()));
    right.reserve(static_cast<std::size_t>(sorted.end() - split));
    for (auto it = split; it != sorted.begin();) left.push_back(median - *--it);
    for (auto it = split; it != sorted.end(); ++it) right.push_back(*it - median);
    std::vector<double> deviations(sorted.size());
    std::merge(left.begin(), left.end(), right.begin(), right.end(), deviations.begin());
    return quantile_of_sorted(deviations, 0.5);
}

}  // namespace

Summary summarize(std::span<const double> values) {
    if (values.empty()) throw std::invalid_argument("summarize: no values");
    if (std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); }))
        throw std::invalid_argument("summarize: NaN among the values");

    std::vector<double> sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());

    Summary s;
    s.n = sorted.size();
    s.min = sorted.front();
    s.max = sorted.back();
    s.median = quantile_of_sorted(sorted, 0.5);
    s.q1 = quantile_of_sorted(sorted, 0.25);
    s.q3 = quantile_of_sorted(sorted, 0.75);
    s.iqr = s.q3 - s.q1;
    s.mad = median_abs_deviation(sorted, s.median);
    s.mean = mean_of(sorted);
    s.stddev = sample_stddev(sorted, s.mean);
    s.cv = s.mean == 0 ? 0 : s.stddev / s.mean;
    return s;
}

}  // namespace perfmatrix
