#pragma once
// The regression gate for CI: `perfmatrix compare base.h5 new.h5 --fail-if-slower 5` fails
// when a case got slower by more than 5 %. "Slower by X %" is slowdown_of(speed-up)
// (case_comparison.hpp): the new case takes X % longer, or runs at 1 / (1 + X %) of the rate.
//
// A case trips the gate only with the verdict "slower" (Mann-Whitney p < alpha and at least
// the minimum effect): a gate on point estimates alone would fail A/A runs on noise. The
// geomean gate compares the overall geometric mean of speed-ups of each comparison (its
// point estimate) with its threshold.

#include "analysis/compare/compare_report.hpp"

#include <optional>
#include <string>
#include <vector>

namespace perfmatrix {

struct GateThresholds {
    std::optional<double> case_slower_pct;     // --fail-if-slower
    std::optional<double> geomean_slower_pct;  // --fail-if-geomean-slower
};

struct GateResult {
    std::vector<std::string> trips;  // one line per case or comparison that tripped the gate
    bool tripped() const { return !trips.empty(); }
};

GateResult check_regression_gate(const CompareReport& report, const GateThresholds& thresholds);

}  // namespace perfmatrix
