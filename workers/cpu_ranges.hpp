#pragma once
// CPU lists in the kernel's compact notation, as /sys and taskset print them.

#include <string>
#include <vector>

namespace perfmatrix {

// {0,1,4} -> "0-1,4". Input order and duplicates do not matter.
std::string format_cpu_ranges(std::vector<int> cpus);

}  // namespace perfmatrix
