#pragma once
// The last-level cache this process can use, to size STREAM's arrays well past it.

#include <cstddef>
#include <string>

namespace perfmatrix::memory {

struct LastLevelCache {
    std::size_t bytes = 0;  // all instances together (one per group of CPUs sharing one)
    std::string source;     // "sysfs" or "sysconf"; empty when neither said
};

// From sysfs (/sys/devices/system/cpu/cpuN/cache/index*/: the highest level's size, times the
// number of distinct instances over the CPUs this process may run on — on a machine with
// several L3 slices, threads on different slices see their sum). Falls back to
// sysconf(_SC_LEVEL3_CACHE_SIZE), which counts one instance as the CPU reports it.
LastLevelCache last_level_cache();

// "32768K", "1M", "512" -> bytes; 0 when unreadable.
std::size_t parse_cache_size(const std::string& text);

}  // namespace perfmatrix::memory
