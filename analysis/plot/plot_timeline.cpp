// Samples against the time they were taken, per case, on the run's one time axis: drift within
// a round, and the interleaving of rounds across the run, show as a pattern.

#include "analysis/plot/plot_builders.hpp"

#include "analysis/stats/statistics.hpp"
#include "analysis/view/case_metrics.hpp"
#include "results/case_rounds.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace perfmatrix {

namespace {

// The case's measured samples of `metric` per round, each round's in the order they were taken:
// one pass over the samples, however many rounds there are.
std::map<int, std::vector<double>> values_by_round(const CaseRecord& c, const std::string& metric) {
    std::map<int, std::vector<const Sample*>> picked;
    for (const Sample& s : c.samples)
        if (!s.warmup && s.metric == metric && std::isfinite(s.value)) picked[s.round].push_back(&s);
    std::map<int, std::vector<double>> out;
    for (auto& [round, samples] : picked) {
        std::stable_sort(samples.begin(), samples.end(),
                         [](const Sample* a, const Sample* b) { return a->repetition < b->repetition; });
        std::vector<double>& values = out[round];
        for (const Sample* s : samples) values.push_back(s->value);
    }
    return out;
}

// Indices of at most `keep` of n samples, evenly spaced, first and last included: thinning
// that keeps the order, which is what a timeline shows.
std::vector<std::size_t> evenly_spaced(std::size_t n, std::size_t keep) {
    std::vector<std::size_t> out;
    if (n <= keep || keep < 2) {
        for (std::size_t i = 0; i < n; ++i) out.push_back(i);
        return out;
    }
    for (std::size_t i = 0; i < keep; ++i)
        out.push_back(static_cast<std::size_t>(
            std::llround(static_cast<double>(i) * static_cast<double>(n - 1) / static_cast<double>(keep - 1))));
    return out;
}

std::string panel_label(const BenchmarkView& view, const CaseRecord& c) {
    const std::string axes = view.describe_axes(c);
    return axes.empty() ? c.benchmark : axes;
}

std::optional<TimelinePanel> build_panel(const BenchmarkView& view, const CaseRecord& c, const std::string& metric,
                                         const RunSpan& span, const PlotLimits& limits) {
    const std::vector<RoundRecord> rounds = rounds_of(c);
    TimelinePanel p;
    p.case_id = c.case_id;
    p.label = panel_label(view, c);
    p.anchor = "case-" + file_stem(c.case_id);
    const std::size_t per_round = std::max<std::size_t>(2, limits.max_points / std::max<std::size_t>(1, rounds.size()));
    const std::map<int, std::vector<double>> values = values_by_round(c, metric);
    double largest_median = 0;
    for (const RoundRecord& r : rounds) {
        if (r.started <= 0 || r.ended < r.started) continue;  // no clock: nowhere to put it
        const auto found = values.find(r.round);
        if (found == values.end()) continue;
        const std::vector<double>& v = found->second;
        const double start = r.started - span.origin, length = r.ended - r.started;
        const double median = summarize(v).median;
        largest_median = std::max(largest_median, std::abs(median));
        p.rounds.push_back({r.round, start, start + length, median});
        for (const std::size_t i : evenly_spaced(v.size(), per_round)) {
            p.time.push_back(start + length * (static_cast<double>(i) + 0.5) / static_cast<double>(v.size()));
            p.value.push_back(v[i]);
            p.round.push_back(r.round);
        }
    }
    if (p.rounds.empty()) return std::nullopt;
    p.unit = display_unit(metric_unit(c, metric), largest_median);
    for (double& x : p.value) x *= p.unit.factor;
    for (TimelineRound& r : p.rounds) r.median *= p.unit.factor;
    return p;
}

}  // namespace

std::optional<RunSpan> run_span(const Results& r) {
    double first = INFINITY, last = -INFINITY;
    for (const CaseRecord& c : r.cases)
        for (const RoundRecord& round : rounds_of(c)) {
            if (round.started <= 0 || round.ended < round.started) continue;
            first = std::min(first, round.started);
            last = std::max(last, round.ended);
        }
    if (!std::isfinite(first)) return std::nullopt;
    return RunSpan{first, last - first};
}

std::optional<TimelinePlot> build_timeline(const BenchmarkView& view, const RunSpan& span, const PlotLimits& limits,
                                           FileNames& names) {
    const std::string metric = plotted_metric(view);
    if (metric.empty()) return std::nullopt;
    TimelinePlot t;
    t.benchmark = view.name;
    t.metric = metric;
    t.duration = span.duration;
    for (const CaseRecord* c : view.cases) {
        if (c->status != status::ok) continue;
        if (auto panel = build_panel(view, *c, metric, span, limits)) t.panels.push_back(std::move(*panel));
    }
    if (t.panels.empty()) return std::nullopt;
    t.title = view.name + ": " + metric + " of each sample over the run";
    t.file = names.unique("timeline-" + view.name);
    return t;
}

}  // namespace perfmatrix
