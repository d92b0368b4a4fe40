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
std::optional<SpeedupSummaryPlot> build_speedup_summary(const CompareReport& report, FileNames& names);
// One per compared value (or file) with at least one compared case.
std::vector<ForestPlot> build_forests(const CompareReport& report, FileNames& names);
// `axis`: the compared axis, put side by side within a panel ("" or absent: a panel per case).
std::optional<DistributionPlot> build_distribution(const BenchmarkView& view, const std::string& axis,
                                                   const PlotLimits& limits, FileNames& names);
// Where the run's time axis starts and how long it is: its rounds' first start and last end.
struct RunSpan {
    double origin = 0, duration = 0;
};
std::optional<RunSpan> run_span(const Results& r);
std::optional<TimelinePlot> build_timeline(const BenchmarkView& view, const RunSpan& span, const PlotLimits& limits,
                                           FileNames& names);
std::optional<ThroughputPlot> build_throughput(const BenchmarkView& view, FileNames& names);
std::optional<ImportPlot> build_imports(const BenchmarkView& view, const PlotLimits& limits, FileNames& names);
// One per op of the file's interpreter-tax cases; none when no case declares `tax`.
std::vector<TaxPlot> build_tax_plots(const Results& r, FileNames& names);

// The text of a compared value or file as a column or legend entry: "3.12.1" rather than
// "python=3.12.1" in axis mode (the axis is named once, in the title).
std::string compared_label(const CompareReport& report, const ComparedSet& set);
// "nbody: python=3.12" style row label of a compared case, without the compared axis.
std::string compared_row_label(const ComparedSet& set, const CaseRecord& c);

// "workload=nbody, threads=2": the case's values (column texts) on every axis but view.axes[skip].
std::string other_axes(const BenchmarkView& view, const CaseRecord& c, std::size_t skip);

// The metric a benchmark's plots show: its first headline metric with samples (report.hpp),
// else "time", else its first metric; "" when it has no samples.
std::string plotted_metric(const BenchmarkView& view);

}  // namespace perfmatrix
