#include "workers/kind_spec.hpp"
#include "workers/runner.hpp"
#include "workers/spawn_params.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <ostream>
#include <string>

namespace perfmatrix {
namespace {

using json = nlohmann::json;

std::optional<ParamProblem> check_spawn(const json& params) {
    const KindSpec* spawn = find_kind("spawn");
    return spawn->check(params);
}

}  // namespace

TEST(KindSpec, SpawnIsKnownAndOthersAreNot) {
    ASSERT_NE(find_kind("spawn"), nullptr);
    EXPECT_EQ(find_kind("spawn")->name, "spawn");
    EXPECT_EQ(find_kind("openblas"), nullptr);
    EXPECT_NE(make_runner("spawn"), nullptr);
    EXPECT_EQ(make_runner("nope"), nullptr);
}

TEST(KindSpec, SpawnDeclaresItsParams) {
    const KindSpec& k = *find_kind("spawn");
    struct Expected {
        const char* name;
        ParamType type;
        bool required;
    };
    const Expected expected[] = {
        {"argv", ParamType::string_list, true},    {"env", ParamType::string_map, false},
        {"unset_env", ParamType::string_list, false}, {"clear_env", ParamType::boolean, false},
        {"cwd", ParamType::string, false},         {"ready_pattern", ParamType::string, false},
        {"teardown_signal", ParamType::string, false}, {"expect_exit", ParamType::integer, false},
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

TEST(KindSpec, ParamTypeNames) {
    EXPECT_STREQ(to_string(ParamType::string), "string");
    EXPECT_STREQ(to_string(ParamType::string_list), "string_list");
    EXPECT_STREQ(to_string(ParamType::string_map), "string_map");
    EXPECT_STREQ(to_string(ParamType::boolean), "boolean");
    EXPECT_STREQ(to_string(ParamType::integer), "integer");
    EXPECT_STREQ(to_string(ParamType::number), "number");
}

TEST(SpawnCheck, AcceptsAFullValidSet) {
    const json p = {{"argv", {"/bin/true"}},        {"env", {{"A", "1"}}}, {"unset_env", {"B"}},
                    {"clear_env", true},             {"cwd", "/tmp"},       {"ready_pattern", "^ready$"},
                    {"teardown_signal", "SIGTERM"}, {"expect_exit", 3},    {"capture_bytes", 0}};
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
void PrintTo(const BadCase& c, std::ostream* os) {
    *os << c.label;
}

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
        BadCase{"unknown_signal", {{"argv", {"x"}}, {"ready_pattern", "r"}, {"teardown_signal", "BOGUS"}},
                "teardown_signal", "unknown signal"},
        BadCase{"teardown_without_ready", {{"argv", {"x"}}, {"teardown_signal", "TERM"}}, "teardown_signal",
                "ready_pattern"},
        BadCase{"capture_too_big", {{"argv", {"x"}}, {"capture_bytes", (1 << 20) + 1}}, "capture_bytes", "between"},
        BadCase{"capture_negative", {{"argv", {"x"}}, {"capture_bytes", -1}}, "capture_bytes", "between"},
        BadCase{"env_not_string", {{"argv", {"x"}}, {"env", {{"A", 1}}}}, "env", "string"},
        BadCase{"env_bad_name", {{"argv", {"x"}}, {"env", {{"A=B", "1"}}}}, "env", "name"},
        BadCase{"expect_exit_range", {{"argv", {"x"}}, {"expect_exit", 256}}, "expect_exit", "between"},
        BadCase{"unknown_param", {{"argv", {"x"}}, {"shell", true}}, "shell", "unknown parameter 'shell'"}),
    [](const auto& p) { return std::string(p.param.label); });

}  // namespace perfmatrix
