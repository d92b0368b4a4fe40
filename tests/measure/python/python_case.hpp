#pragma once
// Helpers shared by the python_workload tests: cases, the fake harness, reading outcomes.

#include "measure/kind_registry.hpp"
#include "measure/model/case.hpp"
#include "measure/model/runner.hpp"
#include "measure/model/sample.hpp"
#include "tests/support/case_builder.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace perfmatrix::python_test {

inline CaseSettings settings(int warmup, int repetitions, double timeout = 20) {
    return test::case_settings(warmup, repetitions, timeout, repetitions);
}

// A case for the fake harness (tests/measure/python/fake_harness.py) under Debian's python3.
inline Case fake_case(const std::string& workload, CaseSettings s = settings(1, 3), nlohmann::json extra = {}) {
    nlohmann::json params = {{"python", PERFMATRIX_TEST_PYTHON}, {"workload", workload}};
    if (extra.is_object()) params.update(extra);
    return test::make_case("test/" + workload, "test", "python_workload", std::move(params), s);
}

// Runs a case against the given harness script (PERFMATRIX_HARNESS is how a deployment
// points at another harness too).
inline CaseOutcome run_with(const std::string& harness, const Case& c, const RunContext& ctx = {}) {
    ::setenv("PERFMATRIX_HARNESS", harness.c_str(), 1);
    return make_runner("python_workload")->run(c, ctx);
}

inline CaseOutcome run_fake(const Case& c, const RunContext& ctx = {}) {
    return run_with(PERFMATRIX_FAKE_HARNESS, c, ctx);
}

inline std::vector<Sample> samples_of(const CaseOutcome& o, const std::string& metric) {
    std::vector<Sample> out;
    for (const auto& s : o.samples) {
        if (s.metric == metric) out.push_back(s);
    }
    return out;
}

inline std::optional<std::string> env_value(const CaseOutcome& o, const std::string& key) {
    for (const auto& [k, v] : o.environment) {
        if (k == key) return v;
    }
    return std::nullopt;
}

}  // namespace perfmatrix::python_test
