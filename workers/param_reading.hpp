#pragma once
// Reading an in-process kind's parameters from a case's JSON: typed values with defaults and
// ranges. A bad value throws InvalidParam; parse_params() turns that into a ParamProblem, so
// one parser serves both the job check (Kind::check, via check_by) and the runner: a job
// that passes the check cannot fail to parse later.

#include "workers/model/kind.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <variant>

namespace perfmatrix {

struct InvalidParam {
    ParamProblem problem;
};

[[noreturn]] void invalid_param(const std::string& param, std::string message);

long long integer_param(const nlohmann::json& params, const char* name, long long fallback, long long lo,
                        long long hi);
double number_param(const nlohmann::json& params, const char* name, double fallback, double lo, double hi);
bool boolean_param(const nlohmann::json& params, const char* name, bool fallback);
// A string that must be one of `choices`.
std::string choice_param(const nlohmann::json& params, const char* name, const char* fallback,
                         std::initializer_list<const char*> choices);

// params must be a table, and every key a parameter the kind declares.
void reject_unknown_params(const nlohmann::json& params, const Kind& spec);

// Runs a parser that may throw InvalidParam and returns its value or the problem.
template <class Parse>
auto parse_params(Parse parse) -> std::variant<decltype(parse()), ParamProblem> {
    try {
        return parse();
    } catch (const InvalidParam& e) {
        return e.problem;
    }
}

// A Kind::check that accepts exactly what `parse` accepts.
template <class Params>
std::function<std::optional<ParamProblem>(const nlohmann::json&)> check_by(
    std::variant<Params, ParamProblem> (*parse)(const nlohmann::json&)) {
    return [parse](const nlohmann::json& params) -> std::optional<ParamProblem> {
        auto parsed = parse(params);
        if (auto* problem = std::get_if<ParamProblem>(&parsed)) return *problem;
        return std::nullopt;
    };
}

}  // namespace perfmatrix
