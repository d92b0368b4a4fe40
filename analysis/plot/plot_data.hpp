#pragma once
// What the plots show, computed in C++ so the statistics have one implementation
// (analysis/): the Python script (analysis/plot/perfmatrix_plots.py) only draws these
// numbers. plot_json.hpp writes them as the script's input.

#include "analysis/compare/compare_report.hpp"
#include "measure/model/records.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

// Values are multiplied by `factor` to be shown in `label` ("ms" for times of milliseconds),
// so an axis reads 12.5 ms instead of 0.0125 s.
struct DisplayUnit {
    double factor = 1;
    std::string label;
};
// The unit that keeps `typical` (e.g. the largest median) between 1 and 1000: durations in
// s/ms/µs/ns, bytes in B/KiB/MiB/GiB; any other unit as it is.
DisplayUnit display_unit(std::string_view unit, double typical);

// Speed-up of each compared case (rows) for each compared value or file (columns) against
// the baseline; > 1: faster. A cell without a comparison (a side failed or missing, no
// ratio) is empty.
struct HeatmapPlot {
    std::string file, title;
    std::string baseline;  // what the columns are compared with: "python=3.11.7", a file
    std::vector<std::string> columns, rows;
    std::vector<std::vector<std::optional<double>>> speedup;  // [row][column]
    std::vector<std::vector<std::string>> verdict;            // [row][column]; "" when empty
};

// One panel of a benchmark's distributions: the ok cases that differ only in the compared axis
// (or one case), on a scale of its own, so a 2 ms workload is not squashed by a 50 ms one.
struct DistributionPanel {
    std::string title;                        // the other axes' values, "workload=nbody"; the benchmark's name without
    DisplayUnit unit;                         // chosen for the panel's largest median
    bool log_scale = false;                   // its values span more than a decade (max / min > 10)
    std::vector<std::string> labels;          // one per case: the compared axis's value, else the case's axes
    std::vector<std::vector<double>> values;  // in unit; quantile-thinned (thin_for_plot)
    std::vector<std::size_t> counts;          // the real number of samples of each case
    std::vector<double> medians;              // in unit, of all the samples
};

// The measured samples of every ok case of one benchmark as small multiples: one panel per
// combination of the axes other than the compared one, its values side by side within it.
struct DistributionPlot {
    std::string benchmark, file, title, metric;
    std::string axis;  // the compared axis inside the panels; "" when the benchmark lacks it
    std::vector<DistributionPanel> panels;
};

// The version story at a glance: per compared value (column) and category (row, "overall"
// last), the geometric mean of the cases' speed-ups against the baseline with its 95 % CI,
// as `perfmatrix compare` computes them (GroupSummary).
struct SpeedupSummaryPlot {
    std::string file, title, baseline, axis;
    std::vector<std::string> values;                                     // the compared values (or files)
    std::vector<std::string> groups;                                     // the categories, then "overall"
    std::vector<std::vector<std::optional<double>>> geomean, low, high;  // [group][value]; none: no case / no CI
    std::vector<std::vector<std::size_t>> cases;                         // [group][value]: cases averaged
};

// Every compared case of one value against the baseline: speed-up and its 95 % CI, coloured by
// verdict, grouped by category (summary order) and sorted by speed-up within each, fastest first.
struct ForestRow {
    std::string label, category, verdict;
    double speedup = 0, low = 0, high = 0;
};
struct ForestPlot {
    std::string file, title, baseline, compared;
    std::size_t set = 0;  // which of the comparison's sets (CompareReport::sets) it shows
    std::vector<ForestRow> rows;
};

// Samples in the order and at the time they were taken: one panel per ok case of a benchmark,
// every benchmark's timeline on the same time axis (seconds since the run's first round began).
// Samples carry no clock of their own: a round's samples are spread evenly, in order, over the
// round's span (its process's start to its end), which is where they were taken.
struct TimelineRound {
    int round = 0;
    double start = 0, end = 0;  // seconds since the run's start
    double median = 0;          // in the panel's unit
};
struct TimelinePanel {
    std::string case_id, label;
    std::string anchor;  // the panel's id in the drawn SVG, after the plot's id_prefix
    DisplayUnit unit;
    std::vector<double> time, value;  // seconds since the run's start; in unit
    std::vector<int> round;           // of each sample
    std::vector<TimelineRound> rounds;
};
struct TimelinePlot {
    std::string benchmark, file, title, metric;
    double duration = 0;  // seconds from the run's start to its last round's end: the shared axis
    std::vector<TimelinePanel> panels;
};

struct ThroughputSeries {
    std::string label;                         // the other axes' values, "" when there are none
    std::vector<double> x, median, low, high;  // by x ascending; low/high: 95 % CI of the median
};
// A rate (GFLOP/s, GB/s, ...) against a size-like numeric axis, one line per combination of
// the other axes.
struct ThroughputPlot {
    std::string benchmark, file, title, x_axis, metric;
    DisplayUnit unit;
    std::vector<ThroughputSeries> series;
};

// Median per-module import time (`-X importtime` components) of each case of a benchmark:
// self time of the modules with the largest self time (the rest summed as "other"), and
// cumulative time of the modules with the largest cumulative time.
struct ImportPlot {
    std::string benchmark, file, title;
    DisplayUnit unit;
    std::vector<std::string> cases;         // bar labels (the interpreter, for a python axis)
    std::vector<std::string> self_modules;  // the last is "other (N modules)" when any remain
    std::vector<std::vector<double>> self;  // [case][module], in unit
    std::vector<std::string> cumulative_modules;
    std::vector<std::vector<double>> cumulative;  // [case][module]; NaN when a case lacks it
};

// The interpreter tax (analysis/tax/tax_report.hpp) of one op against n: one line per
// interpreter and Python implementation (and dtype and threads when they vary), with the 95 % CI.
struct TaxSeries {
    std::string label;
    std::vector<double> x, ratio, low, high;  // by n ascending
};
struct TaxPlot {
    std::string op, file, title;
    std::vector<TaxSeries> series;
};

struct PlotSet {
    std::vector<SpeedupSummaryPlot> summaries;
    std::vector<HeatmapPlot> heatmaps;
    std::vector<ForestPlot> forests;
    std::vector<DistributionPlot> distributions;
    std::vector<TimelinePlot> timelines;
    std::vector<ThroughputPlot> throughput;
    std::vector<ImportPlot> imports;
    std::vector<TaxPlot> tax;
    // Every plot's file stem, in drawing order.
    std::vector<std::string> files() const;
    std::size_t count() const { return files().size(); }
};

struct PlotLimits {
    std::size_t max_points = 400;  // samples per case drawn in a distribution or a timeline
    std::size_t top_modules = 10;  // modules per import-time panel
};

// The axis `perfmatrix plot` and `report --html` compare along when none is given: `python`
// when some benchmark has two or more values of it, else the first axis (in order of first
// appearance) with two or more values in one benchmark. None when no axis varies.
std::optional<std::string> default_compare_axis(const Results& r);
// The axis's value in its first case (the matrix's first value, normally): the default baseline.
std::string first_axis_value(const Results& r, const std::string& axis);

// At most max_points values standing for the sorted `values`: the type-7 quantiles at evenly
// spaced probabilities (min and max included), so the plotted shape is the shape of all the
// samples, deterministically, without drawing millions of points. Fewer values: all, sorted.
std::vector<double> thin_for_plot(std::vector<double> values, std::size_t max_points);

// Every plot the data allow; `comparison` (may be null) gives the version story (summary,
// heatmap, forests) and the axis the distributions put side by side.
PlotSet build_plot_set(const Results& r, const CompareReport* comparison, const PlotLimits& limits = {});

// A name safe as a file stem: letters, digits, '.', '-' and '_' kept, anything else '_'.
std::string file_stem(std::string_view name);
// What the drawing script puts before every id in a plot's SVG, so several SVGs inlined in one
// page keep distinct ids: the stem with anything but letters, digits, '-' and '_' as '_', then '-'.
// A timeline panel's id in the page is svg_id_prefix(file) + anchor.
std::string svg_id_prefix(std::string_view file);

}  // namespace perfmatrix

namespace perfmatrix {

// The comparison the plots and the HTML report show: the values of `axis` against
// `baseline` within the file (compare_axis). An empty axis means default_compare_axis(), an
// empty baseline the axis's first value. None when no axis varies and none was named.
// Throws std::invalid_argument for a named axis or baseline the file cannot compare on.
std::optional<CompareReport> comparison_for_plots(const ResultsSource& source, std::string axis, std::string baseline);

}  // namespace perfmatrix
