#pragma once
// Readers for text-valued parameters (strings, lists and tables of strings) of the kinds that
// start a process (spawn, python), in the style of measure/param_reading.hpp: a bad value
// throws InvalidParam. Every value ends up in an argv or environment entry, where a NUL byte
// would silently cut it short, so none may hold one.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace perfmatrix {

std::optional<std::string> optional_string_param(const nlohmann::json& params, const char* name);
// A required, non-empty string; `what` says what it is for in the error.
std::string required_string_param(const nlohmann::json& params, const char* name, const char* what);
std::optional<std::vector<std::string>> optional_string_list_param(const nlohmann::json& params, const char* name);
// A table of strings, in key order.
std::vector<std::pair<std::string, std::string>> string_map_param(const nlohmann::json& params, const char* name);

// Throws InvalidParam for `name` unless `variable` can name an environment variable.
void check_variable_name(const char* name, const std::string& variable);

}  // namespace perfmatrix
