#pragma once
// Comparison of two sample sets of one metric (base, new): ratio of medians with its
// bootstrap interval (ratio_ci.hpp), the two-sided Mann-Whitney test (mann_whitney.hpp) and
// a verdict.
//
// Verdict: "faster" or "slower" only when p < alpha AND |ratio - 1| >= min_effect, so a
// statistically clear but practically irrelevant difference (0.3 % on 10^4 samples) reads
// "no significant change". Which side of 1 is faster follows Better: ratio < 1 for times,
// > 1 for rates. No verdict when a side has fewer than min_samples samples, or when there
// is no ratio (a side with values <= 0); `reason` then says which.

#include "analysis/stats/mann_whitney.hpp"
#include "analysis/stats/ratio_ci.hpp"
#include "measure/model/kind.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace perfmatrix {

enum class Verdict { faster, slower, no_significant_change, no_verdict };

// "faster", "slower", "no significant change", "no verdict".
std::string_view verdict_name(Verdict v);

struct ComparisonSettings {
    Better better = Better::lower;
    double alpha = 0.05;
    double min_effect = 0.02;     // |ratio - 1| below this is no change whatever p says
    std::size_t min_samples = 5;  // per side, for a verdict
    // What one value of a side is, for messages: "sample", or "round" when each is a round's median.
    std::string_view sample_name = "sample";
    BootstrapSettings bootstrap;
};

struct Comparison {
    std::size_t n_base = 0, n_new = 0;
    double median_base = 0, median_new = 0;  // 0 for an empty side
    std::optional<RatioCi> ratio;            // new / base; none if a side is empty or has values <= 0
    std::optional<MannWhitney> test;         // none if a side is empty
    Verdict verdict = Verdict::no_verdict;
    std::string reason;  // why there is no verdict; empty otherwise
};

// Samples in any order; NaN is rejected (std::invalid_argument), empty sides are allowed
// (no verdict). Throws std::invalid_argument on options out of range.
Comparison compare_samples(std::span<const double> base, std::span<const double> new_values,
                           const ComparisonSettings& options = {});
// The same on samples already sorted ascending and NaN-free (the caller's sorted copies).
Comparison compare_sorted(std::span<const double> sorted_base, std::span<const double> sorted_new,
                          const ComparisonSettings& options);

// The verdict rule alone, for a ratio new / base and a p-value.
Verdict judge(double ratio, double p_value, const ComparisonSettings& options);

}  // namespace perfmatrix
