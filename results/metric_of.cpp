#include "results/metric_of.hpp"

#include "measure/kind_registry.hpp"

namespace perfmatrix {

MetricSpec metric_of(const CaseRecord& c, std::string_view metric, std::string_view unit) {
    for (const MetricSpec& m : c.metrics) {
        if (m.name == metric && m.unit == unit) return m;
    }
    return describe_metric(c.kind, metric, unit);
}

}  // namespace perfmatrix
