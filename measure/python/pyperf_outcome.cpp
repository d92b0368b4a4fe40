#include "measure/python/pyperf_outcome.hpp"

#include <algorithm>

namespace perfmatrix::python {
namespace {

std::string unit_of(const PyperfRun& run) {
    const auto it = std::find_if(run.metadata.begin(), run.metadata.end(),
                                 [](const auto& kv) { return kv.first == "unit"; });
    return it == run.metadata.end() ? "second" : it->second;  // pyperf's default (WorkerTask.__init__)
}

void append(std::vector<Sample>& out, const std::vector<double>& values, bool warmup, const std::string& metric,
            const std::string& unit) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        out.push_back(Sample{metric, unit, static_cast<int>(i), warmup, values[i]});
    }
}

}  // namespace

std::vector<Sample> pyperf_samples(const PyperfRun& run) {
    const std::string pyperf_unit = unit_of(run);
    const bool seconds = pyperf_unit == "second";
    const std::string metric = seconds ? "time" : "value";
    const std::string unit = seconds ? "s" : pyperf_unit;
    std::vector<Sample> out;
    append(out, run.warmups, true, metric, unit);
    append(out, run.values, false, metric, unit);
    return out;
}

CaseOutcome pyperf_outcome(const PyperfRun& run, std::vector<std::pair<std::string, std::string>> record) {
    CaseOutcome outcome;
    outcome.samples = pyperf_samples(run);
    outcome.environment = std::move(record);
    for (const auto& [key, value] : run.metadata) outcome.environment.emplace_back("pyperf." + key, value);
    return outcome;
}

}  // namespace perfmatrix::python
