// Placeholder substitution: whole elements, escapes, errors; only kind parameters change.

#include "orchestrator/job/job.hpp"
#include "orchestrator/job/placeholders.hpp"
#include "tests/support/job_test_support.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

const std::vector<AxisValue> kValues{{"n", "4"}, {"py", "/usr/bin/python3"}};

TEST(Placeholders, ReplacesEachOccurrence) {
    EXPECT_EQ(substitute_placeholders("{py} -c 'x={n}*{n}'", kValues), "/usr/bin/python3 -c 'x=4*4'");
    EXPECT_EQ(substitute_placeholders("no placeholders", kValues), "no placeholders");
    EXPECT_EQ(substitute_placeholders("", kValues), "");
}

TEST(Placeholders, DoubledBracesAreLiteral) {
    EXPECT_EQ(substitute_placeholders("{{n}}", kValues), "{n}");
    EXPECT_EQ(substitute_placeholders("{{{n}}}", kValues), "{4}");
    EXPECT_EQ(substitute_placeholders("d = {{'k': {n}}}", kValues), "d = {'k': 4}");
}

TEST(Placeholders, UnknownNameIsReported) {
    try {
        substitute_placeholders("x {nope} y", kValues);
        FAIL() << "no UnknownPlaceholder";
    } catch (const UnknownPlaceholder& e) {
        EXPECT_EQ(e.name, "nope");
    }
}

TEST(Placeholders, LoneBracesAreSyntaxErrors) {
    EXPECT_THROW(substitute_placeholders("{n", kValues), PlaceholderSyntaxError);
    EXPECT_THROW(substitute_placeholders("{n{py}}", kValues), PlaceholderSyntaxError);
    EXPECT_THROW(substitute_placeholders("n}", kValues), PlaceholderSyntaxError);
    EXPECT_THROW(substitute_placeholders("{}", kValues), PlaceholderSyntaxError);
    EXPECT_THROW(substitute_placeholders("{ n }", kValues), PlaceholderSyntaxError);
}

TEST(Placeholders, ValueWithSpacesAndShellCharactersStaysOneElement) {
    const auto job = test::parse(test::spawn_benchmark("b", R"(
argv = ["/bin/echo", "{v}", "[{v}]"]
env = { "VALUE_{{v}}" = "{v}" }
cwd = "/tmp/{n}"
warmup = 3
[benchmark.matrix]
v = ["a b; rm -rf / && echo $HOME | `id` 'q' \"dq\" * {x} \\ $(true) > out"]
n = [7]
)"));
    ASSERT_EQ(job.cases.size(), 1u);
    const std::string v = R"(a b; rm -rf / && echo $HOME | `id` 'q' "dq" * {x} \ $(true) > out)";
    const auto& params = job.cases[0].params;
    ASSERT_EQ(params["argv"].size(), 3u);
    EXPECT_EQ(params["argv"][1], v);
    EXPECT_EQ(params["argv"][2], "[" + v + "]");
    // Map keys are not substituted (escapes too stay as written); map values are.
    EXPECT_EQ(params["env"], nlohmann::json({{"VALUE_{{v}}", v}}));
    EXPECT_EQ(params["cwd"], "/tmp/7");
    EXPECT_EQ(job.cases[0].settings.warmup, 3);
}

TEST(Placeholders, NonStringParametersAreKeptAsTyped) {
    const auto job = test::parse(test::spawn_benchmark("b", R"(
argv = ["/bin/sh", "-c", "exit {code}"]
expect_exit = 3
clear_env = true
matrix.code = [3]
)"));
    const auto& params = job.cases.at(0).params;
    EXPECT_EQ(params["argv"], nlohmann::json({"/bin/sh", "-c", "exit 3"}));
    EXPECT_EQ(params["expect_exit"], 3);
    EXPECT_TRUE(params["expect_exit"].is_number_integer());
    EXPECT_EQ(params["clear_env"], true);
    EXPECT_FALSE(params.contains("cwd"));  // unset parameters stay unset
}

}  // namespace
}  // namespace perfmatrix
