#pragma once
// A pyperf worker's run as the case's outcome: its values and warm-ups as samples, its
// metadata as `pyperf.<key>` environment entries.

#include "measure/model/sample.hpp"
#include "measure/python/pyperf_json.hpp"

#include <string>
#include <utility>
#include <vector>

namespace perfmatrix::python {

// Metric `time`, unit `s` (pyperf's unit "second"; a script's other unit is kept as metric
// `value` with pyperf's unit name), one sample per value as pyperf reports it: per loop and
// inner loop. Warm-ups first (warmup = true), then values, each numbered from 0.
std::vector<Sample> pyperf_samples(const PyperfRun& run);

// `record` (the runner's own entries) first, then `pyperf.<key>` for every metadata entry.
CaseOutcome pyperf_outcome(const PyperfRun& run, std::vector<std::pair<std::string, std::string>> record);

}  // namespace perfmatrix::python
