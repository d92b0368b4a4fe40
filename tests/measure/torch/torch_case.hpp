#pragma once
// Small torch cases for the tests, and reading their outcomes.

#include "measure/model/case.hpp"
#include "measure/model/sample.hpp"
#include "tests/support/case_builder.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace perfmatrix::test {

// A torch case: 1 warm-up, `repetitions` samples, short batches (see short_batch_case).
inline Case torch_case(const std::string& kind, nlohmann::json params, int repetitions = 2) {
    return short_batch_case(kind, std::move(params), repetitions);
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
