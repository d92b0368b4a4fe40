#pragma once
// Per-part breakdowns of cases (the `components` table): e.g. python_workload's `importtime`
// stores each imported module's own and cumulative import time per sample. One table per
// benchmark and metric: a row per component, a column per case, the median of measured samples.

#include "analysis/view/benchmark_view.hpp"

#include <string>
#include <vector>

namespace perfmatrix {

struct ComponentTable {
    std::string metric;
    std::string unit;
    std::vector<const CaseRecord*> cases;  // the columns: cases of the benchmark with this metric
    std::vector<std::string> components;   // the rows, largest first (by their largest median)
    // medians[row][column]; NaN where that case has no sample of the component.
    std::vector<std::vector<double>> medians;
    std::size_t left_out = 0;  // components beyond the row limit
};

// The metric a benchmark's breakdown is shown by: import_cumulative for import times (a
// module with what it imported), else the first component metric of its cases; "" when its
// cases have no components.
std::string breakdown_metric(const BenchmarkView& b);

// The breakdown of `metric` over the benchmark's ok cases. Rows: the components at depth 0
// (imported directly, not by another module) when the cases report a depth, else all; at most
// max_rows of them, the largest first.
ComponentTable component_table(const BenchmarkView& b, const std::string& metric, std::size_t max_rows);

}  // namespace perfmatrix
