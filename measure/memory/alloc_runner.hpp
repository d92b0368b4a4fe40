#pragma once
// Kind `memory_alloc`: malloc/free throughput of one allocator. Parameters: alloc_params.hpp;
// the loop: alloc_rounds.hpp; how the allocator gets in: allocator_preload.hpp.

#include "measure/model/runner.hpp"

#include <memory>

namespace perfmatrix::memory {

std::unique_ptr<Runner> make_alloc_runner();

}  // namespace perfmatrix::memory
