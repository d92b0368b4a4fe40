#pragma once
// Helpers shared by the asio kind tests: building a case and reading its samples.

#include "measure/model/case.hpp"
#include "measure/model/sample.hpp"
#include "tests/support/case_builder.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace perfmatrix::asio_test {

inline Case make_case(const std::string& kind, nlohmann::json params, int warmup = 1, int repetitions = 2,
                      double timeout = 20) {
    return test::make_case("test", "test", kind, std::move(params), test::case_settings(warmup, repetitions, timeout));
}

// Measured (non-warm-up) values of one metric, in repetition order.
inline std::vector<double> values(const CaseOutcome& o, const std::string& metric) {
    std::vector<double> out;
    for (const auto& s : o.samples) {
        if (s.metric == metric && !s.warmup) out.push_back(s.value);
    }
    return out;
}

inline std::optional<std::string> unit_of(const CaseOutcome& o, const std::string& metric) {
    for (const auto& s : o.samples) {
        if (s.metric == metric) return s.unit;
    }
    return std::nullopt;
}

// Entries in a /proc/self directory (fd, task): what a runner must give back when done.
int count_entries(const char* dir);

}  // namespace perfmatrix::asio_test
