#include "analysis/view/case_metrics.hpp"

#include "results/metric_of.hpp"

#include <algorithm>
#include <cmath>

namespace perfmatrix {

std::vector<double> measured_values(const CaseRecord& c, std::string_view metric) {
    std::vector<double> values;
    for (const Sample& s : c.samples)
        if (!s.warmup && s.metric == metric && !std::isnan(s.value)) values.push_back(s.value);
    return values;
}

std::string metric_unit(const CaseRecord& c, std::string_view metric) {
    for (const Sample& s : c.samples)
        if (s.metric == metric) return s.unit;
    return {};
}

std::vector<std::string> metrics_present(const std::vector<const CaseRecord*>& cases) {
    std::vector<std::string> metrics;
    for (const CaseRecord* c : cases)
        for (const Sample& s : c->samples)
            if (std::find(metrics.begin(), metrics.end(), s.metric) == metrics.end()) metrics.push_back(s.metric);
    return metrics;
}

MetricSpec metric_spec(const CaseRecord& c, std::string_view metric) {
    return metric_of(c, metric, metric_unit(c, metric));
}

namespace {

// The headline metrics among the case's samples, each once (by name), unsorted. Each distinct
// metric is described once: a case may hold millions of samples of a handful of metrics.
void add_headlines(const CaseRecord& c, std::vector<MetricSpec>& out) {
    std::vector<std::string_view> seen;
    for (const Sample& s : c.samples) {
        if (!seen.empty() && seen.back() == s.metric) continue;  // samples come in runs of a metric
        if (std::find(seen.begin(), seen.end(), s.metric) != seen.end()) continue;
        seen.push_back(s.metric);
        const auto same = [&](const MetricSpec& m) { return m.name == s.metric; };
        if (std::find_if(out.begin(), out.end(), same) != out.end()) continue;
        MetricSpec m = metric_of(c, s.metric, s.unit);
        if (m.headline > 0) out.push_back(std::move(m));
    }
}

std::vector<std::string> in_headline_order(std::vector<MetricSpec> specs) {
    std::stable_sort(specs.begin(), specs.end(),
                     [](const MetricSpec& a, const MetricSpec& b) { return a.headline < b.headline; });
    std::vector<std::string> names;
    for (MetricSpec& m : specs) names.push_back(std::move(m.name));
    return names;
}

}  // namespace

std::vector<std::string> headline_metrics(const CaseRecord& c) {
    std::vector<MetricSpec> specs;
    add_headlines(c, specs);
    return in_headline_order(std::move(specs));
}

std::vector<std::string> headline_metrics(const std::vector<const CaseRecord*>& cases) {
    std::vector<MetricSpec> specs;
    for (const CaseRecord* c : cases) add_headlines(*c, specs);
    return in_headline_order(std::move(specs));
}

}  // namespace perfmatrix
