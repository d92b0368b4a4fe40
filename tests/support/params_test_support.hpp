#pragma once
// Reading what a kind's parameter parser or check made of test parameters. Each kind's
// parameter tests had their own copies of these.

#include "measure/kind_registry.hpp"
#include "measure/model/kind.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <variant>

namespace perfmatrix::test {

// The parameters a parser accepted; fails the test, naming the problem, when it refused them.
template <typename Params>
Params accepted(const std::variant<Params, ParamProblem>& parsed) {
    if (const auto* problem = std::get_if<ParamProblem>(&parsed)) {
        ADD_FAILURE() << problem->param << ": " << problem->message;
        return {};
    }
    return std::get<Params>(parsed);
}

// The problem a parser reported; fails the test, showing the parameters, when it accepted them.
template <typename Params>
ParamProblem refused(const std::variant<Params, ParamProblem>& parsed, const nlohmann::json& params) {
    if (const auto* problem = std::get_if<ParamProblem>(&parsed)) return *problem;
    ADD_FAILURE() << "accepted: " << params.dump();
    return {};
}

// The problem the kind's check (what job loading calls) reports as "param: message", or ""
// when it accepts the parameters.
inline std::string check_problem(const char* kind, const nlohmann::json& params) {
    const Kind* spec = find_kind(kind);
    if (!spec) return "no such kind";
    const auto p = spec->check(params);
    return p ? p->param + ": " + p->message : "";
}

}  // namespace perfmatrix::test
