#pragma once
// One [[benchmark]] table -> its cases.

#include "orchestrator/job/job.hpp"
#include "orchestrator/job/settings.hpp"

#include <toml++/toml.h>

#include <vector>

namespace perfmatrix {

struct LoadedBenchmark {
    BenchmarkInfo info;
    std::vector<Case> cases;  // matrix order
};

// Checks the table (name, kind, keys, settings, parameters, matrix) and expands it into cases
// with their ids, substituted parameters and settings (`defaults` overridden by the table).
LoadedBenchmark load_benchmark(const toml::table& table, const LayeredSettings& defaults);

}  // namespace perfmatrix
