#include "measure/system/system_state.hpp"

#include "measure/system/cpu_consumers.hpp"
#include "measure/system/cpu_ranges.hpp"
#include "measure/system/per_cpu_summary.hpp"
#include "measure/system/system_keys.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>

namespace perfmatrix {
namespace {

namespace fs = std::filesystem;
using Entries = std::vector<std::pair<std::string, std::string>>;

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

std::optional<std::string> first_line(const fs::path& path) {
    std::ifstream in(path);
    std::string line;
    if (!in || !std::getline(in, line)) return std::nullopt;
    return trim(line);
}

std::string first_line_or_unavailable(const fs::path& path) {
    return first_line(path).value_or(std::string(system_key::unavailable));
}

// A sysfs CPU list file: "" (and "(null)" from old kernels' nohz_full) mean none.
std::string cpu_list_file(const fs::path& path) {
    const auto line = first_line(path);
    if (!line) {
        // An empty file has no first line, but is no absent file.
        std::error_code ec;
        return fs::exists(path, ec) ? "none" : std::string(system_key::unavailable);
    }
    return line->empty() || *line == "(null)" ? "none" : *line;
}

struct Paths {
    fs::path cpu, proc;
    explicit Paths(const fs::path& root) : cpu(root / "sys/devices/system/cpu"), proc(root / "proc") {}
};

// Online CPUs from sysfs; the cpuN directories when that file is missing.
std::vector<int> online_cpus(const Paths& p) {
    if (auto line = first_line(p.cpu / "online")) return parse_cpu_ranges(*line);
    std::vector<int> cpus;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(p.cpu, ec)) {
        const std::string name = entry.path().filename().string();
        if (auto one = parse_cpu_ranges(name.starts_with("cpu") ? name.substr(3) : ""); one.size() == 1)
            cpus.push_back(one.front());
    }
    std::sort(cpus.begin(), cpus.end());
    return cpus;
}

// One cpufreq file of every CPU, summarised; "unavailable" when no CPU has it (a VM).
std::string per_cpu_file(const Paths& p, const std::vector<int>& cpus, const std::string& file) {
    std::map<int, std::string> values;
    bool any = false;
    for (int cpu : cpus) {
        const auto v = first_line(p.cpu / fmt::format("cpu{}/cpufreq/{}", cpu, file));
        any = any || v.has_value();
        values[cpu] = v.value_or(std::string(system_key::unavailable));
    }
    return any ? format_per_cpu_summary(values) : std::string(system_key::unavailable);
}

std::string khz_to_mhz(const std::string& khz) {
    try {
        return fmt::format("{} MHz", std::stoll(khz) / 1000);
    } catch (const std::exception&) {
        return khz;
    }
}

std::string frequency_ranges(const Paths& p, const std::vector<int>& cpus) {
    std::map<int, std::string> values;
    for (int cpu : cpus) {
        const fs::path dir = p.cpu / fmt::format("cpu{}/cpufreq", cpu);
        const auto min = first_line(dir / "scaling_min_freq");
        const auto max = first_line(dir / "scaling_max_freq");
        if (min && max) values[cpu] = fmt::format("{}-{}", khz_to_mhz(*min), khz_to_mhz(*max));
    }
    return values.empty() ? std::string(system_key::unavailable) : format_per_cpu_summary(values);
}

// intel_pstate says "no_turbo", acpi-cpufreq and amd-pstate say "boost": opposite senses.
std::string turbo(const Paths& p) {
    if (auto no_turbo = first_line(p.cpu / "intel_pstate/no_turbo"))
        return fmt::format("{} (intel_pstate/no_turbo={})", *no_turbo == "0" ? "on" : "off", *no_turbo);
    if (auto boost = first_line(p.cpu / "cpufreq/boost"))
        return fmt::format("{} (cpufreq/boost={})", *boost == "1" ? "on" : "off", *boost);
    return std::string(system_key::unavailable);
}

std::string aslr(const Paths& p) {
    const auto v = first_line(p.proc / "sys/kernel/randomize_va_space");
    if (!v) return std::string(system_key::unavailable);
    if (*v == "0") return "0 (off)";
    if (*v == "1") return "1 (conservative randomization)";
    if (*v == "2") return "2 (full randomization)";
    return *v;
}

// The value of `name=` on the kernel command line: "none" when absent.
std::string cmdline_parameter(const std::optional<std::string>& cmdline, std::string_view name) {
    if (!cmdline) return std::string(system_key::unavailable);
    std::istringstream words(*cmdline);
    std::string word;
    const std::string key = std::string(name) + "=";
    std::string found = "none";
    // The last one wins, as in the kernel.
    while (words >> word)
        if (word.starts_with(key)) found = word.substr(key.size());
    return found;
}

// "always [madvise] never" -> "madvise".
std::string bracketed_choice(const fs::path& path) {
    const auto line = first_line(path);
    if (!line) return std::string(system_key::unavailable);
    const auto open = line->find('[');
    const auto close = line->find(']', open);
    if (open == std::string::npos || close == std::string::npos) return *line;
    return line->substr(open + 1, close - open - 1);
}

std::string load_averages(const Paths& p) {
    const auto line = first_line(p.proc / "loadavg");
    if (!line) return std::string(system_key::unavailable);
    std::istringstream in(*line);
    std::string one, five, fifteen;
    if (!(in >> one >> five >> fifteen)) return std::string(system_key::unavailable);
    return fmt::format("{} {} {}", one, five, fifteen);
}

// pyperf's on_ac_power: a "Mains" supply that is online; batteries and USB do not say.
std::string power_supply(const fs::path& root) {
    const fs::path dir = root / "sys/class/power_supply";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return std::string(system_key::unavailable);
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (first_line(entry.path() / "type") != "Mains") continue;
        if (auto online = first_line(entry.path() / "online")) return *online == "1" ? "mains online" : "mains offline";
    }
    return "no mains supply listed";
}

struct ProcessFacts {
    std::string top_cpu;
    std::string irqbalance;
};

// The probe's one wait: two reads of every process's CPU time, a window apart.
ProcessFacts watch_processes(const Paths& p, const SystemProbeOptions& opt) {
    std::error_code ec;
    if (!fs::is_directory(p.proc, ec))
        return {std::string(system_key::unavailable), std::string(system_key::unavailable)};
    const auto before = read_proc_stats(p.proc);
    const auto start = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(opt.cpu_window);
    const auto after = read_proc_stats(p.proc);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const int self = opt.self_pid > 0 ? opt.self_pid : static_cast<int>(getpid());
    const auto top = top_cpu_consumers(before, after, seconds, sysconf(_SC_CLK_TCK), own_processes(after, self),
                                       opt.min_cpu_percent, opt.max_consumers);
    const bool irqbalance = std::any_of(after.begin(), after.end(),
                                        [](const auto& kv) { return kv.second.comm == "irqbalance"; });
    return {format_cpu_consumers(top, opt.min_cpu_percent), irqbalance ? "running" : "not running"};
}

}  // namespace

std::vector<std::pair<std::string, std::string>> probe_system_state(const SystemProbeOptions& opt) {
    const Paths p(opt.root);
    const std::vector<int> cpus = online_cpus(p);
    const auto cmdline = first_line(p.proc / "cmdline");
    const ProcessFacts processes = watch_processes(p, opt);
    const auto key = [](std::string_view k) { return std::string(k); };
    return Entries{
        {key(system_key::cpus), cpus.empty() ? std::string(system_key::unavailable) : format_cpu_ranges(cpus)},
        {key(system_key::governor), per_cpu_file(p, cpus, "scaling_governor")},
        {key(system_key::cpufreq_driver), per_cpu_file(p, cpus, "scaling_driver")},
        {key(system_key::cpu_freq), frequency_ranges(p, cpus)},
        {key(system_key::turbo), turbo(p)},
        {key(system_key::smt_active), first_line_or_unavailable(p.cpu / "smt/active")},
        {key(system_key::smt_control), first_line_or_unavailable(p.cpu / "smt/control")},
        {key(system_key::aslr), aslr(p)},
        {key(system_key::isolated), cpu_list_file(p.cpu / "isolated")},
        {key(system_key::nohz_full), cpu_list_file(p.cpu / "nohz_full")},
        {key(system_key::isolcpus), cmdline_parameter(cmdline, "isolcpus")},
        {key(system_key::rcu_nocbs), cmdline_parameter(cmdline, "rcu_nocbs")},
        {key(system_key::thp_enabled), bracketed_choice(opt.root / "sys/kernel/mm/transparent_hugepage/enabled")},
        {key(system_key::thp_defrag), bracketed_choice(opt.root / "sys/kernel/mm/transparent_hugepage/defrag")},
        {key(system_key::load), load_averages(p)},
        {key(system_key::top_cpu), processes.top_cpu},
        {key(system_key::irqbalance), processes.irqbalance},
        {key(system_key::perf_event_paranoid), first_line_or_unavailable(p.proc / "sys/kernel/perf_event_paranoid")},
        {key(system_key::perf_sample_rate),
         first_line_or_unavailable(p.proc / "sys/kernel/perf_event_max_sample_rate")},
        {key(system_key::power_supply), power_supply(opt.root)},
    };
}

}  // namespace perfmatrix
