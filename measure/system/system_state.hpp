#pragma once
// The machine settings that make benchmark numbers unstable (CPU frequency scaling, turbo,
// SMT, ASLR, isolated CPUs, transparent huge pages, load, other busy processes, perf
// sampling), read from /proc and /sys: the `perfmatrix system` listing and the `system.*`
// entries every rank records at run start. It only reads; it never changes a setting.
// A file that is absent or unreadable gives "unavailable", never an error.

#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace perfmatrix {

struct SystemProbeOptions {
    // Where /proc and /sys are looked for: "/" on a machine, a directory a test fills.
    std::filesystem::path root = "/";
    // How long other processes' CPU time is watched; the probe's only wait.
    std::chrono::milliseconds cpu_window{100};
    int self_pid = 0;  // whose launch does not count as other processes; 0: this process
    double min_cpu_percent = 5;
    std::size_t max_consumers = 5;
};

// (key, value) pairs, keys as in system_keys.hpp, in a fixed order.
std::vector<std::pair<std::string, std::string>> probe_system_state(const SystemProbeOptions& options = {});

}  // namespace perfmatrix
