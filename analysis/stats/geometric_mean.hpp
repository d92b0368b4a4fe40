#pragma once
// The geometric mean of ratios over many cases (a category summary: "3.12 is 1.08x slower
// than 3.11 over these 40 cases") with a confidence interval.
//
// Interval: Student's t on the log ratios, exp(mean(log r) -+ t_{(1+c)/2, k-1} sd / sqrt(k)).
// Chosen over a bootstrap over cases because categories are often small (3-10 cases), where
// a case bootstrap has too few distinct resamples to mean anything, while log ratios of
// timings are close enough to symmetric for t; and it needs no random numbers.
// It treats the cases as a sample of the category; it says nothing of per-case noise.

#include <cstddef>
#include <optional>
#include <span>

namespace perfmatrix {

struct GeometricMean {
    std::size_t count = 0;
    double value = 0;
    std::optional<double> low, high;  // none with a single ratio (no spread to estimate)
};

// Ratios finite and > 0, at least one (std::invalid_argument otherwise); 0 < confidence < 1.
GeometricMean geometric_mean(std::span<const double> ratios, double confidence = 0.95);

}  // namespace perfmatrix
