// Per-case sample distributions as small multiples: a panel per combination of the axes other
// than the compared one, each on its own scale.

#include "analysis/plot/plot_builders.hpp"

#include "analysis/report/report.hpp"
#include "analysis/stats/statistics.hpp"
#include "analysis/view/case_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace perfmatrix {

namespace {

// A panel's values before they are scaled to its unit.
struct RawPanel {
    DistributionPanel panel;
    std::string unit;
    double largest_median = 0;
};

void finish(RawPanel& raw) {
    DistributionPanel& p = raw.panel;
    p.unit = display_unit(raw.unit, raw.largest_median);
    double lo = INFINITY, hi = -INFINITY;
    for (std::vector<double>& v : p.values)
        for (double& x : v) {
            x *= p.unit.factor;
            lo = std::min(lo, x);
            hi = std::max(hi, x);
        }
    for (double& m : p.medians) m *= p.unit.factor;
    // A log axis only where a linear one would squash the small values: more than a decade.
    p.log_scale = lo > 0 && hi / lo > 10;
}

}  // namespace

std::string other_axes(const BenchmarkView& view, const CaseRecord& c, std::size_t skip) {
    std::string out;
    for (std::size_t a = 0; a < view.axes.size(); ++a) {
        if (a == skip) continue;
        if (!out.empty()) out += ", ";
        out += view.axes[a] + "=" + view.axis_label(c, a);
    }
    return out;
}

std::string plotted_metric(const BenchmarkView& view) {
    const std::vector<std::string> headlines = headline_metrics(view.cases);
    if (!headlines.empty()) return headlines.front();
    if (std::find(view.metrics.begin(), view.metrics.end(), "time") != view.metrics.end()) return "time";
    return view.metrics.empty() ? std::string{} : view.metrics.front();
}

std::optional<DistributionPlot> build_distribution(const BenchmarkView& view, const std::string& axis,
                                                   const PlotLimits& limits, FileNames& names) {
    const std::string metric = plotted_metric(view);
    if (metric.empty()) return std::nullopt;
    const auto found = std::find(view.axes.begin(), view.axes.end(), axis);
    const std::size_t compared = axis.empty() || found == view.axes.end() ? view.axes.size()
                                                                          : found - view.axes.begin();
    DistributionPlot d;
    d.benchmark = view.name;
    d.metric = metric;
    d.axis = compared < view.axes.size() ? axis : std::string{};
    std::vector<RawPanel> panels;
    std::map<std::string, std::size_t> panel_of;  // other axes' values -> index, in order of first appearance
    for (const CaseRecord* c : view.cases) {
        if (c->status != status::ok) continue;  // listed with the failures instead
        std::vector<double> v = measured_values(*c, metric);
        if (v.empty()) continue;
        const std::string title = other_axes(view, *c, compared);
        // Without a compared axis every case is a panel of its own.
        const std::string key = compared < view.axes.size() ? title : c->case_id;
        const auto [it, fresh] = panel_of.emplace(key, panels.size());
        if (fresh) {
            RawPanel& added = panels.emplace_back();
            added.panel.title = title.empty() ? view.name : title;
            added.unit = metric_unit(*c, metric);
        }
        RawPanel& raw = panels[it->second];
        const double median = summarize(v).median;
        raw.largest_median = std::max(raw.largest_median, std::abs(median));
        raw.panel.labels.push_back(compared < view.axes.size() ? view.axis_label(*c, compared) : std::string{});
        raw.panel.counts.push_back(v.size());
        raw.panel.medians.push_back(median);
        raw.panel.values.push_back(thin_for_plot(std::move(v), limits.max_points));
    }
    if (panels.empty()) return std::nullopt;
    for (RawPanel& raw : panels) {
        finish(raw);
        d.panels.push_back(std::move(raw.panel));
    }
    d.title = view.name + ": " + metric + " per case" + (d.axis.empty() ? "" : ", by " + d.axis);
    d.file = names.unique("distribution-" + view.name);
    return d;
}

}  // namespace perfmatrix
