#include "measure/cuda/gpu_batch.hpp"

#include "measure/cuda/cuda_errors.hpp"

#include <cuda_runtime_api.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace perfmatrix::cuda {
namespace {

// No batch needs more calls than this: at ~3 us per launch it is a minute of enqueueing.
constexpr std::uint64_t kMaxCalls = std::uint64_t{1} << 24;

// Polls rather than cudaEventSynchronize, which cannot be given up on: a sample past its
// timeout, or a cancelled case, must end. The sleep costs the host nothing it measures:
// the events carry the GPU's timestamps.
std::optional<SampleResult> wait_for(const Event& event, const SampleDeadline& deadline) {
    for (;;) {
        const cudaError_t e = cudaEventQuery(event.get());
        if (e == cudaSuccess) return std::nullopt;
        if (e != cudaErrorNotReady) check(e, "waiting for the batch to finish");
        if (auto failure = deadline.expired()) return failure;
        std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
}

}  // namespace

std::variant<double, SampleResult> time_gpu_batch(const std::function<void()>& call, std::size_t calls,
                                                  std::size_t check_every, BatchEvents& events,
                                                  const SampleDeadline& deadline) {
    check(cudaEventRecord(events.start.get(), events.stream.get()), "cudaEventRecord (batch start)");
    for (std::size_t i = 1; i <= calls; ++i) {
        call();
        // Calls return once queued; the queue is bounded, so a long batch blocks here and
        // the checks still come about every check_every calls of GPU work.
        if (i % check_every == 0 && i != calls) {
            if (auto failure = deadline.expired()) return std::move(*failure);
        }
    }
    check(cudaEventRecord(events.stop.get(), events.stream.get()), "cudaEventRecord (batch end)");
    if (auto failure = wait_for(events.stop, deadline)) return std::move(*failure);
    float ms = 0;
    check(cudaEventElapsedTime(&ms, events.start.get(), events.stop.get()), "cudaEventElapsedTime");
    return static_cast<double>(ms) / 1e3;
}

std::variant<CallBatchPlan, SampleResult> plan_gpu_batch(const std::function<void()>& call, double min_batch_time,
                                                         double timeout, BatchEvents& events, const RunContext& ctx) {
    const SampleDeadline deadline(timeout, ctx);
    return plan_call_batch(
        [&](std::uint64_t calls, std::uint64_t check_every) {
            return time_gpu_batch(call, calls, check_every, events, deadline);
        },
        min_batch_time, kMaxCalls);
}

}  // namespace perfmatrix::cuda
