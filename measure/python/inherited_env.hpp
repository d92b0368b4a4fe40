#pragma once
// The part of the worker's environment a Python child inherits. Like pyperf, the child gets
// only named variables: a stray PYTHONPATH, PYTHONMALLOC or LD_PRELOAD in a user's shell would
// otherwise change what is measured without a trace in the results.

#include <string>
#include <utility>
#include <vector>

namespace perfmatrix::python {

// The worker's variables matching `patterns` (exact names, or a prefix ending in '*'), in the
// order of the worker's environment.
std::vector<std::pair<std::string, std::string>> inherited_variables(const std::vector<std::string>& patterns);

}  // namespace perfmatrix::python
