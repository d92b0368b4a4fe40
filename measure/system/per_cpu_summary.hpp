#pragma once
// A per-CPU setting (a governor, a frequency range) as one short line: "performance x2" when
// every CPU agrees, "powersave x2 (cpus 2-3); performance x2 (cpus 0-1)" when they differ.
// The line is what a rank records, so the report can judge it again later: parse_per_cpu_summary
// reads back exactly what format_per_cpu_summary writes.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace perfmatrix {

struct PerCpuGroup {
    std::string value;
    std::size_t count = 0;
    std::vector<int> cpus;  // empty when the line names none (every CPU agreed)
};

// cpu -> value. Groups are ordered by size, largest first (ties by value).
std::string format_per_cpu_summary(const std::map<int, std::string>& values);
// The groups of a summary line; empty for "unavailable" or text that is no summary.
std::vector<PerCpuGroup> parse_per_cpu_summary(const std::string& line);

}  // namespace perfmatrix
