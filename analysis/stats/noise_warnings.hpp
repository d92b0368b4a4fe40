#pragma once
// Why a case's numbers deserve less trust, as data (flags and the thresholds used), so the
// report, the comparison tables and the HTML each word them their own way.

#include "analysis/stats/statistics.hpp"
#include "measure/model/kind.hpp"

#include <cstddef>

namespace perfmatrix {

struct NoiseThresholds {
    double max_cv = 0.05;         // |stddev / mean| above this is noisy
    std::size_t min_samples = 5;  // fewer samples than this: too few to trust a median
    double min_seconds = 1e-3;    // a median time below this is dominated by timer overhead
    double warmup_factor = 1.5;   // first sample this much worse than the median of the rest
};

struct NoiseWarnings {
    bool high_cv = false;
    bool too_few_samples = false;
    bool sub_millisecond = false;  // only for metrics in seconds
    bool missing_warmup = false;   // the first measured sample was still warming up
    bool any() const { return high_cv || too_few_samples || sub_millisecond || missing_warmup; }
};

// `seconds`: the metric is a duration in seconds (only then is the timer-bound check made).
// "Worse" for the warm-up check follows `better`: larger for lower-is-better metrics.
NoiseWarnings noise_warnings(const Summary& s, Better better, bool seconds, const NoiseThresholds& limits = {});

}  // namespace perfmatrix
