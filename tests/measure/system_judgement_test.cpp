#include "measure/system/per_cpu_summary.hpp"
#include "measure/system/system_judgement.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace perfmatrix {
namespace {

using Env = std::vector<std::pair<std::string, std::string>>;

std::vector<std::string> texts(const Env& env, SystemSeverity severity) {
    std::vector<std::string> out;
    for (const SystemAdvice& a : judge_system_state(env))
        if (a.severity == severity) out.push_back(a.text);
    return out;
}

bool any_for(const Env& env, const std::string& key) {
    const auto all = judge_system_state(env);
    return std::any_of(all.begin(), all.end(), [&](const SystemAdvice& a) { return a.key == key; });
}

TEST(PerCpuSummary, OneValueIsCountedAndMixedValuesNameTheirCpus) {
    EXPECT_EQ(format_per_cpu_summary({{0, "performance"}, {1, "performance"}}), "performance x2");
    const std::string mixed = format_per_cpu_summary({{0, "powersave"}, {1, "performance"}, {2, "powersave"}});
    EXPECT_EQ(mixed, "powersave x2 (cpus 0,2); performance x1 (cpus 1)");
    const auto groups = parse_per_cpu_summary(mixed);
    ASSERT_EQ(groups.size(), 2u);
    EXPECT_EQ(groups[0].value, "powersave");
    EXPECT_EQ(groups[0].count, 2u);
    EXPECT_EQ(groups[0].cpus, (std::vector<int>{0, 2}));
    EXPECT_EQ(groups[1].cpus, (std::vector<int>{1}));
    EXPECT_EQ(format_per_cpu_summary({}), "unavailable");
    EXPECT_TRUE(parse_per_cpu_summary("unavailable").empty());
}

TEST(SystemJudgement, NamesEachCpuGroupWhoseGovernorIsNotPerformance) {
    const Env env{{"system.governor", "powersave x2 (cpus 2-3); performance x2 (cpus 0-1)"}};
    EXPECT_EQ(texts(env, SystemSeverity::warning),
              std::vector<std::string>{"governor powersave on 2 CPUs (2-3): frequencies vary; set performance"});
    EXPECT_EQ(texts({{"system.governor", "schedutil x1"}}, SystemSeverity::warning),
              std::vector<std::string>{"governor schedutil on 1 CPU: frequencies vary; set performance"});
    EXPECT_FALSE(any_for({{"system.governor", "performance x8"}}, "system.governor"));
}

TEST(SystemJudgement, WarnsOfTurboThpLoadBusyProcessesAndBattery) {
    const Env env{{"system.turbo", "on (cpufreq/boost=1)"}, {"system.thp_enabled", "always"},
                  {"system.thp_defrag", "always"},          {"system.cpus", "0-3"},
                  {"system.load", "2.50 1.00 0.50"},        {"system.top_cpu", "pid 10 stress 98%"},
                  {"system.power_supply", "mains offline"}};
    for (const char* key : {"system.turbo", "system.thp_enabled", "system.thp_defrag", "system.load", "system.top_cpu",
                            "system.power_supply"})
        EXPECT_TRUE(any_for(env, key)) << key;
    EXPECT_EQ(texts(env, SystemSeverity::warning).size(), 6u);
}

TEST(SystemJudgement, SteadySettingsGiveNoWarning) {
    const Env env{{"system.governor", "performance x4"},
                  {"system.turbo", "off (intel_pstate/no_turbo=1)"},
                  {"system.thp_enabled", "madvise"},
                  {"system.thp_defrag", "madvise"},
                  {"system.cpus", "0-3"},
                  {"system.load", "2.00 1.00 0.50"},
                  {"system.top_cpu", "none above 5%"},
                  {"system.power_supply", "mains online"},
                  {"system.nohz_full", "none"},
                  {"system.cpufreq_driver", "intel_pstate x4"}};
    EXPECT_TRUE(texts(env, SystemSeverity::warning).empty());
}

TEST(SystemJudgement, UnavailableAndForeignEntriesAreNotJudged) {
    const Env env{{"system.governor", "unavailable"},
                  {"system.turbo", "unavailable"},
                  {"system.aslr", "unavailable"},
                  {"governor", "powersave"},
                  {"system.load", "9.00 9.00 9.00"}};  // no system.cpus: no share to judge by
    EXPECT_TRUE(judge_system_state(env).empty());
}

TEST(SystemJudgement, NohzFullWithIntelPstateIsAWarning) {
    EXPECT_TRUE(
        any_for({{"system.nohz_full", "2-3"}, {"system.cpufreq_driver", "intel_pstate x4"}}, "system.nohz_full"));
    EXPECT_FALSE(
        any_for({{"system.nohz_full", "2-3"}, {"system.cpufreq_driver", "acpi-cpufreq x4"}}, "system.nohz_full"));
}

TEST(SystemJudgement, AslrAndIsolationAreNotesAfterTheWarnings) {
    const Env env{{"system.aslr", "2 (full randomization)"},
                  {"system.isolated_cpus", "none"},
                  {"system.isolcpus", "none"},
                  {"system.turbo", "on (intel_pstate/no_turbo=0)"}};
    const auto all = judge_system_state(env);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].severity, SystemSeverity::warning);
    EXPECT_EQ(all[1].severity, SystemSeverity::note);
    EXPECT_EQ(all[1].key, "system.aslr");
    EXPECT_EQ(all[2].key, "system.isolated_cpus");
    EXPECT_FALSE(any_for({{"system.isolated_cpus", "2-3"}}, "system.isolated_cpus"));
}

}  // namespace
}  // namespace perfmatrix
