#include "analysis/stats/outliers.hpp"

#include <algorithm>
#include <cmath>

namespace perfmatrix {

namespace {

constexpr double modified_z_limit = 3.5;
constexpr double mad_consistency = 0.6745;        // Iglewicz & Hoaglin's constant
constexpr double mean_ad_consistency = 1.253314;  // sqrt(pi / 2)

double mean_abs_deviation(std::span<const double> values, double center) {
    double sum = 0;
    for (double v : values) sum += std::abs(v - center);
    return sum / static_cast<double>(values.size());
}

// |M| > 3.5 <=> |x - median| > 3.5 * MAD / 0.6745: the fence form of the rule.
Fences modified_z_fences(std::span<const double> sorted, double median, double mad) {
    const double half_width = mad > 0 ? modified_z_limit * mad / mad_consistency
                                      : modified_z_limit * mean_ad_consistency * mean_abs_deviation(sorted, median);
    // half_width 0 means all values equal the median; then nothing is outside.
    return {median - half_width, median + half_width};
}

std::size_t count_outside(std::span<const double> sorted, const Fences& f) {
    const auto below = std::lower_bound(sorted.begin(), sorted.end(), f.low) - sorted.begin();
    const auto above = sorted.end() - std::upper_bound(sorted.begin(), sorted.end(), f.high);
    return static_cast<std::size_t>(below + above);
}

}  // namespace

Outliers find_outliers(std::span<const double> sorted, double median, double mad, double q1, double q3) {
    Outliers o;
    o.mad_was_zero = mad == 0;
    o.modified_z = modified_z_fences(sorted, median, mad);
    const double iqr = q3 - q1;
    o.tukey = {q1 - 1.5 * iqr, q3 + 1.5 * iqr};
    o.tukey_far = {q1 - 3 * iqr, q3 + 3 * iqr};
    o.modified_z_count = count_outside(sorted, o.modified_z);
    o.tukey_count = count_outside(sorted, o.tukey);
    o.tukey_far_count = count_outside(sorted, o.tukey_far);
    return o;
}

}  // namespace perfmatrix
