#include "analysis/stats/comparison.hpp"

#include "analysis/stats/sorted_values.hpp"
#include "analysis/stats/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

namespace perfmatrix {

std::string_view verdict_name(Verdict v) {
    switch (v) {
        case Verdict::faster: return "faster";
        case Verdict::slower: return "slower";
        case Verdict::no_significant_change: return "no significant change";
        case Verdict::no_verdict: break;
    }
    return "no verdict";
}

namespace {

void check_options(const ComparisonSettings& o) {
    if (!(o.alpha > 0 && o.alpha < 1))
        throw std::invalid_argument(fmt::format("compare: alpha must be in (0, 1), got {}", o.alpha));
    if (!(o.min_effect >= 0) || !std::isfinite(o.min_effect))
        throw std::invalid_argument(fmt::format("compare: min_effect must be finite and >= 0, got {}", o.min_effect));
}

std::vector<double> checked_sorted(std::span<const double> values, const char* side) {
    if (std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); }))
        throw std::invalid_argument(fmt::format("compare: NaN among the {} samples", side));
    return sorted_values(values);
}

std::string too_few(std::size_t n, const char* side, std::size_t needed, std::string_view what) {
    return fmt::format("only {} {} {}{} (< {})", n, side, what, n == 1 ? "" : "s", needed);
}

// Why no verdict can be given, or "" when one can.
std::string missing_verdict_reason(const Comparison& c, const ComparisonSettings& o) {
    if (c.n_base < o.min_samples) return too_few(c.n_base, "base", o.min_samples, o.sample_name);
    if (c.n_new < o.min_samples) return too_few(c.n_new, "new", o.min_samples, o.sample_name);
    if (!c.ratio) return "no ratio of medians: a side has values <= 0 or infinite";
    return {};
}

}  // namespace

Verdict judge(double ratio, double p_value, const ComparisonSettings& options) {
    if (!(p_value < options.alpha) || std::abs(ratio - 1) < options.min_effect) return Verdict::no_significant_change;
    const bool new_is_lower = ratio < 1;
    return new_is_lower == (options.better == Better::lower) ? Verdict::faster : Verdict::slower;
}

Comparison compare_samples(std::span<const double> base, std::span<const double> new_values,
                           const ComparisonSettings& options) {
    const std::vector<double> a = checked_sorted(base, "base"), b = checked_sorted(new_values, "new");
    return compare_sorted(a, b, options);
}

Comparison compare_sorted(std::span<const double> a, std::span<const double> b, const ComparisonSettings& options) {
    check_options(options);
    Comparison c;
    c.n_base = a.size();
    c.n_new = b.size();
    if (!a.empty()) c.median_base = quantile_of_sorted(a, 0.5);
    if (!b.empty()) c.median_new = quantile_of_sorted(b, 0.5);
    if (!a.empty() && !b.empty()) {
        c.test = mann_whitney_sorted(a, b);
        if (a.front() > 0 && b.front() > 0 && std::isfinite(a.back()) && std::isfinite(b.back()))
            c.ratio = median_ratio_ci(a, b, options.bootstrap);
    }
    c.reason = missing_verdict_reason(c, options);
    if (c.reason.empty()) c.verdict = judge(c.ratio->ratio, c.test->p_value, options);
    return c;
}

}  // namespace perfmatrix
