#pragma once
// This machine's name as gethostname(2) gives it, and the time now, as the results file and
// the protocol record them.

#include <string>

namespace perfmatrix {

// "unknown" when gethostname fails.
std::string host_name();

// Seconds since the Unix epoch, from the wall clock (for time stamps, never for durations).
double unix_now();

}  // namespace perfmatrix
