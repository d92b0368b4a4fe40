#pragma once
// Which other processes burn CPU while a benchmark starts: two reads of /proc/*/stat a short
// window apart, CPU time per process between them. Processes of perfmatrix's own launch
// (itself, its children, its launcher and the launcher's other ranks) do not count.

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

struct ProcStat {
    int pid = 0;
    int ppid = 0;
    std::string comm;
    unsigned long long ticks = 0;  // utime + stime, in clock ticks
    char state = '?';              // R, S, D, Z (exited, not yet reaped), ...
};

struct CpuConsumer {
    int pid = 0;
    std::string comm;
    double percent = 0;  // of one CPU
};

// One /proc/PID/stat line; nullopt when it is not one.
std::optional<ProcStat> parse_proc_stat(std::string_view line);
// Every process under `proc` (e.g. "/proc"), by pid; processes that vanish are skipped.
std::map<int, ProcStat> read_proc_stats(const std::filesystem::path& proc);

// `self`, its ancestors and its descendants, and everything under the nearest ancestor that
// is an MPI or SLURM launcher (mpirun, orted, prterun, srun, slurmstepd, ...): the other ranks.
std::set<int> own_processes(const std::map<int, ProcStat>& procs, int self);

// CPU % of one CPU per process between two reads `seconds` apart, above `min_percent`, the
// highest `limit` first. Processes in `excluded` or not in both reads do not count.
std::vector<CpuConsumer> top_cpu_consumers(const std::map<int, ProcStat>& before, const std::map<int, ProcStat>& after,
                                           double seconds, long ticks_per_second, const std::set<int>& excluded,
                                           double min_percent, std::size_t limit);

// "pid 1234 stress 98%; pid 55 python3 12%", or "none above 5%".
std::string format_cpu_consumers(const std::vector<CpuConsumer>& top, double min_percent);

}  // namespace perfmatrix
