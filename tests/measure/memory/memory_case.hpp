#pragma once
// Helpers shared by the memory-kind tests: building cases, reading metrics back.

#include "measure/model/case.hpp"
#include "measure/model/sample.hpp"
#include "tests/support/case_builder.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace perfmatrix::memory_test {

inline Case memory_case(const std::string& kind, nlohmann::json params, int warmup = 0, int repetitions = 2,
                        double timeout = 30) {
    return test::make_case("test/" + kind, "test", kind, std::move(params),
                           test::case_settings(warmup, repetitions, timeout));
}

// The metric's value in the first measured sample.
inline std::optional<double> metric(const CaseOutcome& o, const std::string& name) {
    for (const auto& s : o.samples) {
        if (s.metric == name && !s.warmup) return s.value;
    }
    return std::nullopt;
}

inline std::string unit_of(const CaseOutcome& o, const std::string& name) {
    for (const auto& s : o.samples) {
        if (s.metric == name) return s.unit;
    }
    return {};
}

}  // namespace perfmatrix::memory_test
