#include "analysis/stats/statistics.hpp"

#include "analysis/stats/sorted_values.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace perfmatrix {

namespace {

// Type 7 over any ascending sequence given by index: position h = (n - 1) p between the
// 0-based order statistics floor(h) and the next.
template <class At>
double type7_quantile(std::size_t n, double p, At at) {
    const double h = static_cast<double>(n - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, n - 1);
    const double low_value = at(lo);
    return low_value + (h - static_cast<double>(lo)) * (at(hi) - low_value);
}

}  // namespace

double quantile_of_sorted(std::span<const double> sorted, double p) {
    return type7_quantile(sorted.size(), p, [&](std::size_t i) { return sorted[i]; });
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
// the median, x - median walking right. Walking their merge up to the middle finds the
// median deviation in O(n) with no allocation (a second sort, or merging into new arrays,
// doubled the cost of a report over many samples).
double median_abs_deviation(std::span<const double> sorted, double median) {
    const std::size_t n = sorted.size();
    const std::size_t split = static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), median) -
                                                       sorted.begin());
    std::size_t left = split, right = split;  // next: sorted[left - 1], sorted[right]
    const auto next_deviation = [&]() {
        const bool take_left = right == n || (left > 0 && median - sorted[left - 1] <= sorted[right] - median);
        return take_left ? median - sorted[--left] : sorted[right++] - median;
    };
    const std::size_t lo = (n - 1) / 2;  // type 7 at p = 1/2: order statistics lo and lo + (n even)
    for (std::size_t i = 0; i < lo; ++i) next_deviation();
    const double low = next_deviation();
    return n % 2 ? low : (low + next_deviation()) / 2;
}

// The median of the values without the first measured one: the sorted array with one copy
// of `first` left out, read through an index shift instead of a copy.
double median_without(std::span<const double> sorted, double first) {
    const std::size_t gap = static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), first) -
                                                     sorted.begin());
    return type7_quantile(sorted.size() - 1, 0.5, [&](std::size_t i) { return sorted[i < gap ? i : i + 1]; });
}

}  // namespace

Summary summarize(std::span<const double> values) {
    if (values.empty()) throw std::invalid_argument("summarize: no values");
    if (std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); }))
        throw std::invalid_argument("summarize: NaN among the values");

    return summarize_sorted(sorted_values(values), values.front());
}

Summary summarize_sorted(std::span<const double> sorted, double first) {
    if (sorted.empty()) throw std::invalid_argument("summarize: no values");
    Summary s;
    s.n = sorted.size();
    s.min = sorted.front();
    s.max = sorted.back();
    s.median = quantile_of_sorted(sorted, 0.5);
    s.q1 = quantile_of_sorted(sorted, 0.25);
    s.q3 = quantile_of_sorted(sorted, 0.75);
    s.iqr = s.q3 - s.q1;
    s.p5 = quantile_of_sorted(sorted, 0.05);
    s.p95 = quantile_of_sorted(sorted, 0.95);
    s.p99 = quantile_of_sorted(sorted, 0.99);
    s.mad = median_abs_deviation(sorted, s.median);
    s.mean = mean_of(sorted);
    s.stddev = sample_stddev(sorted, s.mean);
    s.cv = s.mean == 0 ? 0 : s.stddev / s.mean;
    s.median_ci = median_ci(sorted);
    s.outliers = find_outliers(sorted, s.median, s.mad, s.q1, s.q3);
    s.first = first;
    if (s.n > 1) s.median_of_rest = median_without(sorted, s.first);
    return s;
}

}  // namespace perfmatrix
