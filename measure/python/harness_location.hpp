#pragma once
// Where python/harness.py is at run time: where measure/resource_paths.hpp says (the build copies
// python/ to <build>/python/; an installation has it in <prefix>/share/perfmatrix/python/). The
// environment variable PERFMATRIX_HARNESS (a path to harness.py) overrides that, e.g. to try an
// edited harness without rebuilding, or for a test binary that lives elsewhere.

#include "measure/resource_paths.hpp"

#include <string>

namespace perfmatrix::python {

inline constexpr const char* kHarnessVariable = resource_variable(Resource::python_harness);

struct HarnessLocation {
    std::string path;   // set when found
    std::string error;  // set when not: where it looked, and how to point elsewhere
};

HarnessLocation find_harness();

}  // namespace perfmatrix::python
