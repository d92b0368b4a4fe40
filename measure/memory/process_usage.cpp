#include "measure/memory/process_usage.hpp"

#include <sys/resource.h>

namespace perfmatrix::memory {
namespace {

rusage self_usage() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u;
}

}  // namespace

double max_rss_bytes() {
    // Linux reports ru_maxrss in KiB.
    return static_cast<double>(self_usage().ru_maxrss) * 1024.0;
}

long long minor_faults() { return self_usage().ru_minflt; }

}  // namespace perfmatrix::memory
