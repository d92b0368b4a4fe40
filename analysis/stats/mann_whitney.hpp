#pragma once
// The two-sided Mann-Whitney U test (Wilcoxon rank-sum), as scipy 1.10's
// scipy.stats.mannwhitneyu(base, new, alternative="two-sided") computes it with its
// defaults (method="auto", use_continuity=True), so the two agree to rounding:
// - exact null distribution when at least one side has <= 8 samples and no value occurs
//   twice in the two samples together (scipy 1.10's "auto": asymptotic only when BOTH sides
//   exceed 8, or when there are ties; its docstring's wording differs, its code is this);
// - otherwise the normal approximation with the tie-corrected variance
//   n1 n2 / 12 ((N + 1) - sum(t^3 - t) / (N (N - 1))) and a continuity correction of 1/2.
// The p-value is clipped to 1 (the exact two-sided sum counts the middle twice).

#include <cstddef>
#include <span>

namespace perfmatrix {

enum class MannWhitneyMethod { exact, asymptotic };

struct MannWhitney {
    double u_base = 0;   // U of the base sample: scipy's `statistic` for mannwhitneyu(base, new)
    double p_value = 1;  // two-sided
    MannWhitneyMethod method = MannWhitneyMethod::asymptotic;
};

// Both sides non-empty and NaN-free (std::invalid_argument otherwise), in any order.
// O(N log N) for the sorts, then one merge pass.
MannWhitney mann_whitney(std::span<const double> base, std::span<const double> new_values);

// The same over samples already sorted ascending (no NaN checks): O(N) plus the exact
// distribution when it is used.
MannWhitney mann_whitney_sorted(std::span<const double> base, std::span<const double> new_values);

}  // namespace perfmatrix
