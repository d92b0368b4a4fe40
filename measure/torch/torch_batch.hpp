#pragma once
// Timing batches of torch calls: calibrating how many calls one batch makes, and running a
// batch while honouring the per-sample deadline and cancellation. No torch headers: the device
// specifics (synchronising a GPU, its events) sit behind BatchTimer.

#include "measure/call_batch_plan.hpp"
#include "measure/model/runner.hpp"
#include "measure/sample_deadline.hpp"
#include "measure/sampling.hpp"
#include "measure/torch/torch_workload.hpp"

#include <variant>

namespace perfmatrix::torch_bench {

class BatchTimer {
public:
    virtual ~BatchTimer() = default;
    // Waits for earlier device work, then marks the start.
    virtual void start() = 0;
    // Waits for the work queued since start(); returns its duration in seconds.
    virtual double stop() = 0;
};

// The host's steady clock: CPU calls finish before they return.
std::unique_ptr<BatchTimer> make_host_timer();

// Runs `calls` calls between timer.start() and timer.stop(): their duration in seconds, or the
// failure (timeout, interrupted) that a check between calls found.
std::variant<double, SampleResult> run_batch(TorchWorkload& w, BatchTimer& timer, long long calls,
                                             long long check_every, const SampleDeadline& deadline);

// Grows the call count until one batch lasts at least min_batch_time; `timeout` seconds bound
// the whole calibration, like a sample.
std::variant<CallBatchPlan, SampleResult> plan_batch(TorchWorkload& w, BatchTimer& timer, double min_batch_time,
                                                     double timeout, const RunContext& ctx);

}  // namespace perfmatrix::torch_bench
