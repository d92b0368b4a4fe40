#pragma once
// One [[benchmark]] table -> its cases.

#include "orchestrator/job/job.hpp"
#include "orchestrator/job/settings.hpp"

#include <toml++/toml.h>

#include <string>
#include <vector>

namespace perfmatrix {

struct LoadedBenchmark {
    BenchmarkInfo info;
    std::vector<Case> cases;                   // matrix order; empty when a sink took them
    const toml::node* requirements = nullptr;  // the `requirements` value, when there is one
};

// Checks the table (name, kind, keys, settings, parameters, matrix) and expands it into cases
// with their ids, substituted parameters and settings (`defaults` overridden by the table).
// A `python` axis of interpreter specs is resolved against `interpreters`; with
// `requirements`, each interpreter's environment is looked up in `env_cache`.
// With a sink, each case goes to it as it is made and LoadedBenchmark::cases stays empty.
LoadedBenchmark load_benchmark(const toml::table& table, const LayeredSettings& defaults,
                               InterpreterCatalog& interpreters, const std::string& env_cache,
                               const CaseSink* sink = nullptr);

}  // namespace perfmatrix
