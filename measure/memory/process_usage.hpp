#pragma once
// This process's resource usage, as getrusage(RUSAGE_SELF) reports it.

namespace perfmatrix::memory {

// Peak resident set of this process so far, in bytes. It is the measuring process's peak
// (perfmatrix-measure's, including its own few MiB), not one kernel's.
double max_rss_bytes();

// Minor page faults of this process so far.
long long minor_faults();

}  // namespace perfmatrix::memory
