#include "analysis/stats/noise_warnings.hpp"

#include <cmath>

namespace perfmatrix {

namespace {

// A first sample far worse than the rest is what a missing (or too short) warm-up looks
// like: cold caches, page faults, lazy binding, JIT. Only meaningful for positive values.
bool first_sample_cold(const Summary& s, Better better, double factor) {
    if (!s.median_of_rest || *s.median_of_rest <= 0 || s.first <= 0) return false;
    return better == Better::lower ? s.first > factor * *s.median_of_rest : s.first * factor < *s.median_of_rest;
}

}  // namespace

NoiseWarnings noise_warnings(const Summary& s, Better better, bool seconds, const NoiseThresholds& limits) {
    NoiseWarnings w;
    // |cv|: a metric with a negative mean is no less noisy.
    w.high_cv = std::abs(s.cv) > limits.max_cv;
    w.too_few_samples = s.n < limits.min_samples;
    w.sub_millisecond = seconds && s.median < limits.min_seconds;
    w.missing_warmup = first_sample_cold(s, better, limits.warmup_factor);
    return w;
}

}  // namespace perfmatrix
