#pragma once
// Which interpreter flags a python_workload may put before the harness script. Only flags
// that change how the interpreter runs code, never ones that run something else (-c, -m) or
// read input (-i), so the harness is always what runs.

#include <optional>
#include <string>
#include <vector>

namespace perfmatrix::python {

// nullopt when every flag is allowed; else what is wrong, for the `flags` parameter.
std::optional<std::string> flags_problem(const std::vector<std::string>& flags);

// Whether the flags make Python ignore PYTHON* environment variables (-I implies -E).
bool ignores_python_env(const std::vector<std::string>& flags);

}  // namespace perfmatrix::python
