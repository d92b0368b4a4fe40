#pragma once
// Cases built by hand for the worker tests. Each kind's tests used to carry their own copy of
// this builder; they differ only in the names, the settings and whether batches are short.

#include "measure/model/case.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>

namespace perfmatrix::test {

// Settings for a test case. max_repetitions stays at its default unless given: with no
// min_time it does not matter, and some tests leave it alone on purpose.
inline CaseSettings case_settings(int warmup, int repetitions, double timeout,
                                  std::optional<int> max_repetitions = std::nullopt) {
    CaseSettings s;
    s.warmup = warmup;
    s.repetitions = repetitions;
    if (max_repetitions) s.max_repetitions = *max_repetitions;
    s.timeout = timeout;
    return s;
}

// A case `id` of benchmark `benchmark` and kind `kind`.
inline Case make_case(std::string id, std::string benchmark, std::string kind, nlohmann::json params,
                      CaseSettings settings) {
    Case c;
    c.id = std::move(id);
    c.benchmark = std::move(benchmark);
    c.kind = std::move(kind);
    c.params = std::move(params);
    c.settings = settings;
    return c;
}

// A case of `kind` (named after it) with 1 warm-up and exactly `repetitions` samples of short
// batches (2 ms unless params say otherwise), so a test of a compute kind (blas, torch) runs in
// well under a second.
inline Case short_batch_case(const std::string& kind, nlohmann::json params, int repetitions) {
    if (!params.contains("min_batch_time")) params["min_batch_time"] = 0.002;
    return make_case(kind + "/test", kind, kind, std::move(params), case_settings(1, repetitions, 60, repetitions));
}

}  // namespace perfmatrix::test
