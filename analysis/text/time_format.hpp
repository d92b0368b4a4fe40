#pragma once
// Wall-clock times and elapsed times in the report header.

#include <string>

namespace perfmatrix {

// Unix seconds as UTC ISO 8601 to the second: "2026-11-26T10:00:00Z".
std::string format_utc(double unix_seconds);
// An elapsed time: "12.35 s" below a minute, then "1m05s", "2h03m04s", "3d04h05m".
std::string format_elapsed(double seconds);

}  // namespace perfmatrix
