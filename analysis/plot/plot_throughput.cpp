// Rates (GFLOP/s, GB/s, ...) against a size-like axis: one line per combination of the others.

#include "analysis/plot/plot_builders.hpp"

#include "analysis/report/report.hpp"
#include "analysis/stats/statistics.hpp"
#include "analysis/view/case_metrics.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace perfmatrix {

namespace {

bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

std::optional<double> number_of(const std::string& text) {
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

// Axes that are sizes by name: what a rate is plotted against ("n" of a GEMM, "size" of an
// allocation). Another numeric axis (threads) is a series, not the x axis.
bool size_like(const std::string& axis) {
    static const std::vector<std::string> names{"n", "m", "k", "size", "bytes", "length", "elements", "dim"};
    return has(names, axis) || axis.find("size") != std::string::npos;
}

// The value of `axis` in a case, when it has it.
const std::string* axis_value(const CaseRecord& c, const std::string& axis) {
    for (const AxisValue& a : c.axes)
        if (a.axis == axis) return &a.value;
    return nullptr;
}

// A size-like axis whose values are all numbers, two or more of them.
std::optional<std::size_t> size_axis(const BenchmarkView& view) {
    for (std::size_t i = 0; i < view.axes.size(); ++i) {
        if (!size_like(view.axes[i])) continue;
        std::vector<double> seen;
        bool numeric = true;
        for (const CaseRecord* c : view.cases) {
            const std::string* v = axis_value(*c, view.axes[i]);
            const auto x = v ? number_of(*v) : std::nullopt;
            if (!x) {
                numeric = false;
                break;
            }
            if (!std::count(seen.begin(), seen.end(), *x)) seen.push_back(*x);
        }
        if (numeric && seen.size() >= 2) return i;
    }
    return std::nullopt;
}

// The rate a throughput plot shows: the benchmark's first headline metric that is a quantity
// per second (GFLOP/s, GB/s, ops/s; not a ratio such as efficiency).
std::string rate_metric(const BenchmarkView& view) {
    for (const std::string& m : headline_metrics(view.cases)) {
        const std::string unit = metric_unit(*view.cases.front(), m);
        if (unit.size() >= 2 && unit.ends_with("/s")) return m;
    }
    return {};
}

}  // namespace

std::optional<ThroughputPlot> build_throughput(const BenchmarkView& view, FileNames& names) {
    const std::string metric = rate_metric(view);
    const auto x_axis = size_axis(view);
    if (metric.empty() || !x_axis) return std::nullopt;
    ThroughputPlot t;
    t.benchmark = view.name;
    t.metric = metric;
    t.x_axis = view.axes[*x_axis];
    std::map<std::string, std::size_t> series_of;
    std::string unit;
    double largest = 0;
    for (const CaseRecord* c : view.cases) {
        if (c->status != status::ok) continue;
        const std::vector<double> v = measured_values(*c, metric);
        if (v.empty()) continue;
        if (unit.empty()) unit = metric_unit(*c, metric);
        const Summary s = summarize(v);
        largest = std::max(largest, std::abs(s.median));
        const auto [it, fresh] = series_of.emplace(other_axes(view, *c, *x_axis), t.series.size());
        if (fresh) t.series.push_back({it->first, {}, {}, {}, {}});
        ThroughputSeries& line = t.series[it->second];
        line.x.push_back(*number_of(*axis_value(*c, t.x_axis)));
        line.median.push_back(s.median);
        // Without an interval (n < 6) the bar collapses onto the median rather than inventing one.
        line.low.push_back(s.median_ci ? s.median_ci->lower : s.median);
        line.high.push_back(s.median_ci ? s.median_ci->upper : s.median);
    }
    const bool any_line = std::any_of(t.series.begin(), t.series.end(),
                                      [](const ThroughputSeries& s) { return s.x.size() >= 2; });
    if (!any_line) return std::nullopt;
    t.unit = display_unit(unit, largest);
    for (ThroughputSeries& s : t.series) {
        std::vector<std::size_t> order(s.x.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return s.x[a] < s.x[b]; });
        ThroughputSeries sorted{s.label, {}, {}, {}, {}};
        for (const std::size_t i : order) {
            sorted.x.push_back(s.x[i]);
            sorted.median.push_back(s.median[i] * t.unit.factor);
            sorted.low.push_back(s.low[i] * t.unit.factor);
            sorted.high.push_back(s.high[i] * t.unit.factor);
        }
        s = std::move(sorted);
    }
    t.title = view.name + ": " + metric + " against " + t.x_axis;
    t.file = names.unique("throughput-" + view.name);
    return t;
}

}  // namespace perfmatrix
