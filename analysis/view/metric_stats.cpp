#include "analysis/view/metric_stats.hpp"

#include "analysis/stats/parallel_for.hpp"
#include "analysis/view/case_digest.hpp"
#include "analysis/view/case_metrics.hpp"
#include "results/metric_of.hpp"

namespace perfmatrix {

MetricStats compute_metric_stats(const BenchmarkView& b, const std::string& metric) {
    MetricStats m;
    m.metric = metric;
    for (const CaseRecord* c : b.cases) {
        const MetricDigest* d = b.digests ? b.digests->of(*c).find(metric) : nullptr;
        std::string unit = b.digests ? (d ? d->unit : std::string()) : metric_unit(*c, metric);
        if (m.unit.empty()) m.unit = unit;
        m.better.push_back(d ? d->spec.better : metric_of(*c, metric, unit).better);
        m.units.push_back(std::move(unit));
    }
    m.summaries.resize(b.cases.size());
    m.spreads.resize(b.cases.size());
    parallel_for(b.cases.size(), [&](std::size_t i) {
        MetricSummary s = b.digests ? b.digests->stats(*b.cases[i], metric) : summarize_metric(*b.cases[i], metric);
        m.summaries[i] = std::move(s.summary);
        m.spreads[i] = std::move(s.spread);
    });
    return m;
}

}  // namespace perfmatrix
