#include "analysis/metric_stats.hpp"

#include "analysis/case_metrics.hpp"

namespace perfmatrix {

MetricStats compute_metric_stats(const BenchmarkView& b, const std::string& metric) {
    MetricStats m;
    m.metric = metric;
    for (const CaseRecord* c : b.cases) {
        std::string unit = metric_unit(*c, metric);
        if (m.unit.empty()) m.unit = unit;
        m.units.push_back(std::move(unit));
        const std::vector<double> values = measured_values(*c, metric);
        m.summaries.push_back(values.empty() ? std::nullopt : std::optional(summarize(values)));
    }
    return m;
}

}  // namespace perfmatrix
