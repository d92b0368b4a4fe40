#pragma once
// The parameters of the `spawn` kind: their declaration (for job checking) and their parsing
// into typed values (for the runner). One parser serves both, so a job that passes the check
// cannot fail to parse later.

#include "measure/model/kind.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <regex>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace perfmatrix {

inline constexpr std::size_t kMaxCaptureBytes = std::size_t{1} << 20;

struct SpawnParams {
    std::vector<std::string> argv;
    std::vector<std::pair<std::string, std::string>> env;  // set in the child, in this order
    std::vector<std::string> unset_env;
    bool clear_env = false;
    std::string cwd;  // empty: the worker's
    std::optional<std::string> ready_pattern;
    std::optional<std::regex> ready_regex;  // compiled ready_pattern
    int teardown_signal = 0;                // 0: none
    int expect_exit = 0;
    std::size_t capture_bytes = 4096;
};

std::variant<SpawnParams, ParamProblem> parse_spawn_params(const nlohmann::json& params);

Kind spawn_kind();

}  // namespace perfmatrix
