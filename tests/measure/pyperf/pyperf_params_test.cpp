// Kind pyperf's parameters: what the job check refuses, and that the runner refuses the same.
#include "measure/kind_registry.hpp"
#include "measure/model/kind.hpp"
#include "measure/model/runner.hpp"
#include "measure/python/pyperf_params.hpp"

#include <gtest/gtest.h>

#include <string>
#include <variant>

namespace perfmatrix::python {
namespace {

using json = nlohmann::json;

json with(json extra) {
    json p = {{"python", "/usr/bin/python3"}, {"script", "bm.py"}};
    p.update(extra);
    return p;
}

// "param: message" of the job check's problem, or "" when the parameters pass.
std::string problem(const json& params) {
    const Kind* spec = find_kind("pyperf");
    if (!spec) return "no kind pyperf";
    auto found = spec->check(params);
    return found ? found->param + ": " + found->message : std::string();
}

PyperfParams parsed(const json& params) {
    auto result = parse_pyperf_params(params);
    EXPECT_TRUE(std::holds_alternative<PyperfParams>(result)) << problem(params);
    return std::holds_alternative<PyperfParams>(result) ? std::get<PyperfParams>(result) : PyperfParams{};
}

}  // namespace

TEST(PyperfParams, DefaultsArePyperfsOwnForOneWorker) {
    const PyperfParams p = parsed(with(json::object()));
    EXPECT_EQ(p.values, 3);
    EXPECT_EQ(p.warmups, 1);
    EXPECT_EQ(p.loops, 0);
    EXPECT_EQ(p.loop_min_time, 0.1);
    EXPECT_FALSE(p.benchmark);
    EXPECT_FALSE(p.package);
    EXPECT_EQ(p.inherit_env, pyperf_inherit_env());
}

TEST(PyperfParams, ReadsEveryParameter) {
    const PyperfParams p = parsed(with({{"package", "pyperformance"},
                                        {"script", "data-files/bm/run.py"},
                                        {"benchmark", "b"},
                                        {"args", {"--iterations", "5"}},
                                        {"values", 7},
                                        {"warmups", 0},
                                        {"loops", 16},
                                        {"loop_min_time", 0.5},
                                        {"env", {{"A", "1"}}},
                                        {"inherit_env", {"PATH"}}}));
    EXPECT_EQ(p.package, "pyperformance");
    EXPECT_EQ(p.benchmark, "b");
    EXPECT_EQ(p.args, (std::vector<std::string>{"--iterations", "5"}));
    EXPECT_EQ(p.values, 7);
    EXPECT_EQ(p.warmups, 0);
    EXPECT_EQ(p.loops, 16);
    EXPECT_EQ(p.loop_min_time, 0.5);
    EXPECT_EQ(p.env, (std::vector<std::pair<std::string, std::string>>{{"A", "1"}}));
    EXPECT_EQ(p.inherit_env, (std::vector<std::string>{"PATH"}));
}

TEST(PyperfParams, RefusesWhatWouldBreakOrMislead) {
    EXPECT_EQ(problem({{"python", "/usr/bin/python3"}}).rfind("script: ", 0), 0u);
    EXPECT_EQ(problem(with({{"workload", "nbody"}})), "workload: unknown parameter 'workload' for kind pyperf");
    EXPECT_EQ(problem(with({{"values", 0}})), "values: must be between 1 and 1000000");
    EXPECT_EQ(problem(with({{"loops", -1}})).rfind("loops: must be between 0 and", 0), 0u);
    EXPECT_EQ(problem(with({{"warmups", "2"}})), "warmups: expected an integer");
    EXPECT_EQ(problem(with({{"args", {"--loops=3"}}})).rfind("args: '--loops=3' is a pyperf worker option", 0), 0u);
    EXPECT_EQ(problem(with({{"args", {"-o", "x.json"}}})).rfind("args: '-o' is a pyperf worker option", 0), 0u);
    EXPECT_EQ(problem(with({{"package", "../x"}})), "package: '../x' is not an importable package name");
    EXPECT_EQ(problem(with({{"package", "pyperformance"}, {"script", "/abs/run.py"}})),
              "script: must be relative to the package's directory when `package` is set");
    EXPECT_EQ(problem(with({{"benchmark", ""}})).rfind("benchmark: must not be empty", 0), 0u);
    EXPECT_EQ(problem(with({{"inherit_env", {"A*B"}}})).rfind("inherit_env: 'A*B'", 0), 0u);
    EXPECT_EQ(problem(with({{"args", {"--iterations", "5"}}})), "");
}

TEST(PyperfParams, TheRunnerRefusesBadParametersWithTheSameWords) {
    Case c;
    c.kind = "pyperf";
    c.params = with({{"values", 0}});
    const CaseOutcome o = make_runner("pyperf")->run(c, {});
    EXPECT_EQ(o.status, status::error);
    EXPECT_EQ(o.reason, "invalid pyperf parameter 'values': must be between 1 and 1000000");
    EXPECT_TRUE(o.samples.empty());
}

}  // namespace perfmatrix::python
