#include "fake_root.hpp"

#include "measure/host_probe.hpp"
#include "measure/model/host_info.hpp"
#include "measure/system/system_keys.hpp"
#include "measure/system/system_state.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace perfmatrix {
namespace {

using test::FakeRoot;

std::map<std::string, std::string> probe(const FakeRoot& root) {
    SystemProbeOptions opt;
    opt.root = root.path();
    opt.cpu_window = std::chrono::milliseconds(0);  // the fake /proc never changes anyway
    std::map<std::string, std::string> out;
    for (auto& [k, v] : probe_system_state(opt)) out[k] = v;
    return out;
}

void write_cpu(const FakeRoot& root, int cpu, const std::string& governor, const std::string& min_khz,
               const std::string& max_khz) {
    const std::string dir = "sys/devices/system/cpu/cpu" + std::to_string(cpu) + "/cpufreq/";
    root.write(dir + "scaling_governor", governor + "\n");
    root.write(dir + "scaling_driver", "intel_pstate\n");
    root.write(dir + "scaling_min_freq", min_khz + "\n");
    root.write(dir + "scaling_max_freq", max_khz + "\n");
}

// A tuned-for-nothing machine: every setting the probe reads, with values it must report.
void write_untuned_machine(const FakeRoot& root) {
    root.write("sys/devices/system/cpu/online", "0-3\n");
    write_cpu(root, 0, "performance", "3000000", "3000000");
    write_cpu(root, 1, "performance", "3000000", "3000000");
    write_cpu(root, 2, "powersave", "800000", "3000000");
    write_cpu(root, 3, "powersave", "800000", "3000000");
    root.write("sys/devices/system/cpu/intel_pstate/no_turbo", "0\n");
    root.write("sys/devices/system/cpu/smt/active", "1\n");
    root.write("sys/devices/system/cpu/smt/control", "on\n");
    root.write("sys/devices/system/cpu/isolated", "\n");
    root.write("sys/devices/system/cpu/nohz_full", "(null)\n");
    root.write("sys/kernel/mm/transparent_hugepage/enabled", "[always] madvise never\n");
    root.write("sys/kernel/mm/transparent_hugepage/defrag", "always defer defer+madvise [madvise] never\n");
    root.write("sys/class/power_supply/AC/type", "Mains\n");
    root.write("sys/class/power_supply/AC/online", "0\n");
    root.write("sys/class/power_supply/BAT0/type", "Battery\n");
    root.write("proc/sys/kernel/randomize_va_space", "2\n");
    root.write("proc/sys/kernel/perf_event_paranoid", "2\n");
    root.write("proc/sys/kernel/perf_event_max_sample_rate", "100000\n");
    root.write("proc/cmdline", "BOOT_IMAGE=/vmlinuz root=/dev/sda1 isolcpus=2-3 rcu_nocbs=1 quiet\n");
    root.write("proc/loadavg", "3.52 2.10 1.05 4/321 12345\n");
    root.write("proc/77/stat", "77 (irqbalance) S 1 77 77 0 -1 4194560 1 0 0 0 5 6 0 0 20 0 1 0 1 1 1\n");
}

TEST(SystemState, ReadsEverySettingOfAFakeMachine) {
    FakeRoot root;
    write_untuned_machine(root);
    const auto s = probe(root);
    EXPECT_EQ(s.at("system.cpus"), "0-3");
    EXPECT_EQ(s.at("system.governor"), "performance x2 (cpus 0-1); powersave x2 (cpus 2-3)");
    EXPECT_EQ(s.at("system.cpufreq_driver"), "intel_pstate x4");
    EXPECT_EQ(s.at("system.cpu_freq"), "3000 MHz-3000 MHz x2 (cpus 0-1); 800 MHz-3000 MHz x2 (cpus 2-3)");
    EXPECT_EQ(s.at("system.turbo"), "on (intel_pstate/no_turbo=0)");
    EXPECT_EQ(s.at("system.smt_active"), "1");
    EXPECT_EQ(s.at("system.smt_control"), "on");
    EXPECT_EQ(s.at("system.aslr"), "2 (full randomization)");
    EXPECT_EQ(s.at("system.isolated_cpus"), "none");
    EXPECT_EQ(s.at("system.nohz_full"), "none");
    EXPECT_EQ(s.at("system.isolcpus"), "2-3");
    EXPECT_EQ(s.at("system.rcu_nocbs"), "1");
    EXPECT_EQ(s.at("system.thp_enabled"), "always");
    EXPECT_EQ(s.at("system.thp_defrag"), "madvise");
    EXPECT_EQ(s.at("system.load"), "3.52 2.10 1.05");
    EXPECT_EQ(s.at("system.top_cpu"), "none above 5%");
    EXPECT_EQ(s.at("system.irqbalance"), "running");
    EXPECT_EQ(s.at("system.perf_event_paranoid"), "2");
    EXPECT_EQ(s.at("system.perf_event_max_sample_rate"), "100000");
    EXPECT_EQ(s.at("system.power_supply"), "mains offline");
}

TEST(SystemState, AnEmptyRootGivesUnavailableForEverySetting) {
    FakeRoot root;
    const auto s = probe(root);
    EXPECT_EQ(s.size(), 20u);
    for (const auto& [key, value] : s) {
        EXPECT_TRUE(key.starts_with(system_key::prefix)) << key;
        EXPECT_EQ(value, "unavailable") << key;
    }
}

TEST(SystemState, BoostFileAndCpuDirectoriesStandInForMissingFiles) {
    FakeRoot root;
    // No "online" file: the cpuN directories say which CPUs there are.
    root.write("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "schedutil\n");
    root.write("sys/devices/system/cpu/cpu1/cpufreq/scaling_governor", "schedutil\n");
    root.write("sys/devices/system/cpu/cpufreq/boost", "0\n");
    root.write("proc/cmdline", "quiet nohz_full=1 isolcpus=1 isolcpus=domain,3\n");
    root.write("proc/sys/kernel/randomize_va_space", "0\n");
    const auto s = probe(root);
    EXPECT_EQ(s.at("system.cpus"), "0-1");
    EXPECT_EQ(s.at("system.governor"), "schedutil x2");
    EXPECT_EQ(s.at("system.turbo"), "off (cpufreq/boost=0)");
    EXPECT_EQ(s.at("system.isolcpus"), "domain,3");  // the last one wins, as in the kernel
    EXPECT_EQ(s.at("system.rcu_nocbs"), "none");
    EXPECT_EQ(s.at("system.aslr"), "0 (off)");
    EXPECT_EQ(s.at("system.top_cpu"), "none above 5%");  // proc/ exists, no process in it
    EXPECT_EQ(s.at("system.irqbalance"), "not running");
}

TEST(SystemState, ACpuWithoutAGovernorIsListedAsUnavailable) {
    FakeRoot root;
    root.write("sys/devices/system/cpu/online", "0-2\n");
    root.write("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "performance\n");
    root.write("sys/devices/system/cpu/cpu2/cpufreq/scaling_governor", "performance\n");
    EXPECT_EQ(probe(root).at("system.governor"), "performance x2 (cpus 0,2); unavailable x1 (cpus 1)");
}

TEST(SystemState, ProbeHostRecordsEverySystemEntry) {
    const HostInfo h = probe_host();
    std::size_t system_entries = 0;
    for (const auto& [key, value] : h.environment)
        if (key.starts_with(system_key::prefix)) {
            ++system_entries;
            EXPECT_FALSE(value.empty()) << key;
        }
    EXPECT_EQ(system_entries, 20u);
}

}  // namespace
}  // namespace perfmatrix
