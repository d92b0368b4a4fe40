#pragma once
// The CUDA benchmark kinds: their job-file parameters (known in every build) and runners that
// forward to the CUDA runner module (built only where the CUDA toolkit is found).

#include "workers/kind_spec.hpp"
#include "workers/runner.hpp"

#include <memory>
#include <string_view>
#include <vector>

namespace perfmatrix {

std::vector<KindSpec> cuda_kind_specs();
// The runner for one of these kinds, or nullptr if kind is not one of them.
std::unique_ptr<Runner> make_cuda_runner(std::string_view kind);

}  // namespace perfmatrix
