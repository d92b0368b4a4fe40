#include "measure/kind_registry.hpp"
#include "measure/model/kind.hpp"
#include "measure/model/runner.hpp"
#include "measure/spawn_params.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <ostream>
#include <stdexcept>
#include <string>

namespace perfmatrix {
namespace {

using json = nlohmann::json;

std::optional<ParamProblem> check_spawn(const json& params) {
    const Kind* spawn = find_kind("spawn");
    return spawn->check(params);
}

}  // namespace

TEST(Kind, SpawnIsKnownAndOthersAreNot) {
    ASSERT_NE(find_kind("spawn"), nullptr);
    EXPECT_EQ(find_kind("spawn")->name, "spawn");
    EXPECT_EQ(find_kind("openblas"), nullptr);
    EXPECT_NE(make_runner("spawn"), nullptr);
    EXPECT_EQ(make_runner("nope"), nullptr);
}

TEST(Kind, SpawnDeclaresItsParams) {
    const Kind& k = *find_kind("spawn");
    struct Expected {
        const char* name;
        ParamType type;
        bool required;
    };
    const Expected expected[] = {
        {"argv", ParamType::string_list, true},
        {"env", ParamType::string_map, false},
        {"unset_env", ParamType::string_list, false},
        {"clear_env", ParamType::boolean, false},
        {"cwd", ParamType::string, false},
        {"ready_pattern", ParamType::string, false},
        {"teardown_signal", ParamType::string, false},
        {"expect_exit", ParamType::integer, false},
        {"capture_bytes", ParamType::integer, false},
    };
    EXPECT_EQ(k.params.size(), std::size(expected));
    for (const auto& e : expected) {
        const ParamSpec* p = k.find_param(e.name);
        ASSERT_NE(p, nullptr) << e.name;
        EXPECT_EQ(p->type, e.type) << e.name;
        EXPECT_EQ(p->required, e.required) << e.name;
        EXPECT_FALSE(p->help.empty()) << e.name;
    }
    EXPECT_EQ(k.find_param("nonexistent"), nullptr);
}

TEST(Kind, EveryKindIsCompleteAndNamedOnce) {
    std::vector<std::string> names;
    for (const Kind& k : known_kinds()) {
        EXPECT_FALSE(k.summary.empty()) << k.name;
        EXPECT_FALSE(k.category.empty()) << k.name;
        EXPECT_TRUE(k.make_runner) << k.name;
        // Every kind has a headline figure, so report and compare need no fallback for it.
        EXPECT_TRUE(std::any_of(k.metrics.begin(), k.metrics.end(), [](const MetricSpec& m) {
            return m.headline == 1;
        })) << k.name;
        EXPECT_EQ(std::count(names.begin(), names.end(), k.name), 0) << k.name;
        names.push_back(k.name);
    }
    EXPECT_EQ(names.front(), "spawn");  // registered first, as the first kind
    EXPECT_GE(names.size(), 20u);
}

TEST(KindRegistry, RefusesASecondKindOfTheSameNameAndOneWithoutARunner) {
    KindRegistry r;
    Kind k;
    k.name = "toy";
    EXPECT_THROW(r.add(k), std::logic_error);  // no runner
    k.make_runner = [] { return make_runner("spawn"); };
    r.add(k);
    EXPECT_THROW(r.add(k), std::logic_error);
    EXPECT_EQ(r.kinds().size(), 1u);
}

TEST(KindRegistry, CollectsEachFamilysHostFacts) {
    KindRegistry r;
    r.add_host_facts([] { return HostFacts{{"a", "1"}}; });
    r.add_host_facts([] { return HostFacts{{"b", "2"}, {"c", "3"}}; });
    EXPECT_EQ(r.host_facts(), (HostFacts{{"a", "1"}, {"b", "2"}, {"c", "3"}}));
}

TEST(Kind, DescribesItsMetricsAndGuessesOnlyFromTheUnit) {
    const Kind& gemm = *find_kind("blas_gemm");
    EXPECT_EQ(gemm.metric("gflops", "GFLOP/s"), (MetricSpec{"gflops", "GFLOP/s", Better::higher, 1}));
    EXPECT_EQ(gemm.metric("efficiency", "ratio").better, Better::higher);  // no unit could say so
    EXPECT_EQ(gemm.metric("time", "s"), (MetricSpec{"time", "s", Better::lower, 0}));
    // Undeclared: per second is higher-is-better, anything else lower; never a headline.
    EXPECT_EQ(undeclared_metric("items_per_s", "1/s"), (MetricSpec{"items_per_s", "1/s", Better::higher, 0}));
    EXPECT_EQ(undeclared_metric("peak", "bytes"), (MetricSpec{"peak", "bytes", Better::lower, 0}));
    EXPECT_EQ(find_kind("python_workload")->metric("time", "s").headline, 1);
    EXPECT_STREQ(to_string(Better::higher), "higher");
}

TEST(Kind, ParamTypeNames) {
    EXPECT_STREQ(to_string(ParamType::string), "string");
    EXPECT_STREQ(to_string(ParamType::string_list), "string_list");
    EXPECT_STREQ(to_string(ParamType::string_map), "string_map");
    EXPECT_STREQ(to_string(ParamType::boolean), "boolean");
    EXPECT_STREQ(to_string(ParamType::integer), "integer");
    EXPECT_STREQ(to_string(ParamType::number), "number");
}

TEST(SpawnCheck, AcceptsAFullValidSet) {
    const json p = {
        {"argv", {"/bin/true"}}, {"env", {{"A", "1"}}},        {"unset_env", {"B"}},           {"clear_env", true},
        {"cwd", "/tmp"},         {"ready_pattern", "^ready$"}, {"teardown_signal", "SIGTERM"}, {"expect_exit", 3},
        {"capture_bytes", 0}};
    EXPECT_FALSE(check_spawn(p).has_value());
    const auto parsed = std::get<SpawnParams>(parse_spawn_params(p));
    EXPECT_EQ(parsed.teardown_signal, SIGTERM);
    EXPECT_EQ(parsed.expect_exit, 3);
    EXPECT_EQ(parsed.capture_bytes, 0u);
    EXPECT_TRUE(parsed.clear_env);
}

TEST(SpawnCheck, DefaultsWhenOnlyArgvIsGiven) {
    const auto parsed = std::get<SpawnParams>(parse_spawn_params(json{{"argv", {"x", "y"}}}));
    EXPECT_EQ(parsed.argv, (std::vector<std::string>{"x", "y"}));
    EXPECT_EQ(parsed.expect_exit, 0);
    EXPECT_EQ(parsed.capture_bytes, 4096u);
    EXPECT_EQ(parsed.teardown_signal, 0);
    EXPECT_FALSE(parsed.ready_regex.has_value());
}

struct BadCase {
    const char* label;
    json params;
    const char* param;    // which parameter the problem must point at
    const char* message;  // a fragment the message must contain
};

// Keeps test names readable: gtest would otherwise print the object's bytes.
void PrintTo(const BadCase& c, std::ostream* os) { *os << c.label; }

class SpawnCheckRejects : public ::testing::TestWithParam<BadCase> {};

TEST_P(SpawnCheckRejects, PointsAtTheParameter) {
    const auto problem = check_spawn(GetParam().params);
    ASSERT_TRUE(problem.has_value());
    EXPECT_EQ(problem->param, GetParam().param);
    EXPECT_NE(problem->message.find(GetParam().message), std::string::npos) << problem->message;
}

INSTANTIATE_TEST_SUITE_P(
    Spawn, SpawnCheckRejects,
    ::testing::Values(
        BadCase{"missing_argv", json::object(), "argv", "required"},
        BadCase{"empty_argv", {{"argv", json::array()}}, "argv", "program"},
        BadCase{"argv_not_strings", {{"argv", {1, 2}}}, "argv", "list of strings"},
        BadCase{"bad_regex", {{"argv", {"x"}}, {"ready_pattern", "(unclosed"}}, "ready_pattern", "regex"},
        BadCase{"unknown_signal",
                {{"argv", {"x"}}, {"ready_pattern", "r"}, {"teardown_signal", "BOGUS"}},
                "teardown_signal",
                "unknown signal"},
        BadCase{"teardown_without_ready",
                {{"argv", {"x"}}, {"teardown_signal", "TERM"}},
                "teardown_signal",
                "ready_pattern"},
        BadCase{"capture_too_big", {{"argv", {"x"}}, {"capture_bytes", (1 << 20) + 1}}, "capture_bytes", "between"},
        BadCase{"capture_negative", {{"argv", {"x"}}, {"capture_bytes", -1}}, "capture_bytes", "between"},
        BadCase{"env_not_string", {{"argv", {"x"}}, {"env", {{"A", 1}}}}, "env", "string"},
        BadCase{"env_bad_name", {{"argv", {"x"}}, {"env", {{"A=B", "1"}}}}, "env", "name"},
        // The child's argv would silently end at the NUL.
        BadCase{"argv_nul", {{"argv", {std::string("a\0b", 3)}}}, "argv", "NUL"},
        BadCase{"expect_exit_range", {{"argv", {"x"}}, {"expect_exit", 256}}, "expect_exit", "between"},
        BadCase{"unknown_param", {{"argv", {"x"}}, {"shell", true}}, "shell", "unknown parameter 'shell'"}),
    [](const auto& p) { return std::string(p.param.label); });

}  // namespace perfmatrix
