#pragma once
// Readers for the text-valued parameters of python_workload (strings, lists and tables of
// strings), in the style of workers/param_reading.hpp: a bad value throws InvalidParam.
// Every value ends up in an argv or environment entry, so none may hold a NUL byte.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace perfmatrix::python {

std::optional<std::string> optional_string_param(const nlohmann::json& params, const char* name);
// A required, non-empty string; `what` says what it is for in the error.
std::string required_string_param(const nlohmann::json& params, const char* name, const char* what);
std::optional<std::vector<std::string>> optional_string_list_param(const nlohmann::json& params, const char* name);
// A table of strings, in key order.
std::vector<std::pair<std::string, std::string>> string_map_param(const nlohmann::json& params, const char* name);

// Throws InvalidParam for `name` unless `variable` can name an environment variable.
void check_variable_name(const char* name, const std::string& variable);

}  // namespace perfmatrix::python
