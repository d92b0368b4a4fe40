#pragma once
// Timing batches of GPU calls with CUDA events: the GPU's own clock between an event recorded
// before the first call and one after the last, on one stream. Host clocks would time the
// enqueueing (calls return before the GPU runs them) or add a synchronisation per call.

#include "measure/call_batch_plan.hpp"
#include "measure/cuda/cuda_resources.hpp"
#include "measure/model/runner.hpp"
#include "measure/sample_deadline.hpp"
#include "measure/sampling.hpp"

#include <cstddef>
#include <functional>
#include <variant>

namespace perfmatrix::cuda {

// The stream the calls go to and the two events that bracket a batch on it.
struct BatchEvents {
    const Stream& stream;
    Event start, stop;
};

// Enqueues `calls` calls of `call` (which must enqueue on events.stream) between the two
// events and returns the seconds between them, or the failure (timeout, interrupted) that
// `deadline` reported while enqueueing (every check_every calls) or waiting for the GPU.
// When the host enqueues slower than the GPU runs (tiny problems), the GPU waits for calls
// and the batch shows it: that is the honest rate of calls issued from one host thread.
std::variant<double, SampleResult> time_gpu_batch(const std::function<void()>& call, std::size_t calls,
                                                  std::size_t check_every, BatchEvents& events,
                                                  const SampleDeadline& deadline);

// Grows the calls per batch until a batch lasts at least min_batch_time; `timeout` seconds
// bound the whole calibration, like a sample.
// Checks come about 1 ms of GPU work apart: the queue is bounded, so enqueueing keeps pace.
std::variant<CallBatchPlan, SampleResult> plan_gpu_batch(const std::function<void()>& call, double min_batch_time,
                                                         double timeout, BatchEvents& events, const RunContext& ctx);

}  // namespace perfmatrix::cuda
