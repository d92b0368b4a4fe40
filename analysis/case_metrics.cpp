#include "analysis/case_metrics.hpp"

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
            if (std::find(metrics.begin(), metrics.end(), s.metric) == metrics.end())
                metrics.push_back(s.metric);
    return metrics;
}

}  // namespace perfmatrix
