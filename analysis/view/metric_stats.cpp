#include "analysis/view/metric_stats.hpp"

#include "analysis/stats/parallel_for.hpp"
#include "analysis/stats/round_samples.hpp"
#include "analysis/view/case_metrics.hpp"
#include "results/metric_of.hpp"

#include <algorithm>
#include <cmath>

namespace perfmatrix {

MetricStats compute_metric_stats(const BenchmarkView& b, const std::string& metric) {
    MetricStats m;
    m.metric = metric;
    for (const CaseRecord* c : b.cases) {
        std::string unit = metric_unit(*c, metric);
        if (m.unit.empty()) m.unit = unit;
        m.better.push_back(metric_of(*c, metric, unit).better);
        m.units.push_back(std::move(unit));
    }
    m.summaries.resize(b.cases.size());
    m.spreads.resize(b.cases.size());
    parallel_for(b.cases.size(), [&](std::size_t i) {
        const std::vector<double> values = measured_values(*b.cases[i], metric);
        if (!values.empty()) m.summaries[i] = summarize(values);
        const auto rounds = measured_by_round(*b.cases[i], metric);
        // round_spread needs positive, finite values: a metric that can be 0 (a count) has
        // no relative spread to speak of.
        const bool positive = std::all_of(values.begin(), values.end(),
                                          [](double v) { return v > 0 && std::isfinite(v); });
        if (rounds.size() >= 2 && positive) m.spreads[i] = round_spread(rounds);
    });
    return m;
}

}  // namespace perfmatrix
