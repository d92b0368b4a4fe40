#pragma once
// Kind `memory_stream`: sustained memory bandwidth, STREAM style. Parameters:
// stream_params.hpp; the result check: stream_check.hpp.

#include "measure/memory/stream_kernels.hpp"
#include "measure/model/runner.hpp"

#include <functional>
#include <memory>

namespace perfmatrix::memory {

// Called after each timed batch, before the check. Tests pass one that damages the output, to
// see the case fail as wrong_result; production passes none.
using StreamAfterBatch = std::function<void(const StreamArrays&)>;

std::unique_ptr<Runner> make_stream_runner(StreamAfterBatch after_batch = {});

}  // namespace perfmatrix::memory
