#pragma once
// CPU lists in the kernel's compact notation, as /sys and taskset print them.

#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

// {0,1,4} -> "0-1,4". Input order and duplicates do not matter.
std::string format_cpu_ranges(std::vector<int> cpus);
// "0-1,4" -> {0,1,4}; empty for "" and for text that is no such list. Surrounding white space
// (a sysfs file's newline) is ignored.
std::vector<int> parse_cpu_ranges(std::string_view text);

}  // namespace perfmatrix
