#pragma once
// The blas benchmark kinds: their job-file parameters and their runners.

#include "workers/kind_spec.hpp"
#include "workers/runner.hpp"

#include <memory>
#include <string_view>
#include <vector>

namespace perfmatrix {

std::vector<KindSpec> blas_kind_specs();
// The runner for one of these kinds, or nullptr if kind is not one of them.
std::unique_ptr<Runner> make_blas_runner(std::string_view kind);

}  // namespace perfmatrix
