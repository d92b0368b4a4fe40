#include "measure/kind_registry.hpp"
#include "measure/model/kind.hpp"
#include "measure/python/python_params.hpp"

#include "tests/support/params_test_support.hpp"

#include <gtest/gtest.h>

#include <string>
#include <variant>

namespace perfmatrix::python {
namespace {

using json = nlohmann::json;

json minimal() { return {{"python", "/usr/bin/python3"}, {"workload", "nbody"}}; }

json with(json extra) {
    json p = minimal();
    p.update(extra);
    return p;
}

// The problem the job check reports, or "" when the parameters pass.
std::string problem_param(const json& params) {
    const Kind* spec = find_kind("python_workload");
    EXPECT_NE(spec, nullptr);
    if (!spec) return "no kind";
    auto problem = spec->check(params);
    return problem ? problem->param : std::string();
}

std::string problem_message(const json& params) {
    auto parsed = parse_python_params(params);
    auto* problem = std::get_if<ParamProblem>(&parsed);
    return problem ? problem->message : std::string();
}

PythonParams parsed(const json& params) { return test::accepted(parse_python_params(params)); }

}  // namespace

TEST(PythonParams, DefaultsAreIsolatedWithoutAHashSeed) {
    const PythonParams p = parsed(minimal());
    EXPECT_EQ(p.python, "/usr/bin/python3");
    EXPECT_EQ(p.workload, "nbody");
    EXPECT_EQ(p.flags, std::vector<std::string>{"-I"});
    // -I makes Python ignore PYTHONHASHSEED, so none is set (and none is claimed).
    EXPECT_FALSE(p.hash_seed.has_value());
    EXPECT_EQ(p.inherit_env, default_inherit_env());
    EXPECT_DOUBLE_EQ(p.sample_time, 0.1);
    EXPECT_EQ(p.loops, 0);
    EXPECT_TRUE(p.args.empty());
    EXPECT_TRUE(p.env.empty());
}

TEST(PythonParams, HashSeedDefaultsToZeroWhenTheFlagsLetItApply) {
    EXPECT_EQ(parsed(with({{"flags", {"-s", "-S"}}})).hash_seed, std::optional<std::string>("0"));
    EXPECT_EQ(parsed(with({{"flags", json::array()}, {"hash_seed", "random"}})).hash_seed,
              std::optional<std::string>("random"));
    EXPECT_EQ(parsed(with({{"flags", {"-s"}}, {"hash_seed", "4294967295"}})).hash_seed,
              std::optional<std::string>("4294967295"));
    EXPECT_EQ(parsed(with({{"flags", {"-s"}}, {"hash_seed", "007"}})).hash_seed, std::optional<std::string>("7"));
}

TEST(PythonParams, RequiredParametersAreNamed) {
    EXPECT_EQ(problem_param({{"workload", "nbody"}}), "python");
    EXPECT_EQ(problem_param({{"python", "/usr/bin/python3"}}), "workload");
    EXPECT_EQ(problem_param(with({{"python", ""}})), "python");
    EXPECT_EQ(problem_param(with({{"python", 3}})), "python");
    EXPECT_EQ(problem_param(minimal()), "");
}

TEST(PythonParams, WorkloadAndArgNamesCannotBeReadAsOptions) {
    EXPECT_EQ(problem_param(with({{"workload", "--list"}})), "workload");
    EXPECT_EQ(problem_param(with({{"workload", "a b"}})), "workload");
    EXPECT_EQ(problem_param(with({{"args", {{"n", "100"}, {"size-x", "3"}}}})), "");
    EXPECT_EQ(problem_param(with({{"args", {{"a=b", "1"}}}})), "args");
    EXPECT_EQ(problem_param(with({{"args", {{"-n", "1"}}}})), "args");
    EXPECT_EQ(problem_param(with({{"args", {{"n", 100}}}})), "args");
    EXPECT_NE(problem_message(with({{"args", {{"n", 100}}}})).find("value of 'n'"), std::string::npos);
    const PythonParams p = parsed(with({{"args", {{"n", "100"}, {"dtype", "float64"}}}}));
    ASSERT_EQ(p.args.size(), 2u);
    EXPECT_EQ(p.args[0], (std::pair<std::string, std::string>{"dtype", "float64"}));  // key order
}

TEST(PythonParams, OnlyKnownInterpreterFlags) {
    EXPECT_EQ(problem_param(with({{"flags", {"-I", "-S", "-E", "-s", "-B", "-u", "-O", "-OO"}}})), "");
    EXPECT_EQ(problem_param(with({{"flags", {"-X", "importtime", "-X", "frozen_modules=off"}}})), "");
    EXPECT_EQ(problem_param(with({{"flags", {"-c"}}})), "flags");
    EXPECT_EQ(problem_param(with({{"flags", {"-m"}}})), "flags");
    EXPECT_EQ(problem_param(with({{"flags", {"-Ximporttime"}}})), "flags");
    EXPECT_EQ(problem_param(with({{"flags", {"-X"}}})), "flags");
    EXPECT_EQ(problem_param(with({{"flags", {"-X", "-I"}}})), "flags");
    EXPECT_EQ(problem_param(with({{"flags", "-I"}})), "flags");
    EXPECT_NE(problem_message(with({{"flags", {"-c"}}})).find("'-c' is not allowed"), std::string::npos);
}

TEST(PythonParams, BadHashSeeds) {
    for (const char* seed : {"abc", "-1", "+1", "4294967296", "", "1.5", "99999999999"}) {
        EXPECT_EQ(problem_param(with({{"flags", {"-s"}}, {"hash_seed", seed}})), "hash_seed") << seed;
    }
    EXPECT_NE(problem_message(with({{"flags", {"-s"}}, {"hash_seed", "abc"}})).find("0 to 4294967295"),
              std::string::npos);
    EXPECT_EQ(problem_param(with({{"flags", {"-s"}}, {"hash_seed", 0}})), "hash_seed");
}

TEST(PythonParams, HashSeedUnderIOrEIsRefusedAsIneffective) {
    EXPECT_EQ(problem_param(with({{"hash_seed", "0"}})), "hash_seed");  // default flags: -I
    EXPECT_EQ(problem_param(with({{"flags", {"-E"}}, {"hash_seed", "1"}})), "hash_seed");
    EXPECT_NE(problem_message(with({{"hash_seed", "0"}})).find("ignores PYTHONHASHSEED"), std::string::npos);
    // An -X option that merely looks like -I is no such flag.
    EXPECT_EQ(problem_param(with({{"flags", {"-X", "I"}}, {"hash_seed", "1"}})), "");
}

TEST(PythonParams, EnvAndInheritEnv) {
    EXPECT_EQ(problem_param(with({{"env", {{"OMP_NUM_THREADS", "1"}}}})), "");
    EXPECT_EQ(problem_param(with({{"env", {{"A=B", "1"}}}})), "env");
    EXPECT_EQ(problem_param(with({{"env", {{"PYTHONHASHSEED", "1"}}}})), "env");
    // Ignored under -I; fine where the flags let it apply.
    EXPECT_EQ(problem_param(with({{"env", {{"PYTHONMALLOC", "malloc"}}}})), "env");
    EXPECT_EQ(problem_param(with({{"flags", {"-s"}}, {"env", {{"PYTHONMALLOC", "malloc"}}}})), "");
    EXPECT_EQ(problem_param(with({{"inherit_env", {"PATH", "OMP_*"}}})), "");
    EXPECT_EQ(problem_param(with({{"inherit_env", {"O*MP"}}})), "inherit_env");
    EXPECT_EQ(problem_param(with({{"inherit_env", {"*"}}})), "inherit_env");
    EXPECT_EQ(problem_param(with({{"inherit_env", {""}}})), "inherit_env");
    EXPECT_EQ(problem_param(with({{"inherit_env", "PATH"}})), "inherit_env");
}

TEST(PythonParams, NumbersAndUnknownKeys) {
    EXPECT_EQ(problem_param(with({{"sample_time", 0.5}, {"loops", 100}})), "");
    EXPECT_EQ(problem_param(with({{"sample_time", 0}})), "sample_time");
    EXPECT_EQ(problem_param(with({{"sample_time", "0.1"}})), "sample_time");
    EXPECT_EQ(problem_param(with({{"loops", -1}})), "loops");
    EXPECT_EQ(problem_param(with({{"loops", 1.5}})), "loops");
    EXPECT_EQ(problem_param(with({{"interpreter", "x"}})), "interpreter");
}

TEST(PythonParams, ANulByteIsRefused) {
    EXPECT_EQ(problem_param(with({{"workload", std::string("a\0b", 3)}})), "workload");
    EXPECT_EQ(problem_param(with({{"args", {{"n", std::string("1\0", 2)}}}})), "args");
}

TEST(PythonParams, EveryDeclaredParameterHasHelp) {
    const Kind spec = python_kind();
    EXPECT_EQ(spec.name, "python_workload");
    for (const auto& p : spec.params) EXPECT_FALSE(p.help.empty()) << p.name;
    EXPECT_TRUE(spec.find_param("python")->required);
    EXPECT_TRUE(spec.find_param("workload")->required);
}

}  // namespace perfmatrix::python
