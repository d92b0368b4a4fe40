#pragma once
// A benchmark's kind parameters: type-checked against the kind's spec once, then turned into
// each case's params with the case's axis values substituted.

#include "measure/model/case.hpp"
#include "measure/model/kind.hpp"

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

struct WrittenParam {
    const ParamSpec* spec;
    const toml::node* node;
};

// The parameters of `kind` that the benchmark table sets, each checked for its type. A missing
// required one fails at the table. Keys that are not parameters are left to the caller.
std::vector<WrittenParam> read_kind_params(const toml::table& benchmark, const Kind& kind,
                                           std::string_view benchmark_name);

// What a placeholder error message needs to say which case lacks which axis.
struct SubstitutionContext {
    std::string_view benchmark;
    const std::vector<std::string>* all_axes;  // every axis any case of the benchmark has
};

// One case's params: strings, list elements and map values with placeholders replaced (map
// keys and non-string values are kept as written). Fails at the string that names an axis the
// case lacks or has a lone brace.
nlohmann::json case_params(const std::vector<WrittenParam>& params, const std::vector<AxisValue>& axes,
                           const SubstitutionContext& context);

}  // namespace perfmatrix
