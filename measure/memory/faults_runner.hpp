#pragma once
// Kind `memory_faults`: what it costs to make fresh anonymous memory usable (one page fault
// per page) against touching pages already resident. Parameters: faults_params.hpp.

#include "measure/model/runner.hpp"

#include <memory>

namespace perfmatrix::memory {

std::unique_ptr<Runner> make_faults_runner();

}  // namespace perfmatrix::memory
