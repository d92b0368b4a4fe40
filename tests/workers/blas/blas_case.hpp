#pragma once
// Builds small blas cases for the tests.

#include "workers/model/case.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace perfmatrix::test {

// A case of `kind` with `params`, 1 warm-up and `repetitions` samples, and short batches
// (2 ms) so a test runs in well under a second.
inline Case blas_case(const std::string& kind, nlohmann::json params, int repetitions = 3) {
    Case c;
    c.id = kind + "/test";
    c.benchmark = kind;
    c.kind = kind;
    if (!params.contains("min_batch_time")) params["min_batch_time"] = 0.002;
    c.params = std::move(params);
    c.settings.warmup = 1;
    c.settings.repetitions = repetitions;
    c.settings.max_repetitions = repetitions;
    c.settings.timeout = 60;
    return c;
}

}  // namespace perfmatrix::test
