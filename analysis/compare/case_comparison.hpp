#pragma once
// One matched pair of cases compared on one metric, with the speed-up convention of
// `perfmatrix compare`:
//
//   speed-up = how many times faster the new case is than the baseline; > 1: new is faster.
//   For lower-is-better metrics (times) it is median(base) / median(new); for higher-is-better
//   ones (GFLOP/s, GB/s, rates) median(new) / median(base). Its interval is the ratio's
//   bootstrap interval turned the same way.
//
// So a table of mixed kinds reads one way, and a geometric mean of speed-ups over a category
// means the same thing for a time and a bandwidth.

#include "analysis/compare/case_matching.hpp"
#include "analysis/stats/comparison.hpp"
#include "analysis/stats/measured_samples.hpp"
#include "analysis/stats/noise_warnings.hpp"

#include <optional>
#include <string>
#include <vector>

namespace perfmatrix {

struct Speedup {
    double value = 0, low = 0, high = 0;
};

// The speed-up of a ratio new / base (with its interval) for a metric improving `better`.
Speedup speedup_of(const RatioCi& ratio, Better better);
// How much slower a speed-up is, as a fraction: 1 / speed-up - 1 (0.25: the new case takes
// 25 % longer, or does the same work at 1 / 1.25 of the rate). Negative when faster.
double slowdown_of(double speedup);

struct CaseComparison {
    CasePair pair;  // both sides present and ok
    std::string category;
    std::string metric, unit;
    Better better = Better::lower;
    Comparison comparison;                // verdict and reason (no verdict: why)
    std::optional<Speedup> speedup;       // when the comparison has a ratio
    NoiseWarnings base_noise, new_noise;  // of each side's samples; none when it has none
};

struct CompareSettings {
    std::string metric;  // empty: each case's headline metric (compared_metric)
    double alpha = 0.05;
    double min_effect = 0.02;     // |ratio - 1| below this is "no significant change"
    std::size_t min_samples = 5;  // per side, for a verdict and for the noise warning
    std::size_t top = 5;          // improvements and regressions listed
    // The CV limit of `perfmatrix report` (ReportSettings::noisy_cv), so both flag the same
    // cases; min_samples is taken from above.
    NoiseThresholds noise{.max_cv = 0.10};
};

// The metric a case pair is compared on: the requested one, else the first headline metric of
// its kind (as the file describes it; case_metrics.hpp) both sides have samples of, else "time"
// (the per-operation time every batch kind and Python workload records). "" when there is none.
std::string compared_metric(const CaseRecord& base, const CaseRecord& fresh, const std::string& requested);

// Both sides present with status ok (the caller lists the others). `measured` keeps each
// case's sorted samples for the next pair that has the same case (axis mode's baseline).
CaseComparison compare_pair(const CasePair& pair, const CompareSettings& settings, MeasuredCache& measured);
// The same with a cache per side: a caller that loads cases one at a time keeps the baseline's
// sorted samples for its next pair and drops the new side's with it.
CaseComparison compare_pair(const CasePair& pair, const CompareSettings& settings, MeasuredCache& base_measured,
                            MeasuredCache& new_measured);

}  // namespace perfmatrix
