#pragma once
// The names of the system-state entries a rank records (rank_environment, keys `system.*`).
// The probe writes them and the judgement reads them, possibly years later from a results
// file, so a name never changes meaning.

#include <string_view>

namespace perfmatrix::system_key {

inline constexpr std::string_view prefix = "system.";
inline constexpr std::string_view cpus = "system.cpus";                      // online CPUs, "0-1"
inline constexpr std::string_view governor = "system.governor";              // per_cpu_summary.hpp
inline constexpr std::string_view cpufreq_driver = "system.cpufreq_driver";  // per_cpu_summary.hpp
inline constexpr std::string_view cpu_freq = "system.cpu_freq";              // per_cpu_summary.hpp
inline constexpr std::string_view turbo = "system.turbo";                    // "on (...)", "off (...)"
inline constexpr std::string_view smt_active = "system.smt_active";
inline constexpr std::string_view smt_control = "system.smt_control";
inline constexpr std::string_view aslr = "system.aslr";                // "2 (full randomization)"
inline constexpr std::string_view isolated = "system.isolated_cpus";   // sysfs, "none" or a list
inline constexpr std::string_view nohz_full = "system.nohz_full";      // sysfs, "none" or a list
inline constexpr std::string_view isolcpus = "system.isolcpus";        // kernel command line
inline constexpr std::string_view rcu_nocbs = "system.rcu_nocbs";      // kernel command line
inline constexpr std::string_view thp_enabled = "system.thp_enabled";  // the [selected] choice
inline constexpr std::string_view thp_defrag = "system.thp_defrag";
inline constexpr std::string_view load = "system.load";              // "0.52 0.58 0.59"
inline constexpr std::string_view top_cpu = "system.top_cpu";        // cpu_consumers.hpp
inline constexpr std::string_view irqbalance = "system.irqbalance";  // "running" / "not running"
inline constexpr std::string_view perf_event_paranoid = "system.perf_event_paranoid";
inline constexpr std::string_view perf_sample_rate = "system.perf_event_max_sample_rate";
inline constexpr std::string_view power_supply = "system.power_supply";  // "mains online", ...

inline constexpr std::string_view unavailable = "unavailable";

}  // namespace perfmatrix::system_key
