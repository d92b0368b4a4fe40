#pragma once
// One builder per kind of plot (internal to analysis/; plot_data.hpp is the interface).
// Each returns nothing when its data are absent, so a results file gets the plots it can fill.

#include "analysis/compare/compare_report.hpp"
#include "analysis/plot/plot_data.hpp"
#include "analysis/view/benchmark_view.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace perfmatrix {

// File stems handed out so far: two benchmarks whose names sanitise alike get distinct files.
struct FileNames {
    std::set<std::string> taken;
    std::string unique(std::string_view name);
};

std::optional<HeatmapPlot> build_heatmap(const CompareReport& report, FileNames& names);
std::optional<DistributionPlot> build_distribution(const BenchmarkView& view, const PlotLimits& limits,
                                                   FileNames& names);
std::optional<ThroughputPlot> build_throughput(const BenchmarkView& view, FileNames& names);
std::optional<ImportPlot> build_imports(const BenchmarkView& view, const PlotLimits& limits, FileNames& names);
// One per op of the file's interpreter-tax cases; none when no case declares `tax`.
std::vector<TaxPlot> build_tax_plots(const Results& r, FileNames& names);

// The metric a benchmark's plots show: its first headline metric with samples (report.hpp),
// else "time", else its first metric; "" when it has no samples.
std::string plotted_metric(const BenchmarkView& view);

}  // namespace perfmatrix
