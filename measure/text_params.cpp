#include "measure/text_params.hpp"

#include "measure/param_reading.hpp"

#include <fmt/format.h>

namespace perfmatrix {
namespace {

std::string text(const nlohmann::json& v, const char* name, const std::string& expected) {
    if (!v.is_string()) invalid_param(name, expected);
    std::string s = v.get<std::string>();
    if (s.find('\0') != std::string::npos) invalid_param(name, "must not contain a NUL character");
    return s;
}

}  // namespace

std::optional<std::string> optional_string_param(const nlohmann::json& params, const char* name) {
    if (!params.contains(name)) return std::nullopt;
    return text(params.at(name), name, "expected a string");
}

std::string required_string_param(const nlohmann::json& params, const char* name, const char* what) {
    auto value = optional_string_param(params, name);
    if (!value || value->empty()) invalid_param(name, fmt::format("required: {}", what));
    return *value;
}

std::optional<std::vector<std::string>> optional_string_list_param(const nlohmann::json& params, const char* name) {
    if (!params.contains(name)) return std::nullopt;
    const auto& v = params.at(name);
    if (!v.is_array()) invalid_param(name, "expected a list of strings");
    std::vector<std::string> out;
    for (const auto& item : v) out.push_back(text(item, name, "expected a list of strings"));
    return out;
}

std::vector<std::pair<std::string, std::string>> string_map_param(const nlohmann::json& params, const char* name) {
    if (!params.contains(name)) return {};
    const auto& v = params.at(name);
    if (!v.is_object()) invalid_param(name, "expected a table of strings");
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [key, value] : v.items()) {
        if (key.find('\0') != std::string::npos) invalid_param(name, "keys must not contain a NUL character");
        out.emplace_back(key, text(value, name, fmt::format("value of '{}' must be a string", key)));
    }
    return out;
}

void check_variable_name(const char* name, const std::string& variable) {
    if (variable.empty() || variable.find('=') != std::string::npos || variable.find('\0') != std::string::npos) {
        invalid_param(name, fmt::format("'{}' is not a valid environment variable name", variable));
    }
}

}  // namespace perfmatrix
