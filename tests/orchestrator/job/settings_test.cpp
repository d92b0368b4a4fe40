// Settings: built-in defaults, [defaults], per-benchmark overrides, requires forms.

#include "orchestrator/job/job.hpp"
#include "tests/support/job_test_support.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

TEST(Settings, BuiltInDefaultsApplyWithoutADefaultsTable) {
    const auto job = test::parse(test::spawn_benchmark("b", R"(
argv = ["/bin/true"]
)"));
    EXPECT_EQ(job.cases.at(0).settings, CaseSettings{});
}

TEST(Settings, DefaultsThenBenchmarkOverrides) {
    const auto job = test::parse(R"(
[job]
name = "settings"
description = "defaults and overrides"

[defaults]
warmup = 2
repetitions = 20
min_time = 1
max_repetitions = 500
timeout = 2.5
requires = "gpu"
placement = "shared"

[[benchmark]]
name = "inherits"
kind = "spawn"
argv = ["/bin/true"]

[[benchmark]]
name = "overrides"
kind = "spawn"
argv = ["/bin/true"]
warmup = 0
repetitions = 3
min_time = 0.25
max_repetitions = 3
timeout = 10
requires = []
placement = "exclusive"
matrix.n = [1, 2]
)");
    EXPECT_EQ(job.name, "settings");
    EXPECT_EQ(job.description, "defaults and overrides");
    ASSERT_EQ(job.cases.size(), 3u);

    const auto& inherited = job.cases[0].settings;
    EXPECT_EQ(inherited.warmup, 2);
    EXPECT_EQ(inherited.repetitions, 20);
    EXPECT_DOUBLE_EQ(inherited.min_time, 1.0);
    EXPECT_EQ(inherited.max_repetitions, 500);
    EXPECT_DOUBLE_EQ(inherited.timeout, 2.5);
    EXPECT_EQ(inherited.requires_, std::vector<std::string>{"gpu"});
    EXPECT_EQ(inherited.placement, Placement::shared);

    for (std::size_t i = 1; i < 3; ++i) {
        const auto& own = job.cases[i].settings;
        EXPECT_EQ(own.warmup, 0);
        EXPECT_EQ(own.repetitions, 3);
        EXPECT_DOUBLE_EQ(own.min_time, 0.25);
        EXPECT_EQ(own.max_repetitions, 3);
        EXPECT_DOUBLE_EQ(own.timeout, 10.0);
        EXPECT_TRUE(own.requires_.empty());
        EXPECT_EQ(own.placement, Placement::exclusive);
    }
}

TEST(Settings, RequiresTakesAStringOrAnArray) {
    const auto job = test::parse(test::spawn_benchmark("one", R"(
argv = ["/bin/true"]
requires = "cpu"

[[benchmark]]
name = "many"
kind = "spawn"
argv = ["/bin/true"]
requires = ["gpu", "cpu", "gpu"]
)"));
    EXPECT_EQ(job.cases.at(0).settings.requires_, std::vector<std::string>{"cpu"});
    // Order kept, repeats dropped.
    EXPECT_EQ(job.cases.at(1).settings.requires_, (std::vector<std::string>{"gpu", "cpu"}));
}

TEST(Settings, SettingsAreNotSubstituted) {
    // A placeholder in a setting is just a wrong type (timeout) or an unknown capability.
    const auto e = test::job_error(test::spawn_benchmark("b", R"(
argv = ["/bin/true"]
requires = "{cap}"
matrix.cap = ["gpu"]
)"));
    EXPECT_NE(e.message.find("unknown capability '{cap}'"), std::string::npos) << e.what();
}

}  // namespace
}  // namespace perfmatrix
