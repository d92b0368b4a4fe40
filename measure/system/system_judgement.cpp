#include "measure/system/system_judgement.hpp"

#include "measure/system/cpu_ranges.hpp"
#include "measure/system/per_cpu_summary.hpp"
#include "measure/system/system_keys.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>

namespace perfmatrix {
namespace {

using Environment = std::vector<std::pair<std::string, std::string>>;

// Load above this share of the CPUs means other work competes with the benchmark.
constexpr double load_per_cpu_limit = 0.5;

std::optional<std::string> value_of(const Environment& env, std::string_view key) {
    for (const auto& [k, v] : env)
        if (k == key && v != system_key::unavailable) return v;
    return std::nullopt;
}

std::string cpus_text(std::size_t count) { return fmt::format("{} CPU{}", count, count == 1 ? "" : "s"); }

void judge_governor(const Environment& env, std::vector<SystemAdvice>& out) {
    const auto line = value_of(env, system_key::governor);
    if (!line) return;
    for (const PerCpuGroup& g : parse_per_cpu_summary(*line)) {
        if (g.value == "performance" || g.value == system_key::unavailable) continue;
        out.push_back({SystemSeverity::warning, std::string(system_key::governor),
                       fmt::format("governor {} on {}{}: frequencies vary; set performance", g.value,
                                   cpus_text(g.count), g.cpus.empty() ? "" : " (" + format_cpu_ranges(g.cpus) + ")")});
    }
}

void judge_turbo(const Environment& env, std::vector<SystemAdvice>& out) {
    const auto v = value_of(env, system_key::turbo);
    if (!v || !v->starts_with("on")) return;
    out.push_back({SystemSeverity::warning, std::string(system_key::turbo),
                   fmt::format("turbo boost {}: the clock follows temperature and the other cores' load; "
                               "disable it for steadier numbers",
                               *v)});
}

void judge_thp(const Environment& env, std::vector<SystemAdvice>& out) {
    if (value_of(env, system_key::thp_enabled) == "always")
        out.push_back({SystemSeverity::warning, std::string(system_key::thp_enabled),
                       "transparent huge pages always: page faults and khugepaged vary run to run; "
                       "madvise is steadier"});
    if (value_of(env, system_key::thp_defrag) == "always")
        out.push_back({SystemSeverity::warning, std::string(system_key::thp_defrag),
                       "THP defrag always: allocations may stall for memory compaction; use madvise or defer"});
}

void judge_load(const Environment& env, std::vector<SystemAdvice>& out) {
    const auto load = value_of(env, system_key::load);
    const auto cpus = value_of(env, system_key::cpus);
    if (!load || !cpus) return;
    const std::size_t count = parse_cpu_ranges(*cpus).size();
    double load1 = 0;
    const std::string_view first = std::string_view(*load).substr(0, load->find(' '));
    if (count == 0 || std::from_chars(first.data(), first.data() + first.size(), load1).ec != std::errc{}) return;
    if (load1 <= load_per_cpu_limit * static_cast<double>(count)) return;
    out.push_back({SystemSeverity::warning, std::string(system_key::load),
                   fmt::format("load {} on {}: other work competes for the CPUs", first, cpus_text(count))});
}

void judge_processes(const Environment& env, std::vector<SystemAdvice>& out) {
    const auto top = value_of(env, system_key::top_cpu);
    if (!top || top->starts_with("none")) return;
    out.push_back({SystemSeverity::warning, std::string(system_key::top_cpu),
                   fmt::format("other processes were busy: {}", *top)});
}

void judge_power(const Environment& env, std::vector<SystemAdvice>& out) {
    if (value_of(env, system_key::power_supply) != "mains offline") return;
    out.push_back({SystemSeverity::warning, std::string(system_key::power_supply),
                   "on battery: power saving throttles the CPU; plug the power cable"});
}

// pyperf's check: intel_pstate does not work with nohz_full (Red Hat bug 1378529).
void judge_nohz_pstate(const Environment& env, std::vector<SystemAdvice>& out) {
    const auto nohz = value_of(env, system_key::nohz_full);
    const auto driver = value_of(env, system_key::cpufreq_driver);
    if (!nohz || *nohz == "none" || !driver || driver->find("intel_pstate") == std::string::npos) return;
    out.push_back(
        {SystemSeverity::warning, std::string(system_key::nohz_full),
         fmt::format("nohz_full on CPUs {} with the intel_pstate driver, which does not work with it", *nohz)});
}

void judge_aslr(const Environment& env, std::vector<SystemAdvice>& out) {
    const auto v = value_of(env, system_key::aslr);
    if (!v) return;
    if (v->starts_with("0"))
        out.push_back({SystemSeverity::note, std::string(system_key::aslr),
                       "ASLR off: every process gets the same memory layout, so a lucky or unlucky alignment "
                       "repeats in every sample"});
    else
        out.push_back({SystemSeverity::note, std::string(system_key::aslr),
                       fmt::format("ASLR {}: layouts differ per process; fine across rounds, a single "
                                   "process's samples share one layout",
                                   *v)});
}

void judge_isolation(const Environment& env, std::vector<SystemAdvice>& out) {
    const auto isolated = value_of(env, system_key::isolated);
    const auto isolcpus = value_of(env, system_key::isolcpus);
    if (!isolated || *isolated != "none" || (isolcpus && *isolcpus != "none")) return;
    out.push_back({SystemSeverity::note, std::string(system_key::isolated),
                   "no CPU is isolated (isolcpus=, nohz_full=, rcu_nocbs=): the scheduler may run other tasks "
                   "on the benchmark's CPUs"});
}

void judge_perf_sampling(const Environment& env, std::vector<SystemAdvice>& out) {
    const auto rate = value_of(env, system_key::perf_sample_rate);
    if (!rate || *rate == "1") return;
    out.push_back({SystemSeverity::note, std::string(system_key::perf_sample_rate),
                   fmt::format("perf may sample up to {} times a second; while perf records, that costs time", *rate)});
}

}  // namespace

std::vector<SystemAdvice> judge_system_state(const Environment& environment) {
    std::vector<SystemAdvice> out;
    for (const auto judge : {judge_governor, judge_turbo, judge_thp, judge_load, judge_processes, judge_power,
                             judge_nohz_pstate, judge_aslr, judge_isolation, judge_perf_sampling})
        judge(environment, out);
    std::stable_sort(out.begin(), out.end(), [](const SystemAdvice& a, const SystemAdvice& b) {
        return a.severity == SystemSeverity::warning && b.severity != SystemSeverity::warning;
    });
    return out;
}

}  // namespace perfmatrix
