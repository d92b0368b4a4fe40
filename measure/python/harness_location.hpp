#pragma once
// Where python/harness.py is at run time. The build copies the repository's python/ tree to
// <build>/python/, and perfmatrix-measure sits in <build>/orchestrator/, so the harness is
// found at <directory of this executable>/../python/harness.py. The environment variable
// PERFMATRIX_HARNESS (a path to harness.py) overrides that, e.g. to try an edited harness
// without rebuilding, or for a test binary that lives elsewhere.

#include <string>

namespace perfmatrix::python {

inline constexpr const char* kHarnessVariable = "PERFMATRIX_HARNESS";

struct HarnessLocation {
    std::string path;   // set when found
    std::string error;  // set when not: where it looked, and how to point elsewhere
};

HarnessLocation find_harness();

}  // namespace perfmatrix::python
