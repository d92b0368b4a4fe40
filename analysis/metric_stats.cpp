#include "analysis/metric_stats.hpp"

#include "analysis/case_metrics.hpp"
#include "analysis/parallel_for.hpp"

namespace perfmatrix {

MetricStats compute_metric_stats(const BenchmarkView& b, const std::string& metric) {
    MetricStats m;
    m.metric = metric;
    for (const CaseRecord* c : b.cases) {
        std::string unit = metric_unit(*c, metric);
        if (m.unit.empty()) m.unit = unit;
        m.units.push_back(std::move(unit));
    }
    m.summaries.resize(b.cases.size());
    parallel_for(b.cases.size(), [&](std::size_t i) {
        const std::vector<double> values = measured_values(*b.cases[i], metric);
        if (!values.empty()) m.summaries[i] = summarize(values);
    });
    return m;
}

}  // namespace perfmatrix
