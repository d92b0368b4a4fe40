#pragma once
// Timing batches of blas calls: calibrating how many calls one batch makes, and running a
// batch while honouring the per-sample deadline and cancellation.

#include "measure/blas/blas_workload.hpp"
#include "measure/call_batch_plan.hpp"
#include "measure/model/runner.hpp"
#include "measure/sampling.hpp"

#include <chrono>
#include <cstddef>
#include <variant>

namespace perfmatrix::blas {

using BlasClock = std::chrono::steady_clock;

// Counts calls across batches, so rotation through operand copies never restarts.
struct CallCounter {
    std::size_t next = 0;
};

// Runs `calls` calls and returns their duration in seconds, or the failure (timeout past
// `deadline`, interrupted when ctx.should_stop()) found at a check between calls.
std::variant<double, SampleResult> run_calls(BlasWorkload& w, CallCounter& counter, std::size_t calls,
                                             std::size_t check_every, BlasClock::time_point deadline,
                                             const RunContext& ctx);

// Grows the call count until one batch lasts at least min_batch_time; `timeout` seconds
// bound the whole calibration, like a sample.
std::variant<CallBatchPlan, SampleResult> plan_batch(BlasWorkload& w, CallCounter& counter, double min_batch_time,
                                                     double timeout, const RunContext& ctx);

}  // namespace perfmatrix::blas
