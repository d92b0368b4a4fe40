#include "analysis/stats/noise_warnings.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace perfmatrix {
namespace {

NoiseWarnings warnings_of(const std::vector<double>& values, Better better = Better::lower, bool seconds = true) {
    return noise_warnings(summarize(values), better, seconds);
}

TEST(NoiseWarnings, QuietCaseHasNone) {
    const NoiseWarnings w = warnings_of({0.010, 0.0101, 0.0099, 0.0100, 0.0102, 0.0098});
    EXPECT_FALSE(w.any());
}

TEST(NoiseWarnings, EachConditionOnItsOwn) {
    EXPECT_TRUE(warnings_of({0.010, 0.020, 0.010, 0.015, 0.010, 0.012}).high_cv);
    EXPECT_TRUE(warnings_of({0.010, 0.010, 0.010, 0.010}).too_few_samples);
    EXPECT_FALSE(warnings_of({0.010, 0.010, 0.010, 0.010, 0.010}).too_few_samples);
    EXPECT_TRUE(warnings_of({5e-4, 5e-4, 5e-4, 5e-4, 5e-4}).sub_millisecond);
    // Not a duration: no timer-bound warning for the same numbers.
    EXPECT_FALSE(warnings_of({5e-4, 5e-4, 5e-4, 5e-4, 5e-4}, Better::lower, false).sub_millisecond);
}

TEST(NoiseWarnings, ColdFirstSampleFollowsTheMetricsDirection) {
    // Time: the first sample 1.6x the median of the others is a missing warm-up; 1.4x is not.
    EXPECT_TRUE(warnings_of({0.016, 0.010, 0.010, 0.010, 0.010, 0.010}).missing_warmup);
    EXPECT_FALSE(warnings_of({0.014, 0.010, 0.010, 0.010, 0.010, 0.010}).missing_warmup);
    // A rate: cold means lower. 60 GFLOP/s then 100s: 60 * 1.5 < 100.
    EXPECT_TRUE(warnings_of({60, 100, 100, 100, 100, 100}, Better::higher, false).missing_warmup);
    EXPECT_FALSE(warnings_of({160, 100, 100, 100, 100, 100}, Better::higher, false).missing_warmup);
    // A single sample has no "rest" to compare with.
    EXPECT_FALSE(warnings_of({1.0}).missing_warmup);
}

TEST(NoiseWarnings, ThresholdsAreInputs) {
    const Summary s = summarize(std::vector<double>{0.0100, 0.0102, 0.0100, 0.0102, 0.0100, 0.0102});  // CV 1.1 %
    NoiseThresholds strict;
    strict.max_cv = 0.01;
    EXPECT_TRUE(noise_warnings(s, Better::lower, true, strict).high_cv);
    EXPECT_FALSE(noise_warnings(s, Better::lower, true).high_cv);
}

}  // namespace
}  // namespace perfmatrix
