#pragma once
// The torch kinds: their job-file parameters (known everywhere, so job files load on machines
// without libtorch) and their runners, which forward to the perfmatrix-torch runner module.

#include "workers/kind_spec.hpp"
#include "workers/runner.hpp"

#include <memory>
#include <string_view>
#include <vector>

namespace perfmatrix {

std::vector<KindSpec> torch_kind_specs();
// The runner for one of these kinds, or nullptr if kind is not one of them.
std::unique_ptr<Runner> make_torch_runner(std::string_view kind);

}  // namespace perfmatrix
