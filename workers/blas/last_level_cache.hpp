#pragma once
// Size of the largest CPU cache, to decide when operands fit in cache and must be rotated.

#include <cstddef>

namespace perfmatrix {

// From sysfs (cpu0's highest-level data/unified cache); glibc's sysconf is the fallback,
// then 32 MiB. sysfs comes first because sysconf reads CPUID, which hypervisors misreport
// (a VM here says 320 MiB of L3 through sysconf and 32 MiB through sysfs).
std::size_t last_level_cache_bytes();

}  // namespace perfmatrix
