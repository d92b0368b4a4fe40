#pragma once
// Kind "spawn": the cost of starting a process and, optionally, of it becoming ready and
// being torn down. Parameters: spawn_params.hpp; statuses: spawn_outcome.hpp.

#include "measure/model/runner.hpp"

#include <memory>

namespace perfmatrix {

std::unique_ptr<Runner> make_spawn_runner();

}  // namespace perfmatrix
