#include "measure/system/cpu_consumers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <iterator>
#include <sstream>

namespace perfmatrix {
namespace {

// Fields after the ")" that closes comm: state is the first, ppid the second, utime and
// stime the 12th and 13th (proc(5) numbers them 3, 4, 14, 15).
constexpr std::size_t ppid_field = 1, utime_field = 11, stime_field = 12;

constexpr std::array<std::string_view, 10> launcher_names{"mpirun",          "mpiexec",      "orterun", "orted",
                                                          "prterun",         "prted",        "srun",    "slurmstepd",
                                                          "hydra_pmi_proxy", "mpiexec.hydra"};

template <typename T>
bool parse_number(std::string_view text, T& value) {
    return !text.empty() && std::from_chars(text.data(), text.data() + text.size(), value).ec == std::errc{};
}

std::vector<std::string_view> split_fields(std::string_view text) {
    std::vector<std::string_view> fields;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = text.find_first_not_of(' ', pos);
        if (start == std::string_view::npos) break;
        const std::size_t end = std::min(text.find(' ', start), text.size());
        fields.push_back(text.substr(start, end - start));
        pos = end;
    }
    return fields;
}

bool is_launcher(const std::string& comm) {
    return std::find(launcher_names.begin(), launcher_names.end(), comm) != launcher_names.end();
}

// Every process whose chain of parents reaches one of `roots`, the roots included.
std::set<int> subtrees(const std::map<int, ProcStat>& procs, const std::set<int>& roots) {
    std::set<int> out;
    for (const auto& [pid, st] : procs) {
        // Bounded: a pid reused while /proc was read can make a chain loop.
        int p = pid;
        for (std::size_t hops = 0; hops <= procs.size() && p > 0; ++hops) {
            if (roots.contains(p)) {
                out.insert(pid);
                break;
            }
            const auto it = procs.find(p);
            if (it == procs.end()) break;
            p = it->second.ppid;
        }
    }
    out.insert(roots.begin(), roots.end());
    return out;
}

}  // namespace

std::optional<ProcStat> parse_proc_stat(std::string_view line) {
    // comm may hold spaces and parentheses: it ends at the last ')'.
    const std::size_t open = line.find('(');
    const std::size_t close = line.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) return std::nullopt;
    ProcStat st;
    std::string_view pid_text = line.substr(0, open);
    while (!pid_text.empty() && pid_text.back() == ' ') pid_text.remove_suffix(1);
    if (!parse_number(pid_text, st.pid)) return std::nullopt;
    st.comm = std::string(line.substr(open + 1, close - open - 1));
    const auto fields = split_fields(line.substr(close + 1));
    if (fields.size() <= stime_field) return std::nullopt;
    unsigned long long utime = 0, stime = 0;
    if (!parse_number(fields[ppid_field], st.ppid) || !parse_number(fields[utime_field], utime) ||
        !parse_number(fields[stime_field], stime))
        return std::nullopt;
    st.state = fields[0].empty() ? '?' : fields[0].front();
    st.ticks = utime + stime;
    return st;
}

std::map<int, ProcStat> read_proc_stats(const std::filesystem::path& proc) {
    std::map<int, ProcStat> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(proc, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || !std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }))
            continue;
        std::ifstream in(entry.path() / "stat");
        std::string line;
        if (!std::getline(in, line)) continue;  // exited since the listing
        if (auto st = parse_proc_stat(line)) out.emplace(st->pid, std::move(*st));
    }
    return out;
}

std::set<int> own_processes(const std::map<int, ProcStat>& procs, int self) {
    // Ancestors are ours (the shell, batch script or launcher waiting on us). Below the nearest
    // launcher are the other ranks of this launch; without one, only our own children.
    std::set<int> ancestors;
    int tree_root = self;
    bool launcher_found = false;
    for (int p = self; ancestors.size() <= procs.size();) {
        const auto it = procs.find(p);
        if (it == procs.end() || it->second.ppid <= 0) break;
        p = it->second.ppid;
        if (!ancestors.insert(p).second) break;  // a loop through a reused pid
        const auto parent = procs.find(p);
        if (!launcher_found && parent != procs.end() && is_launcher(parent->second.comm)) {
            tree_root = p;
            launcher_found = true;
        }
    }
    std::set<int> out = subtrees(procs, {tree_root, self});
    out.insert(ancestors.begin(), ancestors.end());
    return out;
}

std::vector<CpuConsumer> top_cpu_consumers(const std::map<int, ProcStat>& before, const std::map<int, ProcStat>& after,
                                           double seconds, long ticks_per_second, const std::set<int>& excluded,
                                           double min_percent, std::size_t limit) {
    std::vector<CpuConsumer> top;
    if (seconds <= 0 || ticks_per_second <= 0) return top;
    for (const auto& [pid, now] : after) {
        const auto then = before.find(pid);
        // A pid reused between the reads (another comm) or a counter going back is no sample.
        if (then == before.end() || excluded.contains(pid) || then->second.comm != now.comm ||
            now.ticks < then->second.ticks)
            continue;
        const double cpu_seconds = static_cast<double>(now.ticks - then->second.ticks) /
                                   static_cast<double>(ticks_per_second);
        const double percent = 100.0 * cpu_seconds / seconds;
        if (percent > min_percent) top.push_back({pid, now.comm, percent});
    }
    std::sort(top.begin(), top.end(), [](const CpuConsumer& a, const CpuConsumer& b) {
        if (a.percent != b.percent) return a.percent > b.percent;
        return a.pid < b.pid;
    });
    if (top.size() > limit) top.resize(limit);
    return top;
}

std::string format_cpu_consumers(const std::vector<CpuConsumer>& top, double min_percent) {
    if (top.empty()) return fmt::format("none above {:g}%", min_percent);
    std::string out;
    for (const CpuConsumer& c : top) {
        if (!out.empty()) out += "; ";
        out += fmt::format("pid {} {} {:.0f}%", c.pid, c.comm, c.percent);
    }
    return out;
}

}  // namespace perfmatrix
