#pragma once
// Which parameters each benchmark kind accepts. Job loading checks parameters against this
// (unknown keys, wrong types, missing required ones) so a bad job fails before anything runs.

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

enum class ParamType { string, string_list, string_map, boolean, integer, number };

const char* to_string(ParamType t);

struct ParamSpec {
    std::string name;
    ParamType type;
    bool required = false;
    std::string help;
};

struct ParamProblem {
    std::string param;    // the parameter the error points at
    std::string message;  // what was expected
};

struct KindSpec {
    std::string name;
    std::string summary;
    std::vector<ParamSpec> params;
    // Cross-parameter checks on the substituted parameters of one case (e.g. a regex that
    // must compile). Empty optional: fine.
    std::function<std::optional<ParamProblem>(const nlohmann::json& params)> check;
    // Capabilities a case needs because of its parameters (e.g. {"gpu"} for device = "cuda"),
    // added to the case's `requires`. Empty function: none.
    std::function<std::vector<std::string>(const nlohmann::json& params)> implied_requires;

    const ParamSpec* find_param(std::string_view name) const;
};

const std::vector<KindSpec>& known_kinds();
const KindSpec* find_kind(std::string_view name);

}  // namespace perfmatrix
