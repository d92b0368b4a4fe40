#pragma once
// Small torch cases for the tests, and reading their outcomes.

#include "workers/model/case.hpp"
#include "workers/model/sample.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace perfmatrix::test {

// A case of `kind` with 1 warm-up and `repetitions` samples of short batches (2 ms), so a test
// runs in well under a second.
inline Case torch_case(const std::string& kind, nlohmann::json params, int repetitions = 2) {
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

// Measured (non-warm-up) values per metric.
inline std::map<std::string, std::vector<double>> measured(const CaseOutcome& o) {
    std::map<std::string, std::vector<double>> by;
    for (const auto& s : o.samples) {
        if (!s.warmup) by[s.metric].push_back(s.value);
    }
    return by;
}

inline std::map<std::string, std::string> environment(const CaseOutcome& o) {
    return {o.environment.begin(), o.environment.end()};
}

}  // namespace perfmatrix::test
