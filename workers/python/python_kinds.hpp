#pragma once
// The Python kinds (python_workload, pyperf): their job-file parameters and runners.

#include "workers/kind_spec.hpp"
#include "workers/runner.hpp"

#include <memory>
#include <string_view>
#include <vector>

namespace perfmatrix {

std::vector<KindSpec> python_kind_specs();
// The runner for one of these kinds, or nullptr if kind is not one of them.
std::unique_ptr<Runner> make_python_runner(std::string_view kind);

}  // namespace perfmatrix
