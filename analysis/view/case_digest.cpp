#include "analysis/view/case_digest.hpp"

#include "analysis/stats/parallel_for.hpp"
#include "analysis/stats/round_samples.hpp"
#include "results/metric_of.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace perfmatrix {

namespace {

// The case's metrics in order of first appearance, each with the unit of its first sample.
// Samples come in runs of one metric, so the last one seen is checked first.
std::vector<MetricDigest> metrics_of(const CaseRecord& loaded) {
    std::vector<MetricDigest> out;
    for (const Sample& s : loaded.samples) {
        if (!out.empty() && out.back().name == s.metric) continue;
        const auto same = [&](const MetricDigest& m) { return m.name == s.metric; };
        if (std::find_if(out.begin(), out.end(), same) != out.end()) continue;
        out.push_back({s.metric, s.unit, metric_of(loaded, s.metric, s.unit), std::nullopt});
    }
    return out;
}

CaseDigest digest_of(const CaseRecord& loaded, const WantedMetrics& wanted) {
    CaseDigest d{metrics_of(loaded)};
    for (MetricDigest& m : d.metrics)
        if (wanted(d, m)) m.stats = summarize_metric(loaded, m.name);
    return d;
}

}  // namespace

const MetricDigest* CaseDigest::find(std::string_view metric) const {
    for (const MetricDigest& m : metrics)
        if (m.name == metric) return &m;
    return nullptr;
}

namespace {

// The metric's measured values (measured_values' rule: no warm-ups, no NaN), in measured order,
// and whether they span two rounds or more: one pass over a case that may hold millions.
struct MeasuredValues {
    std::vector<double> values;
    bool several_rounds = false;
};

MeasuredValues measured_values_and_rounds(const CaseRecord& c, std::string_view metric) {
    MeasuredValues out;
    int first_round = 0;
    for (const Sample& s : c.samples) {
        if (s.warmup || s.metric != metric || std::isnan(s.value)) continue;
        if (out.values.empty()) first_round = s.round;
        out.several_rounds = out.several_rounds || s.round != first_round;
        out.values.push_back(s.value);
    }
    return out;
}

}  // namespace

MetricSummary summarize_metric(const CaseRecord& loaded, std::string_view metric) {
    MetricSummary out;
    const MeasuredValues m = measured_values_and_rounds(loaded, metric);
    if (!m.values.empty()) out.summary = summarize(m.values);
    // round_spread needs positive, finite values: a metric that can be 0 (a count) has no
    // relative spread to speak of. Grouping by round costs a sort per round: only with two.
    const bool positive = std::all_of(m.values.begin(), m.values.end(),
                                      [](double v) { return v > 0 && std::isfinite(v); });
    if (positive && m.several_rounds) out.spread = round_spread(measured_by_round(loaded, metric));
    return out;
}

CaseDigests::CaseDigests(const std::vector<const CaseRecord*>& cases, CaseLoader load, const WantedMetrics& wanted)
    : load_(std::move(load)) {
    std::vector<CaseDigest> digests(cases.size());
    // Each task loads, digests and drops one case: at most one case's samples per thread.
    parallel_for(cases.size(), [&](std::size_t i) { digests[i] = digest_of(*load_(*cases[i]), wanted); });
    for (std::size_t i = 0; i < cases.size(); ++i) digests_.emplace(cases[i], std::move(digests[i]));
}

const CaseDigest& CaseDigests::of(const CaseRecord& c) const {
    const auto found = digests_.find(&c);
    if (found == digests_.end()) throw std::logic_error("case digest: case '" + c.case_id + "' was not digested");
    return found->second;
}

MetricSummary CaseDigests::stats(const CaseRecord& c, const std::string& metric) const {
    const MetricDigest* m = of(c).find(metric);
    if (!m) return {};
    if (m->stats) return *m->stats;
    const std::lock_guard lock(late_);
    auto& cached = late_stats_[&c];
    const auto found = cached.find(metric);
    if (found != cached.end()) return found->second;
    return cached[metric] = summarize_metric(*load_(c), metric);
}

std::vector<std::string> metrics_present(const std::vector<const CaseRecord*>& cases, const CaseDigests& digests) {
    std::vector<std::string> out;
    for (const CaseRecord* c : cases)
        for (const MetricDigest& m : digests.of(*c).metrics)
            if (std::find(out.begin(), out.end(), m.name) == out.end()) out.push_back(m.name);
    return out;
}

std::vector<std::string> headline_metrics(const std::vector<const CaseRecord*>& cases, const CaseDigests& digests) {
    std::vector<MetricSpec> specs;
    for (const CaseRecord* c : cases)
        for (const MetricDigest& m : digests.of(*c).metrics) {
            const auto same = [&](const MetricSpec& s) { return s.name == m.name; };
            if (std::find_if(specs.begin(), specs.end(), same) == specs.end() && m.spec.headline > 0)
                specs.push_back(m.spec);
        }
    std::stable_sort(specs.begin(), specs.end(),
                     [](const MetricSpec& a, const MetricSpec& b) { return a.headline < b.headline; });
    std::vector<std::string> names;
    for (MetricSpec& m : specs) names.push_back(std::move(m.name));
    return names;
}

}  // namespace perfmatrix
