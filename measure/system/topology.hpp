#pragma once
// The machine's layout as measurement needs it: the last-level cache this process can use. STREAM
// sizes its arrays well past it; BLAS rotates operand copies so a timed call does not find them
// in it.

#include <cstddef>
#include <string>

namespace perfmatrix {

struct LastLevelCache {
    std::size_t bytes = 0;  // all instances together (one per group of CPUs sharing one)
    std::string source;     // "sysfs" or "sysconf"; empty when neither said
};

// From sysfs (/sys/devices/system/cpu/cpuN/cache/index*/: the highest level's size, times the
// number of distinct instances over the CPUs this process may run on — on a machine with
// several L3 slices, threads on different slices see their sum). Falls back to
// sysconf(_SC_LEVEL3_CACHE_SIZE), which counts one instance as the CPU reports it. sysfs comes
// first because sysconf reads CPUID, which hypervisors misreport (a VM here says 320 MiB of L3
// through sysconf and 32 MiB through sysfs).
LastLevelCache last_level_cache();

// "32768K", "1M", "512" -> bytes; 0 when unreadable.
std::size_t parse_cache_size(const std::string& text);

}  // namespace perfmatrix
