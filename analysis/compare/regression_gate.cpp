#include "analysis/compare/regression_gate.hpp"

#include "analysis/text/units.hpp"

#include <fmt/format.h>

namespace perfmatrix {

namespace {

std::string case_trip(const ComparedSet& set, const CaseComparison& row, double pct) {
    const CaseRecord& c = shown_case(row.pair);
    const std::string axes = set.describe_axes(c);
    return fmt::format("{}{}: {} slower by {} (speed-up {:.3g}x, p = {:.3g}) > {} [{} vs {}]", c.case_id,
                       axes.empty() ? "" : " (" + axes + ")", row.metric,
                       format_percent(slowdown_of(row.speedup->value)), row.speedup->value,
                       row.comparison.test->p_value, fmt::format("{:g}%", pct), set.new_name, set.base_name);
}

void check_cases(const ComparedSet& set, double pct, GateResult& result) {
    for (const CaseComparison& row : set.rows)
        if (row.comparison.verdict == Verdict::slower && slowdown_of(row.speedup->value) * 100 > pct)
            result.trips.push_back(case_trip(set, row, pct));
}

void check_geomean(const ComparedSet& set, double pct, GateResult& result) {
    if (!set.overall.speedup) return;  // nothing with a verdict: nothing to gate on
    const double speedup = set.overall.speedup->value;
    if (slowdown_of(speedup) * 100 > pct)
        result.trips.push_back(
            fmt::format("geometric mean over {} cases: slower by {} (speed-up {:.3g}x) > {} [{} vs {}]",
                        set.overall.averaged(), format_percent(slowdown_of(speedup)), speedup,
                        fmt::format("{:g}%", pct), set.new_name, set.base_name));
}

}  // namespace

GateResult check_regression_gate(const CompareReport& report, const GateThresholds& thresholds) {
    GateResult result;
    for (const ComparedSet& set : report.sets) {
        if (thresholds.case_slower_pct) check_cases(set, *thresholds.case_slower_pct, result);
        if (thresholds.geomean_slower_pct) check_geomean(set, *thresholds.geomean_slower_pct, result);
    }
    return result;
}

}  // namespace perfmatrix
