// pymalloc, allocator and jit of python_workload: what they accept, what they put into the
// child's environment and argv, and that a case needing a GPU says so.
#include "measure/kind_registry.hpp"
#include "measure/python/harness_command.hpp"
#include "measure/python/python_params.hpp"

#include "tests/support/params_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <variant>

namespace perfmatrix::python {
namespace {

using json = nlohmann::json;

json with(json extra) {
    json p = {{"python", "/usr/bin/python3"}, {"workload", "alloc_small"}};
    if (extra.is_object()) p.update(extra);  // `with({})` is a null json, not an empty object
    return p;
}

PythonParams parsed(const json& params) { return test::accepted(parse_python_params(params)); }

ParamProblem refused(const json& params) {
    auto result = parse_python_params(params);
    EXPECT_TRUE(std::holds_alternative<ParamProblem>(result)) << params.dump();
    return std::holds_alternative<ParamProblem>(result) ? std::get<ParamProblem>(result) : ParamProblem{};
}

std::string variable(const HarnessCommand& cmd, const std::string& name) {
    for (const auto& [k, v] : cmd.process.env.set) {
        if (k == name) return v;
    }
    return "<unset>";
}

bool has_sequence(const std::vector<std::string>& argv, const std::vector<std::string>& seq) {
    return std::search(argv.begin(), argv.end(), seq.begin(), seq.end()) != argv.end();
}

}  // namespace

TEST(RuntimeSettings, NoneByDefault) {
    const PythonParams p = parsed(with({}));
    EXPECT_FALSE(p.runtime.pymalloc || p.runtime.allocator || p.runtime.jit);
    const HarnessCommand cmd = harness_command(p, CaseSettings{}, "h.py");
    EXPECT_EQ(std::count(cmd.process.argv.begin(), cmd.process.argv.end(), "--expect"), 0);
    EXPECT_EQ(variable(cmd, "PYTHONMALLOC"), "<unset>");
    EXPECT_EQ(variable(cmd, "LD_PRELOAD"), "<unset>");
}

TEST(RuntimeSettings, PymallocSetsTheVariableAndDefaultFlagsLetPythonReadIt) {
    for (const char* value : {"pymalloc", "malloc", "debug", "mimalloc"}) {
        const PythonParams p = parsed(with({{"pymalloc", value}}));
        // -I would make Python ignore PYTHONMALLOC: -s is -I without its -E.
        EXPECT_EQ(p.flags, std::vector<std::string>{"-s"});
        const HarnessCommand cmd = harness_command(p, CaseSettings{}, "h.py");
        EXPECT_EQ(variable(cmd, "PYTHONMALLOC"), value);
        EXPECT_TRUE(has_sequence(cmd.process.argv, {"--expect", std::string("allocator=") + value}));
    }
}

TEST(RuntimeSettings, PymallocOrJitUnderIOrEIsRefusedAsIneffective) {
    const auto problem = refused(with({{"pymalloc", "malloc"}, {"flags", {"-I"}}}));
    EXPECT_EQ(problem.param, "pymalloc");
    EXPECT_NE(problem.message.find("ignores PYTHONMALLOC"), std::string::npos) << problem.message;
    EXPECT_EQ(refused(with({{"jit", "on"}, {"flags", {"-E", "-S"}}})).param, "jit");
    // Flags that let Python read its variables are kept as given.
    EXPECT_EQ(parsed(with({{"pymalloc", "malloc"}, {"flags", {"-S"}}})).flags, std::vector<std::string>{"-S"});
}

TEST(RuntimeSettings, BadValuesAreNamed) {
    EXPECT_EQ(refused(with({{"pymalloc", "jemalloc"}})).param, "pymalloc");
    EXPECT_NE(refused(with({{"allocator", "mimalloc"}})).message.find("glibc, jemalloc, tcmalloc"), std::string::npos);
    EXPECT_EQ(refused(with({{"jit", "yes"}})).param, "jit");
    EXPECT_EQ(refused(with({{"jit", true}})).param, "jit");
}

TEST(RuntimeSettings, EnvCannotSetWhatASettingSets) {
    EXPECT_EQ(refused(with({{"pymalloc", "malloc"}, {"env", {{"PYTHONMALLOC", "debug"}}}})).param, "env");
    EXPECT_EQ(refused(with({{"allocator", "jemalloc"}, {"env", {{"LD_PRELOAD", "x.so"}}}})).param, "env");
    EXPECT_EQ(refused(with({{"jit", "off"}, {"flags", {"-s"}}, {"env", {{"PYTHON_JIT", "1"}}}})).param, "env");
    // Without the setting, env may still set the variable itself (flags permitting).
    EXPECT_EQ(parsed(with({{"flags", {"-s"}}, {"env", {{"PYTHONMALLOC", "malloc"}}}})).env.size(), 1u);
}

TEST(RuntimeSettings, AllocatorPreloadsIntoTheChildOnlyAndKeepsIsolation) {
    const PythonParams p = parsed(with({{"allocator", "jemalloc"}}));
    EXPECT_EQ(p.flags, std::vector<std::string>{"-I"});  // LD_PRELOAD is the loader's, not Python's
    const HarnessCommand cmd = harness_command(p, CaseSettings{}, "h.py");
    EXPECT_EQ(variable(cmd, "LD_PRELOAD"), "libjemalloc.so.2");
    EXPECT_TRUE(has_sequence(cmd.process.argv, {"--expect", "malloc=jemalloc"}));
    const HarnessCommand glibc = harness_command(parsed(with({{"allocator", "glibc"}})), CaseSettings{}, "h.py");
    EXPECT_EQ(variable(glibc, "LD_PRELOAD"), "<unset>");
    EXPECT_TRUE(has_sequence(glibc.process.argv, {"--expect", "malloc=glibc"}));
}

TEST(RuntimeSettings, JitSetsPythonJit) {
    const HarnessCommand on = harness_command(parsed(with({{"jit", "on"}})), CaseSettings{}, "h.py");
    EXPECT_EQ(variable(on, "PYTHON_JIT"), "1");
    EXPECT_TRUE(has_sequence(on.process.argv, {"--expect", "jit=on"}));
    EXPECT_EQ(variable(harness_command(parsed(with({{"jit", "off"}})), CaseSettings{}, "h.py"), "PYTHON_JIT"), "0");
}

TEST(RuntimeSettings, AVariableSetHereIsNotTakenFromTheWorkerOrCalledInherited) {
    ::setenv("PYTHONMALLOC", "debug", 1);
    PythonParams p = parsed(with({{"pymalloc", "malloc"}, {"inherit_env", {"PYTHONMALLOC", "PATH"}}}));
    const HarnessCommand cmd = harness_command(p, CaseSettings{}, "h.py");
    ::unsetenv("PYTHONMALLOC");
    EXPECT_EQ(std::count_if(cmd.process.env.set.begin(), cmd.process.env.set.end(),
                            [](const auto& kv) { return kv.first == "PYTHONMALLOC"; }),
              1);
    EXPECT_EQ(variable(cmd, "PYTHONMALLOC"), "malloc");
    for (const auto& [k, v] : cmd.record) {
        if (k == "python.env_inherited") {
            EXPECT_EQ(v.find("PYTHONMALLOC"), std::string::npos) << v;
        }
    }
}

TEST(PythonRequires, ACudaDeviceNeedsAGpu) {
    const Kind* kind = find_kind("python_workload");
    ASSERT_NE(kind, nullptr);
    ASSERT_TRUE(kind->implied_requires);
    const auto needs = [&](json args) { return kind->implied_requires(with({{"args", std::move(args)}})); };
    EXPECT_EQ(needs({{"device", "cuda"}}), std::vector<std::string>{"gpu"});
    EXPECT_EQ(needs({{"device", "cuda:1"}, {"n", "64"}}), std::vector<std::string>{"gpu"});
    EXPECT_TRUE(needs({{"device", "cpu"}}).empty());
    EXPECT_TRUE(needs({{"n", "64"}}).empty());
    EXPECT_TRUE(needs({{"device", "cudaish"}}).empty());
    EXPECT_TRUE(kind->implied_requires(with({})).empty());
}

}  // namespace perfmatrix::python
